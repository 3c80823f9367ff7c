// Loading corolab's Wasm module in Node and running a scenario with it: what
// the CLI (corolab.cjs), the conformance suite and the benchmarks share.
'use strict';
const fs = require('fs');
const path = require('path');

const MODULE_DIR = path.join(__dirname, '..', 'build', 'wasm', 'web');
const LIBRARY_DIR = path.join(__dirname, '..', 'lang', 'modules');

// The Wasm module carries no library modules (web/bindings.cpp): a run asks
// for one's source on its first import; this reads lang/modules/NAME.py.
// null: no such module (the interpreter's ModuleNotFoundError).
function librarySource(name) {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name)) return null;
  try {
    return fs.readFileSync(path.join(LIBRARY_DIR, `${name}.py`), 'utf8');
  } catch {
    return null;
  }
}

// The module built by `npm run build` (build/wasm/web/corolab.js + .wasm).
// Exits with a clear message when it is missing.
function loadCorolab() {
  const js = path.join(MODULE_DIR, 'corolab.js');
  if (!fs.existsSync(js)) {
    process.stderr.write(`corolab: the Wasm build is missing (${js}); run 'npm run build' first\n`);
    process.exit(2);
  }
  const createCorolab = require(js);
  // Emscripten 3.1.6 would fetch() the .wasm by path under Node 20: hand it the bytes.
  return createCorolab({ wasmBinary: fs.readFileSync(path.join(MODULE_DIR, 'corolab.wasm')), librarySource });
}

// Runs `source` to its end on the virtual clock; returns what the CLI prints
// ({stdout, stderr} in the given format: text, tsv or json) and its exit code.
function runVirtual(mod, source, options, format) {
  // The trace is recorded only when it is printed (json): an endless loop
  // then costs no memory per step.
  const session = new mod.Session(source, JSON.stringify({ trace: format === 'json', ...options, clock: 'virtual' }));
  try {
    session.advance();
    const out = session.takeFormatted(format);
    const status = JSON.parse(session.status());
    return { stdout: out.stdout, stderr: out.stderr, exitCode: status.exitCode };
  } finally {
    session.delete();
  }
}

module.exports = { loadCorolab, runVirtual };
