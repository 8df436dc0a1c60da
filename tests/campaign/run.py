#!/usr/bin/python3
"""run.py — the mangled-workbook campaign: every file of a generated folder
(tests/campaign/generate.py) through `fiscalcheck check --format json`, then,
in one office with the extension installed, through =FISCALCHECK(), Validate
and ClearMarks; prints a table and exits 1 unless every goal is 0.

    /usr/bin/python3 tests/campaign/run.py BUILD_DIR CAMPAIGN_DIR [JOBS]
    /usr/bin/python3 tests/campaign/run.py --table CAMPAIGN_DIR   # print it again
    /usr/bin/python3 tests/campaign/run.py --recheck BUILD_DIR CAMPAIGN_DIR
    /usr/bin/python3 tests/campaign/run.py --pdf BUILD_DIR CAMPAIGN_DIR   # the PDFs alone

Per file in the office: a full recalculation, a snapshot of every sheet (name, visibility,
protection; each cell's value, formula, background, cell style and comment
with author and date), =FISCALCHECK() typed on a sheet of its own, a second
snapshot (must equal the first: FISCALCHECK() never changes the document),
Validate and ClearMarks dispatched as menu clicks, a third snapshot (must
equal the first: ClearMarks restores exactly).  An office that dies is
counted and started again; one that takes longer than FC_CAMPAIGN_LIMIT
seconds (default 120) on a file is killed and counted as a hang, unless
LibreOffice without FiscalCheck (soffice --convert-to csv) takes as long
over that file too: those are counted on a line of their own, and so are
crashes that LibreOffice without FiscalCheck has on the file too.
Details of every problem go to CAMPAIGN_DIR/results.json.

The mangled PDFs (generate_pdf.py: CAMPAIGN_DIR/manifest_pdf.json) go
through `fiscalcheck check` one process each, since a PDF is read in the
command's own process: a process killed by a signal is a crash, one that
outlives FC_CAMPAIGN_LIMIT a hang, a PDF without its entry missing; each
entry is either checked or refused with the reader's message.  Details go
to CAMPAIGN_DIR/results_pdf.json.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
import uno  # noqa: E402,F401
from fcoffice import SUCCESS, Office, cell_looks, cell_notes, dispatch  # noqa: E402
from com.sun.star.table import CellRangeAddress  # noqa: E402

LIMIT = float(os.environ.get('FC_CAMPAIGN_LIMIT', '120'))
FUNCTION_SHEET = '检查_campaign'
BULK_CELLS = 200000          # larger used areas are read by their content ranges
LOOK_ROWS, LOOK_COLS = 3000, 64


# ------------------------------------------------------------ the batch command

def run_cli(build, files, jobs, out_dir):
    """fiscalcheck check on every file; counts per outcome."""
    env = dict(os.environ, FISCALCHECK_CACHE_DIR=os.path.join(build, 'campaign-cache'))
    t0 = time.monotonic()
    p = subprocess.run([os.path.join(build, 'fiscalcheck'), 'check', '--format', 'json',
                        '--jobs', str(jobs), '--timeout', str(int(LIMIT))] + files,
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env)
    seconds = time.monotonic() - t0
    with open(os.path.join(out_dir, 'cli.json'), 'wb') as f:
        f.write(p.stdout)
    counts = dict(files=len(files), exit=p.returncode, seconds=seconds, crashes=0, hangs=0,
                  missing=0, checked=0, errors_found=0, no_tables=0, not_loaded=0, other=0)
    problems = []
    try:
        entries = json.loads(p.stdout.decode('utf-8'))['workbooks']
    except (ValueError, KeyError) as e:
        problems.append({'cli': 'output is not the JSON report: %s' % e,
                         'stderr': p.stderr.decode('utf-8', 'replace')[-2000:]})
        entries = []
    by_path = {}
    for e in entries:
        by_path.setdefault(os.path.realpath(e.get('path', '')), e)
    for path in files:
        e = by_path.get(os.path.realpath(path))
        if e is None:
            counts['missing'] += 1
            problems.append({'file': path, 'cli': 'no entry'})
            continue
        error = e.get('error')
        if error is None:
            counts['checked'] += 1
            counts['errors_found'] += bool(e.get('summary', {}).get('error', 0))
        elif 'crashed' in error:
            counts['crashes'] += 1
            problems.append({'file': path, 'cli': error})
        elif 'timed out' in error or '超时' in error or 'no result' in error:
            counts['hangs'] += 1
            problems.append({'file': path, 'cli': error})
        elif 'no disclosure tables' in error or '未找到' in error:
            counts['no_tables'] += 1
        elif 'could not open' in error:
            counts['not_loaded'] += 1
        else:
            counts['other'] += 1
            problems.append({'file': path, 'cli': error})
    if p.returncode not in (0, 1, 2):
        problems.append({'cli': 'exit status %d' % p.returncode,
                         'stderr': p.stderr.decode('utf-8', 'replace')[-2000:]})
    return counts, problems


def run_pdfs(build, folder, log):
    """fiscalcheck check on each mangled PDF in a process of its own."""
    path = os.path.join(folder, 'manifest_pdf.json')
    if not os.path.exists(path):
        return None, []
    with open(path, encoding='utf-8') as f:
        made = json.load(f)['files']
    env = dict(os.environ, FISCALCHECK_CACHE_DIR=os.path.join(build, 'campaign-cache'))
    counts = dict(files=len(made), crashes=0, hangs=0, poppler_hangs=0, missing=0, checked=0,
                  errors_found=0, refused=0, seconds=0.0)
    problems, entries = [], []
    for m in made:
        pdf = os.path.join(folder, m['file'])
        t0 = time.monotonic()
        try:
            p = subprocess.run([os.path.join(build, 'fiscalcheck'), 'check', '--format', 'json',
                                '--no-narrative', '--timeout', str(max(1, int(LIMIT / 2))), pdf],
                               stdin=subprocess.DEVNULL,
                               capture_output=True, env=env, timeout=LIMIT)
        except subprocess.TimeoutExpired:
            # poppler's own text extraction over the same file, as long?
            try:
                subprocess.run(['pdftotext', '-bbox-layout', pdf, os.devnull],
                               capture_output=True, timeout=LIMIT)
                alone = False
            except subprocess.TimeoutExpired:
                alone = True
            counts['poppler_hangs' if alone else 'hangs'] += 1
            problems.append({'file': pdf, 'made': m, 'cli': 'no result in %d s' % LIMIT,
                             'poppler_alone_hangs': alone})
            log('%-50s no result in %d s%s' % (m['file'], LIMIT,
                                               ' (pdftotext alone neither)' if alone else ''))
            continue
        seconds = time.monotonic() - t0
        counts['seconds'] += seconds
        if p.returncode not in (0, 1, 2):
            counts['crashes'] += 1
            problems.append({'file': pdf, 'made': m, 'cli': 'exit status %d' % p.returncode,
                             'stderr': p.stderr.decode('utf-8', 'replace')[-2000:]})
            continue
        try:
            e = json.loads(p.stdout.decode('utf-8'))['workbooks'][0]
        except (ValueError, KeyError, IndexError):
            counts['missing'] += 1
            problems.append({'file': pdf, 'made': m, 'cli': 'no entry',
                             'stderr': p.stderr.decode('utf-8', 'replace')[-2000:]})
            continue
        if e.get('error') is None:
            counts['checked'] += 1
            counts['errors_found'] += bool(e.get('summary', {}).get('error', 0))
            said = 'checked: %s' % e.get('summary')
        else:
            counts['refused'] += 1
            said = e['error']
        entries.append({'file': m['file'], 'what': m['what'], 'exit': p.returncode,
                        'seconds': round(seconds, 2), 'entry': said})
        log('%-50s exit %d %5.1f s  %s' % (m['file'], p.returncode, seconds, said[:90]))
    with open(os.path.join(folder, 'results_pdf.json'), 'w', encoding='utf-8') as f:
        json.dump({'cli': counts, 'entries': entries, 'problems': problems}, f,
                  ensure_ascii=False, indent=1)
    return counts, problems


def pdf_table(pdf):
    rows = [('mangled PDFs', pdf['files']),
            ('crashes (goal 0)', pdf['crashes']),
            ('hangs (goal 0)', pdf['hangs']),
            ('  and pdftotext -bbox-layout alone hangs on the file too', pdf['poppler_hangs']),
            ('PDFs without an entry (goal 0)', pdf['missing']),
            ('checked (with error findings)', '%d (%d)' % (pdf['checked'], pdf['errors_found'])),
            ('refused with a message (exit 2)', pdf['refused']),
            ('seconds', '%.0f' % pdf['seconds'])]
    w = max(len(r[0]) for r in rows)
    return '\n'.join(['fiscalcheck check, one process per PDF'] +
                     ['%-*s  %s' % (w, a, b) for a, b in rows])


def office_alone_hangs(path, seconds):
    """Whether LibreOffice without FiscalCheck also takes longer than seconds
    over the file (soffice --convert-to csv in a fresh profile): a hang of
    LibreOffice's own, not ours."""
    work = tempfile.mkdtemp(prefix='fc-control-')
    try:
        os.chmod(work, 0o777)
        staged = os.path.join(work, os.path.basename(path))
        shutil.copyfile(path, staged)
        os.chmod(staged, 0o644)
        prefix = []
        if os.geteuid() == 0:   # as fcoffice does: LibreOffice as nobody
            prefix = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
        cmd = prefix + ['soffice', '-env:UserInstallation=' + uno.systemPathToFileUrl(
            os.path.join(work, 'profile')), '--headless', '--norestore', '--convert-to', 'csv',
            '--outdir', work, staged]
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True,
                             env=dict(os.environ, HOME=work))
        try:
            p.wait(timeout=seconds)
            return False
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return True
    finally:
        shutil.rmtree(work, ignore_errors=True)


