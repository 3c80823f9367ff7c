// The "Step through" panel: one loop iteration at a time, forward and back,
// over a finished (or stopped) run. The state comes from web/step-model.js
// (the trace only); this file only draws it. Its three lists draw only the
// rows in view (web/virtual-list.js), so a 10,000-task run steps as quickly
// as a small one.

import { describeTask, StepModel } from './step-model.js';
import { formatTime } from './timeline.js';
import { VirtualList } from './virtual-list.js';

const ROW_H = 22;   // px, as .step-col li[data-row] in style.css

function item(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export class Stepper {
  /**
   * root: the .step-pane element. Callbacks: onStep(view) after each move
   * (the page dims later output and moves the timeline cursor),
   * onTaskLine(line) for the selected task's suspension line (0: none),
   * onClose() when stepping ends.
   */
  constructor(root, { onStep, onTaskLine, onClose }) {
    this.root = root;
    this.onStep = onStep;
    this.onTaskLine = onTaskLine;
    this.onClose = onClose;
    this.q = (sel) => root.querySelector(sel);
    this.model = null;
    this.view = null;
    this.selected = 0;   // selected task id
    this.chosen = false; // whether the person chose it (else: the ready queue's head)
    this.filter = '';
    this.shownTasks = [];  // the tasks listed (those matching the filter): infos from the model
    const list = (sel, makeRow) => new VirtualList(this.q(sel), { rowHeight: ROW_H, makeRow, overscan: 8 });
    this.lists = {
      ready: list('.step-ready', (i) => this.readyRow(i)),
      timers: list('.step-timers', (i) => this.timerRow(i)),
      tasks: list('.step-tasks', (i) => this.taskRow(i)),
    };
    this.q('.step-first').addEventListener('click', () => this.go(0));
    this.q('.step-prev').addEventListener('click', () => this.go(this.view ? this.view.step - 1 : 0));
    this.q('.step-next').addEventListener('click', () => this.go(this.view ? this.view.step + 1 : 0));
    this.q('.step-last').addEventListener('click', () => this.go(Infinity));
    this.q('.step-range').addEventListener('input', (e) => this.go(Number(e.target.value)));
    this.q('.step-close').addEventListener('click', () => this.close());
    this.q('.task-filter').addEventListener('input', (e) => { this.filter = e.target.value.trim().toLowerCase(); this.render(); });
    this.q('.step-tasks').addEventListener('click', (e) => {
      const row = e.target.closest('[data-task]');
      if (row) this.selectTask(Number(row.dataset.task));
    });
    // Keys work in the panel, and on the page itself (a re-drawn list drops focus to body).
    document.addEventListener('keydown', (e) => {
      if (e.target === document.body || root.contains(e.target)) this.key(e);
    });
  }

  get active() { return !this.root.hidden; }

  /** The run to step through (its trace); stepping stays closed until open(). */
  load(run) {
    this.run = run;
    this.model = null;
    this.chosen = false;
    if (this.active) this.open();
  }

  /** Opens the panel at the first iteration (or keeps the place when reopened). */
  open(at = 0) {
    if (!this.run) return;
    if (!this.model) this.model = this.run.steps || new StepModel(this.run.trace);
    this.root.hidden = false;
    this.go(this.view && this.view.count === this.model.count ? this.view.step : at);
    this.root.focus({ preventScroll: true });
  }

  close() {
    if (!this.active) return;
    this.root.hidden = true;
    this.view = null;
    this.onClose();
  }

  /** Keyboard: arrows step, Home/End jump (when focus is not in a text field). */
  key(e) {
    if (!this.active || !this.view || e.target.closest('input, .cm-editor')) return;
    const k = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (k) { e.preventDefault(); this.go(this.view.step + k); }
    else if (e.key === 'Home') { e.preventDefault(); this.go(0); }
    else if (e.key === 'End') { e.preventDefault(); this.go(Infinity); }
  }

  /** Moves to the last iteration at or before loop time t (the timeline's cursor). */
  goToTime(t) {
    if (!this.model) return;
    this.go(this.model.stepAt(t));
  }

  go(k) {
    if (!this.model) return;
    const count = this.model.count;
    const view = this.model.goTo(Math.max(0, Math.min(count - 1, k)));
    this.view = view;
    if (!view) {
      this.q('.step-where').textContent = 'No loop iterations were recorded for this run.';
      return;
    }
    // The selected task follows the head of the ready queue until one is chosen.
    if (!this.chosen || !view.tasks.has(this.selected)) {
      const first = view.ready.find((r) => r.task && view.tasks.has(r.task));
      this.selected = first ? first.task : 0;
    }
    this.render();
    this.onStep(view);
  }

  selectTask(id) {
    this.selected = id;
    this.chosen = true;
    this.render();
  }

  render() {
    const v = this.view;
    if (!v) return;
    // The editor first, while the page's layout is still clean.
    const sel = v.tasks.get(this.selected);
    this.onTaskLine(sel && sel.state !== 'done' ? sel.line : 0);
    const range = this.q('.step-range');
    range.max = String(v.count - 1);
    range.value = String(v.step);
    this.q('.step-where').textContent =
      `iteration ${v.step + 1} of ${v.count} · t = ${formatTime(v.t)} · ${v.outputs} line${v.outputs === 1 ? '' : 's'} printed so far` +
      (this.model.truncated ? ' · the trace was truncated: later iterations are missing' : '');
    const infos = v.tasks.infos();
    this.shownTasks = this.filter ? infos.filter((info) => info.label.toLowerCase().includes(this.filter)) : infos;
    this.fill('ready', v.ready.length, 'empty: the loop waits for the next timer');
    this.fill('timers', v.timers.length, 'no timer pending');
    this.fill('tasks', this.shownTasks.length, this.filter ? 'no task matches the filter' : 'no task yet');
  }

  // Redraws one list of count rows (a note when empty); its count in its heading.
  fill(name, count, empty) {
    const list = this.lists[name];
    list.atEnd = false;
    list.tail = count ? [] : [item('li', 'empty', empty)];
    list.refresh(count);
    this.q(`.step-count-${name}`).textContent = count > 1 ? `· ${count}` : '';
  }

  // The ready queue, in the order the loop will run it.
  readyRow(i) {
    const r = this.view.ready.at(i);
    const li = item('li');
    li.value = i + 1;
    li.dataset.row = '';
    li.dataset.cause = r.cause === 'done' ? `done:${r.on}` : r.cause;
    li.dataset.name = r.name;
    li.title = `${r.name}: ${r.why}`;
    li.append(item('b', '', r.name), item('span', 'why', r.why));
    return li;
  }

  // The timer heap, soonest first.
  timerRow(i) {
    const tm = this.view.timers.at(i);
    const li = item('li');
    li.value = i + 1;
    li.dataset.row = '';
    li.dataset.deadline = String(tm.deadline);
    li.title = `at ${formatTime(tm.deadline)}: wakes ${tm.wakes}`;
    li.append(item('b', '', `at ${formatTime(tm.deadline)}`), item('span', 'why', `wakes ${tm.wakes}`));
    return li;
  }

  // Every task and its state.
  taskRow(i) {
    const task = this.view.tasks.get(this.shownTasks[i].id);
    const li = item('li', `state-${task.state}${task.id === this.selected ? ' selected' : ''}${task.internal ? ' internal' : ''}`);
    li.dataset.row = '';
    li.dataset.task = String(task.id);
    li.tabIndex = -1;
    const why = describeTask(task) + (task.internal ? ' (asyncio.run’s shutdown)' : '');
    li.title = `${task.label}: ${why}${task.line && task.state !== 'done' ? `, line ${task.line}` : ''}`;
    li.append(item('b', '', task.label), item('span', 'why', why));
    if (task.line && task.state !== 'done') li.append(item('span', 'line', `line ${task.line}`));
    return li;
  }
}
