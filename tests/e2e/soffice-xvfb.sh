#!/bin/bash
# soffice on a virtual X display (Xvfb), for the tests that need what only a
# visible window has — an active view, e.g. to undo a sheet insertion, which
# LibreOffice 7.4 does through the active view shell.  Takes soffice's
# arguments and drops --headless / --invisible.  With FC_DISPLAY set, uses
# that display (e.g. an Xvfb you started, to take screenshots) instead.
# The office is $FC_OFFICE_PROGRAM's soffice (the test setups set it), else
# soffice on PATH.
soffice=${FC_OFFICE_PROGRAM:+$FC_OFFICE_PROGRAM/}soffice
args=()
for a in "$@"; do
  case $a in
    --headless|--invisible) ;;
    *) args+=("$a") ;;
  esac
done
if [ -n "$FC_DISPLAY" ]; then
  DISPLAY=$FC_DISPLAY exec "$soffice" "${args[@]}"
fi
exec xvfb-run -a -s "-screen 0 ${FC_XVFB_SCREEN:-1280x800x24}" "$soffice" "${args[@]}"
