#!/usr/bin/env bash
# npm run bench: the benchmarks, each section printing a table of figures.
# Sections: engine (C++ native, C++ Wasm under Node, CPython 3.11 asyncio,
# same workloads, same run), scenarios (the corolab CLI vs python3 on
# bench/scenarios/*.py) and workloads (the table of issue 8: the Wasm CLI,
# the native CLI, CPython and Pyodide on the same 8 files, same run). Another section is added by defining a
# function section_<name> below and listing it in SECTIONS.
# Build folders: build/native and build/wasm (BENCH_NATIVE_DIR /
# BENCH_WASM_DIR override them). Runtime: about 1-2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
NATIVE_DIR=${BENCH_NATIVE_DIR:-build/native}
WASM_DIR=${BENCH_WASM_DIR:-build/wasm}
SECTIONS=(${BENCH_SECTIONS:-engine scenarios workloads})

# build_native TARGET / build_wasm TARGET: a Release build of one target.
build_native() {
  cmake -S . -B "$NATIVE_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$NATIVE_DIR" --target "$1" -j2 >/dev/null
}
build_wasm() {
  NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B "$WASM_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 ||
    { echo "bench: configuring $WASM_DIR failed" >&2; exit 1; }
  NODE_PATH=/usr/share/nodejs cmake --build "$WASM_DIR" --target "$1" -j2 >/dev/null
}

section_engine() {
  echo "== engine: C++ engine vs CPython 3.11 asyncio"
  build_native engine_bench
  build_wasm engine_bench
  local tmp
  tmp=$(mktemp -d)
  "$NATIVE_DIR/bench/engine_bench" >"$tmp/native"
  node "$WASM_DIR/bench/engine_bench.js" >"$tmp/wasm"
  python3 bench/asyncio_bench.py >"$tmp/cpython"
  python3 bench/table.py "$tmp/native" "$tmp/wasm" "$tmp/cpython"
  rm -rf "$tmp"
}

section_scenarios() {
  echo "== scenarios: corolab CLI (Wasm under Node) vs python3 on the same files"
  build_wasm corolab_web
  node bench/scenarios.cjs
}

section_workloads() {
  echo "== workloads: corolab (Wasm CLI, native CLI, Wasm in-process) vs CPython 3.11 and Pyodide"
  build_native corolab_native
  build_wasm corolab_web
  # Pyodide is bench-only: its own folder and package.json, never the
  # default install or the page. Without it the table has no Pyodide columns.
  if [ ! -d bench/pyodide/node_modules/pyodide ]; then
    (cd bench/pyodide && npm install --no-audit --no-fund >/dev/null 2>&1) ||
      echo "bench: Pyodide could not be installed (bench/pyodide); its columns are left out" >&2
  fi
  BENCH_NATIVE_DIR="$NATIVE_DIR" node bench/workloads.cjs
}

for s in "${SECTIONS[@]}"; do
  "section_$s"
  echo
done
