#!/usr/bin/python3
"""End-to-end: the narrative document (情况说明) beside a workbook, checked
in the office as the batch command checks it (issue 20, item 1), on the
Shanghai package (tests/data/putuo_ghzy_2024.xlsx, whose narrative states
基本支出 5377.64 and 人员经费 4896.98 where the tables say 5364.75 and
4884.09), in a real headless LibreOffice with the built extension.

Usage: /usr/bin/python3 tests/e2e/test_office_narrative.py BUILD/fiscalcheck.oxt tests/data

  * with its .txt beside it (same name), Validate reports the two errors,
    its summary and the 审核结果 sheet name the .txt, and
    =FISCALCHECK("情况说明") names it with its two errors;
  * with a .docx beside it (made from the .txt by soffice --convert-to),
    the same through the office, the .docx named; a workbook with a
    formula of ours that opens beside it shows the errors live at once
    (the load job reads the .docx);
  * with no document beside it, Validate says 未找到情况说明，情况说明未核对
    in its summary, on the report sheet and in =FISCALCHECK("情况说明");
  * 选择情况说明文档… (ChooseNarrative, driven with the file as argument,
    as the file picker would return it) names a document of another name
    in another folder: it is remembered in the workbook (a user-defined
    property) and checked.
Exit status 0 when every check passes.
"""

import os
import shutil
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SUCCESS, Office, _props, check, dispatch, summary  # noqa: E402
from test_cli_narrative import ERRORS, NARRATIVE, WORKBOOK, to_docx  # noqa: E402

NOT_CHECKED = '未找到情况说明，情况说明未核对'


def report_rows(office, doc):
    """The 审核结果 sheet as rows of values."""
    return office.grid(doc, '审核结果')


def narrative_errors(rows):
    """The N.1 error rows of the report sheet."""
    return [r for r in rows if len(r) > 2 and r[2] == 'N.1' and isinstance(r[1], str)
            and r[1].startswith('错误')]


def formula(office, doc, text):
    """The value of a formula in a scratch sheet (removed again)."""
    doc.Sheets.insertNewByName('探查', doc.Sheets.Count)
    try:
        cell = office.sheet(doc, '探查').getCellRangeByName('A1')
        cell.setFormula(text)
        doc.calculateAll()
        return cell.getString()
    finally:
        doc.Sheets.removeByName('探查')


def expect_checked(office, doc, document, label):
    state, message = dispatch(office, doc, 'Validate')
    check(state == SUCCESS, '%s: Validate succeeds (%r)' % (label, message))
    message = message or ''
    check('错误 2 处' in message and document in message,
          '%s: the summary counts 2 errors and names %s (%r)' % (label, document, message))
    rows = report_rows(office, doc)
    head = ' '.join(str(v) for r in rows[:3] for v in r if v)
    check(document in head and NOT_CHECKED not in head,
          '%s: the report sheet names %s (%r)' % (label, document, head[:200]))
    errors = narrative_errors(rows)
    check(len(errors) == 2, '%s: the report lists the two narrative errors (%d)' % (label, len(errors)))
    text = ' '.join(str(v) for r in errors for v in r if v)
    for stated, figure in ERRORS.items():
        check(stated in text and ('%.2f' % figure) in text,
              '%s: %s vs %.2f is reported' % (label, stated, figure))
    value = formula(office, doc, '=FISCALCHECK("情况说明")')
    check(document in value and '错误 2 处' in value,
          '%s: =FISCALCHECK("情况说明") names %s and its 2 errors (%r)' % (label, document, value))
    check(formula(office, doc, '=FISCALCHECK()') == '2', '%s: =FISCALCHECK() is 2' % label)
    dispatch(office, doc, 'ClearMarks')


