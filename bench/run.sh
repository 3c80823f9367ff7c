#!/usr/bin/env bash
# npm run bench: the benchmarks, each section printing a table of figures.
# Sections: scenarios (the corolab CLI vs python3 on bench/scenarios/*.py) and
# engine (C++ native, C++ Wasm under Node, CPython 3.11 asyncio,
# same workloads, same run). Another section is added by defining a
# function section_<name> below and listing it in SECTIONS.
# Build folders: build/native and build/wasm (BENCH_NATIVE_DIR /
# BENCH_WASM_DIR override them). Runtime: about 1-2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
NATIVE_DIR=${BENCH_NATIVE_DIR:-build/native}
WASM_DIR=${BENCH_WASM_DIR:-build/wasm}
SECTIONS=(${BENCH_SECTIONS:-engine scenarios})

section_engine() {
  echo "== engine: C++ engine vs CPython 3.11 asyncio"
  cmake -S . -B "$NATIVE_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$NATIVE_DIR" --target engine_bench -j2 >/dev/null
  NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B "$WASM_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 ||
    { echo "bench: configuring $WASM_DIR failed" >&2; exit 1; }
  NODE_PATH=/usr/share/nodejs cmake --build "$WASM_DIR" --target engine_bench -j2 >/dev/null
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
  NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B "$WASM_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 ||
    { echo "bench: configuring $WASM_DIR failed" >&2; exit 1; }
  NODE_PATH=/usr/share/nodejs cmake --build "$WASM_DIR" --target corolab_web -j2 >/dev/null
  node bench/scenarios.cjs
}

for s in "${SECTIONS[@]}"; do
  "section_$s"
  echo
done
