#!/bin/sh
# What checking published PDFs costs against poppler's own text extraction
# of the same files, in the same run: `fiscalcheck check` (read by the PDF
# reader, checked by the engine, no office) on a folder of PDFs, and
# `pdftotext -bbox-layout` (poppler's text with its boxes — the floor any
# reader of the text layer pays) on each of them.  Prints both times and
# their ratio; the goal is at most 1.5×.
#   bench/bench-pdf.sh [BUILD] [DIR] [ROUNDS]
# DIR defaults to a folder of N copies of tests/data/*.pdf (N = 20).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
dir=${2:-}
rounds=${3:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$dir" ]; then
  dir=$tmp/pdfs
  mkdir -p "$dir"
  for i in $(seq 1 20); do
    for f in tests/data/*.pdf; do cp "$f" "$dir/$i-$(basename "$f")"; done
  done
fi
n=$(ls "$dir"/*.pdf | wc -l)
now () { date +%s.%N; }
best_check=999999 best_text=999999
for r in $(seq 1 "$rounds"); do
  t0=$(now)
  "$build/fiscalcheck" check --format json --no-narrative "$dir"/*.pdf >"$tmp/report.json" 2>/dev/null || true
  t1=$(now)
  for f in "$dir"/*.pdf; do pdftotext -bbox-layout "$f" "$tmp/out.html"; done
  t2=$(now)
  best_check=$(awk -v a="$t0" -v z="$t1" -v b="$best_check" 'BEGIN { d = z - a; print (d < b) ? d : b }')
  best_text=$(awk -v a="$t1" -v z="$t2" -v b="$best_text" 'BEGIN { d = z - a; print (d < b) ? d : b }')
done
awk -v n="$n" -v c="$best_check" -v t="$best_text" 'BEGIN {
  printf "%d PDFs, fastest of the rounds\n", n
  printf "fiscalcheck check:        %7.2f s (%.0f ms a PDF)\n", c, 1000 * c / n
  printf "pdftotext -bbox-layout:   %7.2f s (%.0f ms a PDF)\n", t, 1000 * t / n
  printf "ratio check / pdftotext:  %7.2f×\n", c / t
}'
