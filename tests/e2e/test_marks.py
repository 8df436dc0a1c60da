#!/usr/bin/python3
"""End-to-end test of the 决算审核 / FiscalCheck menu commands in a real
headless LibreOffice, dispatched exactly as a menu click does
(DispatchHelper.executeDispatch on the document's frame).

Usage: /usr/bin/python3 tests/e2e/test_marks.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods

On the sample with 收入支出决算总表 本年收入合计 changed 634.38 → 634.48, a user
comment and a user background on that cell and on another one:
  * the user comments come from a saved document with an author and an old
    date, neither of which a comment made now would get;
  * Validate marks the cell (colour; its comment gets rule, expected, actual
    on top of the user's text, keeping the user's author and date; other
    marked cells get a comment of their own), writes
    the 审核结果 sheet listing it with a hyperlink, selects a marked cell;
  * NextFinding walks the marked cells and cycles;
  * ClearMarks restores every cell's background and comment on every sheet
    and removes the report and bookkeeping sheets;
  * Validate then one undo restores the same;
  * Validate twice then ClearMarks restores the same;
  * Validate twice, undo, redo (our sheets removed and re-added), and
    ClearMarks, undo, redo: soffice survives, each state is exact;
  * Validate, save, close, reload, ClearMarks restores the same;
  * the same user workbook (a user comment, background and formula on the
    marked cell) saved as .xlsx, .xls and .ods: opened, Validate (the
    user's comment under FiscalCheck's), saved in its format, reopened, Clear
    marks, saved, reopened: every comment (text, author, date), background,
    value and formula is as the user had it.  Said per office: what
    getString alone reads from a freshly opened comment (25.2 reads "" for
    an .xlsx: its comments are imported without their caption objects);
  * a protected sheet, a read-only document and a workbook without tables
    get their message (FAILURE result, log line) and nothing changes.
Exit status 0 when every check passes.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
import fcoffice  # noqa: E402
from fcoffice import (FAILURE, SUCCESS, Office, a1_to_rc, cell_looks, cell_notes, check, dispatch, failures,  # noqa: E402
                      note_text, note_text_unforced)
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.table import CellAddress  # noqa: E402

T01 = '收入支出决算总表'
MUTATED = 'C36'            # 本年收入合计, 634.38 in the sample
OTHER = (T01, 'A36')       # a label cell: gets a user comment, is never marked
TOTAL = 'C40'              # 总计 (行31): marked by R01.2, has no user comment
REPORT = '审核结果'
STORE = '_FiscalCheck'
ERROR_COLOR = 0xFFC7CE
USER_COLOR = 0x3366FF
USER_AUTHOR = '张会计'          # neither is what a comment made now would get
USER_DATE = '2019-03-04T10:20:30'
USER_TEXT = '我的批注：请核对本年收入'
USER_FORMULA = '=600+34.48'     # the user's own formula in the marked cell
FORMATS = (('xlsx', 'Calc MS Excel 2007 XML'), ('xls', 'MS Excel 97'), ('ods', 'calc8'))


def snapshot(doc):
    """Every sheet's name, and per cell of the used area (plus a margin):
    background colour, transparency, comment text, value and formula."""
    out = {'sheets': list(doc.Sheets.ElementNames)}
    for name in out['sheets']:
        sheet = doc.Sheets.getByName(name)
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        end_row, end_col = cur.RangeAddress.EndRow + 2, cur.RangeAddress.EndColumn + 2
        looks = cell_looks(sheet, end_row, end_col)
        # author and date too: Clear must give a user's comment back untouched
        notes = cell_notes(sheet)
        rng = sheet.getCellRangeByPosition(0, 0, end_col, end_row)
        out[name] = (looks, notes, rng.DataArray, rng.FormulaArray)
    return out


def diff(a, b):
    """Human-readable differences between two snapshots (at most 10)."""
    out = []
    if a['sheets'] != b['sheets']:
        out.append('sheets %s != %s' % (a['sheets'], b['sheets']))
    for name in a['sheets']:
        if name not in b:
            continue
        for what, x, y in zip(('look', 'comment'), a[name][:2], b[name][:2]):
            for key in sorted(set(x) | set(y)):
                if x.get(key) != y.get(key):
                    out.append('%s %s %s: %r != %r' % (name, what, key, x.get(key), y.get(key)))
        if a[name][2] != b[name][2]:
            out.append('%s: values differ' % name)
        if a[name][3] != b[name][3]:
            out.append('%s: formulas differ' % name)
    return out[:10]


def same(office, doc, original, what):
    d = diff(original, snapshot(doc))
    check(not d, what + ('' if not d else ':\n       ' + '\n       '.join(d)))


def prepare(doc):
    """The mutation, plus a user's comment and background on two cells."""
    sheet = doc.Sheets.getByName(T01)
    cell = sheet.getCellRangeByName(MUTATED)
    assert abs(cell.Value - 634.38) < 1e-9, cell.Value
    cell.Value = 634.48
    for addr, text in ((MUTATED, '用户批注：请核对'), (OTHER[1], 'user note')):
        row, col = a1_to_rc(addr)
        sheet.Annotations.insertNew(CellAddress(sheet.RangeAddress.Sheet, col, row), text)
        sheet.getCellRangeByName(addr).CellBackColor = USER_COLOR


