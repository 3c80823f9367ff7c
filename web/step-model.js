// Stepping through a finished (or stopped) run, one loop iteration at a time,
// computed from the trace alone (docs/ARCHITECTURE.md), never by re-running.
//
// Step k is the moment just before the loop runs its k-th iteration's
// callbacks, as CPython's BaseEventLoop._run_once sees it after moving the
// due timers: the ready queue holds what was pushed since the previous
// iteration started (in push order), then the timers due now (deadline
// order).
//
// The state at a record is rebuilt by replaying records. So that any step of
// a 10,000-task trace (100,000+ records) is a few milliseconds away, the
// state is small (typed arrays: a state code and two record indexes per task,
// one record index per timer) and a copy of it is kept every CHECK records:
// a jump replays at most CHECK records from the nearest copy. The copies are
// made while the trace is indexed, a slice at a time (index(deadline)).

const CHECK = 4096;
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

/**
 * The loop's state after `pos` records: per task slot (tasks in order of
 * first mention) a state code and the records of its last suspension and of
 * its end; per timer slot the record that set it (-1: not pending).
 */
class LoopState {
  constructor(tasks = 0, timers = 0) {
    this.pos = 0;
    this.t = 0;
    this.iteration = 0;
    this.outputs = 0;     // output records so far
    this.seen = 0;        // task slots mentioned so far
    this.lastIter = -1;   // the last iteration record before pos
    this.state = new Uint8Array(tasks);
    this.susp = new Int32Array(tasks).fill(-1);
    this.done = new Int32Array(tasks).fill(-1);
    this.timer = new Int32Array(timers).fill(-1);
  }

  /** Room for at least this many task and timer slots. */
  grow(tasks, timers) {
    const more = (arr, n, Type, fill) => {
      if (arr.length >= n) return arr;
      const next = new Type(Math.max(n, arr.length * 2)).fill(fill);
      next.set(arr);
      return next;
    };
    this.state = more(this.state, tasks, Uint8Array, 0);
    this.susp = more(this.susp, tasks, Int32Array, -1);
    this.done = more(this.done, tasks, Int32Array, -1);
    this.timer = more(this.timer, timers, Int32Array, -1);
  }

  /** A copy of the first `tasks` task slots and `timers` timer slots (a checkpoint). */
  snapshot(tasks, timers) {
    const c = new LoopState(0, 0);
    c.pos = this.pos; c.t = this.t; c.iteration = this.iteration; c.outputs = this.outputs;
    c.seen = this.seen; c.lastIter = this.lastIter;
    c.state = this.state.slice(0, tasks);
    c.susp = this.susp.slice(0, tasks);
    c.done = this.done.slice(0, tasks);
    c.timer = this.timer.slice(0, timers);
    return c;
  }

  /** Makes `into` this state (slots this one does not hold: not mentioned yet). */
  restore(into) {
    into.pos = this.pos; into.t = this.t; into.iteration = this.iteration; into.outputs = this.outputs;
    into.seen = this.seen; into.lastIter = this.lastIter;
    into.grow(this.state.length, this.timer.length);
    into.state.set(this.state); into.state.fill(PENDING, this.state.length);
    into.susp.set(this.susp); into.susp.fill(-1, this.susp.length);
    into.done.set(this.done); into.done.fill(-1, this.done.length);
    into.timer.set(this.timer); into.timer.fill(-1, this.timer.length);
  }
}

export class StepModel {
  /** events: the whole trace so far (an array the model only reads; it may grow). */
  constructor(events) {
    this.events = events;
    this.steps = [];          // record index of each iteration record
    this.readyRecs = [];      // record index of each ready record
    this.readyBefore = [];    // per step: how many ready records come before its iteration record
    this.truncated = false;
    this.taskSlot = new Map(); // task id -> slot
    this.taskInfo = [];       // per slot: {id, name, coro, internal, thread}
    this.timerSlot = new Map(); // timer id -> slot
    this.timers = [];         // per slot: {id, deadline, task, sleep} (sleep: the timer of its task's asyncio.sleep)
    this.timerOrder = null;   // slots by deadline, then id (prepare() sorts them a slice at a time)
    this.sorting = null;      // prepare()'s sort under way
    this.indexed = 0;         // records indexed
    this.builder = new LoopState(64, 64);  // the state at `indexed`
    this.checks = [];         // checks[c]: the state at record c * CHECK
    this.state = new LoopState(64, 64);    // the state shown
    this.current = -1;        // step shown, -1 = none
    this.index();
  }

