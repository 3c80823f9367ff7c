#!/usr/bin/env node
// Prints the page's budgets and responsiveness, for the README:
//   first load: bytes of every file the page fetches (HTML, JS, CSS, worker,
//               wasm), gzipped as a static host would serve them (limit 600 KB);
//               the library modules' asset (corolab-library-*.json), which
//               the page fetches once it is ready, is listed apart
//   ready:      ms from navigation to the engine being ready to run, in
//               headless chromium (limit 1000 ms)
//   runaway:    ms from a run's start to its end for `while True: await
//               asyncio.sleep(0)`, which ends on the step budget (200 M
//               steps) with its trace truncated at the memory budget's eighth
//               (compare: `node cli/corolab.cjs run F --format json`)
//   longest main-thread task (target under 100 ms) for runs of 1,000, 10,000
//   and 50,000 tasks: while the results arrive and are drawn; while stepping
//   through the run (End, arrows, Home, dragging the time cursor); while
//   comparing it with a second run of the same scenario. Two figures each:
//   the longest task PerformanceObserver 'longtask' saw (wall time; it sees
//   only tasks over 50 ms) and, from a Chromium trace of the same phase, the
//   main thread's CPU time in its longest task. On a loaded machine the wall
//   time grows with the load average (printed at the end); the CPU time is
//   what the page's own work costs.
// Usage: node web/measure.cjs [distDir] [tasks,tasks,...]   (after `npm run build`)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { chromium } = require('playwright-core');
const { serve } = require('./serve-static.cjs');

const LIMIT_KB = 600;
const LIMIT_MS = 1000;
const LONG_TASK_TARGET_MS = 100;
const SIZES = [1000, 10000, 50000];

const RUNAWAY = 'import asyncio\nasync def main():\n    print("start")\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n';

/** The scenario of n tasks: each sleeps 0-0.9 s and prints a line. */
function tasks(n) {
  return 'import asyncio\n\nasync def job(i):\n    await asyncio.sleep(i % 10 / 10)\n    print("done", i)\n\n' +
    `async def main():\n    await asyncio.gather(*(job(i) for i in range(${n})))\n\nasyncio.run(main())\n`;
}

