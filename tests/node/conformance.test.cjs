// Conformance: every scenario in tests/conformance/ runs on corolab (the Wasm
// build under Node, through the CLI's own runner, cli/run.cjs, in this
// process: what `corolab run FILE --format tsv` prints) and must print exactly
// what CPython 3.11 printed under the virtual-clock oracle (the checked-in .tsv).
//   syntax/ scenarios: only the error type and line are compared.
//   .stderr files: each (normalized) line must appear in corolab's stderr.
//   exit status: non-zero iff the expected output ends with a "!" line, or
//   the one in <stem>.status when there is one (a run ended by sys.exit(n)).
// CONFORMANCE_FILTER=<substring> runs the scenarios whose path contains it.
// CONFORMANCE_CLI=<file.cjs> runs another CLI with the same arguments (to
// check this runner itself, e.g. against a wrapper around the oracle).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const CLI = process.env.CONFORMANCE_CLI || path.join(ROOT, 'cli', 'corolab.cjs');
const IN_PROCESS = !process.env.CONFORMANCE_CLI;
const CORPUS = path.join(ROOT, 'tests', 'conformance');
// The oracle's defaults (tests/oracle/vclock.py): its virtual-time horizon (the
// budget scenarios in errors/ stop at 3600 s) and the seed random starts from
// when a scenario does not seed it (clock/009).
const CLI_ARGS = ['--format', 'tsv', '--max-time', '3600', '--seed', '20000101'];
const CONCURRENCY = 2;
const TIMEOUT_MS = 60000;
const MAX_DIFF_LINES = 10;

function listScenarios() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.py')) found.push(path.relative(CORPUS, full));
    }
  };
  walk(CORPUS);
  const filter = process.env.CONFORMANCE_FILTER;
  return found.sort().filter((rel) => !filter || rel.includes(filter));
}

function readIfExists(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

// The module, loaded once for the in-process runs.
let corolab = null;
async function runInProcess(file) {
  const { loadCorolab, runVirtual } = require(path.join(ROOT, 'cli', 'run.cjs'));
  if (!corolab) corolab = await loadCorolab();
  const options = { filename: path.basename(file), seed: 20000101, budgets: { time: 3600 } };
  try {
    const r = runVirtual(corolab, fs.readFileSync(file), options, 'tsv');  // bytes, as the CLI reads them
    return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr, killed: false };
  } catch (e) {
    corolab = null;  // a crashed instance is not reused
    return { code: -1, stdout: '', stderr: `corolab crashed: ${e && e.stack ? e.stack : e}`, killed: false };
  }
}

function runCli(file) {
  if (IN_PROCESS) return runInProcess(file);
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'run', file, ...CLI_ARGS],
      { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, killed: Boolean(error && error.killed) });
      });
  });
}

// The same rules as normalize_stderr in tests/oracle/regen.py: keep asyncio's
// messages, cut paths to base names, blank addresses.
const KEPT_STDERR = new RegExp(
  '^(Task exception was never retrieved|Future exception was never retrieved' +
  '|Task was destroyed but it is pending!|Exception in callback ' +
  '|(future|task): <|\\S+:\\d+: RuntimeWarning: coroutine )');
