// What the page tests share: the browser (headless chromium via
// playwright-core) on the built static site in dist/, served on a free port,
// and helpers to open the page, run a scenario and read what it shows.
// Expected scenario output comes from CPython's oracle, never from corolab.
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('../../web/serve-static.cjs');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'test-results');
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Imports one of the page's self-contained ES modules (no imports of its own)
// from CommonJS, without Node guessing its module type.
function importPageModule(rel) {
  const src = fs.readFileSync(path.join(ROOT, rel));
  return import(`data:text/javascript;base64,${src.toString('base64')}`);
}

// web/examples.js imports each example's source (a conformance scenario) with
// Vite's `?raw`; here those imports become string constants.
async function loadExamples() {
  const src = fs.readFileSync(path.join(ROOT, 'web', 'examples.js'), 'utf8').replace(
    /^import (\w+) from '\.\.\/([^'?]+)\?raw';$/gm,
    (_, name, rel) => `const ${name} = ${JSON.stringify(fs.readFileSync(path.join(ROOT, rel), 'utf8'))};`);
  return (await import(`data:text/javascript;base64,${Buffer.from(src).toString('base64')}`)).examples;
}

// CPython's expected output for a scenario: the conformance suite's .tsv when
// it holds this exact scenario, else the oracle run on it now.
function expectedTsv(code) {
  const dir = path.join(ROOT, 'tests/conformance/seeds');
  const norm = (s) => s.replace(/\s+$/gm, '').trim();
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.py'))) {
      const tsv = path.join(dir, f.replace(/\.py$/, '.tsv'));
      if (norm(fs.readFileSync(path.join(dir, f), 'utf8')) === norm(code) && fs.existsSync(tsv)) {
        return fs.readFileSync(tsv, 'utf8');
      }
    }
  }
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-page-')), 'scenario.py');
  fs.writeFileSync(tmp, code);
  return execFileSync('python3', [path.join(ROOT, 'tests/oracle/vclock.py'), tmp], { encoding: 'utf8' });
}

const codeLink = (code) => `#code=${encodeURIComponent(code)}`;

const settled = (page, timeout = 15000) => page.waitForFunction(
  () => !['running', 'loading', 'idle'].includes(document.body.dataset.run), null, { timeout });

// Does action (which starts a run) and waits for that run to end.
async function runToEnd(page, action, timeout = 15000) {
  await settled(page, timeout);
  const before = Number(await page.getAttribute('body', 'data-ended') || 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.ended || 0) > n, before, { timeout });
}

// Loads an example and runs it (choosing the one already shown just reruns it).
async function runExample(page, id, timeout) {
  await runToEnd(page, async () => {
    if (await page.inputValue('#example') === id) await page.click('#run');
    else await page.selectOption('#example', id);
  }, timeout);
}

// The output rows as "t\ttext" (stdout lines only), like the oracle's tsv.
const outputRows = (page) => page.$$eval('#output li[data-index]:not(.err)',
  (rows) => rows.map((r) => `${r.querySelector('.t').textContent}\t${r.querySelector('.text').textContent}`));

/** A browser on dist/: start() in before(), stop() in after(), open() per test. */
class PageBrowser {
  async start() {
    assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built (npm run build)');
    this.examples = await loadExamples();
    this.server = await serve(DIST, 0);
    this.userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-chromium-'));
    this.context = await chromium.launchPersistentContext(this.userDir, {
      executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS,
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  }

  async stop() {
    if (this.context) await this.context.close();
    if (this.server) await this.server.close();
    if (this.userDir) fs.rmSync(this.userDir, { recursive: true, force: true });
  }

  example(id) {
    const ex = this.examples.find((e) => e.id === id);
    assert.ok(ex, `example ${id} exists`);
    return ex;
  }

  /** Opens the page at path+hash (e.g. '#code=...'); options: viewport, colorScheme. */
  async open(hash = '', { viewport = { width: 1366, height: 800 }, colorScheme = 'light', hasTouch = false } = {}) {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    const problems = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
    await page.goto(this.server.url + hash);
    await page.waitForSelector('html[data-engine=ready]', { timeout: 15000 });
    page.problems = problems;
    return page;
  }
}

module.exports = {
  ROOT, DIST, SHOTS, PageBrowser, importPageModule, expectedTsv, codeLink, settled, runToEnd, runExample, outputRows,
};
