#!/usr/bin/python3
"""What only a visible window can tell, in an office with a GUI on a
virtual display (tests/e2e/xdisplay.py): Validate's summary box is shown
and waits for the user, Return goes to the first error, No opens the
审核结果 sheet, and the shortcut key of 下一处问题 works when pressed.

Usage: test_window.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods

Needs an office that can open a window ($FC_OFFICE_PROGRAM; the -nogui
packages cannot): `meson test --setup window` runs it against the one
packaging/install-office-25.sh unpacks with FC_LO25_GUI=1.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fcoffice import SUCCESS, Office, check, summary  # noqa: E402
from xdisplay import Dispatch, VirtualDisplay  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TOTAL = '收入支出决算总表'


def selection(doc):
    """(sheet name, column, row) of the selected cell."""
    controller = doc.getCurrentController()
    address = controller.getSelection().getRangeAddress()
    return (controller.getActiveSheet().getName(), address.StartColumn, address.StartRow)


def validate_and_answer(display, helper, frame, key, label):
    job = Dispatch(helper, frame, 'Validate')
    job.start()
    box = display.wait_box()
    check(box is not None and job.is_alive(),
          '%s: Validate shows its summary box and waits for the answer' % label)
    if box is None:
        job.join(60)
        return False
    display.key(box, key)
    job.join(60)
    check(not job.is_alive() and job.result is not None and job.result.State == SUCCESS,
          '%s: the answer ends Validate (%r)' % (label, job.result and job.result.Result))
    return not job.is_alive()


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = argv[1], argv[2]
    os.environ.update(SAL_USE_VCLPLUGIN='gen', LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8')
    with VirtualDisplay() as display, \
            Office(oxt=oxt, soffice=os.path.join(HERE, 'soffice-xvfb.sh')) as office:
        doc = office.load(sample, copy=True, Hidden=False)
        sheet = doc.Sheets.getByName(TOTAL)
        sheet.getCellRangeByName('C36').Value = 634.48   # 本年收入合计 off by 0.10
        frame = doc.getCurrentController().getFrame()
        helper = office.smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper',
                                                       office.ctx)
        time.sleep(2)
        check(display.main_window() is not None, 'the workbook has a window')

        if validate_and_answer(display, helper, frame, 'Return', 'Return'):
            check(selection(doc) == (TOTAL, 2, 35),
                  'Return (是) selects the first error, %s!C36 (%r)' % (TOTAL, selection(doc)))

        # the real key press: Alt+Shift+F12 is 下一处问题 (Accelerators.xcu)
        display.key(display.main_window(), 'alt+shift+F12')
        time.sleep(1)
        check(selection(doc) == (TOTAL, 2, 36),
              'Alt+Shift+F12 moves to the next finding, C37 (%r)' % (selection(doc),))

        if validate_and_answer(display, helper, frame, 'alt+n', 'No'):
            check(selection(doc)[0] == '审核结果',
                  '否 opens the 审核结果 sheet (%r)' % (selection(doc),))
        office.close(doc)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
