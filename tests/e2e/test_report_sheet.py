#!/usr/bin/python3
"""End-to-end: the 审核结果 sheet Validate writes, as a finance officer reads
it (issue 20, item 3), in a real headless LibreOffice with the built
extension, under a zh-CN and an en-US user interface.

Usage: /usr/bin/python3 tests/e2e/test_report_sheet.py BUILD/fiscalcheck.oxt \
           BUILD/ods-templates/sample.ods tests/data

  * the whole sample (its narrative has two errors, 12 rounding notes, a
    share and a rate among them; its tables one S.2 warning): errors
    first, then warnings, then notes; amounts formatted #,##0.00, shares
    and rates as percentages (0.00"%"); the 单元格 links blue and
    underlined; the header and the messages in the UI language, the other
    language in a hidden column; the message column wraps; the fitted
    columns stay narrow; the sample's tables named by their 表号;
  * the Shanghai workbook (no 表号 printed) with its narrative: its tables
    named by their printed titles, never 公开NN表;
  * under an en-US interface the same sheet speaks English.
Exit status 0 when every check passes.
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SUCCESS, Office, check, dispatch, summary  # noqa: E402

REPORT = '审核结果'
HEADER_ROW = 4
LINK_COLOR = 0x0000EE
ZH_RANK = {'错误': 0, '警告': 1, '提示': 2}
EN_RANK = {'Error': 0, 'Warning': 1, 'Note': 2}


def rows_of(office, doc):
    return office.grid(doc, REPORT)


def number_format(doc, cell):
    return doc.NumberFormats.getByKey(cell.NumberFormat).FormatString


def check_sheet(office, doc, zh, label):
    state, message = dispatch(office, doc, 'Validate')
    check(state == SUCCESS, '%s: Validate succeeds (%r)' % (label, message))
    rows = rows_of(office, doc)
    sheet = office.sheet(doc, REPORT)
    header = rows[HEADER_ROW]
    if zh:
        check(header[:5] == ['序号', '严重程度', '规则', '表', '说明'],
              '%s: the header is Chinese (%r)' % (label, header[:6]))
    else:
        check(header[:5] == ['No.', 'Severity', 'Rule', 'Table', 'Description'],
              '%s: the header is English (%r)' % (label, header[:6]))
    findings = [r for r in rows[HEADER_ROW + 1:] if r and r[0] is not None]
    rank = ZH_RANK if zh else EN_RANK
    ranks = [rank.get(r[1], 9) for r in findings]
    check(findings and 9 not in ranks, '%s: every severity is one word of the UI language (%r)'
          % (label, sorted(set(r[1] for r in findings))))
    check(ranks == sorted(ranks), '%s: errors first, then warnings, then notes (%s)'
          % (label, ''.join(str(x) for x in ranks)))
    check(ranks and ranks[0] == 0, '%s: the first row is an error' % label)
    messages = [r[4] or '' for r in findings]
    others = [r[5] or '' for r in findings]
    cjk = lambda t: any('\u4e00' <= ch <= '\u9fff' for ch in t)  # noqa: E731
    if zh:
        check(all(cjk(m) for m in messages), '%s: the messages are Chinese' % label)
        check(sum(1 for o in others if o and not cjk(o[:20])) >= len(others) // 2,
              '%s: the hidden column holds the English' % label)
    else:
        check(all(not cjk(m[:25]) for m in messages), '%s: the messages are English (%r)'
              % (label, [m[:25] for m in messages if cjk(m[:25])][:2]))
    columns = sheet.Columns
    check(not columns.getByIndex(5).IsVisible and columns.getByIndex(4).IsVisible,
          '%s: the other language is a hidden column' % label)
    check(columns.getByIndex(4).Width >= 10000
          and sheet.getCellByPosition(4, HEADER_ROW + 1).IsTextWrapped,
          '%s: the message column is wide and wraps' % label)
    # rows fitted after the widths: as high as Calc's own fit of them now,
    # not as high as while the message column was narrow
    rows_range = sheet.getCellRangeByPosition(0, HEADER_ROW + 1, 0, HEADER_ROW + len(findings))
    heights = [rows_range.Rows.getByIndex(i).Height for i in range(len(findings))]
    rows_range.Rows.OptimalHeight = True
    fitted = [rows_range.Rows.getByIndex(i).Height for i in range(len(findings))]
    check(heights == fitted, '%s: the rows are fitted to their text (%s)'
          % (label, [(i, h, f) for i, (h, f) in enumerate(zip(heights, fitted)) if h != f][:3]))
    check(sheet.getCellByPosition(4, HEADER_ROW + 1).VertJustify == 1,
          '%s: the findings read from the top of their rows' % label)
    widths = [columns.getByIndex(c).Width for c in (0, 1, 2, 6, 7, 8)]
    check(all(w <= 3300 for w in widths), '%s: the fitted columns stay narrow (%s)' % (label, widths))
    amounts = [(i, r) for i, r in enumerate(findings) if isinstance(r[6], float)]
    formats = {}
    for i, r in amounts:
        cell = sheet.getCellByPosition(6, HEADER_ROW + 1 + i)
        formats.setdefault(number_format(doc, cell), []).append((r[2], cell.String))
    check('#,##0.00' in formats, '%s: amounts have two decimals (%s)'
          % (label, {k: v[:2] for k, v in formats.items()}))
    check(all(len(s.split('.')[-1].rstrip('%')) == 2 for v in formats.values() for _, s in v),
          '%s: every figure shows two decimals' % label)
    links = [(i, c) for i, r in enumerate(findings) for c in range(9, len(r)) if r[c]]
    if check(links, '%s: the findings link their cells' % label):
        i, c = links[0]
        cell = sheet.getCellByPosition(c, HEADER_ROW + 1 + i)
        check(cell.Formula.upper().startswith('=HYPERLINK(') and cell.CharColor == LINK_COLOR
              and cell.CharUnderline == 1, '%s: a link is a HYPERLINK, blue and underlined' % label)
    return findings, formats


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    oxt, sample, data = [os.path.abspath(a) for a in argv[1:]]
    tmp = tempfile.mkdtemp(prefix='fc-report-sheet-test-')
    os.chmod(tmp, 0o777)
    try:
        shanghai = os.path.join(tmp, 'putuo.xlsx')
        shutil.copy(os.path.join(data, 'putuo_ghzy_2024.xlsx'), shanghai)
        shutil.copy(os.path.join(data, 'putuo_ghzy_2024_narrative.txt'), os.path.join(tmp, 'putuo.txt'))
        for f in os.listdir(tmp):
            os.chmod(os.path.join(tmp, f), 0o666)
        with Office(oxt=oxt, ui_locale='zh-CN') as office:
            doc = office.load(sample, copy=True)
            try:
                findings, formats = check_sheet(office, doc, True, 'sample (zh-CN)')
                check('0.00"%"' in formats, 'sample: shares and rates are percentages (%s)'
                      % {k: v[:3] for k, v in formats.items()})
                tables = set(r[3] for r in findings if r[3])
                check(tables and all(t.startswith('公开') and t.endswith('表') for t in tables),
                      'sample: tables are named by their 表号 (%s)' % sorted(tables))
            finally:
                office.close(doc)
            doc = office.load(shanghai, copy=False)
            try:
                findings, _ = check_sheet(office, doc, True, 'Shanghai (zh-CN)')
                tables = set(r[3] for r in findings if r[3])
                check(tables and not any(t.startswith('公开') for t in tables),
                      'Shanghai: tables are named by their printed titles (%s)' % sorted(tables))
            finally:
                office.close(doc)
        with Office(oxt=oxt, ui_locale='en-US') as office:
            doc = office.load(sample, copy=True)
            try:
                check_sheet(office, doc, False, 'sample (en-US)')
            finally:
                office.close(doc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
