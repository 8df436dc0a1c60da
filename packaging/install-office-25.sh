#!/bin/sh
# Unpacks LibreOffice 25.2 from Debian's bookworm-backports into a private
# prefix (default /opt/lo25) beside the system's 7.4, which stays as it is:
# tests/run-all.sh runs the end-to-end suite against both.  Idempotent: does
# nothing when the prefix already holds the office (its stamp file).
#
#   packaging/install-office-25.sh [PREFIX]
#   $PREFIX/usr/lib/libreoffice/program/soffice   the office it installs
#
# FC_LO25_GUI=1 unpacks the packages with a window (libreoffice-calc,
# -writer: the gen VCL plugin) instead of the -nogui ones, for
# tests/e2e/screenshots.py, e.g. into /opt/lo25-gui.  The tests need none.
#
# How: a private apt state (the machine's own Debian sources, plus
# bookworm-backports on the same host) resolves the 25.2 packages against
# what dpkg has installed — the LibreOffice packages and whatever the
# system lacks for them — `apt-get download`s them and `dpkg -x`es them into
# the prefix.  Nothing is installed into the system and the system's apt
# sources are not changed.  The unpacked tree then gets what the packages'
# scripts or absolute paths would have given it: main.xcd where the registry
# expects it, absolute symlinks and bootstrap files pointing into the prefix,
# and libraries the system lacks beside the office's (its RUNPATH is $ORIGIN).
# Needs root (or sudo) for the prefix; about 80 MB download, 250 MB unpacked.
set -eu

PREFIX=${1:-${FC_LO25_PREFIX:-/opt/lo25}}
SUITE=bookworm-backports
# what soffice needs for Calc, Writer (the .docx/.odt narratives), the
# zh-CN UI, and the office's side of pyuno
ROOTS="libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-l10n-zh-cn python3-uno"
CORE=libreoffice-core-nogui
if [ "${FC_LO25_GUI:-0}" = 1 ]; then
  ROOTS="libreoffice-calc libreoffice-writer libreoffice-l10n-zh-cn python3-uno"
  CORE=libreoffice-core
fi
PROGRAM=$PREFIX/usr/lib/libreoffice/program
STAMP=$PREFIX/.fiscalcheck-office

