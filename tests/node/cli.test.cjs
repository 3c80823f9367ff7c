// The command line as a person runs it: `node cli/corolab.cjs run FILE.py`
// (the Wasm build under Node). Expected outputs of scenarios come from the
// CPython oracle's files in tests/conformance/, never from corolab itself.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'cli', 'corolab.cjs');
const SEEDS = path.join(ROOT, 'tests', 'conformance', 'seeds');

function corolab(args, { timeout = 60000 } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    execFile(process.execPath, [CLI, ...args], { timeout, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code, stdout, stderr, seconds });
    });
  });
}

function scenario(name, source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

const expected = (name) => fs.readFileSync(path.join(SEEDS, name.replace(/\.py$/, '.tsv')), 'utf8');

test('--help explains the command and its options', async () => {
  const r = await corolab(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /usage: corolab run FILE\.py/);
  for (const flag of ['--clock', '--format', '--seed', '--max-steps', '--max-time']) assert.match(r.stdout, new RegExp(flag));
});

test('usage errors exit 2 with a message', async () => {
  for (const args of [[], ['run'], ['fly', 'x.py'], ['run', 'x.py', '--format', 'xml'], ['run', 'x.py', '--clock', 'fast']]) {
    const r = await corolab(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^corolab: /, args.join(' '));
  }
  const missing = await corolab(['run', path.join(os.tmpdir(), 'no-such-scenario.py')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read/);
});

test('tsv output of the factorial seed is CPython\'s, byte for byte', async () => {
  for (const name of ['003_factorial_async_sleep.py', '003_factorial_blocking_sleep.py']) {
    const r = await corolab(['run', path.join(SEEDS, name), '--format', 'tsv']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, expected(name));
  }
});

test('text output shows time and task of every line', async () => {
  const r = await corolab(['run', path.join(SEEDS, '000_gather_say1_say2.py')]);
  assert.equal(r.code, 0, r.stderr);
  // The oracle's lines, each with its task: module code has none ("-").
  const want = expected('000_gather_say1_say2.py').trim().split('\n').map((l) => l.split('\t'));
  const got = r.stdout.trim().split('\n');
  assert.equal(got.length, want.length);
  const tasks = ['-', 'Task-1', 'Task-2', '-'];
  got.forEach((line, i) => {
    const [t, text] = want[i];
    assert.equal(line, `[${t.padStart(7)}s] ${tasks[i].padEnd(7)} ${text}`);
  });
});

test('json output is the trace: one event per line, tasks created, output attributed', async () => {
  const r = await corolab(['run', path.join(SEEDS, '000_gather_say1_say2.py'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const created = events.filter((e) => e.ev === 'task_create').map((e) => e.name);
  assert.deepEqual(created.slice(0, 2), ['Task-1', 'Task-2']);
  const outputs = events.filter((e) => e.ev === 'output').map((e) => [e.t, e.task, e.text]);
  assert.deepEqual(outputs, [[0, 0, 'start'], [1, 1, 'Hello 1!'], [1, 2, 'Hello 2!'], [1, 0, 'exit']]);
  const sleeps = events.filter((e) => e.ev === 'task_suspend' && e.on === 'sleep');
  assert.equal(sleeps.length, 2);
});

test('an uncaught exception: traceback on stderr, "!" line in tsv, exit 1', async () => {
  const file = scenario('boom.py', 'import asyncio\n\nasync def main():\n    await asyncio.sleep(2)\n    raise ValueError("boom")\n\nasyncio.run(main())\n');
  const r = await corolab(['run', file, '--format', 'tsv']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '2.000\t!ValueError: boom\n');
  assert.match(r.stderr, /Traceback \(most recent call last\):/);
  assert.match(r.stderr, /File "boom\.py", line 5, in main\n {4}raise ValueError\("boom"\)/);
});

test('a syntax error names file, line and column with a caret', async () => {
  const file = scenario('bad.py', 'import asyncio\n\nasync def main()\n    pass\n');
  const r = await corolab(['run', file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /File "bad\.py", line 3\n {4}async def main\(\)\n {20}\^\nSyntaxError: expected ':'/);
});

test('an unsupported import says so, with its line', async () => {
  const file = scenario('imp.py', 'print("a")\nimport socket\n');
  const r = await corolab(['run', file, '--format', 'tsv']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^0\.000\ta\n0\.000\t!.*not supported in corolab: .*'socket'/);
  assert.match(r.stderr, /line 2/);
});

test('a subclass of a class written in C++ says it is not supported, not a silent base instance', async () => {
  const file = scenario('sub.py', 'import asyncio\nclass MyQ(asyncio.Queue):\n    pass\nprint("a")\nMyQ()\n');
  const r = await corolab(['run', file, '--format', 'tsv']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '0.000\ta\n0.000\t!TypeError: not supported in corolab: a subclass of Queue\n');
});

test('an asyncio name corolab lacks says so, not a bare AttributeError', async () => {
  const attr = scenario('attr.py', 'import asyncio\nprint("a")\nasyncio.open_connection\n');
  let r = await corolab(['run', attr, '--format', 'tsv']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '0.000\ta\n0.000\t!AttributeError: not supported in corolab: asyncio.open_connection\n');
  const from = scenario('from.py', 'from asyncio.streams import StreamReader\n');
  r = await corolab(['run', from, '--format', 'tsv']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /!ModuleNotFoundError: not supported in corolab: import of module 'asyncio\.streams'/);
  const name = scenario('name.py', 'from asyncio import open_connection\n');
  r = await corolab(['run', name, '--format', 'tsv']);
  assert.equal(r.stdout, '0.000\t!ImportError: not supported in corolab: asyncio.open_connection\n');
  const typo = scenario('typo.py', 'import asyncio\nasyncio.sleeep\n');
  r = await corolab(['run', typo, '--format', 'tsv']);
  assert.equal(r.stdout, "0.000\t!AttributeError: module 'asyncio' has no attribute 'sleeep'\n");
});

test('budgets stop runaway scenarios and name the budget', async () => {
  const spin = scenario('spin.py', 'print("spinning")\nwhile True:\n    pass\n');
  let r = await corolab(['run', spin, '--format', 'tsv', '--max-steps', '100000']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^0\.000\tspinning\n0\.000\t!BudgetExceeded: .*step/);

  const forever = scenario('forever.py', 'import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(60)\n\nasyncio.run(main())\n');
  r = await corolab(['run', forever, '--format', 'tsv', '--max-time', '600']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /!BudgetExceeded: virtual time limit of 600 s reached\n$/);

  const chatty = scenario('chatty.py', 'while True:\n    print("x" * 100)\n');
  r = await corolab(['run', chatty, '--format', 'tsv', '--max-output', '5000']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /!BudgetExceeded: output limit/);
  assert.ok(r.stdout.length < 10000);
});

test('budget flags out of range are usage errors, never wrapped', async () => {
  const hello = scenario('hello.py', 'print("hi")\n');
  const bad = [
    ['--max-steps', '1e30'], ['--max-steps', '2.5'], ['--max-memory', '4096'], ['--max-memory', '769'],
    ['--max-depth', '3000000000'], ['--max-tasks', '1e300'], ['--max-output', '-1'], ['--max-time', 'inf'],
    ['--max-time', 'nan'], ['--seed', '1e30'],
  ];
  for (const [flag, value] of bad) {
    const r = await corolab(['run', hello, flag, value]);
    assert.equal(r.code, 2, `${flag} ${value}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^corolab: ${flag}`), `${flag} ${value}`);
  }
  // in range: honoured
  for (const [flag, value] of [['--max-memory', '768'], ['--max-depth', '2147483647'], ['--max-steps', '9007199254740991']]) {
    const r = await corolab(['run', hello, '--format', 'tsv', flag, value]);
    assert.equal(r.code, 0, `${flag} ${value}: ${r.stderr}`);
    assert.equal(r.stdout, '0.000\thi\n');
  }
});

test('single operations are budgeted: each bomb ends on a named budget within seconds, output kept', async () => {
  const bombs = {
    'pow.py': ['10**10**9', 'memory'],
    'square.py': ['x = 3\nwhile True:\n    x = x * x', 'step'],
    'factorial.py': ['import math\nmath.factorial(10**7)', 'step'],
    'repeat.py': ['"x" * 10**10', 'memory'],
    'list_repeat.py': ['[0] * 10**10', 'memory'],
    'range_list.py': ['list(range(10**8))', 'memory'],
    'doubling.py': ['s = "ab"\nwhile True:\n    s = s + s', 'memory'],
    'width.py': ['f"{1:1000000000}"', 'memory'],
    'percent.py': ['"%*d" % (10**9, 1)', 'memory'],
  };
  for (const [name, [body, budget]] of Object.entries(bombs)) {
    const file = scenario(name, `print("before")\n${body}\n`);
    const r = await corolab(['run', file, '--format', 'tsv', '--max-memory', '64'], { timeout: 30000 });
    assert.equal(r.code, 1, `${name}: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^0\\.000\tbefore\n[0-9.]+\t!BudgetExceeded: ${budget} limit`), name);
    assert.ok(r.seconds < 20, `${name} took ${r.seconds} s`);
  }
});

test('a budget stop inside a task: the budget is named, output kept, no asyncio warning', async () => {
  const file = scenario('task_spin.py', [
    'import asyncio', 'async def spin():', '    print("spinning")', '    while True:', '        pass',
    'async def main():', '    asyncio.create_task(spin())', '    await asyncio.sleep(1)', 'asyncio.run(main())', '',
  ].join('\n'));
  const r = await corolab(['run', file, '--format', 'tsv', '--max-steps', '100000']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^0\.000\tspinning\n0\.000\t!BudgetExceeded: step limit of 100000 reached\n$/);
  assert.doesNotMatch(r.stderr, /never retrieved/);
});

test('C++ recursion is guarded: deep and self-referential containers raise RecursionError', async () => {
  const deep = scenario('deep.py', [
    'x = []', 'for i in range(100000):', '    x = [x]', 'a = []', 'a.append(a)', 'b = []', 'b.append(b)',
    'for f in [lambda: repr(x), lambda: x == x[0], lambda: a == b]:',
    '    try:', '        f()', '    except RecursionError as e:', '        print(e)', '',
  ].join('\n'));
  const r = await corolab(['run', deep, '--format', 'tsv']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    '0.000\tmaximum recursion depth exceeded while getting the repr of an object',
    '0.000\tmaximum recursion depth exceeded in comparison',
    '0.000\tmaximum recursion depth exceeded in comparison', '',
  ].join('\n'));
  // a user __repr__ calling repr() 10,000 deep under --max-depth 10000
  const chain = scenario('chain.py', [
    'class N:', '    def __init__(self, c): self.c = c',
    '    def __repr__(self): return "N(" + repr(self.c) + ")"',
    'x = None', 'for i in range(10000):', '    x = N(x)',
    'try:', '    repr(x)', 'except RecursionError as e:', '    print(type(e).__name__)', '',
  ].join('\n'));
  const c = await corolab(['run', chain, '--format', 'tsv', '--max-depth', '10000']);
  assert.equal(c.code, 0, c.stderr);
  assert.equal(c.stdout, '0.000\tRecursionError\n');
});

test('real clock: Hello 1 and Hello 2 appear after 1 s of wall time', async () => {
  const r = await corolab(['run', path.join(SEEDS, '000_gather_say1_say2.py'), '--clock', 'real', '--format', 'tsv']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(lines.map((l) => l[1]), ['start', 'Hello 1!', 'Hello 2!', 'exit']);
  for (const [t] of lines.slice(1)) {
    assert.ok(Number(t) >= 1 && Number(t) < 1.25, `printed at ${t} s`);
  }
  assert.ok(r.seconds >= 1, `the run took ${r.seconds} s`);
});

test('real clock at 10x speed: a 5 s blocking scenario takes about 0.5 s', async () => {
  const r = await corolab(['run', path.join(SEEDS, '003_factorial_blocking_sleep.py'), '--clock', 'real', '--speed', '10', '--format', 'tsv']);
  assert.equal(r.code, 0, r.stderr);
  const text = r.stdout.trim().split('\n').map((l) => l.split('\t')[1]);
  const want = expected('003_factorial_blocking_sleep.py').trim().split('\n').map((l) => l.split('\t')[1]);
  // Same lines in the same order; wall-clock values (SLEEP timestamps, total) differ.
  assert.equal(text.length, want.length);
  assert.ok(r.seconds >= 0.5 && r.seconds < 5, `took ${r.seconds} s`);
});