def with_old_authors(office, doc):
    """doc saved as flat ODF with every comment's author and date set to
    USER_AUTHOR / USER_DATE, reloaded: comments a Validate that replaced
    them (new author, new date) could not give back."""
    path = os.path.join(office.docs, 'commented.fods')
    p = PropertyValue()
    p.Name, p.Value = 'FilterName', 'OpenDocument Spreadsheet Flat XML'
    doc.storeAsURL(uno.systemPathToFileUrl(path), (p,))
    office.close(doc)
    with open(path, encoding='utf-8') as f:
        xml = f.read()

    def old(m):
        body = re.sub(r'<dc:(creator|date)>[^<]*</dc:\1>', '', m.group(2))
        return '%s<dc:creator>%s</dc:creator><dc:date>%s</dc:date>%s' % (
            m.group(1), USER_AUTHOR, USER_DATE, body)
    xml, n = re.subn(r'(<office:annotation\b[^>]*>)(.*?</office:annotation>)', old, xml,
                     flags=re.S)
    assert n == 2, n
    with open(path, 'w', encoding='utf-8') as f:
        f.write(xml)
    os.chown(path, office.uid, office.gid)
    return office.load(path)


def selected(doc):
    sel = doc.getCurrentController().getSelection()
    a = sel.RangeAddress
    return (doc.Sheets.ElementNames[a.Sheet], a.StartRow, a.StartColumn)


def report_texts(doc):
    sheet = doc.Sheets.getByName(REPORT)
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    a = cur.RangeAddress
    rng = sheet.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow)
    return [[str(v) for v in row] for row in rng.DataArray], rng


