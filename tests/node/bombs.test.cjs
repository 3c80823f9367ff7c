// Resource bombs: generated scenarios a playground's users write by mistake
// (deep nesting, self-reference, huge literals, growth loops). Each must end
// within a time limit, natively (build/native/cli/corolab-native) and in Wasm
// (node cli/corolab.cjs), with a named budget (`!BudgetExceeded: ...`) or a
// Python error: never a signal, a trap, an internal error, or process memory
// beyond baseline + 1.5x the memory budget. Where a bomb is plain Python
// that CPython finishes quickly (repr of a self-referential list), its output
// must be CPython's (python3 runs the same file).
// COROLAB_BOMBS=<substr> runs only the bombs whose name contains it;
// COROLAB_BOMBS_RUNTIME=native (or wasm) only that runtime.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const NATIVE = path.join(ROOT, 'build', 'native', 'cli', 'corolab-native');
const CLI = path.join(ROOT, 'cli', 'corolab.cjs');
const MEMORY_MB = 64;
const STEPS = 20_000_000;
const SECONDS = 20;
const BUDGET_FLAGS = ['--format', 'tsv', '--max-memory', String(MEMORY_MB), '--max-steps', String(STEPS)];
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-bombs-'));

const RUNTIMES = {
  native: { cmd: NATIVE, args: [], available: fs.existsSync(NATIVE) },
  wasm: { cmd: process.execPath, args: [CLI], available: fs.existsSync(path.join(ROOT, 'build', 'wasm', 'web', 'corolab.js')) },
};

function readStatus(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number((s.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) || [0, 0])[1]);
    return Math.max(kb('VmHWM'), kb('VmRSS')) * 1024;
  } catch {
    return 0;
  }
}

