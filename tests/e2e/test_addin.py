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
  * the function wizard lists FISCALCHECK with its help, in en-US and in zh-CN.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import Office  # noqa: E402

SHEET01 = '收入支出决算总表'
SHEET02 = '收入决算表'

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print('ok   ', what)
    else:
        failed += 1
        print('FAIL ', what)


def find_value(office, doc, sheet, value):
    for r, row in enumerate(office.grid(doc, sheet)):
        for c, v in enumerate(row):
            if isinstance(v, float) and abs(v - value) < 1e-9:
                return office.sheet(doc, sheet).getCellByPosition(c, r)
    raise AssertionError('%s not found on %s' % (value, sheet))


def function_description(office):
    fd = office.smgr.createInstanceWithContext('com.sun.star.sheet.FunctionDescriptions',
                                               office.ctx)
    for i in range(fd.getCount()):
        desc = {p.Name: p.Value for p in fd.getByIndex(i)}
        if desc.get('Name', '').upper() == 'FISCALCHECK':
            return desc
    return None


def test_sample(office, sample):
    doc = office.load(sample, copy=True)
    try:
        # the formula goes on a sheet of its own, as a user's check sheet would
        doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
        check_sheet = office.sheet(doc, '检查')
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

        total = find_value(office, doc, SHEET01, 634.38)
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

        detail = find_value(office, doc, SHEET02, 321.21)
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
    finally:
        office.close(doc)


def test_no_tables(office):
    doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                              (_prop('Hidden', True),))
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
    finally:
        office.close(doc)


def _prop(name, value):
    import uno  # noqa: F401
    from com.sun.star.beans import PropertyValue
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def test_wizard(office, language, expect):
    desc = function_description(office)
    check(desc is not None, 'FISCALCHECK is listed in the function wizard (%s)' % language)
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
                doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
                cells = office.sheet(doc, '检查')
                mine = cells.getCellRangeByName('A1')
                mine.setFormula('=FISCALCHECK("U.1")')
                shipped = cells.getCellRangeByName('A2')
                shipped.setFormula('=FISCALCHECK("X01-02.1")')
                check(mine.getString() == '1', "a user's rule counts (FISCALCHECK(\"U.1\") = %r)"
                      % mine.getString())
                check(shipped.getString() == '0', 'shipped rules still work beside a broken user file')
                find_value(office, doc, SHEET01, 634.38).setValue(634.48)
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
        test_sample(office, sample)
        test_no_tables(office)
    with Office(oxt=oxt, ui_locale='zh-CN') as office:
        test_wizard(office, 'zh-CN', '校验本工作簿中的部门决算公开表')
    test_user_rules(oxt, sample)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
