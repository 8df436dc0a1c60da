#!/bin/sh
# Runs every test: installs what is missing (and LibreOffice 25.2 from
# bookworm-backports into /opt/lo25: packaging/install-office-25.sh), builds,
# runs the unit and end-to-end tests (meson test: the end-to-end tests
# against Debian's LibreOffice 7.4), the end-to-end tests again against 25.2
# with the same build (meson test --setup office2; without e2e-campaign and
# valgrind), the window suite against 25.2 with its GUI on a virtual display
# (meson test --setup window: /opt/lo25-gui), then the engine's unit tests
# again under
# AddressSanitizer + UBSan, then each libFuzzer target for 30 seconds
# (clang, ASan + UBSan; bench/fuzz.sh runs one longer), then the aarch64
# build (cross-compiled, its unit tests and check-portable under qemu-user)
# and the release package of both platforms.  Ends with the line
# "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
packaging/install-deps.sh || exit 2
# a failure here is not fatal: the second office's tests fail and say why
packaging/install-office-25.sh || echo "install-office-25.sh failed: the e2e tests on LibreOffice 25.2 will fail" >&2
# the same with its GUI (the gen plugin) for the window suite
FC_LO25_GUI=1 packaging/install-office-25.sh /opt/lo25-gui || echo "install-office-25.sh (GUI) failed: the window tests will fail" >&2

setup () { # dir, options…
  dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >"$dir.setup.log" 2>&1
  else
    meson setup "$dir" "$@" >"$dir.setup.log" 2>&1
  fi || { cat "$dir.setup.log"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
}

setup build
meson compile -C build || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
# the valgrind suite (soffice under memcheck, minutes) runs on request:
# tests/valgrind/run.sh or meson test -C build --suite valgrind
meson test -C build --print-errorlogs --no-suite valgrind
status=$?
# the same .oxt and batch command against the second office
rm -f build/meson-logs/testlog-office2.json
meson test -C build --setup office2 --no-rebuild --print-errorlogs
[ $? -eq 0 ] || status=1
# what only a visible window can tell (a GUI 25.2 on a virtual display)
rm -f build/meson-logs/testlog-window.json
meson test -C build --setup window --no-rebuild --print-errorlogs
[ $? -eq 0 ] || status=1

setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -De2e=false
meson compile -C build-asan || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
meson test -C build-asan --suite unit --print-errorlogs
[ $? -eq 0 ] || status=1

# the fuzz targets: only they are built in this tree (clang, -Dfuzz=true)
CC=clang
export CC
setup build-fuzz -Dfuzz=true -De2e=false -Db_lundef=false
unset CC
meson compile -C build-fuzz fuzzers || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
meson test -C build-fuzz --suite fuzz --no-rebuild --print-errorlogs
[ $? -eq 0 ] || status=1

# aarch64 (packaging/cross/aarch64-linux-gnu.ini): the add-in and the
# engine's unit tests cross-built, run under qemu-user (the cross file's
# exe_wrapper); emulation is about 10x slower, hence the longer timeouts,
# meson's and Check's own per test case (CK_TIMEOUT_MULTIPLIER)
if [ -f build-aarch64/build.ninja ]; then
  setup build-aarch64 -De2e=false
else
  setup build-aarch64 --cross-file packaging/cross/aarch64-linux-gnu.ini -De2e=false
fi
meson compile -C build-aarch64 || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
CK_TIMEOUT_MULTIPLIER=8 meson test -C build-aarch64 --suite unit --print-errorlogs --timeout-multiplier 8
[ $? -eq 0 ] || status=1

# the release package (both libraries, checked by release.sh): one more result
if meson compile -C build release; then release=OK; else release=FAIL; status=1; fi
printf '{"name": "release", "result": "%s"}\n' "$release" >build/meson-logs/release.json

# one summary over the runs, from meson's machine-readable logs
python3 - build/meson-logs/testlog.json build/meson-logs/testlog-office2.json \
  build/meson-logs/testlog-window.json build-asan/meson-logs/testlog.json build-fuzz/meson-logs/testlog.json \
  build-aarch64/meson-logs/testlog.json build/meson-logs/release.json <<'PY'
import json, os, sys
passed = failed = 0
skipped = []
for path in sys.argv[1:]:
    if not os.path.exists(path):
        print('no test log %s: counted as one failure' % path)
        failed += 1
        continue
    with open(path, encoding='utf-8') as f:
        for line in f:
            test = json.loads(line)
            result = test.get('result')
            if result in ('OK', 'EXPECTEDFAIL'):
                passed += 1
            elif result == 'SKIP':
                skipped.append(test.get('name', '?'))
            else:
                failed += 1
if skipped:
    print('skipped: ' + ', '.join(skipped))
print('%d passed, %d failed, %d skipped' % (passed, failed, len(skipped)))
PY
exit $status
