// The output panel: one row per printed line with its time and its task, the
// final status and a link to the error's line. Everything a scenario prints
// is set with textContent, never parsed as HTML.

import { formatTime } from './timeline.js';

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

// Rows are one line high (a long line scrolls sideways, as in a terminal),
// so only the rows in view are in the DOM: 10 or 100,000 lines cost the same
// per frame. Spacers above and below give the list its full scroll height.
const ROW_H = 20;      // px, as #output li[data-index] in style.css
const OVERSCAN = 30;   // rows drawn beyond the view on each side
const PAD_TOP = 2;     // #output's top padding

export class OutputPanel {
  /** onSelect(index) when a line is clicked; onGoToLine(line, col) for error links. */
  constructor(list, { onSelect, onGoToLine }) {
    this.list = list;
    this.onSelect = onSelect;
    this.onGoToLine = onGoToLine;
    this.top = document.createElement('li');
    this.bottom = document.createElement('li');
    for (const pad of [this.top, this.bottom]) { pad.className = 'pad'; pad.setAttribute('aria-hidden', 'true'); }
    this.clear();
    // Only a person's scrolling decides whether new lines are followed.
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown']) {
      list.addEventListener(type, () => { this.userScroll = true; }, { passive: true });
    }
    list.addEventListener('scroll', () => {
      if (this.userScroll) {
        this.userScroll = false;
        this.follow = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
      }
      this.schedule();
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
    this.drawn = new Map(); // index -> its row, for the rows in the DOM
    this.widest = 0;        // longest text, in characters (the sideways scroll width)
    this.ending = null;     // the last item: how the run ended
    this.selected = -1;
    this.follow = true;
    this.printed = null;    // stepping: lines printed so far (null: all)
    this.list.replaceChildren();
    this.list.dataset.printed = '';
    this.list.style.removeProperty('--row-ch');
    if (this.veil) this.veil.remove();
  }

  /** Appends lines ({t, name, text, stream}); their indexes follow the last ones. */
  append(lines) {
    for (const line of lines) {
      this.items.push(line);
      if (line.text.length > this.widest) this.widest = line.text.length;
    }
    this.schedule();
  }

  // Draws on the next frame (many appends, one layout).
  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
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

  /** Puts the rows around the scroll position (or the last rows, when following) in the DOM. */
  render() {
    if (this.frame) { cancelAnimationFrame(this.frame); this.frame = 0; }
    const n = this.items.length;
    const list = this.list;
    const view = Math.ceil((list.clientHeight || 400) / ROW_H);
    const at = this.follow ? n : Math.floor(Math.max(0, list.scrollTop - PAD_TOP) / ROW_H);
    const first = Math.max(0, Math.min(at, n - view) - OVERSCAN);
    const last = Math.min(n, Math.max(at, 0) + view + OVERSCAN);
    const rows = [];
    const drawn = new Map();
    for (let i = first; i < last; i++) {
      const li = this.drawn.get(i) || this.row(i);
      drawn.set(i, li);
      rows.push(li);
    }
    this.drawn = drawn;
    this.top.style.height = `${first * ROW_H}px`;
    this.bottom.style.height = `${(n - last) * ROW_H}px`;
    list.style.setProperty('--row-ch', String(this.widest));
    const tail = [this.ending, this.printed !== null ? this.veil : null].filter(Boolean);
    list.replaceChildren(this.top, ...rows, this.bottom, ...tail);
    if (this.follow) list.scrollTop = 1e9;
    if (this.printed !== null) this.placeVeil();
  }

  // Scrolls row i into view (nearest edge); false if it was in view already.
  reveal(i) {
    const list = this.list;
    const y = PAD_TOP + i * ROW_H;
    if (y < list.scrollTop) list.scrollTop = y;
    else if (y + ROW_H > list.scrollTop + list.clientHeight) list.scrollTop = y + ROW_H - list.clientHeight;
    else return false;
    return true;
  }

  /** Marks one line as selected and scrolls it into view. */
  select(index) {
    const old = this.drawn.get(this.selected);
    if (old) old.classList.remove('selected');
    this.selected = index;
    if (index < 0 || index >= this.items.length) return;
    this.follow = false;
    const row = this.drawn.get(index);
    if (row) row.classList.add('selected');
    if (this.reveal(index) || !row) this.render();
  }

  // Removes the last stderr lines when they repeat text (the error's display).
  dropEcho(text) {
    const lines = text.replace(/\n$/, '').split('\n');
    const tail = this.items.slice(-lines.length);
    if (tail.length !== lines.length) return;
    if (!tail.every((l, k) => l.stream === 'err' && l.text === lines[k])) return;
    this.items.length -= lines.length;
    this.schedule();
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
    if (count === null) { this.veil.remove(); return; }
    this.follow = false;
    if (count > 0) this.reveal(Math.min(count, this.items.length) - 1);
    this.render();
  }

  placeVeil() {
    const count = Math.min(this.printed, this.items.length);
    const top = PAD_TOP + count * ROW_H;
    this.veil.hidden = count >= this.items.length;
    this.veil.style.top = `${top}px`;
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
    this.render();
    if (this.follow) li.scrollIntoView({ block: 'nearest' });
  }
}
