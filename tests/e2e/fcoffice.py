#!/usr/bin/python3
"""fcoffice - a small harness for end-to-end tests against a real headless
LibreOffice, driven from Python over UNO.

Run it with /usr/bin/python3 (the interpreter that has the `uno` module).

    from fcoffice import Office
    with Office(oxt='build/packaging/FiscalCheck.oxt') as office:   # oxt optional
        doc = office.load('build/ods-templates/sample.ods', readonly=True)
        print(office.value(doc, '收入支出决算总表', 'C33'))         # 634.38
        office.close(doc)

What it does
  * creates a private temp dir (profile, copies of inputs, HOME, TMPDIR);
  * when we are root, runs unopkg and soffice as `nobody` (unopkg refuses to
    use a private profile as root), so the profile has one owner;
  * installs the given .oxt with `unopkg add --suppress-license` (raises
    OfficeError with unopkg's output on failure);
  * starts `soffice --headless --invisible --norestore --nologo
    --accept=pipe,name=<unique>;urp;` in its own process group and connects
    with retries (default 90 s: LibreOffice 25.2's first start on a new
    profile took 13-29 s on the 2-core CI machine under load, 7.4's less);
  * shutdown(): XDesktop.terminate() in a helper thread (bounded wait), then
    SIGTERM / SIGKILL to the whole process group, removes the pipe sockets
    the office left in /tmp and the temp dir.  Also runs from atexit and from
    the watchdog.

Never hangs forever: every subprocess has a timeout, the connection has a
deadline, terminate() is bounded, and a watchdog thread (default 600 s) kills
the office if a test overruns, which makes any pending UNO call fail.

Under valgrind (FC_VALGRIND=1 in the environment)
  soffice.bin itself (not the shell wrapper and oosplash) runs under
  `valgrind --tool=memcheck` with tests/valgrind/lo.supp (or
  $FC_VALGRIND_SUPP), XML and text logs in $FC_VALGRIND_LOGDIR (default
  /tmp/fc-valgrind) named vg.<pid>.xml / vg.<pid>.log, extra options from
  $FC_VALGRIND_OPTS.  Every timeout (connect, watchdog, terminate) is
  multiplied by $FC_VALGRIND_SLOWDOWN (default 20).  Summarise the logs with
  tests/valgrind/summary.py; tests/valgrind/run.sh does it all.

Which office
  $FC_OFFICE_PROGRAM names the office's program directory (meson's test
  setups set it: office_program by default, office2_program with
  `meson test --setup office2`); SOFFICE and UNOPKG are its soffice and
  unopkg, the defaults of Office() and what the tests run.  The driver's
  `uno` module must be that office's own: a 7.4 pyuno cannot talk to a 25.2
  office (the first object whose types include one 7.4 does not know, e.g.
  com.sun.star.configuration.XDocumentation, makes the 7.4 bridge hang up:
  "Binary URP bridge disposed during call"), so the office2 setup puts the
  second office's pyuno first on PYTHONPATH.  Office.version is what the
  office says it is ("25.2.3.2"); Office.major its first number.

Note on pipes: LibreOffice names a pipe /tmp/OSL_PIPE_<uid>_<name>; when the
office runs as nobody and we are root, the harness links
/tmp/OSL_PIPE_<our uid>_<name> to the office's socket so the connector finds it.
"""

import atexit
import hashlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

try:
    import uno  # noqa: E402
except ImportError:     # a pyenv/venv python without LibreOffice's pyuno
    raise ImportError('fcoffice needs the uno module: run the test with /usr/bin/python3 '
                      '(Debian package python3-uno), not %s' % sys.executable)
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402

PIPE_DIR = '/tmp'

# the office under test (see "Which office" above)
OFFICE_PROGRAM = os.environ.get('FC_OFFICE_PROGRAM') or '/usr/lib/libreoffice/program'
SOFFICE = os.path.join(OFFICE_PROGRAM, 'soffice')
UNOPKG = os.path.join(OFFICE_PROGRAM, 'unopkg')

