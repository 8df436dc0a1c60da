#!/usr/bin/env python3
"""Generate sample.fods, sample-tables.fods and template.fods from a 部门决算公开 seed text.

The seed is the tab-separated text of a real published package (part 二 holds
the ten disclosure tables, part 三 the narrative, part 五 the project
self-evaluations).  Each table becomes one sheet named after its title; every
seed line of the table becomes one sheet row and every tab-separated field
one cell, starting in column A.

sample.fods has, after the ten tables, the narrative (part 三, from its
heading 第三部分 情况说明 to the line before 第四部分) on a sheet 情况说明, one
paragraph a cell in column A as pasting from Word gives, every line exactly
as published; and each self-evaluation table of part 五 on a sheet of its
own named after its project (its lines from its title on, blank lines
dropped, fields as cells like the tables').  sample-tables.fods is the ten
tables alone (what the table rules' tests read).

Layout rules (so the mapping stays predictable):
  * a table runs from its title line (the line before "公开NN表") down to its
    last 注：/说明： line;
  * blank lines that merely separate paragraphs (title, 表号, 部门名称, year,
    unit, notes) are dropped, so the title is row 1, the 表号 row 2, ...;
  * blank lines INSIDE the grid (a blank line with a tab-separated line both
    above and below it) are kept as empty rows: they are page breaks in the
    published PDF and real workbooks carry such oddities;
  * a field that looks like a number (-?digits[.digits]) is a numeric cell
    whose office:value is the field exactly as written; numbers written with
    2 decimals get a 2-decimal number format (0.00 and 65.70 show as
    published), integers (栏次, 行次, 科目代码) are shown as General;
  * every other field is a text cell.

template.fods has the same ten tables and layout with every amount (a number
written with decimals) removed, the 部门名称/单位名称 blanked, and the 表号 of
支出决算表 corrected to 公开03表 (the seed labels it 公开09表 by mistake; the
sample keeps that mistake on purpose).

Usage:
  gen-sample.py SEED.txt [--outdir DIR]     write sample.fods, sample-tables.fods and template.fods
  gen-sample.py SEED.txt --check [--outdir DIR]
                                            exit 1 if the files in DIR differ
Python 3 standard library only.
"""

import argparse
import os
import re
import sys
from xml.sax.saxutils import escape

NUM_RE = re.compile(r'^-?\d+(\.\d+)?$')
TABLE_NO_RE = re.compile(r'^公开\d\d表$')
PART2_START = re.compile(r'^第二部分[^\t]*$')   # not the TOC line (has a tab + page)
PART2_END = re.compile(r'^第三部分[^\t]*$')
PART3_END = re.compile(r'^第四部分[^\t]*$')
PART5_START = re.compile(r'^第五部分[^\t]*$')
EVAL_TITLE_RE = re.compile(r'^[^\t]*项目支出[^\t]*$')   # a self-evaluation's title line
YEAR_LINE_RE = re.compile(r'^\(\d{4}年度\)$')
NOTE_RE = re.compile(r'^(注：|说明：)')


def read_part2(lines):
    """Return (start_index, lines) of part 二 (0-based indices into lines)."""
    start = end = None
    for i, line in enumerate(lines):
        if start is None and PART2_START.match(line):
            start = i + 1
        elif start is not None and PART2_END.match(line):
            end = i
            break
    if start is None or end is None:
        sys.exit('gen-sample: cannot find part 二 (第二部分 … 第三部分) in the seed')
    return start, lines[start:end]


def read_part3(lines):
    """The narrative: part 三's lines from its heading on, blank ones dropped."""
    start = next((i for i, l in enumerate(lines) if PART2_END.match(l) and i > 0
                  and any(PART2_START.match(x) for x in lines[:i])), None)
    if start is None:
        sys.exit('gen-sample: cannot find part 三 in the seed')
    end = next((i for i in range(start, len(lines)) if PART3_END.match(lines[i])), len(lines))
    return [l for l in lines[start:end] if l.strip()]


