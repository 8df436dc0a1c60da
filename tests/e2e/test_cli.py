#!/usr/bin/python3
"""End-to-end test of `fiscalcheck check`, the batch command.

Usage: /usr/bin/python3 tests/e2e/test_cli.py BUILD/fiscalcheck BUILD/ods-templates/sample.ods \
           ods-templates/sample.fods docs/report.schema.json

Runs the real command (real soffice, the built .oxt in a cached profile under
a private FISCALCHECK_CACHE_DIR) over the sample and its variants: a mutant
with 本年收入合计 634.38 → 634.48, .xlsx and .xls copies, a corrupt .ods, a
text file named .xlsx, a missing file, a name with spaces and Chinese
characters, x.ods + x.xlsx together, a file only root can read; bad
arguments and rule files; --marked-dir (marked copies in each input's
format, the inputs byte-identical, same basenames from two folders, a
protected sheet); a
hung and a crashing office (a fake soffice).
Checks exit statuses, the JSON against docs/report.schema.json, text and
CSV.  Exit 0 when everything passes; prints each check.
"""

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import fcoffice
from fcoffice import SOFFICE, UNOPKG, check, cli_env, note_text




# ---------------------------------------------------------------- a small JSON Schema
# The subset docs/report.schema.json uses: type, required, properties,
# additionalProperties, items, oneOf, $ref, enum, pattern, minimum.

def validate(value, schema, root, where='$'):
    """A list of problems (empty when value matches schema)."""
    if '$ref' in schema:
        node = root
        for part in schema['$ref'].lstrip('#/').split('/'):
            node = node[part]
        return validate(value, node, root, where)
    if 'oneOf' in schema:
        matching = [s for s in schema['oneOf'] if not validate(value, s, root, where)]
        return [] if len(matching) == 1 else ['%s: matches %d of oneOf' % (where, len(matching))]
    errors = []
    types = schema.get('type')
    if types is not None:
        types = types if isinstance(types, list) else [types]
        ok = any({'object': isinstance(value, dict), 'array': isinstance(value, list),
                  'string': isinstance(value, str), 'null': value is None,
                  'integer': isinstance(value, int) and not isinstance(value, bool),
                  'number': isinstance(value, (int, float)) and not isinstance(value, bool),
                  'boolean': isinstance(value, bool)}[t] for t in types)
        if not ok:
            return ['%s: %r is not %s' % (where, value, types)]
    if 'enum' in schema and value not in schema['enum']:
        errors.append('%s: %r not in %s' % (where, value, schema['enum']))
    if 'pattern' in schema and isinstance(value, str) and not re.search(schema['pattern'], value):
        errors.append('%s: %r does not match %s' % (where, value, schema['pattern']))
    if 'minimum' in schema and isinstance(value, (int, float)) and value < schema['minimum']:
        errors.append('%s: %r < %r' % (where, value, schema['minimum']))
    if isinstance(value, dict):
        props = schema.get('properties', {})
        for name in schema.get('required', []):
            if name not in value:
                errors.append('%s: missing %s' % (where, name))
        for name, v in value.items():
            if name in props:
                errors += validate(v, props[name], root, '%s.%s' % (where, name))
            elif schema.get('additionalProperties') is False:
                errors.append('%s: unexpected %s' % (where, name))
            elif isinstance(schema.get('additionalProperties'), dict):
                errors += validate(v, schema['additionalProperties'], root, '%s.%s' % (where, name))
    if isinstance(value, list) and 'items' in schema:
        for i, v in enumerate(value):
            errors += validate(v, schema['items'], root, '%s[%d]' % (where, i))
    return errors


# ---------------------------------------------------------------- running the command

class Result:
    def __init__(self, proc, seconds):
        self.rc = proc.returncode
        self.out = proc.stdout.decode('utf-8', 'replace')
        self.err = proc.stderr.decode('utf-8', 'replace')
        self.seconds = seconds
        self._json = None

    @property
    def json(self):
        if self._json is None:
            self._json = json.loads(self.out)
        return self._json

    def entry(self, path):
        hits = [w for w in self.json['workbooks'] if w['path'] == path]
        return hits[0] if len(hits) == 1 else None


