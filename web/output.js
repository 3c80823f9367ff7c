// The output panel: one row per printed line with its time and its task, the
// final status and a link to the error's line. Everything a scenario prints
// is set with textContent, never parsed as HTML.

import { formatTime } from './timeline.js';
import { VirtualList } from './virtual-list.js';

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

const ROW_H = 20;      // px, as #output li[data-index] in style.css
const PAD_TOP = 2;     // #output's top padding

export class OutputPanel {
  /** onSelect(index) when a line is clicked; onGoToLine(line, col) for error links. */
  constructor(list, { onSelect, onGoToLine }) {
    this.list = list;
    this.onSelect = onSelect;
    this.onGoToLine = onGoToLine;
    // Only the rows in view are in the DOM; rows.atEnd: new lines are followed.
    this.rows = new VirtualList(list, {
      rowHeight: ROW_H, padTop: PAD_TOP, makeRow: (i) => this.row(i), afterRender: () => this.placeVeil(),
    });
    this.clear();
    // Only a person's scrolling decides whether new lines are followed.
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown']) {
      list.addEventListener(type, () => { this.userScroll = true; }, { passive: true });
    }
    list.addEventListener('scroll', () => {
      if (!this.userScroll) return;
      this.userScroll = false;
      this.rows.atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    }, { passive: true });
    list.addEventListener('click', (e) => {
      const row = e.target.closest('li[data-index]');
      if (row) this.onSelect(Number(row.dataset.index));
    });
    list.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      const next = this.selected + (e.key === 'ArrowDown' ? 1 : -1);
      if (next >= 0 && next < this.items.length) this.onSelect(next);
    });
  }

  clear() {
    this.items = [];        // every line shown: {t, name, text, stream}
    this.widest = 0;        // longest text, in characters (the sideways scroll width)
    this.ending = null;     // the last item: how the run ended
    this.selected = -1;
    this.printed = null;    // stepping: lines printed so far (null: all)
    this.rows.reset();
    this.list.dataset.printed = '';
    this.list.style.removeProperty('--row-ch');
  }

  /** Appends lines ({t, name, text, stream}); their indexes follow the last ones. */
  append(lines) {
    const widest = this.widest;
    for (const line of lines) {
      this.items.push(line);
      if (line.text.length > this.widest) this.widest = line.text.length;
    }
    // Every row is as wide as the widest line (one sideways scroll for all).
    if (this.widest !== widest) this.list.style.setProperty('--row-ch', String(this.widest));
    this.rows.count = this.items.length;
    this.rows.schedule();
  }

  row(i) {
    const line = this.items[i];
    const li = document.createElement('li');
    li.dataset.index = String(i);
    li.className = `${line.stream === 'err' ? 'err' : ''}${i === this.selected ? ' selected' : ''}`.trim();
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
    return li;
  }

  // What follows the rows: how the run ended, and the veil while stepping.
  setTail() {
    this.rows.tail = [this.ending, this.printed !== null ? this.veil : null].filter(Boolean);
  }

  /** Marks one line as selected and scrolls it into view. */
  select(index) {
    const old = this.rows.row(this.selected);
    if (old) old.classList.remove('selected');
    this.selected = index;
    if (index < 0 || index >= this.items.length) return;
    const row = this.rows.row(index);
    if (row) row.classList.add('selected');
    this.rows.reveal(index);
  }

  // Removes the last stderr lines when they repeat text (the error's display).
  dropEcho(text) {
    const lines = text.replace(/\n$/, '').split('\n');
    const tail = this.items.slice(-lines.length);
    if (tail.length !== lines.length) return;
    if (!tail.every((l, k) => l.stream === 'err' && l.text === lines[k])) return;
    this.items.length -= lines.length;
    this.rows.count = this.items.length;
    this.rows.schedule();
  }

  // A traceback as text, each `File "...", line N` a link to its line.
  traceback(into, text) {
    for (const line of text.replace(/\n$/, '').split('\n')) {
      const m = /^(\s*File "[^"]*", )line (\d+)(.*)$/.exec(line);
      if (m) {
        const link = document.createElement('button');
        link.type = 'button';
        link.className = 'frame-link';
        link.textContent = `line ${m[2]}`;
        link.addEventListener('click', () => this.onGoToLine(Number(m[2]), 0));
        into.append(m[1], link, `${m[3]}\n`);
      } else {
        into.append(`${line}\n`);
      }
    }
  }

  /**
   * Dims the lines printed after the first `count` (stepping); null shows
   * all. One veil covers them, so a step costs the same with 5 lines or
   * 5,000.
   */
  showUpTo(count) {
    if (!this.veil) {
      this.veil = document.createElement('li');
      this.veil.className = 'veil';
      this.veil.setAttribute('aria-hidden', 'true');
    }
    this.printed = count;
    this.list.dataset.printed = count === null ? '' : String(count);
    this.setTail();
    if (count === null) { this.veil.remove(); return; }
    this.rows.reveal(Math.max(0, Math.min(count, this.items.length) - 1));
    this.rows.render();
  }

  placeVeil() {
    if (this.printed === null) return;
    const count = Math.min(this.printed, this.items.length);
    this.veil.hidden = count >= this.items.length;
    this.veil.style.top = `${this.rows.offset(count)}px`;
    this.veil.style.height = `${(this.items.length - count) * ROW_H}px`;
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
      // The engine also printed the traceback on stderr: show it once, here.
      if (err.display) this.dropEcho(err.display);
      const msg = document.createElement('span');
      msg.className = 'text';
      if (err.budget) {
        msg.textContent = `Stopped: the ${err.budget} budget ran out. ${err.message || ''}`.trim();
      } else {
        this.traceback(msg, err.display || `${err.type || 'Error'}: ${err.message || 'the run failed'}`);
      }
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
    this.ending = li;
    this.setTail();
    this.rows.render();
  }
}