  /** Picks up records appended since the last call; with a deadline (performance.now()), stops there. */
  index(deadline = Infinity) {
    const ev = this.events;
    const b = this.builder;
    for (let i = this.indexed; i < ev.length; i++) {
      if (i % CHECK === 0) {
        b.pos = i;
        this.checks[i / CHECK] = b.snapshot(this.taskInfo.length, this.timerSlot.size);
      }
      if (i % 512 === 0 && performance.now() > deadline) { this.indexed = i; return false; }
      const e = ev[i];
      if (e.ev === 'iteration') { this.steps.push(i); this.readyBefore.push(this.readyRecs.length); }
      else if (e.ev === 'ready') this.readyRecs.push(i);
      else if (e.ev === 'truncated') this.truncated = true;
      else if (e.ev === 'timer_set' && !this.timerSlot.has(e.timer)) {
        this.timerSlot.set(e.timer, this.timerSlot.size);
        this.timers.push({ id: e.timer, deadline: Number(e.deadline), task: e.task || 0, sleep: false });
        this.timerOrder = null;
        this.sorting = null;
        if (b.timer.length < this.timerSlot.size) b.grow(0, this.timerSlot.size);
      } else if (e.ev === 'task_suspend' && e.on === 'sleep' && e.task && i > 0) {
        // A timer_set followed by its task's suspension on sleep is that sleep's timer.
        const prev = ev[i - 1];
        if (prev.ev === 'timer_set' && prev.task === e.task) this.timers[this.timerSlot.get(prev.timer)].sleep = true;
      }
      const slot = mentions(e) ? this.info(e.task, e.ev === 'task_create' ? e : null) : -1;
      if (slot >= b.state.length) b.grow(slot + 1, 0);
      this.apply(b, e, i, slot);
    }
    this.indexed = ev.length;
    return true;
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

  // The slot of a task (a new one when first mentioned), with its name and coroutine once created.
  info(id, create = null) {
    let slot = this.taskSlot.get(id);
    if (slot === undefined) {
      slot = this.taskInfo.length;
      this.taskSlot.set(id, slot);
      this.taskInfo.push({ id, name: `Task-${id}`, coro: '', internal: false, thread: false, label: `Task-${id}` });
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

  // Applies record i (e) to state s; slot: the slot of the task it is about (-1: none).
  apply(s, e, i, slot) {
    const t = Number(e.t) || 0;
    if (t > s.t) s.t = t;
    if (slot >= s.seen) s.seen = slot + 1;
    switch (e.ev) {
      case 'task_start':
      case 'task_resume':
        s.state[slot] = RUNNING;
        break;
      case 'task_suspend':
        s.state[slot] = e.on === 'yield' ? READY : WAITING;
        s.susp[slot] = i;
        break;
      case 'task_done':
        s.state[slot] = DONE;
        s.done[slot] = i;
        break;
      case 'ready':
        if (slot >= 0 && s.state[slot] !== DONE) s.state[slot] = READY;
        break;
      case 'timer_set':
        s.timer[this.timerSlot.get(e.timer)] = i;
        break;
      case 'timer_fire':
      case 'timer_cancel': {
        const k = this.timerSlot.get(e.timer);
        if (k !== undefined) s.timer[k] = -1;
        break;
      }
      case 'output':
        s.outputs++;
        break;
      case 'iteration':
        s.lastIter = i;
        s.iteration = e.n;
        break;
      default:
        break;  // task_create (its slot is made by index()), block, truncated, kinds this page does not know yet
    }
  }

  /** Sets the shown state to the one after `end` records: from the nearest checkpoint, or onwards. */
  replayTo(end) {
    const s = this.state;
    const c = Math.floor(end / CHECK);
    if (end < s.pos || s.pos < c * CHECK) this.checks[c].restore(s);
    s.grow(this.taskInfo.length, this.timerSlot.size);
    const ev = this.events;
    for (let i = s.pos; i < end; i++) {
      const e = ev[i];
      this.apply(s, e, i, mentions(e) ? this.taskSlot.get(e.task) : -1);
    }
    s.pos = end;
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

  /** The tasks mentioned so far at the shown step, with their states: get(id), has(id), values(). */
  get tasks() { return new TaskList(this); }

  // A task's state at the shown step.
  task(slot) {
    const s = this.state;
    const info = this.taskInfo[slot];
    const task = {
      id: info.id, name: info.name, coro: info.coro, label: info.label, internal: info.internal, thread: info.thread,
      state: STATES[s.state[slot]], on: '', detail: '', line: 0, outcome: '', result: '',
    };
    const susp = s.susp[slot] >= 0 ? this.events[s.susp[slot]] : null;
    if (susp) { task.on = susp.on || 'other'; task.detail = susp.detail || ''; task.line = susp.line || 0; }
    const done = s.done[slot] >= 0 ? this.events[s.done[slot]] : null;
    if (done) { task.outcome = done.outcome || 'result'; task.result = done.detail || ''; }
    return task;
  }

  // The view of step k at loop time t. Its lists (a ready queue or a timer
  // heap can hold 10,000 entries) make an entry only when one is read.
  view(k, t, n) {
    const s = this.state;
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
    for (const slot of this.timerOrder) {
      if (s.timer[slot] >= 0) (this.timers[slot].deadline < t + 1e-9 ? due : later).push(slot);
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
    return { step: k, count: this.steps.length, t, iteration: n, ready, timers, outputs: s.outputs, tasks: this.tasks };
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

/** The tasks mentioned by the shown step, in order of first mention. */
class TaskList {
  constructor(model) { this.model = model; }

  get size() { return this.model.state.seen; }

  has(id) {
    const slot = this.model.taskSlot.get(id);
    return slot !== undefined && slot < this.model.state.seen;
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