// Runs one scenario file; kills it past `seconds` or past `rssLimit` bytes of
// peak RSS (polled from /proc, which also keeps a runaway off the machine).
function run(runtime, file, flags, { seconds = SECONDS, rssLimit = Infinity } = {}) {
  const rt = RUNTIMES[runtime];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(rt.cmd, [...rt.args, 'run', file, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (stream) => {
      const s = { bytes: 0, tail: '' };
      stream.on('data', (d) => {
        s.bytes += d.length;
        s.tail = (s.tail + d.toString('utf8')).slice(-65536);
      });
      return s;
    };
    const out = keep(child.stdout);
    const err = keep(child.stderr);
    let peak = 0;
    let killedBy = null;
    const kill = (why) => {
      if (killedBy) return;
      killedBy = why;
      child.kill('SIGKILL');
    };
    const poll = setInterval(() => {
      peak = Math.max(peak, readStatus(child.pid));
      if (peak > rssLimit) kill('rss');
    }, 10);
    const timer = setTimeout(() => kill('timeout'), seconds * 1000);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal, killedBy, peak, stdout: out, stderr: err,
        seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}

// The ending a run reports: "ok", "budget:<name>", "unsupported" (a clear
// `not supported in corolab: ...` error) or the Python error type.
function ending(r) {
  if (r.code === 0) return 'ok';
  const m = r.stdout.tail.match(/\t!(\w+)(?:: (.*))?\n?$/);
  if (!m) return null;
  if ((m[2] || '').startsWith('not supported in corolab')) return 'unsupported';
  if (m[1] !== 'BudgetExceeded') return m[1];
  const names = { step: 'steps', memory: 'memory', output: 'output', task: 'tasks', 'virtual time': 'time' };
  const b = Object.keys(names).find((k) => (m[2] || '').startsWith(`${k} limit`));
  return `budget:${b ? names[b] : '?'}`;
}

const describe = (r) => `exit ${r.code} signal ${r.signal} killed ${r.killedBy} after ${r.seconds.toFixed(1)} s, ` +
  `peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MB, stdout ${r.stdout.bytes} B, stderr ${r.stderr.bytes} B\n` +
  `stdout tail: ${r.stdout.tail.slice(-300)}\nstderr tail: ${r.stderr.tail.slice(-600)}`;

const baseline = {};
const V8_SLACK_MB = 24;
before(async () => {
  const file = path.join(DIR, 'baseline.py');
  fs.writeFileSync(file, 'print(1)\n');
  for (const name of Object.keys(RUNTIMES)) {
    if (RUNTIMES[name].available) baseline[name] = (await run(name, file, BUDGET_FLAGS)).peak;
  }
});

after(() => fs.rmSync(DIR, { recursive: true, force: true }));

// accept: the endings allowed ("ok", "budget", "budget:<name>", error types).
const DEFAULT_ACCEPT = ['ok', 'budget', 'RecursionError', 'MemoryError', 'OverflowError', 'SyntaxError', 'IndentationError'];

let bombs = 0;
function bomb(name, source, opts = {}) {
  const id = ++bombs;
  const { accept = DEFAULT_ACCEPT, flags = [], seconds = SECONDS, oracle = false, maxOutput = Infinity } = opts;
  const only = process.env.COROLAB_BOMBS;
  const runtimes = (process.env.COROLAB_BOMBS_RUNTIME || 'native,wasm').split(',');
  for (const runtime of Object.keys(RUNTIMES)) {
    const skip = (only && !name.includes(only)) || !runtimes.includes(runtime) ? 'filtered' : false;
    test(`${runtime}: ${name}`, { skip }, async () => {
      assert.ok(RUNTIMES[runtime].available, `the ${runtime} build is missing: run bash scripts/build.sh native module`);
      const file = path.join(DIR, `${runtime}-${id}-${name.replace(/[^\w.-]+/g, '_')}.py`);
      const text = typeof source === 'function' ? source() : source;
      fs.writeFileSync(file, text);
      const memoryMb = Number((flags.join(' ').match(/--max-memory (\d+)/) || [0, MEMORY_MB])[1]);
      // Node's V8 adds its own on a busy run (optimized code, the copy made
      // while the Wasm memory grows): the module's own memory stays within
      // the budget's 1.125x ceiling (lang/vm/budget.cpp), measured in /tmp probes
      // at 75 MB for a 64 MB budget while the process grew by 80-95 MB.
      const v8 = runtime === 'wasm' ? V8_SLACK_MB * 2 ** 20 : 0;
      const rssLimit = baseline[runtime] + 1.5 * memoryMb * 2 ** 20 + v8;
      const r = await run(runtime, file, [...BUDGET_FLAGS, ...flags], { seconds, rssLimit });
      const what = `${describe(r)}\nscenario (${text.length} chars): ${text.slice(0, 300)}`;
      assert.equal(r.killedBy, null, `killed: ${r.killedBy === 'rss' ? `RSS beyond ${(rssLimit / 2 ** 20).toFixed(0)} MB` : `no end within ${seconds} s`}\n${what}`);
      assert.equal(r.signal, null, `ended by a signal\n${what}`);
      assert.doesNotMatch(r.stderr.tail, /internal error|WebAssembly|RangeError|Aborted|Segmentation/, what);
      assert.ok(r.code === 0 || r.code === 1, `exit code ${r.code}\n${what}`);
      const end = ending(r);
      assert.ok(end, `a failed run must end with a "!Type: message" line\n${what}`);
      const ok = accept.some((a) => a === end || (a === 'budget' && end.startsWith('budget:')));
      assert.ok(ok, `ended with ${end}, expected one of ${accept.join(', ')}\n${what}`);
      assert.ok(r.stdout.bytes + r.stderr.bytes <= maxOutput, `wrote ${r.stdout.bytes + r.stderr.bytes} bytes\n${what}`);
      if (oracle) {
        const py = spawnSync('python3', [file], { encoding: 'utf8', timeout: 60000 });
        const lines = r.stdout.tail.split('\n').filter((l) => l !== '').map((l) => l.slice(l.indexOf('\t') + 1));
        assert.deepEqual(lines, py.stdout.split('\n').filter((l) => l !== ''), 'output differs from CPython');
      }
    });
  }
}

const repeat = (s, n) => s.repeat(n);

// --- Nesting: the parser, compiler and VM see n levels. -------------------
const NESTING = {
  list: (n) => `x = ${repeat('[', n)}${repeat(']', n)}\nprint(len(x))\n`,
  dict: (n) => `x = ${repeat('{1: ', n)}1${repeat('}', n)}\nprint(len(x))\n`,
  parens: (n) => `x = ${repeat('(', n)}1${repeat(')', n)}\nprint(x)\n`,
  call: (n) => `def f(x):\n    return x\nprint(${repeat('f(', n)}1${repeat(')', n)})\n`,
  lambda: (n) => `f = ${repeat('lambda: ', n)}1\nprint(callable(f))\n`,
  unary: (n) => `print(${repeat('-', n)}1)\n`,
  binop: (n) => `print(${repeat('1 + ', n)}1)\n`,
  subscript: (n) => `a = [0]\na[0] = a\nprint(a${repeat('[0]', n)} is a)\n`,
  elif: (n) => {
    const lines = ['x = -1', 'if x == 0:', '    pass'];
    for (let i = 1; i < n; i++) lines.push(`elif x == ${i}:`, '    pass');
    return lines.concat(['else:', '    print("else")', '']).join('\n');
  },
  with: (n) => 'class C:\n    def __enter__(self): return self\n    def __exit__(self, *a): return False\n' +
    `c = C()\nwith ${Array(n).fill('c').join(', ')}:\n    print("in")\n`,
  // Indentation-based nesting costs n^2/2 bytes of source: 1,000 at most
  // (CPython stops at 100 levels with an IndentationError).
  if: (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}if True:\n`).join('') + `${' '.repeat(n)}print("deep")\n`,
  def: (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}def f${i}():\n`).join('') + `${' '.repeat(n)}pass\nprint("defined")\n`,
};
const INDENTED = new Set(['if', 'def']);
for (const [kind, gen] of Object.entries(NESTING)) {
  for (const n of INDENTED.has(kind) ? [10, 1000] : [10, 1000, 100000]) {
    bomb(`nesting ${kind} ${n} deep`, () => gen(n), { accept: [...DEFAULT_ACCEPT, 'unsupported'] });
  }
}

// --- Nested and self-referential data at run time. ------------------------
const deepList = (n) => `x = []\nfor i in range(${n}):\n    x = [x]\n`;
const deepTuple = (n) => `x = ()\nfor i in range(${n}):\n    x = (x,)\n`;
for (const [op, expr] of [['repr', 'len(repr(x))'], ['str', 'len(str(x))'], ['==', 'x == y'], ['<', 'x < y'], ['in', 'x in [y]'], ['copy', 'len(x.copy())']]) {
  bomb(`data list 100000 deep: ${op}`, deepList(100000) + `y = []\nfor i in range(100000):\n    y = [y]\ntry:\n    print(${expr})\nexcept RecursionError:\n    print("RecursionError")\n`);
}
bomb('data list 100000 deep: dropped', deepList(100000) + 'x = None\nprint("dropped")\n', { accept: ['ok'], oracle: true });
bomb('data tuple 100000 deep: hash', deepTuple(100000) + 'try:\n    print(hash(x) != 0)\nexcept RecursionError:\n    print("RecursionError")\n');
bomb('data dict 100000 deep: repr', 'x = {}\nfor i in range(100000):\n    x = {"k": x}\ntry:\n    print(len(repr(x)))\nexcept RecursionError:\n    print("RecursionError")\n');

const SELF = 'a = []\na.append(a)\nb = []\nb.append(b)\nd = {}\nd["d"] = d\n';
bomb('self-reference repr', SELF + 'print(repr(a))\nprint(str(a))\nprint(d)\nprint([a, d, (a,)])\n', { accept: ['ok'], oracle: true });
bomb('self-reference copy', SELF + 'c = a.copy()\nprint(c)\nprint(list(a))\nprint(dict(d))\n', { accept: ['ok'], oracle: true });
bomb('self-reference a == a', SELF + 'print(a == a)\nprint(a in [a])\n', { accept: ['ok'], oracle: true });
bomb('self-reference a == b', SELF + 'try:\n    print(a == b)\nexcept RecursionError:\n    print("RecursionError")\n', { accept: ['ok', 'RecursionError'], oracle: true });
bomb('self-reference a < b', SELF + 'try:\n    print(a < b)\nexcept RecursionError:\n    print("RecursionError")\n', { accept: ['ok', 'RecursionError'], oracle: true });
bomb('self-reference a in [b]', SELF + 'try:\n    print(a in [b])\nexcept RecursionError:\n    print("RecursionError")\n', { accept: ['ok', 'RecursionError'], oracle: true });
bomb('self-reference hash', SELF + 'try:\n    print(hash(a))\nexcept TypeError as e:\n    print("TypeError", e)\n', { accept: ['ok'], oracle: true });
bomb('user __repr__ recursion through repr(), --max-depth 10000',
  'class N:\n    def __init__(self, c):\n        self.c = c\n    def __repr__(self):\n        return "N(" + repr(self.c) + ")"\n' +
  'x = None\nfor i in range(20000):\n    x = N(x)\ntry:\n    print(len(repr(x)))\nexcept RecursionError:\n    print("RecursionError")\n',
  { flags: ['--max-depth', '10000'] });

// --- Huge literals and long programs: compiling must stay linear. ---------
bomb('literal dict of 300,000 entries', () => `d = {${Array.from({ length: 300000 }, (_, i) => `${i}: ${i}`).join(', ')}}\nprint(len(d))\n`,
  { accept: ['ok', 'budget:memory'], seconds: 10 });
bomb('200,000 assignment lines', () => Array.from({ length: 200000 }, (_, i) => `v${i} = ${i}\n`).join('') + 'print(v199999)\n',
  { accept: ['ok', 'budget:memory'], seconds: 10 });
bomb('string literal of 10 MB', () => `s = "${'a'.repeat(10 << 20)}"\nprint(len(s))\n`, { accept: ['ok', 'budget:memory'], seconds: 10 });

// --- Growth loops and single unbounded operations. ------------------------
const GROWTH = [
  ['s = s + s', 's = "x"\nwhile True:\n    s = s + s\n'],
  ['append([0]*10000) forever', 'a = []\nwhile True:\n    a.append([0] * 10000)\n'],
  ['list(range(10**8))', 'print(len(list(range(10**8))))\n'],
  ['x = x*x', 'x = 3\nwhile True:\n    x = x * x\n'],
  ['10**10**9', 'print(10**10**9 > 0)\n'],
  ['math.factorial(10**7)', 'import math\nprint(math.factorial(10**7) > 0)\n'],
  ['"%*d" % (10**9, 1)', 'print(len("%*d" % (10**9, 1)))\n'],
  ['f"{1:1000000000}"', 'print(len(f"{1:1000000000}"))\n'],
  ['"x" * 10**10', 'print(len("x" * 10**10))\n'],
  ['str(10**100000) digits', 'x = 7 ** 2000000\nprint(len(str(x)))\n'],
];
for (const [name, src] of GROWTH) bomb(`growth ${name}`, src, { accept: ['budget', 'MemoryError', 'OverflowError', 'ValueError'] });

bomb('while True: pass', 'while True:\n    pass\n', { accept: ['budget:steps'] });
// Builtins that loop in C++ over an iterator charge a step per item.
for (const src of ['print(all(range(1, 10**18)))', 'print(sum(range(10**18)))', 'print(-1 in iter(range(10**18)))',
                   'print(any(x < 0 for x in range(10**18)))', 'print(range(10**18).count("x"))', 'print(max(range(10**18)))'])
  bomb(`builtin loop ${src}`, src + '\n', { accept: ['budget'] });
bomb('while True: await asyncio.sleep(0)',
  'import asyncio\nasync def main():\n    print("start")\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n',
  { accept: ['budget:steps'] });
bomb('deep recursion', 'def f(n):\n    return f(n + 1)\nf(0)\n', { accept: ['RecursionError'] });
bomb('deep recursion with --max-depth 1000000', 'def f(n):\n    return f(n + 1)\nf(0)\n',
  { accept: ['RecursionError', 'budget'], flags: ['--max-depth', '1000000'] });
bomb('deep async recursion', 'import asyncio\nasync def f(n):\n    await f(n + 1)\nasyncio.run(f(0))\n', { accept: ['RecursionError'] });
bomb('2,000 unretrieved task exceptions under --max-output 1000',
  'import asyncio\nasync def boom(i):\n    raise ValueError("x" * 1000 + str(i))\n' +
  'async def main():\n    for i in range(2000):\n        asyncio.create_task(boom(i))\n    await asyncio.sleep(1)\nasyncio.run(main())\n',
  { accept: ['ok', 'budget:output'], flags: ['--max-output', '1000'], maxOutput: (64 << 10) + 256 });  // + corolab's marker line
bomb('print(x, end="") 1,000,000 times', 'for i in range(1000000):\n    print("x", end="")\nprint()\n',
  { accept: ['ok', 'budget:output'], seconds: 10 });
bomb('time.sleep(nan)', 'import time\ntime.sleep(float("nan"))\nprint("after")\n', { accept: ['ValueError'] });
bomb('1,000,000 tasks sleeping forever', 'import asyncio\nasync def w():\n    await asyncio.sleep(10**9)\n' +
  'async def main():\n    ts = [asyncio.create_task(w()) for _ in range(1000000)]\n    await asyncio.gather(*ts)\nasyncio.run(main())\n',
  { accept: ['budget'] });
