#!/usr/bin/python3
"""End-to-end: the README's install lines work as written.

Usage: /usr/bin/python3 tests/e2e/test_install.py BUILD/fiscalcheck.oxt \
           BUILD/ods-templates/sample-tables.ods

  * a normal user (nobody, when this runs as root): `unopkg add
    fiscalcheck.oxt` into the user's own profile (a fresh HOME), after which
    an office on that profile computes =FISCALCHECK() on the sample (0);
  * root: plain `unopkg add` refuses ("as root"), which is why the README
    gives root `unopkg add --shared`; that line installs for every user — here
    into a private shared-extensions folder (-env:UNO_SHARED_PACKAGES_CACHE),
    so the machine's LibreOffice is not touched — and an office with a new
    profile of its own then computes =FISCALCHECK() on the sample (0).
Exit status 0 when every check passes.
"""

import os
import shutil
import subprocess
import sys
import tempfile

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import OFFICE_PROGRAM, UNOPKG, Office, _run_as, check, summary  # noqa: E402


def unopkg(argv, home, prefix=()):
    """Runs unopkg ARGV with HOME=home; (rc, output)."""
    env = dict(os.environ, HOME=home, TMPDIR=home)
    env.pop('DISPLAY', None)
    p = subprocess.run(list(prefix) + [UNOPKG] + argv, env=env, cwd=home, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300,
                       start_new_session=True)
    out = p.stdout.decode('utf-8', 'replace')
    print('     $ unopkg %s → rc=%d' % (' '.join(argv), p.returncode))
    return p.returncode, out


def fiscalcheck_value(office, sample):
    """=FISCALCHECK() in a new cell of a copy of sample: (error code, string)."""
    doc = office.load(sample, copy=True)
    try:
        doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
        cell = office.sheet(doc, '检查').getCellRangeByName('A1')
        cell.setFormula('=FISCALCHECK()')
        return cell.getError(), cell.getString()
    finally:
        office.close(doc)


def foreign_libraries(office):
    """LibreOffice libraries soffice.bin has mapped from outside the office's
    own tree (a second office unpacked beside the system's must not load
    the system's libuno_* or libmergedlo): [] when there are none."""
    root = os.path.realpath(os.path.join(OFFICE_PROGRAM, '..'))
    out = subprocess.run(['pgrep', '-g', str(office.proc.pid), '-x', 'soffice.bin'],
                         stdout=subprocess.PIPE, text=True).stdout.split()
    if not out:
        return ['no soffice.bin in the office\'s process group']
    with open('/proc/%s/maps' % out[0]) as f:
        paths = {line.split(None, 5)[5].strip() for line in f if len(line.split(None, 5)) == 6}
    # an office's own: its program/ (the extension's library lives in the
    # profile) and the URE's libuno_*, wherever they were found
    ours = [p for p in paths if '/libreoffice/program/' in p
            or os.path.basename(p).startswith(('libuno_', 'libmergedlo'))]
    return sorted(p for p in ours if not p.startswith(root + '/'))


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = [os.path.abspath(a) for a in argv[1:]]
    uid, gid, prefix = _run_as()
    tmp = tempfile.mkdtemp(prefix='fc-install-test-')
    os.chmod(tmp, 0o755)
    try:
        staged = os.path.join(tmp, 'fiscalcheck.oxt')
        shutil.copy(oxt, staged)
        os.chmod(staged, 0o644)

        # -- a normal user: the README's `unopkg add build/fiscalcheck.oxt`
        home = os.path.join(tmp, 'user-home')
        os.mkdir(home)
        os.chown(home, uid, gid)
        rc, out = unopkg(['add', staged], home, prefix)
        check(rc == 0, 'normal user: unopkg add fiscalcheck.oxt succeeds (%s)' % out.strip()[-200:])
        rc, out = unopkg(['list'], home, prefix)
        check('org.fiscalcheck.FiscalCheck' in out, 'normal user: unopkg list shows the extension')
        profile = os.path.join(home, '.config', 'libreoffice', '4')
        if check(os.path.isdir(profile), 'normal user: it went into ~/.config/libreoffice/4'):
            with Office(profile=profile) as office:
                foreign = foreign_libraries(office)
                check(not foreign, 'LibreOffice %s runs on its own libraries only (%s)'
                      % (office.version, foreign[:3] or os.path.realpath(OFFICE_PROGRAM)))
                err, value = fiscalcheck_value(office, sample)
                check(err == 0 and value == '0',
                      'normal user: =FISCALCHECK() works in that profile (%d, %r)' % (err, value))

        # -- root: plain add refuses, --shared works
        if os.geteuid() == 0:
            root_home = os.path.join(tmp, 'root-home')
            os.mkdir(root_home)
            rc, out = unopkg(['add', staged], root_home)
            check(rc != 0 and 'root' in out,
                  'root: plain unopkg add refuses (%r)' % out.strip()[-120:])
            shared = uno.systemPathToFileUrl(os.path.join(tmp, 'shared'))
            env_arg = '-env:UNO_SHARED_PACKAGES_CACHE=' + shared
            rc, out = unopkg(['add', '--shared', env_arg, staged], root_home)
            check(rc == 0, 'root: unopkg add --shared succeeds (%s)' % out.strip()[-200:])
            for dirpath, dirnames, filenames in os.walk(os.path.join(tmp, 'shared')):
                os.chmod(dirpath, 0o755)
            with Office(extra_args=[env_arg]) as office:
                ids = [e[0] for e in office.extensions()]
                check('org.fiscalcheck.FiscalCheck' in ids,
                      'root: an office with a new profile sees the shared extension (%s)' % ids)
                err, value = fiscalcheck_value(office, sample)
                check(err == 0 and value == '0',
                      'root: =FISCALCHECK() works for a user with a new profile (%d, %r)'
                      % (err, value))
            unopkg(['remove', '--shared', env_arg, 'org.fiscalcheck.FiscalCheck'], root_home)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
