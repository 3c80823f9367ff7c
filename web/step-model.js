// Stepping through a finished (or stopped) run, one loop iteration at a time,
// computed from the trace alone (docs/ARCHITECTURE.md), never by re-running.
//
// Step k is the moment just before the loop runs its k-th iteration's
// callbacks, as CPython's BaseEventLoop._run_once sees it after moving the
// due timers: the ready queue holds what was pushed since the previous
// iteration started (in push order), then the timers due now (deadline
// order). The state is rebuilt by replaying records; moving forward replays
// only the new ones, so arrow keys stay cheap on a 10,000-task trace.

/** Why an entry is in the ready queue, in words. */
export function describeCause(entry) {
  switch (entry.cause) {
    case 'start': return 'new task: its first step';
    case 'yield': return 'yielded with asyncio.sleep(0)';
    case 'timer': return 'its sleep timer fired';
    case 'cancel': return 'cancelled: wakes to raise CancelledError';
    case 'callback': return 'a callback (call_soon, or asyncio\u2019s own bookkeeping)';
    case 'due': return entry.what === 'sleep' ? `timer due: ends ${entry.owner}\u2019s sleep` : `timer due (set by ${entry.owner})`;
    case 'done': return {
      task: 'the task it awaited finished', future: 'the future it awaited is done', gather: 'gather\u2019s result is ready',
      wait: 'asyncio.wait returned', lock: 'the lock was released to it', event: 'the event was set',
      semaphore: 'the semaphore was released to it', condition: 'the condition was notified',
      queue: 'the queue has an item (or room) for it', sleep: 'its sleep ended', yield: 'it yielded',
    }[entry.on] || `what it awaited (${entry.on || 'a future'}) is done`;
    default: return entry.cause || 'unknown';
  }
}

/** What a waiting task awaits, in words. */
export function describeWait(task) {
  const d = task.detail ? ` ${task.detail}` : '';
  switch (task.on) {
    case 'sleep': return `asyncio.sleep (${task.detail || 'timer'})`;
    case 'yield': return 'asyncio.sleep(0)';
    case 'task': return `task${d}`;
    default: return `${task.on || 'something'}${d}`;
  }
}

function newTask(id) {
  return { id, name: `Task-${id}`, coro: '', internal: false, state: 'pending', on: '', detail: '', line: 0, outcome: '', result: '' };
}

export class StepModel {
  /** events: the whole trace so far (an array the model only reads). */
  constructor(events) {
    this.events = events;
    this.steps = [];       // record index of each iteration record
    this.indexed = 0;      // records scanned for iteration records
    this.truncated = false;
    this.index();
    this.reset();
  }

  /** Picks up records appended to the events array since the last call. */
  index() {
    const ev = this.events;
    for (let i = this.indexed; i < ev.length; i++) {
      if (ev[i].ev === 'iteration') this.steps.push(i);
      else if (ev[i].ev === 'truncated') this.truncated = true;
    }
    this.indexed = ev.length;
  }

  get count() { return this.steps.length; }

  reset() {
    this.pos = 0;            // records replayed
    this.t = 0;
    this.iteration = 0;
    this.tasks = new Map();  // id -> task state
    this.timers = new Map(); // timer id -> {id, deadline, task, what}
    this.pushed = [];        // ready pushes since the last iteration record
    this.outputs = 0;        // output records replayed
    this.current = -1;       // step shown, -1 = none
  }

  task(id) {
    let t = this.tasks.get(id);
    if (!t) { t = newTask(id); this.tasks.set(id, t); }
    return t;
  }

