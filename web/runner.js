// Page side of the run: owns one warm worker at a time. The wasm is fetched and
// compiled once per page; each worker only instantiates the compiled module, so
// replacing a stopped worker takes milliseconds. Stop terminates the worker at
// once (a scenario stuck in a loop never yields) and warms a fresh one.
// The library modules (lang/modules/*.py, one JSON asset) are fetched once the
// first worker is ready, so they never delay it, and kept here: every worker
// gets them, and an import works offline after that.

/* global __COROLAB_JS__, __COROLAB_WASM__, __COROLAB_LIBRARY__ */

// A message's output or trace: JSON text of an array (web/worker.js).
const list = (x) => JSON.parse(x);

export class Runner {
  /** onReady() is called each time a fresh worker can take a run. */
  constructor({ onReady, onFatal }) {
    this.onReady = onReady;
    this.onFatal = onFatal;
    this.jsUrl = new URL(__COROLAB_JS__, document.baseURI).href;
    this.libraryUrl = new URL(__COROLAB_LIBRARY__, document.baseURI).href;
    this.library = null;   // the library asset's text, once fetched
    this.libraryFetch = null;
    this.wasm = WebAssembly.compileStreaming(fetch(new URL(__COROLAB_WASM__, document.baseURI)))
      .catch(async () => {
        // Hosts that serve .wasm with a wrong MIME type: compile from bytes.
        const res = await fetch(new URL(__COROLAB_WASM__, document.baseURI));
        if (!res.ok) throw new Error(`engine download failed (HTTP ${res.status})`);
        return WebAssembly.compile(await res.arrayBuffer());
      });
    this.worker = null;
    this.ready = false;
    this.current = null;   // {id, handlers}
    this.nextId = 1;
    this.spawn();
  }

  spawn() {
    const worker = new Worker(new URL('./worker.js', import.meta.url));
    this.worker = worker;
    this.ready = false;
    worker.onmessage = (e) => this.receive(worker, e.data);
    // The worker loads the module's JS while the page still compiles the wasm.
    worker.postMessage({ type: 'load', jsUrl: this.jsUrl });
    worker.onerror = (e) => {
      e.preventDefault();
      if (worker === this.worker) this.fail(`the engine worker failed: ${e.message || 'unknown error'}`);
    };
    this.wasm.then(
      (wasmModule) => worker.postMessage({ type: 'init', jsUrl: this.jsUrl, wasmModule, libraryUrl: this.libraryUrl, library: this.library }),
      (err) => this.fail(`cannot load the engine: ${err.message || err}`));
  }

  receive(worker, msg) {
    if (worker !== this.worker) return;  // a message from a stopped worker
    const run = this.current;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.onReady();
        this.fetchLibrary();
        break;
      case 'fatal':
        this.fail(msg.message);
        break;
      case 'batch':
        if (run && msg.id === run.id) run.handlers.onBatch(list(msg.output), list(msg.trace));
        break;
      case 'done':
        if (run && msg.id === run.id) {
          this.current = null;
          run.handlers.onBatch(list(msg.output), list(msg.trace));
          run.handlers.onDone(msg.status);
        }
        break;
    }
  }

  // Once: the library asset, handed to the current worker and kept for the
  // next ones. A failed download is retried by the next worker's ready; a
  // run's import meanwhile fetches it itself (web/worker.js).
  fetchLibrary() {
    if (this.library || this.libraryFetch) return;
    this.libraryFetch = fetch(this.libraryUrl)
      .then((res) => (res.ok ? res.text() : null))
      .then((text) => {
        this.libraryFetch = null;
        if (text === null) return;
        this.library = text;
        this.worker.postMessage({ type: 'library', text });
      }, () => { this.libraryFetch = null; });
  }

  fail(message) {
    const run = this.current;
    this.current = null;
    if (this.ready) {
      // The engine broke during a run (e.g. a wasm trap): its state cannot be
      // trusted, so the next run gets a fresh worker.
      this.worker.terminate();
      this.spawn();
    }
    if (run) run.handlers.onDone({ state: 'failed', error: { type: 'EngineError', message, display: message } });
    else this.onFatal(message);
  }

  get running() { return this.current !== null; }

  /**
   * Starts a run; a run already going is stopped first. handlers:
   * onBatch(outputLines, traceEvents) as they arrive, then onDone(status) once.
   */
  run(source, options, handlers) {
    if (this.current) this.stop();
    const id = this.nextId++;
    this.current = { id, handlers };
    this.worker.postMessage({ type: 'run', id, source, options });
  }

  /** Ends the current run now; calls its onDone with state 'stopped'. */
  stop() {
    const run = this.current;
    this.current = null;
    this.worker.terminate();
    this.spawn();
    if (run) run.handlers.onDone({ state: 'stopped', error: null });
  }
}
