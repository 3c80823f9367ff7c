// The run happens here, off the page's thread, so a scenario that never yields
// (`while True: pass`) cannot freeze the page: the page stops a run by
// terminating this worker and starting a fresh one.
//
// Messages in:  {type:'load', jsUrl}                first: load the module's JS
//               {type:'init', jsUrl, wasmModule}   once: instantiate the compiled wasm
//               {type:'run', id, source, options}   options: {clock, speed, seed}
// Messages out: {type:'ready'} | {type:'fatal', message}
//               {type:'batch', id, output, trace}   streamed while running (both clocks)
//               {type:'done', id, status, output, trace}
//               (output and trace: arrays, or the same as JSON text)

import './driver.js';  // a plain script: defines self.CorolabDriver

let corolab = null;          // the Emscripten module, instantiated once per worker
let pendingRun = null;       // a run that arrived before the module was ready

const FLUSH_MS = 50;         // real time: send what a run printed at most this often

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'load') load(msg.jsUrl);
  else if (msg.type === 'init') init(msg);
  else if (msg.type === 'run') {
    if (corolab) run(msg);
    else pendingRun = msg;
  }
};

// Loads the module's JS (its factory, createCorolab) once.
function load(jsUrl) {
  if (!self.createCorolab) importScripts(jsUrl);
}

async function init({ jsUrl, wasmModule }) {
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

function take(session) {
  return {
    output: JSON.parse(session.takeOutput()),
    trace: JSON.parse(session.takeTrace()),
  };
}

// Big results go in several messages: the page unpacks each message in one
// main-thread task, so one 100,000-record message would freeze it.
const POST_CHUNK = 2000;

// Sends what a run printed and traced, in chunks as JSON text: a string
// crosses to the page in one copy, where thousands of small objects would be
// rebuilt one by one in a single main-thread task. With status, the last
// message is 'done'.
function send(id, got, status = null) {
  const n = Math.max(got.output.length, got.trace.length);
  const json = (list, i) => JSON.stringify(list.slice(i, i + POST_CHUNK));
  for (let i = 0; i + POST_CHUNK < n; i += POST_CHUNK) {
    self.postMessage({ type: 'batch', id, output: json(got.output, i), trace: json(got.trace, i) });
  }
  const last = n > POST_CHUNK ? Math.floor((n - 1) / POST_CHUNK) * POST_CHUNK : 0;
  if (status) self.postMessage({ type: 'done', id, status, output: json(got.output, last), trace: json(got.trace, last) });
  else if (n) self.postMessage({ type: 'batch', id, output: json(got.output, last), trace: json(got.trace, last) });
}

function finish(id, session) {
  const rest = take(session);
  const status = JSON.parse(session.status());
  session.delete();
  send(id, rest, status);
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
    session.onProgress(() => {
      send(id, take(session));
    });
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
  const output = [];
  const trace = [];
  const flush = () => {
    if (output.length || trace.length) {
      self.postMessage({ type: 'batch', id, output: output.splice(0), trace: trace.splice(0) });
    }
    lastFlush = performance.now();
  };
  const target = {
    advance() {
      const delay = session.advance();
      if (delay >= 0) {
        const got = take(session);
        output.push(...got.output);
        trace.push(...got.trace);
        if (delay > 0 || performance.now() - lastFlush >= FLUSH_MS) flush();
      }
      return delay;
    },
  };
  self.CorolabDriver.drive(target).done.then((end) => {
    if (end && end.error) { fatal(`engine error: ${end.error}`); return; }
    flush();
    finish(id, session);
  });
}