# FC_VALGRIND=1: run soffice.bin under memcheck (see the module docstring)
VALGRIND = os.environ.get('FC_VALGRIND', '') not in ('', '0')
VALGRIND_SLOWDOWN = float(os.environ.get('FC_VALGRIND_SLOWDOWN', '20')) if VALGRIND else 1
# soffice.bin asks its launcher to start it again (after a first start
# with a new profile or changed extensions) by exiting with this code
RESTART_CODE = 81


class OfficeError(Exception):
    pass


# ---------------------------------------------------------------- addresses

def col_to_index(letters):
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def index_to_col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def a1_to_rc(addr):
    """'C12' -> (11, 2) zero-based (row, col)."""
    addr = addr.replace('$', '')
    k = next(i for i, ch in enumerate(addr) if ch.isdigit())
    return int(addr[k:]) - 1, col_to_index(addr[:k])


def rc_to_a1(row, col):
    return '%s%d' % (index_to_col(col), row + 1)


def _props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name, p.Value = k, v
        out.append(p)
    return tuple(out)


def _run_as():
    """(uid, gid, prefix argv) for running office processes."""
    if os.geteuid() != 0:
        return os.geteuid(), os.getegid(), []
    nb = pwd.getpwnam('nobody')
    return nb.pw_uid, nb.pw_gid, ['setpriv', '--reuid=%d' % nb.pw_uid,
                                  '--regid=%d' % nb.pw_gid, '--clear-groups']


def _world_readable(path):
    """True if every directory on the way is o+x and the file is o+r."""
    path = os.path.abspath(path)
    try:
        if not os.stat(path).st_mode & 0o004:
            return False
        d = os.path.dirname(path)
        while True:
            if not os.stat(d).st_mode & 0o001:
                return False
            if d == '/':
                return True
            d = os.path.dirname(d)
    except OSError:
        return False


# A guardian process: it blocks on a pipe from us; when the pipe closes (we
# finished, crashed, or were SIGKILLed) it kills the office's process group
# and removes the temp dir and pipe sockets.  So nothing is left behind even
# when the test process dies without running its cleanup.
_REAPER = r"""
import os, shutil, signal, sys, time
pgid = int(sys.argv[1]); tmp = sys.argv[2]; files = sys.argv[3:]
try:
    sys.stdin.buffer.read()
except BaseException:
    pass
for sig in (signal.SIGTERM, signal.SIGKILL):
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        break
    for _ in range(50):
        time.sleep(0.1)
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            break
    else:
        continue
    break
for f in files:
    try:
        os.unlink(f)
    except OSError:
        pass
if tmp != '-':
    shutil.rmtree(tmp, ignore_errors=True)
"""


# ---------------------------------------------------------------- the office

