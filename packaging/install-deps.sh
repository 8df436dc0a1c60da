#!/bin/sh
# Installs the Debian 12 packages FiscalCheck needs to build, run and test
# (clang and its runtime for the fuzz targets: tests/run-all.sh, bench/fuzz.sh;
# poppler-glib for the PDF reader, poppler-utils for bench/bench-pdf.sh;
# the aarch64 cross toolchain, arm64 -dev packages and qemu-user for the
# aarch64 add-in and its unit tests: packaging/cross/aarch64-linux-gnu.ini;
# Xvfb and xdotool for the tests only a window can tell: tests/e2e/xdisplay.py;
# two CJK fonts, as finance offices have, for e2e-pdf: LibreOffice lays its
# PDFs out by the font's metrics, and the reader must read them with each).
# Does nothing when they are all there; needs root (or sudo) otherwise.
set -eu
packages="gcc meson ninja-build pkg-config zip unzip python3 binutils
libglib2.0-dev libpcre2-dev libjson-glib-dev check libpoppler-glib-dev poppler-utils
libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-dev libreoffice-dev-common python3-uno
libreoffice-l10n-zh-cn fonts-droid-fallback fonts-wqy-zenhei
clang libclang-rt-14-dev locales
xvfb xdotool
gcc-aarch64-linux-gnu qemu-user
libglib2.0-dev:arm64 libpcre2-dev:arm64 libjson-glib-dev:arm64 check:arm64"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# the :arm64 packages need the architecture (dpkg --add-architecture is idempotent)
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $SUDO dpkg --add-architecture arm64
  $SUDO apt-get update -q >&2
fi
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >&2
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing >&2
fi
# a comma-decimal locale for test-glue's formatting under LC_NUMERIC
# (the locales package holds the sources; localedef makes it)
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  $SUDO localedef -i de_DE -c -f UTF-8 de_DE.UTF-8 >&2 || echo "no de_DE.UTF-8 locale: test-glue skips that assertion" >&2
fi
# The URE's libuno_sal.so.3 / libuno_cppu.so.3 for arm64, to link the
# aarch64 add-in against: unpacked into a private folder (installing them
# would replace the amd64 office's own), with the -l names the linker wants.
ure_arm64=/opt/fiscalcheck/ure-arm64
if [ ! -e "$ure_arm64/lib/libuno_sal.so" ] || [ ! -e "$ure_arm64/lib/libuno_cppu.so" ]; then
  work=$(mktemp -d)
  (cd "$work" && apt-get download libuno-sal3:arm64 libuno-cppu3:arm64) >&2 2>/dev/null ||
    { $SUDO apt-get update -q >&2 && (cd "$work" && apt-get download libuno-sal3:arm64 libuno-cppu3:arm64) >&2; }
  $SUDO mkdir -p "$ure_arm64/lib"
  for deb in "$work"/*.deb; do $SUDO dpkg -x "$deb" "$ure_arm64"; done
  $SUDO ln -sf ../usr/lib/libreoffice/program/libuno_sal.so.3 "$ure_arm64/lib/libuno_sal.so"
  $SUDO ln -sf ../usr/lib/libreoffice/program/libuno_cppu.so.3 "$ure_arm64/lib/libuno_cppu.so"
  rm -rf "$work"
fi
