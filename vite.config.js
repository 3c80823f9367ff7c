// Vite builds the page (index.html + web/) into dist/, a static site that works
// from any host: relative asset paths, and the Emscripten module (corolab.js +
// corolab.wasm, built by `scripts/build.sh wasm`) copied in as content-hashed
// assets whose names the worker learns through a build-time constant.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const moduleDir = resolve(process.env.COROLAB_MODULE_DIR || 'build/wasm/web');

function hashed(file) {
  const bytes = readFileSync(file);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  return { bytes, hash };
}

// The library modules written in the scenario language (lang/modules/*.py) as
// one JSON asset {name: text}: the module carries none (web/bindings.cpp); the
// page fetches this after it is ready and the worker parses it on a run's
// first import of one.
function librarySources() {
  const dir = resolve('lang/modules');
  const sources = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
    sources[f.slice(0, -3)] = readFileSync(resolve(dir, f), 'utf8');
  }
  const bytes = Buffer.from(JSON.stringify(sources));
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 10) };
}

// Serves the module in dev, emits it in a build; the worker imports it by name.
function corolabModule() {
  const jsPath = resolve(moduleDir, 'corolab.js');
  const wasmPath = resolve(moduleDir, 'corolab.wasm');
  if (!existsSync(jsPath) || !existsSync(wasmPath)) {
    throw new Error(`corolab module not found in ${moduleDir}: run scripts/build.sh wasm first`);
  }
  const js = hashed(jsPath);
  const wasm = hashed(wasmPath);
  const library = librarySources();
  const names = {
    js: `assets/corolab-${js.hash}.js`,
    wasm: `assets/corolab-${wasm.hash}.wasm`,
    library: `assets/corolab-library-${library.hash}.json`,
  };
  return {
    names,
    plugin: {
      name: 'corolab-module',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const path = (req.url || '').split('?')[0];
          if (path.endsWith('/' + names.js)) {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(readFileSync(jsPath));
          } else if (path.endsWith('/' + names.wasm)) {
            res.setHeader('Content-Type', 'application/wasm');
            res.end(readFileSync(wasmPath));
          } else if (path.endsWith('/' + names.library)) {
            res.setHeader('Content-Type', 'application/json');
            res.end(library.bytes);
          } else next();
        });
      },
      // Start downloading the wasm while the page's script is still parsing.
      transformIndexHtml: {
        order: 'post',
        handler: () => [{
          tag: 'link',
          attrs: { rel: 'preload', href: `./${names.wasm}`, as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous' },
          injectTo: 'head',
        }],
      },
      generateBundle() {
        // The Help panel links the scenario language contract, shipped as text.
        this.emitFile({ type: 'asset', fileName: 'docs/SCENARIO-LANGUAGE.txt', source: readFileSync('docs/SCENARIO-LANGUAGE.md') });
        this.emitFile({ type: 'asset', fileName: names.js, source: js.bytes });
        this.emitFile({ type: 'asset', fileName: names.wasm, source: wasm.bytes });
        this.emitFile({ type: 'asset', fileName: names.library, source: library.bytes });
      },
    },
  };
}

const mod = corolabModule();

export default defineConfig({
  base: './',
  publicDir: false,
  define: {
    __COROLAB_JS__: JSON.stringify(mod.names.js),
    __COROLAB_WASM__: JSON.stringify(mod.names.wasm),
    __COROLAB_LIBRARY__: JSON.stringify(mod.names.library),
  },
  plugins: [mod.plugin],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: URLs: the page's CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  worker: { format: 'iife' },
  server: { port: Number(process.env.PORT) || 8080, strictPort: true },
  preview: { port: Number(process.env.PORT) || 8080, strictPort: true },
});