def folder(tmp, name):
    d = os.path.join(tmp, name)
    os.mkdir(d)
    os.chmod(d, 0o777)
    return d


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    oxt, data = [os.path.abspath(a) for a in argv[1:]]
    tmp = tempfile.mkdtemp(prefix='fc-office-narrative-test-')
    os.chmod(tmp, 0o755)
    src_wb = os.path.join(data, WORKBOOK)
    src_txt = os.path.join(data, NARRATIVE)
    try:
        # the .docx, made before the office under test starts
        made_dir = folder(tmp, 'made')
        shutil.copy(src_txt, os.path.join(made_dir, 'putuo.txt'))
        made = to_docx(os.path.join(made_dir, 'putuo.txt'), made_dir, os.path.join(tmp, 'profile'))
        check(made is not None, 'LibreOffice made a .docx of the narrative')

        txt_dir, docx_dir, none_dir, other_dir = (folder(tmp, n) for n in ('txt', 'docx', 'none', 'other'))
        for d in (txt_dir, docx_dir, none_dir):
            shutil.copy(src_wb, os.path.join(d, 'putuo.xlsx'))
        shutil.copy(src_txt, os.path.join(txt_dir, 'putuo.txt'))
        if made:
            shutil.copy(made, os.path.join(docx_dir, 'putuo.docx'))
        shutil.copy(src_txt, os.path.join(other_dir, '另一份说明.txt'))
        for root, dirs, files in os.walk(tmp):
            for f in files:
                os.chmod(os.path.join(root, f), 0o666)

        # the report sheet speaks the UI language: the checks read its Chinese
        with Office(oxt=oxt, ui_locale='zh-CN') as office:
            doc = office.load(os.path.join(txt_dir, 'putuo.xlsx'), copy=False)
            try:
                expect_checked(office, doc, 'putuo.txt', '.txt beside')
            finally:
                office.close(doc)

            if made:
                doc = office.load(os.path.join(docx_dir, 'putuo.xlsx'), copy=False)
                try:
                    expect_checked(office, doc, 'putuo.docx', '.docx beside')
                finally:
                    office.close(doc)
                # a workbook that uses our function: the load job reads the .docx as it opens
                live = os.path.join(docx_dir, 'live.ods')
                doc = office.load(os.path.join(docx_dir, 'putuo.xlsx'), copy=False)
                try:
                    doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
                    office.sheet(doc, '检查').getCellRangeByName('A1').setFormula('=FISCALCHECK()')
                    doc.storeToURL('file://' + live, _props(FilterName='calc8'))
                finally:
                    office.close(doc)
                shutil.copy(os.path.join(docx_dir, 'putuo.docx'), os.path.join(docx_dir, 'live.docx'))
                os.chmod(os.path.join(docx_dir, 'live.docx'), 0o666)
                doc = office.load(live, copy=False)
                try:
                    value = office.sheet(doc, '检查').getCellRangeByName('A1').getString()
                    check(value == '2', 'a workbook with =FISCALCHECK() beside its .docx shows 2 '
                          'as it opens (%r)' % value)
                finally:
                    office.close(doc)

            doc = office.load(os.path.join(none_dir, 'putuo.xlsx'), copy=False)
            try:
                state, message = dispatch(office, doc, 'Validate')
                check(state == SUCCESS and NOT_CHECKED in (message or ''),
                      'no document: the summary says %s (%r)' % (NOT_CHECKED, message))
                rows = report_rows(office, doc)
                head = ' '.join(str(v) for r in rows[:3] for v in r if v)
                check(NOT_CHECKED in head, 'no document: the report sheet says so (%r)' % head[:200])
                check(not narrative_errors(rows), 'no document: no narrative error')
                value = formula(office, doc, '=FISCALCHECK("情况说明")')
                check(value == NOT_CHECKED, 'no document: =FISCALCHECK("情况说明") says so (%r)' % value)
                dispatch(office, doc, 'ClearMarks')

                chosen = os.path.join(other_dir, '另一份说明.txt')
                state, message = dispatch(office, doc, 'ChooseNarrative?'
                                          + urllib.parse.quote('file://' + chosen))
                check(state == SUCCESS and '另一份说明.txt' in (message or ''),
                      'ChooseNarrative names the chosen document (%r)' % message)
                props = doc.DocumentProperties.UserDefinedProperties
                remembered = props.getPropertyValue('FiscalCheckNarrative') \
                    if props.PropertySetInfo.hasPropertyByName('FiscalCheckNarrative') else ''
                check('%E5%8F%A6' in remembered or '另一份说明' in urllib.parse.unquote(remembered),
                      'the choice is remembered in the workbook (%r)' % remembered)
                expect_checked(office, doc, '另一份说明.txt', 'chosen document')
            finally:
                office.close(doc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
