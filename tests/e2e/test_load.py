#!/usr/bin/python3
"""End-to-end test: an Excel workbook saved with FISCALCHECK() shows its
current result as soon as it is opened (packaging/Jobs.xcu,
addin/uno/live/fc-load-job.c), without Ctrl+Shift+F9.

    /usr/bin/python3 tests/e2e/test_load.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample-tables.ods

Makes, in one office, the ten tables with a wrong 本年收入合计 (634.48) and
=FISCALCHECK() saved with the value 0 it had before the change (AutoCalculate
off while changing it, so the file is what a stale workbook looks like),
as .xlsx, .xls and .ods (which keeps AutoCalculate off).  Then checks:
  * without the extension the .xlsx shows the saved 0 (Calc does not
    recalculate Excel files on load by default): the file is stale;
  * opened fresh in a new office with the extension, the .xlsx, the .xls and
    the .ods show the errors at once, the .ods with its AutoCalculate still
    off, each document unmodified;
  * also when the user chose "never recalculate" explicitly for both formats;
  * an .xlsx without our formula is not recalculated (a stale formula keeps
    its saved value, as without the extension) and stays unmodified.
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
from fcoffice import Office, _props, check, summary  # noqa: E402

SHEET01 = '收入支出决算总表'
FORMATS = (('wrong.xlsx', 'Calc MS Excel 2007 XML'), ('wrong.xls', 'MS Excel 97'),
           ('wrong.ods', 'calc8'))


def make_files(oxt, sample, folder):
    with Office(oxt=oxt) as office:
        doc = office.load(sample, copy=True)
        try:
            doc.Sheets.insertNewByName('检查', doc.Sheets.Count)
            cell = doc.Sheets.getByName('检查').getCellByPosition(0, 0)
            cell.setFormula('=FISCALCHECK()')
            check(cell.getString() == '0', 'the formula is 0 on the sample')
            doc.enableAutomaticCalculation(False)
            office.find_value(doc, SHEET01, 634.38).setValue(634.48)
            check(cell.getString() == '0', 'with AutoCalculate off it still shows 0 when saved')
            for name, flt in FORMATS:
                path = os.path.join(office.docs, name)
                doc.storeToURL(uno.systemPathToFileUrl(path), _props(FilterName=flt))
                shutil.copy(path, folder)
        finally:
            office.close(doc)
        # an .xlsx without our formula, saved stale too (B1 = A1 * 2 shows 2
        # beside A1 = 5): we leave it as Calc does
        doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                                  _props(Hidden=True))
        try:
            sheet = doc.Sheets.getByIndex(0)
            sheet.getCellRangeByName('A1').setValue(1)
            sheet.getCellRangeByName('B1').setFormula('=A1*2')
            doc.enableAutomaticCalculation(False)
            sheet.getCellRangeByName('A1').setValue(5)
            path = os.path.join(office.docs, 'plain.xlsx')
            doc.storeToURL(uno.systemPathToFileUrl(path), _props(FilterName=FORMATS[0][1]))
            shutil.copy(path, folder)
        finally:
            office.close(doc)


def set_never_recalculate(office):
    """Tools ▸ Options ▸ Calc ▸ Formula ▸ Recalculation on file load: Never,
    for Excel 2007 and newer and for ODF (values: 0 always, 1 never, 2 ask)."""
    cp = office.smgr.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider',
                                               office.ctx)
    access = cp.createInstanceWithArguments('com.sun.star.configuration.ConfigurationUpdateAccess',
                                            _props(nodepath='/org.openoffice.Office.Calc/Formula/Load'))
    access.setPropertyValue('OOXMLRecalcMode', 1)
    access.setPropertyValue('ODFRecalcMode', 1)
    access.commitChanges()


def open_fresh(oxt, folder, plain_value, never=False):
    with Office(oxt=oxt) as office:
        if never:
            set_never_recalculate(office)
        for name, _ in FORMATS:
            doc = office.load(os.path.join(folder, name), copy=True)
            try:
                cell = doc.Sheets.getByName('检查').getCellByPosition(0, 0)
                text = cell.getString()
                print('      %s opened%s: %r' % (name, ' (never recalculate)' if never else '', text))
                check(text not in ('', '0') and float(text) >= 1,
                      '%s shows the errors as soon as it is opened%s (%r)'
                      % (name, ', the user having chosen never to recalculate' if never else '',
                         text))
                if name.endswith('.ods'):  # Excel files do not keep it
                    check(not doc.isAutomaticCalculationEnabled(),
                          '%s keeps its AutoCalculate off' % name)
                check(not doc.isModified(), 'and is not modified by opening it')
            finally:
                office.close(doc)
        doc = office.load(os.path.join(folder, 'plain.xlsx'), copy=True)
        try:
            value = doc.Sheets.getByIndex(0).getCellRangeByName('B1').getValue()
            check(value == plain_value, 'an .xlsx without our formula is left as Calc loads it '
                  '(its stale B1 = A1*2 shows %r, as without the extension)' % value)
            check(not doc.isModified(), 'and stays unmodified')
        finally:
            office.close(doc)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = (os.path.abspath(a) for a in sys.argv[1:])
    folder = tempfile.mkdtemp(prefix='fc-load-')
    os.chmod(folder, 0o755)
    try:
        make_files(oxt, sample, folder)
        for name in os.listdir(folder):
            os.chmod(os.path.join(folder, name), 0o644)
        with Office() as office:  # without the extension: the file is stale
            doc = office.load(os.path.join(folder, FORMATS[0][0]), copy=True)
            try:
                text = doc.Sheets.getByName('检查').getCellByPosition(0, 0).getString()
                check(text == '0', 'without the extension the .xlsx shows its saved 0 (%r)' % text)
            finally:
                office.close(doc)
            doc = office.load(os.path.join(folder, 'plain.xlsx'), copy=True)
            plain_value = doc.Sheets.getByIndex(0).getCellRangeByName('B1').getValue()
            office.close(doc)
        open_fresh(oxt, folder, plain_value)
        open_fresh(oxt, folder, plain_value, never=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main())