def run(exe, args, env, timeout=600):
    t0 = time.monotonic()
    p = subprocess.run([exe] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=timeout)
    r = Result(p, time.monotonic() - t0)
    print('     $ fiscalcheck %s  → rc=%d in %.1fs' % (' '.join(args)[:150], r.rc, r.seconds))
    if r.err.strip():
        print('       stderr: ' + r.err.strip().replace('\n', '\n               ')[:1200])
    return r


def convert(src, fmt, outdir, tmp):
    """soffice --convert-to fmt (as we are) with a throw-away profile."""
    prof = tempfile.mkdtemp(prefix='conv-prof-', dir=tmp)
    subprocess.run([SOFFICE, '--headless', '--norestore',
                    '-env:UserInstallation=file://' + prof,
                    '--convert-to', fmt, '--outdir', outdir, src],
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180, env=dict(os.environ, HOME=prof))
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + '.' + fmt.split(':')[0])
    if not os.path.exists(out):
        raise SystemExit('could not convert %s to %s' % (src, fmt))
    return out


USER_COMMENT = '我的批注：请核对本年收入'


def mutate(fods_src, dest):
    """The sample with 本年收入合计 634.38 → 634.48 (table 01, row 27), and
    a user's comment on that cell (USER_COMMENT)."""
    lines = open(fods_src, encoding='utf-8').read().split('\n')
    hits = [i for i, l in enumerate(lines) if '本年收入合计' in l and 'office:value="634.38"' in l]
    assert len(hits) == 1, hits
    i = hits[0]
    lines[i] = lines[i].replace('office:value="634.38"', 'office:value="634.48"', 1) \
                       .replace('<text:p>634.38</text:p>',
                                '<office:annotation><dc:creator>张会计</dc:creator>'
                                '<text:p>%s</text:p></office:annotation>'
                                '<text:p>634.48</text:p>' % USER_COMMENT, 1)
    with open(dest, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))


FAKE_SOFFICE = r'''#!/usr/bin/python3
# A stand-in for soffice --convert-to that talks like it: per file either
# "convert A -> B using filter : F" then an empty checked entry, or "Error:
# source file could not be loaded" (files containing BROKEN); it hangs
# while loading a file containing HANG and dies on one containing CRASH.
import json, os, signal, sys, time
args = sys.argv[1:]
outdir = args[args.index('--outdir') + 1]
for f in args[args.index('--outdir') + 2:]:
    data = open(f, 'rb').read()
    if b'HANG' in data:
        time.sleep(3600)
    if b'CRASH' in data:
        os.kill(os.getpid(), signal.SIGSEGV)
    if b'BROKEN' in data:
        print('Error: source file could not be loaded', file=sys.stderr, flush=True)
        continue
    out = os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + '.fcjson')
    print('convert %s -> %s using filter : FiscalCheck Report' % (f, out), flush=True)
    with open(out, 'w') as o:
        json.dump({"path": f, "tables": {}, "findings": [],
                   "summary": {"error": 0, "warning": 0, "info": 0}}, o)
'''


def md5(path):
    with open(path, 'rb') as f:
        return hashlib.md5(f.read()).hexdigest()


T01 = '收入支出决算总表'
MUTATED = 'C36'            # 本年收入合计: 634.48 in the mutant
ERROR_COLOR = 0xFFC7CE


def marks_in(office, path):
    """(background of the mutated cell, its comment, the 审核结果 sheet's
    texts or None, sheet names) of the workbook at path, as LibreOffice
    opens it."""
    doc = office.load(path, readonly=True, copy=True)
    try:
        names = list(doc.Sheets.ElementNames)
        sheet = doc.Sheets.getByName(T01)
        cell = sheet.getCellRangeByName(MUTATED)
        comment = note_text(cell)
        report = None
        if '审核结果' in names:
            rs = doc.Sheets.getByName('审核结果')
            cur = rs.createCursor()
            cur.gotoEndOfUsedArea(False)
            a = cur.RangeAddress
            report = [[str(v) for v in row]
                      for row in rs.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow).DataArray]
        return cell.CellBackColor, comment, report, names
    finally:
        office.close(doc)


