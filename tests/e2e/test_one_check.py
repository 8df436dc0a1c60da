#!/usr/bin/python3
"""End-to-end test that the three ways into the check agree: the menu's
Validate, =FISCALCHECK() / FISCALCHECKFINDINGS() and the export filter
(`fiscalcheck check`), on a validated workbook too, whose 审核结果 and
_FiscalCheck sheets are ours and never read as tables.

Usage: /usr/bin/python3 tests/e2e/test_one_check.py BUILD/fiscalcheck.oxt BUILD/fiscalcheck \
           BUILD/ods-templates/sample-tables.ods tests/fuzz/seeds/narrative/datong.txt

For the sample, a copy with 本年收入合计 634.38 → 634.48 (so there are
errors) and that copy with comments of the user's on two cells Validate
marks which, kept in _FiscalCheck, would read as a narrative with a wrong
figure:
  * Validate (dispatched as a menu click) reports its counts;
  * after it, on a sheet of its own, =FISCALCHECK() gives the same number of
    errors and FISCALCHECKFINDINGS() the same errors, warnings and notes;
  * the export filter run on the validated document in the same office
    (storeToURL, FilterOptions user-rules=0) gives the same counts;
  * `fiscalcheck check --marked-dir D` on the input gives the same counts,
    and `fiscalcheck check` on the marked copy (with our two sheets) too;
  * a rule in the user's rule folder (FISCALCHECK_RULES_DIR) that fires
    on every package does not reach the batch command (user-rules=0).
The filter's narratives option: a narrative staged beside the document as
the batch command stages it (<name>.narrative, fc-narrative-file.h) is
checked with the tables (narrative findings naming the document); a staged
file that cannot be read is one N.0 warning and the tables are checked.
Exit status 0 when every check passes.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
from fcoffice import SUCCESS, Office, check, cli_env, dispatch, summary  # noqa: E402
from fcoffice import _props as props  # noqa: E402
from com.sun.star.table import CellAddress  # noqa: E402

T01 = '收入支出决算总表'
MUTATED = 'C36'   # 本年收入合计, 634.38 in the sample
SEVERITIES = {'错误': 'error', '警告': 'warning', '提示': 'info'}
# comments of the user's on the first two cells Validate marks: Validate
# keeps them in its _FiscalCheck sheet, where they read as a narrative with
# a wrong figure (收入总计 is 618.10) to whoever takes that sheet for the
# user's
NARRATIVE_COMMENTS = ('一、收入支出决算总体情况说明', '2023年度收入总计999.99万元。')
USER_RULE = ('[U.1]\nseverity = error\ncheck = 01["本年收入合计",1] <= 1\n'
             'message[zh_CN] = 用户规则\nmessage[en_US] = a user rule\n')


def menu_counts(message):
    """{'error': n, …} from Validate's message (审核完成：错误 0 处，警告 1 处，提示 24 处 …)."""
    m = re.search(r'错误 (\d+) 处，警告 (\d+) 处，提示 (\d+) 处', message or '')
    return None if m is None else dict(zip(('error', 'warning', 'info'), map(int, m.groups())))


def addin_counts(doc):
    """=FISCALCHECK() and FISCALCHECKFINDINGS() on a new sheet: (errors, {'error': n, …})."""
    doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
    sheet = doc.Sheets.getByName('检查')
    cell = sheet.getCellRangeByName('A1')
    cell.setFormula('=FISCALCHECK()')
    table = sheet.getCellRangeByName('C1:J300')
    table.setArrayFormula('=FISCALCHECKFINDINGS()')
    counts = {'error': 0, 'warning': 0, 'info': 0}
    data = table.getDataArray()
    for r in range(1, len(data)):
        if table.getCellByPosition(0, r).getError() != 0:
            break
        counts[SEVERITIES[data[r][0]]] += 1
    errors = cell.getValue() if cell.getError() == 0 else cell.getString()
    doc.Sheets.removeByName('检查')
    return errors, counts


