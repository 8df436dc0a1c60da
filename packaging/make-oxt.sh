#!/bin/sh
# make-oxt.sh OUTPUT DEST=SRC... — zips the given files, each stored at
# DEST inside the archive, into the extension package OUTPUT.
set -eu
out=$1
shift
case $out in /*) ;; *) out=$PWD/$out ;; esac
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
for pair in "$@"; do
  dest=${pair%%=*}
  src=${pair#*=}
  mkdir -p "$stage/$(dirname "$dest")"
  cp "$src" "$stage/$dest"
done
rm -f "$out.tmp"
# -X: no extra attributes, so the package is reproducible; mimetype-free like any .oxt
(cd "$stage" && zip -q -X -r "$out.tmp" .)
mv "$out.tmp" "$out"