def office_alone_crashes(path):
    """Whether LibreOffice without FiscalCheck dies loading the file,
    recalculating it, reading it as the snapshots do and closing it (a fresh
    office): a crash of its own."""
    office = Office(watchdog=LIMIT, log=lambda m: None)
    try:
        office.start()
        try:
            doc = office.load(path, copy=True)
            doc.calculateAll()
            snapshot(doc)
            office.close(doc)
        except Exception:
            pass
        try:
            office.desktop.getFrames().getCount()
            return office.proc.poll() is not None
        except Exception:
            return True
    finally:
        office.shutdown()


def split_own_crashes(counts, problems, log):
    """Moves office crashes that LibreOffice has on its own into
    counts['lo_crashes']."""
    counts.setdefault('lo_crashes', 0)
    for p in problems:
        if 'office' in p and 'file' in p and p['office'].startswith('soffice died'):
            log('control: %s in LibreOffice alone…' % os.path.basename(p['file']))
            if office_alone_crashes(p['file']):
                p['libreoffice_alone'] = 'dies too (load and close, no extension)'
                counts['crashes'] -= 1
                counts['lo_crashes'] += 1
                # the crash is the file's entry
                counts['missing'] -= p.get('no_entry', False)


def split_own_hangs(counts, problems, key, log):
    """Moves hangs that LibreOffice has on its own into counts['lo_hangs']."""
    counts.setdefault('lo_hangs', 0)
    for p in problems:
        if key in p and 'file' in p and ('timed out' in p[key] or p[key].startswith('hang')):
            log('control: %s in LibreOffice alone…' % os.path.basename(p['file']))
            if office_alone_hangs(p['file'], LIMIT):
                p['libreoffice_alone'] = 'hangs too (soffice --convert-to csv, %.0f s)' % LIMIT
                counts['hangs'] -= 1
                counts['lo_hangs'] += 1