def commented_copy(office, path, dest):
    """path with NARRATIVE_COMMENTS on the first two cells Validate marks
    (in the order it keeps them), stored as dest."""
    doc = office.load(path, copy=True)
    dispatch(office, doc, 'Validate')
    store = doc.Sheets.getByName('_FiscalCheck')
    entries = store.getCellRangeByPosition(0, 2, 2, 3).getDataArray()
    dispatch(office, doc, 'ClearMarks')
    for (sheet, row, col), text in zip(entries, NARRATIVE_COMMENTS):
        target = doc.Sheets.getByName(sheet)
        target.Annotations.insertNew(CellAddress(target.RangeAddress.Sheet, int(col), int(row)), text)
    doc.storeToURL(uno.systemPathToFileUrl(dest), props(FilterName='calc8'))
    office.close(doc)


def filter_entry(office, doc, options, name):
    """The export filter's entry for doc, run in this office (storeToURL)."""
    out = os.path.join(office.docs, name)
    doc.storeToURL(uno.systemPathToFileUrl(out),
                   props(FilterName='FiscalCheck Report', FilterOptions=options))
    with open(out, encoding='utf-8') as f:
        return json.load(f)


def run_cli(exe, args, env):
    p = subprocess.run([exe, 'check', '--format', 'json'] + args, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=600)
    print('     $ fiscalcheck check %s → rc=%d' % (' '.join(args)[:200], p.returncode))
    if p.stderr.strip():
        print('       stderr: ' + p.stderr.decode('utf-8', 'replace').strip()[:800])
    try:
        return {w['path']: w for w in json.loads(p.stdout)['workbooks']}
    except ValueError:
        return {}


def escape(value):
    return urllib.parse.quote(value, safe='')


def key_file_string(value):
    """value as a GKeyFile string value."""
    value = (value.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r')
             .replace('\t', '\\t'))
    return '\\s' + value[1:] if value.startswith(' ') else value


def stage_narrative(doc, document, text=None):
    """Writes the key file the batch command stages beside doc's file: the
    narrative document's name and its text, or (text None) a broken one."""
    path = os.path.splitext(uno.fileUrlToSystemPath(doc.getURL()))[0] + '.narrative'
    with open(path, 'w', encoding='utf-8') as f:
        f.write('[narrative]\ndocument=%s\n' % key_file_string(document))
        if text is not None:
            f.write('text=%s\n' % key_file_string(text))
    os.chmod(path, 0o644)
    return path


