// Comparing two runs' outputs: lines are matched by their text (longest
// common subsequence), so a line printed in both runs lines up even when
// other lines come between; a matched line printed at another time is marked
// as such, an unmatched one as only in its run.

// The search between the equal lines at both ends holds at most this many
// lines a side (its table has their product of cells); lines past them are
// listed unmatched.
const MAX_SEARCH = 1500;

const pair = (a, b) => ({ a, b, kind: Math.round(a.t * 1000) === Math.round(b.t * 1000) ? 'same' : 'time' });

/**
 * a, b: output lines ({t, text, name}). Returns rows {a, b, kind}: kind is
 * 'same' (same text, same time to the millisecond), 'time' (same text,
 * another time), 'left' (only in a) or 'right' (only in b).
 */
export function diffOutputs(a, b) {
  const steps = diffSteps(a, b);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * diffOutputs a little at a time: a generator that yields after every few
 * thousand lines or table cells and returns the rows, so a page can spread
 * a comparison of long outputs over several tasks.
 */
export function* diffSteps(a, b) {
  // Equal lines at both ends need no search (two runs of one scenario: all).
  let head = 0;
  while (head < a.length && head < b.length && a[head].text === b[head].text) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].text === b[b.length - 1 - tail].text) tail++;
  const rows = [];
  for (let i = 0; i < head; i++) {
    rows.push(pair(a[i], b[i]));
    if (i % 2000 === 1999) yield;
  }
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  yield* search(midA.slice(0, MAX_SEARCH), midB.slice(0, MAX_SEARCH), rows);
  for (const line of midA.slice(MAX_SEARCH)) rows.push({ a: line, b: null, kind: 'left' });
  for (const line of midB.slice(MAX_SEARCH)) rows.push({ a: null, b: line, kind: 'right' });
  for (let k = tail; k > 0; k--) rows.push(pair(a[a.length - k], b[b.length - k]));
  return rows;
}

// Longest common subsequence of a and b by text, as rows appended to rows;
// yields every few thousand cells.
function* search(a, b, rows) {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: longest common subsequence of a[i:] and b[j:].
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  let cells = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i].text === b[j].text ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    cells += m;
    if (cells >= 20000) { cells = 0; yield; }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].text === b[j].text) {
      rows.push(pair(a[i], b[j]));
      i++; j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      rows.push({ a: null, b: b[j], kind: 'right' });
      j++;
    } else {
      rows.push({ a: a[i], b: null, kind: 'left' });
      i++;
    }
  }
}