# ------------------------------------------------------------------ snapshots

def _range_snapshot(sheet, a):
    rng = sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
    return ((a.StartRow, a.StartColumn), rng.DataArray, rng.FormulaArray)


def snapshot(doc, skip=()):
    """What a user would see changed: per sheet its name, visibility and
    protection, the values and formulas of its used area, the background
    and cell style of each cell near it, and its comments."""
    out = {'sheets': [n for n in doc.Sheets.ElementNames if n not in skip]}
    for name in out['sheets']:
        sheet = doc.Sheets.getByName(name)
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        end = cur.RangeAddress
        if (end.EndRow + 1) * (end.EndColumn + 1) <= BULK_CELLS:
            contents = [_range_snapshot(sheet, CellRangeAddress(
                end.Sheet, 0, 0, end.EndColumn, end.EndRow))]
        else:
            ranges = sheet.queryContentCells(1 | 2 | 4 | 16)    # values, dates, texts, formulas
            contents = [_range_snapshot(sheet, a) for a in ranges.RangeAddresses]
        rows, cols = min(end.EndRow + 2, LOOK_ROWS), min(end.EndColumn + 2, LOOK_COLS)
        looks = cell_looks(sheet, rows, cols,
                           ('CellBackColor', 'IsCellBackgroundTransparent', 'CellStyle'))
        notes = cell_notes(sheet)
        out[name] = dict(visible=sheet.IsVisible, protected=sheet.isProtected(),
                         contents=contents, looks=looks, notes=notes)
    return out