def test_marked_dir(exe, env, tmp, d, mutant, mutant_xlsx, sample_xls, sample_ods):
    marked = os.path.join(tmp, 'marked')          # does not exist yet: created
    other = os.path.join(tmp, 'other')
    os.mkdir(other)
    os.chmod(other, 0o755)
    twin = os.path.join(other, 'x.ods')           # same basename as d/x.ods
    shutil.copyfile(sample_ods, twin)
    os.chmod(twin, 0o644)
    same_ods = os.path.join(d, 'x.ods')
    inputs = [mutant, mutant_xlsx, sample_xls, same_ods, twin]
    before = {p: md5(p) for p in inputs}
    r = run(exe, ['check', '--format', 'json', '--marked-dir', marked] + inputs, env)
    check(r.rc == 1, '--marked-dir: exit 1 (the mutant has an error finding)')
    schema_ok(r, '--marked-dir')
    check(all(md5(p) == before[p] for p in inputs), '--marked-dir: every input byte-identical')
    want = {mutant: 'mutant.fods', mutant_xlsx: 'mutant.xlsx',
            sample_xls: os.path.basename(sample_xls),  # its input's name
            same_ods: 'x.ods', twin: 'x-2.ods'}
    copies = {}
    for path in inputs:
        wb = r.entry(path) or {}
        got = wb.get('marked')
        copies[path] = got
        check(got == os.path.join(marked, want[path]) and os.path.isfile(got),
              '--marked-dir: %s → %s (%s)' % (os.path.basename(path), want[path], got))
    check(sorted(os.listdir(marked)) == sorted(want.values()),
          '--marked-dir: one copy per input, nothing else (%s)' % sorted(os.listdir(marked)))
    with open(copies[mutant_xlsx] or os.devnull, 'rb') as f:
        check(f.read(2) == b'PK', 'mutant.xlsx copy: a zip (xlsx), not something else')
    with open(copies[sample_xls] or os.devnull, 'rb') as f:
        check(f.read(8) == bytes.fromhex('d0cf11e0a1b11ae1'), 'sample.xls copy: an OLE2 file (xls)')

    import uno
    from fcoffice import Office

    def uno_prop(name, value):
        p = uno.createUnoStruct('com.sun.star.beans.PropertyValue')
        p.Name, p.Value = name, value
        return p
    with Office() as office:
        for path in (mutant, mutant_xlsx):
            name = os.path.basename(path)
            if not copies[path]:
                continue
            color, comment, report, names = marks_in(office, copies[path])
            check(color == ERROR_COLOR, '%s copy: %s has the error background (%#x)'
                  % (name, MUTATED, color))
            check('R01.1' in comment, '%s copy: %s comment names R01.1 (%r)'
                  % (name, MUTATED, comment[:80]))
            check(comment.startswith('FiscalCheck') and comment.endswith('\n\n' + USER_COMMENT),
                  "%s copy: the user's comment is kept under FiscalCheck's (%r)"
                  % (name, comment[-40:]))
            check(report is not None and any('R01.1' in c for row in report for c in row)
                  and any(MUTATED in c for row in report for c in row),
                  '%s copy: the 审核结果 sheet lists R01.1 at %s' % (name, MUTATED))
            check('_FiscalCheck' in names, '%s copy: the bookkeeping sheet is kept (Clear marks works)'
                  % name)
        if copies[twin]:
            color, comment, report, names = marks_in(office, copies[twin])
            check(report is not None and color != ERROR_COLOR,
                  'x-2.ods (the sample): a report sheet, no error mark')
        # the mutant with its table 01 sheet protected
        protected = os.path.join(tmp, 'protected.ods')
        doc = office.load(mutant, copy=True)
        doc.Sheets.getByName(T01).protect('')
        staged = os.path.join(office.docs, 'protected.ods')
        doc.storeToURL(uno.systemPathToFileUrl(staged), (uno_prop('FilterName', 'calc8'),))
        office.close(doc)
        shutil.copyfile(staged, protected)
        os.chmod(protected, 0o644)

    # a protected sheet: no copy (Calc would ignore the marks), exit 2, said why
    r = run(exe, ['check', '--format', 'json', '--marked-dir', marked, protected], env)
    wb = r.entry(protected) or {}
    check(r.rc == 2 and 'marked' not in wb and '受保护' in wb.get('marked_error', '')
          and 'protected.ods' in r.err and not os.path.exists(os.path.join(marked, 'protected.ods')),
          '--marked-dir, protected sheet: marked_error, no copy, exit 2')
    schema_ok(r, '--marked-dir, protected sheet')

    # text: says where the copy is; a second run replaces the copies; an
    # input inside the folder is never overwritten
    inside = os.path.join(marked, 'mutant.fods')
    before_inside = md5(inside)
    r = run(exe, ['check', '--marked-dir', marked, inside], env)
    check(r.rc == 1 and '标注副本 marked copy: ' + os.path.join(marked, 'mutant-2.fods') in r.out,
          '--marked-dir with an input inside it: the copy gets a suffix, the text says where')
    check(md5(inside) == before_inside, '--marked-dir: the input inside the folder is untouched')
    r = run(exe, ['check', '--marked-dir', os.path.join(d, 'x.ods'), sample_ods], env)
    check(r.rc == 2 and 'x.ods' in r.err, '--marked-dir naming a file: exit 2, named')


