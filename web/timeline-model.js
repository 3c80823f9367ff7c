// Turns the engine's trace (docs/ARCHITECTURE.md) and output lines into what
// the timeline draws: one lane per task, each a time-ordered list of spans
// (running / waiting on something / blocking the loop) plus output markers.
// Events arrive in time order and in batches; add() is O(events) and never
// rescans old data, so a live real-time run stays cheap.

/** A lane: one task. spans are sorted by t0 (events arrive in time order). */
class Lane {
  constructor(index, task, name) {
    this.index = index;
    this.task = task;
    this.name = name;
    this.task0 = name;     // the task's own name (Task-2), name adds the coroutine
    this.coro = '';        // the coroutine, e.g. job('a')
    this.internal = false; // one of asyncio's own tasks (asyncio.run's shutdown steps)
    this.parent = 0;
    this.created = null;   // time of task_create
    this.ended = null;     // time of task_done
    this.outcome = null;   // 'result' | 'error' | 'cancelled'
    this.detail = '';
    this.spans = [];       // {kind:'run'|'wait'|'block', t0, t1, on, detail}
    this.open = null;      // the span still going on (t1 === null)
    this.markers = [];     // indexes into model.outputs, in time order
  }
}

export class TimelineModel {
  constructor() {
    this.lanes = [];
    this.byTask = new Map();
    this.blocks = [];      // loop-wide: {t0, t1, task}, the loop blocked by a task
    this.outputs = [];     // every output line {t, task, name, text, stream, lane: Lane}
    this.tEnd = 0;         // latest time seen
    this.truncatedAt = null; // time of the trace's "truncated" record, if any
    this.finished = false;
  }

  lane(task, name) {
    let lane = this.byTask.get(task);
    if (!lane) {
      const label = name || (task === 0 ? 'main' : `Task-${task}`);
      lane = new Lane(this.lanes.length, task, label);
      this.byTask.set(task, lane);
      if (task === 0 && this.lanes.length) {
        // Module-level code comes first: it runs before and after every task.
        this.lanes.unshift(lane);
        this.lanes.forEach((l, i) => { l.index = i; });
      } else {
        this.lanes.push(lane);
      }
    }
    return lane;
  }

  see(t) {
    if (typeof t === 'number' && t > this.tEnd) this.tEnd = t;
  }

  openSpan(lane, kind, t, on = '', detail = '') {
    this.closeSpan(lane, t);
    lane.open = { kind, t0: t, t1: null, on, detail };
    lane.spans.push(lane.open);
  }

  closeSpan(lane, t) {
    if (lane.open) { lane.open.t1 = Math.max(t, lane.open.t0); lane.open = null; }
  }

  /** Adds trace events (in time order). */
  addTrace(events) {
    for (const e of events) {
      const t = Number(e.t) || 0;
      this.see(t);
      switch (e.ev) {
        case 'task_create': {
          const lane = this.lane(e.task, e.name);
          if (e.name) lane.task0 = e.name;
          lane.coro = e.coro || '';
          lane.internal = !!e.internal;
          lane.thread = !!e.thread;  // a worker thread (to_thread, run_in_executor)
          lane.name = lane.coro ? `${lane.task0} · ${lane.coro}` : lane.task0;
          lane.parent = e.parent || 0;
          lane.created = t;
          break;
        }
        case 'task_start':
        case 'task_resume':
          this.openSpan(this.lane(e.task), 'run', t);
          break;
        case 'task_suspend':
          this.openSpan(this.lane(e.task), 'wait', t, e.on || 'other', e.detail || '');
          break;
        case 'task_done': {
          const lane = this.lane(e.task);
          this.closeSpan(lane, t);
          lane.ended = t;
          lane.outcome = e.outcome || 'result';
          lane.detail = e.detail || '';
          break;
        }
        case 'block': {
          const until = Number(e.until) || t;
          this.see(until);
          this.blocks.push({ t0: t, t1: until, task: e.task });
          const lane = this.lane(e.task || 0);
          // The task runs (inside time.sleep) for the whole block.
          lane.spans.push({ kind: 'block', t0: t, t1: until, on: 'time.sleep', detail: '' });
          if (lane.open && lane.open.kind === 'run') {
            // Keep spans sorted: the run resumes after the block.
            lane.open.t1 = t;
            lane.open = null;
            this.openSpan(lane, 'run', until);
          }
          break;
        }
        case 'truncated':
          // The trace hit its memory cap: nothing after this time is drawn.
          this.truncatedAt = t;
          break;
        default:
          break;  // timers, iterations, ready pushes, output (taken from the output lines), kinds added later
      }
    }
  }

  /** Adds output lines ({t, task, name, text, stream}); returns their first index. */
  addOutput(lines) {
    const first = this.outputs.length;
    for (const line of lines) {
      const t = Number(line.t) || 0;
      this.see(t);
      const lane = this.lane(line.task || 0, line.name);
      const entry = { t, task: line.task || 0, name: lane.task0, text: String(line.text), stream: line.stream, lane };
      lane.markers.push(this.outputs.length);
      this.outputs.push(entry);
    }
    return first;
  }

  /** Tasks the scenario made, asyncio's own (asyncio.run's shutdown steps), worker threads. */
  taskCounts() {
    let user = 0;
    let internal = 0;
    let threads = 0;
    for (const l of this.lanes) {
      if (l.task === 0) continue;
      if (l.thread) threads++;
      else if (l.internal) internal++;
      else user++;
    }
    return { user, internal, threads };
  }

  /** The run ended at time t: close what is still open. */
  finish(t = this.tEnd) {
    this.see(t);
    for (const lane of this.lanes) this.closeSpan(lane, this.tEnd);
    this.finished = true;
  }

  /** End of a span for drawing: open spans reach the latest time seen. */
  spanEnd(span) {
    return span.t1 === null ? this.tEnd : span.t1;
  }

  /** Index of the last span in lane with t0 <= t (binary search), or -1. */
  spanIndexAt(lane, t) {
    let lo = 0;
    let hi = lane.spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (lane.spans[mid].t0 <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }
}
