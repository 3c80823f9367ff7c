#!/usr/bin/env node
// The issue-8 workload table: each file of bench/scenarios/ below run by the
// corolab CLI in Wasm (under Node), by the native CLI and by CPython 3.11
// (bench/vloop.py: asyncio on a virtual clock, as corolab runs it), rounds
// alternated, median wall time of each whole command. When Pyodide is
// installed in bench/pyodide/ (bench/run.sh does it), Pyodide and corolab's
// Wasm module are also timed in this process, load time excluded.
// Every implementation must print the same lines, or the bench fails.
//   node bench/workloads.cjs [--rounds N] [--only SUBSTRING]
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dir = path.join(__dirname, 'scenarios');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROUNDS = Number(arg('--rounds', 3));
const ONLY = arg('--only', '');
const NATIVE = path.join(root, process.env.BENCH_NATIVE_DIR || 'build/native', 'cli', 'corolab-native');
const PYODIDE = path.join(__dirname, 'pyodide', 'node_modules', 'pyodide');

const CASES = [
  ['fib(27) recursive', 'cpu_fib27.py'],
  ['sum of i*i, 5M iterations', 'cpu_sum_squares.py'],
  ['str(i) for 1M, then join', 'cpu_str_join.py'],
  ['dict 1M inserts + lookups', 'cpu_dict.py'],
  ['W1: 1,000 tasks x 1,000 sleep(0)', 'w1_switches.py'],
  ['W3: gather of 100,000 coroutines', 'w3_gather.py'],
  ['Queue: 4 producers, 4 consumers, 200,000 items', 'async_queue.py'],
  ['100,000 sleepers with random deadlines', 'async_sleepers.py'],
].filter(([, f]) => f.includes(ONLY));

// The printed text without tsv time stamps.
const text = (out) => out.split('\n').map((l) => l.replace(/^[0-9.]+\t/, '')).join('\n').trim();

function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { time: dt, out: text(r.stdout) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function inProcess() {
  if (!fs.existsSync(PYODIDE)) return null;
  const { loadPyodide } = require(PYODIDE);
  const py = await loadPyodide();
  let buf = [];
  py.setStdout({ batched: (s) => buf.push(s) });
  py.FS.writeFile('/home/pyodide/vloop.py', fs.readFileSync(path.join(__dirname, 'vloop.py')));
  py.runPython('import sys; sys.path.insert(0, "/home/pyodide"); import vloop; vloop.install()');
  const { loadCorolab, runVirtual } = require(path.join(root, 'cli', 'run.cjs'));
  const mod = await loadCorolab();
  return {
    version: py.version,
    pyodide(source) {
      buf = [];
      const globals = py.toPy({ __name__: '__main__' });
      const t0 = process.hrtime.bigint();
      py.runPython(source, { globals });
      const dt = Number(process.hrtime.bigint() - t0) / 1e9;
      globals.destroy();
      return { time: dt, out: text(buf.join('\n')) };
    },
    corolab(source, file) {
      const t0 = process.hrtime.bigint();
      const r = runVirtual(mod, source, { filename: file }, 'tsv');
      const dt = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r.exitCode !== 0) throw new Error(`${file} failed in process:\n${r.stderr}`);
      return { time: dt, out: text(r.stdout) };
    },
  };
}

async function main() {
  const hasNative = fs.existsSync(NATIVE);
  const inproc = await inProcess();
  const rows = [];
  for (const [name, file] of CASES) {
    const f = path.join(dir, file);
    const source = fs.readFileSync(f, 'utf8');
    const t = { wasm: [], native: [], cpython: [], pyodide: [], wasmIn: [] };
    let expect = null;
    const check = (who, r) => {
      if (expect === null) expect = r.out;
      else if (r.out !== expect) throw new Error(`${file}: ${who} printed\n${r.out}\ninstead of\n${expect}`);
      return r.time;
    };
    for (let i = 0; i < ROUNDS; i++) {
      t.cpython.push(check('CPython', timed('python3', [path.join(__dirname, 'vloop.py'), f])));
      t.wasm.push(check('the Wasm CLI', timed(process.execPath, [path.join(root, 'cli', 'corolab.cjs'), 'run', f, '--format', 'tsv'])));
      if (hasNative) t.native.push(check('the native CLI', timed(NATIVE, ['run', f, '--format', 'tsv'])));
      if (inproc) {
        t.pyodide.push(check('Pyodide', inproc.pyodide(source)));
        t.wasmIn.push(check('the Wasm module in process', inproc.corolab(source, file)));
      }
    }
    const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.length ? median(v) : NaN]));
    rows.push([name, m]);
  }
  const s = (x) => (Number.isNaN(x) ? '-' : x.toFixed(3));
  const r = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? '-' : (a / b).toFixed(2));
  console.log(`Workloads (median of ${ROUNDS} alternated rounds, seconds; ratio = corolab / other, below 1 is faster; Node ${process.version}` +
    (inproc ? `, Pyodide ${inproc.version}` : ', Pyodide not installed') + ')');
  console.log('');
  const head = ['workload', 'CPython', 'Wasm CLI', 'native CLI', 'Wasm CLI / CPython', 'native CLI / CPython'];
  if (inproc) head.push('Pyodide in-process', 'Wasm in-process', 'Wasm / Pyodide in-process');
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => ' --- ').join('|')}|`);
  for (const [name, m] of rows) {
    const cells = [name, s(m.cpython), s(m.wasm), s(m.native), r(m.wasm, m.cpython), r(m.native, m.cpython)];
    if (inproc) cells.push(s(m.pyodide), s(m.wasmIn), r(m.wasmIn, m.pyodide));
    console.log(`| ${cells.join(' | ')} |`);
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
