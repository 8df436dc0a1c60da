#!/usr/bin/python3
"""End-to-end: on the 审核结果 sheet a click on a cell link, or a
double-click on a finding's row, selects the finding's cell (issue 20,
item 3), in a real headless LibreOffice with the built extension.

    /usr/bin/python3 tests/e2e/test_report_click.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample-tables.ods

The handler Calc calls (com.sun.star.awt.XEnhancedMouseClickHandler) is
driven through its own interface, as the view calls it: an instance of
org.fiscalcheck.ReportClick bound to the document's view gets synthetic
EnhancedMouseEvents whose Target is a cell of the report sheet.
  * one click on a link cell: consumed, and the view's selection is the
    finding's cell on its own sheet; the release that ends it is consumed
    too, the next one is not;
  * a double-click on a finding's row (not on a link): its first cell;
  * a click elsewhere on the report, a right click, a click on a data
    sheet, a click on a sheet of the user's called 审核结果: let through,
    the selection unchanged;
  * Validate registers one handler on the view (a second Validate no
    more); closing the document lets it go; a workbook saved with its
    report gets one as it opens (the load job).
"""

import json
import os
import shutil
import sys
import tempfile

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SUCCESS, Office, check, dispatch, summary  # noqa: E402

REPORT = '审核结果'
HEADER_ROW = 4
FIRST_LINK_COL = 9


def stats(office, doc):
    return json.loads(dispatch(office, doc, 'LiveStats')[1])


def handler_for(office, doc):
    h = office.smgr.createInstanceWithContext('org.fiscalcheck.ReportClick', office.ctx)
    h.initialize((doc.getCurrentController(),))
    return h


def event(target, clicks=1, button=1):
    e = uno.createUnoStruct('com.sun.star.awt.EnhancedMouseEvent')
    e.Buttons = button
    e.ClickCount = clicks
    e.Target = target
    return e


def selected(doc):
    """(sheet name, row, col) of the view's selection."""
    sel = doc.getCurrentController().getSelection()
    a = sel.getRangeAddress()
    return doc.Sheets.getByIndex(a.Sheet).Name, a.StartRow, a.StartColumn


def select(doc, cell):
    doc.getCurrentController().select(cell)


