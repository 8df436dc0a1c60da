#!/usr/bin/python3
"""End-to-end: `fiscalcheck check` with the narrative (情况说明) as a separate
document beside the workbook, as reviewers receive packages: the real
Shanghai package (tests/data/putuo_ghzy_2024.xlsx) and its narrative, as
.txt (UTF-8 and GB18030) and as .docx (made here by LibreOffice from the
.txt), read through the same headless office.

Usage: /usr/bin/python3 tests/e2e/test_cli_narrative.py BUILD/fiscalcheck tests/data \
           docs/report.schema.json

  * beside the workbook with the same name (.docx, .txt, GB18030 .txt), or
    named with --narrative: the narrative's two errors (N.1: 基本支出
    5377.64 and 人员经费 4896.98, where the tables say 5364.75 and 4884.09)
    with their quotes, the document's name and paragraph, and no other
    error; the entry names the narrative;
  * a workbook and its narrative both given: one entry;
  * --no-narrative: the tables alone (no N.* finding);
  * a corrupt .docx beside: one N.0 warning naming it, no error, the tables
    checked as without it;
  * a narrative without a workbook: an entry saying so, exit 2, the rest
    checked;
  * a text with no narrative in it: no N.* finding; an empty one: one N.0
    warning; --narrative naming no file: a usage error.
Exit status 0 when every check passes.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SOFFICE, check, cli_env, summary  # noqa: E402
from test_cli import run, validate  # noqa: E402

WORKBOOK = 'putuo_ghzy_2024.xlsx'
NARRATIVE = 'putuo_ghzy_2024_narrative.txt'
# the narrative's two errors: what it states, what the tables say
ERRORS = {'5377.64': 5364.75, '4896.98': 4884.09}


def to_docx(txt, outdir, profile):
    """txt converted to .docx by LibreOffice itself, in outdir."""
    subprocess.run([SOFFICE, '--headless', '--norestore',
                    '-env:UserInstallation=file://' + profile,
                    '--convert-to', 'docx', '--outdir', outdir, txt],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300, check=False)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(txt))[0] + '.docx')
    return out if os.path.exists(out) else None


def narrative_findings(entry):
    return [f for f in entry.get('findings', []) if f['rule'].startswith('N.')]


def expect_two_errors(r, path, document):
    """The entry for path has the narrative's two errors from document."""
    wb = r.entry(path)
    if not check(wb is not None and 'error' not in wb, '%s: checked' % os.path.basename(path)):
        return
    check(os.path.basename(wb.get('narrative', '')) == document,
          '%s: the entry names its narrative %s (%r)' % (os.path.basename(path), document,
                                                        wb.get('narrative')))
    errors = [f for f in wb['findings'] if f['severity'] == 'error']
    check(sorted(f['rule'] for f in errors) == ['N.1', 'N.1'],
          '%s: the errors are the two N.1 (%s)' % (os.path.basename(path),
                                                   [(f['rule'], f.get('quote')) for f in errors]))
    for stated, figure in ERRORS.items():
        hits = [f for f in errors if stated in f.get('quote', '')]
        if check(len(hits) == 1, '%s: N.1 quotes %s' % (os.path.basename(path), stated)):
            f = hits[0]
            check(f.get('document') == document and f.get('paragraph', 0) >= 1,
                  '  … from %s, paragraph %s' % (f.get('document'), f.get('paragraph')))
            check(f.get('expected') == figure and any(c.get('value') == figure for c in f['cells']),
                  '  … with the table\'s %s and its cell (%s)' % (figure, f['cells'][:1]))


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    exe, data, schema_path = [os.path.abspath(a) for a in argv[1:]]
    schema = json.load(open(schema_path, encoding='utf-8'))
    tmp = tempfile.mkdtemp(prefix='fc-cli-narrative-test-')
    os.chmod(tmp, 0o755)
    env = cli_env(FISCALCHECK_CACHE_DIR=os.path.join(tmp, 'cache'))
    try:
        d = os.path.join(tmp, 'files')
        os.mkdir(d)
        os.chmod(d, 0o755)
        src_wb = os.path.join(data, WORKBOOK)
        text = open(os.path.join(data, NARRATIVE), encoding='utf-8').read()

        def workbook(name):
            path = os.path.join(d, name + '.xlsx')
            shutil.copy(src_wb, path)
            return path

        def write(name, data_bytes):
            path = os.path.join(d, name)
            with open(path, 'wb') as f:
                f.write(data_bytes)
            return path

        txt = workbook('txt')
        write('txt.txt', text.encode('utf-8'))
        gb = workbook('gb')
        write('gb.txt', text.encode('gb18030'))
        docx_wb = workbook('docx')
        made = to_docx(write('docx.txt', text.encode('utf-8')), os.path.join(tmp, 'made'),
                       os.path.join(tmp, 'profile'))
        os.remove(os.path.join(d, 'docx.txt'))
        if check(made is not None, 'LibreOffice made a .docx of the narrative'):
            shutil.copy(made, os.path.join(d, 'docx.docx'))
        bad = workbook('bad')
        write('bad.docx', b'PK\x03\x04 not really a zip')
        plain = workbook('plain')
        write('plain.txt', 'Hello.\n本单位共有人员12人。\n'.encode('utf-8'))
        alone = write('alone.docx', open(os.path.join(d, 'docx.docx'), 'rb').read()
                      if os.path.exists(os.path.join(d, 'docx.docx')) else b'')
        given = workbook('given')
        given_txt = write('given.txt', text.encode('utf-8'))

        r = run(exe, ['check', '--format', 'json', txt, gb, docx_wb, bad, plain, alone,
                      given, given_txt], env)
        check(r.rc == 2, 'exit 2: one input (the narrative alone) was not checked')
        check(not validate(r.json, schema, schema), 'JSON matches docs/report.schema.json')
        check(len(r.json['workbooks']) == 7,
              'one entry per workbook and one for the narrative alone (%d)' % len(r.json['workbooks']))
        expect_two_errors(r, txt, 'txt.txt')
        expect_two_errors(r, gb, 'gb.txt')
        expect_two_errors(r, docx_wb, 'docx.docx')
        expect_two_errors(r, given, 'given.txt')
        wb = r.entry(bad)
        if check(wb is not None and 'error' not in wb, 'bad: checked'):
            nf = narrative_findings(wb)
            check([(f['rule'], f['severity']) for f in nf] == [('N.0', 'warning')],
                  'bad: one N.0 warning (%s)' % [(f['rule'], f['severity']) for f in nf])
            check(nf and nf[0].get('document') == 'bad.docx' and 'could not be read' in nf[0]['message_en'],
                  'bad: it names bad.docx and says it could not be read')
            check(wb['summary']['error'] == 0 and wb['summary']['info'] == 11,
                  'bad: the tables checked as without it (0 errors, 11 info: %s)' % wb['summary'])
        wb = r.entry(plain)
        if check(wb is not None and 'error' not in wb, 'plain: checked'):
            check(not narrative_findings(wb) and wb['summary']['error'] == 0,
                  'plain: a text with no narrative in it gives no finding (%s)' % wb['summary'])
        wb = r.entry(alone)
        check(wb is not None and 'without a workbook' in wb.get('error', ''),
              'alone.docx: an entry saying it has no workbook (%r)' % (wb or {}).get('error'))

        other = write('说明 2024.txt', text.encode('utf-8'))
        r = run(exe, ['check', '--format', 'json', '--narrative', other, plain], env)
        check(r.rc == 1, '--narrative: exit 1')
        expect_two_errors(r, plain, '说明 2024.txt')

        r = run(exe, ['check', '--narrative', os.path.join(d, 'missing.docx'), plain], env)
        check(r.rc == 2 and 'narrative' in r.err, '--narrative naming no file: a usage error, exit 2')
        empty = workbook('empty')
        write('empty.txt', b'\n  \r\n')
        r = run(exe, ['check', '--format', 'json', empty], env)
        wb = r.entry(empty)
        check(wb is not None and [(f['rule'], f['severity']) for f in narrative_findings(wb)]
              == [('N.0', 'warning')] and 'empty' in narrative_findings(wb)[0]['message_en'],
              'an empty narrative beside: one N.0 warning saying it is empty')

        r = run(exe, ['check', '--format', 'json', '--no-narrative', txt], env)
        wb = r.entry(txt)
        check(r.rc == 0 and wb is not None and not narrative_findings(wb) and 'narrative' not in wb,
              '--no-narrative: the tables alone, exit 0 (%d)' % r.rc)

        r = run(exe, ['check', txt], env)
        check(r.rc == 1 and '5377.64' in r.out and 'txt.txt' in r.out and '情况说明 narrative' in r.out,
              'text report: the quote, the document and the narrative line')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
