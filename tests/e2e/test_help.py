#!/usr/bin/python3
"""End-to-end: FiscalCheck's help (issue 20, item 5) in a real headless
LibreOffice with the built extension installed, once with a zh-CN and once
with an en-US interface.

Usage: /usr/bin/python3 tests/e2e/test_help.py BUILD/fiscalcheck.oxt

  * the office compiled the extension's help pages into its own help (its
    contents and index) in that language, each the page the extension
    ships; F1 on a menu entry (vnd.sun.star.help://scalc/org.fiscalcheck.
    command%3AValidate?Language=…, sfx2 SfxHelp::CreateHelpURL_Impl) finds
    none of them: mapping help ids crashes offices without help installed
    (tests/check-help.py);
  * F1 on our functions in the Function Wizard cannot reach our pages:
    Calc gives an add-in's functions no help id (sc addinhelpid.cxx knows
    only the Analysis and DateFunctions add-ins).  What the wizard shows
    instead, each function's description, names the Help menu entry in the
    interface language;
  * the 帮助 / Help command, headless, opens nothing and names the page it
    would open: the HTML index page of the installed extension in the
    interface language, non-empty, with that page's title.
Exit status 0 when every check passes.
"""

import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcoffice import SUCCESS, Office, _props, check, dispatch, summary  # noqa: E402

EXTENSION_ID = 'org.fiscalcheck.FiscalCheck'
HELP_BACKEND = 'com.sun.star.comp.deployment.help.PackageRegistryBackend'
OOR = '{http://openoffice.org/2001/registry}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
INDEX_TITLE = {'zh-CN': '决算审核帮助', 'en-US': 'FiscalCheck help'}
HELP_ENTRY = {'zh-CN': '帮助：工具 ▸ 决算审核 ▸ 帮助', 'en-US': 'Help: Tools ▸ FiscalCheck ▸ Help'}


def menu_commands(location):
    """The command URLs of the 决算审核 menu, from the installed Addons.xcu."""
    root = ET.parse(os.path.join(location, 'Addons.xcu')).getroot()
    urls = []
    for prop in root.iter('prop'):
        if prop.get(OOR + 'name') == 'URL':
            value = prop.find('value')
            if value is not None and (value.text or '').startswith('org.fiscalcheck.command:'):
                urls.append(value.text)
    return sorted(set(urls))


def f1_help_url(command, lang):
    """The URL SfxHelp::CreateHelpURL_Impl makes for F1 on a Calc menu
    entry: module scalc, the command encoded as a relative segment
    (rtl_UriCharClassRelSegment: ':' is escaped), the UI language."""
    return 'vnd.sun.star.help://scalc/%s?Language=%s&System=UNIX' % (
        urllib.parse.quote(command, safe="-_.!~*'()@&=+$,;"), lang)


def read_help_db(path):
    """help.db_ as HelpLinker writes it: '<hex len> <key> <hex len> <value>\\n'
    records; a value is fields each led by a length byte (page#anchor,
    jar, title).  {key: [fields]}; a key written twice (the page, then its
    index bookmark) keeps the last."""
    data = open(path, 'rb').read()
    out, i = {}, 0
    while i < len(data):
        sp = data.index(b' ', i)
        klen = int(data[i:sp], 16)
        key = data[sp + 1:sp + 1 + klen].decode('utf-8')
        i = sp + 1 + klen + 1
        sp = data.index(b' ', i)
        vlen = int(data[i:sp], 16)
        value = data[sp + 1:sp + 1 + vlen]
        i = sp + 1 + vlen + 1
        fields, j = [], 0
        while j < len(value):
            n = value[j]
            fields.append(value[j + 1:j + 1 + n].decode('utf-8', 'replace'))
            j += 1 + n
        out[key] = fields
    return out


def compiled_help_dir(office, location_url):
    """Where the office compiled the extension's help (the help backend's
    data URL for the package, from its backenddb.xml)."""
    cache = os.path.join(office.profile, 'user', 'uno_packages', 'cache')
    db = os.path.join(cache, 'registry', HELP_BACKEND, 'backenddb.xml')
    check(os.path.isfile(db), 'the help backend registered the extension\'s help (%s)' % db)
    if not os.path.isfile(db):
        return None
    package = os.path.basename(urllib.parse.unquote(location_url.rstrip('/')))
    for entry in ET.parse(db).getroot():
        url = entry.get('url', '')
        data = entry.find('{http://openoffice.org/extensionmanager/help-registry/2010}data-url')
        if package in url and data is not None:
            return data.text.replace('vnd.sun.star.expand:$UNO_USER_PACKAGES_CACHE', cache)
    check(False, 'the help backend has an entry for %s' % package)
    return None