class Office:
    def __init__(self, oxt=None, connect_timeout=90, watchdog=600,
                 soffice=SOFFICE, unopkg=UNOPKG, keep_tmp=False, log=None,
                 handle_sigterm=True, ui_locale=None, profile=None, extra_args=()):
        self.ui_locale = ui_locale
        self.given_profile = profile      # a user profile to run on instead of a new one
        self.extra_args = list(extra_args)  # more soffice arguments (-env:…)
        self.oxt = oxt if oxt is None or isinstance(oxt, (list, tuple)) else [oxt]
        # FC_CONNECT_TIMEOUT: a machine shared with other builds can take
        # longer than 30 s to start an office
        connect_timeout = float(os.environ.get('FC_CONNECT_TIMEOUT', connect_timeout))
        self.connect_timeout = connect_timeout * VALGRIND_SLOWDOWN
        self.watchdog_seconds = watchdog * VALGRIND_SLOWDOWN if watchdog else watchdog
        self.soffice = soffice
        self.unopkg = unopkg
        self.keep_tmp = keep_tmp
        self.log = log or (lambda msg: sys.stderr.write('[fcoffice] %s\n' % msg))
        self.tmp = None
        self.proc = None
        self.version = None     # what the office says it is, e.g. '25.2.3.2'
        self.major = None
        self.ctx = self.smgr = self.desktop = None
        self._links = []
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._watchdog = None
        self._reapers = []     # [(Popen, write end of its pipe)]
        self.handle_sigterm = handle_sigterm
        self.uid, self.gid, self.prefix = _run_as()

    # -- context manager
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        return False

    # -- setup
    def start(self):
        atexit.register(self.shutdown)
        if (self.handle_sigterm and threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL):
            # make SIGTERM (e.g. a test runner's timeout) run the cleanup
            signal.signal(signal.SIGTERM, lambda *a: sys.exit(128 + signal.SIGTERM))
        self.tmp = tempfile.mkdtemp(prefix='fcoffice-')
        os.chmod(self.tmp, 0o700)
        self.profile = self.given_profile or os.path.join(self.tmp, 'profile')
        self.profile_url = uno.systemPathToFileUrl(self.profile)
        self.docs = os.path.join(self.tmp, 'docs')
        self.home = os.path.join(self.tmp, 'home')
        for d in (self.docs, self.home):
            os.mkdir(d)
        for d in (self.tmp, self.docs, self.home):
            os.chown(d, self.uid, self.gid)
        self.env = dict(os.environ, HOME=self.home, TMPDIR=self.home)
        self.env.pop('DISPLAY', None)
        self._arm_watchdog()
        try:
            for oxt in self.oxt or []:
                self.install(oxt)
            if self.ui_locale:
                self._set_ui_locale(self.ui_locale)
            self._spawn()
            self._connect()
        except BaseException:
            self.shutdown()
            raise
        return self

    def _arm_watchdog(self):
        if not self.watchdog_seconds:
            return

        def bark():
            if not self._stopped.wait(self.watchdog_seconds):
                self.log('watchdog: office still running after %ss, killing it'
                         % self.watchdog_seconds)
                self._kill()
        self._watchdog = threading.Thread(target=bark, daemon=True)
        self._watchdog.start()

    def _stage(self, path):
        """Copy path into our temp dir (owned by the office user)."""
        dst = os.path.join(self.docs, '%s-%s' % (uuid.uuid4().hex[:8], os.path.basename(path)))
        shutil.copyfile(path, dst)
        os.chown(dst, self.uid, self.gid)
        return dst

    def install(self, oxt, timeout=180):
        """unopkg add the extension into the private profile."""
        if self.proc is not None:
            raise OfficeError('install extensions before the office starts')
        staged = self._stage(oxt)
        cmd = self.prefix + [self.unopkg, 'add', '--suppress-license',
                             '-env:UserInstallation=' + self.profile_url, staged]
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, env=self.env, cwd=self.home, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=timeout, start_new_session=True)
        except subprocess.TimeoutExpired as e:
            raise OfficeError('unopkg add %s timed out after %ss\n%s'
                              % (oxt, timeout, (e.output or b'').decode('utf-8', 'replace')))
        out = p.stdout.decode('utf-8', 'replace')
        if p.returncode != 0:
            raise OfficeError('unopkg add %s failed (rc=%d):\n%s' % (oxt, p.returncode, out))
        self.log('installed %s (%.1fs)' % (os.path.basename(oxt), time.monotonic() - t0))
        return out

    def _set_ui_locale(self, locale):
        """Sets the office UI language (needs its language pack) in the
        profile before the office starts."""
        user = os.path.join(self.profile, 'user')
        os.makedirs(user, exist_ok=True)
        path = os.path.join(user, 'registrymodifications.xcu')
        # the user's choice is Linguistic/General/UILocale; ooLocale is
        # what the office detected and is rewritten at start
        item = ('<item oor:path="/org.openoffice.Office.Linguistic/General"><prop '
                'oor:name="UILocale" oor:op="fuse"><value>%s</value></prop></item>\n' % locale)
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                text = f.read()
            text = text.replace('</oor:items>', item + '</oor:items>')
        else:
            text = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items '
                    'xmlns:oor="http://openoffice.org/2001/registry" '
                    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    + item + '</oor:items>\n')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        for d in (self.profile, user):
            os.chown(d, self.uid, self.gid)
        os.chown(path, self.uid, self.gid)

    def _valgrind_argv(self):
        """The memcheck command line that runs soffice.bin (see the module
        docstring), or [] when FC_VALGRIND is not set."""
        if not VALGRIND:
            return []
        here = os.path.dirname(os.path.abspath(__file__))
        supp = os.environ.get('FC_VALGRIND_SUPP') or os.path.join(here, '..', 'valgrind', 'lo.supp')
        logdir = os.environ.get('FC_VALGRIND_LOGDIR') or '/tmp/fc-valgrind'
        os.makedirs(logdir, exist_ok=True)
        os.chown(logdir, self.uid, self.gid)
        os.chmod(logdir, 0o755)
        self.valgrind_logdir = logdir
        program = os.path.dirname(os.path.realpath(shutil.which(self.soffice) or self.soffice))
        # no --error-exitcode: it would hide the restart code; the
        # verdict comes from the XML (tests/valgrind/summary.py)
        argv = ['valgrind', '--tool=memcheck', '--num-callers=40',
                '--leak-check=full', '--show-leak-kinds=definite',
                '--errors-for-leak-kinds=definite', '--gen-suppressions=all',
                '--suppressions=' + os.path.abspath(supp),
                '--xml=yes', '--xml-file=' + os.path.join(logdir, 'vg.%p.xml'),
                '--log-file=' + os.path.join(logdir, 'vg.%p.log')]
        argv += os.environ.get('FC_VALGRIND_OPTS', '').split()
        return argv + [os.path.join(program, 'soffice.bin')]

    def _spawn(self):
        self.pipe_name = 'fcoffice_%d_%s' % (os.getpid(), uuid.uuid4().hex[:12])
        if self.uid != os.geteuid():
            link = os.path.join(PIPE_DIR, 'OSL_PIPE_%d_%s' % (os.geteuid(), self.pipe_name))
            os.symlink(os.path.join(PIPE_DIR, 'OSL_PIPE_%d_%s' % (self.uid, self.pipe_name)), link)
            self._links.append(link)
        office = self._valgrind_argv() or [self.soffice]
        cmd = self.prefix + office + ['--headless', '--invisible', '--norestore',
                             '--nologo', '--nodefault', '--nolockcheck',
                             '-env:UserInstallation=' + self.profile_url,
                             '--accept=pipe,name=%s;urp;' % self.pipe_name] + self.extra_args
        self.office_log = os.path.join(self.tmp, 'soffice.log')
        self._logf = open(self.office_log, 'ab')
        env = self.env
        if VALGRIND:
            # what LibreOffice's own `soffice --valgrind` sets: plain malloc
            env = dict(env, G_SLICE='always-malloc', GLIBCXX_FORCE_NEW='1')
        self._cmd, self._env = cmd, env
        self._popen()
        self._start_reaper()

    def _popen(self):
        self.proc = subprocess.Popen(self._cmd, env=self._env, cwd=self.home, stdin=subprocess.DEVNULL,
                                     stdout=self._logf, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.log('started soffice pid %d (pipe %s)%s' % (self.proc.pid, self.pipe_name,
                                                        ' under valgrind' if VALGRIND else ''))

    def _socket_paths(self):
        out = list(self._links)
        out.append(os.path.join(PIPE_DIR, 'OSL_PIPE_%d_%s' % (self.uid, self.pipe_name)))
        # the single-instance pipe is named after the MD5 of the UTF-16
        # user installation URL
        h = hashlib.md5(self.profile_url.encode('utf-16-le')).hexdigest()
        out.append(os.path.join(PIPE_DIR, 'OSL_PIPE_%d_SingleOfficeIPC_%s' % (self.uid, h)))
        return out

    def _start_reaper(self, cleanup=True):
        """A guardian for the office's current process group; with cleanup,
        it also removes the temp dir and the pipe sockets."""
        r, w = os.pipe()
        try:
            what = (['-' if self.keep_tmp else self.tmp] + self._socket_paths()) if cleanup else ['-']
            reaper = subprocess.Popen(
                [sys.executable, '-c', _REAPER, str(self.proc.pid)] + what,
                stdin=r, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True, close_fds=True)
        finally:
            os.close(r)
        self._reapers.append((reaper, w))

    def office_output(self):
        try:
            with open(self.office_log, 'rb') as f:
                return f.read().decode('utf-8', 'replace')
        except (OSError, AttributeError):
            return ''

    def _connect(self):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            'com.sun.star.bridge.UnoUrlResolver', local)
        url = 'uno:pipe,name=%s;urp;StarOffice.ComponentContext' % self.pipe_name
        t0 = time.monotonic()
        deadline = t0 + self.connect_timeout
        last = None
        restarted = False
        while time.monotonic() < deadline:
            if self.proc.poll() == RESTART_CODE and VALGRIND and not restarted:
                # oosplash would start it again: without it, we do
                restarted = True
                self.log('soffice.bin asked for a restart')
                self._popen()
                self._start_reaper(cleanup=False)
                continue
            if self.proc.poll() is not None:
                raise OfficeError('soffice exited with %s before accepting connections:\n%s'
                                  % (self.proc.returncode, self.office_output()))
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException as e:
                last = e
                time.sleep(0.2)
        else:
            raise OfficeError('no UNO connection to soffice within %ss (%s)\n%s'
                              % (self.connect_timeout, last, self.office_output()))
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext('com.sun.star.frame.Desktop', self.ctx)
        try:
            self.version = office_version(self)
        except Exception as e:
            raise OfficeError('connected to %s, but its first object broke the bridge (%s): '
                              'run the driver with that office\'s own pyuno (uno module %s); '
                              'see "Which office" in fcoffice.py'
                              % (self.soffice, e, getattr(uno, '__file__', '?')))
        self.major = int(self.version.split('.')[0]) if self.version[:1].isdigit() else None
        self.log('connected to LibreOffice %s (%s) in %.1fs'
                 % (self.version, self.soffice, time.monotonic() - t0))

    def extensions(self):
        """[(identifier, version)] of the extensions the running office has."""
        pip = self.ctx.getValueByName(
            '/singletons/com.sun.star.deployment.PackageInformationProvider')
        return [tuple(x) for x in pip.ExtensionList]

    # -- documents
    def load(self, path, readonly=False, copy=None, **props):
        """Load a document (always Hidden=True). The file is copied into the
        temp dir first when copy=True, or when copy=None and the office user
        could not read it in place. Returns the component (document model)."""
        if not os.path.exists(path):
            raise OfficeError('no such file: %s' % path)
        if copy or (copy is None and self.uid != os.geteuid() and not _world_readable(path)):
            path = self._stage(path)
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        args = dict(Hidden=True, ReadOnly=bool(readonly))
        args.update(props)
        doc = self.desktop.loadComponentFromURL(url, '_blank', 0, _props(**args))
        if doc is None:
            raise OfficeError('LibreOffice could not load %s' % path)
        return doc

    def close(self, doc):
        try:
            doc.close(True)
        except Exception:
            try:
                doc.dispose()
            except Exception:
                pass

    # -- sheets and cells
    @staticmethod
    def sheet_names(doc):
        return list(doc.Sheets.ElementNames)

    @staticmethod
    def sheet(doc, name):
        sheets = doc.Sheets
        if isinstance(name, int):
            return sheets.getByIndex(name)
        if not sheets.hasByName(name):
            raise KeyError('no sheet %r (have %s)' % (name, list(sheets.ElementNames)))
        return sheets.getByName(name)

    def cell(self, doc, sheet, addr):
        """The XCell at sheet name (or index) + 'C12'."""
        return self.sheet(doc, sheet).getCellRangeByName(addr)

    def value(self, doc, sheet, addr):
        """None for an empty cell, float for a number (or numeric formula
        result), str for text; 'Err:NNN' for a formula error."""
        return cell_value(self.cell(doc, sheet, addr))

    def kind(self, doc, sheet, addr):
        """'EMPTY', 'VALUE', 'TEXT' or 'FORMULA'."""
        return self.cell(doc, sheet, addr).Type.value

    def text(self, doc, sheet, addr):
        """The cell as displayed (formatted string)."""
        return self.cell(doc, sheet, addr).String

    def grid(self, doc, sheet):
        """The used area from A1 as a list of rows (values: None/float/str)."""
        sh = self.sheet(doc, sheet)
        cur = sh.createCursor()
        cur.gotoEndOfUsedArea(False)
        addr = cur.RangeAddress
        rng = sh.getCellRangeByPosition(0, 0, addr.EndColumn, addr.EndRow)
        rows = []
        for r in rng.DataArray:
            rows.append([None if v == '' else v for v in r])
        return rows

    def find_value(self, doc, sheet, value):
        """The first cell of sheet (a cell object) holding the number value."""
        for r, row in enumerate(self.grid(doc, sheet)):
            for c, v in enumerate(row):
                if isinstance(v, float) and abs(v - value) < 1e-9:
                    return self.sheet(doc, sheet).getCellByPosition(c, r)
        raise AssertionError('%s not found on %s' % (value, sheet))

    def find(self, doc, sheet, text, exact=True):
        """Addresses ('C12') of cells whose text equals (or contains) text."""
        out = []
        for r, row in enumerate(self.grid(doc, sheet)):
            for c, v in enumerate(row):
                if isinstance(v, str) and (v == text if exact else text in v):
                    out.append(rc_to_a1(r, c))
        return out

    # -- teardown
    def _kill(self):
        p = self.proc
        if p is None or p.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
            try:
                os.killpg(p.pid, sig)
            except ProcessLookupError:
                return
            try:
                p.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def shutdown(self, timeout=15):
        with self._lock:
            if self._stopped.is_set():
                return
            self._stopped.set()
        try:
            if self.desktop is not None and self.proc is not None and self.proc.poll() is None:
                def terminate():
                    try:
                        self.desktop.terminate()
                    except Exception:
                        pass   # DisposedException: the bridge went away, fine
                t = threading.Thread(target=terminate, daemon=True)
                t.start()
                t.join(timeout * VALGRIND_SLOWDOWN)
            if self.proc is not None:
                try:
                    # under valgrind, exit includes the leak search
                    self.proc.wait(timeout=timeout * VALGRIND_SLOWDOWN)
                except subprocess.TimeoutExpired:
                    self.log('soffice did not exit after terminate(); killing it')
                # the office's launcher may have left children in the group
                try:
                    os.killpg(self.proc.pid, 0)
                    alive = True
                except (ProcessLookupError, PermissionError):
                    alive = False
                if alive:
                    self._kill_group()
        finally:
            self.desktop = self.smgr = self.ctx = None
            self._cleanup_files()

    def _kill_group(self):
        pgid = self.proc.pid
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(pgid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    os.killpg(pgid, 0)
                except ProcessLookupError:
                    break
                if self.proc.poll() is None:
                    try:
                        self.proc.wait(timeout=0.1)
                    except subprocess.TimeoutExpired:
                        pass
                else:
                    time.sleep(0.1)
            else:
                continue
            break

    def _cleanup_files(self):
        if getattr(self, '_logf', None):
            try:
                self._logf.close()
            except OSError:
                pass
        sockets = self._socket_paths() if getattr(self, 'pipe_name', None) else []
        for s in sockets:
            try:
                os.unlink(s)
            except OSError:
                pass
        if self.tmp and not self.keep_tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
        elif self.tmp:
            self.log('kept %s' % self.tmp)
        for reaper, w in self._reapers:
            os.close(w)                     # lets the guardian finish
            try:
                reaper.wait(timeout=15)
            except subprocess.TimeoutExpired:
                reaper.kill()
        self._reapers = []



# ---------------------------------------------------------------- test helpers

COMMAND_URL = 'org.fiscalcheck.command:'

failures = []
passes = []


def check(cond, what):
    """Prints ok/FAIL for one assertion and remembers it (in
    fcoffice.passes / fcoffice.failures) so a test can go on and report them
    all."""
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    (passes if cond else failures).append(what)
    return cond


def summary():
    """Prints the "N passed, N failed" line of a test and returns its exit
    status (0 when nothing failed)."""
    print('%d passed, %d failed' % (len(passes), len(failures)))
    return 1 if failures else 0


# com.sun.star.frame.DispatchResultState: what dispatch() gives as its state
FAILURE, SUCCESS = 0, 1


def dispatch(office, doc, command):
    """Runs org.fiscalcheck.command:<command> on doc's frame through the
    dispatch framework, as a menu click does; (state, message), or
    (None, None) when no result came back."""
    helper = office.smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', office.ctx)
    frame = doc.getCurrentController().getFrame()
    result = helper.executeDispatch(frame, COMMAND_URL + command, '', 0, ())
    return (None, None) if result is None else (result.State, result.Result)


def cell_looks(sheet, end_row, end_col, props=('CellBackColor', 'IsCellBackgroundTransparent')):
    """{(row, col): (prop values…)} for every cell up to end_row, end_col,
    from the sheet's groups of equally formatted ranges (a few calls per
    format, not per cell)."""
    looks = {}
    groups = sheet.UniqueCellFormatRanges
    for i in range(groups.Count):
        ranges = groups.getByIndex(i)
        look = tuple(ranges.getPropertyValues(props))
        for a in ranges.RangeAddresses:
            for r in range(a.StartRow, min(a.EndRow, end_row) + 1):
                for c in range(a.StartColumn, min(a.EndColumn, end_col) + 1):
                    looks[(r, c)] = look
    return looks


def office_version(office):
    """The running office's version, as its About box says ('25.2.3.2')."""
    cp = office.smgr.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider',
                                               office.ctx)
    ca = cp.createInstanceWithArguments('com.sun.star.configuration.ConfigurationAccess',
                                        _props(nodepath='/org.openoffice.Setup/Product'))
    return ca.getByName('ooSetupVersionAboutBox')