def main(argv):
    if len(argv) != 5:
        print(__doc__)
        return 2
    exe, sample_ods, sample_fods, schema_path = [os.path.abspath(a) for a in argv[1:]]
    schema = json.load(open(schema_path, encoding='utf-8'))
    tmp = tempfile.mkdtemp(prefix='fc-cli-test-')
    os.chmod(tmp, 0o755)
    env = cli_env(FISCALCHECK_CACHE_DIR=os.path.join(tmp, 'cache'))
    try:
        return run_tests(exe, sample_ods, sample_fods, schema, tmp, env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def schema_ok(r, what):
    try:
        errors = validate(r.json, r_schema[0], r_schema[0])
    except ValueError as e:
        errors = ['not JSON: %s' % e]
    return check(not errors, '%s: JSON matches docs/report.schema.json %s' % (what, errors[:3]))


r_schema = [None]


def run_tests(exe, sample_ods, sample_fods, schema, tmp, env):
    r_schema[0] = schema
    d = os.path.join(tmp, 'files')
    os.mkdir(d)
    os.chmod(d, 0o755)

    # -- the sample
    r = run(exe, ['check', '--format', 'json', sample_ods], env)
    check(r.rc == 0, 'sample: exit 0')
    schema_ok(r, 'sample')
    wb = r.entry(sample_ods)
    if check(wb is not None and 'error' not in wb, 'sample: one checked entry named as given'):
        check(wb['summary']['error'] == 0, 'sample: 0 errors (%s)' % wb['summary'])
        check(len(wb['tables']) >= 9, 'sample: tables found (%s)' % sorted(wb['tables']))
        check(wb['tables'].get('01', {}).get('sheet') == '收入支出决算总表', 'sample: table 01 located')

    # -- the mutant, in .fods, .xlsx and .xls; the sample as .xlsx / .xls
    mutant = os.path.join(d, 'mutant.fods')
    mutate(sample_fods, mutant)
    mutant_xlsx = convert(mutant, 'xlsx', d, tmp)
    xl = os.path.join(tmp, 'xl')
    os.mkdir(xl)
    sample_xlsx = convert(sample_ods, 'xlsx', xl, tmp)
    sample_xls = convert(sample_ods, 'xls', xl, tmp)
    r = run(exe, ['check', '--format', 'json', mutant, mutant_xlsx, sample_xlsx, sample_xls], env)
    check(r.rc == 1, 'mutant: exit 1 (an error finding)')
    # a cached profile belongs to one office: its stamp names the unopkg
    stamp = os.path.join(env['FISCALCHECK_CACHE_DIR'], 'slot-0.stamp')
    stamp_text = open(stamp).read() if os.path.exists(stamp) else ''
    check(stamp_text.endswith(' ' + UNOPKG), 'the profile cache names the office it was made '
          'for (%s)' % stamp_text[-60:])
    schema_ok(r, 'mutant')
    for path in (mutant, mutant_xlsx):
        wb = r.entry(path)
        if check(wb is not None and 'error' not in wb, '%s: checked' % os.path.basename(path)):
            errs = [f for f in wb['findings'] if f['severity'] == 'error']
            check(any(f['rule'] == 'R01.1' for f in errs),
                  '%s: R01.1 reported as error (%s)' % (os.path.basename(path),
                                                         [f['rule'] for f in errs]))
            r011 = [f for f in errs if f['rule'] == 'R01.1']
            if r011:
                check(abs(r011[0]['actual'] - 634.48) < 1e-9 and abs(r011[0]['expected'] - 634.38) < 1e-9,
                      'R01.1: actual 634.48, expected 634.38')
    for path in (sample_xlsx, sample_xls):
        wb = r.entry(path)
        check(wb is not None and 'error' not in wb and wb['summary']['error'] == 0
              and len(wb['tables']) >= 9,
              '%s: checked, 0 errors, tables found' % os.path.basename(path))

    # -- text and CSV of the mutant
    r = run(exe, ['check', mutant], env)
    check(r.rc == 1 and 'R01.1' in r.out and re.search(r'错误 error [1-9]', r.out)
          and '634.48' in r.out, 'text: names R01.1, the amount, and counts the errors')
    r = run(exe, ['check', '--format', 'csv', mutant, sample_ods], env)
    rows = list(csv.reader(io.StringIO(r.out)))
    check(r.rc == 1 and rows and rows[0][:3] == ['path', 'rule', 'severity'], 'csv: header')
    check(any(row[0] == mutant and row[1] == 'R01.1' and row[2] == 'error' for row in rows[1:]),
          'csv: the R01.1 row names the mutant')

    # -- bad inputs beside good ones
    corrupt = os.path.join(d, 'corrupt.ods')
    with open(sample_ods, 'rb') as f:
        data = f.read()
    with open(corrupt, 'wb') as f:
        f.write(data[:len(data) // 3])
    fake = os.path.join(d, 'notes.xlsx')
    with open(fake, 'w') as f:
        f.write('这不是工作簿 this is not a workbook\n')
    missing = os.path.join(d, 'missing.ods')
    spaced = os.path.join(d, '部门 决算 2024（公开）.ods')
    shutil.copyfile(sample_ods, spaced)
    os.chmod(spaced, 0o644)
    private = os.path.join(d, 'private.ods')
    shutil.copyfile(sample_ods, private)
    os.chmod(private, 0o600)  # nobody cannot read it when we are root
    same_ods = os.path.join(d, 'x.ods')
    shutil.copyfile(sample_ods, same_ods)
    same_xlsx = os.path.join(d, 'x.xlsx')
    shutil.copyfile(mutant_xlsx, same_xlsx)
    args = ['check', '--format', 'json', '--jobs', '2', corrupt, fake, missing, spaced,
            private, same_ods, same_xlsx]
    r = run(exe, args, env)
    check(r.rc == 2, 'bad inputs: exit 2')
    schema_ok(r, 'bad inputs')
    check(len(r.json['workbooks']) == 7 and [w['path'] for w in r.json['workbooks']] == args[5:],
          'bad inputs: one entry per input, in order')
    for path in (corrupt, fake, missing):
        wb = r.entry(path)
        check(wb is not None and 'error' in wb and wb['error'],
              '%s: entry with error (%s)' % (os.path.basename(path), wb and wb.get('error')))
        check(path in r.err, '%s: named on stderr' % os.path.basename(path))
    check('missing.ods' in (r.entry(missing) or {}).get('error', ''), 'missing: error names the file')
    for path in (spaced, private, same_ods):
        wb = r.entry(path)
        check(wb is not None and 'error' not in wb and wb['summary']['error'] == 0,
              '%s: checked, 0 errors' % os.path.basename(path))
    wb = r.entry(same_xlsx)
    check(wb is not None and 'error' not in wb and wb['summary']['error'] >= 1,
          'x.xlsx beside x.ods: checked separately (the mutant: errors)')

    # -- a spreadsheet without disclosure tables; --only
    plain = os.path.join(d, 'plain.csv')
    with open(plain, 'w') as f:
        f.write('name,amount\nfoo,1\nbar,2\n')
    r = run(exe, ['check', '--format', 'json', plain], env)
    wb = r.entry(plain)
    check(r.rc == 2 and wb is not None and 'no disclosure tables' in wb.get('error', ''),
          'no tables: entry with error, exit 2 (%s)' % (wb and wb.get('error')))
    r = run(exe, ['check', '--format', 'json', '--only', 'R02.1', mutant], env)
    wb = r.entry(mutant)
    check(r.rc == 0 and wb is not None and wb['findings']
          and all(f['rule'] == 'R02.1' for f in wb['findings']),
          '--only R02.1: only that rule reported, so no error (the mutant is off in 01)')

    # -- arguments and rule files
    r = run(exe, ['check', '--format', 'yaml', sample_ods], env)
    check(r.rc == 2 and 'format' in r.err, 'bad --format: exit 2')
    r = run(exe, ['check'], env)
    check(r.rc == 2, 'no workbook: exit 2')
    r = run(exe, ['frobnicate'], env)
    check(r.rc == 2, 'unknown command: exit 2')
    bad_rules = os.path.join(d, 'bad.rules')
    with open(bad_rules, 'w') as f:
        f.write('[R99.1]\ncheck = 01["合计",1] = = \n')
    r = run(exe, ['check', '--rules', bad_rules, sample_ods], env)
    check(r.rc == 2 and 'bad.rules:' in r.err, 'bad rule file: exit 2, message names file:line')
    check(re.search(r'bad\.rules:\d+', r.err) is not None, 'bad rule file: line number given')
    r = run(exe, ['check', '--rules', os.path.join(d, 'nope.rules'), sample_ods], env)
    check(r.rc == 2 and 'nope.rules' in r.err, 'missing rule file: exit 2, named')
    extra = os.path.join(d, 'extra rules（附加）.rules')
    with open(extra, 'w', encoding='utf-8') as f:
        f.write('[X01.1]\ncheck = 01["本年收入合计",1] = 01["本年支出合计",2]\n'
                'message[zh_CN] = 收入合计应等于支出合计\nmessage[en_US] = income equals expenditure\n')
    r = run(exe, ['check', '--format', 'json', '--rules', extra, sample_ods], env)
    wb = r.entry(sample_ods) if r.rc in (0, 1) else None
    check(wb is not None and any(f['rule'] == 'X01.1' for f in wb['findings']),
          'extra rule file: its rule runs (634.38 ≠ 635.58 → X01.1)')

    # -- --marked-dir: marked copies beside untouched inputs
    test_marked_dir(exe, env, tmp, d, mutant, mutant_xlsx, sample_xls, sample_ods)

    # -- a hung and a crashing office: a fake soffice
    fake_dir = os.path.join(tmp, 'fake')
    os.mkdir(fake_dir)
    os.chmod(fake_dir, 0o755)
    fake_soffice = os.path.join(fake_dir, 'soffice')
    with open(fake_soffice, 'w') as f:
        f.write(FAKE_SOFFICE)
    os.chmod(fake_soffice, 0o755)
    names = {}
    for name, body in (('a', 'ok'), ('b', 'BROKEN'), ('c', 'HANG'), ('d', 'ok'), ('e', 'CRASH'),
                       ('f', 'ok')):
        names[name] = os.path.join(d, name + '.ods')
        with open(names[name], 'w') as f:
            f.write(body)
    fenv = dict(env, FISCALCHECK_SOFFICE=fake_soffice)
    r = run(exe, ['check', '--format', 'json', '--jobs', '1', '--timeout', '3']
            + [names[k] for k in 'abcdef'], fenv, timeout=120)
    check(r.rc == 2, 'fake office: exit 2')
    check(r.seconds < 30, 'fake office: hang detected in time (%.1fs)' % r.seconds)
    got = {k: r.entry(names[k]) for k in 'abcdef'}
    check(all(got[k] and 'error' not in got[k] for k in 'adf'), 'fake office: a, d, f checked')
    check('could not open' in (got['b'] or {}).get('error', ''), 'fake office: not loaded → error')
    check('timed out' in (got['c'] or {}).get('error', ''), 'fake office: hung file → timed out')
    check('crashed' in (got['e'] or {}).get('error', ''), 'fake office: crash → crashed')

    return fcoffice.summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