def check_compiled(office, location, location_url, lang):
    """The office compiled the extension's pages into its help (contents,
    index) in lang, each as the page the extension ships; and F1 on our
    menu entries finds none of them (no help id is mapped: see
    tests/check-help.py for the crash that would bring)."""
    compiled = compiled_help_dir(office, location_url)
    if compiled is None:
        return
    db_path = os.path.join(compiled, lang, 'help.db_')
    check(os.path.isfile(db_path), '%s: the office compiled the %s help' % (lang, lang))
    if not os.path.isfile(db_path):
        return
    db = read_help_db(db_path)
    tree = ET.parse(os.path.join(location, 'help', lang, 'help.tree')).getroot()
    topics = [t.get('id') for t in tree.iter('topic')]
    check(len(topics) == 5, '%s: the help contents list the five pages (%s)' % (lang, topics))
    for topic in topics:
        page = topic.split('/', 1)[1]       # help/<extension id>/<page>.xhp
        fields = db.get(urllib.parse.quote(page, safe=''))
        check(fields is not None and len(fields) >= 3 and fields[0].partition('#')[0] == page,
              '%s: the office\'s help holds %s' % (lang, page))
        shipped = os.path.join(location, 'help', lang, page)
        check(os.path.isfile(shipped) and os.path.getsize(shipped) > 0,
              '%s: %s is shipped, non-empty' % (lang, page))
        if not fields or not os.path.isfile(shipped):
            continue
        root = ET.parse(shipped).getroot()
        title = root.find('meta/topic/title')
        langs = {e.get('xml-lang') for e in root.iter() if e.get('xml-lang')}
        check(langs == {lang}, '%s: %s is written in %s only (%s)' % (lang, page, lang, langs))
        check(title is not None and fields[2] == title.text,
              '%s: the office\'s title of %s is the page\'s (%r)' % (lang, page, fields[2]))
    for command in menu_commands(location):
        key = urllib.parse.urlsplit(f1_help_url(command, lang)).path.lstrip('/')
        check(key not in db, '%s: F1 on %s finds no page of ours (%s)' % (lang, command, key))


def check_function_help(office, lang):
    descriptions = office.smgr.createInstanceWithContext(
        'com.sun.star.sheet.FunctionDescriptions', office.ctx)
    found = 0
    for i in range(descriptions.Count):
        props = {p.Name: p.Value for p in descriptions.getByIndex(i)}
        if props.get('Name') in ('FISCALCHECK', 'FISCALCHECKFINDINGS'):
            found += 1
            check(HELP_ENTRY[lang] in props.get('Description', ''),
                  '%s: the Function Wizard\'s description of %s names the Help entry'
                  % (lang, props['Name']))
    check(found == 2, '%s: both functions are in the Function Wizard (%d)' % (lang, found))


def check_help_command(office, location_url, lang):
    doc = office.desktop.loadComponentFromURL('private:factory/scalc', '_blank', 0,
                                              _props(Hidden=True))
    try:
        state, message = dispatch(office, doc, 'Help')
    finally:
        doc.close(True)
    check(state == SUCCESS, '%s: the Help command succeeds headless (%r)' % (lang, message))
    urls = re.findall(r'file://\S+', message or '')
    check(len(urls) == 2 and urls[0] == urls[1],
          '%s: its message names one page (%r)' % (lang, message))
    check('未打开' in (message or '') and 'not opened' in (message or ''),
          '%s: headless, nothing is opened' % lang)
    if not urls:
        return
    url = urls[0]
    expected = location_url.rstrip('/') + '/help-html/%s/index.html' % lang
    check(url == expected, '%s: the page is the installed extension\'s %s index (%s)'
          % (lang, lang, url))
    path = uno.fileUrlToSystemPath(url)
    check(os.path.isfile(path) and os.path.getsize(path) > 0, '%s: %s exists, non-empty'
          % (lang, path))
    if os.path.isfile(path):
        page = open(path, encoding='utf-8').read()
        check('<html lang="%s">' % lang in page, '%s: the page is in %s' % (lang, lang))
        check('<title>%s</title>' % INDEX_TITLE[lang] in page,
              '%s: the page is the help\'s first page (%s)' % (lang, INDEX_TITLE[lang]))


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    oxt = os.path.abspath(argv[1])
    for lang in ('zh-CN', 'en-US'):
        with Office(oxt=oxt, ui_locale=lang) as office:
            provider = office.ctx.getValueByName(
                '/singletons/com.sun.star.deployment.PackageInformationProvider')
            location_url = provider.getPackageLocation(EXTENSION_ID)
            check(location_url.startswith('file://'), '%s: the extension is installed (%s)'
                  % (lang, location_url))
            location = uno.fileUrlToSystemPath(location_url)
            check_compiled(office, location, location_url, lang)
            check_function_help(office, lang)
            check_help_command(office, location_url, lang)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