def note_text(cell):
    """The text of cell's comment ('' when it has none), as the user sees
    it.  LibreOffice 25.2 imports an .xlsx's comments without their caption
    objects, and a fresh annotation then reads '' through getString; asking
    for the annotation's shape first makes the caption (the add-in does the
    same: fc_calc_annotation).  The shape is asked for on one annotation
    object and the text read from a new one: an annotation object keeps the
    first text it read."""
    cell.Annotation.AnnotationShape
    return cell.Annotation.String


def note_text_unforced(cell):
    """What getString alone reads from a fresh annotation of cell (the
    office's behaviour, for tests that say which one they met)."""
    return cell.Annotation.String


def cell_notes(sheet):
    """{(row, col): (text, author, date)} of the sheet's comments, each text
    read as note_text does."""
    notes = {}
    for i in range(sheet.Annotations.Count):
        pos = sheet.Annotations.getByIndex(i).Position
        cell = sheet.getCellByPosition(pos.Column, pos.Row)
        text = note_text(cell)
        note = cell.Annotation
        notes[(pos.Row, pos.Column)] = (text, note.Author, note.Date)
    return notes


def cli_env(**extra):
    """os.environ plus extra for running the batch command against the office
    under test: FISCALCHECK_SOFFICE / FISCALCHECK_UNOPKG are kept when they
    name that office's programs (the office2 test setup sets them), dropped
    otherwise (so the compiled-in office is what runs)."""
    env = dict(os.environ, **extra)
    for name, want in (('FISCALCHECK_SOFFICE', SOFFICE), ('FISCALCHECK_UNOPKG', UNOPKG)):
        if env.get(name) != want:
            env.pop(name, None)
    return env