function normalizeStderr(text) {
  return text.split('\n')
    .filter((line) => KEPT_STDERR.test(line))
    .map((line) => line
      .replace(/(?:[^\s<>:'"]*\/)+([^/\s<>:'"]+)/g, '$1')
      .replace(/0x[0-9a-fA-F]+/g, '0x?'));
}

function lines(text) {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

// A short unified-style diff: the first MAX_DIFF_LINES differing lines, from
// a longest-common-subsequence alignment (outputs are small).
function shortDiff(expected, actual) {
  const a = lines(expected);
  const b = lines(actual);
  const n = a.length;
  const m = b.length;
  if (n * m > 4e6) return `(outputs too long to diff: ${n} vs ${m} lines)`;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = ['--- expected (CPython oracle)', '+++ actual (corolab)'];
  let shown = 0;
  let i = 0;
  let j = 0;
  let lastContext = -1;
  while ((i < n || j < m) && shown < MAX_DIFF_LINES) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (lastContext !== i) out.push(`@@ expected line ${i + 1}`);
    lastContext = i;
    if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`-${a[i++]}`);
    else out.push(`+${b[j++]}`);
    lastContext = i;
    shown++;
    if (i < n && j < m && a[i] === b[j]) lastContext = -1;  // a new hunk follows
  }
  if (i < n || j < m) out.push('... (more differences)');
  return out.join('\n');
}

function errorLineOf(stdout) {
  const all = lines(stdout);
  const last = all.length ? all[all.length - 1] : '';
  return /\t!/.test(last) ? last : null;
}

function checkSyntaxScenario(rel, source, result) {
  const want = /^#\s*expect-line:\s*(\d+)/.exec(source);
  assert.ok(want, `${rel}: first line must be "# expect-line: N"`);
  const expected = fs.readFileSync(path.join(CORPUS, rel.replace(/\.py$/, '.tsv')), 'utf8');
  const type = /\t!(\w+):/.exec(expected)[1];
  const out = lines(result.stdout);
  const m = out.length === 1 ? /^\d+\.\d{3}\t!(\w+): (.*)$/.exec(out[0]) : null;
  assert.ok(m, `${rel}: expected one line "<t>\\t!${type}: ... line ${want[1]} ...", got:\n` +
    `${result.stdout}${result.stderr}`);
  const lineNumbers = [...m[2].matchAll(/line (\d+)/g)].map((x) => x[1]);
  assert.ok(m[1] === type && lineNumbers.includes(want[1]),
    `${rel}: expected ${type} on line ${want[1]}, got: ${out[0]}`);
  assert.notEqual(result.code, 0, `${rel}: a syntax error must exit non-zero`);
}

function checkScenario(rel, result) {
  const stem = path.join(CORPUS, rel.replace(/\.py$/, ''));
  const expected = readIfExists(`${stem}.tsv`);
  assert.ok(expected !== null, `${rel}: no expected output; run python3 tests/oracle/regen.py ${rel}`);
  if (result.stdout !== expected) {
    assert.fail(`${rel}: output differs from CPython's\n${shortDiff(expected, result.stdout)}` +
      (result.stderr ? `\nstderr:\n${result.stderr.split('\n').slice(0, 10).join('\n')}` : ''));
  }
  const status = readIfExists(`${stem}.status`);  // sys.exit(n): the status, no "!" line
  if (status !== null) {
    assert.equal(result.code, Number(status), `${rel}: exit status ${result.code}, expected ${status.trim()}`);
  } else {
    const failed = errorLineOf(expected) !== null;
    assert.equal(result.code !== 0, failed,
      `${rel}: exit status ${result.code}, expected ${failed ? 'non-zero' : '0'}`);
  }
  const expectedErr = readIfExists(`${stem}.stderr`);
  if (expectedErr !== null) {
    const actual = new Set(normalizeStderr(result.stderr));
    const missing = lines(expectedErr).filter((line) => !actual.has(line));
    assert.deepEqual(missing, [], `${rel}: stderr lacks CPython's messages:\n` +
      `${missing.join('\n')}\nactual stderr:\n${result.stderr}`);
  }
}

const scenarios = listScenarios();

// Known gaps: scenarios corolab does not match yet, each with its reason, in
// tests/conformance/KNOWN-GAPS.md as lines "- `area/NNN_name.py`: reason".
// They still run: each must still differ from CPython (an expected failure),
// so a fix is noticed and the line removed.
function knownGaps() {
  const file = path.join(CORPUS, 'KNOWN-GAPS.md');
  const gaps = new Map();
  if (!fs.existsSync(file)) return gaps;
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^- `([^`]+\.py)`: (.+)$/gm)) gaps.set(m[1], m[2]);
  return gaps;
}
const GAPS = knownGaps();

test('the corpus has scenarios', () => {
  assert.ok(scenarios.length > 0,
    `no scenario in ${CORPUS}` + (process.env.CONFORMANCE_FILTER ? ` matches CONFORMANCE_FILTER=${process.env.CONFORMANCE_FILTER}` : ''));
});

test('corolab CLI runs (cli/corolab.cjs and its Wasm build)', async () => {
  assert.ok(fs.existsSync(CLI), `missing ${CLI}`);
  const probe = path.join(CORPUS, 'basics', '001_run_hello.py');
  const result = await runCli(probe);
  assert.ok(result.code === 0 && result.stdout.length > 0,
    `corolab could not run ${path.relative(ROOT, probe)} (exit ${result.code}); is it built ` +
    `(npm run build)?\n${result.stderr.slice(0, 2000)}`);
});

test('conformance with CPython 3.11', { concurrency: CONCURRENCY }, async (t) => {
  await Promise.all(scenarios.map((rel) => t.test(rel, async (st) => {
    const file = path.join(CORPUS, rel);
    const result = await runCli(file);
    assert.ok(!result.killed, `${rel}: no result within ${TIMEOUT_MS / 1000} s`);
    const check = () => {
      if (rel.startsWith(`syntax${path.sep}`)) {
        checkSyntaxScenario(rel, fs.readFileSync(file, 'utf8'), result);
      } else {
        checkScenario(rel, result);
      }
    };
    const gap = GAPS.get(rel.split(path.sep).join('/'));
    if (gap === undefined) return check();
    assert.throws(check, `${rel} now matches CPython: remove it from tests/conformance/KNOWN-GAPS.md`);
    st.diagnostic(`known gap ${rel}: ${gap}`);
  })));
});
