// Stepping through a finished (or stopped) run, one loop iteration at a time,
// computed from the trace alone (docs/ARCHITECTURE.md), never by re-running.
//
// Step k is the moment just before the loop runs its k-th iteration's
// callbacks, as CPython's BaseEventLoop._run_once sees it after moving the
// due timers: the ready queue holds what was pushed since the previous
// iteration started (in push order), then the timers due now (deadline
// order).
//
// The state at a step is looked up, not replayed, so any step of a
// 50,000-task trace (500,000 records) is as quick as the next one: indexing
// the trace (a slice at a time, index(deadline)) keeps per task the records
// where its state changed, per timer the records that set and ended it, per
// step how many ready and output records came before it. A step's view
// finds each task's state by binary search in its history, and makes list
// entries only when they are read.

const STATES = ['pending', 'running', 'ready', 'waiting', 'done'];
const [PENDING, RUNNING, READY, WAITING, DONE] = [0, 1, 2, 3, 4];

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

export class StepModel {
  /** events: the whole trace so far (an array the model only reads; it may grow). */
  constructor(events) {
    this.events = events;
    this.steps = [];          // record index of each iteration record
    this.readyRecs = [];      // record index of each ready record
    this.readyBefore = [];    // per step: ready records before its iteration record
    this.outputsBefore = [];  // per step: output records before its iteration record
    this.outputs = 0;
    this.truncated = false;
    this.taskSlot = new Map(); // task id -> slot (tasks in order of first mention)
    this.taskInfo = [];       // per slot: {id, name, coro, label, internal, thread}
    this.firstMention = [];   // per slot: its first record
    this.history = [];        // per slot: record index * 8 + state, at each change of its state
    this.now = [];            // per slot: its state after the records indexed
    this.timerSlot = new Map(); // timer id -> slot
    this.timers = [];         // per slot: {id, deadline, task, sleep, set, end} (sleep: its task's asyncio.sleep; set/end: records, end -1 while pending)
    this.timerOrder = null;   // slots by deadline, then id (prepare() sorts them a slice at a time)
    this.sorting = null;      // prepare()'s sort under way
    this.indexed = 0;         // records indexed
    this.current = -1;        // step shown, -1 = none
    this.at = 0;              // the record the shown step stands at
    this.index();
  }

  /** Picks up records appended since the last call; with a deadline (performance.now()), stops there. */
  index(deadline = Infinity) {
    const ev = this.events;
    for (let i = this.indexed; i < ev.length; i++) {
      if (i % 1024 === 0 && performance.now() > deadline) { this.indexed = i; return false; }
      const e = ev[i];
      const slot = mentions(e) ? this.info(e.task, e.ev === 'task_create' ? e : null, i) : -1;
      switch (e.ev) {
        case 'iteration':
          this.steps.push(i);
          this.readyBefore.push(this.readyRecs.length);
          this.outputsBefore.push(this.outputs);
          break;
        case 'ready':
          this.readyRecs.push(i);
          if (slot >= 0 && this.now[slot] !== DONE) this.change(slot, i, READY);
          break;
        case 'output': this.outputs++; break;
        case 'truncated': this.truncated = true; break;
        case 'task_start':
        case 'task_resume': this.change(slot, i, RUNNING); break;
        case 'task_suspend': {
          this.change(slot, i, e.on === 'yield' ? READY : WAITING);
          // A timer_set followed by its task's suspension on sleep is that sleep's timer.
          const prev = i > 0 ? ev[i - 1] : null;
          if (e.on === 'sleep' && e.task && prev.ev === 'timer_set' && prev.task === e.task) {
            this.timers[this.timerSlot.get(prev.timer)].sleep = true;
          }
          break;
        }
        case 'task_done': this.change(slot, i, DONE); break;
        case 'timer_set':
          if (!this.timerSlot.has(e.timer)) {
            this.timerSlot.set(e.timer, this.timers.length);
            this.timers.push({ id: e.timer, deadline: Number(e.deadline), task: e.task || 0, sleep: false, set: i, end: -1 });
            this.timerOrder = null;
            this.sorting = null;
          }
          break;
        case 'timer_fire':
        case 'timer_cancel': {
          const k = this.timerSlot.get(e.timer);
          if (k !== undefined && this.timers[k].end < 0) this.timers[k].end = i;
          break;
        }
        default:
          break;  // task_create (info() made its slot), block, kinds this page does not know yet
      }
    }
    this.indexed = ev.length;
    return true;
  }

