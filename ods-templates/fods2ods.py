#!/usr/bin/env python3
"""Convert a flat ODF document (.fods/.fodt: one office:document XML) into its
zipped package (.ods/.odt) without LibreOffice.  Python 3 standard library only.

Usage: fods2ods.py INPUT.fods OUTPUT.ods

The package holds, in this order: mimetype (first, stored uncompressed, no extra
field), content.xml, styles.xml, meta.xml, settings.xml (if the flat file has
office:settings) and META-INF/manifest.xml.  The split follows ODF 1.2/1.3:
  content.xml  office:scripts, office:font-face-decls, office:automatic-styles
               (without page layouts), office:body
  styles.xml   office:font-face-decls, office:styles, office:automatic-styles
               (all of them: page layouts and styles used by master pages live
               here), office:master-styles
  meta.xml     office:meta
  settings.xml office:settings
Every namespace declaration of the flat root is copied to each part's root, so
prefixes used only inside attribute values (formulas "of:=...") keep working.
Embedded objects/pictures (office:binary-data) are not supported.
Zip entries get a fixed timestamp, so the output is reproducible.
"""

import os
import sys
import zipfile
from xml.dom import minidom

OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0'
STYLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0'
MANIFEST_NS = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0'
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

PARTS = [
    # (file, root local name, children to copy (office:*), drop page layouts?)
    ('content.xml', 'document-content',
     ['scripts', 'font-face-decls', 'automatic-styles', 'body'], True),
    ('styles.xml', 'document-styles',
     ['font-face-decls', 'styles', 'automatic-styles', 'master-styles'], False),
    ('meta.xml', 'document-meta', ['meta'], False),
    ('settings.xml', 'document-settings', ['settings'], False),
]


def office_children(root):
    kids = {}
    for n in root.childNodes:
        if n.nodeType == n.ELEMENT_NODE and n.namespaceURI == OFFICE_NS:
            kids.setdefault(n.localName, n)
    return kids


def prefix_of(root, uri, default):
    for name, value in root.attributes.items():
        if name.startswith('xmlns:') and value == uri:
            return name[6:]
    return default


def build_part(src_root, office_prefix, root_name, children, drop_page_layouts):
    impl = minidom.getDOMImplementation()
    doc = impl.createDocument(OFFICE_NS, '%s:%s' % (office_prefix, root_name), None)
    root = doc.documentElement
    for name, value in src_root.attributes.items():
        if name.startswith('xmlns') or name == '%s:version' % office_prefix:
            root.setAttribute(name, value)
    kids = office_children(src_root)
    found = False
    for local in children:
        node = kids.get(local)
        if node is None:
            continue
        found = True
        copy = doc.importNode(node, True)
        if drop_page_layouts and local == 'automatic-styles':
            for c in list(copy.childNodes):
                if (c.nodeType == c.ELEMENT_NODE and c.namespaceURI == STYLE_NS
                        and c.localName == 'page-layout'):
                    copy.removeChild(c)
        root.appendChild(copy)
    return doc, found


TEMPLATE_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet-template'


def convert(src, dst, title=None):
    dom = minidom.parse(src)
    src_root = dom.documentElement
    if src_root.namespaceURI != OFFICE_NS or src_root.localName != 'document':
        raise SystemExit('fods2ods: %s is not a flat ODF document (office:document)' % src)
    office = prefix_of(src_root, OFFICE_NS, 'office')
    mimetype = src_root.getAttributeNS(OFFICE_NS, 'mimetype') or \
        'application/vnd.oasis.opendocument.spreadsheet'
    if dst.endswith('.ots'):
        # a template: what File > New > Templates lists, by its title
        mimetype = TEMPLATE_MIMETYPE
    if title is not None:
        for node in dom.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title'):
            while node.firstChild:
                node.removeChild(node.firstChild)
            node.appendChild(dom.createTextNode(title))
    version = src_root.getAttributeNS(OFFICE_NS, 'version') or '1.2'
    if dom.getElementsByTagNameNS(OFFICE_NS, 'binary-data'):
        raise SystemExit('fods2ods: embedded binary data is not supported')

    entries = []
    for fname, root_name, children, drop in PARTS:
        doc, found = build_part(src_root, office, root_name, children, drop)
        if found or fname in ('content.xml', 'styles.xml'):
            entries.append((fname, doc.toxml(encoding='UTF-8')))

    manifest = ['<?xml version="1.0" encoding="UTF-8"?>',
                '<manifest:manifest xmlns:manifest="%s" manifest:version="%s">'
                % (MANIFEST_NS, version),
                ' <manifest:file-entry manifest:full-path="/" manifest:version="%s"'
                ' manifest:media-type="%s"/>' % (version, mimetype)]
    for fname, _ in entries:
        manifest.append(' <manifest:file-entry manifest:full-path="%s"'
                        ' manifest:media-type="text/xml"/>' % fname)
    manifest.append('</manifest:manifest>\n')

    tmp = dst + '.tmp'
    with zipfile.ZipFile(tmp, 'w') as z:
        info = zipfile.ZipInfo('mimetype', FIXED_TIME)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, mimetype.encode('ascii'))
        for fname, data in entries + [('META-INF/manifest.xml',
                                       '\n'.join(manifest).encode('utf-8'))]:
            info = zipfile.ZipInfo(fname, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    os.replace(tmp, dst)


def main(argv):
    title = None
    if len(argv) == 5 and argv[3] == '--title':
        title = argv[4]
    elif len(argv) != 3:
        sys.stderr.write('usage: fods2ods.py INPUT.fods OUTPUT.ods|OUTPUT.ots [--title TITLE]\n')
        return 2
    convert(argv[1], argv[2], title)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
