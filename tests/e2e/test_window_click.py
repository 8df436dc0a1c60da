#!/usr/bin/python3
"""The 审核结果 sheet's links under a real mouse, in an office with a GUI on
a virtual display (tests/e2e/xdisplay.py; e2e-report-click drives the same
handler through its interface, headless): after Validate, one click on a
link cell selects the finding's cell on its sheet, a double-click on
another cell of a finding's row selects that finding's first cell, and a
click elsewhere on the report is Calc's as ever.

Usage: test_window_click.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample-tables.ods

Needs an office that can open a window: `meson test --setup window`.
"""

import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fcoffice import SUCCESS, Office, check, dispatch, summary  # noqa: E402
from test_report_click import target_of  # noqa: E402  ('Sheet!C12' → (sheet, row, col))
from xdisplay import VirtualDisplay  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPORT = '审核结果'
HEADER_ROW, FIRST_LINK_COL = 4, 9


class Validate(threading.Thread):
    """Validate in the background: its summary box blocks it."""

    def __init__(self, office, doc):
        super().__init__(daemon=True)
        self.office, self.doc, self.result = office, doc, None

    def run(self):
        self.result = dispatch(self.office, self.doc, 'Validate')


def grid_table(window):
    """The accessible table of the view's cell grid."""
    def walk(acc, depth):
        ctx = acc.getAccessibleContext()
        if hasattr(ctx, 'getAccessibleCellAt') and ctx.getAccessibleRowCount() > 100:
            return ctx
        for i in range(min(ctx.getAccessibleChildCount(), 50) if depth < 6 else 0):
            found = walk(ctx.getAccessibleChild(i), depth + 1)
            if found is not None:
                return found
        return None
    return walk(window, 0)


def centre(table, row, col):
    cell = table.getAccessibleCellAt(row, col).getAccessibleContext()
    loc, size = cell.getLocationOnScreen(), cell.getSize()
    return str(loc.X + size.Width // 2), str(loc.Y + size.Height // 2)


def selected(doc):
    controller = doc.getCurrentController()
    a = controller.getSelection().getRangeAddress()
    return controller.getActiveSheet().getName(), a.StartRow, a.StartColumn


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = argv[1], argv[2]
    os.environ.update(SAL_USE_VCLPLUGIN='gen', LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8')
    with VirtualDisplay() as display, \
            Office(oxt=oxt, soffice=os.path.join(HERE, 'soffice-xvfb.sh')) as office:
        doc = office.load(sample, copy=True, Hidden=False)
        doc.Sheets.getByName('收入支出决算总表').getCellRangeByName('C36').Value = 634.48
        time.sleep(2)
        job = Validate(office, doc)
        job.start()
        box = display.wait_box()
        if box is not None:
            display.key(box, 'Escape')
        job.join(60)
        check(job.result is not None and job.result[0] == SUCCESS, 'Validate succeeds')

        controller = doc.getCurrentController()
        report = doc.Sheets.getByName(REPORT)
        home = report.getCellByPosition(0, 0)

        def back_home():
            controller.setActiveSheet(report)
            controller.select(home)
            time.sleep(1)
            return grid_table(controller.getFrame().getComponentWindow())

        table = back_home()
        check(table is not None, 'the grid of the report is found on screen')
        if table is None:
            office.close(doc)
            return summary()
        row = HEADER_ROW + 1
        label = report.getCellByPosition(FIRST_LINK_COL, row).getString()
        x, y = centre(table, row, FIRST_LINK_COL)
        display.run('xdotool', 'mousemove', x, y, 'click', '1')
        time.sleep(1.5)
        check(selected(doc) == target_of(label),
              'one click on the link %s selects that cell (%r)' % (label, selected(doc)))

        table = back_home()
        row = HEADER_ROW + 2
        label = report.getCellByPosition(FIRST_LINK_COL, row).getString()
        x, y = centre(table, row, 2)
        display.run('xdotool', 'mousemove', x, y, 'click', '--repeat', '2', '--delay', '80', '1')
        time.sleep(1.5)
        check(selected(doc) == target_of(label),
              'a double-click on the rule of a finding\'s row selects its first cell %s (%r)'
              % (label, selected(doc)))

        table = back_home()
        x, y = centre(table, HEADER_ROW + 1, 4)
        display.run('xdotool', 'mousemove', x, y, 'click', '1')
        time.sleep(1.5)
        check(selected(doc) == (REPORT, HEADER_ROW + 1, 4),
              'one click on a message cell selects it, as Calc does (%r)' % (selected(doc),))
        office.close(doc)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
