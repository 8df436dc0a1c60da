#!/usr/bin/python3
"""End-to-end: saving a workbook that carries FiscalCheck's marks (issue 20,
item 4), in a real headless LibreOffice with the built extension.  The
save job is driven through its own interface (XJob.execute with an
"Answer" standing for the user's click), as LibreOffice calls it on
OnSave / OnSaveAs.

Usage: /usr/bin/python3 tests/e2e/test_save_job.py BUILD/fiscalcheck.oxt BUILD/sample-tables.ods

  * the job is registered for OnSave and OnSaveAs, in Calc only;
  * answer "keep": the marks, the 审核结果 and _FiscalCheck sheets stay;
  * answer "clear": they are gone, as one undo step (Undo brings them back);
    the file then saved holds none of them;
  * no answer and no window to ask in (headless): the document is left as
    it is, and a real save (XStorable.store, which sends OnSave) writes the
    marks untouched — never decided for the user;
  * a workbook without marks is never touched.
Exit status 0 when every check passes.
"""

import os
import shutil
import sys
import tempfile

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SUCCESS, Office, _props, check, dispatch, summary  # noqa: E402

STORE = '_FiscalCheck'
REPORT = '审核结果'


def named(name, value):
    v = uno.createUnoStruct('com.sun.star.beans.NamedValue')
    v.Name = name
    v.Value = value
    return v


def run_job(office, doc, answer=None, event='OnSave'):
    """XJob.execute as the JobExecutor calls it on a document event."""
    job = office.smgr.createInstanceWithContext('org.fiscalcheck.SaveJob', office.ctx)
    env = (named('EnvType', 'DOCUMENTEVENT'), named('EventName', event), named('Model', doc))
    args = [named('Environment', uno.Any('[]com.sun.star.beans.NamedValue', env))]
    if answer is not None:
        args.append(named('Answer', answer))
    uno.invoke(job, 'execute', (tuple(args),))


def marked(doc):
    names = list(doc.Sheets.ElementNames)
    return STORE in names, REPORT in names


def jobs_for(office, event):
    provider = office.smgr.createInstanceWithContext(
        'com.sun.star.configuration.ConfigurationProvider', office.ctx)
    access = provider.createInstanceWithArguments(
        'com.sun.star.configuration.ConfigurationAccess',
        (_props(nodepath='/org.openoffice.Office.Jobs/Events/%s/JobList' % event)[0],))
    return list(access.ElementNames)


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = [os.path.abspath(a) for a in argv[1:]]
    tmp = tempfile.mkdtemp(prefix='fc-save-job-test-')
    os.chmod(tmp, 0o777)
    try:
        with Office(oxt=oxt) as office:
            for event in ('OnSave', 'OnSaveAs'):
                check('org.fiscalcheck.SaveJob' in jobs_for(office, event),
                      'the save job is registered for %s' % event)

            path = os.path.join(tmp, 'w.ods')
            shutil.copy(sample, path)
            os.chmod(path, 0o666)
            doc = office.load(path, copy=False)
            try:
                run_job(office, doc, 'clear')
                check(marked(doc) == (False, False) and not doc.isModified(),
                      'a workbook without marks is not touched')
                state, message = dispatch(office, doc, 'Validate')
                check(state == SUCCESS and marked(doc) == (True, True), 'Validate marks (%r)' % message)

                run_job(office, doc, 'keep')
                check(marked(doc) == (True, True), 'answer keep: the marks stay')

                run_job(office, doc)
                check(marked(doc) == (True, True), 'no window to ask in: nothing is decided')
                doc.store()  # sends OnSave: the job runs and must leave the save alone
                check(not doc.isModified(), 'the headless save went through')
            finally:
                office.close(doc)
            doc = office.load(path, copy=False)
            try:
                check(marked(doc) == (True, True),
                      'the headless save wrote the marks untouched (%s)' % (marked(doc),))
                run_job(office, doc, 'clear')
                check(marked(doc) == (False, False), 'answer clear: the marks are gone')
                doc.UndoManager.undo()
                check(marked(doc) == (True, True), 'one Undo brings them back')
                run_job(office, doc, 'clear', 'OnSaveAs')
                doc.store()
            finally:
                office.close(doc)
            doc = office.load(path, copy=False)
            try:
                check(marked(doc) == (False, False), 'the file saved after clear holds no marks')
            finally:
                office.close(doc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