def cell_value(cell):
    t = cell.Type.value
    if t == 'EMPTY':
        return None
    if t == 'VALUE':
        return cell.Value
    if t == 'TEXT':
        return cell.String
    err = cell.getError()
    if err:
        return 'Err:%d' % err
    # a formula: numeric or text result
    if cell.FormulaResultType2 == 2:    # com.sun.star.sheet.FormulaResult.TEXT
        return cell.String
    return cell.Value


def _selftest(argv):
    """python3 fcoffice.py WORKBOOK.ods [EXT.oxt]: open it, print 01's 本年收入合计."""
    path = argv[1]
    oxt = argv[2] if len(argv) > 2 else None
    with Office(oxt=oxt) as office:
        doc = office.load(path, readonly=True)
        name = office.sheet_names(doc)[0]
        hits = office.find(doc, name, '本年收入合计')
        r, c = a1_to_rc(hits[0])
        addr = rc_to_a1(r, c + 2)
        v = office.value(doc, name, addr)
        print('%s!%s (本年收入合计 at %s) = %r, shown %r, kind %s'
              % (name, addr, hits[0], v, office.text(doc, name, addr), office.kind(doc, name, addr)))
        office.close(doc)
        return 0 if v == 634.38 else 1


if __name__ == '__main__':
    sys.exit(_selftest(sys.argv))
