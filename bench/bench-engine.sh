#!/bin/sh
# Times the engine alone (no LibreOffice): recognition + every rule, on the
# sample and on synthetic packages with large code tables.
#   bench/bench-engine.sh [BUILD_DIR] [ROUNDS] [CASE]   (CASE: sample, 200, 1000, 3000, clean, tall)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
ninja -C "$build" bench/bench-engine >/dev/null
exec "$build/bench/bench-engine" "$top/addin/rules" "$top/ods-templates/sample.fods" "${2:-50}" ${3:+"$3"}
