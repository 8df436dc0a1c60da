#!/usr/bin/python3
"""End-to-end: the narrative (情况说明) and self-evaluation checks through the
built batch command and extension, on the whole sample (the ten tables, its
情况说明 sheet, one paragraph a cell, and its 12 self-evaluation sheets) in a
real headless LibreOffice.

Usage: /usr/bin/python3 tests/e2e/test_narrative.py BUILD/fiscalcheck BUILD/fiscalcheck.oxt \
           BUILD/ods-templates/sample.ods docs/report.schema.json

  * `fiscalcheck check` on it (the README's first command): exit 1, no
    error from the tables' rules, the seed's two errors — N.4 (2022's
    一般公共预算财政拨款支出 stated as 545.61 where 五（一） implies 542.37) and
    P.1 (J外事宣传费's 总分 99.95 where its scores add up to 89.95) — with
    their quotes and cells in JSON (matching docs/report.schema.json) and
    the quote in the text report;
  * =FISCALCHECK() counts them like any other finding (2), and
    =FISCALCHECK("N.4") is 1;
  * Validate marks the sentence's cell light red with a comment that quotes
    the claim; Clear marks gives the cell back as it was.
Exit status 0 when every check passes.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SUCCESS, Office, check, cli_env, dispatch, summary  # noqa: E402
from test_cli import run, validate  # noqa: E402

NARRATIVE = '情况说明'
ERROR_COLOR = 0xFFC7CE


def test_cli(exe, sample, schema, env):
    r = run(exe, ['check', '--format', 'json', sample], env)
    check(r.rc == 1, 'sample: exit 1 (the narrative has errors)')
    check(not validate(r.json, schema, schema), 'sample: JSON matches docs/report.schema.json')
    wb = r.entry(sample)
    if not check(wb is not None and 'error' not in wb, 'sample: checked'):
        return None
    findings = wb['findings']
    table_errors = [f for f in findings if f['severity'] == 'error' and f['rule'][:2] not in ('N.', 'P.')]
    check(not table_errors, 'the tables\' rules find no error (%s)' % [f['rule'] for f in table_errors])
    errors = [f for f in findings if f['severity'] == 'error']
    check(sorted(f['rule'] for f in errors) == ['N.4', 'P.1'],
          'the two errors are N.4 and P.1 (%s)' % [f['rule'] for f in errors])
    n4 = [f for f in errors if f['rule'] == 'N.4']
    if check(len(n4) == 1, 'one N.4'):
        f = n4[0]
        check('545.61' in f.get('quote', '') and '542.37' in f['message'],
              'N.4 quotes 545.61 and names 542.37 (%r)' % f.get('quote'))
        check(f['cells'] and f['cells'][0]['sheet'] == NARRATIVE,
              'N.4 points at the narrative\'s cell first (%s)' % f['cells'][:1])
        check(f.get('paragraph', 0) >= 1 and 'document' not in f, 'N.4 has its paragraph, no document')
    p1 = [f for f in errors if f['rule'] == 'P.1']
    if check(len(p1) == 1, 'one P.1'):
        check(p1[0]['cells'][0]['sheet'] == 'J外事宣传费' and p1[0]['expected'] == 89.95
              and p1[0]['actual'] == 99.95, 'P.1 at J外事宣传费: 89.95 expected, 99.95 actual')
    notes = [f for f in findings if f['severity'] == 'info' and f['rule'][:2] in ('N.', 'P.')]
    check(len(notes) == 12, 'the narrative\'s 12 rounding notes (%d)' % len(notes))
    t = run(exe, ['check', sample], env)
    check('原文 quote' in t.out and '相较2022年度一般公共预算财政拨款支出545.61万元' in t.out,
          'the text report shows the quote')
    return n4[0] if n4 else None


def test_office(oxt, sample, n4):
    with Office(oxt=oxt) as office:
        doc = office.load(sample, copy=True)
        try:
            doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
            sheet = office.sheet(doc, '检查')
            all_cell = sheet.getCellRangeByName('A1')
            all_cell.setFormula('=FISCALCHECK()')
            one = sheet.getCellRangeByName('A2')
            one.setFormula('=FISCALCHECK("N.4")')
            doc.calculateAll()
            check(all_cell.getString() == '2', 'FISCALCHECK() is 2 on the whole sample (%r)' % all_cell.getString())
            check(one.getString() == '1', 'FISCALCHECK("N.4") is 1 (%r)' % one.getString())
            doc.Sheets.removeByName('检查')

            addr = n4['cells'][0]['cell'] if n4 else 'A32'
            cell = office.sheet(doc, NARRATIVE).getCellRangeByName(addr)
            before = (cell.CellBackColor, cell.IsCellBackgroundTransparent, cell.Annotation.String)
            state, message = dispatch(office, doc, 'Validate')
            check(state == SUCCESS, 'Validate succeeds (%r)' % message)
            text = cell.Annotation.String
            check(cell.CellBackColor == ERROR_COLOR, '情况说明!%s is light red (%#x)' % (addr, cell.CellBackColor))
            check('N.4' in text and '545.61' in text and '542.37' in text,
                  'its comment names N.4 and quotes the claim (%r)' % text[:200])
            state, message = dispatch(office, doc, 'ClearMarks')
            after = (cell.CellBackColor, cell.IsCellBackgroundTransparent, cell.Annotation.String)
            check(state == SUCCESS and after == before, 'Clear marks gives the cell back as it was')
        finally:
            office.close(doc)


def main(argv):
    if len(argv) != 5:
        print(__doc__)
        return 2
    exe, oxt, sample, schema_path = [os.path.abspath(a) for a in argv[1:]]
    schema = json.load(open(schema_path, encoding='utf-8'))
    tmp = tempfile.mkdtemp(prefix='fc-narrative-test-')
    os.chmod(tmp, 0o755)
    env = cli_env(FISCALCHECK_CACHE_DIR=os.path.join(tmp, 'cache'))
    try:
        n4 = test_cli(exe, sample, schema, env)
        test_office(oxt, sample, n4)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