def diff(a, b, limit=8):
    out = []
    if a['sheets'] != b['sheets']:
        out.append('sheets %s -> %s' % (a['sheets'], b['sheets']))
    for name in a['sheets']:
        if name not in b:
            continue
        x, y = a[name], b[name]
        for key in ('visible', 'protected'):
            if x[key] != y[key]:
                out.append('%s: %s %r -> %r' % (name, key, x[key], y[key]))
        # repr: NaN (a corrupt .xls has some) equals itself there
        if repr(x['contents']) != repr(y['contents']):
            out.append('%s: values or formulas differ' % name)
        for what in ('looks', 'notes'):
            for key in sorted(set(x[what]) | set(y[what])):
                if x[what].get(key) != y[what].get(key):
                    out.append('%s %s %s: %r -> %r' % (name, what, key, x[what].get(key),
                                                       y[what].get(key)))
                    if len(out) >= limit:
                        return out
    return out[:limit]


# ------------------------------------------------------------------ the office

class Campaign:
    def __init__(self, oxt):
        self.oxt = oxt
        self.office = None
        self.counts = dict(files=0, crashes=0, hangs=0, missing=0, not_loaded=0,
                           function_errors=0, changed=0, not_restored=0, validated=0,
                           refused=0, with_errors=0, marks_seen=0, starts=0, seconds=0.0)
        self.problems = []

    def start(self):
        self.office = Office(oxt=self.oxt, watchdog=None, log=lambda m: None)
        self.office.start()
        self.counts['starts'] += 1

    def alive(self):
        """The office process runs and its bridge answers (soffice.bin may
        die under a launcher that lives on)."""
        if self.office is None or self.office.proc.poll() is not None:
            return False
        try:
            self.office.desktop.getFrames().getCount()
            return True
        except Exception:
            return False

    def stop(self):
        if self.office is not None:
            self.office.shutdown()
            self.office = None

    def one(self, path):
        """Runs one file; returns a problem description or None."""
        office = self.office
        doc = None
        try:
            try:
                doc = office.load(path, copy=True)
                if not hasattr(doc, 'Sheets'):
                    raise TypeError('not a spreadsheet: %s' % doc.getImplementationName())
                doc.Sheets.getElementNames()
            except Exception as e:
                if not self.alive():
                    return 'office died loading: %s: %s' % (type(e).__name__, str(e)[:200])
                self.entered = True
                self.counts['not_loaded'] += 1
                why = self.counts.setdefault('not_loaded_why', {})
                why[type(e).__name__] = why.get(type(e).__name__, 0) + 1
                return None
            # formula results as Calc computes them, not as the file cached
            # them (an .fods cannot hold the CHAR(7) of =CHAR(7)&"合计", so
            # any recalculation would otherwise count as a change)
            doc.calculateAll()
            before = snapshot(doc)
            sheets = doc.Sheets
            sheets.insertNewByName(FUNCTION_SHEET, sheets.Count)
            cell = sheets.getByName(FUNCTION_SHEET).getCellByPosition(0, 0)
            cell.setFormula('=FISCALCHECK()')
            err, text = cell.getError(), cell.getString()
            self.entered = True
            problems = []
            if err != 0 or text == '':
                self.counts['function_errors'] += 1
                problems.append('FISCALCHECK() = error %d %r' % (err, text))
            changed = diff(before, snapshot(doc, skip={FUNCTION_SHEET}))
            if changed:
                self.counts['changed'] += 1
                problems.append('changed by FISCALCHECK(): %s' % changed)
            state, message = dispatch(office, doc, 'Validate')
            if state is None:
                return 'Validate gave no result'
            self.counts['validated' if state == SUCCESS else 'refused'] += 1
            # the snapshots must see marks, or their comparisons prove nothing
            if state == SUCCESS and text not in ('0', ''):
                self.counts['with_errors'] += 1
                marked = diff(before, snapshot(doc, skip={FUNCTION_SHEET}), limit=1000)
                self.counts['marks_seen'] += any(' looks ' in d or ' notes ' in d for d in marked)
            state, message = dispatch(office, doc, 'ClearMarks')
            if state is None:
                return 'ClearMarks gave no result'
            restored = diff(before, snapshot(doc, skip={FUNCTION_SHEET}))
            if restored:
                self.counts['not_restored'] += 1
                problems.append('not restored by ClearMarks: %s' % restored)
            return '; '.join(problems) or None
        finally:
            if doc is not None and self.alive():
                office.close(doc)

    def run(self, files, log):
        t0 = time.monotonic()
        self.start()
        for k, path in enumerate(files):
            self.counts['files'] += 1
            hung = threading.Event()
            self.entered = False

            def kill(office=self.office):
                hung.set()
                office._kill()
            timer = threading.Timer(LIMIT, kill)
            timer.start()
            try:
                problem = self.one(path)
            except Exception as e:
                problem = '%s: %s' % (type(e).__name__, str(e)[:300])
            finally:
                timer.cancel()
            dead = not self.alive()
            if not self.entered:
                self.counts['missing'] += 1
            if hung.is_set():
                self.counts['hangs'] += 1
                problem = 'hang (over %.0f s): %s' % (LIMIT, problem)
            elif dead:
                self.counts['crashes'] += 1
                problem = 'soffice died: %s' % problem
            if problem:
                self.problems.append({'file': path, 'office': problem, 'no_entry': not self.entered})
                log('%s: %s' % (os.path.basename(path), problem[:300]))
            if dead or hung.is_set():
                self.stop()
                self.start()
            if k % 100 == 99:
                log('office: %d/%d files' % (k + 1, len(files)))
        self.stop()
        self.counts['seconds'] = time.monotonic() - t0
        return self.counts, self.problems


