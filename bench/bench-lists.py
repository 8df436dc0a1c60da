#!/usr/bin/python3
"""bench-lists.py — what finding FISCALCHECKFINDINGS()'s array ranges costs
per edit (issue 20: a list in a range too small says so in its last row);
prints figures, asserts nothing.

    /usr/bin/python3 bench/bench-lists.py BUILD WORKBOOK...

On each workbook (e.g. BUILD/ods-templates/sample-tables.ods,
BUILD/ods-templates/sample.ods, tests/data/putuo_ghzy_2024.xlsx) it enters
one FISCALCHECK() cell and two lists (A1:H30 unscoped, 8×200 of table 01)
on a new sheet, makes 12 edits, reads the lists after each, and prints the
median of the office's own figures (org.fiscalcheck.command:LiveStats):
check_ms (read and check) and lists_ms (finding the array ranges, part of it).
"""

import json
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'e2e'))
from fcoffice import Office, dispatch  # noqa: E402


def stats(office, doc):
    return json.loads(dispatch(office, doc, 'LiveStats')[1])


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    build = os.path.abspath(sys.argv[1])
    with Office(oxt=os.path.join(build, 'fiscalcheck.oxt')) as office:
        for path in sys.argv[2:]:
            doc = office.load(os.path.abspath(path), copy=True)
            try:
                doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
                sheet = doc.Sheets.getByName('检查')
                sheet.getCellByPosition(0, 0).setFormula('=FISCALCHECK()')
                unscoped = sheet.getCellRangeByName('C1:J30')
                unscoped.setArrayFormula('=FISCALCHECKFINDINGS()')
                table01 = sheet.getCellRangeByName('L1:S200')
                table01.setArrayFormula('=FISCALCHECKFINDINGS("01")')
                checks, lists = [], []
                for k in range(12):
                    sheet.getCellByPosition(60, k).setValue(k)
                    unscoped.getDataArray()
                    table01.getDataArray()
                    s = stats(office, doc)
                    checks.append(s['check_ms'])
                    lists.append(s['lists_ms'])
                print('%s (%d sheets): check %.1f ms, of which finding the lists %.1f ms '
                      '(medians of 12 edits; lists at most %.1f ms)'
                      % (os.path.basename(path), doc.Sheets.Count, statistics.median(checks),
                         statistics.median(lists), max(lists)))
            finally:
                office.close(doc)
    return 0


if __name__ == '__main__':
    sys.exit(main())