def read_part5(lines):
    """The self-evaluation tables: a list of (project, rows)."""
    start = max((i for i, l in enumerate(lines) if PART5_START.match(l)), default=None)
    if start is None:
        sys.exit('gen-sample: cannot find part 五 in the seed')
    body = [l for l in lines[start + 1:] if l.strip()]
    starts = [i for i, l in enumerate(body) if EVAL_TITLE_RE.match(l) and not YEAR_LINE_RE.match(l)]
    tables = []
    for n, s in enumerate(starts):
        rows = [l.split('\t') for l in body[s:starts[n + 1] if n + 1 < len(starts) else len(body)]]
        name = next((f for r in rows if r and r[0] == '项目名称' for f in r[1:] if f.strip()), None)
        if name is None:
            sys.exit('gen-sample: self-evaluation %d has no 项目名称' % (n + 1))
        tables.append((name.strip(), rows))
    return tables


def split_tables(lines, base):
    """Split part 二 into tables.

    Returns a list of dicts: title, first_line, last_line (1-based seed line
    numbers) and rows (list of (seed_line_no, fields or None for a kept blank)).
    """
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    # a title is the non-blank line right before a 公开NN表 line
    starts = []
    for k, i in enumerate(nonblank[1:], 1):
        if TABLE_NO_RE.match(lines[i].strip()):
            starts.append(nonblank[k - 1])
    if len(starts) != 10:
        sys.exit('gen-sample: expected 10 tables in part 二, found %d' % len(starts))
    tables = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = lines[s:e]
        # last line of the table: its last 注：/说明： line, else its last non-blank
        last = max((j for j, l in enumerate(body) if l.strip()), default=0)
        notes = [j for j, l in enumerate(body) if NOTE_RE.match(l)]
        if notes:
            last = max(notes)
        body = body[:last + 1]
        rows = []
        for j, line in enumerate(body):
            seed_no = base + s + j + 1
            if line.strip():
                rows.append((seed_no, line.split('\t')))
                continue
            prev = next((body[k] for k in range(j - 1, -1, -1) if body[k].strip()), '')
            nxt = next((body[k] for k in range(j + 1, len(body)) if body[k].strip()), '')
            if '\t' in prev and '\t' in nxt:
                rows.append((seed_no, None))        # page break inside the grid
        tables.append({'title': body[0].strip(), 'first_line': base + s + 1,
                       'last_line': base + s + last + 1, 'rows': rows})
    return tables


def blank_for_template(table):
    """Return a copy of the table's rows with amounts and names removed."""
    out = []
    for seed_no, fields in table['rows']:
        if fields is not None:
            new = []
            for f in fields:
                if NUM_RE.match(f) and '.' in f:
                    f = ''                                   # an amount
                elif re.match(r'^(部门名称|单位名称)：', f):
                    f = f[:5]                                # keep the label
                elif re.match(r'^(19|20)\d\d年度$', f):
                    f = '____年度'                           # the preparer's year, not the seed's
                elif f == '[部门]':
                    f = ''                                   # tail of a wrapped name
                elif f == '公开09表' and table['title'] == '支出决算表':
                    f = '公开03表'                           # fix the seed's mistake
                new.append(f)
            fields = new
        out.append((seed_no, fields))
    return out


def cell_xml(field):
    if field == '':
        return None
    if NUM_RE.match(field):
        decimals = len(field.split('.')[1]) if '.' in field else 0
        # 2 decimals: show as published; other numbers: General
        style = ' table:style-name="ceN2"' if decimals == 2 else ''
        return ('<table:table-cell office:value-type="float" office:value="%s"%s>'
                '<text:p>%s</text:p></table:table-cell>' % (field, style, field))
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p>'
            '</table:table-cell>' % escape(field))


def row_xml(fields):
    if not fields or all(f == '' for f in fields):
        return '<table:table-row><table:table-cell/></table:table-row>'
    while fields and fields[-1] == '':
        fields = fields[:-1]
    parts = []
    gap = 0
    for f in fields:
        x = cell_xml(f)
        if x is None:
            gap += 1
            continue
        if gap:
            parts.append('<table:table-cell table:number-columns-repeated="%d"/>' % gap
                         if gap > 1 else '<table:table-cell/>')
            gap = 0
        parts.append(x)
    return '<table:table-row>' + ''.join(parts) + '</table:table-row>'


