// Draws a TimelineModel on a canvas: one lane per task over a time axis.
// Only the lanes in view are drawn (a spacer element gives the scroll height),
// so 1,000 tasks scroll as smoothly as 3. Redraws are batched per frame.
//
// Honesty about virtual time: code takes no virtual time, so a task's running
// spans are zero-width; they are drawn as ticks at least RUN_MIN_PX wide. The
// loop being blocked (time.sleep) is real virtual time and is drawn across
// every lane, so "blocking serializes everything" shows at a glance.

const LANE_H = 24;
const AXIS_H = 26;
const GUTTER = 96;
const RIGHT_PAD = 14;
const RUN_MIN_PX = 3;
const MAX_VIEW_LANES_PX = 360;

const WAIT_GROUPS = {
  sleep: 'sleep', yield: 'sleep',
  task: 'task', future: 'task', gather: 'task', wait: 'task',
  lock: 'sync', event: 'sync', semaphore: 'sync', condition: 'sync', queue: 'sync',
};

function niceStep(range, pixels) {
  const target = range / Math.max(1, pixels / 90);
  const pow = 10 ** Math.floor(Math.log10(target || 1));
  for (const m of [1, 2, 5, 10]) if (m * pow >= target) return m * pow;
  return 10 * pow;
}

export function formatTime(t) {
  if (t === 0) return '0 s';
  if (t < 0.001) return `${(t * 1e6).toFixed(0)} µs`;
  if (t < 1) return `${+(t * 1000).toFixed(1)} ms`;
  return `${+t.toFixed(3)} s`;
}

// Axis labels share one unit, chosen by the visible time span.
function formatTick(t, span) {
  const [scale, unit] = span >= 1 ? [1, 's'] : span >= 1e-3 ? [1e3, 'ms'] : [1e6, 'µs'];
  return `${+(t * scale).toPrecision(12)} ${unit}`;
}

