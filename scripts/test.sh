#!/usr/bin/env bash
# npm test: installs what is missing, builds everything, runs every suite:
# the C++ suites natively, under ASan+UBSan and as Wasm under Node, then the
# Node suites (CLI, conformance against CPython's expected output, resource
# bombs, page) and a one-minute fuzzing smoke run (tests/fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh native sanitize wasm web fuzz

echo "== C++ suites, native (g++)"
ctest --test-dir build/native --output-on-failure
echo "== C++ suites, AddressSanitizer + UndefinedBehaviorSanitizer"
ctest --test-dir build/sanitize --output-on-failure
echo "== C++ suites, Wasm under Node"
ctest --test-dir build/wasm --output-on-failure

echo "== Node suites"
node --test --test-reporter=spec tests/node/
echo "== Fuzzing smoke run (libFuzzer, ASan+UBSan, one process, about a minute)"
bash tests/fuzz/run.sh smoke 60