# ------------------------------------------------------------------ report

def table(cli, office, n_files, folder, skipped):
    rows = [
        ('files', cli['files'], office['files']),
        ('soffice crashes (goal 0)', cli['crashes'], office['crashes']),
        ('  and LibreOffice alone dies on the file too', cli['lo_crashes'], office['lo_crashes']),
        ('hangs (goal 0)', cli['hangs'], office['hangs']),
        ('  and LibreOffice alone hangs on the file too', cli['lo_hangs'], office['lo_hangs']),
        ('files without an entry (goal 0)', cli['missing'], office['missing']),
        ('documents changed by FISCALCHECK() (goal 0)', '-', office['changed']),
        ('documents not restored by ClearMarks (goal 0)', '-', office['not_restored']),
        ('FISCALCHECK() gave an error code (goal 0)', '-', office['function_errors']),
        ('validated with errors / marks seen by the snapshot', '-',
         '%d / %d' % (office['with_errors'], office['marks_seen'])),
        ('checked (with error findings)', '%d (%d)' % (cli['checked'], cli['errors_found']),
         '%d validated, %d refused' % (office['validated'], office['refused'])),
        ('no disclosure tables / not loadable', '%d / %d' % (cli['no_tables'], cli['not_loaded']),
         '- / %d %s' % (office['not_loaded'], office.get('not_loaded_why', ''))),
        ('other entries (see results.json)', cli['other'], '-'),
        ('seconds', '%.0f' % cli['seconds'], '%.0f (%d office starts)'
         % (office['seconds'], office['starts'])),
    ]
    w = max(len(r[0]) for r in rows)
    lines = ['campaign %s: %d files in %s%s' % (
                 time.strftime('%Y-%m-%d'), n_files, folder,
                 ' (%d more left out: LibreOffice could not make them, see manifest.json)' % skipped
                 if skipped else ''),
             '%-*s  %-18s  %s' % (w, '', 'fiscalcheck check', 'one office: FISCALCHECK(), Validate, ClearMarks')]
    for name, a, b in rows:
        lines.append('%-*s  %-18s  %s' % (w, name, a, b))
    return '\n'.join(lines)


def reprint(folder):
    """--table: the table again from results.json, with the control run for
    hangs that were not yet checked against LibreOffice alone."""
    path = os.path.join(folder, 'results.json')
    with open(path, encoding='utf-8') as f:
        results = json.load(f)
    with open(os.path.join(folder, 'manifest.json'), encoding='utf-8') as f:
        made = json.load(f)
    cli, office, problems = results['cli'], results['office'], results['problems']

    def log(msg):
        print(msg, file=sys.stderr, flush=True)
    if 'lo_hangs' not in cli:
        split_own_hangs(cli, [p for p in problems if 'cli' in p], 'cli', log)
    if 'lo_hangs' not in office:
        split_own_hangs(office, [p for p in problems if 'office' in p], 'office', log)
    if 'lo_crashes' not in office:
        split_own_crashes(office, [p for p in problems if 'office' in p], log)
        cli.setdefault('lo_crashes', 0)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    print(table(cli, office, len(made['files']), os.path.relpath(folder), len(made['skipped'])))
    return verdict(cli, office, [p for p in problems if 'cli' in p])


