#!/usr/bin/python3
"""The export filter ('FiscalCheck Report', the path behind `fiscalcheck
check`) in one office, for tests/valgrind/run.sh: the sample, the sample
with options (only=, a rules file), a mutated sample (also with
marked=DIR, the editable marked copy) and a workbook without
tables, each stored through storeToURL, which calls the same
initialize/setSourceDocument/filter as `soffice --convert-to`.

    filter_path.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
import uno  # noqa: E402
from fcoffice import Office, _props  # noqa: E402

failures = []


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what, flush=True)
    if not cond:
        failures.append(what)


def export(office, doc, name, options=''):
    path = os.path.join(office.docs, name)
    props = dict(FilterName='FiscalCheck Report')
    if options:
        props['FilterOptions'] = options
    doc.storeToURL(uno.systemPathToFileUrl(path), _props(**props))
    with open(path, encoding='utf-8') as f:
        text = f.read()
    try:
        return json.loads(text)
    except ValueError:
        return {'unparsable': text[:200]}


def main():
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:3])
    with Office(oxt=oxt) as office:
        doc = office.load(sample, copy=True)
        entry = export(office, doc, 'sample.fcjson')
        check('unparsable' not in entry and 'error' not in entry, 'the sample exports: %s'
              % sorted(entry)[:6])
        entry = export(office, doc, 'only.fcjson', 'only=R01')
        check('unparsable' not in entry, 'with only=R01')
        entry = export(office, doc, 'bad-rules.fcjson', 'rules=/nonexistent.rules')
        check('unparsable' not in entry, 'with a missing rule file: an entry all the same')
        sheet = doc.Sheets.getByIndex(0)
        cell = sheet.getCellRangeByName('C36')
        cell.Value = cell.Value + 0.1
        entry = export(office, doc, 'mutant.fcjson')
        check('unparsable' not in entry, 'a mutated sample exports')
        marked = os.path.join(office.docs, 'marked')
        os.mkdir(marked)
        os.chown(marked, office.uid, office.gid)
        entry = export(office, doc, 'mutant-marked.fcjson', 'marked=' + marked)
        check('marked' in entry, 'marked=DIR writes a marked copy: %s'
              % (entry.get('marked') or entry.get('marked_error')))
        office.close(doc)
        doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                                  _props(Hidden=True))
        doc.Sheets.getByIndex(0).getCellByPosition(0, 0).String = 'hello'
        entry = export(office, doc, 'empty.fcjson')
        check('unparsable' not in entry, 'a workbook without tables exports an entry')
        office.close(doc)
        check(office.proc.poll() is None, 'soffice is still running')
    print('%d failure(s)' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
