#!/bin/sh
# Installs the Debian 12 packages FiscalCheck needs to build, run and test
# (clang and its runtime for the fuzz targets: tests/run-all.sh, bench/fuzz.sh;
# poppler-glib for the PDF reader, poppler-utils for bench/bench-pdf.sh).
# Does nothing when they are all there; needs root (or sudo) otherwise.
set -eu
packages="gcc meson ninja-build pkg-config zip unzip python3
libglib2.0-dev libjson-glib-dev check libpoppler-glib-dev poppler-utils
libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-dev libreoffice-dev-common python3-uno
libreoffice-l10n-zh-cn
clang libclang-rt-14-dev locales"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
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
