// The "Compare" pane: a pinned run and the latest one, their timelines on
// one time axis and their outputs side by side with the differences marked.

import { diffOutputs } from './compare.js';
import { formatStamp } from './output.js';
import { formatTime, Timeline } from './timeline.js';

const MARKS = { same: '', time: 'printed at another time', left: 'only in the pinned run', right: 'only in this run' };

export class CompareView {
  /** root: the .compare-pane element; onUnpin() when the person unpins. */
  constructor(root, { onUnpin }) {
    this.root = root;
    this.q = (sel) => root.querySelector(sel);
    this.timelines = [['.cmp-tl-a', 'Pinned run’s timeline'], ['.cmp-tl-b', 'This run’s timeline']]
      .map(([sel, label]) => new Timeline(this.q(sel), { onSelect: () => {}, label }));
    this.q('.cmp-unpin').addEventListener('click', () => onUnpin());
  }

  get active() { return !this.root.hidden; }

  hide() { this.root.hidden = true; }

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
    const rows = b ? diffOutputs(a.model.outputs, b.model.outputs) : a.model.outputs.map((o) => ({ a: o, b: null, kind: 'same' }));
    const list = this.q('.cmp-rows');
    list.replaceChildren(...rows.map((r) => {
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
        }
        li.append(cell);
      }
      return li;
    }));
    const differ = rows.filter((r) => r.kind !== 'same').length;
    this.q('.cmp-summary').textContent = b
      ? (differ ? `${differ} line${differ === 1 ? '' : 's'} differ` : 'same output, same times') +
        ` · ${formatTime(a.model.tEnd)} vs ${formatTime(b.model.tEnd)}`
      : '';
  }
}
