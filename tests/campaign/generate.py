#!/usr/bin/python3
"""generate.py — derives mangled workbooks from the sample package and the
real Shanghai package, for the campaign (tests/campaign/run.py).

    /usr/bin/python3 tests/campaign/generate.py OUT_DIR COUNT SAMPLE.ods REAL.xlsx

Workbook i (0 ≤ i < COUNT) is a function of i alone (random.Random(i)): its
base (the sample or the real package), its format (.ods, .xlsx, .xls, .fods
in turn), one to three edits made in a headless LibreOffice over UNO (cells
of the wrong type, error values, 1e308 and −0, control characters, 100,000
characters, merged cells across tables, hidden and protected sheets,
deleted and duplicated rows, tables and sheets, formulas that reference
other sheets or are circular, a sheet of 1,048,576 rows, users' comments
and backgrounds …), then for some a change of the saved bytes (truncated or
corrupted files, .xlsx and .ods with broken XML, very hidden sheets).
Writes OUT_DIR/manifest.json: one entry per file with what was done ("files"),
and the indices left out because LibreOffice took too long over their edits
("skipped").
"""

import json
import os
import random
import re
import shutil
import sys
import threading
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
import uno  # noqa: E402
from fcoffice import Office, _props  # noqa: E402
from com.sun.star.table import CellAddress, CellRangeAddress  # noqa: E402

FORMATS = [('ods', 'calc8'), ('xlsx', 'Calc MS Excel 2007 XML'), ('xls', 'MS Excel 97'),
           ('fods', 'OpenDocument Spreadsheet Flat XML')]
MAX_ROW = 1048575

TEXTS = ['abc', '六百', '634.38', '1,234.50', '－16.28', '', '-', '——', '#N/A', 'TRUE',
         '=1+1', '合计', '本年收入合计', '公开01表', '栏次', '行次', '201', '2010101',
         ' 12 ', '１２', '1e308', 'NaN', 'inf', '\u200b', '\ufeff']
NUMBERS = [1e308, -1e308, -0.0, 5e-324, 1e-300, 1e15, 999999999999.99, 1e12 + 1, 0.005,
           -0.01, 2147483648.0, 27.0, 1.0, 0.0]
ERROR_FORMULAS = ['=1/0', '=NA()', '=SQRT(-1)', '=VALUE("x")', '=1E308*10', '=$Nosuch.A1',
                  '=INDIRECT("ZZ0")', '=ERROR.TYPE(1)']


def quote_sheet(name):
    return "$'%s'" % name.replace("'", "''")


class Book:
    """A loaded document and what the edits need to know about it."""

    def __init__(self, doc, rnd):
        self.doc, self.rnd = doc, rnd

    def sheets(self):
        return list(self.doc.Sheets.ElementNames)

    def sheet(self, name=None):
        name = name or self.rnd.choice(self.sheets())
        return name, self.doc.Sheets.getByName(name)

    def used(self, sheet):
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        a = cur.RangeAddress
        return min(a.EndRow, 400), min(a.EndColumn, 40)

    def cells(self, want):
        """(sheet name, sheet, row, col) of cells holding what want() likes
        on a random sheet (any cell when there is none)."""
        name, sheet = self.sheet()
        rows, cols = self.used(sheet)
        data = sheet.getCellRangeByPosition(0, 0, cols, rows).DataArray
        hits = [(r, c) for r, row in enumerate(data) for c, v in enumerate(row) if want(v)]
        if not hits:
            hits = [(self.rnd.randint(0, rows), self.rnd.randint(0, cols))]
        return name, sheet, hits

    def amounts(self, n):
        name, sheet, hits = self.cells(lambda v: isinstance(v, float) and v != int(v))
        return name, sheet, self.rnd.sample(hits, min(n, len(hits)))

    def labels(self, n):
        name, sheet, hits = self.cells(lambda v: isinstance(v, str) and len(v) > 1)
        return name, sheet, self.rnd.sample(hits, min(n, len(hits)))


# ------------------------------------------------------------------ the edits
# Each takes a Book and returns a short description of what it did.

def wrong_type_text(b):
    name, sheet, hits = b.amounts(b.rnd.randint(1, 8))
    for r, c in hits:
        sheet.getCellByPosition(c, r).String = b.rnd.choice(TEXTS)
    return 'text in %d amount cells of %s' % (len(hits), name)


