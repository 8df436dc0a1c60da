#!/usr/bin/python3
"""End-to-end test of a real package of another province through the batch
command: tests/data/putuo_ghzy_2024.xlsx (Shanghai Putuo 规划和自然资源局 2024,
as published, unedited) and copies of it made in real LibreOffice.

Usage: /usr/bin/python3 tests/e2e/test_real.py BUILD/fiscalcheck BUILD/fiscalcheck.oxt tests/data

Checks, through `fiscalcheck check --format json` (real soffice, the built
.oxt in a private cache):
  * the package as published: exit 0, no error, its eleven rounding tails as
    notes, at most three warnings (it has none);
  * the same as .fods, and saved by LibreOffice as .ods and .xls: the same;
  * every amount as text with thousands separators ("9,746.50"): the same;
  * 01 支出 212 城乡社区支出 3845.25 → 3845.30: exit 1, errors, one at that cell;
  * 06 人员经费合计 4884.09 → 4884.04: errors at that cell.
Exit 0 when everything passes; prints each check.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

import fcoffice
from fcoffice import Office, a1_to_rc, check, cli_env, rc_to_a1

REAL = 'putuo_ghzy_2024'
T01 = '收入支出决算总表'
T06 = '一般公共预算财政拨款基本支出决算表'



def run_check(exe, env, *paths):
    p = subprocess.run([exe, 'check', '--format', 'json'] + list(paths), env=env,
                       capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(p.stdout)
    except ValueError:
        report = {'workbooks': []}
        print(p.stdout[-2000:], p.stderr[-2000:])
    return p.returncode, report['workbooks']


def summary(entry):
    s = entry.get('summary', {})
    return s.get('error', -1), s.get('warning', -1), s.get('info', -1)


def errors_at(entry, sheet, address):
    return [f for f in entry.get('findings', []) if f['severity'] == 'error'
            and any(c['sheet'] == sheet and c['cell'] == address for c in f['cells'])]


def clean(entry, what):
    e, w, i = summary(entry)
    check(e == 0, '%s: no error (%d)' % (what, e))
    check(0 <= w <= 3, '%s: at most three warnings (%d)' % (what, w))
    check(i == 11, '%s: the eleven rounding tails as notes (%d)' % (what, i))
    for f in entry.get('findings', []):
        if f['severity'] != 'info':
            print('     %s %s %s' % (f['severity'], f['rule'], f['message']))


def set_cell(office, doc, sheet, addr, value):
    office.cell(doc, sheet, addr).setValue(value)


def save(office, doc, path, filter_name):
    from fcoffice import _props
    doc.storeToURL('file://' + path, _props(FilterName=filter_name, Overwrite=True))


def mutant(office, xlsx, sheet, label, offset, was, becomes, path):
    """A copy of the package with the amount offset columns right of label
    changed from was to becomes, saved as .xlsx at path; its address."""
    doc = office.load(xlsx, copy=True)
    r, c = a1_to_rc(office.find(doc, sheet, label)[0])
    address = rc_to_a1(r, c + offset)
    check(office.value(doc, sheet, address) == was, '%s is %s at %s' % (label, was, address))
    set_cell(office, doc, sheet, address, becomes)
    save(office, doc, path, 'Calc MS Excel 2007 XML')
    office.close(doc)
    return address


def thousands(doc):
    """Every amount with decimals becomes text such as "9,746.50"."""
    sheets = doc.Sheets
    for i in range(sheets.Count):
        sh = sheets.getByIndex(i)
        cur = sh.createCursor()
        cur.gotoEndOfUsedArea(False)
        end = cur.RangeAddress
        rng = sh.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        data = [list(r) for r in rng.DataArray]
        for r, row in enumerate(data):
            for c, v in enumerate(row):
                if isinstance(v, float) and v != int(v):
                    row[c] = '{:,.2f}'.format(v)
        # setDataArray writes strings as text cells
        rng.DataArray = tuple(tuple(r) for r in data)


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    exe, oxt, data = [os.path.abspath(a) for a in argv[1:]]
    tmp = tempfile.mkdtemp(prefix='fc-real-test-')
    os.chmod(tmp, 0o755)
    env = cli_env(FISCALCHECK_CACHE_DIR=os.path.join(tmp, 'cache'))
    try:
        xlsx = os.path.join(data, REAL + '.xlsx')
        fods = os.path.join(data, REAL + '.fods')
        rc, entries = run_check(exe, env, xlsx, fods)
        check(rc == 0, 'as published (.xlsx, .fods): exit 0 (%d)' % rc)
        for entry, what in zip(entries, ['as published .xlsx', 'as .fods']):
            clean(entry, what)

        work = os.path.join(tmp, 'files')
        os.mkdir(work)
        os.chmod(work, 0o777)
        with Office(oxt=None) as office:
            doc = office.load(xlsx, copy=True)
            save(office, doc, os.path.join(work, REAL + '.ods'), 'calc8')
            save(office, doc, os.path.join(work, REAL + '.xls'), 'MS Excel 97')
            office.close(doc)

            doc = office.load(xlsx, copy=True)
            thousands(doc)
            save(office, doc, os.path.join(work, 'thousands.xlsx'), 'Calc MS Excel 2007 XML')
            office.close(doc)

            mutated_01 = mutant(office, xlsx, T01, '十一、城乡社区支出', 1, 3845.25, 3845.30,
                                os.path.join(work, 'mutant01.xlsx'))
            mutated_06 = mutant(office, xlsx, T06, '人员经费合计', 2, 4884.09, 4884.04,
                                os.path.join(work, 'mutant06.xlsx'))

        names = [REAL + '.ods', REAL + '.xls', 'thousands.xlsx']
        rc, entries = run_check(exe, env, *[os.path.join(work, n) for n in names])
        check(rc == 0, 'saved as .ods, .xls, and amounts as text: exit 0 (%d)' % rc)
        for entry, what in zip(entries, names):
            clean(entry, what)

        rc, entries = run_check(exe, env, os.path.join(work, 'mutant01.xlsx'),
                                os.path.join(work, 'mutant06.xlsx'))
        check(rc == 1, 'mutants: exit 1 (%d)' % rc)
        if check(len(entries) == 2, 'mutants: two entries'):
            check(errors_at(entries[0], T01, mutated_01),
                  '01 212 +0.05: an error at %s!%s' % (T01, mutated_01))
            check(errors_at(entries[1], T06, mutated_06),
                  '06 人员经费合计 −0.05: an error at %s!%s' % (T06, mutated_06))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return fcoffice.summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