  change(slot, i, state) {
    this.now[slot] = state;
    this.history[slot].push(i * 8 + state);
  }

  get done() { return this.indexed === this.events.length; }

  /**
   * Once the whole trace is indexed: sorts the timers by deadline (for the
   * timer heap of each step), until deadline (performance.now()); true when
   * done. A step view sorts them at once if this was not called.
   */
  prepare(deadline = Infinity) {
    if (!this.done) this.index(deadline);
    if (!this.done) return false;
    if (this.timerOrder) return true;
    if (!this.sorting) {
      const tm = this.timers;
      this.sorting = sortSlices(tm.map((_, slot) => slot), (x, y) => tm[x].deadline - tm[y].deadline || tm[x].id - tm[y].id);
    }
    for (;;) {
      const step = this.sorting.next();
      if (step.done) { this.timerOrder = step.value; this.sorting = null; return true; }
      if (performance.now() > deadline) return false;
    }
  }

  // The slot of a task (a new one when first mentioned, at record i), with its name and coroutine once created.
  info(id, create, i) {
    let slot = this.taskSlot.get(id);
    if (slot === undefined) {
      slot = this.taskInfo.length;
      this.taskSlot.set(id, slot);
      this.taskInfo.push({ id, name: `Task-${id}`, coro: '', internal: false, thread: false, label: `Task-${id}` });
      this.firstMention.push(i);
      this.history.push([]);
      this.now.push(PENDING);
    }
    if (create) {
      const info = this.taskInfo[slot];
      if (create.name) info.name = create.name;
      info.coro = create.coro || '';
      info.internal = !!create.internal;
      info.thread = !!create.thread;
      info.label = info.coro ? `${info.name} · ${info.coro}` : info.name;
    }
    return slot;
  }

  get count() { return this.steps.length; }

  /** Moves to step k (0-based, clamped) and returns its view. */
  goTo(k) {
    this.index();
    if (!this.steps.length) return null;
    k = Math.max(0, Math.min(this.steps.length - 1, k));
    // The state just before iteration record k (at its time).
    this.current = k;
    this.at = this.steps[k];
    const rec = this.events[this.at];
    return this.view(k, Number(rec.t) || 0, rec.n);
  }

  /** The last step at or before time t (for the timeline's cursor). */
  stepAt(t) {
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
    const slot = this.taskSlot.get(id);
    return slot === undefined ? `Task-${id}` : this.taskInfo[slot].name;
  }

  /** The tasks mentioned before the shown step, with their states: get(id), has(id), values(), infos(). */
  get tasks() { return new TaskList(this); }

