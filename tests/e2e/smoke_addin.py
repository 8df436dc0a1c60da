#!/usr/bin/python3
"""smoke_addin.py — end-to-end smoke test of the FISCALCHECK() Calc add-in.

Usage (as root or as a normal user; needs /usr/bin/python3 for `uno`):
    /usr/bin/python3 tests/e2e/smoke_addin.py BUILD/fiscalcheck.oxt \
        BUILD/ods-templates/sample.ods [--valgrind]

Installs the .oxt into a private profile (as `nobody` when run as root:
unopkg refuses private profiles as root), starts a headless office on a URP
socket and checks:
  * the function is listed in com.sun.star.sheet.FunctionDescriptions;
  * =FISCALCHECK() on the sample workbook gives the expected count;
  * the value follows a cell change without any calculate() call;
  * Scope restricts the count;
  * a workbook without tables shows the "no tables" text.
The .oxt is repackaged with a one-rule test rule file (TEST_RULES) so the
expected counts do not depend on the shipped rule set.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile

import uno
from com.sun.star.beans import PropertyValue

NO_TABLES_PREFIX = '未找到决算表'

# 本年收入合计 (行27) = 总计 (行31) on 收入支出决算总表: false on the sample
# (634.38 vs 618.10), true once C40 is set to 634.38.
TEST_RULES = """[T01.1]
severity = error
check = 01[27,1] = 01[31,1]
message = 测试规则
message[en_US] = test rule
"""
SAMPLE_SHEET = '收入支出决算总表'


def with_test_rules(oxt, out):
    """Copies oxt to out with rules/standard.rules replaced by TEST_RULES."""
    with zipfile.ZipFile(oxt) as src, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != 'rules/standard.rules':
                dst.writestr(item, src.read(item.filename))
        dst.writestr('rules/standard.rules', TEST_RULES)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Office:
    def __init__(self, oxt, valgrind=False):
        self.tmp = tempfile.mkdtemp(prefix='fc-smoke-')
        os.chmod(self.tmp, 0o755)
        self.as_nobody = os.geteuid() == 0
        self.profile = os.path.join(self.tmp, 'profile')
        self.oxt = os.path.join(self.tmp, 'fiscalcheck.oxt')
        with_test_rules(oxt, self.oxt)
        if self.as_nobody:
            subprocess.run(['chown', '-R', 'nobody:nogroup', self.tmp], check=True)
        self.env = dict(os.environ, HOME=self.tmp, TMPDIR=self.tmp)
        self.url = 'file://' + self.profile
        self.valgrind = valgrind
        self.proc = None

    def _cmd(self, argv):
        if self.as_nobody:
            return ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] + argv
        return argv

    def install(self):
        t = time.monotonic()
        r = subprocess.run(self._cmd(['unopkg', 'add', '--suppress-license',
                                      '-env:UserInstallation=' + self.url, self.oxt]),
                           env=self.env, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError('unopkg failed: %s %s' % (r.stdout, r.stderr))
        print('unopkg add: %.2f s' % (time.monotonic() - t))

    def start(self):
        self.port = free_port()
        argv = ['soffice', '--headless', '--invisible', '--norestore', '--nologo',
                '-env:UserInstallation=' + self.url,
                '--accept=socket,host=127.0.0.1,port=%d;urp;' % self.port]
        env = dict(self.env)
        if self.valgrind:
            env['VALGRIND'] = 'memcheck'
            argv.insert(1, '--valgrind')
            # %p: helper processes (gpgconf …) inherit the options too
            env['VALGRIND_OPTS'] = ('--log-file=%s/valgrind.%%p.log --error-limit=no '
                                    '--leak-check=full --show-leak-kinds=definite '
                                    '--num-callers=30' % self.tmp)
        t = time.monotonic()
        self.log = open(os.path.join(self.tmp, 'soffice.log'), 'w')
        self.proc = subprocess.Popen(self._cmd(argv), env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            'com.sun.star.bridge.UnoUrlResolver', local)
        deadline = time.monotonic() + (300 if self.valgrind else 60)
        while True:
            try:
                self.ctx = resolver.resolve(
                    'uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext'
                    % self.port)
                break
            except Exception:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise
                time.sleep(0.2)
        print('soffice up: %.2f s' % (time.monotonic() - t))
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext('com.sun.star.frame.Desktop', self.ctx)

    def stop(self):
        try:
            if self.proc and self.proc.poll() is None:
                try:
                    self.desktop.terminate()
                except Exception:
                    pass
                try:
                    self.proc.wait(timeout=120 if self.valgrind else 20)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, 9)
                    self.proc.wait()
            if self.proc:
                print('soffice exit status:', self.proc.returncode)
        finally:
            if self.valgrind:
                logs = [f for f in os.listdir(self.tmp) if f.startswith('valgrind.')]
                os.makedirs('/tmp/fc-smoke-valgrind', exist_ok=True)
                for f in logs:
                    shutil.copy(os.path.join(self.tmp, f), '/tmp/fc-smoke-valgrind')
                print('valgrind logs: /tmp/fc-smoke-valgrind/')
            if os.path.exists(os.path.join(self.tmp, 'soffice.log')):
                shutil.copy(os.path.join(self.tmp, 'soffice.log'), '/tmp/fc-smoke-soffice.log')
            shutil.rmtree(self.tmp, ignore_errors=True)

    def new_workbook(self, path, rows):
        """Creates an .ods at path with rows (list of lists) on sheet 1."""
        doc = self.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                                (prop('Hidden', True),))
        sheet = doc.Sheets.getByIndex(0)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                cell = sheet.getCellByPosition(c, r)
                if isinstance(v, str):
                    cell.setString(v)
                elif v is not None:
                    cell.setValue(v)
        doc.storeToURL(uno.systemPathToFileUrl(path), (prop('FilterName', 'calc8'),))
        doc.close(True)
        if self.as_nobody:
            subprocess.run(['chown', 'nobody:nogroup', path], check=True)

    def load(self, path):
        return self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), '_blank', 0,
                                                 (prop('Hidden', True),))


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what)
    if not cond:
        check.failed += 1


check.failed = 0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 2:
        print(__doc__)
        return 2
    sample_path = os.path.abspath(args[1])
    office = Office(os.path.abspath(args[0]), valgrind='--valgrind' in sys.argv)
    try:
        office.install()
        office.start()

        # Function descriptions
        fd = office.smgr.createInstanceWithContext('com.sun.star.sheet.FunctionDescriptions',
                                                   office.ctx)
        found = None
        for i in range(fd.getCount()):
            desc = {p.Name: p.Value for p in fd.getByIndex(i)}
            if desc.get('Name', '').upper() == 'FISCALCHECK':
                found = desc
        check(found is not None, 'FISCALCHECK listed in FunctionDescriptions')
        if found:
            print('     Description:', found.get('Description'))
            print('     Arguments:', [(a.Name, a.Description, a.IsOptional)
                                      for a in found.get('Arguments', ())])
            check(bool(found.get('Description')), 'FISCALCHECK has a description')

        no_tables = os.path.join(office.tmp, 'no-tables.ods')
        office.new_workbook(no_tables, [['hello', 1], ['world', 2]])
        sample = os.path.join(office.tmp, 'sample.ods')
        shutil.copy(sample_path, sample)
        if office.as_nobody:
            subprocess.run(['chown', 'nobody:nogroup', sample], check=True)

        # The sample workbook: the test rule fails once
        doc = office.load(sample)
        sheet = doc.Sheets.getByName(SAMPLE_SHEET)
        cell = sheet.getCellRangeByName('H1')
        t = time.monotonic()
        cell.setFormula('=FISCALCHECK()')
        print('     setFormula + first check: %.1f ms' % ((time.monotonic() - t) * 1000))
        print('     getFormula ->', cell.getFormula())
        print('     value:', cell.getValue(), 'string:', repr(cell.getString()),
              'error:', cell.getError())
        check(cell.getError() == 0 and cell.getString() == '1', 'FISCALCHECK() = 1 on the sample')

        scoped = sheet.getCellRangeByName('H2')
        scoped.setFormula('=FISCALCHECK("02")')
        print('     FISCALCHECK("02") ->', repr(scoped.getString()))
        check(scoped.getString() == '0', 'FISCALCHECK("02") = 0 (the rule is on table 01)')
        scoped1 = sheet.getCellRangeByName('H3')
        scoped1.setFormula('=FISCALCHECK("公开01表")')
        print('     FISCALCHECK("公开01表") ->', repr(scoped1.getString()))
        check(scoped1.getString() == '1', 'FISCALCHECK("公开01表") = 1')

        # Live update: change a cell, no calculate()
        total = sheet.getCellRangeByName('C40')
        old = total.getValue()
        t = time.monotonic()
        total.setValue(634.38)
        after = cell.getValue()
        print('     after fixing C40: %s (%.1f ms)' % (after, (time.monotonic() - t) * 1000))
        check(after == 0, 'value follows a cell change without calculate() (1 -> 0)')
        check(scoped1.getString() == '0', 'the scoped cell follows too')
        total.setValue(old)
        print('     after undoing the fix:', cell.getValue())
        check(cell.getValue() == 1, 'value returns when the change is undone (0 -> 1)')
        saved = os.path.join(office.tmp, 'with-formulas.ods')
        doc.storeToURL(uno.systemPathToFileUrl(saved), (prop('FilterName', 'calc8'),))
        doc.close(True)

        # Formulas stored in a file are recalculated on load, several at once
        t = time.monotonic()
        doc = office.load(saved)
        sheet = doc.Sheets.getByName(SAMPLE_SHEET)
        got = [sheet.getCellRangeByName(a).getString() for a in ('H1', 'H2', 'H3')]
        print('     reloaded H1:H3 -> %s (%.0f ms incl. load)' % (got, (time.monotonic() - t) * 1000))
        check(got == ['1', '0', '1'], 'stored formulas recalculate on load')
        sheet.getCellRangeByName('C40').setValue(634.38)
        got = [sheet.getCellRangeByName(a).getString() for a in ('H1', 'H2', 'H3')]
        check(got == ['0', '0', '0'], 'reloaded formulas follow changes: %s' % got)
        doc.close(True)

        # A workbook without tables
        doc = office.load(no_tables)
        cell = doc.Sheets.getByIndex(0).getCellRangeByName('D1')
        cell.setFormula('=FISCALCHECK()')
        print('     no tables ->', repr(cell.getString()), 'error:', cell.getError())
        check(cell.getString().startswith(NO_TABLES_PREFIX), 'no-tables text shown')
        doc.close(True)

        # Open again after close: a fresh result for a fresh document
        doc = office.load(sample)
        cell = doc.Sheets.getByName(SAMPLE_SHEET).getCellRangeByName('H1')
        cell.setFormula('=FISCALCHECK()')
        check(cell.getString() == '1', 'reopened workbook gives the same value')
        doc.close(True)
    finally:
        office.stop()
    print('%d failure(s)' % check.failed)
    return 1 if check.failed else 0


if __name__ == '__main__':
    sys.exit(main())
