#!/usr/bin/env python3
"""xhp2html.py PAGE.xhp OUTPUT.html — one help page as plain HTML.

The office takes the .xhp pages into its own help (contents, index);
the 帮助 / Help menu command opens these HTML copies in the system's
browser, because the office offers no way to open its help window at a
page of ours (see docs/user-guide.en-US.md, section 3.4).  Only the few elements
our pages use are known: paragraph (heading, paragraph, listitem,
tablehead, tablecontent), list, table, emph, item, link, bookmark; anything
else is an error, so a page never loses text silently.
"""

import html
import sys
import xml.etree.ElementTree as ET

STYLE = """body { font-family: sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em;
  line-height: 1.6; color: #222; }
h1 { font-size: 1.6em; border-bottom: 1px solid #ccc; }
h2 { font-size: 1.25em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #ccc; padding: .3em .6em; vertical-align: top; text-align: left; }
code { background: #f3f3f3; padding: 0 .2em; }
nav { font-size: .9em; margin-bottom: 1em; }"""

INDEX_LINK = {'zh-CN': '决算审核帮助', 'en-US': 'FiscalCheck help'}


class PageError(Exception):
    pass


def inline(element):
    """The text of element and its inline children as HTML."""
    out = [html.escape(element.text or '')]
    for child in element:
        if child.tag == 'emph':
            out.append('<strong>%s</strong>' % inline(child))
        elif child.tag == 'item':
            out.append('<code>%s</code>' % inline(child))
        elif child.tag == 'link':
            href = child.get('href', '')
            page = href.rsplit('/', 1)[-1]
            if not page.endswith('.xhp'):
                raise PageError('link to %r: not a page of ours' % href)
            out.append('<a href="%s">%s</a>' % (html.escape(page[:-4] + '.html'), inline(child)))
        else:
            raise PageError('unknown inline element <%s>' % child.tag)
        out.append(html.escape(child.tail or ''))
    return ''.join(out)


def paragraph(p):
    role = p.get('role')
    text = inline(p)
    if role == 'heading':
        level = int(p.get('level', '1'))
        return '<h%d>%s</h%d>' % (level, text, level)
    if role in ('paragraph', 'listitem', 'tablecontent'):
        return '<p>%s</p>' % text if role == 'paragraph' else text
    if role == 'tablehead':
        return text
    raise PageError('unknown paragraph role %r' % role)


def block(element):
    if element.tag == 'paragraph':
        return paragraph(element)
    if element.tag == 'bookmark':
        return ''
    if element.tag == 'list':
        tag = 'ol' if element.get('type') == 'ordered' else 'ul'
        items = ['<li>%s</li>' % ''.join(block(p) for p in li) for li in element]
        return '<%s>\n%s\n</%s>' % (tag, '\n'.join(items), tag)
    if element.tag == 'table':
        rows = []
        for r, row in enumerate(element):
            cell = 'th' if r == 0 and row.find('tablecell/paragraph[@role="tablehead"]') is not None \
                else 'td'
            rows.append('<tr>%s</tr>' % ''.join(
                '<%s>%s</%s>' % (cell, '<br>'.join(block(p) for p in c), cell) for c in row))
        return '<table>\n%s\n</table>' % '\n'.join(rows)
    raise PageError('unknown element <%s>' % element.tag)


def convert(source):
    root = ET.parse(source).getroot()
    title = root.find('meta/topic/title')
    if title is None:
        raise PageError('no meta/topic/title')
    lang = title.get('{http://www.w3.org/XML/1998/namespace}lang') or title.get('xml-lang')
    if lang not in INDEX_LINK:
        raise PageError('title language %r is neither zh-CN nor en-US' % lang)
    body = '\n'.join(b for b in (block(e) for e in root.find('body')) if b)
    nav = '' if source.endswith('index.xhp') else \
        '<nav><a href="index.html">%s</a></nav>\n' % INDEX_LINK[lang]
    return ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="utf-8">\n'
            '<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n%s%s\n</body>\n</html>\n'
            % (lang, html.escape(title.text or ''), STYLE, nav, body))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    try:
        page = convert(argv[1])
    except (PageError, ET.ParseError) as e:
        sys.stderr.write('xhp2html: %s: %s\n' % (argv[1], e))
        return 1
    with open(argv[2], 'w', encoding='utf-8') as out:
        out.write(page)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