def main(argv):
    if len(argv) != 5:
        print(__doc__)
        return 2
    oxt, exe, sample, narrative = [os.path.abspath(a) for a in argv[1:]]
    tmp = tempfile.mkdtemp(prefix='fc-one-check-')
    os.chmod(tmp, 0o755)
    files = os.path.join(tmp, 'files')
    marked = os.path.join(tmp, 'marked')
    user_rules = os.path.join(tmp, 'rules.d')
    for d in (files, user_rules):
        os.mkdir(d)
        os.chmod(d, 0o755)
    with open(os.path.join(user_rules, '10-mine.rules'), 'w', encoding='utf-8') as f:
        f.write(USER_RULE)
    env = cli_env(FISCALCHECK_CACHE_DIR=os.path.join(tmp, 'cache'),
                  FISCALCHECK_RULES_DIR=user_rules)
    inputs = {name: os.path.join(files, name + '.ods') for name in ('sample', 'wrong', 'commented')}
    menu, addin, in_office = {}, {}, {}
    try:
        shutil.copy(sample, inputs['sample'])
        with Office(oxt=oxt) as office:
            doc = office.load(sample, copy=True)
            doc.Sheets.getByName(T01).getCellRangeByName(MUTATED).Value = 634.48
            doc.storeToURL(uno.systemPathToFileUrl(os.path.join(office.docs, 'wrong.ods')),
                           props(FilterName='calc8'))
            office.close(doc)
            shutil.copy(os.path.join(office.docs, 'wrong.ods'), inputs['wrong'])
            commented_copy(office, inputs['wrong'], os.path.join(office.docs, 'commented.ods'))
            shutil.copy(os.path.join(office.docs, 'commented.ods'), inputs['commented'])
            for name, path in inputs.items():
                doc = office.load(path, copy=True)
                state, message = dispatch(office, doc, 'Validate')
                menu[name] = menu_counts(message)
                check(state == SUCCESS and menu[name] is not None,
                      '%s: Validate succeeds with counts (%r)' % (name, message))
                addin[name] = addin_counts(doc)
                in_office[name] = filter_entry(office, doc, 'user-rules=0', name + '.fcjson')
                if name == 'wrong':
                    text = open(narrative, encoding='utf-8').read()
                    staged = stage_narrative(doc, os.path.basename(narrative), text)
                    nar = filter_entry(office, doc, 'user-rules=0;narratives=1', 'narrative.fcjson')
                    stage_narrative(doc, '说明.docx')
                    missing = filter_entry(office, doc, 'user-rules=0;narratives=1', 'missing.fcjson')
                    os.remove(staged)
                office.close(doc)
        wrong = menu.get('wrong') or {}
        check(wrong.get('error', 0) >= 1, 'wrong: the wrong number makes errors (%s)' % wrong)
        check(menu.get('commented') == wrong, 'commented: the user\'s comments are no narrative (%s)'
              % menu.get('commented'))
        for name in inputs:
            errors, counts = addin[name]
            check(errors == (menu[name] or {}).get('error'),
                  '%s: =FISCALCHECK() after Validate = the menu\'s errors (%r, %s)'
                  % (name, errors, menu[name]))
            check(counts == menu[name], '%s: FISCALCHECKFINDINGS() after Validate = the menu (%s, %s)'
                  % (name, counts, menu[name]))
            check(in_office[name].get('summary') == menu[name],
                  '%s: the filter on the validated document = the menu (%s)'
                  % (name, in_office[name].get('summary', in_office[name].get('error'))))

        n_findings = [f for f in nar.get('findings', []) if f['rule'].startswith('N.')]
        check(len(n_findings) > 0 and all(f.get('document') == os.path.basename(narrative)
                                          for f in n_findings),
              'narratives=1: narrative findings on the staged document (%d)' % len(n_findings))
        n_missing = [(f['rule'], f['severity']) for f in missing.get('findings', [])
                     if f['rule'].startswith('N.')]
        check('error' not in missing and n_missing == [('N.0', 'warning')],
              'narratives=1, a staged file that cannot be read: one N.0 warning (%s)' % n_missing)
        check(missing.get('summary', {}).get('error') == wrong.get('error'),
              '  … and the tables checked as without it (%s)' % missing.get('summary'))

        # the batch command, with a user rule folder it must not read
        first = run_cli(exe, ['--marked-dir', marked] + list(inputs.values()), env)
        copies = []
        for name, path in inputs.items():
            entry = first.get(path, {})
            check(entry.get('summary') == menu[name],
                  '%s: fiscalcheck check = the menu (%s)' % (name, entry.get('summary', entry.get('error'))))
            check(not any(f['rule'] == 'U.1' for f in entry.get('findings', [])),
                  '%s: the user\'s own rule is not used by the batch command' % name)
            copies.append(entry.get('marked', os.path.join(marked, os.path.basename(path))))
        second = run_cli(exe, copies, env)
        for name, copy in zip(inputs, copies):
            entry = second.get(copy, {})
            check(entry.get('summary') == menu[name],
                  '%s: fiscalcheck check on the marked copy (审核结果, _FiscalCheck) = the menu (%s)'
                  % (name, entry.get('summary', entry.get('error'))))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
