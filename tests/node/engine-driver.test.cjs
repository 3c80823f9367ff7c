// The real-clock driver (web/driver.js) on the engine's Wasm module
// (build/wasm/web/corolab_engine.js; COROLAB_WASM_DIR overrides the folder).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { drive } = require('../../web/driver.js');

const dir = path.resolve(process.env.COROLAB_WASM_DIR || path.join(__dirname, '../../build/wasm/web'));

async function loadEngine() {
  const js = path.join(dir, 'corolab_engine.js');
  assert.ok(fs.existsSync(js), `${js} is missing: build the wasm target first (scripts/build.sh wasm)`);
  const createCorolabEngine = require(js);
  // Emscripten 3.1.6's loader would fetch() the .wasm by path under Node 20.
  return createCorolabEngine({ wasmBinary: fs.readFileSync(path.join(dir, 'corolab_engine.wasm')) });
}

test('a 1 s sleep under the real clock fires no earlier than 1 s and within 50 ms after', async () => {
  const M = await loadEngine();
  const loop = new M.EngineLoop(true, 1.0);
  try {
    loop.spawnSleepers([1.0]);
    const start = performance.now();
    const result = await drive(loop).done;
    const elapsed = performance.now() - start;
    assert.deepStrictEqual(result, { idle: true });
    assert.deepStrictEqual(loop.output(), ['Task-1 woke']);
    assert.ok(elapsed >= 1000, `woke after ${elapsed.toFixed(1)} ms, before 1 s`);
    assert.ok(elapsed <= 1050, `woke after ${elapsed.toFixed(1)} ms, more than 50 ms late`);
  } finally {
    loop.delete();
  }
});

test('the driver follows the earliest deadline and speed changes the pace', async () => {
  const M = await loadEngine();
  const loop = new M.EngineLoop(true, 10.0); // 10x: 2 s of loop time in 0.2 s
  try {
    loop.spawnSleepers([2.0, 0.5, 1.0]);
    const start = performance.now();
    await drive(loop).done;
    const elapsed = performance.now() - start;
    assert.strictEqual(loop.output().length, 3);
    const woke = loop.trace().filter((r) => r.ev === 'output').map((r) => r.t);
    assert.deepStrictEqual([...woke].sort((a, b) => a - b), woke, 'woke in deadline order');
    assert.ok(woke[0] >= 0.5 && woke[2] >= 2.0);
    assert.ok(elapsed >= 200 && elapsed <= 300, `took ${elapsed.toFixed(1)} ms for 2 s at 10x`);
  } finally {
    loop.delete();
  }
});

test('virtual mode runs to the end at once and the trace is plain objects', async () => {
  const M = await loadEngine();
  const loop = new M.EngineLoop(false, 1.0);
  try {
    loop.spawnSleepers([3.0, 1.0]);
    assert.strictEqual(loop.runToEnd(), 3.0);
    const trace = loop.trace();
    const sleeps = trace.filter((r) => r.ev === 'task_suspend' && r.on === 'sleep').map((r) => r.until);
    assert.deepStrictEqual(sleeps, [3, 1]);
    const outputs = trace.filter((r) => r.ev === 'output');
    assert.deepStrictEqual(outputs.map((r) => r.t), [1, 3]);
    assert.strictEqual(loop.liveTasks(), 0);
  } finally {
    loop.delete();
  }
});