def wrong_type_number(b):
    name, sheet, hits = b.labels(b.rnd.randint(1, 6))
    for r, c in hits:
        sheet.getCellByPosition(c, r).Value = b.rnd.choice(NUMBERS)
    return 'numbers in %d label cells of %s' % (len(hits), name)


def error_values(b):
    name, sheet, hits = b.amounts(b.rnd.randint(1, 6))
    for r, c in hits:
        sheet.getCellByPosition(c, r).setFormula(b.rnd.choice(ERROR_FORMULAS))
    return 'error formulas in %d amount cells of %s' % (len(hits), name)


def extreme_numbers(b):
    name, sheet, hits = b.amounts(b.rnd.randint(1, 8))
    for r, c in hits:
        sheet.getCellByPosition(c, r).Value = b.rnd.choice(NUMBERS[:9])
    return '1e308, -0 … in %d amount cells of %s' % (len(hits), name)


def control_chars(b):
    name, sheet, hits = b.labels(b.rnd.randint(1, 6))
    for r, c in hits:
        cell = sheet.getCellByPosition(c, r)
        junk = ''.join(chr(b.rnd.choice([1, 2, 7, 8, 9, 10, 11, 12, 13, 27, 31, 127, 0x85, 0x2028,
                                          0xfffe, 0x202e])) for _ in range(b.rnd.randint(1, 6)))
        cell.String = b.rnd.choice([junk + cell.String, cell.String + junk, junk])
    return 'control characters in %d labels of %s' % (len(hits), name)


def long_text(b):
    name, sheet, hits = b.labels(1) if b.rnd.random() < 0.5 else b.amounts(1)
    r, c = hits[0]
    cell = sheet.getCellByPosition(c, r)
    cell.String = ((cell.String + b.rnd.choice(['长', 'x', '合计 ', '\t'])) * 100000)[:100000]
    return '100,000 characters in %s!%s' % (name, rc(r, c))


def stack_tables(b):
    """The used area of one sheet copied under another's: two tables on a
    sheet, then (mostly) merged cells across both."""
    names = b.sheets()
    if len(names) < 2:
        return 'nothing to stack'
    src, dst = b.rnd.sample(names, 2)
    s_sheet, d_sheet = b.doc.Sheets.getByName(src), b.doc.Sheets.getByName(dst)
    s_rows, s_cols = b.used(s_sheet)
    d_rows, _ = b.used(d_sheet)
    at = d_rows + b.rnd.choice([0, 1, 2])
    d_sheet.copyRange(CellAddress(d_sheet.RangeAddress.Sheet, 0, at + 1),
                      CellRangeAddress(s_sheet.RangeAddress.Sheet, 0, 0, s_cols, s_rows))
    what = '%s stacked under %s' % (src, dst)
    if b.rnd.random() < 0.7:
        top = b.rnd.randint(max(0, at - 5), at)
        left = b.rnd.randint(0, 3)
        d_sheet.getCellRangeByPosition(left, top, left + b.rnd.randint(1, 5),
                                       at + b.rnd.randint(2, 6)).merge(True)
        what += ', merged across both'
    return what


def merge_cells(b):
    name, sheet = b.sheet()
    rows, cols = b.used(sheet)
    n = b.rnd.randint(1, 4)
    for _ in range(n):
        top, left = b.rnd.randint(0, rows), b.rnd.randint(0, cols)
        sheet.getCellRangeByPosition(left, top, left + b.rnd.randint(0, 6),
                                     top + b.rnd.randint(0, 12)).merge(True)
    return '%d merged blocks on %s' % (n, name)


def hide_sheets(b):
    names = b.sheets()
    hidden = b.rnd.sample(names, b.rnd.randint(1, max(1, len(names) - 1)))
    for n in hidden:
        if len(b.sheets()) > 1:
            b.doc.Sheets.getByName(n).IsVisible = False
    # an office needs one visible sheet
    if not any(b.doc.Sheets.getByName(n).IsVisible for n in names):
        b.doc.Sheets.getByName(names[0]).IsVisible = True
    return '%d sheets hidden' % len(hidden)


def protect_sheets(b):
    names = b.rnd.sample(b.sheets(), b.rnd.randint(1, 3))
    for n in names:
        b.doc.Sheets.getByName(n).protect(b.rnd.choice(['', 'secret']))
    return 'protected: %s' % ', '.join(names)


def delete_rows(b):
    name, sheet = b.sheet()
    rows, _ = b.used(sheet)
    at, n = b.rnd.randint(0, rows), b.rnd.randint(1, 10)
    sheet.Rows.removeByIndex(at, n)
    return '%d rows deleted at %d on %s' % (n, at + 1, name)


