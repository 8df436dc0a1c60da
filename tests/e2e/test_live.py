#!/usr/bin/python3
"""End-to-end test of how live FISCALCHECK() cells cost: counted, not timed.
The office tells its counters through org.fiscalcheck.command:LiveStats
(addin/uno/live/fc-live-stats.h).

    /usr/bin/python3 tests/e2e/test_live.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample-tables.ods

Checks, on the ten tables of the sample with 20 live cells (FISCALCHECK()
unscoped, per table, per rule, and FISCALCHECKFINDINGS() arrays):
  * an edit is one read and one check for all 20 cells, and every cell
    shows the new value (an error appears, the scoped counts follow);
  * a paste of 1,000 cells (one setDataArray) is one check;
  * an edit that changes no value pushes at most one (the sign of life),
    and deleting the cell that gave it leaves the others live;
  * a formula on a sheet nobody reads still follows the edits;
  * once every formula of ours is deleted, edits cost no check, and the
    document is no longer listened to; typing one again is live at once;
  * closing the document leaves nothing listened to.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import Office, _props, check, dispatch, summary  # noqa: E402

SHEET01 = '收入支出决算总表'
SCOPES = ['', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10',
          'R01.1', 'R02.1', 'X01-02.1', 'S.1', 'S.2']


def stats(office, doc):
    state, text = dispatch(office, doc, 'LiveStats')
    return json.loads(text)


def live_cells(doc):
    """20 live cells on a sheet of their own: 16 counts and 4 lists."""
    doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
    sheet = doc.Sheets.getByName('检查')
    counts = []
    for i, scope in enumerate(SCOPES):
        cell = sheet.getCellByPosition(0, i)
        cell.setFormula('=FISCALCHECK(%s)' % ('"%s"' % scope if scope else ''))
        counts.append(cell)
    lists = []
    for k, scope in enumerate(['', '01', '02', 'X01-02.1']):
        rng = sheet.getCellRangeByPosition(2 + 9 * k, 0, 9 + 9 * k, 39)
        rng.setArrayFormula('=FISCALCHECKFINDINGS(%s)' % ('"%s"' % scope if scope else ''))
        lists.append(rng)
    return sheet, counts, lists


def read_all(counts, lists):
    return [c.getString() for c in counts], [r.getDataArray() for r in lists]


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    with Office(oxt=oxt) as office:
        doc = office.load(sample, copy=True)
        try:
            sheet, counts, lists = live_cells(doc)
            values, tables = read_all(counts, lists)
            check(values[0] == '0' and all(v == '0' for v in values),
                  'the 20 cells show the sample clean (%s)' % ','.join(values))
            before = stats(office, doc)
            print('      after entering 20 cells:', before)
            check(before['listening'] == 1, 'the document is listened to once')

            total = office.find_value(doc, SHEET01, 634.38)
            total.setValue(634.48)
            values, tables = read_all(counts, lists)
            after = stats(office, doc)
            print('      one edit, 20 cells read:', after)
            check(after['checks'] - before['checks'] == 1,
                  'one edit is one check for 20 cells (%d)' % (after['checks'] - before['checks']))
            check(float(values[0]) >= 1 and float(values[SCOPES.index('01')]) >= 1
                  and float(values[SCOPES.index('X01-02.1')]) == 1
                  and values[SCOPES.index('05')] == '0',
                  'every count follows the edit (%s)' % ','.join(values))
            check(any(row[1] == 'X01-02.1' for row in tables[0])
                  and any(row[1] == 'X01-02.1' for row in tables[3]),
                  'and the lists show the new error')

            other = doc.Sheets.getByIndex(1)
            before = stats(office, doc)
            paste = sheet.getCellRangeByPosition(40, 0, 49, 99)
            paste.setDataArray(tuple(tuple(float(r * 10 + c) for c in range(10))
                                     for r in range(100)))
            values, tables = read_all(counts, lists)
            after = stats(office, doc)
            check(after['checks'] - before['checks'] == 1,
                  'a paste of 1,000 cells is one check (%d)' % (after['checks'] - before['checks']))

            # an edit that changes no value: one check, one push at most (the
            # sign of life: the count whose cell asked last)
            previous = values
            before = stats(office, doc)
            sheet.getCellByPosition(60, 120).setValue(7)  # not in a table
            values, tables = read_all(counts, lists)
            after = stats(office, doc)
            check(after['checks'] - before['checks'] == 1
                  and after['pushes'] - before['pushes'] <= 1,
                  'an edit that changes no value is one check and at most one push '
                  '(%d checks, %d pushes)' % (after['checks'] - before['checks'],
                                              after['pushes'] - before['pushes']))
            check(values == previous, 'and the counts stay right (%s)' % ','.join(values))

            # the cell that asked last goes: the others are still followed
            counts[-1].setFormula('')
            for i in range(3):
                sheet.getCellByPosition(60, 121 + i).setValue(i)
                values, tables = read_all(counts[:-1], lists)
            total.setValue(634.38)
            values, tables = read_all(counts[:-1], lists)
            check(all(v == '0' for v in values), 'with the last-asking cell deleted, the '
                  'others follow an edit back to clean (%s)' % ','.join(values))
            total.setValue(634.48)
            values, tables = read_all(counts[:-1], lists)
            check(stats(office, doc)['listening'] == 1
                  and float(values[0]) >= 1 and float(values[SCOPES.index('X01-02.1')]) == 1
                  and any(row[1] == 'X01-02.1' for row in tables[0]),
                  'with the last-asking cell deleted, the others follow the edit (%s)'
                  % ','.join(values))
            counts[-1].setFormula('=FISCALCHECK("%s")' % SCOPES[-1])
            check(counts[-1].getString() == '0', 'a cell typed again shows its own count')
            total.setValue(634.38)

            # a cell nobody reads between edits: still followed
            total.setValue(634.38)
            other.getCellByPosition(30, 0).setValue(1)
            other.getCellByPosition(30, 1).setValue(2)
            check(counts[0].getString() == '0', 'an unread cell followed two more edits')

            # delete every formula of ours: edits then cost nothing
            doc.Sheets.removeByName('检查')
            before = stats(office, doc)
            for i in range(20):
                other.getCellByPosition(31, i).setValue(i)
            total.setValue(634.48)
            after = stats(office, doc)
            print('      formulas deleted, 21 edits:', after)
            check(after['checks'] - before['checks'] <= 1,
                  'after the formulas are deleted, edits cost no check (%d, at most the '
                  'deletion itself)' % (after['checks'] - before['checks']))
            check(after['listening'] == 0, 'and the document is no longer listened to')
            check(after['modified'] - before['modified'] <= 2,
                  'and no edit reaches us any more (%d)' % (after['modified'] - before['modified']))

            # typing one again is live at once
            doc.Sheets.insertNewByName('again', doc.Sheets.Count)
            again = doc.Sheets.getByName('again').getCellByPosition(0, 0)
            again.setFormula('=FISCALCHECK()')
            check(float(again.getString()) >= 1, 'a formula entered again shows the error')
            total.setValue(634.38)
            check(again.getString() == '0', 'and follows the next edit')
            check(stats(office, doc)['listening'] == 1, 'the document is listened to again')
        finally:
            office.close(doc)
        blank = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                                    _props(Hidden=True))
        check(stats(office, blank)['listening'] == 0, 'a closed document is not listened to')
        office.close(blank)
    return summary()


if __name__ == '__main__':
    sys.exit(main())
