#!/usr/bin/python3
"""End-to-end test of =FISCALCHECK() in a real headless LibreOffice with the
built .oxt (and its shipped rules) installed into a private profile.

    /usr/bin/python3 tests/e2e/test_addin.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods

Checks, on the sample workbook:
  * FISCALCHECK() is 0 (the package reconciles up to rounding tails);
  * changing 收入支出决算总表 本年收入合计 634.38 → 634.48 makes it ≥ 1 with no
    recalculation request, and restoring the value brings 0 back;
  * FISCALCHECK("公开02表") / ("R01.1") restrict the count;
  * FISCALCHECK() never modifies the document (isModified stays False);
  * a workbook without tables shows a text, not 0;
  * FISCALCHECKFINDINGS() as an array formula over A1:H40 lists the sample's
    notes (R02.1 …) and the S.2 warning under a header, follows the
    634.38 → 634.48 change with an X01-02.1 error row and back, can be
    scoped, says 无问题 when a scope has nothing, and its texts compare
    (COUNTIF, =) like typed ones;
  * the function wizard lists FISCALCHECK and FISCALCHECKFINDINGS with their
    help, in en-US and in zh-CN.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
from fcoffice import Office, _props, check, summary  # noqa: E402

SHEET01 = '收入支出决算总表'
SHEET02 = '收入决算表'

def function_description(office, name='FISCALCHECK'):
    fd = office.smgr.createInstanceWithContext('com.sun.star.sheet.FunctionDescriptions',
                                               office.ctx)
    for i in range(fd.getCount()):
        desc = {p.Name: p.Value for p in fd.getByIndex(i)}
        if desc.get('Name', '').upper() == name:
            return desc
    return None


def new_sheet(office, doc, name):
    """A sheet of its own for the formulas, as a user's check sheet would be."""
    doc.Sheets.insertNewByName(name, doc.Sheets.Count)
    return office.sheet(doc, name)


def test_sample(office, sample):
    doc = office.load(sample, copy=True)
    try:
        check_sheet = new_sheet(office, doc, '检查')
        all_cell = check_sheet.getCellRangeByName('A1')
        all_cell.setFormula('=FISCALCHECK()')
        t02 = check_sheet.getCellRangeByName('A2')
        t02.setFormula('=FISCALCHECK("公开02表")')
        r011 = check_sheet.getCellRangeByName('A3')
        r011.setFormula('=FISCALCHECK("R01.1")')
        t05 = check_sheet.getCellRangeByName('A4')
        t05.setFormula('=FISCALCHECK("05")')
        print('      formula stored as', all_cell.getFormula())
        check(all_cell.getError() == 0 and all_cell.getString() == '0',
              'FISCALCHECK() is 0 on the sample (got %r)' % all_cell.getString())
        check(t02.getString() == '0' and r011.getString() == '0',
              'scoped variants are 0 on the sample')
        doc.setModified(False)

        total = office.find_value(doc, SHEET01, 634.38)
        t0 = time.monotonic()
        total.setValue(634.48)  # no calculate(), no calculateAll()
        elapsed = (time.monotonic() - t0) * 1000
        value = all_cell.getValue()
        print('      after 634.38 → 634.48: %r (%.1f ms)' % (value, elapsed))
        check(all_cell.getError() == 0 and value >= 1,
              'FISCALCHECK() ≥ 1 after changing 本年收入合计, with no recalculation request')
        check(r011.getValue() >= 1, 'FISCALCHECK("R01.1") follows the change')
        check(t05.getValue() == 0, 'FISCALCHECK("公开05表") ignores a change that breaks no rule reading 05')
        total.setValue(634.38)
        check(all_cell.getValue() == 0, 'restoring the value brings FISCALCHECK() back to 0')

        detail = office.find_value(doc, SHEET02, 321.21)
        detail.setValue(325.21)
        check(t02.getValue() >= 1, 'FISCALCHECK("公开02表") counts a broken 02 row')
        detail.setValue(321.21)
        check(t02.getValue() == 0, 'and returns to 0 when fixed')

        # the function itself never modifies the document: only our edits did
        doc.setModified(False)
        doc.calculateAll()
        check(not doc.isModified(), 'recalculating FISCALCHECK() leaves the document unmodified')
        check(office.sheet_names(doc)[:-1] == [s for s in office.sheet_names(doc) if s != '检查'],
              'no sheet added by the function')
        # finance offices work in .xlsx: the formula survives a round trip
        saved = os.path.join(office.docs, 'with-formula.xlsx')
        doc.storeToURL(uno.systemPathToFileUrl(saved),
                       _props(FilterName='Calc MS Excel 2007 XML'))
    finally:
        office.close(doc)
    doc = office.load(saved)
    try:
        again = office.sheet(doc, '检查')
        check(again.getCellRangeByName('A1').getString() == '0'
              and again.getCellRangeByName('A2').getString() == '0',
              'FISCALCHECK() and FISCALCHECK("公开02表") still work after saving as .xlsx')
        # Calc does not recalculate .xlsx formulas on load by default (Tools ▸
        # Options ▸ Calc ▸ Formula ▸ "Excel 2007 and newer: Never recalculate");
        # our load job does for workbooks with our formulas (e2e-load), and a
        # hard recalculation (Ctrl+Shift+F9) must keep them live too
        doc.calculateAll()
        office.find_value(doc, SHEET01, 634.38).setValue(634.48)
        check(again.getCellRangeByName('A1').getValue() >= 1,
              'and are live again after one hard recalculation')
    finally:
        office.close(doc)


