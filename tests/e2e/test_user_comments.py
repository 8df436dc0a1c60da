#!/usr/bin/python3
"""End-to-end: a comment of the user's on a cell Validate marks comes back
exactly on Clear marks — text, author and date — and Validate stays one
undo step (issue 20, item 5), in a real headless LibreOffice with the built
extension (run it under the office2 setup for LibreOffice 25.2 too).

    /usr/bin/python3 tests/e2e/test_user_comments.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample-tables.ods

  * a cell Validate marks has a comment of the user's (signed 张会计, dated
    2025-01-15: written into the file, as Calc's API signs nothing);
  * Validate puts ours on top of it and the comment keeps the user's
    author and date; one undo takes every mark away and leaves the user's
    comment as it was, redo puts ours back;
  * Clear marks removes our comments and gives the user's back: text,
    author, date.
What it does not claim: our own comments are signed FiscalCheck.  They
carry no author (Calc shows 未知作者): Calc's API sets none, and the one way
that does, the .uno:InsertAnnotation slot with an Author, goes through the
view's cursor, and dispatched to a hidden view it aborts the -nogui
LibreOffice 7.4.7 a moment later (see docs/user-guide.en-US.md, "Comments";
branch live-signed-notes-experiment has the attempt).
"""

import os
import re
import shutil
import sys
import tempfile

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SUCCESS, Office, _props, cell_notes, check, dispatch, summary  # noqa: E402

SHEET01 = '收入支出决算总表'
USER, USER_DATE, USER_TEXT = '张会计', '2025-01-15', '请核对：本行为手工调整数。'


def with_user_comment(office, doc, cell, tmp):
    """The document reopened with a comment of the user's on cell, signed
    张会计 and dated 2025-01-15 as Calc signs a comment typed by a user of
    that name (Calc's API signs none, so it goes in through the file)."""
    address = uno.createUnoStruct('com.sun.star.table.CellAddress')
    address.Sheet, address.Column, address.Row = (cell.CellAddress.Sheet, cell.CellAddress.Column,
                                                  cell.CellAddress.Row)
    cell.Spreadsheet.Annotations.insertNew(address, USER_TEXT)
    path = os.path.join(tmp, 'user.fods')
    doc.storeToURL(uno.systemPathToFileUrl(path),
                   _props(FilterName='OpenDocument Spreadsheet Flat XML'))
    office.close(doc)
    with open(path, encoding='utf-8') as f:
        xml = f.read()
    start = xml.index('<office:annotation')
    body = xml.index('>', start) + 1
    end = xml.index('</office:annotation>', body)
    # whatever the office wrote (7.4: a date; 25.2: "Unknown Author" too) goes
    inner = re.sub(r'\s*<dc:(creator|date)>[^<]*</dc:\1>', '', xml[body:end])
    xml = xml[:body] + '<dc:creator>%s</dc:creator><dc:date>%sT09:30:00</dc:date>' % (
        USER, USER_DATE) + inner + xml[end:]
    with open(path, 'w', encoding='utf-8') as f:
        f.write(xml)
    os.chmod(path, 0o666)
    return office.load(path)


def all_notes(doc):
    return {(doc.Sheets.getByIndex(i).Name,) + pos: note
            for i in range(doc.Sheets.Count)
            for pos, note in cell_notes(doc.Sheets.getByIndex(i)).items()}


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    tmp = tempfile.mkdtemp(prefix='fc-notes-')
    os.chmod(tmp, 0o777)
    with Office(oxt=oxt) as office:
        doc = office.load(sample, copy=True)
        try:
            office.find_value(doc, SHEET01, 634.38).setValue(634.48)
            check(dispatch(office, doc, 'Validate')[0] == SUCCESS, 'Validate succeeds')
            ours = all_notes(doc)
            check(len(ours) >= 2, 'Validate makes comments (%d)' % len(ours))

            # the user's own comment on a cell Validate marks
            sheet_name, row, col = sorted(k for k in ours if k[0] == SHEET01)[0]
            check(dispatch(office, doc, 'ClearMarks')[0] == SUCCESS and not all_notes(doc),
                  'Clear marks removes our comments')
            doc = with_user_comment(office, doc, doc.Sheets.getByName(sheet_name)
                                    .getCellByPosition(col, row), tmp)
            before = all_notes(doc)
            check(list(before) == [(sheet_name, row, col)]
                  and before[(sheet_name, row, col)][:2] == (USER_TEXT, USER)
                  and '2025' in before[(sheet_name, row, col)][2],
                  'the user\'s comment is signed %s and dated (%r)' % (USER, before))
            date = before[(sheet_name, row, col)][2]

            doc.UndoManager.clear()
            check(dispatch(office, doc, 'Validate')[0] == SUCCESS, 'Validate again')
            marked = all_notes(doc)
            mine = marked[(sheet_name, row, col)]
            check(mine[0].endswith(USER_TEXT) and len(mine[0]) > len(USER_TEXT)
                  and mine[1:] == (USER, date),
                  'ours goes on top of the user\'s comment, which keeps its author and date (%r)'
                  % (mine[1:],))
            check(len(doc.UndoManager.getAllUndoActionTitles()) == 1,
                  'Validate is one undo step (%r)' % (doc.UndoManager.getAllUndoActionTitles(),))
            doc.UndoManager.undo()
            check(all_notes(doc) == before, 'one undo leaves only the user\'s comment, as it was')
            doc.UndoManager.redo()
            check(all_notes(doc) == marked, 'and redo puts ours back')

            check(dispatch(office, doc, 'ClearMarks')[0] == SUCCESS, 'Clear marks succeeds')
            check(all_notes(doc) == before,
                  'Clear marks gives the user\'s comment back: text, author, date (%r)'
                  % (all_notes(doc),))
        finally:
            office.close(doc)
            shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main())