if [ -f "$STAMP" ] && [ -x "$PROGRAM/soffice.bin" ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
if [ -n "$SUDO" ]; then
  # the rest runs as root: the prefix is under /opt
  exec sudo -E "$0" "$PREFIX"
fi

start=$(date +%s)
work=$(mktemp -d /var/tmp/fc-lo25.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/sources.list.d" \
  "$work/preferences.d" "$work/debs"
touch "$work/sources.list"

# the machine's Debian sources (deb822 or one-line), and backports on the
# host its main archive comes from
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  if [ -f "$f" ]; then cp "$f" "$work/sources.list.d/$(basename "$f")"; fi
done
if [ -f "$work/sources.list.d/sources.list" ]; then
  mv "$work/sources.list.d/sources.list" "$work/sources.list.d/main.list"
fi
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
  grep -v '^[[:space:]]*#' | grep -o -E 'https?://[^ ]*/debian/?( |$)' | grep -v security | head -n 1 | tr -d ' ')
mirror=${mirror:-http://deb.debian.org/debian}
echo "deb ${mirror%/} $SUITE main" >"$work/sources.list.d/fc-backports.list"
signed=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$signed" ] && sed -i "s|^deb |deb [signed-by=$signed] |" "$work/sources.list.d/fc-backports.list"

apt_private () {
  apt-get -q \
    -o Dir::Etc::SourceList="$work/sources.list" \
    -o Dir::Etc::SourceParts="$work/sources.list.d" \
    -o Dir::Etc::Preferences="$work/preferences" \
    -o Dir::Etc::PreferencesParts="$work/preferences.d" \
    -o Dir::State::Lists="$work/lists" \
    -o Dir::Cache="$work/cache" \
    -o Debug::NoLocking=1 \
    -o APT::Sandbox::User=root \
    -o Dir::State::status="$work/status" \
    -o APT::Architectures::=amd64 \
    "$@"
}

# what dpkg has installed (or unpacked: another apt run may be under way),
# native packages only: the resolution does not depend on a foreign
# architecture's half-done install
awk -v RS= -v ORS='\n\n' '/\nStatus: install ok (installed|unpacked|half-configured|triggers-awaited|triggers-pending)\n/ && /\nArchitecture: (amd64|all)\n/' \
  /var/lib/dpkg/status >"$work/status"

echo "install-office-25: $SUITE from $mirror into $PREFIX" >&2
# an index that fails to download (a mirror mid-sync) is not fatal here:
# the plan below says whether what is needed was there
apt_private update >&2 || echo "install-office-25: apt-get update reported errors" >&2
# "Inst NAME [OLD] (VERSION Suite [arch])": every package apt would have to
# install or upgrade for the 25.2 roots on this system
apt_private install -s --no-install-recommends -t "$SUITE" $ROOTS >"$work/plan" 2>&1 || {
  cat "$work/plan" >&2; exit 1; }
awk '/^Inst /{v=$3; if (v ~ /^\[/) v=$4; sub(/^\(/, "", v); print $2 "=" v}' "$work/plan" >"$work/packages"
grep -q "^$CORE=4:25\\." "$work/packages" || {
  echo "install-office-25: $SUITE offers no LibreOffice 25 (or it is the system's own):" >&2
  cat "$work/plan" >&2; exit 1; }
(cd "$work/debs" && apt_private download $(cat "$work/packages") >&2)
fetched=$(date +%s)

rm -rf "$PREFIX.new"
mkdir -p "$PREFIX.new"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$PREFIX.new"
done
new=$PREFIX.new
prog=$new/usr/lib/libreoffice/program

# libreoffice-common's postinst puts main.xcd under /etc (ucf)
mkdir -p "$new/etc/libreoffice/registry"
cp "$new/usr/lib/libreoffice/share/.registry/main.xcd" "$new/etc/libreoffice/registry/main.xcd"
# absolute symlinks (main.xcd, psprint.conf, the shared extension cache…)
# would reach the system's 7.4: point them into the prefix
find "$new" -type l -lname '/*' | while read -r link; do
  ln -sfn "$PREFIX$(readlink "$link")" "$link"
done
mkdir -p "$new/var/lib/libreoffice/share/prereg/bundled" "$new/var/spool/libreoffice/uno_packages/cache"
# bootstrap files naming /usr/lib/libreoffice or /etc/libreoffice
sed -i "s|^BRAND_BASE_DIR=file:///usr/lib/libreoffice\$|BRAND_BASE_DIR=file://$PREFIX/usr/lib/libreoffice|" "$prog/fundamentalrc"
sed -i "s|^FHS_CONFIG_FILE=file:///etc/libreoffice/|FHS_CONFIG_FILE=file://$PREFIX/etc/libreoffice/|" "$prog/sofficerc"
sed -i "s|^export PYTHONPATH=\"/usr/lib/libreoffice/program\"|export PYTHONPATH=\"$PREFIX/usr/lib/libreoffice/program\"|" "$prog/unopkg"
# python3-uno's uno.py puts /usr/lib/libreoffice/program on sys.path and
# bootstraps from its fundamentalrc: the system's 7.4, whose types cannot
# follow a 25.2 office.  With PYTHONPATH=$PREFIX/usr/lib/python3/dist-packages
# a script drives this office with its own pyuno (tests/meson.build, office2)
sed -i "s|/usr/lib/libreoffice/program|$PREFIX/usr/lib/libreoffice/program|g" \
  "$new/usr/lib/python3/dist-packages/uno.py"
# libraries the system lacks (libzxcvbn0…): beside the office's, where
# their users' RUNPATH ($ORIGIN) finds them
for lib in "$new"/usr/lib/x86_64-linux-gnu/*.so.* "$new"/usr/lib/*-linux-gnu/*.so.*; do
  [ -e "$lib" ] || continue
  name=$(basename "$lib")
  [ -e "$prog/$name" ] || ln -s "$(realpath --relative-to="$prog" "$lib")" "$prog/$name"
done
if grep -q -E 'file:///(usr/lib|etc)/libreoffice' "$prog/fundamentalrc" "$prog/sofficerc" ||
   grep -q "'/usr/lib/libreoffice" "$new/usr/lib/python3/dist-packages/uno.py"; then
  echo "install-office-25: bootstrap files still name the system's office" >&2; exit 1
fi

cp "$work/packages" "$new/.fiscalcheck-packages"
rm -rf "$PREFIX"
mv "$new" "$PREFIX"
# the paths written above name $PREFIX, where the tree is now
version=$(HOME="$work" "$PROGRAM/soffice" --headless --version 2>/dev/null | head -n 1) || true
case "$version" in
  "LibreOffice 25."*) ;;
  *) echo "install-office-25: $PROGRAM/soffice --version said: $version" >&2; exit 1 ;;
esac
echo "$version" >"$STAMP"
end=$(date +%s)
echo "install-office-25: $version in $PREFIX ($(wc -l <"$work/packages") packages, $(du -sh "$work/debs" | cut -f1) downloaded in $((fetched - start)) s, ready in $((end - start)) s)" >&2
