#!/bin/sh
# Runs one fuzz target (tests/fuzz: fods, rules, amount, engine) for SECONDS,
# building the clang/libFuzzer tree build-fuzz/ first when needed, and prints
# executions, coverage (cov/ft) and corpus size.  The corpus grows in
# build-fuzz/tests/fuzz/work/corpus/TARGET across runs; a failing input lands
# in build-fuzz/tests/fuzz/work/artifacts/TARGET/ (keep it in
# tests/fuzz/regressions/TARGET/ once fixed).
#   bench/fuzz.sh TARGET SECONDS [libFuzzer options…]
# A long run that goes on past failures, keeping every failing input:
#   bench/fuzz.sh engine 1800 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1
set -eu
[ $# -ge 2 ] || { echo "usage: $0 TARGET SECONDS [libFuzzer options…]" >&2; exit 2; }
target=$1 seconds=$2
shift 2
cd "$(dirname "$0")/.."
dir=build-fuzz
if [ ! -f "$dir/build.ninja" ]; then
  mkdir -p "$dir"
  CC=clang meson setup "$dir" -Dfuzz=true -De2e=false -Db_lundef=false >"$dir/setup.log" 2>&1 \
    || { cat "$dir/setup.log"; exit 2; }
fi
# regenerate first if meson.build changed, so the alias target is known
ninja -C "$dir" build.ninja >/dev/null 2>&1 || true
meson compile -C "$dir" fuzzers >"$dir/compile.log" 2>&1 \
  || { cat "$dir/compile.log"; exit 2; }
exec tests/fuzz/run.sh "$target" "$dir/tests/fuzz/fuzz-$target" "$seconds" "$dir/tests/fuzz/work" "$@"
