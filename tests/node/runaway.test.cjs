// Runaway scenarios, as a learner writes them, on both command lines (the
// Wasm build under Node and the native build): each ends on the budget it
// exhausts, named in the "!" line, with everything printed before it kept,
// and the process stays within about 1.5x the memory budget.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const WASM_CLI = [process.execPath, path.join(ROOT, 'cli', 'corolab.cjs')];
const NATIVE = path.join(ROOT, 'build', 'native', 'cli', 'corolab-native');
const CLIS = [['wasm', WASM_CLI]];
if (fs.existsSync(NATIVE)) CLIS.push(['native', [NATIVE]]);
const MB = 1 << 20;

// Runs a command under python3, which reports the child's peak RSS (KB).
function measured(argv, timeout = 120000) {
  const wrapper = 'import resource,subprocess,sys\n' +
    'r = subprocess.run(sys.argv[1:], capture_output=True)\n' +
    'sys.stdout.buffer.write(r.stdout); sys.stderr.buffer.write(r.stderr)\n' +
    'sys.stderr.write("\\n@maxrss %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n' +
    'sys.exit(r.returncode if r.returncode >= 0 else 128 - r.returncode)\n';
  return new Promise((resolve) => {
    execFile('python3', ['-c', wrapper, ...argv], { timeout, maxBuffer: 256 * MB }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const m = /@maxrss (\d+)\n$/.exec(stderr);
      resolve({ code, stdout, stderr: stderr.replace(/\n@maxrss \d+\n$/, ''), rssMB: m ? Number(m[1]) / 1024 : NaN });
    });
  });
}

function scenario(source) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-runaway-')), 'runaway.py');
  fs.writeFileSync(file, source);
  return file;
}

const lastLine = (text) => text.trimEnd().split('\n').pop();

// Node's own footprint (about 40-60 MB) comes on top of the Wasm memory.
const rssLimit = (kind, budgetMB) => budgetMB * 1.5 + (kind === 'wasm' ? 90 : 12);

const MEMORY_BOMBS = {
  'a string doubling forever': 's = "x"\nprint("before")\nwhile True:\n    s = s + s\n',
  'a list growing by 10,000-item lists': 'a = []\nprint("before")\nwhile True:\n    a.append([0] * 10000)\n',
  'list(range(10**8))': 'print("before")\nx = list(range(10**8))\nprint("never")\n',
  'a dict growing forever': 'd = {}\ni = 0\nprint("before")\nwhile True:\n    d[i] = str(i) * 10\n    i += 1\n',
  'tasks created forever': 'import asyncio\nasync def w():\n    await asyncio.sleep(1)\nasync def main():\n    print("before")\n' +
    '    keep = []\n    while True:\n        keep.append(asyncio.create_task(w()))\n        await asyncio.sleep(0)\nasyncio.run(main())\n',
  // the tasks' coroutines never start: the stop must not warn once per task
  'tasks created forever, none kept, none started': 'import asyncio\nasync def main():\n    print("before")\n' +
    '    while True:\n        asyncio.create_task(asyncio.sleep(1))\nasyncio.run(main())\n',
};