def test_validate_and_clear(office, doc, original):
    state, message = dispatch(office, doc, 'Validate')
    print('     Validate ->', state, repr(message))
    check(state == SUCCESS, 'Validate succeeds')
    sheet = doc.Sheets.getByName(T01)
    cell = sheet.getCellRangeByName(MUTATED)
    check(cell.CellBackColor == ERROR_COLOR, 'the mutated cell is light red (%#x)' % cell.CellBackColor)
    note = cell.Annotation
    text = note.String
    print('     comment:', text.replace('\n', ' | '))
    check(text.startswith('FiscalCheck') and 'R01.1' in text and '634.48' in text
          and '634.38' in text and text.endswith('\n\n用户批注：请核对'),
          "its comment names rule, actual and expected above the user's text")
    before = original[T01][1][a1_to_rc(MUTATED)]
    check((note.Author, note.Date) == before[1:] and before[1] == USER_AUTHOR,
          "the user's comment keeps its author and date: %r" % ((note.Author, note.Date),))
    # a marked cell without a user comment gets ours: 总计 (行31), read by R01.2
    total = sheet.getCellRangeByName(TOTAL)
    ours = total.Annotation.String
    print('     comment:', ours.replace('\n', ' | '))
    check(total.CellBackColor == ERROR_COLOR and 'R01.2' in ours and '618.10' in ours
          and '618.20' in ours, 'a marked cell gets a comment naming rule, actual and expected')
    followers = [t for t, _, _ in cell_notes(sheet).values()
                 if '共同原因：%s!%s' % (T01, MUTATED) in t]
    check(followers and '共同原因' not in text,
          'cells that only follow from the changed total name it as the common cause (%d)'
          % len(followers))
    other = sheet.getCellRangeByName(OTHER[1])
    check(other.Annotation.String == 'user note' and other.CellBackColor == USER_COLOR,
          'an unmarked cell keeps its user comment and colour')
    names = list(doc.Sheets.ElementNames)
    check(REPORT in names, 'the report sheet %s exists' % REPORT)
    check(STORE in names and not doc.Sheets.getByName(STORE).IsVisible,
          'the bookkeeping sheet exists and is hidden')
    if REPORT in names:
        texts, rng = report_texts(doc)
        flat = [v for row in texts for v in row]
        link = '%s!%s' % (T01, MUTATED)
        check(link in flat, 'the report lists %s' % link)
        check(len(texts) > 1 and ('错误' in texts[1][0] or 'error' in texts[1][0]),
              'the report has a summary line: %s' % (texts[1][0] if len(texts) > 1 else None))
        hits = [(r, c) for r, row in enumerate(texts) for c, v in enumerate(row) if v == link]
        if hits:
            r, c = hits[0]
            formula = rng.getCellByPosition(c, r).Formula
            print('     link formula:', formula)
            check(formula.upper().startswith('=HYPERLINK(') and MUTATED in formula,
                  'the cell is a hyperlink')
    sel = selected(doc)
    marked = doc.Sheets.getByName(sel[0]).getCellByPosition(sel[2], sel[1])
    check(marked.CellBackColor == ERROR_COLOR,
          'Validate lands on an error (light red), not a warning: %s' % (sel,))

    # NextFinding walks the marks and comes back round
    seen = []
    for _ in range(40):
        state, message = dispatch(office, doc, 'NextFinding')
        if state != SUCCESS:
            break
        seen.append(selected(doc))
        if seen.count(seen[0]) > 1:
            break
    print('     NextFinding visited', len(set(seen)), 'cells:', seen[:6])
    check(len(seen) > 1 and seen[-1] == seen[0] and len(set(seen)) == len(seen) - 1,
          'NextFinding visits every mark once, then cycles')
    check(all(doc.Sheets.getByName(s).getCellByPosition(c, r).CellBackColor
              in (ERROR_COLOR, 0xFFEB9C) for s, r, c in seen), 'NextFinding selects marked cells')
    # the position, severity and rule, as the status bar shows them
    state, message = dispatch(office, doc, 'NextFinding')
    m = re.match(r'第 (\d+)/(\d+) 处 · (错误|警告) · ([A-Z]{1,3}[0-9]{0,3}\.[0-9]+)：', message or '')
    check(state == SUCCESS and m is not None and int(m.group(2)) == len(set(seen)),
          'NextFinding says 第 k/n 处 · severity · rule (%r)' % (message or '')[:60])
    here = selected(doc)
    color = doc.Sheets.getByName(here[0]).getCellByPosition(here[2], here[1]).CellBackColor
    check(m is not None and (m.group(3) == '错误') == (color == ERROR_COLOR),
          'the severity said is the mark\'s (%s, %#x)' % (m.group(3) if m else None, color))
    k = int(m.group(1)) if m else 0
    state, message = dispatch(office, doc, 'PreviousFinding')
    back = selected(doc)
    n = int(m.group(2)) if m else 1
    check(state == SUCCESS and (message or '').startswith('第 %d/%d 处' % ((k - 2) % n + 1, n))
          and back != here, 'PreviousFinding goes one mark back (%r)' % (message or '')[:40])
    state, message = dispatch(office, doc, 'NextFinding')
    check(selected(doc) == here, 'and NextFinding forward again')

    state, message = dispatch(office, doc, 'ClearMarks')
    print('     ClearMarks ->', state, repr(message))
    check(state == SUCCESS, 'ClearMarks succeeds')
    same(office, doc, original, 'after ClearMarks every cell is as before')


def test_undo(office, doc, original):
    undo = doc.UndoManager
    before = undo.getAllUndoActionTitles()
    state, _ = dispatch(office, doc, 'Validate')
    after = undo.getAllUndoActionTitles()
    print('     undo stack grew by', len(after) - len(before), '->', after[:1])
    check(state == SUCCESS and len(after) == len(before) + 1, 'Validate is one undo step')
    undo.undo()
    same(office, doc, original, 'one undo after Validate restores every cell and sheet')


def test_revalidate(office, doc, original):
    dispatch(office, doc, 'Validate')
    state, _ = dispatch(office, doc, 'Validate')
    check(state == SUCCESS, 'Validate again succeeds')
    check(list(doc.Sheets.ElementNames).count(REPORT) == 1, 'still one report sheet')
    dispatch(office, doc, 'ClearMarks')
    same(office, doc, original, 'Validate twice then ClearMarks restores every cell')


