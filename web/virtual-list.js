// A long list (an <ol> that scrolls) of which only the rows in view are in the
// DOM: every row is exactly rowHeight pixels (a long line scrolls sideways),
// spacers above and below give the list its full scroll height, so 10 or
// 100,000 rows cost the same per frame. Used by the output panel and the
// comparison's rows.

export class VirtualList {
  /**
   * list: the scrolling <ol>; rowHeight: px, as its rows' CSS says; padTop:
   * the list's top padding in px; makeRow(i): a new <li> for row i;
   * afterRender(): called after each render (to place overlays); overscan:
   * rows drawn beyond the view on each side.
   */
  constructor(list, { rowHeight, padTop = 0, makeRow, afterRender = () => {}, overscan = 30 }) {
    this.list = list;
    this.rowHeight = rowHeight;
    this.padTop = padTop;
    this.makeRow = makeRow;
    this.afterRender = afterRender;
    this.overscan = overscan;
    this.top = document.createElement('li');
    this.bottom = document.createElement('li');
    for (const pad of [this.top, this.bottom]) { pad.className = 'pad'; pad.setAttribute('aria-hidden', 'true'); }
    this.frame = 0;
    // The list's height and scroll position, kept from events: reading them
    // while rows change would force a layout per list per step.
    this.viewH = 0;
    this.scrollY = 0;
    this.reset();
    list.addEventListener('scroll', () => { this.scrollY = list.scrollTop; this.schedule(); }, { passive: true });
    new ResizeObserver(() => { this.viewH = list.clientHeight; this.schedule(); }).observe(list);
  }

  /** Forgets every row: a new list of count rows. */
  reset(count = 0) {
    this.count = count;       // rows in the list (set it, then schedule())
    this.tail = [];           // nodes after the rows (an end note, a veil)
    this.atEnd = true;        // following the end: each render scrolls there
    this.drawn = new Map();   // index -> its row, for the rows in the DOM
    this.scrollY = 0;
    this.list.replaceChildren();
    this.schedule();
  }

  /** The same list with new content (count rows): rows are rebuilt, the scroll position kept; draws now. */
  refresh(count) {
    this.count = count;
    for (const li of this.drawn.values()) li.remove();
    this.drawn = new Map();
    this.render();
  }

  /** The drawn row for index i, if it is in the DOM. */
  row(i) { return this.drawn.get(i); }

  /** Draws on the next frame (many changes, one layout). */
  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
  }

  /** Puts the rows around the scroll position (or the last ones, atEnd) in the DOM now. */
  render() {
    if (this.frame) { cancelAnimationFrame(this.frame); this.frame = 0; }
    const n = this.count;
    const list = this.list;
    const h = this.rowHeight;
    const view = Math.ceil((this.viewH || 400) / h);
    const at = this.atEnd ? n : Math.floor(Math.max(0, this.scrollY - this.padTop) / h);
    const first = Math.max(0, Math.min(at, n - view) - this.overscan);
    const last = Math.min(n, at + view + this.overscan);
    const before = this.drawn;
    const drawn = new Map();
    for (let i = first; i < last; i++) drawn.set(i, before.get(i) || this.makeRow(i));
    this.drawn = drawn;
    // Rows that stay keep their place in the DOM (moving a node restyles and
    // relays it out): drop the others, insert the new ones around them.
    if (this.top.parentNode !== list) list.replaceChildren(this.top, this.bottom);
    for (const [i, li] of before) if (drawn.get(i) !== li) li.remove();
    let place = this.top.nextSibling;
    for (const li of drawn.values()) {
      if (place === li) place = place.nextSibling;
      else list.insertBefore(li, place);
    }
    this.top.style.height = `${first * h}px`;
    this.bottom.style.height = `${(n - last) * h}px`;
    // What follows the rows, when it changed.
    let node = this.bottom.nextSibling;
    const same = this.tail.every((t) => { const ok = t === node; node = node && node.nextSibling; return ok; }) && !node;
    if (!same) {
      while (this.bottom.nextSibling) this.bottom.nextSibling.remove();
      list.append(...this.tail);
    }
    if (this.atEnd) { list.scrollTop = 1e9; this.scrollY = list.scrollTop; }
    this.afterRender();
  }

  /** Top of row i in the list's content, px. */
  offset(i) { return this.padTop + i * this.rowHeight; }

  /** Scrolls row i into view (nearest edge) and draws what is then in view. */
  reveal(i) {
    const y = this.offset(i);
    const viewH = this.viewH || this.list.clientHeight;
    this.atEnd = false;
    if (y < this.scrollY) this.scrollTo(y);
    else if (y + this.rowHeight > this.scrollY + viewH) this.scrollTo(y + this.rowHeight - viewH);
    if (!this.drawn.has(i)) this.render();
  }

  /**
   * Scrolls to y px. The rows drawn follow at once; the list itself scrolls
   * on the next frame (setting scrollTop now would force a layout now).
   */
  scrollTo(y) {
    this.scrollY = Math.max(0, y);
    if (!this.scrollFrame) {
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        this.list.scrollTop = this.scrollY;
      });
    }
  }
}
