// Comparing two runs' outputs: lines are matched by their text (longest
// common subsequence), so a line printed in both runs lines up even when
// other lines come between; a matched line printed at another time is marked
// as such, an unmatched one as only in its run.

const MAX_LINES = 2000;  // the comparison holds at most this many lines a side

/**
 * a, b: output lines ({t, text, name}). Returns rows {a, b, kind}: kind is
 * 'same' (same text, same time to the millisecond), 'time' (same text, another time), 'left'
 * (only in a) or 'right' (only in b). Lines past MAX_LINES are left out.
 */
export function diffOutputs(a, b) {
  a = a.slice(0, MAX_LINES);
  b = b.slice(0, MAX_LINES);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: longest common subsequence of a[i:] and b[j:] (by text).
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i].text === b[j].text ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].text === b[j].text) {
      rows.push({ a: a[i], b: b[j], kind: Math.round(a[i].t * 1000) === Math.round(b[j].t * 1000) ? 'same' : 'time' });
      i++; j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      rows.push({ a: null, b: b[j], kind: 'right' });
      j++;
    } else {
      rows.push({ a: a[i], b: null, kind: 'left' });
      i++;
    }
  }
  return rows;
}
