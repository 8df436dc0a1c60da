#!/bin/sh
# Runs one libFuzzer target for a bounded time on its corpus, seeded from
# the test data, and prints one summary line (runs, coverage, corpus).
# Exits 1 when the target failed; the input is then in WORK/artifacts/.
#   tests/fuzz/run.sh NAME FUZZER_EXE SECONDS WORK [libFuzzer options…]
# bench/fuzz.sh builds the fuzzers and calls this; so does `meson test
# --suite fuzz` in a -Dfuzz=true build.  FC_FUZZ_FRESH=1: start from the
# seeds alone (drop the corpus grown by earlier runs).
set -eu
name=$1 exe=$2 seconds=$3 work=$4
shift 4
src=$(cd "$(dirname "$0")/../.." && pwd)
fuzz=$src/tests/fuzz
corpus=$work/corpus/$name
artifacts=$work/artifacts/$name
[ "${FC_FUZZ_FRESH:-0}" = 1 ] && rm -rf "$corpus"
mkdir -p "$corpus" "$artifacts"

seed () { # files…: copied into the corpus under their content hash
  for f; do
    [ -f "$f" ] || continue
    cp "$f" "$corpus/seed-$(sha1sum <"$f" | cut -c1-16)"
  done
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case $name in
fods)
  seed "$src"/ods-templates/*.fods "$src"/tests/data/*.fods ;;
rules)
  # the rules whole and each of their groups alone (the target reads them
  # after the shipped catalogue.ini)
  seed "$src/addin/rules/standard.rules"
  awk -v dir="$tmp" '/^\[/ { n++ } n { print > (dir "/rule-" n) }' "$src/addin/rules/standard.rules"
  seed "$tmp"/rule-* ;;
amount)
  # one amount a line
  awk -v dir="$tmp" '{ printf "%s", $0 > (dir "/amount-" NR) }' "$fuzz/seeds/amount/amounts.txt"
  seed "$tmp"/amount-* ;;
narrative)
  # real narratives: the Shanghai one (in seeds/) and the seed's, from the sample
  seed "$src"/tests/data/*_narrative.txt ;;
pdf)
  # the real PDFs: a package (Word), a template (WPS), a budget (Word 2007)
  seed "$src"/tests/data/*.pdf ;;
engine)
  # real packages as grids
  "$(dirname "$exe")/fc-fuzz-encode" "$tmp" "$src"/ods-templates/*.fods "$src"/tests/data/*.fods
  seed "$tmp"/*.grid ;;
esac
[ -d "$fuzz/seeds/$name" ] && seed "$fuzz/seeds/$name"/*
[ -d "$fuzz/regressions/$name" ] && seed "$fuzz/regressions/$name"/*

dict=""
[ -f "$fuzz/dict/$name.dict" ] && dict="-dict=$fuzz/dict/$name.dict"

export G_SLICE=always-malloc
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
log=$work/$name.log
stamp=$work/$name.start
touch "$stamp"
status=0
# shellcheck disable=SC2086
"$exe" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" $dict "$@" "$corpus" >"$log" 2>&1 || status=$?
# the last status line: "#RUNS DONE cov: … ft: … corp: …" (or, with -fork,
# "#RUNS: cov: … ft: … corp: … exec/s … crash: …")
last=$(grep -E '^#[0-9]+' "$log" | tail -1)
found=$(find "$artifacts" -type f -newer "$stamp" | wc -l)
echo "fuzz-$name: ${seconds} s: ${last:-no status line}; corpus $(ls "$corpus" | wc -l) files; new failing inputs: $found"
if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
  echo "fuzz-$name FAILED (status $status); log $log; inputs:"
  find "$artifacts" -type f -newer "$stamp"
  grep -E 'fuzz target failed|ERROR:|SUMMARY|runtime error' "$log" | sort | uniq -c | head -20
  exit 1
fi
