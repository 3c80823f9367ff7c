#!/usr/bin/env node
// Prints the page's two budgets, for the README:
//   first load: bytes of every file the page fetches (HTML, JS, CSS, worker,
//               wasm), gzipped as a static host would serve them (limit 600 KB)
//   ready:      ms from navigation to the engine being ready to run, in
//               headless chromium (limit 1000 ms)
//   10,000 tasks: the longest main-thread task while a 10,000-task run's
//               results arrive and are drawn (target 100 ms)
// Usage: node web/measure.cjs [distDir]   (after `npm run build`)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { chromium } = require('playwright-core');
const { serve } = require('./serve-static.cjs');

const LIMIT_KB = 600;
const LIMIT_MS = 1000;
const LONG_TASK_TARGET_MS = 100;
const TEN_THOUSAND = 'import asyncio\n\nasync def job(i):\n    await asyncio.sleep(i % 10 / 10)\n    print("done", i)\n\n' +
  'async def main():\n    await asyncio.gather(*(job(i) for i in range(10000)))\n\nasyncio.run(main())\n';

async function measure(dist) {
  const server = await serve(dist, 0);
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-measure-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] || await context.newPage();
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
    // The longest main-thread task while 10,000 tasks' results arrive.
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask' });
    });
    const before = Number(await page.getAttribute('body', 'data-ended') || 0);
    await page.evaluate((code) => { location.hash = `#code=${encodeURIComponent(code)}`; }, TEN_THOUSAND);
    await page.waitForFunction((n) => Number(document.body.dataset.ended || 0) > n, before, { timeout: 120000 });
    await page.waitForTimeout(300);
    const longest = Math.max(0, ...await page.evaluate(() => window.__long));
    return { files, readyMs, longest };
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
}

async function main() {
  const dist = path.resolve(process.argv[2] || 'dist');
  const { files, readyMs, longest } = await measure(dist);
  let raw = 0;
  let gz = 0;
  for (const [name, size] of [...files].sort()) {
    raw += size.raw;
    gz += size.gz;
    console.log(`${(size.gz / 1024).toFixed(1).padStart(8)} KB gz  ${(size.raw / 1024).toFixed(1).padStart(8)} KB  ${name}`);
  }
  console.log(`first load: ${(gz / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw), limit ${LIMIT_KB} KB`);
  console.log(`ready to run: ${readyMs.toFixed(0)} ms after navigation (headless chromium), limit ${LIMIT_MS} ms`);
  console.log(`10,000 tasks: longest main-thread task ${longest.toFixed(0)} ms while results arrive, target ${LONG_TASK_TARGET_MS} ms`);
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (gz / 1024 > LIMIT_KB || readyMs > LIMIT_MS || longest > LONG_TASK_TARGET_MS) process.exitCode = 1;
}

if (require.main === module) main().catch((err) => { console.error(err); process.exit(2); });
module.exports = { measure };
