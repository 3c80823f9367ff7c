#!/usr/bin/env node
// Same-run A/B of whole commands on one file: each variant runs once per
// round, in alternated order, and the medians of its wall time and of its
// user+sys CPU time (all threads, V8's background compiles included) are
// printed. On a shared machine the CPU time is the steadier figure.
//   node bench/cli_ab.cjs ROUNDS FILE 'label=command with FILE' ...
// e.g. node bench/cli_ab.cjs 5 bench/scenarios/hello.py \
//        'a=node cli/corolab.cjs run FILE --format tsv' \
//        'b=node --liftoff-only cli/corolab.cjs run FILE --format tsv'
// Every variant must print the same stdout, or it is reported.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [rounds, file, ...specs] = process.argv.slice(2);
if (!file || specs.length === 0) {
  console.error("usage: node bench/cli_ab.cjs ROUNDS FILE 'label=command with FILE' ...");
  process.exit(2);
}
const variants = specs.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1).replace(/FILE/g, file)]);
const times = Object.fromEntries(variants.map(([label]) => [label, { wall: [], cpu: [] }]));

const outFile = path.join(os.tmpdir(), `cli_ab_${process.pid}.out`);

function run(command) {
  // bash's `time` prints the child's user and system seconds on stderr.
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time { ${command} > '${outFile}' 2>/dev/null; }`], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const [user, sys] = r.stderr.trim().split('\n').pop().split(/\s+/).map(Number);
  return { wall, cpu: user + sys, out: fs.readFileSync(outFile, 'utf8') };
}

let expected = null;
for (let i = 0; i < Number(rounds); i++) {
  for (const [label, command] of i % 2 ? [...variants].reverse() : variants) {
    const r = run(command);
    if (expected === null) expected = r.out;
    else if (r.out !== expected) console.log(`${label}: printed something else`);
    times[label].wall.push(r.wall);
    times[label].cpu.push(r.cpu);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const [label] of variants) {
  const t = times[label];
  console.log(`${file}\t${label}\twall ${median(t.wall).toFixed(3)} (min ${Math.min(...t.wall).toFixed(3)})\tcpu ${median(t.cpu).toFixed(3)}\tload ${os.loadavg()[0].toFixed(1)}`);
}
fs.rmSync(outFile, { force: true });
