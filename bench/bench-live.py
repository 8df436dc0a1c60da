#!/usr/bin/python3
"""bench-live.py — what live FISCALCHECK() cells cost in a real headless
LibreOffice (issue 11, item 3); prints figures, asserts nothing.

    /usr/bin/python3 bench/bench-live.py [BUILD [ROUNDS]]

On the ten tables of the sample (BUILD/ods-templates/sample-tables.ods) and
on the same workbook with its three code tables (02, 03, 05) extended to
3,000 rows, once reconciling and once not (see extend), it times, over ROUNDS edits each (the edit changes 本年收入合计,
so every value changes):
  * an edit and a read of one plain cell, before any formula of ours;
  * an edit and the read of one FISCALCHECK() cell: the time from an edit
    to the updated value;
  * the same with 20 FISCALCHECK() cells (unscoped, each table, rules),
    all read after each edit, and with 4 of them FISCALCHECKFINDINGS()
    arrays of 40×8 instead (each pushes its whole list: every finding);
    the cells are read as one range (one getDataArray over the pipe,
    however many cells), so 1 and 20 cells differ by what the office does
    for them, not by Python's round trips;
  * an edit and a read of a plain cell after every formula was deleted;
and, from the office's own counters (org.fiscalcheck.command:LiveStats;
$FISCALCHECK_STATS_READ adds a timed read after each check), the last
check (read and check) against one bulk read of the used areas of the same
document, and the checks per edit.
"""

import collections
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'tests', 'e2e'))
from fcoffice import Office, dispatch  # noqa: E402

SHEET01 = '收入支出决算总表'
CODE_SHEETS = ('收入决算表', '支出决算表', '一般公共预算财政拨款支出决算表')
SCOPES = ['', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10',
          'R01.1', 'R02.1', 'R03.1', 'R04.1', 'R05.1', 'X01-02.1', 'X01-02.2', 'S.1', 'S.2']


def used(sheet):
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    a = cur.getRangeAddress()
    return a.EndRow + 1, a.EndColumn + 1


def code_of(v):
    """A 类/款/项 code as a number (201, 20103, 2010301), or None."""
    if isinstance(v, str) and v.strip().isdigit() and len(v.strip()) in (3, 5, 7):
        v = float(v.strip())
    if isinstance(v, float) and 200 <= v < 3e6 and v == int(v):
        return v
    return None


def shifted(v, k):
    """code v with its 类 moved by k (3/5/7 digits kept apart), written as v was."""
    c = code_of(v)
    digits = 3 if c < 1000 else 5 if c < 100000 else 7
    scale = 1 if digits == 3 else 100 if digits == 5 else 10000
    c = c + ((k * 7) % 700) * scale
    return '%d' % c if isinstance(v, str) else c


def extend(doc, n_rows, clean=False):
    """The code tables grown to about n_rows rows, as bench-engine.c does:
    the data rows repeated with their 类 codes shifted, notes at the end.
    Not clean: every row is repeated, totals too, so nothing reconciles
    (thousands of findings, the worst case); clean: only the code rows,
    with amounts of 0, so the package still reconciles (a large package
    as published)."""
    for name in CODE_SHEETS:
        sheet = doc.Sheets.getByName(name)
        rows, cols = used(sheet)
        data = sheet.getCellRangeByPosition(0, 0, cols - 1, rows - 1).getDataArray()
        head = list(data[:9])
        body = [r for r in data[9:] if not (isinstance(r[0], str) and r[0].startswith('注'))]
        notes = [r for r in data[9:] if isinstance(r[0], str) and r[0].startswith('注')]
        out = list(head)
        k = 0
        if clean:
            out += body
            body = [r for r in body if code_of(r[0]) is not None]
            k = 1
        while len(out) + len(body) <= n_rows:
            for r in body:
                if clean:
                    row = [shifted(r[0], k)] + [0.0 if isinstance(v, float) else v for v in r[1:]]
                else:
                    row = [shifted(v, k) if code_of(v) is not None and isinstance(v, float) else v
                           for v in r]
                out.append(tuple(row))
            k += 1
        out += notes
        sheet.getCellRangeByPosition(0, 0, cols - 1, rows - 1).clearContents(1 | 2 | 4 | 16)
        sheet.getCellRangeByPosition(0, 0, cols - 1, len(out) - 1).setDataArray(tuple(out))
    return sum(used(doc.Sheets.getByIndex(i))[0] * used(doc.Sheets.getByIndex(i))[1]
               for i in range(doc.Sheets.Count))


def n_findings(doc):
    """The findings of the whole check (a long list beside the others)."""
    sheet = doc.Sheets.getByName('检查')
    rng = sheet.getCellRangeByPosition(40, 0, 47, 9999)
    rng.setArrayFormula('=FISCALCHECKFINDINGS()')
    return sum(1 for row in rng.getDataArray()[1:] if row[0] in ('错误', '警告', '提示'))


def stats(office, doc):
    """The office's counters (org.fiscalcheck.command:LiveStats)."""
    return json.loads(dispatch(office, doc, 'LiveStats')[1])


Timing = collections.namedtuple('Timing', 'fastest median')