export class Timeline {
  /**
   * root: the .timeline element (holds .tl-scroll > canvas + .tl-spacer, and .tl-tip).
   * onSelect(outputIndex) is called when a marker is clicked.
   */
  constructor(root, { onSelect, onCursor, label = 'Timeline' }) {
    this.label = label;                // what the canvas's text alternative starts with
    this.root = root;
    this.scroller = root.querySelector('.tl-scroll');
    this.canvas = root.querySelector('canvas');
    this.spacer = root.querySelector('.tl-spacer');
    this.tip = root.querySelector('.tl-tip');
    this.summary = root.querySelector('.tl-summary');
    this.ctx = this.canvas.getContext('2d');
    this.onSelect = onSelect;
    this.onCursor = onCursor || null;  // (t) when the time cursor is dragged on the axis
    this.cursor = null;                // time of the stepping cursor, or null
    this.filter = '';                  // lanes whose name contains this (case-insensitive)
    this.shown = null;                 // cache: {filter, count, lanes}
    this.model = null;
    this.selected = -1;
    this.frame = 0;
    this.colors = null;

    // A tooltip describes what was under the pointer: scrolling moves that away.
    this.scroller.addEventListener('scroll', () => { this.tip.hidden = true; this.redraw(); }, { passive: true });
    window.addEventListener('scroll', () => { this.tip.hidden = true; }, { passive: true });
    new ResizeObserver(() => this.redraw()).observe(this.scroller);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { this.colors = null; this.redraw(); });
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => { this.tip.hidden = true; });
    this.canvas.tabIndex = 0;
    this.canvas.addEventListener('wheel', (e) => {
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        this.zoomBy(Math.exp(e.deltaY * 0.01), this.geometry().t(e.offsetX));
      } else if (this.zoom && (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY))) {
        e.preventDefault();
        this.pan((e.shiftKey ? e.deltaY : e.deltaX) / this.geometry().plotW);
      }
    }, { passive: false });
    this.canvas.addEventListener('dblclick', () => this.zoomBy(null));
    this.canvas.addEventListener('keydown', (e) => {
      const keys = { '+': () => this.zoomBy(0.5), '=': () => this.zoomBy(0.5), '-': () => this.zoomBy(2),
        0: () => this.zoomBy(null), ArrowLeft: () => this.pan(-0.2), ArrowRight: () => this.pan(0.2) };
      if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
    });
    this.canvas.addEventListener('click', (e) => {
      if (this.dragged) { this.dragged = false; return; }
      const hit = this.hitTest(e);
      if (hit && hit.marker !== undefined) this.onSelect(hit.marker);
    });
    this.touch();
  }

  // Pointer gestures: drag on the axis moves the time cursor; on a phone, one
  // finger dragged sideways pans, two fingers pinch-zoom (vertical scrolling
  // of the lanes stays the browser's: touch-action pan-y).
  touch() {
    const pointers = new Map();
    let pinch = null;
    let cursorDrag = false;
    const local = (e) => e.clientX - this.canvas.getBoundingClientRect().left;
    this.canvas.addEventListener('pointerdown', (e) => {
      const y = e.clientY - this.canvas.getBoundingClientRect().top;
      if (y < AXIS_H && this.onCursor && this.model) {
        cursorDrag = true;
        this.canvas.setPointerCapture(e.pointerId);
        this.onCursor(Math.max(0, this.geometry().t(local(e))));
        return;
      }
      if (e.pointerType === 'mouse') return;
      pointers.set(e.pointerId, local(e));
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinch = { dist: Math.abs(a - b) || 1, center: this.geometry().t((a + b) / 2) };
      }
    });
    // Dragging the cursor moves it once per frame, however fast the pointer goes.
    let cursorAt = null;
    this.canvas.addEventListener('pointermove', (e) => {
      if (cursorDrag) {
        if (cursorAt === null) {
          requestAnimationFrame(() => {
            const t = cursorAt;
            cursorAt = null;
            if (t !== null && this.model) this.onCursor(t);
          });
        }
        cursorAt = Math.max(0, this.geometry().t(local(e)));
        return;
      }
      if (!pointers.has(e.pointerId)) return;
      const before = pointers.get(e.pointerId);
      pointers.set(e.pointerId, local(e));
      if (pointers.size === 2 && pinch) {
        const [a, b] = [...pointers.values()];
        const dist = Math.abs(a - b) || 1;
        this.zoomBy(pinch.dist / dist, pinch.center);
        pinch.dist = dist;
        this.dragged = true;
      } else if (pointers.size === 1) {
        const dx = local(e) - before;
        if (Math.abs(dx) > 0) { this.pan(-dx / this.geometry().plotW); this.dragged = true; }
      }
    });
    const up = (e) => {
      cursorDrag = false;
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinch = null;
    };
    this.canvas.addEventListener('pointerup', up);
    this.canvas.addEventListener('pointercancel', up);
  }

  /** Shows only lanes whose name contains text (empty: all). */
  setFilter(text) {
    this.filter = text.trim().toLowerCase();
    this.shown = null;
    this.scroller.scrollTop = 0;
    this.redraw();
  }

  /** The lanes drawn, in order: all, or those matching the filter. */
  lanes() {
    const all = this.model ? this.model.lanes : [];
    if (!this.filter) return all;
    if (this.shown && this.shown.filter === this.filter && this.shown.count === all.length && this.shown.model === this.model) return this.shown.lanes;
    const lanes = all.filter((l) => l.name.toLowerCase().includes(this.filter));
    this.shown = { filter: this.filter, count: all.length, model: this.model, lanes };
    return lanes;
  }

  /** Draws the stepping cursor at time t (null hides it). */
  setCursor(t) {
    this.cursor = t;
    if (t !== null && this.zoom && (t < this.zoom[0] || t > this.zoom[1])) {
      const span = this.zoom[1] - this.zoom[0];
      const tEnd = this.model ? this.model.tEnd : 1;
      const n0 = Math.min(Math.max(0, t - span / 2), Math.max(0, tEnd - span));
      this.zoom = [n0, n0 + span];
    }
    this.redraw();
  }

  setModel(model) {
    this.model = model;
    this.axisEnd = 0;
    this.zoom = null;
    this.described = -1;
    this.selected = -1;
    this.shown = null;
    this.cursor = null;
    this.tip.hidden = true;
    this.scroller.scrollTop = 0;
    this.redraw();
  }

  /** Highlights an output marker and scrolls its lane into view. */
  select(index) {
    this.selected = index;
    const out = this.model && this.model.outputs[index];
    const row = out ? this.lanes().indexOf(out.lane) : -1;
    if (row >= 0) {
      const top = row * LANE_H;
      const view = this.scroller.clientHeight - AXIS_H;
      if (top < this.scroller.scrollTop || top + LANE_H > this.scroller.scrollTop + view) {
        this.scroller.scrollTop = Math.max(0, top - view / 2);
      }
    }
    this.redraw();
  }

  redraw() {
    // The visible time range, for tools and tests: "v0 v1" in seconds.
    this.canvas.dataset.range = this.range().join(' ');
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  readColors() {
    const css = getComputedStyle(this.root);
    const v = (name) => css.getPropertyValue(name).trim();
    this.colors = {
      fg: v('--fg'), muted: v('--muted'), grid: v('--grid'), lane: v('--lane-alt'),
      run: v('--tl-run'), block: v('--tl-block'), blockBand: v('--tl-block-band'),
      sleep: v('--tl-sleep'), task: v('--tl-task'), sync: v('--tl-sync'), other: v('--tl-other'),
      marker: v('--tl-marker'), err: v('--err'), selected: v('--accent'),
    };
  }

  /** Draws the axis up to t at least (two timelines compared on one axis). */
  setAxisEnd(t) {
    this.axisEnd = t;
    this.redraw();
  }

  // The end of the time axis: the run's end, or the shared axis's.
  end() {
    const tEnd = Math.max(this.model ? this.model.tEnd : 0, this.axisEnd || 0);
    return tEnd > 0 ? tEnd : 1;
  }

  // The visible time range: the whole run unless zoomed in.
  range() {
    const tEnd = this.end();
    if (!this.zoom) return [0, tEnd];
    return this.zoom;
  }

  geometry() {
    const width = this.scroller.clientWidth;
    const lanes = this.lanes().length;
    const [v0, v1] = this.range();
    const span = v1 - v0;
    const plotW = Math.max(10, width - GUTTER - RIGHT_PAD);
    return {
      width, lanes, v0, v1, span, plotW,
      x: (t) => GUTTER + ((t - v0) / span) * plotW,
      t: (x) => v0 + ((x - GUTTER) / plotW) * span,
    };
  }

  /** Zooms by factor around time t (factor < 1 zooms in); null resets to the whole run. */
  zoomBy(factor, t) {
    const tEnd = this.end();
    if (factor === null) { this.zoom = null; this.redraw(); return; }
    const [v0, v1] = this.range();
    let span = Math.min(tEnd, Math.max(tEnd * 1e-6, (v1 - v0) * factor));
    const at = t === undefined ? (v0 + v1) / 2 : t;
    let n0 = at - ((at - v0) / (v1 - v0)) * span;
    n0 = Math.min(Math.max(0, n0), tEnd - span);
    this.zoom = span >= tEnd ? null : [n0, n0 + span];
    this.redraw();
  }

  /** Moves the visible range by a fraction of its width. */
  pan(fraction) {
    if (!this.zoom) return;
    const tEnd = this.end();
    const [v0, v1] = this.zoom;
    const d = (v1 - v0) * fraction;
    const n0 = Math.min(Math.max(0, v0 + d), tEnd - (v1 - v0));
    this.zoom = [n0, n0 + (v1 - v0)];
    this.redraw();
  }

  draw() {
    if (!this.colors) this.readColors();
    const c = this.colors;
    const m = this.model;
    const g = this.geometry();
    const lanesH = g.lanes * LANE_H;
    // The canvas is sticky at the scroller's top; the spacer below it makes
    // the scroll height equal to all lanes.
    const viewH = Math.min(lanesH, MAX_VIEW_LANES_PX) + AXIS_H;
    this.scroller.style.height = `${viewH}px`;
    this.spacer.style.height = `${lanesH + AXIS_H - viewH}px`;
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(g.width * dpr) || this.canvas.height !== Math.round(viewH * dpr)) {
      this.canvas.width = Math.round(g.width * dpr);
      this.canvas.height = Math.round(viewH * dpr);
      this.canvas.style.width = `${g.width}px`;
      this.canvas.style.height = `${viewH}px`;
    }
    this.describe();
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, g.width, viewH);
    if (!m) return;

    const shown = this.lanes();
    const scroll = this.scroller.scrollTop;
    const first = Math.floor(scroll / LANE_H);
    const last = Math.min(g.lanes - 1, Math.floor((scroll + viewH - AXIS_H) / LANE_H));
    const laneY = (i) => AXIS_H + i * LANE_H - scroll;
    ctx.font = '12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
    ctx.textBaseline = 'middle';

    // Lane backgrounds and labels.
    for (let i = first; i <= last; i++) {
      const y = laneY(i);
      if (i % 2) { ctx.fillStyle = c.lane; ctx.fillRect(0, y, g.width, LANE_H); }
      const lane = shown[i];
      ctx.fillStyle = lane.outcome === 'error' ? c.err : lane.internal ? c.muted : c.fg;
      ctx.fillText(this.laneLabel(lane.name), 6, y + LANE_H / 2);
    }

    // Grid lines.
    const step = niceStep(g.span, g.plotW);
    const firstTick = Math.ceil(g.v0 / step - 1e-9) * step;
    ctx.strokeStyle = c.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let t = firstTick; t <= g.v1 + step / 1e6; t += step) {
      const x = Math.round(g.x(t)) + 0.5;
      ctx.moveTo(x, AXIS_H);
      ctx.lineTo(x, viewH);
    }
    ctx.stroke();

    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER - RUN_MIN_PX - 6, AXIS_H, g.width, viewH - AXIS_H);
    ctx.clip();

    // The loop blocked: a band across every lane.
    ctx.fillStyle = c.blockBand;
    for (const b of m.blocks) {
      const x0 = g.x(b.t0);
      ctx.fillRect(x0, AXIS_H, Math.max(1, g.x(b.t1) - x0), viewH - AXIS_H);
    }

    // Spans.
    for (let i = first; i <= last; i++) {
      const lane = shown[i];
      const y = laneY(i);
      if (lane.created !== null) {
        // The task's life: a hairline from creation to end.
        ctx.fillStyle = c.grid;
        ctx.fillRect(g.x(lane.created), y + LANE_H / 2, Math.max(1, g.x(lane.ended ?? m.tEnd) - g.x(lane.created)), 1);
      }
      // Many spans can share a pixel (a sleep(0) loop makes a million at one
      // instant): a span whose rectangle the last one drawn in its colour
      // already covers, or that lies outside the view, is not drawn.
      const lastDrawn = new Map();  // colour -> [x0, x1] in whole pixels
      for (const s of lane.spans) {
        const x0 = g.x(s.t0);
        const w = g.x(m.spanEnd(s)) - x0;
        const colour = s.kind === 'wait' ? WAIT_GROUPS[s.on] || 'other' : s.kind;
        const px0 = Math.floor(x0) - 1;
        const px1 = Math.ceil(x0 + Math.max(RUN_MIN_PX, w));
        if (px1 < 0 || px0 > g.width) continue;
        const last = lastDrawn.get(colour);
        if (last && px0 >= last[0] && px1 <= last[1]) continue;
        lastDrawn.set(colour, [px0, px1]);
        if (s.kind === 'wait') {
          ctx.fillStyle = c[colour];
          ctx.fillRect(x0, y + 8, Math.max(1, w), LANE_H - 16);
        } else if (s.kind === 'block') {
          ctx.fillStyle = c.block;
          ctx.fillRect(x0, y + 4, Math.max(RUN_MIN_PX, w), LANE_H - 8);
        } else {
          ctx.fillStyle = c.run;
          ctx.fillRect(x0 - (w < RUN_MIN_PX ? 1 : 0), y + 4, Math.max(RUN_MIN_PX, w), LANE_H - 8);
        }
      }
      if (lane.ended !== null && lane.outcome !== 'result') {
        ctx.fillStyle = c.err;
        ctx.fillText(lane.outcome === 'error' ? '✕' : '⊘', g.x(lane.ended) + 4, y + LANE_H / 2);
      }
      // Output markers: small triangles on the lane's top edge.
      for (const idx of lane.markers) {
        const x = g.x(m.outputs[idx].t);
        const sel = idx === this.selected;
        ctx.fillStyle = sel ? c.selected : (m.outputs[idx].stream === 'err' ? c.err : c.marker);
        const r = sel ? 6 : 4;
        ctx.beginPath();
        ctx.moveTo(x - r, y + 1);
        ctx.lineTo(x + r, y + 1);
        ctx.lineTo(x, y + 1 + r * 1.4);
        ctx.closePath();
        ctx.fill();
      }
    }

    // The trace hit its memory cap: nothing after this is recorded.
    if (m.truncatedAt !== null) {
      const x = g.x(m.truncatedAt);
      ctx.fillStyle = c.err;
      ctx.fillRect(x, AXIS_H, 2, viewH - AXIS_H);
      ctx.fillText('trace truncated (memory budget): nothing recorded after this', Math.min(x + 6, g.width - 330), AXIS_H + 10);
    }
    // The stepping cursor.
    if (this.cursor !== null) {
      ctx.fillStyle = c.selected;
      ctx.fillRect(Math.round(g.x(this.cursor)) - 1, AXIS_H, 2, viewH - AXIS_H);
    }

    ctx.restore();

    // Axis on top (drawn last so it stays visible while scrolling).
    ctx.fillStyle = getComputedStyle(this.root).getPropertyValue('--panel').trim() || '#fff';
    ctx.fillRect(0, 0, g.width, AXIS_H);
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'center';
    for (let t = firstTick; t <= g.v1 + step / 1e6; t += step) {
      const x = g.x(t);
      if (x > g.width - 20) break;
      if (x < GUTTER - 4) continue;
      ctx.fillText(formatTick(t, g.span), x, AXIS_H / 2);
    }
    ctx.textAlign = 'left';
    ctx.fillText('task', 6, AXIS_H / 2);
    if (this.cursor !== null) {
      const x = g.x(this.cursor);
      ctx.fillStyle = c.selected;
      ctx.beginPath();
      ctx.moveTo(x - 6, AXIS_H - 9);
      ctx.lineTo(x + 6, AXIS_H - 9);
      ctx.lineTo(x, AXIS_H);
      ctx.closePath();
      ctx.fill();
    }
  }

  // A lane's name cut to the gutter (measuring text is slow: once per name).
  laneLabel(name) {
    if (!this.labels) this.labels = new Map();
    let text = this.labels.get(name);
    if (text === undefined) {
      text = clip(this.ctx, name, GUTTER - 10);
      if (this.labels.size > 20000) this.labels.clear();
      this.labels.set(name, text);
    }
    return text;
  }

  // The canvas's text alternative names its lanes (screen readers, tests).
  describe() {
    const lanes = this.lanes();
    const cut = this.model ? this.model.truncatedAt : null;
    const key = `${lanes.length}/${this.filter}/${this.model && this.model.finished}/${cut}`;
    if (this.described === key) return;
    this.described = key;
    const names = lanes.slice(0, 20).map((l) => l.name).join(', ');
    this.canvas.setAttribute('aria-label', `${this.label}, ${lanes.length} lane${lanes.length === 1 ? '' : 's'}` +
      (lanes.length ? `: ${names}${lanes.length > 20 ? ', …' : ''}` : '') +
      (cut !== null ? `; trace truncated at ${formatTime(cut)} (memory budget)` : ''));
  }

  hitTest(e) {
    const m = this.model;
    if (!m) return null;
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    if (y < AXIS_H) return null;
    const i = Math.floor((y - AXIS_H + this.scroller.scrollTop) / LANE_H);
    const lane = this.lanes()[i];
    if (!lane) return null;
    const g = this.geometry();
    const t = g.t(x);
    const tol = (5 / g.plotW) * g.span;  // 5 px in time units
    let best = null;
    for (const idx of lane.markers) {
      const d = Math.abs(m.outputs[idx].t - t);
      if (d <= tol && (!best || d < best.d)) best = { d, idx };
    }
    if (best) return { lane, marker: best.idx };
    // The span under the pointer; a zero-width run counts within its tick.
    let found = null;
    for (let k = m.spanIndexAt(lane, t + tol); k >= 0; k--) {
      const s = lane.spans[k];
      const end = m.spanEnd(s);
      if (end + tol < t) { if (s.kind !== 'block') break; else continue; }
      if (s.t0 - tol <= t && t <= end + tol) {
        if (!found || s.kind === 'run' || s.kind === 'block') found = s;
        if (found.kind !== 'wait') break;
      }
    }
    if (found) return { lane, span: found };
    const block = m.blocks.find((b) => b.t0 <= t && t <= b.t1);
    if (block) return { lane, block };
    return { lane };
  }

  hover(e) {
    const hit = this.hitTest(e);
    if (!hit) { this.tip.hidden = true; this.canvas.style.cursor = ''; return; }
    const m = this.model;
    const lane = hit.lane;
    let text;
    if (hit.marker !== undefined) {
      const o = m.outputs[hit.marker];
      text = `${lane.name} printed at ${formatTime(o.t)}${o.stream === 'err' ? ' (stderr)' : ''}:\n${o.text}`;
    } else if (hit.span) {
      const s = hit.span;
      const end = m.spanEnd(s);
      if (s.kind === 'run') text = `${lane.name} runs at ${formatTime(s.t0)}` + (end > s.t0 ? ` – ${formatTime(end)}` : ' (code takes no virtual time)');
      else if (s.kind === 'block') text = `${lane.name} blocks the whole loop (time.sleep)\n${formatTime(s.t0)} – ${formatTime(end)}: ${formatTime(end - s.t0)} in which no other task can run`;
      else text = `${lane.name} waits on ${s.on}${s.detail ? ` (${s.detail})` : ''}\n${formatTime(s.t0)} – ${formatTime(end)}`;
    } else if (hit.block) {
      const owner = m.byTask.get(hit.block.task);
      text = `loop blocked by ${owner ? owner.name : 'module code'} (time.sleep)\n${formatTime(hit.block.t0)} – ${formatTime(hit.block.t1)}`;
    } else {
      const life = lane.created !== null ? `created at ${formatTime(lane.created)}` : '';
      const end = lane.ended !== null ? `, ended at ${formatTime(lane.ended)} (${lane.outcome}${lane.detail ? `: ${lane.detail}` : ''})` : '';
      text = `${lane.name}${life || end ? `: ${life}${end}` : ''}`;
    }
    this.canvas.style.cursor = hit.marker !== undefined ? 'pointer' : '';
    this.tip.textContent = text;
    this.tip.hidden = false;
    const box = this.root.getBoundingClientRect();
    const tipW = this.tip.offsetWidth;
    let left = e.clientX - box.left + 12;
    if (left + tipW > box.width) left = Math.max(0, e.clientX - box.left - tipW - 12);
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${e.clientY - box.top + 14}px`;
  }
}

function clip(ctx, text, maxW) {
  if (ctx.measureText(text).width <= maxW) return text;
  // The longest prefix that fits with an ellipsis (binary search).
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(text.slice(0, mid) + '…').width <= maxW) lo = mid; else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}
