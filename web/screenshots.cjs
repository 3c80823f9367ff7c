#!/usr/bin/env node
// Regenerates docs/screenshots/: the page's views (stepping, comparing, the
// embed) in the light and dark themes at desktop and phone sizes, from the
// built site in dist/. Usage: node web/screenshots.cjs [view]   (after a build)
const fs = require('node:fs');
const path = require('node:path');
const { PageBrowser, codeLink, runToEnd, settled } = require('../tests/node/page-support.cjs');

const OUT = path.resolve(__dirname, '../docs/screenshots');
const SIZES = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
const lock = fs.readFileSync(path.resolve(__dirname, '../tests/conformance/examples/012_lock.py'), 'utf8');

const VIEWS = {
  // The lock example at iteration 5: Task-3 woken by the lock's release.
  async step(page) {
    await settled(page);
    // Only the fragment changes: wait for the run it starts to end.
    await runToEnd(page, () => page.goto(page.url().replace(/#.*$/, '') + codeLink(lock)));
    await page.click('#step');
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
    return '.step-pane';
  },
  async compare(page) {
    await settled(page);
    await page.selectOption('#example', 'compare-factorial');
    await page.waitForFunction(() => /vs/.test(document.querySelector('.cmp-summary').textContent), null, { timeout: 30000 });
    return '.compare-pane';
  },
  async embed(page) {
    // Only the fragment changes: wait for the run it starts to end.
    await runToEnd(page, () => page.goto(page.url().replace(/#.*$/, '') + `#embed&code=${encodeURIComponent(lock)}`));
    await page.waitForSelector('html.embed[data-engine=ready]');
    return null;
  },
};

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = new PageBrowser();
  await browser.start();
  try {
    const only = process.argv[2];  // one view, e.g. embed
    for (const [view, show] of Object.entries(VIEWS).filter(([v]) => !only || v === only)) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        for (const colorScheme of ['light', 'dark']) {
          const page = await browser.open('', { viewport: view === 'embed' && size === 'desktop' ? { width: 700, height: 560 } : viewport, colorScheme });
          const sel = await show(page);
          const file = path.join(OUT, `${view}-${size}-${colorScheme}.png`);
          if (sel) {
            await page.locator(sel).scrollIntoViewIfNeeded();
            await page.waitForTimeout(200);
            await page.locator(sel).screenshot({ path: file });
          } else {
            await page.screenshot({ path: file });
          }
          console.log(path.relative(process.cwd(), file));
          await page.close();
        }
      }
    }
  } finally {
    await browser.stop();
  }
})();