def test_redo(office, doc, original):
    """Redo after our sheets were removed: LibreOffice redoes a sheet
    removal through the active view, which a headless office lacks (it
    crashed soffice); our own undo actions remove and re-add them."""
    undo = doc.UndoManager
    dispatch(office, doc, 'Validate')
    marked = snapshot(doc)
    state, _ = dispatch(office, doc, 'Validate')   # removes the first report and bookkeeping
    check(state == SUCCESS, 'Validate twice succeeds')
    again = snapshot(doc)
    undo.undo()
    same(office, doc, marked, 'Validate twice, undo: the first run\'s marks and sheets')
    undo.redo()
    check(office.proc.poll() is None, 'redo of the second Validate: soffice survives')
    same(office, doc, again, 'and the second run\'s marks and sheets are back')
    undo.undo()
    undo.undo()
    same(office, doc, original, 'two undos restore every cell and sheet')
    undo.redo()
    undo.redo()
    same(office, doc, again, 'two redos bring both runs back')
    state, _ = dispatch(office, doc, 'ClearMarks')
    check(state == SUCCESS, 'ClearMarks succeeds')
    undo.undo()
    same(office, doc, again, 'ClearMarks, undo: the marks and sheets are back')
    undo.redo()
    check(office.proc.poll() is None, 'redo of ClearMarks: soffice survives')
    same(office, doc, original, 'and every cell and sheet is as before')
    check(undo.isRedoPossible() is False and undo.isUndoPossible(),
          'no stray undo actions: nothing left to redo')


def test_save_reload(office, doc, original):
    dispatch(office, doc, 'Validate')
    path = os.path.join(office.docs, 'marked.ods')
    p = PropertyValue()
    p.Name, p.Value = 'FilterName', 'calc8'
    doc.storeAsURL(uno.systemPathToFileUrl(path), (p,))
    office.close(doc)
    doc = office.load(path)
    cell = doc.Sheets.getByName(T01).getCellRangeByName(MUTATED)
    check(cell.CellBackColor == ERROR_COLOR, 'the marks survive save and reload')
    check('R01.1' in cell.Annotation.String and cell.Annotation.Author == USER_AUTHOR,
          "and so does the comment, with the user's author")
    state, message = dispatch(office, doc, 'ClearMarks')
    print('     ClearMarks after reload ->', state, repr(message))
    same(office, doc, original, 'save, reload, ClearMarks restores every cell')
    return doc


def store(office, doc, path, filter_name):
    p = PropertyValue()
    p.Name, p.Value = 'FilterName', filter_name
    doc.storeToURL(uno.systemPathToFileUrl(path), (p,))


def test_formats(office, sample):
    """A user's workbook in each format: Validate, save, reopen, Clear
    marks, save, reopen gives back every comment, background, value and
    formula; in between, the marked cell carries FiscalCheck's comment
    above the user's.  Each step opens the file afresh and runs the command
    before anything reads a comment, as a user's office would."""
    doc = office.load(sample, copy=True)
    prepare(doc)
    sheet = doc.Sheets.getByName(T01)
    sheet.getCellRangeByName(MUTATED).Formula = USER_FORMULA
    row, col = a1_to_rc(MUTATED)
    sheet.getCellByPosition(col, row).Annotation.String = USER_TEXT
    base = {}
    for fmt, flt in FORMATS:
        base[fmt] = os.path.join(office.docs, 'user.' + fmt)
        store(office, doc, base[fmt], flt)
    office.close(doc)
    for fmt, flt in FORMATS:
        what = '.%s (LibreOffice %s)' % (fmt, office.version)
        doc = office.load(base[fmt])
        cell = doc.Sheets.getByName(T01).getCellRangeByName(MUTATED)
        plain = note_text_unforced(cell)
        print('     %s: a fresh comment read by getString alone: %r%s'
              % (what, plain, '' if plain == USER_TEXT else
                 ' (imported without its caption; the add-in asks for the shape first)'))
        original = snapshot(doc)
        office.close(doc)
        check(original[T01][1].get((row, col), ('',))[0] == USER_TEXT
              and original[T01][3][row][col] == USER_FORMULA,
              '%s: the user\'s comment and formula are in the file' % what)

        doc = office.load(base[fmt])
        state, message = dispatch(office, doc, 'Validate')
        check(state == SUCCESS, '%s: Validate succeeds (%r)' % (what, message))
        marked = os.path.join(office.docs, 'marked.' + fmt)
        store(office, doc, marked, flt)
        office.close(doc)

        doc = office.load(marked)
        cell = doc.Sheets.getByName(T01).getCellRangeByName(MUTATED)
        text = note_text(cell)
        check(text.startswith('FiscalCheck') and 'R01.1' in text
              and text.endswith('\n\n' + USER_TEXT) and cell.CellBackColor == ERROR_COLOR
              and cell.Formula == USER_FORMULA,
              "%s: saved after Validate, the marked cell has FiscalCheck's comment above "
              "the user's, the error background and the user's formula (%r)" % (what, text[-60:]))
        office.close(doc)

        doc = office.load(marked)
        state, message = dispatch(office, doc, 'ClearMarks')
        check(state == SUCCESS, '%s: reopened, Clear marks succeeds (%r)' % (what, message))
        same(office, doc, original, '%s: after Clear marks every comment, background, value '
             'and formula is the user\'s' % what)
        cleared = os.path.join(office.docs, 'cleared.' + fmt)
        store(office, doc, cleared, flt)
        office.close(doc)
        doc = office.load(cleared)
        same(office, doc, original, '%s: and so it is saved and reopened' % what)
        office.close(doc)