def duplicate_rows(b):
    name, sheet = b.sheet()
    rows, cols = b.used(sheet)
    at, n = b.rnd.randint(0, rows), b.rnd.randint(1, 8)
    sheet.Rows.insertByIndex(at, n)
    sheet.copyRange(CellAddress(sheet.RangeAddress.Sheet, 0, at),
                    CellRangeAddress(sheet.RangeAddress.Sheet, 0, at + n, cols, at + 2 * n - 1))
    return '%d rows duplicated at %d on %s' % (n, at + 1, name)


def delete_columns(b):
    name, sheet = b.sheet()
    _, cols = b.used(sheet)
    at = b.rnd.randint(0, cols)
    sheet.Columns.removeByIndex(at, b.rnd.randint(1, 3))
    return 'columns deleted at %d on %s' % (at + 1, name)


def delete_sheet(b):
    names = b.sheets()
    if len(names) < 2:
        return 'nothing to delete'
    n = b.rnd.choice(names)
    b.doc.Sheets.removeByName(n)
    return 'sheet %s deleted' % n


def duplicate_sheet(b):
    names = b.sheets()
    n = b.rnd.choice(names)
    copy = (n[:20] + ' (2)') if b.rnd.random() < 0.5 else 'Sheet%d' % b.rnd.randint(1, 99)
    if copy in names:
        copy += 'x'
    b.doc.Sheets.copyByName(n, copy, b.rnd.randint(0, len(names)))
    return 'sheet %s duplicated as %s' % (n, copy)


def cross_sheet_formulas(b):
    name, sheet, hits = b.amounts(b.rnd.randint(1, 5))
    other = b.rnd.choice(b.sheets())
    for r, c in hits:
        sheet.getCellByPosition(c, r).setFormula(
            '=%s.%s' % (quote_sheet(other), rc(b.rnd.randint(0, 40), b.rnd.randint(0, 8))))
    return '%d amounts of %s refer to %s' % (len(hits), name, other)


def circular_formulas(b):
    name, sheet, hits = b.amounts(2)
    (r1, c1), (r2, c2) = hits[0], hits[-1]
    sheet.getCellByPosition(c1, r1).setFormula('=%s+0' % rc(r2, c2))
    sheet.getCellByPosition(c2, r2).setFormula('=%s+0' % rc(r1, c1))
    return 'circular %s ↔ %s on %s' % (rc(r1, c1), rc(r2, c2), name)


def million_rows(b):
    if b.rnd.random() < 0.5:
        name, sheet = b.sheet()
    else:
        name = '大表'
        b.doc.Sheets.insertNewByName(name, len(b.sheets()))
        sheet = b.doc.Sheets.getByName(name)
    sheet.getCellByPosition(b.rnd.randint(0, 8), MAX_ROW).Value = 1
    sheet.getCellByPosition(0, MAX_ROW - 1).String = '合计'
    return 'a cell in row 1,048,576 of %s' % name


def shuffle_sheets(b):
    names = b.sheets()
    for n in names:
        b.doc.Sheets.moveByName(n, b.rnd.randint(0, len(names)))
    return 'sheets reordered'


def rename_sheets(b):
    names = b.sheets()
    weird = ["it's", '审核结果', '_FiscalCheck2', 'Sheet 1', '公开01表', '[x]', '表' * 31,
             'a;b', '"q"', '名称 2024']
    n = b.rnd.choice(names)
    new = b.rnd.choice(weird)
    if new not in names:
        b.doc.Sheets.getByName(n).Name = new
    return 'sheet %s renamed %s' % (n, new)


def clear_block(b):
    name, sheet = b.sheet()
    rows, cols = b.used(sheet)
    top, left = b.rnd.randint(0, rows), b.rnd.randint(0, cols)
    sheet.getCellRangeByPosition(left, top, left + b.rnd.randint(0, 5),
                                 top + b.rnd.randint(0, 20)).clearContents(1023)
    return 'a block cleared on %s' % name


def user_marks(b):
    """Users' own comments and backgrounds: ClearMarks must give them back."""
    name, sheet, hits = b.amounts(b.rnd.randint(1, 5))
    for r, c in hits:
        if b.rnd.random() < 0.6:
            sheet.Annotations.insertNew(CellAddress(sheet.RangeAddress.Sheet, c, r),
                                        b.rnd.choice(['请核对', 'user note', '批注\n第二行']))
        if b.rnd.random() < 0.6:
            sheet.getCellByPosition(c, r).CellBackColor = b.rnd.choice([0x3366FF, 0xFFC7CE,
                                                                        0xFFEB9C, 0xFFFFFF])
    return 'user comments/backgrounds on %d cells of %s' % (len(hits), name)


