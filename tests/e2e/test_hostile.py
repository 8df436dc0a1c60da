#!/usr/bin/python3
"""Hostile workbooks through =FISCALCHECK() and the Validate / ClearMarks
commands in a real headless LibreOffice: nothing may crash soffice or take
more than a few seconds.

    /usr/bin/python3 tests/e2e/test_hostile.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods

Each case starts from the sample (or an empty workbook), makes it hostile,
then: FISCALCHECK() in a cell of a sheet of its own gives a number or a
text (not an error code), Validate and ClearMarks dispatched as a menu
click finish with a result, and soffice is still running.  The time limit
is a hang detector, not a benchmark (bench/ measures speed): generous
enough that a loaded 2-core machine does not trip it.  Cases:
  * a value in A1048576 (a sheet of 1,048,576 used rows) beside the tables,
    and on a sheet of its own;
  * a 30,000-character text in a table's label cell;
  * #DIV/0! formulas in amount cells;
  * merged cells across a table (a whole block of rows and columns);
  * a protected table sheet (Validate refuses; the function still counts);
  * 250 sheets;
  * a chart and drawing shapes on a table sheet;
  * a user's own sheet called _FiscalCheck (Validate refuses, keeps it);
  * =FISCALCHECK() live in a 1,048,576-row workbook while Validate marks it.
FC_HOSTILE_ONLY="errors merged" runs some.
Limits: LIMIT seconds per function value or command (FC_HOSTILE_LIMIT,
default 60; ×20 under FC_VALGRIND=1).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402,F401
import fcoffice  # noqa: E402
from fcoffice import FAILURE, SUCCESS, Office, VALGRIND_SLOWDOWN, check, dispatch, failures  # noqa: E402
from com.sun.star.awt import Point, Rectangle, Size  # noqa: E402
from com.sun.star.table import CellRangeAddress  # noqa: E402

T01 = '收入支出决算总表'
LIMIT = float(os.environ.get('FC_HOSTILE_LIMIT', '60')) * VALGRIND_SLOWDOWN


def timed(fn):
    t0 = time.monotonic()
    out = fn()
    return out, time.monotonic() - t0


def exercise(office, doc, name, validate=True, expect_validate=None):
    """Validate, ClearMarks, then FISCALCHECK() on doc; checks time and
    survival.  The function comes last: see function_then_validate."""
    if validate:
        (state, message), dt = timed(lambda: dispatch(office, doc, 'Validate'))
        print('     %s: Validate -> %s %r (%.2fs)' % (name, state, (message or '')[:100], dt))
        check(state is not None, '%s: Validate finishes with a result' % name)
        if expect_validate is not None:
            check(state == expect_validate, '%s: Validate state %s' % (name, expect_validate))
        check(dt < LIMIT, '%s: Validate finishes, no hang (limit %.0fs; took %.2fs)' % (name, LIMIT, dt))
        (state, message), dt = timed(lambda: dispatch(office, doc, 'ClearMarks'))
        check(state is not None and dt < LIMIT, '%s: ClearMarks finishes (%.2fs)' % (name, dt))
        names = list(doc.Sheets.ElementNames)
        check('_FiscalCheck' not in names and '审核结果' not in names,
              '%s: ClearMarks leaves no sheet of ours' % name)
    sheets = doc.Sheets
    sheets.insertNewByName('检查', sheets.Count)
    cell = sheets.getByName('检查').getCellByPosition(0, 0)
    _, dt = timed(lambda: cell.setFormula('=FISCALCHECK()'))
    err, text = cell.getError(), cell.getString()
    print('     %s: FISCALCHECK() = %r (%.2fs)' % (name, text[:80], dt))
    check(err == 0 and text != '', '%s: FISCALCHECK() gives a value, not an error' % name)
    check(dt < LIMIT, '%s: FISCALCHECK() finishes, no hang (limit %.0fs; took %.2fs)' % (name, LIMIT, dt))
    check(office.proc.poll() is None, '%s: soffice is still running' % name)


def million_rows(office, sample):
    doc = office.load(sample, copy=True)
    doc.Sheets.getByName(T01).getCellRangeByName('A1048576').Value = 1
    exercise(office, doc, 'A1048576 on a table sheet')
    office.close(doc)
    doc = office.load(sample, copy=True)
    doc.Sheets.insertNewByName('big', doc.Sheets.Count)
    big = doc.Sheets.getByName('big')
    big.getCellRangeByName('A1048576').String = 'end'
    big.getCellRangeByName('Z1048576').Value = 7
    exercise(office, doc, 'A1048576:Z1048576 on a sheet of its own')
    office.close(doc)


def long_text(office, sample):
    doc = office.load(sample, copy=True)
    sheet = doc.Sheets.getByName(T01)
    sheet.getCellRangeByName('A36').String = '本年收入合计' + '长' * 30000
    sheet.getCellRangeByName('E5').String = 'x' * 30000
    exercise(office, doc, '30,000-character texts')
    office.close(doc)


def errors(office, sample):
    doc = office.load(sample, copy=True)
    sheet = doc.Sheets.getByName(T01)
    for addr in ('C36', 'C9', 'F9', 'C40'):
        sheet.getCellRangeByName(addr).setFormula('=1/0')
    sheet.getCellRangeByName('C10').setFormula('=NA()')
    sheet.getCellRangeByName('C11').setFormula('=SQRT(-1)')
    check(sheet.getCellRangeByName('C36').getError() != 0, 'the #DIV/0! cells are errors')
    exercise(office, doc, '#DIV/0! and #N/A in amount cells')
    office.close(doc)


def merged(office, sample):
    doc = office.load(sample, copy=True)
    sheet = doc.Sheets.getByName(T01)
    sheet.getCellRangeByName('C36').Value = 634.48       # a mark to place …
    sheet.getCellRangeByName('B36:C37').merge(True)      # … on a covered cell
    sheet.getCellRangeByName('A20:F30').merge(True)
    sheet.getCellRangeByName('B5:H6').merge(True)
    exercise(office, doc, 'merged cells across the table')
    office.close(doc)


def protected(office, sample):
    doc = office.load(sample, copy=True)
    doc.Sheets.getByName(T01).getCellRangeByName('C36').Value = 634.48
    doc.Sheets.getByName(T01).protect('')
    exercise(office, doc, 'a protected table sheet', expect_validate=FAILURE)
    office.close(doc)


def many_sheets(office, sample):
    doc = office.load(sample, copy=True)
    t0 = time.monotonic()
    for i in range(250 - doc.Sheets.Count):
        doc.Sheets.insertNewByName('S%03d' % i, doc.Sheets.Count)
        doc.Sheets.getByName('S%03d' % i).getCellByPosition(0, 0).Value = i
    print('     made %d sheets in %.1fs' % (doc.Sheets.Count, time.monotonic() - t0))
    exercise(office, doc, '250 sheets')
    office.close(doc)


def drawings(office, sample):
    doc = office.load(sample, copy=True)
    sheet = doc.Sheets.getByName(T01)
    charts = sheet.Charts
    rect = Rectangle(1000, 1000, 12000, 8000)
    addr = CellRangeAddress(sheet.RangeAddress.Sheet, 2, 8, 2, 20)
    charts.addNewByName('hostile', rect, (addr,), False, False)
    page = sheet.DrawPage
    for kind in ('RectangleShape', 'EllipseShape', 'TextShape'):
        shape = doc.createInstance('com.sun.star.drawing.' + kind)
        shape.Position = Point(2000, 2000)
        shape.Size = Size(3000, 2000)
        page.add(shape)
        if kind == 'TextShape':
            shape.String = '本年收入合计'
    check(page.Count >= 4, 'a chart and 3 shapes on the table sheet (%d objects)' % page.Count)
    # a drawing object selected: NextFinding must not mind
    doc.getCurrentController().select(page.getByIndex(page.Count - 1))
    state, _ = dispatch(office, doc, 'NextFinding')
    check(state is not None, 'NextFinding with a shape selected finishes')
    exercise(office, doc, 'a chart and drawing shapes')
    office.close(doc)


def user_store_sheet(office, sample):
    """A user's own sheet called _FiscalCheck (our bookkeeping's name) is
    never overwritten or removed: Validate refuses and says why."""
    doc = office.load(sample, copy=True)
    doc.Sheets.getByName(T01).getCellRangeByName('C36').Value = 634.48
    doc.Sheets.insertNewByName('_FiscalCheck', 0)
    doc.Sheets.getByName('_FiscalCheck').getCellRangeByName('A1').String = 'my data'
    state, message = dispatch(office, doc, 'Validate')
    print('     user _FiscalCheck: Validate -> %s %r' % (state, (message or '')[:90]))
    check(state == FAILURE and '_FiscalCheck' in message, 'a user\'s _FiscalCheck sheet: Validate refuses')
    names = list(doc.Sheets.ElementNames)
    check(names.count('_FiscalCheck') == 1 and '审核结果' not in names
          and doc.Sheets.getByName('_FiscalCheck').getCellRangeByName('A1').String == 'my data',
          'and the user\'s sheet is untouched, no report added')
    check(doc.Sheets.getByName(T01).getCellRangeByName('C36').CellBackColor == -1,
          'and no cell was marked')
    state, _ = dispatch(office, doc, 'ClearMarks')
    check(state == SUCCESS and '_FiscalCheck' in doc.Sheets.ElementNames,
          'ClearMarks leaves the user\'s sheet alone')
    office.close(doc)


def function_then_validate(office, sample):
    """With =FISCALCHECK() in the document, every cell Validate marks used to
    make the add-in read the whole workbook again (its modify listener),
    ≈1 s each with 1,048,576 rows: Validate took 282 s, ClearMarks 14 s.
    Re-checks now wait until our command is done (fc_result_hold)."""
    doc = office.load(sample, copy=True)
    doc.Sheets.getByName(T01).getCellRangeByName('A1048576').Value = 1
    doc.Sheets.insertNewByName('函数', doc.Sheets.Count)
    doc.Sheets.getByName('函数').getCellByPosition(0, 0).setFormula('=FISCALCHECK()')
    exercise(office, doc, 'FISCALCHECK() then Validate with A1048576')
    office.close(doc)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    only = os.environ.get('FC_HOSTILE_ONLY', '').split()
    cases = [long_text, errors, merged, protected, drawings, user_store_sheet, many_sheets,
             million_rows, function_then_validate]
    with Office(oxt=oxt) as office:
        try:
            for case in cases:
                if only and case.__name__ not in only:
                    continue
                print('--- %s' % case.__name__, flush=True)
                if office.proc.poll() is not None:
                    check(False, '%s: soffice had already died' % case.__name__)
                    break
                try:
                    case(office, sample)
                except Exception as e:  # a dead office fails every later case
                    check(False, '%s: %s: %s' % (case.__name__, type(e).__name__, e))
            check(office.proc.poll() is None, 'soffice is still running at the end')
        finally:
            if failures:
                print('--- soffice output ---\n' + office.office_output()[-3000:])
    return fcoffice.summary()


if __name__ == '__main__':
    sys.exit(main())
