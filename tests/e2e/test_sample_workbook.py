#!/usr/bin/python3
"""End-to-end check of the sample workbook in a real headless LibreOffice.

Usage: /usr/bin/python3 tests/e2e/test_sample_workbook.py BUILD/ods-templates/sample.ods [SEED.txt]
       /usr/bin/python3 tests/e2e/test_sample_workbook.py --template BUILD/ods-templates/template.ods

Opens the workbook (no extension installed) and checks that the ten sheets are
there in order, that every table's title, 表号, 部门名称, year and unit sit
where the seed (part 二 of the 2023 大同市外事办 package) puts them, and that
key amounts are numeric cells with the published value and 2-decimal display.
With SEED.txt, additionally compares every cell of every sheet (value and
numeric/text kind) with what ods-templates/gen-sample.py derives from the seed.
With --template, checks the blank template instead: same sheets, titles and
labels, 表号 of 支出决算表 corrected to 公开03表, 部门名称 blank, and no amount
anywhere (the only numbers left are integers: 栏次, 行次, 科目代码).
Exit 0 when everything matches; prints each check.
"""

import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fcoffice  # noqa: E402
from fcoffice import Office, a1_to_rc, rc_to_a1  # noqa: E402

DEPT = '大同市人民政府外事办公室'

# (sheet / title, 表号) in workbook order; the seed labels 支出决算表 公开09表
TABLES = [
    ('收入支出决算总表', '公开01表'),
    ('收入决算表', '公开02表'),
    ('支出决算表', '公开09表'),
    ('财政拨款收入支出决算总表', '公开04表'),
    ('一般公共预算财政拨款支出决算表', '公开05表'),
    ('一般公共预算财政拨款基本支出决算明细表', '公开06表'),
    ('政府性基金预算财政拨款收入支出决算表', '公开07表'),
    ('国有资本经营预算财政拨款支出决算表', '公开08表'),
    ('财政拨款“三公”经费支出决算表', '公开09表'),
    ('部门决算公开相关信息统计表', '公开10表'),
]



class N(str):
    """An amount as published: a numeric cell with this value, shown like this."""


# sheet -> [(address, expected)]: str = text cell, int = numeric cell shown as
# that integer, N('65.70') = numeric cell 65.7 shown '65.70', None = empty
T01, T02, T03, T04, T05, T06, T07, T08, T09, T10 = (t for t, _ in TABLES)
CELLS = {
    T01: [('A6', '收入'), ('D6', '支出'), ('A8', '栏次'), ('C8', 1), ('F8', 2),
          ('A9', '一、一般公共预算财政拨款收入'), ('B9', 1), ('C9', N('568.68')),
          ('D9', '一、一般公共服务支出'), ('B9', 1), ('E9', 32), ('F9', N('454.06')),
          ('C14', N('65.70')), ('C16', N('0.00')), ('F16', N('140.22')), ('F17', N('11.17')), ('F27', N('30.13')),
          ('A33', None),                        # page break kept as an empty row
          ('A36', '本年收入合计'), ('B36', 27), ('C36', N('634.38')),
          ('D36', '本年支出合计'), ('E36', 58), ('F36', N('635.58')),
          ('A38', '年初结转和结余'), ('C38', N('-16.28')), ('F38', N('-17.48')),
          ('A40', '总计'), ('B40', 31), ('C40', N('618.10')), ('D40', '总计'), ('E40', 62),
          ('F40', N('618.10'))],
    T02: [('A9', '合计'), ('C9', N('634.38')), ('D9', N('568.68')), ('G9', N('65.70')), ('I9', N('0.00')),
          ('A10', 201), ('B10', '一般公共服务支出'), ('C10', N('452.86')),
          ('A12', 2010301), ('I12', N('0.00')), ('A30', '注：本表反映部门本年度取得的各项收入情况。')],
    T03: [('A9', '合计'), ('C9', N('635.58')), ('D9', N('423.74')), ('E9', N('144.94')), ('G9', N('66.90')),
          ('F6', '上缴 上级 支出'), ('A13', 2010399), ('C13', N('110.54'))],
    T04: [('A36', '本年收入合计'), ('B36', 27), ('C36', N('568.68')), ('F36', N('568.68')),
          ('G36', N('568.68')), ('A35', None), ('A41', '总计'), ('C41', N('568.68')), ('F41', N('568.68')),
          ('E9', 33), ('F9', N('387.15')), ('G9', N('387.15'))],
    T05: [('A9', '合计'), ('C9', N('568.68')), ('D9', N('423.74')), ('E9', N('144.94')),
          ('A13', 2010399), ('C13', N('43.64')), ('D13', None), ('E13', N('43.64'))],
    T06: [('A6', '人员经费'), ('D6', '公用经费'), ('A8', 301), ('C8', N('283.47')),
          ('D8', 302), ('F8', N('30.29')), ('I13', '——'), ('L15', '——'),
          ('C22', N('109.98')), ('A24', None), ('C25', N('56.96')),
          ('B37', '人员经费合计'), ('C37', N('393.45')),
          ('H37', '公用经费合计'), ('I37', None), ('L37', N('30.29'))],
    T07: [('A9', '合计'), ('C9', None), ('A11', '说明：本表无数据')],
    T08: [('A9', '合计'), ('C9', None), ('A11', '说明：本表无数据')],
    T09: [('A3', '部门名称：' + DEPT), ('A4', '[部门]'), ('A5', '2023年度'),
          ('A10', 1), ('L10', 12),
          ('A11', N('18.83')), ('B11', N('15.79')), ('C11', None), ('F11', N('3.04')),
          ('G11', N('18.83')), ('H11', N('15.79')), ('L11', N('3.04'))],
    T10: [('A6', '一、政府采购情况'), ('A8', '合计'), ('B8', 1), ('C8', None),
          ('A14', '(一) 行政单位'), ('B14', 5), ('C14', N('30.29')),
          ('A26', '(二) 单价100万元(含)以上设备(不含车辆)'), ('B26', 17)],
}


