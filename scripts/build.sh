#!/usr/bin/env bash
# Builds corolab. Usage: scripts/build.sh [native] [sanitize] [wasm|module] [web] [fuzz]
# (no argument: native wasm web; npm test adds sanitize). Outputs go to build/ and dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(native wasm web)

for t in "${targets[@]}"; do
  case "$t" in
    native)
      cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
      cmake --build build/native -j"$jobs" ;;
    sanitize)
      cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Debug -DCOROLAB_SANITIZE=ON -DCOROLAB_TESTS_ONLY=ON >/dev/null
      cmake --build build/sanitize -j"$jobs" ;;
    wasm|module)
      # module: only what the page and the CLI load (npm start); wasm: also the
      # test suites built to Wasm.
      export NODE_PATH=/usr/share/nodejs
      emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
      if [ "$t" = module ]; then
        cmake --build build/wasm -j"$jobs" --target corolab_web corolab_engine_web
      else
        cmake --build build/wasm -j"$jobs"
      fi ;;
    web)
      npx vite build --logLevel warn ;;
    fuzz)
      # clang + libFuzzer + ASan/UBSan: only the fuzz target (tests/fuzz).
      cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DCOROLAB_FUZZ=ON -DCOROLAB_TESTS_ONLY=ON >/dev/null
      cmake --build build/fuzz -j"$jobs" --target corolab_fuzz_session ;;
    *) echo "build.sh: unknown target $t" >&2; exit 2 ;;
  esac
done
