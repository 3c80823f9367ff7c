// What the Share dialog saves: the output as text or TSV, the trace as JSON,
// the timeline as SVG. Pure functions of a run's data (no DOM), so Node
// tests call them directly.

/** Python's '%.3f' of t (ties to even), as the output panel shows times. */
function stamp(t) {
  const exact = t.toFixed(100);
  const dot = exact.indexOf('.');
  if (exact[dot + 4] === '5' && /^0*$/.test(exact.slice(dot + 5))) {
    const kept = exact.slice(0, dot + 4);
    if (Number(kept[kept.length - 1]) % 2 === 0) return kept;
  }
  return t.toFixed(3);
}

/** The output as the scenario printed it, one line each. */
export function outputText(outputs) {
  return outputs.map((o) => `${o.text}\n`).join('');
}

/** The output as tsv: time, task, stream and text per line. */
export function outputTsv(outputs) {
  return 't\ttask\tstream\ttext\n' + outputs.map((o) => `${stamp(o.t)}\t${o.name || 'main'}\t${o.stream || 'out'}\t${o.text}\n`).join('');
}

/** The trace as a JSON array, one record per line (docs/ARCHITECTURE.md). */
export function traceJson(trace) {
  return `[\n${trace.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const COLORS = {
  run: '#16803c', block: '#d9480f', sleep: '#93b4f5', task: '#c3a6f0', sync: '#f0c36b', other: '#b8bec9', marker: '#1d2330',
};
const GROUPS = {
  sleep: 'sleep', yield: 'sleep', task: 'task', future: 'task', gather: 'task', wait: 'task',
  lock: 'sync', event: 'sync', semaphore: 'sync', condition: 'sync', queue: 'sync',
};
const MAX_SVG_LANES = 500;

/** The whole timeline (every lane up to MAX_SVG_LANES) as an SVG document. */
export function timelineSvg(model, width = 1000) {
  const LANE = 24;
  const AXIS = 26;
  const GUTTER = 180;
  const lanes = model.lanes.slice(0, MAX_SVG_LANES);
  const tEnd = model.tEnd > 0 ? model.tEnd : 1;
  const plotW = width - GUTTER - 14;
  const x = (t) => (GUTTER + (t / tEnd) * plotW).toFixed(2);
  const height = AXIS + lanes.length * LANE + 4;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`];
  for (let k = 0; k <= 10; k++) {
    const t = (tEnd * k) / 10;
    out.push(`<line x1="${x(t)}" y1="${AXIS}" x2="${x(t)}" y2="${height}" stroke="#e6e9ef"/>`,
      `<text x="${x(t)}" y="16" text-anchor="middle" fill="#667085">${+t.toPrecision(6)} s</text>`);
  }
  for (const b of model.blocks) {
    out.push(`<rect x="${x(b.t0)}" y="${AXIS}" width="${Math.max(1, x(b.t1) - x(b.t0)).toFixed(2)}" height="${height - AXIS}" fill="rgba(217,72,15,0.13)"/>`);
  }
  lanes.forEach((lane, i) => {
    const y = AXIS + i * LANE;
    out.push(`<text x="6" y="${y + 16}" fill="${lane.outcome === 'error' ? '#c62828' : '#1d2330'}">${esc(lane.name.length > 24 ? `${lane.name.slice(0, 23)}…` : lane.name)}</text>`);
    for (const s of lane.spans) {
      const x0 = Number(x(s.t0));
      const w = Math.max(s.kind === 'wait' ? 1 : 3, Number(x(model.spanEnd(s))) - x0);
      const [top, h] = s.kind === 'wait' ? [8, LANE - 16] : [4, LANE - 8];
      const fill = s.kind === 'wait' ? COLORS[GROUPS[s.on] || 'other'] : COLORS[s.kind === 'block' ? 'block' : 'run'];
      out.push(`<rect x="${x0.toFixed(2)}" y="${y + top}" width="${w.toFixed(2)}" height="${h}" fill="${fill}"><title>${esc(`${lane.name}: ${s.kind === 'wait' ? `waits on ${s.on}` : s.kind}`)}</title></rect>`);
    }
    for (const idx of lane.markers) {
      const mx = Number(x(model.outputs[idx].t));
      out.push(`<path d="M${(mx - 4).toFixed(2)} ${y + 1}h8l-4 5.6z" fill="${COLORS.marker}"><title>${esc(model.outputs[idx].text)}</title></path>`);
    }
  });
  if (model.lanes.length > lanes.length) {
    out.push(`<text x="6" y="${height - 2}" fill="#667085">… ${model.lanes.length - lanes.length} more lanes</text>`);
  }
  out.push('</svg>\n');
  return out.join('\n');
}