def test_no_tables(office):
    doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                              _props(Hidden=True))
    try:
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByName('A1').setString('hello')
        sheet.getCellRangeByName('B1').setValue(42)
        cell = sheet.getCellRangeByName('C1')
        cell.setFormula('=FISCALCHECK()')
        text = cell.getString()
        print('      no tables →', repr(text))
        check(cell.getError() == 0 and text.startswith('未找到决算表') and 'no disclosure tables' in text,
              'a workbook without tables shows a clear text, not 0')
        rows = findings_rows(array_formula(sheet, 'E1:L5', '=FISCALCHECKFINDINGS()'))
        print('      FISCALCHECKFINDINGS() →', rows[1:])
        check(len(rows) == 2 and rows[0] == FINDINGS_HEADER and rows[1][0] == text,
              'FISCALCHECKFINDINGS() shows the header and the same text')
    finally:
        office.close(doc)


FINDINGS_HEADER = ('严重程度 Severity', '规则 Rule', '表 Table', '说明 Message',
                   '单元格 Cells', '应为 Expected', '实际 Actual', '差额 Difference')


def findings_rows(cell_range):
    """The rows an array formula shows, header included, up to the first
    row Calc fills with #N/A (the range is larger than the result)."""
    data = cell_range.getDataArray()
    rows = []
    for r, row in enumerate(data):
        if cell_range.getCellByPosition(0, r).getError() != 0:
            break
        rows.append(tuple(row))
    return rows


def array_formula(sheet, where, formula):
    """Enters formula as an array formula (Ctrl+Shift+Enter) over where."""
    cell_range = sheet.getCellRangeByName(where)
    cell_range.setArrayFormula(formula)
    return cell_range


