#!/usr/bin/python3
"""bench-load.py — what the load job (issue 11, item 4) costs when a
workbook is opened; prints figures, asserts nothing.

    /usr/bin/python3 bench/bench-load.py [BUILD [ROUNDS [ROWS]]]

Makes a large .xlsx without our formulas (ROWS × 10 numbers and a column of
ROWS formulas, 220,000 cells by default) and the same with one
=FISCALCHECK() cell, then times loading each, ROUNDS times (median, after
one load to warm up), in an office without the extension and in one with
it, running side by side and loading in turn.  The job looks at every loaded document: the difference on the file
without our formula is its cost; on the file with it, the recalculation it
buys (which reads and checks the workbook once).
"""

import json
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'tests', 'e2e'))
import uno  # noqa: E402
from fcoffice import Office, _props, dispatch  # noqa: E402


def make(office, folder, rows):
    doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                              _props(Hidden=True))
    try:
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByPosition(0, 0, 9, rows - 1).setDataArray(
            tuple(tuple(float(r * 10 + c) for c in range(10)) for r in range(rows)))
        sheet.getCellRangeByPosition(10, 0, 10, rows - 1).setFormulaArray(
            tuple(('=SUM(A%d:J%d)' % (r + 1, r + 1),) for r in range(rows)))
        paths = []
        for name in ('plain.xlsx', 'ours.xlsx'):
            if name == 'ours.xlsx':
                sheet.getCellByPosition(12, 0).setFormula('=FISCALCHECK()')
            made = os.path.join(office.docs, name)  # the office may run as nobody
            doc.storeToURL(uno.systemPathToFileUrl(made),
                           _props(FilterName='Calc MS Excel 2007 XML'))
            paths.append(os.path.join(folder, name))
            shutil.copy(made, paths[-1])
            os.chmod(paths[-1], 0o644)
    finally:
        office.close(doc)
    return paths


def load_once(office, path, job_times=None):
    t0 = time.perf_counter()
    doc = office.load(path, readonly=True)
    doc.Sheets.getByIndex(0).getCellByPosition(0, 0).getValue()
    elapsed = (time.perf_counter() - t0) * 1000
    if job_times is not None:  # the job's own time, as the office measured it
        job_times.append(json.loads(dispatch(office, doc, 'LiveStats')[1])['load_job_ms'])
    office.close(doc)
    return elapsed


def median_and_best(values):
    values = sorted(values)
    return values[len(values) // 2], values[0]


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    oxt = os.path.abspath(os.path.join(build, 'fiscalcheck.oxt'))
    folder = tempfile.mkdtemp(prefix='fc-bench-load-')
    os.chmod(folder, 0o755)
    quiet = dict(log=lambda msg: None)
    try:
        # both offices at once, loads taken in turn: the machine's other
        # work weighs on both alike
        with Office(oxt=oxt, **quiet) as ext, Office(**quiet) as bare:
            files = dict(zip(('plain', 'ours'), make(ext, folder, rows)))
            times, jobs = {}, {}
            for i in range(rounds + 1):
                for what, path in files.items():
                    for who, office in (('with', ext), ('without', bare)):
                        ms = load_once(office, path,
                                       jobs.setdefault(what, []) if who == 'with' else None)
                        if i > 0:  # the first load warms the caches
                            times.setdefault((who, what), []).append(ms)
            figures = {key: median_and_best(v) for key, v in times.items()}
            # the job on a workbook it does not search (ODF, AutoCalculate on)
            ods = os.path.join(ext.docs, 'plain.ods')
            doc = ext.load(files['plain'], readonly=True)
            doc.storeToURL(uno.systemPathToFileUrl(ods), _props(FilterName='calc8'))
            ext.close(doc)
            odf_job = []
            for i in range(rounds):
                load_once(ext, ods, odf_job)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    cells = rows * 11
    print('bench-load: .xlsx of %d cells (%d formulas), %d loads each' % (cells, rows, rounds))
    for label, what in (('without our formula', 'plain'), ('with =FISCALCHECK()', 'ours')):
        (m0, b0), (m1, b1) = figures['without', what], figures['with', what]
        print('  %-20s median %5.0f ms without the extension, %5.0f ms with it (%+.0f ms); '
              'best %5.0f / %5.0f ms (%+.0f ms); the job itself: median %.1f ms'
              % (label, m0, m1, m1 - m0, b0, b1, b1 - b0, median_and_best(jobs[what])[0]))
    print('  the same as .ods (AutoCalculate on): the job itself: median %.2f ms'
          % median_and_best(odf_job)[0])
    return 0


if __name__ == '__main__':
    sys.exit(main())