  // Applies one record to the state.
  apply(e, i) {
    const t = Number(e.t) || 0;
    if (t > this.t) this.t = t;
    switch (e.ev) {
      case 'task_create': {
        const task = this.task(e.task);
        if (e.name) task.name = e.name;
        task.coro = e.coro || '';
        task.internal = !!e.internal;
        task.thread = !!e.thread;
        break;
      }
      case 'task_start':
      case 'task_resume': {
        const task = this.task(e.task);
        task.state = 'running';
        break;
      }
      case 'task_suspend': {
        const task = this.task(e.task);
        task.state = e.on === 'yield' ? 'ready' : 'waiting';
        task.on = e.on || 'other';
        task.detail = e.detail || '';
        task.line = e.line || 0;
        break;
      }
      case 'task_done': {
        const task = this.task(e.task);
        task.state = 'done';
        task.outcome = e.outcome || 'result';
        task.result = e.detail || '';
        break;
      }
      case 'ready': {
        const entry = { task: e.task || 0, cause: e.cause, on: e.on || '' };
        this.pushed.push(entry);
        if (e.task) {
          const task = this.task(e.task);
          if (task.state !== 'done') task.state = 'ready';
        }
        break;
      }
      case 'timer_set': {
        const next = this.events[i + 1];
        const sleep = next && next.ev === 'task_suspend' && next.on === 'sleep' && next.task === e.task && e.task;
        this.timers.set(e.timer, { id: e.timer, deadline: Number(e.deadline), task: e.task || 0, what: sleep ? 'sleep' : 'callback' });
        break;
      }
      case 'timer_fire':
      case 'timer_cancel':
        this.timers.delete(e.timer);
        break;
      case 'output':
        this.outputs++;
        break;
      case 'iteration':
        this.pushed = [];
        this.iteration = e.n;
        break;
      default:
        break;  // block, truncated, kinds this page does not know yet
    }
  }

  replayTo(end) {
    if (end < this.pos) this.reset();
    const ev = this.events;
    for (let i = this.pos; i < end; i++) this.apply(ev[i], i);
    this.pos = end;
  }

  /** Moves to step k (0-based, clamped) and returns its view. */
  goTo(k) {
    this.index();
    if (!this.steps.length) return null;
    k = Math.max(0, Math.min(this.steps.length - 1, k));
    // Everything before iteration record k, then the record itself (its time).
    this.replayTo(this.steps[k]);
    this.current = k;
    const rec = this.events[this.steps[k]];
    return this.view(k, Number(rec.t) || 0, rec.n);
  }

  /** The last step at or before time t (for the timeline's cursor). */
  stepAt(t) {
    this.index();
    let lo = 0;
    let hi = this.steps.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((Number(this.events[this.steps[mid]].t) || 0) <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  taskName(id) {
    if (!id) return 'callback';
    const t = this.tasks.get(id);
    return t ? t.name : `Task-${id}`;
  }

  // The view of step k at loop time t.
  view(k, t, n) {
    const name = (id) => this.taskName(id);
    const ready = this.pushed.map((p) => ({ ...p, name: name(p.task), why: describeCause(p) }));
    // The timers due at this iteration join the queue after what was pushed
    // (CPython moves them from the heap to _ready at the iteration's start).
    const timers = [...this.timers.values()].sort((a, b) => a.deadline - b.deadline || a.id - b.id);
    const due = [];
    const later = [];
    for (const tm of timers) (tm.deadline < t + 1e-9 ? due : later).push(tm);
    for (const tm of due) {
      const entry = { task: tm.what === 'sleep' ? tm.task : 0, cause: 'due', what: tm.what, owner: name(tm.task), timer: tm.id };
      ready.push({ ...entry, name: tm.what === 'sleep' ? `timer (${name(tm.task)})` : 'timer', why: describeCause(entry) });
    }
    const heap = later.map((tm) => ({
      id: tm.id, deadline: tm.deadline, task: tm.task,
      wakes: tm.what === 'sleep' ? `${name(tm.task)} (asyncio.sleep)` : `a callback set by ${name(tm.task)}`,
    }));
    return { step: k, count: this.steps.length, t, iteration: n, ready, timers: heap, outputs: this.outputs, tasks: this.tasks };
  }
}

/** A task's state in words, for the task list. */
export function describeTask(task) {
  switch (task.state) {
    case 'running': return 'running';
    case 'ready': return 'ready';
    case 'waiting': return `waiting on ${describeWait(task)}`;
    case 'done':
      if (task.outcome === 'error') return `done: raised ${task.result}`;
      if (task.outcome === 'cancelled') return 'done: cancelled';
      return 'done';
    default: return 'scheduled';
  }
}