for (const [kind, cli] of CLIS) {
  for (const [name, source] of Object.entries(MEMORY_BOMBS)) {
    test(`${kind}: ${name} ends on the memory budget, output kept`, async () => {
      const r = await measured([...cli, 'run', scenario(source), '--format', 'tsv', '--max-memory', '64', '--max-tasks', '10000000']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^0\.000\tbefore\n/);
      assert.equal(lastLine(r.stdout).replace(/^[\d.]+\t/, ''), '!BudgetExceeded: memory limit of 67108864 bytes reached');
      assert.doesNotMatch(r.stderr, /never retrieved|never awaited|internal error/);
      assert.ok(r.rssMB < rssLimit(kind, 64), `peak RSS ${r.rssMB.toFixed(1)} MB`);
    });
  }

  test(`${kind}: an endless async loop ends on the step budget and costs no memory per step`, async () => {
    const src = 'import asyncio\nasync def main():\n    print("start")\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
    const r = await measured([...cli, 'run', scenario(src), '--format', 'text', '--max-steps', '20000000']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /start\n/);
    assert.match(r.stderr, /BudgetExceeded: step limit of 20000000 reached/);
    assert.doesNotMatch(r.stderr, /never retrieved/);
    // The trace is off when nothing prints it: the process stays at its idle size.
    assert.ok(r.rssMB < (kind === 'wasm' ? 90 : 20), `peak RSS ${r.rssMB.toFixed(1)} MB`);
  });

  // Simulated threads (lang/modules/thread.cpp) go through the same budgets.
  const THREAD_BOMBS = {
    'an endless loop in a threading.Thread': ['import threading\ndef spin():\n    while True:\n        pass\n' +
      'print("before")\nthreading.Thread(target=spin).start()\nprint("never")\n', /step limit of 20000000 reached/],
    'an endless loop in asyncio.to_thread': ['import asyncio\ndef spin():\n    while True:\n        pass\n' +
      'async def main():\n    print("before")\n    await asyncio.to_thread(spin)\nasyncio.run(main())\n', /step limit of 20000000 reached/],
    'a thread starting a thread forever': ['import threading\ndef g():\n    threading.Thread(target=g).start()\n' +
      'print("before")\ng()\n', /step limit of 20000000 reached/],
    'sleeping threads started forever': ['import threading, time\ndef f():\n    time.sleep(1)\nprint("before")\n' +
      'while True:\n    threading.Thread(target=f).start()\n', /(memory|step) limit of \d+ (bytes )?reached/],
    'a thousand threads over a task budget of 500': ['import threading, time\ndef f():\n    time.sleep(1)\n' +
      'print("before")\nts = [threading.Thread(target=f) for _ in range(1000)]\nfor t in ts:\n    t.start()\n', /task limit of 500 reached/],
  };
  for (const [name, [source, budget]] of Object.entries(THREAD_BOMBS)) {
    test(`${kind}: ${name} ends on a named budget, output kept`, async () => {
      const r = await measured([...cli, 'run', scenario(source), '--format', 'tsv', '--max-memory', '64',
        '--max-steps', '20000000', '--max-tasks', name.includes('task budget') ? '500' : '100000']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^0\.000\tbefore\n/);
      assert.match(lastLine(r.stdout), new RegExp('^[\\d.]+\t!BudgetExceeded: ' + budget.source + '$'));
      assert.doesNotMatch(r.stdout + r.stderr, /never|internal error/);
      assert.ok(r.rssMB < rssLimit(kind, 64), `peak RSS ${r.rssMB.toFixed(1)} MB`);
    });
  }

  test(`${kind}: a thousand sleeping threads all run and are joined`, async () => {
    const src = 'import threading, time\ndone = []\ndef f(i):\n    time.sleep(1 + i / 1000)\n    done.append(i)\n' +
      'ts = [threading.Thread(target=f, args=(i,)) for i in range(1000)]\nfor t in ts:\n    t.start()\n' +
      'for t in ts:\n    t.join()\nprint(len(done), done == sorted(done), round(time.monotonic(), 3))\n';
    const r = await measured([...cli, 'run', scenario(src), '--format', 'tsv']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '1.999\t1000 True 1.999\n');
  });

  test(`${kind}: with --format json the trace is capped by the memory budget and says so`, async () => {
    const src = 'import asyncio\nasync def main():\n    print("start")\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
    const r = await measured([...cli, 'run', scenario(src), '--format', 'json', '--max-memory', '16', '--max-steps', '50000000']);
    assert.equal(r.code, 1, r.stderr);
    const events = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.ok(events.some((e) => e.ev === 'output' && e.text === 'start'));
    assert.deepEqual(Object.keys(events.at(-1)).sort(), ['ev', 't']);
    assert.equal(events.at(-1).ev, 'truncated');
    // 16 MB / 8 for the records, 32 bytes each.
    assert.ok(events.length <= (16 * MB) / 8 / 32, `${events.length} events`);
    assert.match(r.stderr, /BudgetExceeded: step limit/);
  });
}