// The renderer main thread's top-level tasks in a Chromium trace: the
// thread named CrRendererMain with the most task time (the page's, not
// about:blank's).
function mainThreadTasks(events) {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ph !== 'X' || !mains.has(`${e.pid}/${e.tid}`)) continue;
    const key = `${e.pid}/${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const sum = (tasks) => tasks.reduce((s, e) => s + e.dur, 0);
  return [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0] || [];
}

/**
 * Runs action under a Chromium trace (CDP) and returns the page's main-thread
 * top-level tasks meanwhile: [{wall, cpu}] in ms (cpu: the thread's own time,
 * which a loaded machine does not stretch).
 */
async function mainThreadTasksDuring(page, action) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => { for (const e of d.value) events.push(e); });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel'] }, transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return mainThreadTasks(events).map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur || 0) / 1000 }));
}

// Runs action on the page; returns the longest main-thread task meanwhile:
// {wall} as PerformanceObserver 'longtask' saw it (0: none over 50 ms), {cpu}
// the most CPU time a task took (ms, from a trace).
async function longestDuring(page, action) {
  await page.evaluate(() => { window.__long.length = 0; });
  const tasks = await mainThreadTasksDuring(page, async () => {
    await action();
    await page.waitForTimeout(300);
  });
  const cpu = Math.max(0, ...tasks.map((t) => t.cpu));
  const wall = Math.max(0, ...await page.evaluate(() => window.__long));
  return { wall, cpu };
}

async function runToEnd(page, start, timeout) {
  const before = Number(await page.getAttribute('body', 'data-ended') || 0);
  await start();
  await page.waitForFunction((n) => Number(document.body.dataset.ended || 0) > n, before, { timeout });
}

// The phases measured for one size: arrive, step, compare.
async function measureSize(page, n) {
  const timeout = 60000 + n * 6;
  const arrive = await longestDuring(page, () => runToEnd(page, () => page.evaluate((code) => {
    location.hash = `#code=${encodeURIComponent(code)}`;
  }, tasks(n)), timeout));
  const step = await longestDuring(page, async () => {
    await page.click('#step');
    for (const key of ['End', 'ArrowLeft', 'ArrowLeft', 'Home', 'ArrowRight', 'ArrowRight', 'End', 'ArrowUp']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(50);
    }
    // Drag the time cursor along the timeline's axis, then back.
    const box = await page.locator('.timeline-pane canvas').boundingBox();
    const y = box.y + 10;
    await page.mouse.move(box.x + 100, y);
    await page.mouse.down();
    for (let i = 0; i <= 40; i++) {
      const f = i <= 20 ? i / 20 : (40 - i) / 20;
      await page.mouse.move(box.x + 100 + f * (box.width - 120), y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.click('.step-close');
  });
  const compare = await longestDuring(page, async () => {
    await page.click('#pin');
    await runToEnd(page, () => page.click('#run'), timeout);
    await page.waitForFunction(() => / vs /.test(document.querySelector('.cmp-summary').textContent), null, { timeout });
    await page.click('.cmp-unpin');
  });
  return { arrive, step, compare };
}

async function measure(dist, sizes = SIZES) {
  const server = await serve(dist, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const files = new Map();
    page.on('response', async (res) => {
      const url = new URL(res.url());
      if (url.origin + '/' !== server.url) return;
      try {
        const body = await res.body();
        files.set(url.pathname, { raw: body.length, gz: zlib.gzipSync(body, { level: 9 }).length });
      } catch { /* e.g. a redirect without a body */ }
    });
    await page.goto(server.url);
    await page.waitForSelector('html[data-engine=ready]', { timeout: 15000 });
    const readyMs = Number(await page.getAttribute('html', 'data-ready-ms'));
    await page.waitForTimeout(200);
    // The worker's importScripts is not seen by page.on('response'): add it by name.
    for (const f of fs.readdirSync(path.join(dist, 'assets'))) {
      const key = `/assets/${f}`;
      if (!files.has(key) && /^(corolab|worker)-.*\.js$/.test(f)) {
        const body = fs.readFileSync(path.join(dist, 'assets', f));
        files.set(key, { raw: body.length, gz: zlib.gzipSync(body, { level: 9 }).length });
      }
    }
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask' });
    });
    const runs = [];
    for (const n of sizes) runs.push({ n, ...await measureSize(page, n) });
    const t0 = Date.now();
    await runToEnd(page, () => page.evaluate((code) => { location.hash = `#code=${encodeURIComponent(code)}`; }, RUNAWAY), 120000);
    const runawayMs = Date.now() - t0;
    return { files, readyMs, runs, runawayMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const dist = path.resolve(process.argv[2] || 'dist');
  const sizes = process.argv[3] ? process.argv[3].split(',').map(Number) : SIZES;
  const load0 = os.loadavg()[0];
  const { files, readyMs, runs, runawayMs } = await measure(dist, sizes);
  let raw = 0;
  let gz = 0;
  const line = (size, name) => `${(size.gz / 1024).toFixed(1).padStart(8)} KB gz  ${(size.raw / 1024).toFixed(1).padStart(8)} KB  ${name}`;
  const afterReady = [];
  for (const [name, size] of [...files].sort()) {
    if (/\/corolab-library-[^/]*\.json$/.test(name)) { afterReady.push(line(size, name)); continue; }
    raw += size.raw;
    gz += size.gz;
    console.log(line(size, name));
  }
  console.log(`first load: ${(gz / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw), limit ${LIMIT_KB} KB`);
  for (const l of afterReady) console.log(`${l}  (after ready: the library modules)`);
  console.log(`ready to run: ${readyMs.toFixed(0)} ms after navigation (headless chromium), limit ${LIMIT_MS} ms`);
  const ms = (x) => `${x.wall ? `${x.wall.toFixed(0)} ms` : '< 50 ms'} (CPU ${x.cpu.toFixed(0)} ms)`;
  console.log(`longest main-thread task: wall time (the most CPU time any task took), target ${LONG_TASK_TARGET_MS} ms:`);
  console.log('                results arriving        stepping                comparing');
  for (const r of runs) {
    console.log(`  ${r.n.toLocaleString('en-US').padStart(6)} tasks: ${ms(r.arrive).padEnd(24)}${ms(r.step).padEnd(24)}${ms(r.compare)}`);
  }
  console.log(`runaway async loop (ends on the step budget, trace truncated): ${(runawayMs / 1000).toFixed(1)} s from run to end`);
  console.log(`load average: ${load0.toFixed(2)} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
  const longest = Math.max(...runs.map((r) => Math.max(r.arrive.wall, r.step.wall, r.compare.wall)));
  if (gz / 1024 > LIMIT_KB || readyMs > LIMIT_MS || longest > LONG_TASK_TARGET_MS) process.exitCode = 1;
}

if (require.main === module) main().catch((err) => { console.error(err); process.exit(2); });
module.exports = { measure, tasks, mainThreadTasksDuring };