def expect_cell(chk, office, doc, sheet, addr, want):
    got = office.value(doc, sheet, addr)
    shown = office.text(doc, sheet, addr)
    kind = office.kind(doc, sheet, addr)
    where = '%s!%s' % (sheet, addr)
    if want is None:
        chk.check(got is None, '%s empty (got %r)' % (where, got))
    elif isinstance(want, N) or isinstance(want, int):
        ok = (kind == 'VALUE' and isinstance(got, float) and abs(got - float(want)) < 1e-9
              and shown == str(want))
        chk.check(ok, '%s = number %s (got %s %r shown %r)' % (where, want, kind, got, shown))
    else:
        chk.check(kind == 'TEXT' and got == want, '%s = %r (got %s %r)' % (where, want, kind, got))


def compare_with_seed(chk, office, doc, seed):
    gen_path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            '..', '..', 'ods-templates', 'gen-sample.py')
    spec = importlib.util.spec_from_file_location('gen_sample', gen_path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    with open(seed, encoding='utf-8') as f:
        base, part2 = gen.read_part2(f.read().split('\n'))
    for t in gen.split_tables(part2, base):
        grid = office.grid(doc, t['title'])
        diffs = []
        for r, (seed_line, fields) in enumerate(t['rows']):
            fields = fields or []
            width = max(len(fields), len(grid[r]) if r < len(grid) else 0)
            for c in range(width):
                f = fields[c] if c < len(fields) else ''
                g = grid[r][c] if r < len(grid) and c < len(grid[r]) else None
                if f == '':
                    ok = g is None
                elif gen.NUM_RE.match(f):
                    ok = isinstance(g, float) and abs(g - float(f)) < 1e-9
                else:
                    ok = g == f
                if not ok:
                    diffs.append('%s (seed line %d): want %r got %r'
                                 % (rc_to_a1(r, c), seed_line, f, g))
        extra = len(grid) - len(t['rows'])
        cells = sum(1 for _, fl in t['rows'] for x in (fl or []) if x)
        chk.check(not diffs and extra <= 0,
                  '%s: all %d seed cells match (value and kind)%s'
                  % (t['title'], cells, ''.join('\n       ' + d for d in diffs[:5])
                     + ('\n       %d extra rows' % extra if extra > 0 else '')))


def main(argv):
    template = '--template' in argv
    argv = [a for a in argv if a != '--template']
    if len(argv) not in (2, 3) or (template and len(argv) != 2):
        sys.stderr.write(__doc__)
        return 2
    path = argv[1]
    seed = argv[2] if len(argv) == 3 else None
    tables = [(t, '公开03表' if template and t == T03 else no) for t, no in TABLES]
    chk = fcoffice  # chk.check is fcoffice.check
    with Office(watchdog=300) as office:
        doc = office.load(path, readonly=True)
        try:
            names = office.sheet_names(doc)
            chk.check(names == [t for t, _ in tables],
                      'ten sheets named after the titles, in seed order (got %s)' % names)
            for title, no in tables:
                if title not in names:
                    chk.check(False, 'sheet %s present' % title)
                    continue
                expect_cell(chk, office, doc, title, 'A1', title)
                expect_cell(chk, office, doc, title, 'A2', no)
                a3 = office.value(doc, title, 'A3')
                label = '单位名称：' if title == T10 else '部门名称：'
                if template:
                    chk.check(a3 == label, '%s!A3 = %r, name blank (got %r)' % (title, label, a3))
                else:
                    chk.check(isinstance(a3, str) and a3.startswith(label + DEPT),
                              '%s!A3 %s%s… (got %r)' % (title, label, DEPT, a3))
                year_row = 5 if title == T09 else 4
                expect_cell(chk, office, doc, title, 'A%d' % year_row, '2023年度')
                unit = office.value(doc, title, 'A%d' % (year_row + 1))
                chk.check(unit in ('金额单位：万元', '单位：万元'),
                          '%s!A%d unit 万元 (got %r)' % (title, year_row + 1, unit))
                found = office.find(doc, title, '本表反映', exact=False)
                chk.check(len(found) == 1 and a1_to_rc(found[0])[1] == 0,
                          '%s: one 注：本表反映… note in column A (%s)' % (title, found))
                for addr, want in CELLS.get(title, []):
                    if template and (isinstance(want, N) or want == '[部门]'):
                        want = None                 # amounts and the name are blank
                    elif template and isinstance(want, str) and want.startswith('部门名称：'):
                        want = '部门名称：'
                    expect_cell(chk, office, doc, title, addr, want)
                if template:
                    amounts = [rc_to_a1(r, c) for r, row in enumerate(office.grid(doc, title))
                               for c, v in enumerate(row)
                               if isinstance(v, float) and v != int(v)]
                    chk.check(not amounts, '%s: no amounts left (%s)' % (title, amounts[:5]))
            if seed:
                compare_with_seed(chk, office, doc, seed)
        finally:
            office.close(doc)
    return fcoffice.summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
