#!/bin/sh
# tests/valgrind/run.sh — the end-to-end paths with soffice under valgrind
# memcheck, and a summary of what it found in our code (fiscalcheck.so).
#
#   tests/valgrind/run.sh [BUILD_DIR] [PART...]     (BUILD_DIR default: build)
#
# PARTs (default: all of them, one office each, in this order):
#   addin    tests/e2e/test_addin.py    =FISCALCHECK() live, the function
#            wizard (en-US, zh-CN), users' rule folders (three offices)
#   marks    tests/e2e/test_marks.py    Validate / NextFinding / ClearMarks
#            dispatched like a menu click, undo and redo, save and reload,
#            refusals
#   filter   tests/valgrind/filter_path.py  the 'FiscalCheck Report' export
#            filter (what `fiscalcheck check` runs), with options
#   hostile  tests/e2e/test_hostile.py  hostile workbooks (slow: minutes)
#   live     tests/e2e/test_live.py     20 live cells, a paste, deleting them
#            (the ten tables alone; not in the default run)
#   load     tests/e2e/test_load.py     stale .xlsx/.xls/.ods opened fresh
#            (the load job; not in the default run)
#
# How: FC_VALGRIND=1 makes tests/e2e/fcoffice.py start soffice.bin under
#   valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite
#            --suppressions=tests/valgrind/lo.supp --xml=yes …
# (see its docstring), with every timeout ×20.  Logs go to
# $FC_VALGRIND_LOGDIR (default BUILD_DIR/valgrind), one vg.<pid>.xml per
# office process; tests/valgrind/summary.py then prints each error whose
# stack touches fiscalcheck.so with its stack, and counts the rest
# (LibreOffice's own noise that lo.supp does not cover yet; `summary.py
# --all --supp new.supp LOGDIR` shows them and writes suppressions to
# review).
#
# Exit status: 0 when the tests passed and valgrind found nothing in our
# code; 1 otherwise.  On 2 cores a full run takes about 11 minutes (addin
# 1.5, marks 2, filter 0.5, hostile 7.5); it is not part of run-all.sh.
# `meson test -C BUILD --suite valgrind` runs the marks and filter parts
# (about 2.5 minutes).
set -u
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
parts=${*:-addin marks filter hostile}
oxt=$build/fiscalcheck.oxt
# the ten tables alone, as the e2e tests of the add-in and the glue read them
# (the whole sample has narrative errors by design)
sample=$build/ods-templates/sample-tables.ods
for f in "$oxt" "$sample"; do
  [ -f "$f" ] || { echo "run.sh: no $f: build first (meson setup $build && ninja -C $build)"; exit 1; }
done
command -v valgrind >/dev/null || { echo "run.sh: valgrind is not installed"; exit 1; }

logdir=${FC_VALGRIND_LOGDIR:-$build/valgrind}
case $logdir in /*) ;; *) logdir=$root/$logdir ;; esac
rm -rf "$logdir"
mkdir -p "$logdir"
export FC_VALGRIND=1 FC_VALGRIND_LOGDIR="$logdir" PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$root/tests/e2e"

status=0
start=$(date +%s)
for part in $parts; do
  case $part in
    addin)   cmd="tests/e2e/test_addin.py $oxt $sample" ;;
    marks)   cmd="tests/e2e/test_marks.py $oxt $sample" ;;
    filter)  cmd="tests/valgrind/filter_path.py $oxt $sample" ;;
    hostile) cmd="tests/e2e/test_hostile.py $oxt $sample" ;;
    live)    cmd="tests/e2e/test_live.py $oxt $sample" ;;
    load)    cmd="tests/e2e/test_load.py $oxt $sample" ;;
    *) echo "run.sh: unknown part $part"; exit 1 ;;
  esac
  t0=$(date +%s)
  echo "=== $part under valgrind"
  # shellcheck disable=SC2086
  /usr/bin/python3 $cmd >"$logdir/$part.out" 2>&1
  rc=$?
  grep -E '^(FAIL|ok )|failure|passed' "$logdir/$part.out" | grep -v '^ok ' | tail -5
  echo "=== $part: exit $rc, $(( $(date +%s) - t0 ))s (output in $logdir/$part.out)"
  [ $rc -eq 0 ] || status=1
done
# forked helpers leave empty text logs
find "$logdir" -name 'vg.*.log' -empty -delete
echo "=== valgrind, $(( $(date +%s) - start ))s in all"
/usr/bin/python3 tests/valgrind/summary.py "$logdir" || status=1
exit $status