def recheck(build, folder):
    """--recheck: the office pass again on the files it found changed or not
    restored (after a fix of the harness or the product); their counts in
    results.json are replaced by the new ones."""
    path = os.path.join(folder, 'results.json')
    with open(path, encoding='utf-8') as f:
        results = json.load(f)
    kinds = (('changed', 'changed by FISCALCHECK()'), ('not_restored', 'not restored by ClearMarks'))
    flagged = [p for p in results['problems']
               if 'office' in p and any(text in p['office'] for _, text in kinds)]

    def log(msg):
        print(msg, file=sys.stderr, flush=True)
    campaign = Campaign(os.path.join(build, 'fiscalcheck.oxt'))
    counts, problems = campaign.run([p['file'] for p in flagged], log)
    office = results['office']
    for key, text in kinds:
        before = sum(1 for p in flagged if text in p['office'])
        office[key] += counts[key] - before
        office.setdefault('rechecked', {})[key] = '%d -> %d' % (before, counts[key])
    for p in flagged:
        p['recheck'] = next((q['office'] for q in problems if q['file'] == p['file']), 'none')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    print('rechecked %d files: %s' % (len(flagged), office['rechecked']))
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == '--table':
        return reprint(os.path.abspath(argv[2]))
    if len(argv) == 4 and argv[1] == '--recheck':
        return recheck(os.path.abspath(argv[2]), os.path.abspath(argv[3]))
    if len(argv) == 4 and argv[1] == '--pdf':
        pdf, _ = run_pdfs(os.path.abspath(argv[2]), os.path.abspath(argv[3]),
                          lambda m: print(m, file=sys.stderr, flush=True))
        if pdf is None:
            print('no manifest_pdf.json in %s' % argv[3])
            return 2
        print(pdf_table(pdf))
        return 1 if pdf['crashes'] + pdf['hangs'] + pdf['missing'] else 0
    if len(argv) not in (3, 4):
        print(__doc__)
        return 2
    build, folder = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    jobs = int(argv[3]) if len(argv) > 3 else 2
    with open(os.path.join(folder, 'manifest.json'), encoding='utf-8') as f:
        made = json.load(f)
    manifest = made['files']
    files = [os.path.join(folder, m['file']) for m in manifest]

    def log(msg):
        print(msg, file=sys.stderr, flush=True)
    log('fiscalcheck check on %d files (%d jobs)…' % (len(files), jobs))
    cli, cli_problems = run_cli(build, files, jobs, folder)
    log('fiscalcheck check: %.0f s, exit %d' % (cli['seconds'], cli['exit']))
    campaign = Campaign(os.path.join(build, 'fiscalcheck.oxt'))
    office, office_problems = campaign.run(files, log)
    split_own_hangs(cli, cli_problems, 'cli', log)
    split_own_hangs(office, office_problems, 'office', log)
    split_own_crashes(office, office_problems, log)
    cli.setdefault('lo_crashes', 0)
    about = {m['file']: m for m in manifest}
    problems = cli_problems + office_problems
    for p in problems:
        if 'file' in p:
            p['made'] = about.get(os.path.basename(p['file']))
    with open(os.path.join(folder, 'results.json'), 'w', encoding='utf-8') as f:
        json.dump({'cli': cli, 'office': office, 'problems': problems}, f,
                  ensure_ascii=False, indent=1)
    print(table(cli, office, len(files), os.path.relpath(folder), len(made['skipped'])))
    pdf, _ = run_pdfs(build, folder, log)
    pdf_bad = 0
    if pdf is not None:
        print(pdf_table(pdf))
        pdf_bad = pdf['crashes'] + pdf['hangs'] + pdf['missing']
    return verdict(cli, office, cli_problems) or (1 if pdf_bad else 0)


def verdict(cli, office, cli_problems):
    """0 when every goal is met, else 1."""
    output = sum(1 for p in cli_problems if 'file' not in p)   # not JSON, odd exit
    bad = (cli['crashes'] + cli['hangs'] + cli['missing'] + cli['other'] + output
           + office['crashes'] + office['hangs'] + office['missing'] + office['changed']
           + office['not_restored'] + office['function_errors'])
    # a snapshot that never sees a mark would prove nothing
    blind = office['with_errors'] > 0 and office['marks_seen'] == 0
    if blind:
        print('the snapshots saw no mark on any of %d files with errors' % office['with_errors'])
    return 1 if bad or blind else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
