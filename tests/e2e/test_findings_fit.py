#!/usr/bin/python3
"""End-to-end: FISCALCHECKFINDINGS() in an array range too small for its
findings says so in its last row (issue 20), in a real headless
LibreOffice with the built extension, under a zh-CN and an en-US
interface.

    /usr/bin/python3 tests/e2e/test_findings_fit.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample-tables.ods

  * the sample, made to have 40 findings or more, listed in a range large
    enough: every finding, no overflow row;
  * the same list in A1:H30: the header, 28 findings, and a last row
    "另有 N 条未显示" ("N more not shown" in English) whose N makes up the
    whole list, with its errors, warnings and notes counted;
  * two ranges with the same arguments: the smallest decides, so the large
    one shows the overflow row too (never a range that hides findings
    silently); deleting the small one gives the large one the whole list
    back, without a recalculation request;
  * a scope written as a number (=FISCALCHECKFINDINGS(1)) is matched to its
    ranges like "01"; a list inside IFNA() counts as a list;
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import Office, check, summary  # noqa: E402
from test_addin import findings_rows as list_rows  # noqa: E402  (up to the first #N/A row)

SHEET01 = '收入支出决算总表'


def new_sheet(doc, name):
    doc.Sheets.insertNewByName(name, doc.Sheets.Count)
    return doc.Sheets.getByName(name)


def many_findings(office, doc):
    """Breaks amounts of table 01 until the sample has 40 findings or more
    (its 27 rounding notes and one warning are already there)."""
    for k in range(3):
        sheet = doc.Sheets.getByIndex(k)
        data = sheet.getCellRangeByName('A1:Z80').getDataArray()
        amounts = [(r, c) for r, row in enumerate(data) for c, v in enumerate(row)
                   if isinstance(v, float) and v > 100]
        for r, c in amounts[::2][:20]:
            cell = sheet.getCellByPosition(c, r)
            cell.setValue(cell.getValue() + 7)


def run(office, sample, zh):
    label = 'zh-CN' if zh else 'en-US'
    doc = office.load(sample, copy=True)
    try:
        many_findings(office, doc)
        sheet = new_sheet(doc, '清单')
        big = sheet.getCellRangeByName('A1:H200')
        big.setArrayFormula('=FISCALCHECKFINDINGS()')
        whole = list_rows(big)
        n = len(whole) - 1
        print('      %s: %d findings' % (label, n))
        check(n >= 40, '%s: the sample with a broken total has 40 findings or more (%d)' % (label, n))
        check(not any('未显示' in r[0] or 'not shown' in r[0] for r in whole),
              '%s: a range big enough shows no overflow row' % label)

        other = new_sheet(doc, '小')
        small = other.getCellRangeByName('A1:H30')
        small.setArrayFormula('=FISCALCHECKFINDINGS()')
        shown = list_rows(small)
        last = shown[-1] if shown else ('',) * 8
        hidden = n - 28
        expected = ('另有 %d 条未显示' % hidden) if zh else ('%d more not shown' % hidden)
        print('      A1:H30 last row:', last[0], '|', last[3])
        check(len(shown) == 30, '%s: A1:H30 is filled, no #N/A (%d rows)' % (label, len(shown)))
        check(shown[:29] == whole[:29], '%s: the header and the first 28 findings as in the whole list'
              % label)
        check(last[0] == expected, '%s: the last row says %r (%r)' % (label, expected, last[0]))
        sev = [r[0] for r in whole[29:]]
        counts = (sev.count('错误'), sev.count('警告'), sev.count('提示'))
        words = ('其中错误 %d 处、警告 %d 处、提示 %d 处' % counts) if zh else \
                ('of which %d errors, %d warnings, %d notes' % counts)
        check(last[3].startswith(words) and str(len(whole)) in last[3],
              '%s: and which findings, and how many rows would show them all (%r)' % (label, last[3]))
        big_now = list_rows(big)
        check(len(big_now) == 30 and big_now[-1][0] == expected,
              '%s: the same call in a larger range shows the same overflow row (smallest decides)'
              % label)

        other.getCellRangeByName('A1:H30').setArrayFormula('')  # the small one goes
        again = list_rows(big)
        check(again == whole, '%s: without the small range the large one lists everything again (%d rows)'
              % (label, len(again)))

        # a number scope and an IFNA wrapper: matched as the add-in reads them
        t01 = other.getCellRangeByName('K1:R200')
        t01.setArrayFormula('=FISCALCHECKFINDINGS("01")')
        n01 = len(list_rows(t01)) - 1
        wrapped = other.getCellRangeByName('A1:H3')
        wrapped.setArrayFormula('=IFNA(FISCALCHECKFINDINGS(1);"")')
        w = list_rows(wrapped)
        check(n01 >= 2 and len(w) == 3 and w[0][0] == list_rows(t01)[0][0]
              and w[2][0] == (('另有 %d 条未显示' % (n01 - 1)) if zh else '%d more not shown' % (n01 - 1)),
              '%s: IFNA(FISCALCHECKFINDINGS(1)) in A1:H3 shows one finding of table 01 and the rest '
              'counted (%r)' % (label, w[-1][0] if w else None))
        check(list_rows(t01)[-1][0] == w[2][0], '%s: and "01" in K1:R200 is the same list' % label)
        check(len(list_rows(big)) == len(whole), '%s: the unscoped list is not limited by them' % label)
        other.getCellRangeByName('A1:H3').setArrayFormula('')
        other.getCellRangeByName('K1:R200').setArrayFormula('')
    finally:
        office.close(doc)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    with Office(oxt=oxt, ui_locale='zh-CN') as office:
        run(office, sample, True)
    with Office(oxt=oxt, ui_locale='en-US') as office:
        run(office, sample, False)
    return summary()


if __name__ == '__main__':
    sys.exit(main())