def test_findings(office, sample):
    doc = office.load(sample, copy=True)
    try:
        sheet = new_sheet(office, doc, '清单')
        lists = [array_formula(sheet, where, formula) for where, formula in (
            ('A1:H40', '=FISCALCHECKFINDINGS()'),
            ('J1:Q40', '=FISCALCHECKFINDINGS("公开02表")'),
            ('A50:H55', '=FISCALCHECKFINDINGS("R01.1")'),
            ('J50:Q90', '=IFNA(FISCALCHECKFINDINGS("R02.1");"")'))]
        everything, t02, r011, blank_tail = lists
        print('      formula stored as', sheet.getCellRangeByName('A1').getFormula())

        rows = findings_rows(everything)
        for row in rows[:4]:
            print('      ', ' | '.join(str(v)[:40] for v in row))
        print('       … %d rows' % len(rows))
        check(rows and rows[0] == FINDINGS_HEADER, 'FISCALCHECKFINDINGS() starts with its header')
        check(all(len(row) == 8 for row in rows), 'eight columns per row')
        body = rows[1:]
        check(any(r[0] == '提示' and r[1] == 'R02.1' and r[2] == '公开02表'
                  and r[4].startswith('收入决算表!C') for r in body),
              'the sample lists its R02.1 rounding notes with their cells')
        check(any(r[0] == '警告' and r[1] == 'S.2' for r in body), 'and the S.2 warning')
        check(not any(r[0] == '错误' for r in body), 'and no error')
        check(len(body) >= 3 and len(body) <= 39, 'every finding fits the range (%d)' % len(body))
        order = {'错误': 0, '警告': 1, '提示': 2}
        check([order.get(r[0], 9) for r in body] == sorted(order.get(r[0], 9) for r in body),
              'errors first, then warnings, then notes')
        check(everything.getCellByPosition(0, len(rows)).getString() == '#N/A',
              'rows past the result show #N/A (documented: wrap in IFNA)')

        scoped = findings_rows(t02)[1:]
        check(scoped and all(r[2] == '公开02表' for r in scoped),
              'FISCALCHECKFINDINGS("公开02表") lists only table 02 (%d rows)' % len(scoped))
        check(findings_rows(r011)[1:] == [('无问题 / no findings', '', '', '', '', '', '', '')],
              'a scope with nothing to report says 无问题 / no findings')
        tail = blank_tail.getDataArray()
        n_r021 = sum(1 for r in body if r[1] == 'R02.1')
        check(all(v in ('', None) for row in tail[1 + n_r021:] for v in row)
              and tail[1][1] == 'R02.1',
              'wrapped in IFNA, rows past the result are blank')

        # texts compare like typed ones (Calc interns them: COUNTIF, =, MATCH)
        probes = sheet.getCellRangeByName('S1:S3')  # beside the lists, not inside
        sheet.getCellRangeByName('S1').setFormula('=COUNTIF(A1:A40;"警告")')
        sheet.getCellRangeByName('S2').setFormula('=MATCH("S.2";B1:B40;0)')
        sheet.getCellRangeByName('S3').setFormula('=COUNTIF(A1:A40;"错误")')
        check(probes.getDataArray()[0][0] == 1 and probes.getDataArray()[1][0] >= 2,
              'COUNTIF(A1:A40;"警告") and MATCH find the listed texts')

        doc.setModified(False)
        total = office.find_value(doc, SHEET01, 634.38)
        total.setValue(634.48)  # no calculate(), no calculateAll()
        rows = findings_rows(everything)
        x0102 = [r for r in rows if r[1] == 'X01-02.1']
        print('      after 634.38 → 634.48:', x0102)
        check(len(x0102) == 1 and x0102[0][0] == '错误' and x0102[0][2] == '公开01表',
              'an X01-02.1 error row appears with no recalculation request')
        check(x0102 and x0102[0][5:] == ('634.38', '634.48', '0.10'),
              'with expected, actual and difference (2 decimals)')
        check(x0102 and '收入支出决算总表!C' in x0102[0][4] and '收入决算表!C' in x0102[0][4],
              'and the cells of both tables')
        check(rows[1][0] == '错误', 'errors come first')
        check(probes.getDataArray()[2][0] >= 1, 'COUNTIF(A1:A40;"错误") follows')
        sheet.getCellRangeByName('S4').setFormula('=VALUE(H2)+0')
        check(abs(sheet.getCellRangeByName('S4').getValue()) > 0, 'amounts convert with VALUE()')
        check(any(r[0] == '错误' and r[1] == 'R01.1' for r in findings_rows(r011)[1:]),
              'FISCALCHECKFINDINGS("R01.1") follows the change')
        total.setValue(634.38)
        rows = findings_rows(everything)
        check(not any(r[0] == '错误' for r in rows), 'restoring the value removes the error rows')
        check(findings_rows(r011)[1][0] == '无问题 / no findings', 'and the scoped list is clean again')

        doc.setModified(False)
        doc.calculateAll()
        check(not doc.isModified(), 'recalculating FISCALCHECKFINDINGS() leaves the document unmodified')
    finally:
        office.close(doc)


