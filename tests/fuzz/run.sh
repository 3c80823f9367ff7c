#!/usr/bin/env bash
# Runs the Session fuzzer (tests/fuzz/README.md).
#   tests/fuzz/run.sh smoke [SECONDS]   replays tests/fuzz/crashes/, then fuzzes
#                                      SECONDS (default 60) from the seed corpus
#   tests/fuzz/run.sh long [SECONDS]    fuzzes SECONDS (default 3600), keeping the
#                                      grown corpus in build/fuzz/corpus
#   tests/fuzz/run.sh replay FILE...    runs the target once on each FILE
# Needs `bash scripts/build.sh fuzz` first. Fails on any crash, sanitizer
# report, timeout or out-of-memory, and prints the reproducer.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-smoke}
seconds=${2:-}
bin=build/fuzz/tests/fuzz/corolab_fuzz_session
[ -x "$bin" ] || { echo "fuzz: $bin missing: run bash scripts/build.sh fuzz" >&2; exit 2; }

# Per-input limits: the target's budgets (session_fuzz.cpp) end any scenario
# in well under a second, so 10 s is a hang; with a 32 MB memory budget a
# single 512 MB allocation or 2 GB of process memory is a runaway.
limits=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 -max_len=65536)
# Extra libFuzzer flags, e.g. COROLAB_FUZZ_FLAGS="-len_control=0 -seed=1".
read -r -a extra <<<"${COROLAB_FUZZ_FLAGS:-}"

# Prints the reproducer libFuzzer saved and how to rerun it.
report() {
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    echo "fuzz: reproducer $f ($(wc -c <"$f") bytes); rerun: $bin $f"
    if [ "$(wc -c <"$f")" -le 4096 ]; then
      echo "----- 8< -----"; cat -v "$f"; echo; echo "----- >8 -----"
    else
      echo "----- first 40 lines -----"; head -n 40 "$f" | cut -c1-200 | cat -v
    fi
  done
}

replay() {
  local failed=0 f
  for f in "$@"; do
    if ! "$bin" "${limits[@]}" "$f" >"build/fuzz/replay.log" 2>&1; then
      echo "fuzz: FAILED on $f"; grep -m5 -E "ERROR|SUMMARY|runtime error|Timeout|out-of-memory" build/fuzz/replay.log || tail -5 build/fuzz/replay.log
      report "$f"; failed=1
    fi
  done
  return $failed
}

# Fuzzes into corpus dir $1 for $2 s, seeded from the conformance scenarios
# and tests/fuzz/seeds (containers, numbers, nesting: where the C++ recursion is).
fuzz() {
  local corpus=$1 secs=$2 seeds=build/fuzz/seeds artifacts=build/fuzz/artifacts
  rm -rf "$seeds" "$artifacts"; mkdir -p "$seeds" "$artifacts" "$corpus"
  local f
  for f in $(find tests/conformance tests/fuzz/seeds -name '*.py'); do cp "$f" "$seeds/${f//\//_}"; done
  echo "fuzz: ${secs}s, one process, $(ls "$seeds" | wc -l) seeds, corpus $corpus"
  if "$bin" "${limits[@]}" -dict=tests/fuzz/python.dict -max_total_time="$secs" \
      -artifact_prefix="$artifacts/" -print_final_stats=1 ${extra[@]+"${extra[@]}"} "$corpus" "$seeds" >build/fuzz/fuzz.log 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" build/fuzz/fuzz.log || true
    echo "fuzz: no crash"
  else
    echo "fuzz: FAILED (log: build/fuzz/fuzz.log)"
    grep -m8 -E "ERROR|SUMMARY|runtime error|Timeout|out-of-memory|deadly signal" build/fuzz/fuzz.log || tail -20 build/fuzz/fuzz.log
    report "$artifacts"/*
    return 1
  fi
}

case "$mode" in
  smoke)
    status=0
    shopt -s nullglob
    crashes=(tests/fuzz/crashes/*.py)
    if [ ${#crashes[@]} -gt 0 ]; then
      echo "fuzz: replaying ${#crashes[@]} saved crash inputs"
      replay "${crashes[@]}" || status=1
    fi
    rm -rf build/fuzz/smoke-corpus
    fuzz build/fuzz/smoke-corpus "${seconds:-60}" || status=1
    exit $status ;;
  long) fuzz build/fuzz/corpus "${seconds:-3600}" ;;
  replay) shift; replay "$@" ;;
  *) echo "usage: tests/fuzz/run.sh smoke|long [SECONDS] | replay FILE..." >&2; exit 2 ;;
esac