def timed(rounds, total, read):
    """ms per round of an edit of total (alternating values) and read():
    the fastest round, which ratios compare (what else runs, page faults
    and the allocator only ever add to it: the same edit of the 3,000-row
    workbook takes 45 to 90 ms), and the median."""
    times = []
    for i in range(rounds):
        t0 = time.perf_counter()
        total.setValue(634.48 if i % 2 == 0 else 634.38)
        read()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return Timing(times[0], times[len(times) // 2])


def ms(t):
    return '%7.1f ms (median %6.1f)' % (t.fastest, t.median)


def bench(office, sample, big, rounds):
    doc = office.load(sample, copy=True)
    try:
        what = 'sample (ten tables)'
        if big:
            cells = extend(doc, 3000, clean=big == 'clean')
            what = 'code tables × 3,000 rows, %s (%d cells)' % (
                'reconciling' if big == 'clean' else 'not reconciling', cells)
        total = office.find_value(doc, SHEET01, 634.38)
        plain = doc.Sheets.getByIndex(3).getCellByPosition(0, 0)
        base = timed(rounds, total, plain.getString)

        doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
        sheet = doc.Sheets.getByName('检查')
        # what reading 20 cells as one range costs by itself
        plain20 = sheet.getCellRangeByPosition(60, 0, 60, 19)
        base20 = timed(rounds, total, plain20.getDataArray)
        one = sheet.getCellByPosition(0, 0)
        one.setFormula('=FISCALCHECK()')
        one.getString()
        one_range = sheet.getCellRangeByPosition(0, 0, 0, 0)
        s0 = stats(office, doc)
        t_one = timed(rounds, total, one_range.getDataArray)
        s1 = stats(office, doc)

        counts = [one]
        for i, scope in enumerate(SCOPES[1:], 1):
            cell = sheet.getCellByPosition(0, i)
            cell.setFormula('=FISCALCHECK("%s")' % scope)
            counts.append(cell)
        count_range = sheet.getCellRangeByPosition(0, 0, 0, len(SCOPES) - 1)
        lists = []

        def read_all():
            count_range.getDataArray()
            if lists:  # the four lists as one range too
                sheet.getCellRangeByPosition(2, 0, 9 + 9 * 3, 39).getDataArray()
        read_all()
        s2 = stats(office, doc)
        t_twenty = timed(rounds, total, read_all)
        s3 = stats(office, doc)

        # 4 of them lists instead: FISCALCHECKFINDINGS() arrays of 40×8
        for k, scope in enumerate(['', '01', '02', 'X01-02.1']):
            counts.pop().setFormula('')
            rng = sheet.getCellRangeByPosition(2 + 9 * k, 0, 9 + 9 * k, 39)
            rng.setArrayFormula('=FISCALCHECKFINDINGS(%s)' % ('"%s"' % scope if scope else ''))
            lists.append(rng)
        read_all()
        s6 = stats(office, doc)
        t_lists = timed(rounds, total, read_all)
        s7 = stats(office, doc)

        findings = n_findings(doc)
        doc.Sheets.removeByName('检查')
        total.setValue(634.38)
        plain.getString()
        s4 = stats(office, doc)
        deleted = timed(rounds, total, plain.getString)
        s5 = stats(office, doc)
    finally:
        office.close(doc)
    print('%s' % what)
    print('  edit + read, no formula of ours          %s' % ms(base))
    print('  edit → updated value, 1 FISCALCHECK()     %s  %.2f checks per edit'
          % (ms(t_one), (s1['checks'] - s0['checks']) / rounds))
    print('  edit + read of 20 plain cells (one range) %s' % ms(base20))
    print('  edit → 20 updated FISCALCHECK() (scoped)  %s  %.2f checks, %.1f pushes per edit; '
          '20 cells / 1 cell = %.2f×'
          % (ms(t_twenty), (s3['checks'] - s2['checks']) / rounds,
             (s3['pushes'] - s2['pushes']) / rounds, t_twenty.fastest / t_one.fastest))
    print('  edit → 16 FISCALCHECK() + 4 lists (40×8)  %s  %.2f checks per edit; '
          '/ 1 cell = %.2f× (%d findings in the report)'
          % (ms(t_lists), (s7['checks'] - s6['checks']) / rounds,
             t_lists.fastest / t_one.fastest, findings))
    print('  edit + read, formulas deleted             %s  %d checks in %d edits, '
          'listening %d' % (ms(deleted), s5['checks'] - s4['checks'], rounds, s5['listening']))
    print('  in the office: last check %.1f ms, one bulk read of the used areas %.1f ms: '
          'check / read = %.2f×' % (s3['check_ms'], s3['read_ms'],
                                    s3['check_ms'] / s3['read_ms'] if s3['read_ms'] else 0))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    oxt = os.path.abspath(os.path.join(build, 'fiscalcheck.oxt'))
    sample = os.path.abspath(os.path.join(build, 'ods-templates', 'sample-tables.ods'))
    os.environ['FISCALCHECK_STATS_READ'] = '1'  # one more read, timed, after each check
    with Office(oxt=oxt, log=lambda msg: None) as office:
        print('bench-live: %d edits per figure (half on 3,000 rows), the fastest and the median '
              '(LibreOffice over a pipe, from Python)' % rounds)
        bench(office, sample, None, rounds)
        bench(office, sample, 'clean', max(4, rounds // 2))
        bench(office, sample, 'worst', max(4, rounds // 2))
    return 0


if __name__ == '__main__':
    sys.exit(main())