def test_wizard(office, language, expect, name='FISCALCHECK'):
    desc = function_description(office, name)
    check(desc is not None, '%s is listed in the function wizard (%s)' % (name, language))
    if desc:
        text = desc.get('Description', '')
        args = [(a.Name, a.Description) for a in desc.get('Arguments', ())]
        print('      %s: %s %s' % (language, text, args))
        check(expect in text, 'its help is in %s' % language)
        check(len(args) == 1 and args[0][1], 'the Scope argument has help (%s)' % language)


def test_user_rules(oxt, sample):
    """A user's rule folder: a good file adds a rule that counts, a broken
    one is skipped and the shipped rules keep working."""
    import shutil
    import tempfile
    folder = tempfile.mkdtemp(prefix='fc-user-rules-')
    os.chmod(folder, 0o755)  # the office may run as nobody
    with open(os.path.join(folder, '10-mine.rules'), 'w', encoding='utf-8') as f:
        f.write('[U.1]\ncheck = 01["本年收入合计",1] <= 600\n'
                'message[zh_CN] = 本年收入不应超过600万元\nmessage[en_US] = at most 600\n')
    with open(os.path.join(folder, '20-broken.rules'), 'w', encoding='utf-8') as f:
        f.write('[U.2]\nmessage = x\ncheck = 01[27,1] =\n')
    for name in os.listdir(folder):
        os.chmod(os.path.join(folder, name), 0o644)
    os.environ['FISCALCHECK_RULES_DIR'] = folder
    try:
        with Office(oxt=oxt) as office:
            doc = office.load(sample, copy=True)
            try:
                cells = new_sheet(office, doc, '检查')
                mine = cells.getCellRangeByName('A1')
                mine.setFormula('=FISCALCHECK("U.1")')
                shipped = cells.getCellRangeByName('A2')
                shipped.setFormula('=FISCALCHECK("X01-02.1")')
                check(mine.getString() == '1', "a user's rule counts (FISCALCHECK(\"U.1\") = %r)"
                      % mine.getString())
                check(shipped.getString() == '0', 'shipped rules still work beside a broken user file')
                office.find_value(doc, SHEET01, 634.38).setValue(634.48)
                check(shipped.getValue() == 1, 'and still catch a changed total')
            finally:
                office.close(doc)
    finally:
        del os.environ['FISCALCHECK_RULES_DIR']
        shutil.rmtree(folder, ignore_errors=True)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    with Office(oxt=oxt) as office:
        test_wizard(office, 'en-US', 'Checks the final-accounts disclosure tables')
        test_wizard(office, 'en-US', 'Lists the findings of the final-accounts check',
                    'FISCALCHECKFINDINGS')
        test_sample(office, sample)
        test_no_tables(office)
        test_findings(office, sample)
    with Office(oxt=oxt, ui_locale='zh-CN') as office:
        test_wizard(office, 'zh-CN', '校验本工作簿中的部门决算公开表')
        test_wizard(office, 'zh-CN', '列出本工作簿部门决算公开表的审核结果', 'FISCALCHECKFINDINGS')
    test_user_rules(oxt, sample)
    return summary()


if __name__ == '__main__':
    sys.exit(main())
