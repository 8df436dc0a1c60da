#!/usr/bin/python3
"""End-to-end test of `fiscalcheck check` on PDFs that LibreOffice made.

Usage: /usr/bin/python3 tests/e2e/test_pdf.py BUILD/fiscalcheck SAMPLE-TABLES.ods tests/data

Real LibreOffice (another producer than the Word and WPS PDFs of
tests/data, other fonts, amounts right-aligned against the next cell's
text) exports the sample's ten tables and the Shanghai package as PDFs, one
page a sheet, and single-cell mutants of each:
  * the Shanghai PDF gives what its workbook gives: no error, the same
    eleven rounding tails (rule, table, amount); a warning only where the
    reader says a table could not be rebuilt or understood (I.3), and that
    the text of a spreadsheet-made PDF is not checked (N.0: Calc prints it
    cell by cell, cut at the cells' edges);
  * the sample's PDF: no error where its workbook has none, every note of
    it a note of the workbook, each table the reader left out said (I.3);
  * both again with each CJK font installed alone (Droid Sans Fallback,
    WenQuanYi Zen Hei; Noto Sans CJK when present), at least two: Calc lays
    the PDF out by the font's metrics;
  * each mutant (06 人员经费合计 4884.09 → 4884.04; 02 合计 634.38 → 634.43)
    is an error whose page and printed words name the mutated number;
  * a PDF beside a workbook in one run: both entries, exit as the worst;
  * `fiscalcheck import` of the Shanghai PDF as published writes an .ods
    (each sheet named after its page) whose check gives no table error
    and the eleven rounding tails; a 部门预算 PDF is refused with check's
    message and exit 2;
  * `check --marked-dir` of that PDF writes x.ods beside no input, named
    after the PDF, which opens with its 审核结果 sheet.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

import uno
from fcoffice import Office, _props, a1_to_rc, check, rc_to_a1, summary

REAL = 'putuo_ghzy_2024'
T06 = '一般公共预算财政拨款基本支出决算表'
T02 = '收入决算表'


def run_check(exe, env, *paths):
    p = subprocess.run([exe, 'check', '--no-narrative', '--format', 'json'] + list(paths),
                       env=env, capture_output=True, text=True, timeout=600)
    try:
        return p.returncode, json.loads(p.stdout)['workbooks']
    except ValueError:
        print(p.stdout[-2000:], p.stderr[-2000:])
        return p.returncode, []


def counts(entry):
    s = entry.get('summary', {})
    return s.get('error', -1), s.get('warning', -1), s.get('info', -1)


def notes(entry):
    return sorted((f['rule'], f['table'], f['actual']) for f in entry.get('findings', [])
                  if f['severity'] == 'info')


def export_pdf(office, doc, path):
    """The document as PDF, each sheet on one page (no sheet cut sideways)."""
    data = uno.Any('[]com.sun.star.beans.PropertyValue', _props(SinglePageSheets=True))
    doc.storeToURL(uno.systemPathToFileUrl(path),
                   _props(FilterName='calc_pdf_Export', FilterData=data, Overwrite=True))


def mutate(office, doc, sheet, label, offset, was, becomes):
    r, c = a1_to_rc(office.find(doc, sheet, label)[0])
    address = rc_to_a1(r, c + offset)
    check(office.value(doc, sheet, address) == was, '%s is %s at %s!%s' % (label, was, sheet, address))
    office.cell(doc, sheet, address).setValue(becomes)


def error_printed(entry, words):
    return [f for f in entry.get('findings', []) if f['severity'] == 'error'
            and words in f.get('printed', '') and f.get('page', 0) >= 1]


def table_counts(entry):
    """(errors, notes) of the tables: findings of rules outside the narrative."""
    tables = [f for f in entry.get('findings', []) if f['rule'][0] not in 'NP']
    return (sum(f['severity'] == 'error' for f in tables),
            sum(f['severity'] == 'info' for f in tables))


def test_import_and_marked(exe, env, data, tmp):
    published = os.path.join(data, REAL + '.pdf')
    ods = os.path.join(tmp, 'imported.ods')
    p = subprocess.run([exe, 'import', published, '-o', ods], env=env, capture_output=True,
                       text=True, timeout=600)
    check(p.returncode == 0 and os.path.getsize(ods) > 0 if os.path.exists(ods) else False,
          'import ghzy PDF → .ods: written, exit 0 (%d %s)' % (p.returncode, p.stderr[-500:]))
    rc, entries = run_check(exe, env, ods)
    if check(len(entries) == 1 and 'error' not in entries[0], 'check of the imported .ods: one entry'):
        errors, notes_ = table_counts(entries[0])
        check(errors == 0, 'imported .ods: no table error (%d)' % errors)
        check(notes_ == 11, 'imported .ods: the eleven rounding tails (%d)' % notes_)

    budget = os.path.join(data, 'jiangsu_court_2019_budget.pdf')
    p = subprocess.run([exe, 'import', budget, '-o', os.path.join(tmp, 'budget.ods')], env=env,
                       capture_output=True, text=True, timeout=600)
    rc, entries = run_check(exe, env, budget)
    said = entries[0].get('error', '') if entries else ''
    check(p.returncode == 2 and said and said in p.stderr,
          'import of a 部门预算 PDF: check\'s message, exit 2 (%d %s)' % (p.returncode, p.stderr))
    check(not os.path.exists(os.path.join(tmp, 'budget.ods')), 'import of a 部门预算: nothing written')

    marked = os.path.join(tmp, 'marked')
    p = subprocess.run([exe, 'check', '--format', 'json', '--marked-dir', marked, published],
                       env=env, capture_output=True, text=True, timeout=600)
    entry = json.loads(p.stdout)['workbooks'][0] if p.stdout.strip() else {}
    copy = os.path.join(marked, REAL + '.ods')
    check(entry.get('marked') == copy and os.path.exists(copy),
          'marked copy of the PDF: %s named after it (%s)' % (copy, entry.get('marked_error')))
    if os.path.exists(copy):
        with Office(oxt=None) as office:
            doc = office.load(copy, copy=True)
            names = list(doc.Sheets.ElementNames)
            check('审核结果' in names, 'marked copy of the PDF opens with 审核结果 (%s)' % names)
            check(any(n.startswith('第') and '页 ' in n for n in names),
                  'marked copy: sheets named after their page (%s)' % names)
            office.close(doc)


def check_package_pdfs(entries, font):
    """The four entries of xlsx, ghzy PDF, sample workbook, sample PDF:
    the PDFs give what their workbooks give, or say (I.3) what they left out."""
    if not check(len(entries) == 4, '%s: workbooks and PDFs in one run, four entries (%d)'
                 % (font, len(entries))):
        return
    book, paper, sbook, spaper = entries
    e, w, i = counts(paper)
    check(e == 0, '%s: ghzy PDF by LibreOffice: no error (%d)' % (font, e))
    check(notes(paper) == notes(book),
          '%s: ghzy PDF: the workbook\'s notes (%s vs %s)' % (font, notes(paper), notes(book)))
    other = [f['rule'] for f in paper['findings']
             if f['severity'] == 'warning' and f['rule'] not in ('I.3', 'N.0')]
    check(not other, '%s: ghzy PDF: warnings only where a table is not understood (%s)'
          % (font, other))
    check(any(f['rule'] == 'N.0' for f in paper['findings']),
          '%s: ghzy PDF by Calc: its text, printed cell by cell, said not checked (N.0)' % font)
    check(all(f.get('page', 0) >= 1 for f in paper['findings']),
          '%s: ghzy PDF: every finding names its page' % font)
    check(counts(sbook)[0] == 0 and counts(spaper)[0] == 0,
          '%s: sample PDF: no error, as its workbook (%d, %d)'
          % (font, counts(sbook)[0], counts(spaper)[0]))
    missing = set(n for n in notes(spaper)) - set(notes(sbook))
    check(not missing, '%s: sample PDF: every note one of the workbook\'s (%s)' % (font, missing))
    left_out = set(f['table'] for f in spaper['findings'] if f['rule'] == 'I.3')
    lost = set(t for (_, t, _) in notes(sbook)) - set(t for (_, t, _) in notes(spaper))
    check(lost <= left_out, '%s: sample PDF: tables without their notes are said (I.3: %s, %s)'
          % (font, sorted(left_out), sorted(lost)))


# CJK fonts a finance office has (packaging/install-deps.sh installs the
# first two): (family, its folder, its name as embedded in a PDF)
CJK_FONTS = [('Droid Sans Fallback', '/usr/share/fonts/truetype/droid', b'DroidSansFallback'),
             ('WenQuanYi Zen Hei', '/usr/share/fonts/truetype/wqy', b'WenQuanYiZenHei'),
             ('Noto Sans CJK', '/usr/share/fonts/opentype/noto', b'NotoSansCJK')]


def test_each_font(exe, env, xlsx, sample, tmp):
    """Each installed CJK font alone (fontconfig told to reject the others'
    files): LibreOffice lays the PDF out by the font's metrics — labels cut
    at a filled cell, headings wrapped over rows — and the reader must give
    no error with any of them."""
    present = [f for f in CJK_FONTS if os.path.isdir(f[1])]
    check(len(present) >= 2, 'at least two CJK fonts installed (%s): packaging/install-deps.sh'
          % [f[0] for f in present])
    saved = os.environ.get('FONTCONFIG_FILE')
    try:
        for family, folder, embedded in present:
            others = ''.join('<glob>%s/*</glob>' % f[1] for f in CJK_FONTS if f[1] != folder)
            conf = os.path.join(tmp, 'fonts-%s.conf' % embedded.decode())
            with open(conf, 'w') as out:
                out.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
                          '<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                          '<selectfont><rejectfont>%s</rejectfont></selectfont></fontconfig>\n' % others)
            os.chmod(conf, 0o644)
            os.environ['FONTCONFIG_FILE'] = conf
            pdfs = [os.path.join(tmp, '%s-%s.pdf' % (k, embedded.decode())) for k in ('ghzy', 'sample')]
            with Office(oxt=None) as office:
                for src, out in zip((xlsx, sample), pdfs):
                    doc = office.load(src, copy=True)
                    export_pdf(office, doc, out)
                    office.close(doc)
            with open(pdfs[0], 'rb') as f:
                check(embedded in f.read(), '%s: the PDF is printed with it' % family)
            rc, entries = run_check(exe, env, xlsx, pdfs[0], sample, pdfs[1])
            check_package_pdfs(entries, family)
    finally:
        if saved is None:
            os.environ.pop('FONTCONFIG_FILE', None)
        else:
            os.environ['FONTCONFIG_FILE'] = saved


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    exe, sample, data = [os.path.abspath(a) for a in argv[1:]]
    tmp = tempfile.mkdtemp(prefix='fc-pdf-test-')
    os.chmod(tmp, 0o777)
    env = dict(os.environ, FISCALCHECK_CACHE_DIR=os.path.join(tmp, 'cache'))
    xlsx = os.path.join(data, REAL + '.xlsx')
    pdf = {k: os.path.join(tmp, k + '.pdf') for k in ('ghzy', 'sample', 'ghzy-06', 'sample-02')}
    try:
        with Office(oxt=None) as office:
            doc = office.load(xlsx, copy=True)
            export_pdf(office, doc, pdf['ghzy'])
            mutate(office, doc, T06, '人员经费合计', 2, 4884.09, 4884.04)
            export_pdf(office, doc, pdf['ghzy-06'])
            office.close(doc)
            doc = office.load(sample, copy=True)
            export_pdf(office, doc, pdf['sample'])
            mutate(office, doc, T02, '合计', 2, 634.38, 634.43)
            export_pdf(office, doc, pdf['sample-02'])
            office.close(doc)

        rc, entries = run_check(exe, env, xlsx, pdf['ghzy'], sample, pdf['sample'])
        check_package_pdfs(entries, 'system fonts')
        check(rc == 0, 'workbooks and PDFs without errors: exit 0 (%d)' % rc)

        test_each_font(exe, env, xlsx, sample, tmp)
        test_import_and_marked(exe, env, data, tmp)

        rc, entries = run_check(exe, env, pdf['ghzy-06'], pdf['sample-02'])
        check(rc == 1, 'mutant PDFs: exit 1 (%d)' % rc)
        if check(len(entries) == 2, 'mutant PDFs: two entries'):
            check(error_printed(entries[0], '4884.04'),
                  'ghzy 06 人员经费合计 4884.04: an error printed with its page and number')
            check(error_printed(entries[1], '634.43'),
                  'sample 02 合计 634.43: an error printed with its page and number')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