def formula_texts(b):
    name, sheet, hits = b.labels(b.rnd.randint(1, 3))
    for r, c in hits:
        sheet.getCellByPosition(c, r).setFormula(b.rnd.choice(
            ['=REPT("长";50000)', '="合"&"计"', '=CHAR(7)&"本年收入合计"', '=UNICHAR(8238)&"x"']))
    return '%d labels made by formulas on %s' % (len(hits), name)


def change_amounts(b):
    """An ordinary wrong number: the tool must still say so."""
    name, sheet, hits = b.amounts(b.rnd.randint(1, 3))
    for r, c in hits:
        cell = sheet.getCellByPosition(c, r)
        cell.Value = cell.Value + b.rnd.choice([0.01, 0.05, 1, -100])
    return '%d amounts changed on %s' % (len(hits), name)


EDITS = [wrong_type_text, wrong_type_number, error_values, extreme_numbers, control_chars,
         long_text, stack_tables, merge_cells, hide_sheets, protect_sheets, delete_rows,
         duplicate_rows, delete_columns, delete_sheet, duplicate_sheet, cross_sheet_formulas,
         circular_formulas, shuffle_sheets, rename_sheets, clear_block, user_marks,
         formula_texts, change_amounts]


def rc(r, c):
    s, c = '', c + 1
    while c:
        c, m = divmod(c - 1, 26)
        s = chr(65 + m) + s
    return '%s%d' % (s, r + 1)


# ------------------------------------------------------------- saved bytes

def truncate(path, rnd):
    size = os.path.getsize(path)
    keep = rnd.randint(0, max(0, size - 1))
    with open(path, 'r+b') as f:
        f.truncate(keep)
    return 'truncated to %d of %d bytes' % (keep, size)


def corrupt(path, rnd):
    with open(path, 'r+b') as f:
        data = bytearray(f.read())
        n = rnd.randint(1, 64)
        for _ in range(n):
            if data:
                data[rnd.randrange(len(data))] = rnd.randrange(256)
        f.seek(0)
        f.write(data)
    return '%d bytes overwritten' % n


def break_xml(text, rnd):
    """One way XML goes wrong (text is str)."""
    k = rnd.randrange(6)
    at = rnd.randrange(max(1, len(text)))
    if k == 0:
        return text[:at], 'XML cut at %d' % at
    if k == 1:
        return text[:at] + '<<x' + text[at:], 'stray < at %d' % at
    if k == 2:
        return re.sub(r'</(row|table:table-row)>', '', text, count=3), 'closing tags removed'
    if k == 3:
        return text[:at] + '&nosuch;' + text[at:], 'undefined entity'
    if k == 4:
        return text.replace('"', "'", 5).replace('="', '=', 3), 'attribute quotes broken'
    return text[:at] + '\udcff' + text[at:], 'invalid UTF-8 byte'


def rewrite_member(path, rnd, pick):
    """Rewrites one XML member of a zip package (pick chooses it)."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    names = [i.filename for i, _ in items if pick(i.filename)]
    if not names:
        return 'no XML member to break'
    target = rnd.choice(names)
    out = path + '.tmp'
    what = ''
    with zipfile.ZipFile(out, 'w') as z:
        for info, data in items:
            if info.filename == target:
                text, what = break_xml(data.decode('utf-8', 'replace'), rnd)
                data = text.encode('utf-8', 'surrogateescape')
            z.writestr(info, data)
    os.replace(out, path)
    return '%s: %s' % (target, what)


def very_hidden(path, rnd):
    """xlsx only: a hidden sheet made very hidden, as Excel can."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    out, n = path + '.tmp', 0
    with zipfile.ZipFile(out, 'w') as z:
        for info, data in items:
            if info.filename == 'xl/workbook.xml':
                text = data.decode('utf-8')
                text, n = re.subn(r'state="hidden"', 'state="veryHidden"', text)
                if n == 0:   # none hidden: make the last sheet very hidden
                    text, n = re.subn(r'(<sheet [^>]*?)(/>)(?!.*<sheet )', r'\1 state="veryHidden"\2',
                                      text, flags=re.S)
                data = text.encode('utf-8')
            z.writestr(info, data)
    os.replace(out, path)
    return '%d sheets very hidden' % n