HEADER = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<!-- GENERATED by ods-templates/gen-sample.py from %(seed)s -->
<!-- %(what)s -->
<office:meta>
 <meta:generator>FiscalCheck gen-sample.py</meta:generator>
 <dc:title>%(title)s</dc:title>
</office:meta>
<office:styles>
 <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
 <style:style style:name="Default" style:family="table-cell"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
 <style:style style:name="ceN2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body>
<office:spreadsheet>
'''

FOOTER = '''</office:spreadsheet>
</office:body>
</office:document>
'''


def sheet_xml(name, rows, comment):
    ncols = max((len(f) for f in rows if f), default=1)
    out = ['<!-- %s -->\n' % escape(comment)]
    out.append('<table:table table:name="%s">\n' % escape(name, {'"': '&quot;'}))
    out.append('<table:table-column table:style-name="co1" table:number-columns-repeated="%d"/>\n' % ncols)
    for fields in rows:
        out.append(row_xml(fields) + '\n')
    out.append('</table:table>\n')
    return ''.join(out)


def text_row_xml(text):
    """One cell of text, whatever it looks like (a narrative paragraph)."""
    return ('<table:table-row><table:table-cell office:value-type="string"><text:p>%s</text:p>'
            '</table:table-cell></table:table-row>' % escape(text))


def render(tables, rows_of, seed_name, what, title, narrative=None, evals=()):
    out = [HEADER % {'seed': escape(seed_name), 'what': escape(what), 'title': escape(title)}]
    for t in tables:
        rows = [f for _, f in rows_of(t)]
        out.append(sheet_xml(t['title'], rows, '%s: seed lines %d-%d' % (t['title'], t['first_line'],
                                                                          t['last_line'])))
    if narrative is not None:
        out.append('<!-- 情况说明: part 三 of the seed, one paragraph a cell -->\n')
        out.append('<table:table table:name="情况说明">\n')
        out.append('<table:table-column table:style-name="co1"/>\n')
        for line in narrative:
            out.append(text_row_xml(line) + '\n')
        out.append('</table:table>\n')
    for name, rows in evals:
        out.append(sheet_xml(name, rows, '%s: a self-evaluation of part 五' % name))
    out.append(FOOTER)
    return ''.join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('seed')
    ap.add_argument('--outdir', default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--check', action='store_true',
                    help='do not write; exit 1 if the existing files differ')
    a = ap.parse_args()
    with open(a.seed, encoding='utf-8') as f:
        lines = f.read().split('\n')
    base, part2 = read_part2(lines)
    tables = split_tables(part2, base)
    seed_name = os.path.basename(a.seed)
    narrative = read_part3(lines)
    evals = read_part5(lines)
    docs = {
        'sample.fods': render(tables, lambda t: t['rows'], seed_name,
                              'sample: parts 二, 三 and 五 of the seed, every number and word as published',
                              'FiscalCheck sample workbook', narrative, evals),
        'sample-tables.fods': render(tables, lambda t: t['rows'], seed_name,
                                     'sample tables: part 二 of the seed, every number as published',
                                     'FiscalCheck sample workbook (tables)'),
        'template.fods': render(tables, blank_for_template, seed_name,
                                'template: the ten tables without amounts or 部门名称',
                                'FiscalCheck blank templates'),
    }
    rc = 0
    for name, text in docs.items():
        path = os.path.join(a.outdir, name)
        if a.check:
            try:
                with open(path, encoding='utf-8') as f:
                    same = f.read() == text
            except OSError:
                same = False
            print('%s: %s' % (path, 'up to date' if same else 'DIFFERS'))
            rc |= 0 if same else 1
        else:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            print('wrote %s' % path)
    for t in tables:
        print('  %-24s seed lines %3d-%3d, %2d rows' % (t['title'], t['first_line'], t['last_line'], len(t['rows'])))
    print('  情况说明 %d paragraphs; %d self-evaluations' % (len(narrative), len(evals)))
    return rc


if __name__ == '__main__':
    sys.exit(main())
