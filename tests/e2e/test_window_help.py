#!/usr/bin/python3
"""What only a visible window can tell of the 帮助 / Help command: with a
window to see it, the command asks the system to open the installed HTML
help page in the UI language, and says so.

Usage: test_window_help.py BUILD/fiscalcheck.oxt

The system's opener is LibreOffice's SystemShellExecute, which runs
$DESKTOP_LAUNCH URL when that is set (shell/source/unix/exec/shellexec.cxx),
else xdg-open: the test sets DESKTOP_LAUNCH to a script that writes down
the URL it is given, so no browser starts.  Needs an office that can open
a window: `meson test --setup window` (see docs/offices.md).
"""

import os
import shutil
import stat
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fcoffice import SUCCESS, Office, check, summary  # noqa: E402
from xdisplay import Dispatch, VirtualDisplay  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXTENSION_ID = 'org.fiscalcheck.FiscalCheck'


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    oxt = os.path.abspath(argv[1])
    tmp = tempfile.mkdtemp(prefix='fc-window-help-')
    os.chmod(tmp, 0o777)    # the office may run as nobody
    launched = os.path.join(tmp, 'launched')
    opener = os.path.join(tmp, 'opener.sh')
    with open(opener, 'w') as f:
        f.write('#!/bin/sh\nprintf "%%s\\n" "$@" >> %s\n' % launched)
    os.chmod(opener, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    os.environ.update(SAL_USE_VCLPLUGIN='gen', DESKTOP_LAUNCH=opener)
    try:
        return run(oxt, launched)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(oxt, launched):
    with VirtualDisplay() as display, \
            Office(oxt=oxt, soffice=os.path.join(HERE, 'soffice-xvfb.sh'),
                   ui_locale='zh-CN') as office:
        location = office.ctx.getValueByName(
            '/singletons/com.sun.star.deployment.PackageInformationProvider'
        ).getPackageLocation(EXTENSION_ID)
        doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0, ())
        frame = doc.getCurrentController().getFrame()
        check(frame.getContainerWindow().isVisible(), 'the workbook has a visible window')
        helper = office.smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper',
                                                       office.ctx)
        job = Dispatch(helper, frame, 'Help')
        job.start()
        job.join(60)
        if job.is_alive():      # a box it shows (a failure) waits for an answer
            box = display.wait_box()
            if box is not None:
                display.key(box, 'Return')
            job.join(30)
        check(not job.is_alive() and job.result is not None and job.result.State == SUCCESS,
              'Help succeeds with a window, without a box (%r)'
              % (job.result and job.result.Result))
        message = job.result.Result if job.result is not None else ''
        check('已打开帮助' in message and 'Opened the help' in message,
              'it says it opened the help (%r)' % message)
        for _ in range(50):
            if os.path.exists(launched):
                break
            time.sleep(0.2)
        urls = open(launched).read().split() if os.path.exists(launched) else []
        expected = location.rstrip('/') + '/help-html/zh-CN/index.html'
        check(urls == [expected], 'the system was asked to open %s (%r)' % (expected, urls))
        doc.close(True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
