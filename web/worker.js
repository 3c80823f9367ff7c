// The run happens here, off the page's thread, so a scenario that never yields
// (`while True: pass`) cannot freeze the page: the page stops a run by
// terminating this worker and starting a fresh one.
//
// Messages in:  {type:'load', jsUrl}                first: load the module's JS
//               {type:'init', jsUrl, wasmModule, libraryUrl, library}
//                                                  once: instantiate the compiled wasm
//               {type:'library', text}             the library asset, once the page has it
//               {type:'run', id, source, options}   options: {clock, speed, seed}
// Messages out: {type:'ready'} | {type:'fatal', message}
//               {type:'batch', id, output, trace}   streamed while running (both clocks)
//               {type:'done', id, status, output, trace}
//               (output and trace: JSON text of arrays)

import './driver.js';  // a plain script: defines self.CorolabDriver

let corolab = null;          // the Emscripten module, instantiated once per worker
let pendingRun = null;       // a run that arrived before the module was ready
let libraryUrl = null;       // the library asset: {name: text} of lang/modules/*.py
let libraryText = null;      // its text, from the page (or fetched here on demand)
let library = null;          // parsed on a run's first import

const FLUSH_MS = 50;         // real time: send what a run printed at most this often

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'load') load(msg.jsUrl);
  else if (msg.type === 'init') init(msg);
  else if (msg.type === 'library') libraryText = libraryText || msg.text;
  else if (msg.type === 'run') {
    if (corolab) run(msg);
    else pendingRun = msg;
  }
};

// Loads the module's JS (its factory, createCorolab) once.
function load(jsUrl) {
  if (!self.createCorolab) importScripts(jsUrl);
}

// The module's librarySource hook (web/bindings.cpp): a run's first import of
// a library module. Before the page has the asset (a run started at load),
// it is fetched here, synchronously: the import cannot wait (workers allow a
// synchronous XHR).
function librarySource(name) {
  if (!library) {
    if (!libraryText) libraryText = fetchLibraryNow();
    if (!libraryText) {
      // Said as Python, where the import is: the import fails with this.
      return `raise ImportError(${JSON.stringify(`cannot load corolab's library module ${name}: the download of ${libraryUrl} failed`)})\n`;
    }
    library = JSON.parse(libraryText);
  }
  return Object.hasOwn(library, name) ? library[name] : null;
}

function fetchLibraryNow() {
  try {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', libraryUrl, false);
    xhr.send();
    return xhr.status === 200 ? xhr.responseText : null;
  } catch {
    return null;
  }
}

async function init({ jsUrl, wasmModule, libraryUrl: url, library: text }) {
  libraryUrl = url;
  libraryText = libraryText || text;
  try {
    load(jsUrl);
    // The page compiled the wasm once; every worker only instantiates it.
    corolab = await self.createCorolab({
      instantiateWasm(imports, ok) {
        WebAssembly.instantiate(wasmModule, imports).then(
          (instance) => ok(instance, wasmModule),
          (err) => fatal(`cannot instantiate the engine: ${err}`));
        return {};
      },
      print: () => {},
      printErr: () => {},
      librarySource,
    });
    self.postMessage({ type: 'ready' });
    if (pendingRun) { const r = pendingRun; pendingRun = null; run(r); }
  } catch (err) {
    fatal(`cannot load the engine: ${err && err.message ? err.message : err}`);
  }
}

function fatal(message) {
  self.postMessage({ type: 'fatal', message: String(message) });
}

// Big results go in several messages: the page unpacks each message in one
// main-thread task, so one 100,000-record message would freeze it.
const POST_CHUNK = 2000;

// Sends what a run printed and traced since the last call, in messages of at
// most POST_CHUNK lines and records, as the JSON text the module writes: a
// string crosses to the page in one copy, and the worker never parses it.
// With status, the last message is 'done'.
function send(id, session, status = null) {
  let output = session.takeOutput(POST_CHUNK);
  let trace = session.takeTrace(POST_CHUNK);
  for (;;) {
    const nextOutput = session.takeOutput(POST_CHUNK);
    const nextTrace = session.takeTrace(POST_CHUNK);
    const last = nextOutput === '[]' && nextTrace === '[]';
    if (last && status) {
      self.postMessage({ type: 'done', id, status, output, trace });
      return;
    }
    if (output !== '[]' || trace !== '[]') self.postMessage({ type: 'batch', id, output, trace });
    if (last) return;
    output = nextOutput;
    trace = nextTrace;
  }
}

function finish(id, session) {
  send(id, session, JSON.parse(session.status()));
  session.delete();
}

function run({ id, source, options }) {
  let session;
  try {
    session = new corolab.Session(source, JSON.stringify({
      clock: options.clock === 'real' ? 'real' : 'virtual',
      speed: options.speed || 1,
      seed: options.seed || 0,
      filename: 'main.py',
    }));
  } catch (err) {
    fatal(`cannot start the run: ${err && err.message ? err.message : err}`);
    return;
  }
  if (options.clock !== 'real') {
    // Virtual time: the whole run is one call; while it goes, the engine
    // calls back about every 50 ms and what was printed so far is sent, so
    // a Stop (which terminates this worker) keeps it.
    session.onProgress(() => send(id, session));
    try { session.advance(); } catch (err) { fatal(`engine error: ${err}`); return; }
    finish(id, session);
    return;
  }
  runReal(id, session);
}

// Real time: web/driver.js (the engine's generic driver) calls advance() from
// this worker's event loop: a timer for the next deadline, an immediate turn
// for ready work. Output is sent in batches at most every FLUSH_MS.
function runReal(id, session) {
  let lastFlush = performance.now();
  const target = {
    advance() {
      const delay = session.advance();
      if (delay >= 0 && (delay > 0 || performance.now() - lastFlush >= FLUSH_MS)) {
        send(id, session);
        lastFlush = performance.now();
      }
      return delay;
    },
  };
  self.CorolabDriver.drive(target).done.then((end) => {
    if (end && end.error) { fatal(`engine error: ${end.error}`); return; }
    finish(id, session);
  });
}
