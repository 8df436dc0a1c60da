#!/bin/sh
# bench-check.sh [N] [JOBS] — how much `fiscalcheck check` costs over plain
# LibreOffice: times it over N copies of the sample workbook against
# `soffice --headless --convert-to csv` of the same files with the same
# number of office processes (each with its own private profile), and
# prints both and the ratio.
#
# Each side gets fresh profiles made for the run (never the user's cache).
# "cold" includes creating them (for fiscalcheck also installing the .oxt);
# "warm" is a second run on the same profiles, the steady state.
#
# Environment: BUILD (default ./build) holds fiscalcheck and
# ods-templates/sample.ods; SOFFICE (default soffice).
set -eu

N=${1:-50}
JOBS=${2:-$(nproc)}
BUILD=${BUILD:-build}
SOFFICE=${SOFFICE:-soffice}
FC=$(cd "$BUILD" && pwd)/fiscalcheck
SAMPLE=$BUILD/ods-templates/sample.ods

[ -x "$FC" ] || { echo "no $FC: build first (meson compile -C $BUILD)" >&2; exit 2; }
[ -f "$SAMPLE" ] || { echo "no $SAMPLE" >&2; exit 2; }

work=$(mktemp -d /tmp/fc-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir "$work/files" "$work/csv" "$work/profiles"
i=1
while [ "$i" -le "$N" ]; do
  cp "$SAMPLE" "$work/files/sample-$i.ods"
  i=$((i + 1))
done
chmod -R a+rX "$work/files"

# As root, LibreOffice runs as nobody (as fiscalcheck does): same for both.
if [ "$(id -u)" = 0 ]; then
  AS="setpriv --reuid=nobody --regid=nogroup --clear-groups"
  chown -R nobody:nogroup "$work/csv" "$work/profiles"
else
  AS=""
fi

now() { date +%s.%N; }

# soffice --convert-to csv over all files, JOBS processes side by side
# (round robin, as fiscalcheck splits them).
run_csv() {
  rm -f "$work/csv"/*
  pids=""
  j=0
  while [ "$j" -lt "$JOBS" ]; do
    set --
    k=0
    for f in "$work"/files/*.ods; do
      [ $((k % JOBS)) -eq "$j" ] && set -- "$@" "$f"
      k=$((k + 1))
    done
    if [ "$#" -gt 0 ]; then
      HOME="$work/profiles" $AS "$SOFFICE" --headless --norestore \
        "-env:UserInstallation=file://$work/profiles/csv-$j" \
        --convert-to csv --outdir "$work/csv" "$@" >/dev/null 2>&1 &
      pids="$pids $!"
    fi
    j=$((j + 1))
  done
  for p in $pids; do wait "$p"; done
  got=$(ls "$work/csv" | wc -l)
  [ "$got" -eq "$N" ] || { echo "csv: only $got of $N outputs" >&2; exit 1; }
}

run_fc() {
  FISCALCHECK_CACHE_DIR="$work/fc-cache" "$FC" check --format json --jobs "$JOBS" \
    "$work"/files/*.ods > "$work/fc.json" || [ $? -eq 1 ]
  got=$(grep -c '"summary"' "$work/fc.json" || true)
  [ "$got" -eq "$N" ] || { echo "fiscalcheck: only $got of $N workbooks checked" >&2; exit 1; }
}

# The same with a marked copy of each workbook (warm profiles only).
run_fc_marked() {
  rm -rf "$work/marked"
  FISCALCHECK_CACHE_DIR="$work/fc-cache" "$FC" check --format json --jobs "$JOBS" \
    --marked-dir "$work/marked" "$work"/files/*.ods > "$work/fc.json" || [ $? -eq 1 ]
  got=$(ls "$work/marked" | wc -l)
  [ "$got" -eq "$N" ] || { echo "fiscalcheck --marked-dir: only $got of $N copies" >&2; exit 1; }
}

timed() {
  t0=$(now)
  "$@"
  t1=$(now)
  echo "$t1 - $t0" | bc
}

csv_cold=$(timed run_csv)
csv_warm=$(timed run_csv)
fc_cold=$(timed run_fc)
fc_warm=$(timed run_fc)
fc_marked=$(timed run_fc_marked)

printf 'files %d, office processes %d\n' "$N" "$JOBS"
printf '%-34s %8s %8s\n' '' cold warm
printf '%-34s %8.2f %8.2f s\n' 'soffice --convert-to csv' "$csv_cold" "$csv_warm"
printf '%-34s %8.2f %8.2f s\n' 'fiscalcheck check --format json' "$fc_cold" "$fc_warm"
printf '%-34s %8s %8.2f s\n' '… --marked-dir DIR' '' "$fc_marked"
printf '%-34s %8.2f %8.2f x\n' 'ratio fiscalcheck / csv' \
  "$(echo "$fc_cold / $csv_cold" | bc -l)" "$(echo "$fc_warm / $csv_warm" | bc -l)"