  // How many task slots were mentioned before the shown step.
  seen() {
    const first = this.firstMention;
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (first[mid] < this.at) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // A task's state at the shown step: the last change of its history before it.
  task(slot) {
    const info = this.taskInfo[slot];
    const h = this.history[slot];
    let lo = 0;
    let hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Math.floor(h[mid] / 8) < this.at) lo = mid + 1; else hi = mid;
    }
    const task = {
      id: info.id, name: info.name, coro: info.coro, label: info.label, internal: info.internal, thread: info.thread,
      state: lo > 0 ? STATES[h[lo - 1] % 8] : STATES[PENDING], on: '', detail: '', line: 0, outcome: '', result: '',
    };
    // Where it last suspended (kept while it runs again), and how it ended.
    for (let j = lo - 1; j >= 0; j--) {
      const e = this.events[Math.floor(h[j] / 8)];
      if (e.ev === 'task_suspend') { task.on = e.on || 'other'; task.detail = e.detail || ''; task.line = e.line || 0; break; }
    }
    if (task.state === 'done') {
      const e = this.events[Math.floor(h[lo - 1] / 8)];
      task.outcome = e.outcome || 'result';
      task.result = e.detail || '';
    }
    return task;
  }

  // The view of step k at loop time t. Its lists (a ready queue or a timer
  // heap can hold 10,000 entries) make an entry only when one is read.
  view(k, t, n) {
    const ev = this.events;
    const name = (id) => this.taskName(id);
    // What was pushed since the previous iteration started, in push order.
    const from = k > 0 ? this.readyBefore[k - 1] : 0;
    const pushed = this.readyBefore[k] - from;
    // The timers due at this iteration join the queue after what was pushed
    // (CPython moves them from the heap to _ready at the iteration's start).
    this.prepare();
    const due = [];
    const later = [];
    const at = this.at;
    for (const slot of this.timerOrder) {
      const tm = this.timers[slot];
      if (tm.set < at && (tm.end < 0 || tm.end >= at)) (tm.deadline < t + 1e-9 ? due : later).push(slot);
    }
    const ready = new LazyList(pushed + due.length, (i) => {
      if (i < pushed) {
        const e = ev[this.readyRecs[from + i]];
        const entry = { task: e.task || 0, cause: e.cause, on: e.on || '', name: name(e.task || 0), why: '' };
        entry.why = describeCause(entry);
        return entry;
      }
      const tm = this.timers[due[i - pushed]];
      const entry = {
        task: tm.sleep ? tm.task : 0, cause: 'due', what: tm.sleep ? 'sleep' : 'callback', owner: name(tm.task), timer: tm.id,
        name: tm.sleep ? `timer (${name(tm.task)})` : 'timer', why: '',
      };
      entry.why = describeCause(entry);
      return entry;
    });
    const timers = new LazyList(later.length, (i) => {
      const tm = this.timers[later[i]];
      return {
        id: tm.id, deadline: tm.deadline, task: tm.task,
        wakes: tm.sleep ? `${name(tm.task)} (asyncio.sleep)` : `a callback set by ${name(tm.task)}`,
      };
    });
    return { step: k, count: this.steps.length, t, iteration: n, ready, timers, outputs: this.outputsBefore[k], tasks: this.tasks };
  }
}

/**
 * Sorts arr by cmp (stable), yielding every few thousand elements: runs of
 * RUN sorted at once, then merged pairwise. Returns the sorted array.
 */
function* sortSlices(arr, cmp) {
  const RUN = 2048;
  for (let i = 0; i < arr.length; i += RUN) {
    const run = arr.slice(i, i + RUN).sort(cmp);
    for (let k = 0; k < run.length; k++) arr[i + k] = run[k];
    yield;
  }
  let from = arr;
  let to = new Array(arr.length);
  for (let width = RUN; width < arr.length; width *= 2) {
    let done = 0;
    for (let lo = 0; lo < arr.length; lo += 2 * width) {
      const mid = Math.min(lo + width, arr.length);
      const hi = Math.min(lo + 2 * width, arr.length);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) to[k] = b >= hi || (a < mid && cmp(from[a], from[b]) <= 0) ? from[a++] : from[b++];
      done += hi - lo;
      if (done >= 4 * RUN) { done = 0; yield; }
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * A list whose entries are made when read (at(i), iteration, map, find):
 * a step's view lists 10,000 ready callbacks, and the page draws 20.
 */
export class LazyList {
  constructor(length, make) {
    this.length = length;
    this.make = make;
  }

  at(i) { return i >= 0 && i < this.length ? this.make(i) : undefined; }

  * [Symbol.iterator]() { for (let i = 0; i < this.length; i++) yield this.make(i); }

  map(f) { return Array.from(this, f); }

  find(f) {
    for (let i = 0; i < this.length; i++) { const x = this.make(i); if (f(x)) return x; }
    return undefined;
  }
}

// Whether a record is about a task's own state (a timer_set's or a block's
// task is the owner; a ready record without a task is a plain callback).
const TASK_RECORDS = new Set(['task_create', 'task_start', 'task_resume', 'task_suspend', 'task_done']);
const mentions = (e) => (e.ev === 'ready' ? !!e.task : TASK_RECORDS.has(e.ev) && e.task !== undefined);

/** The tasks mentioned before the shown step, in order of first mention. */
class TaskList {
  constructor(model) {
    this.model = model;
    this.size = model.seen();
  }

  has(id) {
    const slot = this.model.taskSlot.get(id);
    return slot !== undefined && slot < this.size;
  }

  get(id) { return this.has(id) ? this.model.task(this.model.taskSlot.get(id)) : undefined; }

  /** Each task's id, name, coroutine and label ("Task-2 · job('a')"); cheap: no state. */
  infos() { return this.model.taskInfo.slice(0, this.size); }

  * values() {
    for (let slot = 0; slot < this.size; slot++) yield this.model.task(slot);
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
