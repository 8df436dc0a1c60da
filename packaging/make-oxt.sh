#!/bin/sh
# make-oxt.sh OUTPUT DEST=SRC... — zips the given files, each stored at
# DEST inside the archive, into the extension package OUTPUT.
#
# The add-in's library goes in one folder per platform, named with the
# office's platform token ($_OS_$_ARCH: Linux_X86_64, Linux_AARCH64), each
# beside a copy of fiscalcheck.components.  For every PLATFORM/
# fiscalcheck.components packed, this script adds the manifest entry
# (media type …uno-components;platform=PLATFORM) in place of the marker
# line in META-INF/manifest.xml, and writes the platforms' lower-case
# names (linux_x86_64,linux_aarch64) for FC_PLATFORMS in description.xml,
# so one .oxt serves every platform it carries.
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

entries=""
platforms=""
for components in "$stage"/*/fiscalcheck.components; do
  [ -f "$components" ] || continue
  platform=$(basename "$(dirname "$components")")
  entries="$entries${entries:+\\
}  <manifest:file-entry manifest:full-path=\"$platform/fiscalcheck.components\"\\
                       manifest:media-type=\"application/vnd.sun.star.uno-components;platform=$platform\"/>"
  lower=$(echo "$platform" | tr 'A-Z' 'a-z')
  platforms=${platforms:+$platforms,}$lower
done
[ -n "$platforms" ] || { echo "make-oxt.sh: no PLATFORM/fiscalcheck.components given" >&2; exit 1; }
manifest=$stage/META-INF/manifest.xml
grep -q '<!-- FC_COMPONENTS -->' "$manifest" || { echo "make-oxt.sh: no FC_COMPONENTS marker in the manifest" >&2; exit 1; }
sed -i "/<!-- FC_COMPONENTS -->/c\\
$entries" "$manifest"
sed -i "s/FC_PLATFORMS/$platforms/" "$stage/description.xml"

rm -f "$out.tmp"
# -X: no extra attributes, so the package is reproducible; mimetype-free like any .oxt
(cd "$stage" && zip -q -X -r "$out.tmp" .)
mv "$out.tmp" "$out"
