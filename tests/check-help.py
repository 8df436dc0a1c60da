#!/usr/bin/env python3
"""check-help.py SOURCE_ROOT — the help pages hold together (unit test
test-help).

Fails when:
  * a language folder under packaging/help/ lacks help.tree, or the two
    languages do not have the same pages;
  * a topic of a help.tree names a page that does not exist, in either
    language, or a page is in no help.tree;
  * a page is not well-formed, its <filename> is not its own path, or an
    element is in another language than its folder's;
  * a <link> names a page that does not exist;
  * a page maps a help id (<bookmark branch="hid/…">, what F1 looks up):
    resolving one makes LibreOffice open the extension's compiled help.jar,
    which crashes 25.2 when the office has no help installed (xmlhelp
    Databases::jarFile with an empty install directory; reproduced with
    Debian's packages without a help pack) — F1 on our menu entries must
    keep giving the office's own "help not installed" answer there;
  * the menu (packaging/Addons.xcu) has no Help entry;
  * a page is not listed in packaging/meson.build's help_pages (it would not
    be packed), or meson lists one that does not exist.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

LANGS = ('zh-CN', 'en-US')
EXTENSION_ID = 'org.fiscalcheck.FiscalCheck'
OOR = '{http://openoffice.org/2001/registry}'

problems = []


def problem(text):
    problems.append(text)
    print('FAIL ' + text)


def menu_commands(root):
    tree = ET.parse(os.path.join(root, 'packaging', 'Addons.xcu')).getroot()
    commands = set()
    for prop in tree.iter('prop'):
        value = prop.find('value')
        if prop.get(OOR + 'name') == 'URL' and value is not None \
                and (value.text or '').startswith('org.fiscalcheck.command:'):
            commands.add(value.text)
    return commands


def check_language(help_dir, lang):
    """The pages of lang's folder ({name.xhp}), checked one by one."""
    lang_dir = os.path.join(help_dir, lang)
    pages_dir = os.path.join(lang_dir, EXTENSION_ID)
    pages = {f for f in os.listdir(pages_dir) if f.endswith('.xhp')} \
        if os.path.isdir(pages_dir) else set()
    if not pages:
        problem('%s: no pages in %s' % (lang, pages_dir))
    tree_path = os.path.join(lang_dir, 'help.tree')
    listed = set()
    if not os.path.isfile(tree_path):
        problem('%s: no help.tree' % lang)
    else:
        for topic in ET.parse(tree_path).getroot().iter('topic'):
            topic_id = topic.get('id', '')
            m = re.fullmatch(r'help/%s/([^/]+\.xhp)' % re.escape(EXTENSION_ID), topic_id)
            if m is None:
                problem('%s: help.tree topic %r is not help/%s/PAGE.xhp'
                        % (lang, topic_id, EXTENSION_ID))
                continue
            listed.add(m.group(1))
            for other in LANGS:
                if not os.path.isfile(os.path.join(help_dir, other, EXTENSION_ID, m.group(1))):
                    problem('%s: help.tree topic %s does not exist in %s'
                            % (lang, m.group(1), other))
    for page in sorted(pages - listed):
        problem('%s: %s is in no help.tree topic' % (lang, page))

    for page in sorted(pages):
        path = os.path.join(pages_dir, page)
        try:
            doc = ET.parse(path).getroot()
        except ET.ParseError as e:
            problem('%s/%s: not well-formed: %s' % (lang, page, e))
            continue
        filename = doc.find('meta/topic/filename')
        if filename is None or filename.text != '/%s/%s' % (EXTENSION_ID, page):
            problem('%s/%s: <filename> is %r, not its own path'
                    % (lang, page, None if filename is None else filename.text))
        for e in doc.iter():
            if e.get('xml-lang') not in (None, lang):
                problem('%s/%s: <%s id=%s> is in %s' % (lang, page, e.tag, e.get('id'),
                                                       e.get('xml-lang')))
        if doc.find('meta/topic/title') is None or not doc.find('meta/topic/title').text:
            problem('%s/%s: no title' % (lang, page))
        for link in doc.iter('link'):
            href = link.get('href', '')
            target = os.path.join(help_dir, lang, href)
            if not os.path.isfile(target):
                problem('%s/%s: link to %s, which does not exist' % (lang, page, href))
        for b in doc.iter('bookmark'):
            if b.get('branch', '').startswith('hid/'):
                problem('%s/%s: bookmark %s maps a help id (F1 would crash an office '
                        'without help; see the top of this file)' % (lang, page, b.get('branch')))
    return pages


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    root = argv[1]
    help_dir = os.path.join(root, 'packaging', 'help')
    commands = menu_commands(root)
    if 'org.fiscalcheck.command:Help' not in commands:
        problem('the menu has no Help entry (org.fiscalcheck.command:Help)')
    found = {lang: check_language(help_dir, lang) for lang in LANGS}
    for lang in LANGS:
        for other in LANGS:
            for page in sorted(found[lang] - found[other]):
                problem('%s/%s has no %s counterpart' % (lang, page, other))
    extra = sorted(set(os.listdir(help_dir)) - set(LANGS) - {'xhp2html.py'})
    if extra:
        problem('packaging/help/ holds %s, neither a language nor the converter' % extra)

    meson = open(os.path.join(root, 'packaging', 'meson.build'), encoding='utf-8').read()
    m = re.search(r"help_pages = \[([^\]]*)\]", meson)
    listed = set(re.findall(r"'([^']+)'", m.group(1))) if m else set()
    pages = {p[:-4] for p in found[LANGS[0]]}
    if listed != pages:
        problem('packaging/meson.build help_pages %s, the pages are %s'
                % (sorted(listed), sorted(pages)))
    print('%d problem(s)' % len(problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