def mangle_bytes(path, ext, rnd):
    """Maybe changes the saved file; returns what was done or None."""
    x = rnd.random()
    if ext == 'xlsx' and x < 0.06:
        return very_hidden(path, rnd)
    if x < 0.12:
        if ext in ('xlsx', 'ods'):
            return rewrite_member(path, rnd, lambda n: n.endswith('.xml') and (
                'worksheets/' in n or n in ('content.xml', 'xl/workbook.xml', 'xl/sharedStrings.xml',
                                            'styles.xml', '[Content_Types].xml')))
        if ext == 'fods':
            with open(path, encoding='utf-8') as f:
                text, what = break_xml(f.read(), rnd)
            with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
                f.write(text)
            return what
        return corrupt(path, rnd)
    if x < 0.16:
        return truncate(path, rnd)
    if x < 0.19:
        return corrupt(path, rnd)
    return None


# ------------------------------------------------------------------ driver

def make_one(office, i, out_dir, bases):
    """Workbook i: loaded, edited, saved and maybe mangled; its manifest entry."""
    rnd = random.Random(i)
    base_name, base = bases[i % len(bases)]
    ext, filt = FORMATS[(i // len(bases)) % len(FORMATS)]
    edits = rnd.sample(EDITS, rnd.choice([1, 1, 2, 2, 3]))
    # a sheet of 1,048,576 rows: one file in 40, never in .xls (65,536 rows)
    if i % 40 == 17:
        ext, filt = ('ods', 'calc8') if i % 80 == 17 else ('xlsx', 'Calc MS Excel 2007 XML')
        edits = [million_rows] + edits[:1]
    doc = office.load(base, readonly=True)
    b = Book(doc, rnd)
    done = []
    for edit in edits:
        try:
            done.append('%s: %s' % (edit.__name__, edit(b)))
        except Exception as e:   # an edit the document refuses (a protected sheet …)
            done.append('%s: refused (%s)' % (edit.__name__, type(e).__name__))
    name = '%04d-%s.%s' % (i, base_name, ext)
    # the office may run as another user: it writes into its own folder
    saved = os.path.join(office.docs, name)
    doc.storeToURL(uno.systemPathToFileUrl(saved), _props(FilterName=filt, Overwrite=True))
    office.close(doc)
    path = os.path.join(out_dir, name)
    shutil.move(saved, path)
    os.chmod(path, 0o644)
    post = mangle_bytes(path, ext, rnd)
    return {'file': name, 'base': base_name, 'format': ext, 'edits': done, 'bytes': post}


def generate(out_dir, count, bases, log=print, limit=90):
    """count workbooks into out_dir.  LibreOffice itself can take minutes over
    some edits (laying out 100,000 characters in a merged cell): an office
    that takes more than limit seconds on one file is killed, the file is
    left out (listed in manifest.json's "skipped") and the next index taken;
    so is a file the office refuses to save."""
    os.makedirs(out_dir, exist_ok=True)
    manifest, skipped = [], []
    office = None
    i = 0
    try:
        while len(manifest) < count:
            if office is None:
                office = Office(watchdog=None, log=lambda m: None).start()
                staged = [(n, office._stage(p)) for n, p in bases]
            timer = threading.Timer(limit, office._kill)
            timer.start()
            try:
                manifest.append(make_one(office, i, out_dir, staged))
            except Exception as e:
                # killed by the timer, or an office that refused to save
                why = '%s: %s' % (type(e).__name__, str(e)[:200])
                if office.proc.poll() is not None:
                    why = 'the office took over %d s (%s)' % (limit, why)
                skipped.append({'index': i, 'why': why})
                log('workbook %d left out: %s' % (i, why))
                office.shutdown()
                office = None
            finally:
                timer.cancel()
            i += 1
            if i % 100 == 0:
                log('generated %d/%d' % (len(manifest), count))
    finally:
        if office is not None:
            office.shutdown()
    with open(os.path.join(out_dir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'files': manifest, 'skipped': skipped}, f, ensure_ascii=False, indent=1)
    return manifest


def main(argv):
    if len(argv) != 5:
        print(__doc__)
        return 2
    out_dir, count, sample, real = argv[1], int(argv[2]), argv[3], argv[4]
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    bases = [('sample', os.path.abspath(sample)), ('putuo', os.path.abspath(real))]
    generate(os.path.abspath(out_dir), count, bases,
             log=lambda m: print(m, file=sys.stderr, flush=True))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
