#!/usr/bin/env bash
# Installs what corolab needs that a fresh Debian machine lacks.
# As root it installs missing Debian packages itself; otherwise it prints the
# exact apt-get command and fails. Then it installs the npm packages when
# node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v em++ >/dev/null 2>&1 || need+=(emscripten)
[ -f /usr/include/catch2/catch.hpp ] || need+=(catch2)
command -v cmake >/dev/null 2>&1 || need+=(cmake)
command -v g++ >/dev/null 2>&1 || need+=(g++)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# The fuzz target (tests/fuzz): clang 14 and its libFuzzer/sanitizer runtime.
command -v clang++-14 >/dev/null 2>&1 || need+=(clang-14)
compgen -G '/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a' >/dev/null || need+=(libclang-rt-14-dev)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${need[@]}"
  else
    echo "setup: missing Debian packages: ${need[*]}" >&2
    echo "setup: run: sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

# `npm install` (not `npm ci`): npm 11 writes lock files without the entries
# of other platforms' optional packages (rollup's), which `npm ci` then
# rejects as out of sync; `npm install` installs exactly the locked versions.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "setup: npm install"
  npm install --no-audit --no-fund
  touch node_modules
fi
