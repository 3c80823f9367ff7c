#!/usr/bin/env node
// Scenario benchmark: corolab's CLI (Wasm under Node) against python3 on the
// same files, measured in the same run. Prints a table of figures and ratios.
//   node bench/scenarios.cjs [--runs N]
'use strict';
const { spawnSync, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'cli', 'corolab.cjs');
const dir = path.join(__dirname, 'scenarios');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

// Best wall time of RUNS runs, in seconds; fails loudly if a run fails or
// the two implementations print different things.
function best(cmd, args) {
  let bestTime = Infinity;
  let stdout = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
    stdout = r.stdout;
    bestTime = Math.min(bestTime, dt);
  }
  return { time: bestTime, stdout };
}

// Time from spawning the CLI to its first byte of output, best of RUNS.
function firstOutput(file) {
  return new Promise((resolve, reject) => {
    let bestTime = Infinity;
    let left = RUNS;
    const once = () => {
      const t0 = process.hrtime.bigint();
      const child = spawn(process.execPath, [cli, 'run', file, '--format', 'tsv']);
      let seen = false;
      child.stdout.on('data', () => {
        if (!seen) {
          seen = true;
          bestTime = Math.min(bestTime, Number(process.hrtime.bigint() - t0) / 1e9);
        }
      });
      child.on('error', reject);
      child.on('close', () => (--left > 0 ? once() : resolve(bestTime)));
    };
    once();
  });
}

const text = (tsvOrPlain) => tsvOrPlain.split('\n').map((l) => l.replace(/^[0-9.]+\t/, '')).join('\n');

async function main() {
  const rows = [];
  const cases = [
    ['W1 1,000 tasks x 1,000 sleep(0)', 'w1_switches.py', 3],
    ['W3 gather 100,000 coroutines', 'w3_gather.py', 3],
    ['CPU fib(30) + 1000!', 'cpu_fib.py', 1],
  ];
  for (const [name, file, target] of cases) {
    const f = path.join(dir, file);
    const py = best('python3', [f]);
    const cl = best(process.execPath, [cli, 'run', f, '--format', 'tsv']);
    if (text(cl.stdout) !== text(py.stdout)) throw new Error(`${file}: outputs differ:\n${py.stdout}\n---\n${cl.stdout}`);
    rows.push([name, py.time.toFixed(3) + ' s', cl.time.toFixed(3) + ' s', (py.time / cl.time).toFixed(2) + 'x', `>= ${target}x`]);
  }
  const hello = path.join(dir, 'hello.py');
  const first = await firstOutput(hello);
  const pyFirst = best('python3', [hello]).time;

  const wasm = path.join(root, 'build', 'wasm', 'web', 'corolab.wasm');
  const bytes = fs.readFileSync(wasm);
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;

  console.log(`Scenario benchmark (best of ${RUNS}; wall time of the whole command, Node ${process.version})`);
  console.log('');
  console.log('| workload | python3 | corolab (Wasm, Node) | speed-up | target |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`| time to first output, hello.py | ${(pyFirst * 1000).toFixed(0)} ms (whole run) | ${(first * 1000).toFixed(0)} ms | | <= 150 ms |`);
  console.log(`| Wasm module size | | ${(bytes.length / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzipped) | | <= 1.5 MB (500 KB gz) |`);
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
