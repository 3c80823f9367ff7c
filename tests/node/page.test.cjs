// The playground page in headless chromium (playwright-core), against the
// built static site in dist/ (npm run build, or scripts/build.sh wasm web)
// served by a static server on a free port. Expected scenario output comes
// from CPython's oracle, never from corolab itself.
const { test, describe, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const {
  SHOTS, PageBrowser, importPageModule, expectedTsv, codeLink, settled, runToEnd, runExample, outputRows,
} = require('./page-support.cjs');

const browser = new PageBrowser();
const open = (hash, viewport) => browser.open(hash, { viewport });
const example = (id) => browser.example(id);

describe('playground page', () => {
  before(() => browser.start());
  after(() => browser.stop());

  test('the factorial seed (blocking time.sleep) prints what CPython prints, when it prints it', async () => {
    const ex = example('factorial-blocking');
    const page = await open();
    await runExample(page, ex.id);
    assert.equal(await page.getAttribute('body', 'data-run'), 'finished');
    const expected = expectedTsv(ex.code).replace(/\n$/, '').split('\n');
    assert.deepEqual(await outputRows(page), expected);
    assert.match(await page.textContent('.tl-summary'), /^5 s total/);
    assert.match(await page.textContent('.tl-summary'), /loop blocked 5 s/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('real time: Hello 1 and Hello 2 appear together after about 1 s', async () => {
    const page = await open(codeLink(example('hello-gather').code));
    await settled(page);
    await page.selectOption('#clock', 'real');
    await page.selectOption('#speed', '1');
    const start = Date.now();
    await page.click('#run');
    await page.waitForFunction(() => document.querySelectorAll('#output li[data-index]').length >= 2);
    // Only "start" (t = 0) may be there before the second has passed.
    const early = await outputRows(page);
    assert.deepEqual(early.map((r) => r.split('\t')[1]).slice(0, 1), ['start']);
    await page.waitForFunction(() => [...document.querySelectorAll('#output .text')].some((e) => e.textContent === 'Hello 2!'), null, { timeout: 5000 });
    const elapsed = (Date.now() - start) / 1000;
    assert.ok(elapsed >= 0.9 && elapsed < 3, `the lines came after ${elapsed} s`);
    await settled(page);
    const rows = await outputRows(page);
    const stamp = (text) => Number(rows.find((r) => r.endsWith(`\t${text}`)).split('\t')[0]);
    for (const text of ['Hello 1!', 'Hello 2!']) {
      assert.ok(Math.abs(stamp(text) - 1) < 0.25, `${text} at ${stamp(text)} s`);
    }
    await page.close();
  });

  test('Stop ends `while True: pass` at once and the page stays responsive', async () => {
    const page = await open(codeLink('x = 0\nwhile True:\n    pass\n'));
    await page.waitForFunction(() => document.body.dataset.run === 'running');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('body', 'data-run'), 'running');
    const t0 = Date.now();
    await page.click('#stop');
    await page.waitForFunction(() => document.body.dataset.run === 'stopped', null, { timeout: 1000 });
    assert.ok(Date.now() - t0 < 1000);
    // Responsive: another example runs right away.
    await runExample(page, 'coroutine-sleep');
    assert.deepEqual(await outputRows(page), ['0.000\tIndian', '3.000\tPythonista']);
    await page.close();
  });

  test('Stop in virtual time keeps what was printed before the stop', async () => {
    const page = await open(codeLink('print("before the loop")\nwhile True:\n    pass\n'));
    // The line arrives while the run is still going (streamed from the worker).
    await page.waitForFunction(() => [...document.querySelectorAll('#output .text')].some((e) => e.textContent === 'before the loop'),
      null, { timeout: 5000 });
    assert.equal(await page.getAttribute('body', 'data-run'), 'running');
    await page.click('#stop');
    await page.waitForFunction(() => document.body.dataset.run === 'stopped', null, { timeout: 1000 });
    assert.deepEqual(await outputRows(page), ['0.000\tbefore the loop']);
    await page.close();
  });

  test('runaway loops end on a named budget and keep their output', async () => {
    const cases = [
      ['import asyncio\nasync def main():\n    print("start")\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n', 'steps'],
      ['a = []\nprint("start")\nwhile True:\n    a.append([0] * 10000)\n', 'memory'],
    ];
    for (const [code, budget] of cases) {
      const page = await open(codeLink(code));
      await settled(page, 120000);
      assert.equal(await page.getAttribute('body', 'data-run'), 'failed');
      assert.match(await page.textContent('#status'), new RegExp(`the ${budget} budget ran out`));
      assert.deepEqual(await outputRows(page), ['0.000\tstart']);
      // The budget's message is shown once (not also as stderr rows).
      assert.equal((await page.textContent('#output')).split('budget ran out').length - 1, 1);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });

  test('a runaway async loop ends on the step budget with its output, the budget message and the truncated-trace marker', async () => {
    // The trace reaches its size cap long before the step budget: after that
    // the run must not keep paying for it (web/measure.cjs --runaway times it).
    const code = 'import asyncio\nasync def main():\n    print("start")\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
    const page = await open(codeLink(code));
    await settled(page, 120000);
    assert.equal(await page.getAttribute('body', 'data-run'), 'failed');
    assert.match(await page.textContent('#status'), /the steps budget ran out/);
    assert.match(await page.textContent('#output'), /Stopped: the steps budget ran out/);
    assert.deepEqual(await outputRows(page), ['0.000\tstart']);
    assert.match(await page.getAttribute('.timeline-pane canvas', 'aria-label'), /trace truncated at /);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('library modules (dataclasses, threading) load on first import: at load, and offline after load in a fresh worker', async () => {
    const code = 'import asyncio\nimport threading\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Job:\n' +
      '    name: str\n    delay: float\n\n\nlock = threading.Lock()\n\n\nasync def run(job):\n' +
      '    await asyncio.sleep(job.delay)\n    with lock:\n        print(job, threading.current_thread().name)\n\n\n' +
      'async def main():\n    await asyncio.gather(run(Job("a", 0.2)), run(Job("b", 0.1)))\n\n\nasyncio.run(main())\n';
    const expected = expectedTsv(code).replace(/\n$/, '').split('\n');
    // A link run at load imports before the page has the library asset.
    const page = await open(codeLink(code));
    await settled(page);
    assert.equal(await page.getAttribute('body', 'data-run'), 'finished');
    assert.deepEqual(await outputRows(page), expected);
    // A stopped run's fresh worker gets the asset from the page, and an
    // import then works offline. (Only the import: a Stop while offline
    // needs the worker's script from the network.)
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /corolab-library-/.test(e.name)));
    const setCode = (c) => page.evaluate((text) => { location.hash = `#code=${encodeURIComponent(text)}`; }, c);
    await setCode('while True:\n    pass\n');
    await page.waitForFunction(() => document.body.dataset.run === 'running');
    await page.click('#stop');
    await page.waitForFunction(() => document.body.dataset.run === 'stopped');
    await runToEnd(page, () => setCode('print("fresh worker")\n'));
    assert.deepEqual(await outputRows(page), ['0.000\tfresh worker']);
    await page.context().setOffline(true);
    try {
      await runToEnd(page, () => setCode(code));
      assert.equal(await page.getAttribute('body', 'data-run'), 'finished');
      assert.deepEqual(await outputRows(page), expected);
    } finally {
      await page.context().setOffline(false);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a syntax error highlights its line and links to it', async () => {
    const page = await open(codeLink('import asyncio\n\nasync def main(:\n    pass\n'));
    await settled(page);
    assert.equal(await page.getAttribute('body', 'data-run'), 'failed');
    const lines = await page.$$eval('#editor .cm-line', (ls) => ls.map((l) => l.classList.contains('cm-error-line')));
    assert.deepEqual(lines, [false, false, true, false, false]);
    assert.equal(await page.textContent('#output .line-link'), 'line 3');
    assert.match(await page.textContent('#output li.error'), /SyntaxError/);
    await page.close();
  });

  test('a share link round-trips the scenario and the settings', async () => {
    const code = 'import asyncio\n\nasync def main():\n    print("shared ✓ — ünïcode")\n    await asyncio.sleep(0.25)\n    print("done")\n\nasyncio.run(main())\n';
    const page = await open(codeLink(code));
    await settled(page);
    await page.selectOption('#clock', 'real');
    await page.selectOption('#speed', '2');
    await page.click('#share');
    await page.waitForFunction(() => location.hash.startsWith('#v1.'));
    const link = await page.evaluate(() => location.href);
    await page.close();

    const other = await browser.context.newPage();
    await other.goto('about:blank');
    await other.goto(link);
    await other.waitForSelector('html[data-engine=ready]');
    await settled(other);
    const shown = await other.$$eval('#editor .cm-line', (ls) => ls.map((l) => l.textContent).join('\n'));
    assert.equal(shown, code);
    assert.equal(await other.inputValue('#clock'), 'real');
    assert.equal(await other.inputValue('#speed'), '2');
    // A link shared with the real clock runs in real time (at its speed):
    // the stamps are close to, not exactly, the virtual ones.
    const rows = (await outputRows(other)).map((r) => r.split('\t'));
    assert.deepEqual(rows.map((r) => r[1]), ['shared ✓ — ünïcode', 'done']);
    assert.ok(Math.abs(Number(rows[1][0]) - 0.25) < 0.2, `done at ${rows[1][0]}`);
    assert.match(await other.textContent('#status'), /real clock, 2×/);
    await other.close();
  });

  test('hostile links are shown as text or refused, never run as script', async () => {
    const evil = 'print("<img src=x onerror=window.__pwned=1>")\n# <script>window.__pwned=2</script>\n';
    const page = await open(codeLink(evil));
    await settled(page);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img').count(), 0);
    const rows = await outputRows(page);
    assert.deepEqual(rows, ['0.000\t<img src=x onerror=window.__pwned=1>']);
    await page.close();

    for (const [hash, reason] of [
      ['#<script>window.__pwned=3</script>', /not a corolab share link/],
      ['#v1.AAAA', /truncated or corrupt|no scenario/],
      ['#v1.<img src=x onerror=window.__pwned=4>', /characters/],
      ['#v9.abc', /newer corolab/],
      ['#code=%E0%A4%A', /percent-encoding/],
    ]) {
      const p = await open(hash);
      await p.waitForSelector('#notice:not([hidden])');
      assert.match(await p.textContent('#notice-text'), reason, hash);
      assert.equal(await p.evaluate(() => window.__pwned), undefined);
      assert.equal(await p.locator('img').count(), 0);
      assert.deepEqual(p.problems, []);
      await p.close();
    }
  });

  test('the timeline has one lane per task, named by its coroutine', async () => {
    const page = await open();
    await runExample(page, 'semaphore');
    // asyncio.run's main task (Task-1), gather's six tasks, and the two tasks
    // asyncio.run creates while shutting down (shutdown_asyncgens and
    // shutdown_default_executor), as in CPython; arguments whose repr could
    // run Python code (the semaphore) show as "…".
    const label = await page.getAttribute('.timeline-pane canvas', 'aria-label');
    assert.equal(label, 'Timeline, 9 lanes: Task-1 · main(), ' +
      [0, 1, 2, 3, 4, 5].map((i) => `Task-${i + 2} · download(…, ${i})`).join(', ') +
      ', Task-8 · asyncio.run: shutdown_asyncgens(), Task-9 · asyncio.run: shutdown_default_executor()');
    assert.match(await page.textContent('.tl-summary'), / 7 tasks \(\+2 of asyncio\.run’s shutdown\)/);
    await page.close();
  });

  test('a thousand tasks draw without freezing the page', async () => {
    const page = await open();
    await runExample(page, 'many-tasks', 30000);
    assert.match(await page.getAttribute('.timeline-pane canvas', 'aria-label'), /^Timeline, 100[0-9] lanes/);
    // Scrolling to the last lane redraws within a frame or two.
    const ms = await page.evaluate(async () => {
      const s = document.querySelector('.tl-scroll');
      const t0 = performance.now();
      s.scrollTop = s.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    assert.ok(ms < 500, `redraw took ${ms} ms`);
    await page.close();
  });

  test('screenshots at laptop and phone widths', async () => {
    for (const [name, viewport] of [['laptop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await open('', viewport);
      await runExample(page, 'factorial-blocking');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: no horizontal scrolling (${overflow} px too wide)`);
      await page.screenshot({ path: path.join(SHOTS, `page-${name}.png`), fullPage: true });
      await page.close();
    }
  });
});

describe('share links (web/share.js)', () => {
  let share;
  before(async () => { share = await importPageModule('web/share.js'); });

  test('round-trip code and settings through #v1.', async () => {
    const code = 'print("ünï ✓")\n' + 'x = 1\n'.repeat(500);
    const hash = await share.encodeLink(code, { clock: 'real', speed: 2 });
    assert.match(hash, /^#v1\.[A-Za-z0-9_-]+$/);
    assert.ok(hash.length < code.length / 4, 'compressed');
    assert.deepEqual(await share.decodeLink(hash), { code, clock: 'real', speed: 2 });
  });

  test('#code= links, empty fragments and clamped settings', async () => {
    assert.deepEqual(await share.decodeLink('#code=print(%22hi%22)%0A'), { code: 'print("hi")\n', clock: 'virtual', speed: 1 });
    assert.equal(await share.decodeLink(''), null);
    assert.equal(await share.decodeLink('#'), null);
    const hash = await share.encodeLink('pass', { clock: 'warp', speed: 1e9 });
    assert.deepEqual(await share.decodeLink(hash), { code: 'pass', clock: 'virtual', speed: 10 });
  });

  test('malformed, truncated and oversized links are refused with a reason', async () => {
    const good = await share.encodeLink('print(1)\n'.repeat(50), { clock: 'virtual', speed: 1 });
    const cases = [
      [good.slice(0, good.length - 6), /truncated or corrupt/],
      ['#v1.!!!', /characters/],
      ['#v2.abc', /newer corolab/],
      ['#hello', /not a corolab share link/],
      ['#code=%E0%A4%A', /percent-encoding/],
      ['#code=' + 'a'.repeat(share.MAX_CODE_CHARS + 1), /too long/],
    ];
    // A tiny link that would inflate to megabytes.
    const bomb = new Blob([new Uint8Array(20_000_000)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(bomb).arrayBuffer());
    cases.push([`#v1.${Buffer.from(bytes).toString('base64url')}`, /more than a scenario/]);
    for (const [hash, reason] of cases) {
      await assert.rejects(share.decodeLink(hash), (err) => err instanceof share.LinkError && reason.test(err.message), hash.slice(0, 40));
    }
  });
});

describe('timeline model (web/timeline-model.js)', () => {
  let TimelineModel;
  before(async () => { ({ TimelineModel } = await importPageModule('web/timeline-model.js')); });

  test('one lane per task, module code first; spans for running, waiting and blocking', () => {
    const m = new TimelineModel();
    m.addTrace([
      { t: 0, ev: 'task_create', task: 1, name: 'Task-1', parent: 0 },
      { t: 0, ev: 'task_create', task: 2, name: 'Task-2', parent: 0 },
      { t: 0, ev: 'task_start', task: 1 },
      { t: 0, ev: 'block', task: 1, until: 1 },
      { t: 1, ev: 'task_suspend', task: 1, on: 'sleep', detail: 'until 2.000' },
      { t: 1, ev: 'task_start', task: 2 },
      { t: 1, ev: 'task_done', task: 2, outcome: 'error', detail: "ValueError('x')" },
    ]);
    m.addOutput([{ t: 1, task: 2, name: 'Task-2', text: 'hi', stream: 'out' }, { t: 1, task: 0, name: '', text: 'top', stream: 'out' }]);
    m.addTrace([{ t: 2, ev: 'task_resume', task: 1 }, { t: 2, ev: 'task_done', task: 1, outcome: 'result' }]);
    m.finish();
    assert.deepEqual(m.lanes.map((l) => l.name), ['main', 'Task-1', 'Task-2']);
    assert.deepEqual(m.lanes.map((l) => l.index), [0, 1, 2]);
    const t1 = m.byTask.get(1);
    assert.deepEqual(t1.spans.map((s) => [s.kind, s.t0, s.t1]),
      [['run', 0, 0], ['block', 0, 1], ['run', 1, 1], ['wait', 1, 2], ['run', 2, 2]]);
    assert.deepEqual(m.blocks, [{ t0: 0, t1: 1, task: 1 }]);
    assert.equal(m.byTask.get(2).outcome, 'error');
    assert.equal(m.tEnd, 2);
    assert.equal(m.outputs[0].lane, m.byTask.get(2));
    assert.equal(m.spanIndexAt(t1, 1.5), 3);
    assert.equal(m.spanIndexAt(t1, -1), -1);
  });
});
