#!/bin/sh
# The mangled-workbook campaign in one command: derives COUNT workbooks from
# the sample and the real Shanghai package (generate.py), runs them through
# `fiscalcheck check` and one office's FISCALCHECK(), Validate and ClearMarks
# (run.py) with the mangled PDFs (generate_pdf.py), prints the tables; exit 1 unless every goal is 0.
#   tests/campaign/campaign.sh [BUILD_DIR [COUNT [JOBS]]]   (default build 1040 2)
# The files stay in BUILD_DIR/campaign-COUNT/ with manifest.json (what was
# done to each) and results.json (every problem).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
count=${2:-1040}
jobs=${3:-2}
# the real package, as published (tests/data holds a copy)
real=${FC_CAMPAIGN_REAL:-$root/tests/data/putuo_ghzy_2024.xlsx}
out=$build/campaign-$count
/usr/bin/python3 "$here/generate.py" "$out" "$count" "$build/ods-templates/sample.ods" "$real" >&2
# and the mangled PDFs (truncated, broken xref, encrypted, 2,000 pages, no
# text layer, huge fonts, 100,000 cells), checked one process each
/usr/bin/python3 "$here/generate_pdf.py" "$out" "$root/tests/data" >&2
exec /usr/bin/python3 "$here/run.py" "$build" "$out" "$jobs"
