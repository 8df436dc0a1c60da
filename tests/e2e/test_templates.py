#!/usr/bin/python3
"""End-to-end: once the .oxt is installed, the sample workbook and the blank
tables are listed in File ▸ New ▸ Templates (group FiscalCheck), and a new
document made from each has the ten tables.

    /usr/bin/python3 tests/e2e/test_templates.py BUILD/fiscalcheck.oxt
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
from com.sun.star.beans import Property  # noqa: E402
from com.sun.star.ucb import Command, OpenCommandArgument2  # noqa: E402
from fcoffice import Office, _props, check, summary  # noqa: E402

def children(content):
    """(title, target URL, content identifier) of a template folder's entries,
    through the UCB 'open' command, as the template manager lists them."""
    arg = OpenCommandArgument2()
    arg.Mode = 2  # folders and documents
    arg.Priority = 32768
    props = []
    for name in ('Title', 'TargetURL'):
        p = Property()
        p.Name, p.Handle = name, -1
        props.append(p)
    arg.Properties = tuple(props)
    cmd = Command()
    cmd.Name, cmd.Handle = 'open', -1
    cmd.Argument = uno.Any('com.sun.star.ucb.OpenCommandArgument2', arg)
    rows = uno.invoke(content, 'execute', (cmd, 0, None)).getStaticResultSet()
    out = []
    while rows.next():
        out.append((rows.getString(1), rows.getString(2), rows.queryContentIdentifierString()))
    return out


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    with Office(oxt=os.path.abspath(sys.argv[1])) as office:
        ucb = office.smgr.createInstanceWithContext('com.sun.star.ucb.UniversalContentBroker',
                                                    office.ctx)
        templates = office.smgr.createInstanceWithContext('com.sun.star.frame.DocumentTemplates',
                                                          office.ctx)
        templates.update()
        groups = {title: ident for title, _, ident in children(templates.getContent())}
        check('FiscalCheck' in groups, 'a FiscalCheck template group (groups: %s)' % sorted(groups))
        if 'FiscalCheck' not in groups:
            return 1
        group = ucb.queryContent(ucb.createContentIdentifier(groups['FiscalCheck']))
        listed = {title: url for title, url, _ in children(group)}
        print('      ', sorted(listed))
        sample = [u for t, u in listed.items() if '决算公开样例' in t]
        blank = [u for t, u in listed.items() if '空白' in t]
        check(len(sample) == 1, 'the sample workbook is listed by its title')
        check(len(blank) == 1, 'the blank tables are listed by their title')
        # the sample: the ten tables, its 情况说明 and its 12 self-evaluations
        for url, expect_total, n_sheets in ((sample[0], 634.38, 23), (blank[0], None, 10)):
            doc = office.desktop.loadComponentFromURL(url, '_blank', 0,
                                                      _props(Hidden=True, AsTemplate=True))
            try:
                check(doc.getURL() == '', 'a template opens as a new, untitled document')
                names = office.sheet_names(doc)
                check(len(names) == n_sheets and '收入支出决算总表' in names,
                      'with the ten tables (%d sheets, %d expected)' % (len(names), n_sheets))
                total = office.value(doc, '收入支出决算总表', 'C36')
                check(total == expect_total, '本年收入合计 is %r (got %r)' % (expect_total, total))
            finally:
                office.close(doc)
    return summary()


if __name__ == '__main__':
    sys.exit(main())
