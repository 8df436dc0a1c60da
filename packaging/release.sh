#!/bin/sh
# release.sh OUTPUT.oxt SOURCE_ROOT AARCH64_BUILD DEST=SRC... — the release
# package: builds the aarch64 add-in library in AARCH64_BUILD (set up with
# packaging/cross/aarch64-linux-gnu.ini when it is not yet), checks both
# libraries with tests/check-portable.sh, packs the given files plus
# Linux_AARCH64/fiscalcheck.so with make-oxt.sh, checks the package holds
# both platforms, and writes OUTPUT.oxt.sha256 (sha256sum's format).
# Called by `meson compile -C build release` (the top-level meson.build).
set -eu
out=$1
src=$2
adir=$3
shift 3
case $out in /*) ;; *) out=$PWD/$out ;; esac

if [ ! -f "$adir/build.ninja" ]; then
  echo "release: setting up the aarch64 build in $adir" >&2
  meson setup --cross-file "$src/packaging/cross/aarch64-linux-gnu.ini" -Dtests=false -De2e=false \
    "$adir" "$src" >&2
fi
meson compile -C "$adir" addin/uno/fiscalcheck:shared_library >&2
alib=$adir/addin/uno/fiscalcheck.so

xlib=""
for pair in "$@"; do
  case $pair in Linux_X86_64/fiscalcheck.so=*) xlib=${pair#*=} ;; esac
done
[ -n "$xlib" ] || { echo "release: no Linux_X86_64/fiscalcheck.so given" >&2; exit 1; }
"$src/tests/check-portable.sh" "$xlib" X86-64 >&2
"$src/tests/check-portable.sh" "$alib" AArch64 >&2

rm -f "$out" "$out.sha256"
trap '[ -f "$out.sha256" ] || rm -f "$out"' EXIT  # no package without its checks
"$src/packaging/make-oxt.sh" "$out" "$@" "Linux_AARCH64/fiscalcheck.so=$alib"

# what the office will read: both platforms' entries and libraries
listing=$(unzip -Z1 "$out")
for f in Linux_X86_64/fiscalcheck.so Linux_X86_64/fiscalcheck.components \
         Linux_AARCH64/fiscalcheck.so Linux_AARCH64/fiscalcheck.components description.xml LICENSE; do
  echo "$listing" | grep -qx "$f" || { echo "release: $f missing from $out" >&2; exit 1; }
done
unzip -p "$out" META-INF/manifest.xml | grep -q 'platform=Linux_AARCH64"' || { echo "release: no aarch64 manifest entry" >&2; exit 1; }
platforms=$(unzip -p "$out" description.xml | sed -n 's/.*<platform value="\([^"]*\)".*/\1/p')
case ",$platforms," in *,linux_x86_64,*) ;; *) echo "release: description.xml platforms: $platforms" >&2; exit 1 ;; esac
case ",$platforms," in *,linux_aarch64,*) ;; *) echo "release: description.xml platforms: $platforms" >&2; exit 1 ;; esac

(cd "$(dirname "$out")" && sha256sum "$(basename "$out")" > "$(basename "$out").sha256")
echo "release: $out" >&2
cat "$out.sha256" >&2
