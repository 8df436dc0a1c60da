#!/usr/bin/env python3
"""Check that LibreOffice reads a generated workbook exactly as the seed says.

Usage: csv_roundtrip.py WORKBOOK.ods SEED.txt [--template]

Converts every sheet of WORKBOOK to CSV with a real headless soffice (private
profile in a temp dir, run as nobody when we are root, timeout 120 s), then
compares each sheet, cell by cell, with the table of part 二 of SEED that
ods-templates/gen-sample.py turns into that sheet (same layout rules; with
--template, the blanked template variant).  Cells are compared as LibreOffice
shows them ("save cell contents as shown"), so 0.00 / 65.70 must keep their
2 decimals.  Needs no uno module.  Exit 0 when every sheet matches.
"""

import csv
import glob
import importlib.util
import os
import pwd
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, '..', '..', 'ods-templates', 'gen-sample.py')


def load_gen():
    spec = importlib.util.spec_from_file_location('gen_sample', GEN)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def convert(ods, outdir, work):
    """soffice --convert-to csv, one file per sheet, as nobody if root."""
    prof = os.path.join(work, 'profile')
    src = os.path.join(work, os.path.basename(ods))
    shutil.copy(ods, src)
    env = dict(os.environ, HOME=work, TMPDIR=work)
    pre = []
    if os.geteuid() == 0:
        nobody = pwd.getpwnam('nobody')
        for d in (work, outdir, src):
            os.chown(d, nobody.pw_uid, nobody.pw_gid)
        pre = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups']
    # tab separated, UTF-8, as shown, every sheet (-1) into its own file
    flt = 'csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,true,false,false,-1'
    cmd = pre + ['soffice', '--headless', '--invisible', '--norestore', '--nologo',
                 '-env:UserInstallation=file://' + prof,
                 '--convert-to', flt, '--outdir', outdir, src]
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=120, start_new_session=True)
    return p.returncode, p.stdout.decode('utf-8', 'replace')


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    template = '--template' in argv
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    ods, seed = (os.path.abspath(a) for a in args)
    gen = load_gen()
    with open(seed, encoding='utf-8') as f:
        lines = f.read().split('\n')
    base, part2 = gen.read_part2(lines)
    tables = gen.split_tables(part2, base)

    work = tempfile.mkdtemp(prefix='fc-csv-')
    try:
        outdir = os.path.join(work, 'out')
        os.mkdir(outdir)
        rc, log = convert(ods, outdir, work)
        stem = os.path.splitext(os.path.basename(ods))[0]
        files = sorted(glob.glob(os.path.join(outdir, '*.csv')))
        print('soffice rc=%d, %d csv files' % (rc, len(files)))
        if not files:
            print(log)
            return 1
        failures = 0
        for t in tables:
            path = os.path.join(outdir, '%s-%s.csv' % (stem, t['title']))
            if not os.path.exists(path):
                print('FAIL %s: no sheet of that name (files: %s)'
                      % (t['title'], [os.path.basename(f) for f in files]))
                failures += 1
                continue
            with open(path, encoding='utf-8', newline='') as f:
                got = [r for r in csv.reader(f, delimiter='\t')]
            rows = gen.blank_for_template(t) if template else t['rows']
            want = [[x for x in (fields or [])] for _, fields in rows]
            # trailing empties are not significant
            norm = lambda rr: [list(r[:max([i + 1 for i, x in enumerate(r) if x] or [0])]) for r in rr]
            got, want = norm(got), norm(want)
            while got and not got[-1]:
                got.pop()
            bad = []
            for i in range(max(len(got), len(want))):
                g = got[i] if i < len(got) else None
                w = want[i] if i < len(want) else None
                if g != w:
                    bad.append((i + 1, w, g))
            cells = sum(len([x for x in r if x]) for r in want)
            if bad:
                failures += 1
                print('FAIL %s: %d rows differ' % (t['title'], len(bad)))
                for r, w, g in bad[:5]:
                    print('   row %d\n     want %r\n     got  %r' % (r, w, g))
            else:
                print('ok   %-24s %3d rows, %3d non-empty cells identical' % (t['title'], len(want), cells))
        if len(files) != len(tables):
            print('FAIL: %d sheets exported, %d tables expected' % (len(files), len(tables)))
            failures += 1
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
