// The "Compare" pane: a pinned run and the latest one, their timelines on
// one time axis and their outputs side by side with the differences marked.
// Long outputs are compared a slice at a time and only the rows in view are
// drawn, so comparing two 10,000-task runs never holds the page up.

import { diffSteps } from './compare.js';
import { formatStamp } from './output.js';
import { formatTime, Timeline } from './timeline.js';
import { VirtualList } from './virtual-list.js';

const MARKS = { same: '', time: 'printed at another time', left: 'only in the pinned run', right: 'only in this run' };
const ROW_H = 20;      // px, as .cmp-rows li[data-kind] in style.css
const SLICE_MS = 8;    // the comparison's work per task

export class CompareView {
  /** root: the .compare-pane element; onUnpin() when the person unpins. */
  constructor(root, { onUnpin }) {
    this.root = root;
    this.q = (sel) => root.querySelector(sel);
    this.timelines = [['.cmp-tl-a', 'Pinned run’s timeline'], ['.cmp-tl-b', 'This run’s timeline']]
      .map(([sel, label]) => new Timeline(this.q(sel), { onSelect: () => {}, label }));
    this.rows = [];
    this.list = new VirtualList(this.q('.cmp-rows'), { rowHeight: ROW_H, padTop: 2, makeRow: (i) => this.row(i) });
    this.job = 0;     // the comparison under way (a later show() drops an earlier one)
    this.q('.cmp-unpin').addEventListener('click', () => onUnpin());
  }

  get active() { return !this.root.hidden; }

  hide() { this.root.hidden = true; this.job++; }

  /** Shows runs a (pinned) and b ({title, model}); b null: waiting for the next run. */
  show(a, b) {
    this.root.hidden = false;
    this.q('.cmp-title-a').textContent = `Pinned: ${a.title} · ${formatTime(a.model.tEnd)}`;
    this.q('.cmp-title-b').textContent = b ? `This run: ${b.title} · ${formatTime(b.model.tEnd)}` : 'Run a scenario to compare it with the pinned one.';
    const end = Math.max(a.model.tEnd, b ? b.model.tEnd : 0) || 1;
    this.timelines[0].setModel(a.model);
    this.timelines[0].setAxisEnd(end);
    this.q('.cmp-tl-b').hidden = !b;
    if (b) {
      this.timelines[1].setModel(b.model);
      this.timelines[1].setAxisEnd(end);
    }
    const job = ++this.job;
    this.setRows(a.model.outputs.map((o) => ({ a: o, b: null, kind: 'same' })));
    const summary = this.q('.cmp-summary');
    if (!b) { summary.textContent = ''; return; }
    summary.textContent = 'comparing…';
    const steps = diffSteps(a.model.outputs, b.model.outputs);
    const slice = () => {
      if (job !== this.job) return;
      const deadline = performance.now() + SLICE_MS;
      let step;
      do step = steps.next(); while (!step.done && performance.now() < deadline);
      if (!step.done) { setTimeout(slice, 0); return; }
      const rows = step.value;
      this.setRows(rows);
      const differ = rows.filter((r) => r.kind !== 'same').length;
      summary.textContent = (differ ? `${differ} line${differ === 1 ? '' : 's'} differ` : 'same output, same times') +
        ` · ${formatTime(a.model.tEnd)} vs ${formatTime(b.model.tEnd)}`;
    };
    slice();
  }

  setRows(rows) {
    this.rows = rows;
    this.list.reset(rows.length);
    this.list.atEnd = false;
    this.list.scrollTo(0);
    this.list.render();
  }

  row(i) {
    const r = this.rows[i];
    const li = document.createElement('li');
    li.className = r.kind;
    li.dataset.kind = r.kind;
    if (MARKS[r.kind]) li.title = MARKS[r.kind];
    for (const side of [r.a, r.b]) {
      const cell = document.createElement('span');
      cell.className = 'cell';
      if (side) {
        const t = document.createElement('span');
        t.className = 't';
        t.textContent = formatStamp(side.t);
        cell.append(t, ` ${side.text}`);
        cell.title = side.text;
      }
      li.append(cell);
    }
    return li;
  }
}
