// The output panel: one row per printed line with its time and its task, the
// final status and a link to the error's line. Everything a scenario prints
// is set with textContent, never parsed as HTML.

import { formatTime } from './timeline.js';

const MAX_ROWS = 5000;  // the DOM holds at most this many lines; the timeline keeps all

/**
 * A time with 3 decimals exactly as Python's '%.3f' prints it: correctly
 * rounded, ties to even (JS toFixed breaks exact ties upwards: 0.0625).
 */
export function formatStamp(t) {
  const exact = t.toFixed(100);  // a double's exact decimal expansion
  const dot = exact.indexOf('.');
  if (exact[dot + 4] === '5' && /^0*$/.test(exact.slice(dot + 5))) {
    const kept = exact.slice(0, dot + 4);
    if (Number(kept[kept.length - 1]) % 2 === 0) return kept;
  }
  return t.toFixed(3);
}

export class OutputPanel {
  /** onSelect(index) when a line is clicked; onGoToLine(line, col) for error links. */
  constructor(list, { onSelect, onGoToLine }) {
    this.list = list;
    this.onSelect = onSelect;
    this.onGoToLine = onGoToLine;
    this.rows = [];
    this.hidden = 0;
    this.more = null;
    this.selected = -1;
    list.addEventListener('click', (e) => {
      const row = e.target.closest('li[data-index]');
      if (row) this.onSelect(Number(row.dataset.index));
    });
    list.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      const next = this.selected + (e.key === 'ArrowDown' ? 1 : -1);
      if (next >= 0 && next < this.rows.length) this.onSelect(next);
    });
  }

  clear() {
    this.list.replaceChildren();
    this.rows = [];
    this.hidden = 0;
    this.more = null;
    this.selected = -1;
  }

  /** Appends lines ({t, name, text, stream}) whose indexes start at first. */
  append(lines, first) {
    const frag = document.createDocumentFragment();
    lines.forEach((line, k) => {
      if (this.rows.length >= MAX_ROWS) { this.hidden++; return; }
      const li = document.createElement('li');
      li.dataset.index = String(first + k);
      if (line.stream === 'err') li.className = 'err';
      const time = document.createElement('span');
      time.className = 't';
      time.textContent = formatStamp(line.t);
      const task = document.createElement('span');
      task.className = 'task';
      task.textContent = line.name;
      task.title = line.name;
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = line.text;
      li.append(time, task, text);
      this.rows.push(li);
      frag.append(li);
    });
    if (this.hidden) {
      if (!this.more) { this.more = document.createElement('li'); this.more.className = 'note'; }
      this.more.textContent = `… ${this.hidden} more lines (the timeline shows them all)`;
      frag.append(this.more);
    }
    const atBottom = this.list.scrollTop + this.list.clientHeight >= this.list.scrollHeight - 4;
    this.list.append(frag);
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  /** Marks one line as selected and scrolls it into view. */
  select(index) {
    if (this.rows[this.selected]) this.rows[this.selected].classList.remove('selected');
    this.selected = index;
    const row = this.rows[index];
    if (row) {
      row.classList.add('selected');
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Ends the list with how the run ended: an error (with a link to its line) or a note. */
  end(status, tEnd) {
    const li = document.createElement('li');
    if (status.state === 'finished') {
      li.className = 'note';
      li.textContent = `finished at ${formatTime(tEnd)}`;
    } else if (status.state === 'stopped') {
      li.className = 'note';
      li.textContent = 'stopped';
    } else {
      const err = status.error || {};
      li.className = 'error';
      const msg = document.createElement('span');
      msg.className = 'text';
      msg.textContent = err.budget
        ? `Stopped: the ${err.budget} budget ran out. ${err.message || ''}`.trim()
        : (err.display || `${err.type || 'Error'}: ${err.message || 'the run failed'}`);
      li.append(msg);
      if (err.line >= 1) {
        const link = document.createElement('button');
        link.type = 'button';
        link.className = 'line-link';
        link.textContent = `line ${err.line}`;
        link.addEventListener('click', () => this.onGoToLine(err.line, err.col));
        li.append(' ', link);
      }
    }
    this.list.append(li);
    li.scrollIntoView({ block: 'nearest' });
  }
}