def test_refusals(office, sample):
    doc = office.load(sample, copy=True)
    prepare(doc)
    doc.Sheets.getByName(T01).protect('')
    before = snapshot(doc)
    state, message = dispatch(office, doc, 'Validate')
    print('     protected ->', state, repr(message))
    check(state == FAILURE and '受保护' in message and 'protected' in message,
          'a protected sheet: Validate refuses with a message')
    same(office, doc, before, 'a protected sheet: nothing changed')
    # GLib writes the log in the locale's charset: under LANG=C only the
    # English line survives, which is why every message has one
    if not check('is protected' in office.office_output(), 'headless: the message went to the log'):
        print(office.office_output()[-1500:])
    office.close(doc)

    doc = office.load(sample, readonly=True)
    state, message = dispatch(office, doc, 'Validate')
    print('     read-only ->', state, repr(message))
    check(state == FAILURE and '只读' in message, 'a read-only document: Validate refuses')
    office.close(doc)

    p = PropertyValue()
    p.Name, p.Value = 'Hidden', True
    doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0, (p,))
    doc.Sheets.getByIndex(0).getCellByPosition(0, 0).String = 'hello'
    state, message = dispatch(office, doc, 'Validate')
    print('     no tables ->', state, repr(message))
    check(state == FAILURE and '未找到' in message, 'a workbook without tables: a message')
    state, message = dispatch(office, doc, 'NextFinding')
    check(state == SUCCESS and 'Validate' in message, 'NextFinding without marks: a hint')
    state, message = dispatch(office, doc, 'ClearMarks')
    check(state == SUCCESS, 'ClearMarks without marks: nothing to do')
    check(list(doc.Sheets.ElementNames) == [doc.Sheets.ElementNames[0]], 'and no sheet added')
    office.close(doc)


def test_shortcuts(office):
    """The commands' shortcut keys (packaging/Accelerators.xcu) reach Calc's
    configuration, bound to our commands."""
    provider = office.smgr.createInstanceWithContext(
        'com.sun.star.configuration.ConfigurationProvider', office.ctx)
    arg = uno.createUnoStruct('com.sun.star.beans.PropertyValue')
    arg.Name = 'nodepath'
    arg.Value = ('/org.openoffice.Office.Accelerators/PrimaryKeys/Modules/'
                 'com.sun.star.sheet.SpreadsheetDocument')
    keys = provider.createInstanceWithArguments('com.sun.star.configuration.ConfigurationAccess',
                                                (arg,))
    for key, command in (('F7_SHIFT_MOD2', 'Validate'), ('F12_SHIFT_MOD2', 'NextFinding'),
                         ('F11_SHIFT_MOD2', 'PreviousFinding')):
        bound = keys.getByName(key).Command if keys.hasByName(key) else None
        check(bound == 'org.fiscalcheck.command:' + command,
              'shortcut %s runs %s (%r)' % (key, command, bound))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    with Office(oxt=oxt) as office:
        try:
            doc = office.load(sample, copy=True)
            prepare(doc)
            doc = with_old_authors(office, doc)
            original = snapshot(doc)
            check(original[T01][1][a1_to_rc(MUTATED)][1] == USER_AUTHOR,
                  'the user comment has an author of its own: %r'
                  % (original[T01][1][a1_to_rc(MUTATED)],))
            test_shortcuts(office)
            test_validate_and_clear(office, doc, original)
            test_undo(office, doc, original)
            test_revalidate(office, doc, original)
            test_redo(office, doc, original)
            doc = test_save_reload(office, doc, original)
            office.close(doc)
            test_refusals(office, sample)
            test_formats(office, sample)
            check(office.proc.poll() is None, 'soffice is still running')
        except Exception:
            print('--- soffice output ---\n' + office.office_output()[-6000:])
            raise
    return fcoffice.summary()


if __name__ == '__main__':
    sys.exit(main())
