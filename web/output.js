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
    this.follow = true;
    // Only a person's scrolling decides (measuring on every scroll would
    // force a layout for each batch the page itself scrolls to).
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown']) {
      list.addEventListener(type, () => { this.userScroll = true; }, { passive: true });
    }
    list.addEventListener('scroll', () => {
      if (!this.userScroll) return;
      this.userScroll = false;
      this.follow = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    }, { passive: true });
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
    this.list.dataset.printed = '';
    this.rows = [];
    this.hidden = 0;
    this.more = null;
    this.selected = -1;
    this.follow = true;
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
    this.list.append(frag);
    // Follows new lines unless the reader scrolled up (known from scroll
    // events: measuring the list here would force a layout per batch).
    // Once per frame: setting scrollTop forces a layout.
    if (this.follow && !this.scrollFrame) {
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        if (this.follow) this.list.scrollTop = 1e9;
      });
    }
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

  // Removes the last stderr rows when they repeat text (the error's display).
  dropEcho(text) {
    const lines = text.replace(/\n$/, '').split('\n');
    const rows = this.rows.slice(-lines.length);
    if (rows.length !== lines.length) return;
    const same = rows.every((r, k) => r.classList.contains('err') && r.querySelector('.text').textContent === lines[k]);
    if (!same) return;
    for (const r of rows) r.remove();
    this.rows.length -= lines.length;
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
   * 5,000 (a class per row made the browser restyle thousands of rows).
   */
  showUpTo(count) {
    if (!this.veil) {
      this.veil = document.createElement('div');
      this.veil.className = 'veil';
      this.veil.setAttribute('aria-hidden', 'true');
    }
    this.list.dataset.printed = count === null ? '' : String(count);
    const row = count === null ? null : this.rows[count];
    if (!row) { this.veil.remove(); } else {
      this.list.append(this.veil);
      this.veil.style.top = `${row.offsetTop}px`;
      this.veil.style.height = `${this.list.scrollHeight - row.offsetTop}px`;
    }
    if (count !== null) {
      const last = this.rows[Math.min(count, this.rows.length) - 1];
      if (last) last.scrollIntoView({ block: 'nearest' });
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
    this.list.append(li);
    li.scrollIntoView({ block: 'nearest' });
  }
}
