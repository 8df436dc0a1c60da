#!/bin/sh
# check-portable.sh LIBRARY [MACHINE] — fails unless the add-in library
# LIBRARY can load on any Linux with glibc 2.28 or later and a LibreOffice:
#   - NEEDED only libc, libm, libdl, libpthread, librt and the URE's
#     libuno_sal.so.3 / libuno_cppu.so.3 (GLib is linked in); on aarch64
#     also glibc's dynamic loader, ld-linux-aarch64.so.1, which holds the
#     stack protector's __stack_chk_guard there (the URE's own libraries
#     need it too; it is in every process);
#   - no glibc symbol version above GLIBC_2.28, nor GLIBC_PRIVATE or a
#     GLIBC_ABI_* marker (DT_RELR needs 2.36);
#   - only the two component entry points exported (GLib's own symbols
#     stay inside);
#   - MACHINE, when given, is readelf's "Machine:" (e.g. AArch64).
# Prints what it read, then "ok" or each problem.
set -u
lib=$1
machine=${2:-}
max_minor=28
status=0
fail () { echo "FAIL: $*"; status=1; }

[ -f "$lib" ] || { echo "FAIL: no such file $lib"; exit 1; }
command -v readelf >/dev/null || { echo "FAIL: readelf not found (binutils)"; exit 1; }

if [ -n "$machine" ]; then
  got=$(readelf -h "$lib" | sed -n 's/^ *Machine: *//p')
  echo "machine: $got"
  case $got in *"$machine"*) ;; *) fail "machine is '$got', expected $machine" ;; esac
fi

needed=$(readelf -d -W "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "NEEDED: $(echo $needed)"
for n in $needed; do
  case $n in
    libc.so.6|libm.so.6|libdl.so.2|libpthread.so.0|librt.so.1|libuno_sal.so.3|libuno_cppu.so.3) ;;
    ld-linux-aarch64.so.1)
      [ "$(readelf -h "$lib" | sed -n 's/^ *Machine: *//p')" = AArch64 ] || fail "NEEDED $n on a library not for AArch64" ;;
    *) fail "NEEDED $n is not allowed" ;;
  esac
done

# every version the library asks of glibc (the .gnu.version_r section)
versions=$(readelf -V -W "$lib" | sed -n 's/.*Name: \(GLIBC_[A-Za-z0-9_.]*\).*/\1/p' | sort -u)
[ -n "$versions" ] || fail "no GLIBC_ version needs found: not a glibc library?"
newest=""
for v in $versions; do
  case $v in
    GLIBC_2.*)
      minor=$(echo "$v" | sed -n 's/^GLIBC_2\.\([0-9]*\).*/\1/p')
      if [ -z "$minor" ]; then
        fail "unexpected version $v"
      elif [ "$minor" -gt "$max_minor" ]; then
        fail "$v is newer than GLIBC_2.$max_minor: $(readelf --dyn-syms -W "$lib" | grep -o "[A-Za-z0-9_]*@$v\b" | sort -u | tr '\n' ' ')"
      fi ;;
    *) fail "$v is not allowed: $(readelf --dyn-syms -W "$lib" | grep -o "[A-Za-z0-9_]*@$v\b" | sort -u | tr '\n' ' ')" ;;
  esac
done
newest=$(echo "$versions" | grep '^GLIBC_2\.' | sort -t. -k2,2n -k3,3n | tail -1)
echo "newest glibc version: $newest"

# defined, exported symbols (column 7 is the section index; UND = undefined)
exported=$(readelf --dyn-syms -W "$lib" | awk '$5 == "GLOBAL" || $5 == "WEAK" { if ($7 != "UND") print $8 }' | sed 's/@.*//' | sort -u)
echo "exported: $(echo $exported)"
for s in $exported; do
  case $s in
    component_getImplementationEnvironment|component_getFactory) ;;
    *) fail "exports $s" ;;
  esac
done

[ $status -eq 0 ] && echo ok
exit $status