def target_of(label):
    """'Sheet!C12' → (sheet, row, col)."""
    sheet, addr = label.rsplit('!', 1)
    letters = ''.join(ch for ch in addr if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch.upper()) - 64
    return sheet, int(addr[len(letters):]) - 1, col - 1


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    tmp = tempfile.mkdtemp(prefix='fc-report-click-')
    os.chmod(tmp, 0o777)
    try:
        with Office(oxt=oxt) as office:
            doc = office.load(sample, copy=True)
            try:
                office.find_value(doc, '收入支出决算总表', 634.38).setValue(634.48)  # an error
                before = stats(office, doc)
                state, _ = dispatch(office, doc, 'Validate')
                check(state == SUCCESS, 'Validate succeeds')
                after = stats(office, doc)
                check(after['link_views'] - before['link_views'] == 1,
                      'Validate gives the view a click handler (%d)'
                      % (after['link_views'] - before['link_views']))
                dispatch(office, doc, 'Validate')
                again = stats(office, doc)
                check(again['link_views'] == after['link_views'],
                      'a second Validate adds none (%d, %d gone)'
                      % (again['link_views'] - after['link_views'],
                         again['link_views_gone'] - after['link_views_gone']))

                report = doc.Sheets.getByName(REPORT)
                home = report.getCellByPosition(0, 0)
                rows = [(r, report.getCellByPosition(FIRST_LINK_COL, r).getString(),
                         report.getCellByPosition(FIRST_LINK_COL + 1, r).getString())
                        for r in range(HEADER_ROW + 1, HEADER_ROW + 40)]
                rows = [r for r in rows if '!' in r[1]]
                check(len(rows) >= 3, 'the report lists findings with links (%d)' % len(rows))
                handler = handler_for(office, doc)

                # one click on a link: the cell
                row, label, second = next(r for r in rows if r[2])  # a finding with two cells
                select(doc, home)
                link = report.getCellByPosition(FIRST_LINK_COL + 1, row)
                consumed = not handler.mousePressed(event(link))
                print('      click on', second, '→', selected(doc))
                check(consumed and selected(doc) == target_of(second),
                      'one click on the link %s selects that cell on its sheet' % second)
                check(not handler.mouseReleased(event(link)), 'the release ending it is ours too')
                check(handler.mouseReleased(event(link)), 'the next release is not')
                landed = doc.Sheets.getByName(target_of(second)[0]).getCellByPosition(
                    target_of(second)[2], target_of(second)[1])
                check(not handler.mousePressed(event(landed, clicks=2)) and selected(doc) == target_of(second),
                      'the second press of a double-click on the link, on the finding\'s cell, is ours '
                      '(Calc would start editing it)')
                handler.mouseReleased(event(landed, clicks=2))
                check(handler.mousePressed(event(landed, clicks=2)),
                      'a later double-click there is Calc\'s again')
                handler.mouseReleased(event(landed, clicks=2))

                # a double-click on the row: its first cell
                row2, label2, _ = rows[-1]
                select(doc, home)
                rule_cell = report.getCellByPosition(2, row2)
                check(handler.mousePressed(event(rule_cell, clicks=1)),
                      'the first click of a double-click on a rule cell is let through')
                check(not handler.mousePressed(event(rule_cell, clicks=2))
                      and selected(doc) == target_of(label2),
                      'a double-click on a finding row selects its first cell %s (%s)'
                      % (label2, selected(doc)))
                handler.mouseReleased(event(rule_cell, clicks=2))

                # what is not ours goes to Calc
                select(doc, home)
                where = selected(doc)
                check(handler.mousePressed(event(link, button=4)) and selected(doc) == where,
                      'a right click on a link is let through')
                check(handler.mousePressed(event(report.getCellByPosition(1, HEADER_ROW)))
                      and handler.mousePressed(event(report.getCellByPosition(FIRST_LINK_COL, HEADER_ROW),
                                                     clicks=2))
                      and selected(doc) == where, 'clicks on the header are let through')
                data = doc.Sheets.getByIndex(0)
                data.getCellByPosition(20, 5).setString(label)  # looks like a link
                check(handler.mousePressed(event(data.getCellByPosition(20, 5), clicks=2))
                      and selected(doc) == where, 'a double-click on a data sheet is let through')
                doc.Sheets.insertNewByName(REPORT + ' 9', doc.Sheets.Count)
                mine = doc.Sheets.getByName(REPORT + ' 9')
                mine.getCellByPosition(FIRST_LINK_COL, HEADER_ROW + 1).setString(label)
                check(handler.mousePressed(event(mine.getCellByPosition(FIRST_LINK_COL, HEADER_ROW + 1)))
                      and selected(doc) == where,
                      'a click on a sheet of the user\'s named like ours is let through')
                doc.Sheets.removeByName(REPORT + ' 9')
                data.getCellByPosition(20, 5).setString('')

                saved = os.path.join(tmp, 'validated.ods')
                doc.storeToURL(uno.systemPathToFileUrl(saved), ())
                os.chmod(saved, 0o666)
                before = stats(office, doc)
            finally:
                office.close(doc)
            doc = office.load(saved)
            try:
                after = stats(office, doc)
                check(after['link_views_gone'] - before['link_views_gone'] >= 1,
                      'closing the document lets its handler go (%d)'
                      % (after['link_views_gone'] - before['link_views_gone']))
                check(after['link_views'] - before['link_views'] == 1,
                      'a workbook saved with its report gets a handler as it opens (%d)'
                      % (after['link_views'] - before['link_views']))
                report = doc.Sheets.getByName(REPORT)
                label = report.getCellByPosition(FIRST_LINK_COL, HEADER_ROW + 1).getString()
                select(doc, report.getCellByPosition(0, 0))
                check(not handler_for(office, doc).mousePressed(
                          event(report.getCellByPosition(FIRST_LINK_COL, HEADER_ROW + 1)))
                      and selected(doc) == target_of(label),
                      'and its links work (%s)' % label)
            finally:
                office.close(doc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main())
