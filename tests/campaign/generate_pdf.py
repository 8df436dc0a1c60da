#!/usr/bin/python3
"""generate_pdf.py — mangled PDFs for the campaign (tests/campaign/run.py).

    /usr/bin/python3 tests/campaign/generate_pdf.py OUT_DIR DATA_DIR

From the three PDFs of tests/data (the Shanghai package as published, the
blank template, a 部门预算): each truncated at 10 %, 50 %, 90 % and 16 bytes
before its end; its startxref pointed past the end; its xref keyword and
offsets garbled; junk inserted after the header (every offset shifted); an
encryption dictionary appended by an incremental update; the Shanghai
package as images only (pdftoppm, no text layer).  Written by the small
PDF writer below (no pip package is reachable): a package encrypted with a
user password (RC4, standard security handler R2), one of 2,000 pages,
tables printed with huge, zero and negative font sizes, and a table of
100,000 cells (over 100 pages, and on one page).
Writes OUT_DIR/manifest_pdf.json: {"files": [{"file", "what"}]}.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zlib

SOURCES = ['putuo_ghzy_2024.pdf', 'shanghai_template_2024_blank.pdf',
           'jiangsu_court_2019_budget.pdf']
PAD = bytes.fromhex('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A')


# ------------------------------------------------------------------ the writer

def _hex(text):
    """Text as Identity-H codes: a glyph id per UTF-16 unit, mapped back by
    the font's ToUnicode (so any producer-free text extracts as itself)."""
    return '<' + text.encode('utf-16-be').hex().upper() + '>'


TO_UNICODE = (b'/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n'
              b'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n'
              b'/CMapName /Identity-UCS def /CMapType 2 def\n'
              b'1 begincodespacerange <0000> <FFFF> endcodespacerange\n'
              b'1 beginbfrange <0000> <FFFF> <0000> endbfrange\n'
              b'endcmap CMapName currentdict /CMap defineresource pop end end\n')


def _rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


class Writer:
    """Pages of positioned text (and images) in a CID font with a ToUnicode
    map; optionally encrypted (RC4 40-bit, R2) with a user password."""

    def __init__(self, password=None):
        self.objects = [None]          # 1-based; bytes bodies
        self.streams = {}              # object number → raw stream data
        self.pages = []
        self.password = password
        self.font = self._reserve()
        self.cid = self._reserve()
        self.tounicode = self._reserve()
        self.pages_obj = self._reserve()

    def _reserve(self):
        self.objects.append(None)
        return len(self.objects) - 1

    def _add(self, body, stream=None):
        n = self._reserve()
        self.objects[n] = body
        if stream is not None:
            self.streams[n] = stream
        return n

    def page(self, items, size=(595, 842), images=()):
        """items: (x, y, font_size, text); images: (name, obj, x, y, w, h)."""
        ops = []
        for name, _, x, y, w, h in images:
            ops.append('q %g 0 0 %g %g %g cm /%s Do Q' % (w, h, x, y, name))
        if items:
            ops.append('BT')
            for x, y, fs, text in items:
                ops.append('/F1 %s Tf 1 0 0 1 %g %g Tm %s Tj' % (fs, x, y, _hex(text)))
            ops.append('ET')
        data = zlib.compress('\n'.join(ops).encode('ascii'))
        contents = self._add(b'<< /Filter /FlateDecode >>', data)
        xobjects = ''.join('/%s %d 0 R ' % (name, obj) for name, obj, *_ in images)
        self.pages.append(self._add(
            ('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R '
             '/Resources << /Font << /F1 %d 0 R >> /XObject << %s>> >> >>'
             % (self.pages_obj, size[0], size[1], contents, self.font, xobjects)).encode()))

    def gray_image(self, width, height, pixels):
        return self._add(('<< /Type /XObject /Subtype /Image /Width %d /Height %d '
                          '/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode >>'
                          % (width, height)).encode(), zlib.compress(pixels))

    def _encryption(self):
        """The /Encrypt dictionary and the file key (algorithms 3.2, 3.4)."""
        owner = hashlib.md5((b'owner' + PAD)[:32]).digest()[:5]
        o = _rc4(owner, (self.password.encode() + PAD)[:32])
        p = -44
        file_id = hashlib.md5(b'fiscalcheck campaign').digest()
        key = hashlib.md5((self.password.encode() + PAD)[:32] + o
                          + p.to_bytes(4, 'little', signed=True) + file_id).digest()[:5]
        u = _rc4(key, PAD)
        enc = ('<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>'
               % (o.hex(), u.hex(), p)).encode()
        return enc, key, file_id

    def write(self, path):
        self.objects[self.font] = ('<< /Type /Font /Subtype /Type0 /BaseFont /SimSun '
                                   '/Encoding /Identity-H /DescendantFonts [%d 0 R] '
                                   '/ToUnicode %d 0 R >>' % (self.cid, self.tounicode)).encode()
        self.objects[self.cid] = (b'<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun '
                                  b'/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) '
                                  b'/Supplement 0 >> /DW 1000 >>')
        self.objects[self.tounicode] = b'<< >>'
        self.streams[self.tounicode] = TO_UNICODE
        self.objects[self.pages_obj] = ('<< /Type /Pages /Kids [%s] /Count %d >>' % (
            ' '.join('%d 0 R' % p for p in self.pages), len(self.pages))).encode()
        catalog = self._add(('<< /Type /Catalog /Pages %d 0 R >>' % self.pages_obj).encode())
        key = file_id = None
        encrypt = None
        if self.password is not None:
            enc, key, file_id = self._encryption()
            encrypt = self._add(enc)
        out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
        offsets = [0] * len(self.objects)
        for n in range(1, len(self.objects)):
            offsets[n] = len(out)
            body = self.objects[n]
            out += b'%d 0 obj\n' % n
            if n in self.streams:
                data = self.streams[n]
                if key is not None:
                    data = _rc4(hashlib.md5(key + n.to_bytes(3, 'little') + b'\0\0').digest()[:10],
                                data)
                out += body[:-2] + b' /Length %d >>\nstream\n' % len(data) + data + b'\nendstream'
            else:
                out += body
            out += b'\nendobj\n'
        xref = len(out)
        out += b'xref\n0 %d\n0000000000 65535 f \n' % len(self.objects)
        for n in range(1, len(self.objects)):
            out += b'%010d 00000 n \n' % offsets[n]
        trailer = 'trailer\n<< /Size %d /Root %d 0 R' % (len(self.objects), catalog)
        if encrypt is not None:
            trailer += ' /Encrypt %d 0 R /ID [<%s> <%s>]' % (encrypt, file_id.hex(), file_id.hex())
        out += (trailer + ' >>\nstartxref\n%d\n%%%%EOF\n' % xref).encode()
        with open(path, 'wb') as f:
            f.write(out)


# ------------------------------------------------------------ made from scratch

TITLE = '一般公共预算财政拨款支出决算表'


def table_items(rows, cols, first, font_size=9, top=800, row_h=14, col_w=None, x0=20):
    """Rows of a table: a code, a name and amounts, printed at font_size."""
    col_w = col_w or (555.0 / cols)
    items = []
    for r in range(rows):
        y = top - r * row_h
        for c in range(cols):
            n = first + r * cols + c
            text = '%d' % (20101 + n) if c == 0 else ('支出%d' % n if c == 1 else '%d.%02d' % (n, n % 100))
            items.append((x0 + c * col_w, y, font_size, text))
    return items


def package_page(w, page, font_size=9):
    items = [(150, 815, font_size, TITLE), (20, 800, font_size, '公开06表'),
             (450, 800, font_size, '单位：万元')]
    items += table_items(40, 5, page * 200, font_size=font_size, top=780, row_h=18)
    w.page(items)


def huge_fonts(path):
    w = Writer()
    for fs in ('1' + '0' * 30, '100000', '0', '-12', '0.000000000001', '34' + '0' * 37):
        package_page(w, 0, font_size=fs)
    w.write(path)


def many_pages(path, n=2000):
    w = Writer()
    for p in range(n):
        package_page(w, p)
    w.write(path)


def cells_100k_pages(path):
    """A table of 100,000 cells continued over 100 pages."""
    w = Writer()
    for p in range(100):
        items = [(150, 830, 8, TITLE)] if p == 0 else []
        items += table_items(100, 10, p * 1000, font_size=4, top=820, row_h=8)
        w.page(items)
    w.write(path)


def cells_100k_page(path):
    """A table of 100,000 cells on one (large) page."""
    w = Writer()
    items = [(150, 14400 - 10, 8, TITLE)]
    items += table_items(2000, 50, 0, font_size=3, top=14380, row_h=7, col_w=28)
    w.page(items, size=(1420, 14400))
    w.write(path)


def encrypted(path):
    w = Writer(password='secret')
    for p in range(3):
        package_page(w, p)
    w.write(path)


def images_only(src, path):
    """The package as pictures: its pages rasterised, no text layer."""
    w = Writer()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['pdftoppm', '-r', '30', '-gray', src, os.path.join(tmp, 'p')], check=True)
        for name in sorted(os.listdir(tmp)):
            with open(os.path.join(tmp, name), 'rb') as f:
                data = f.read()
            m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', data)
            width, height = int(m.group(1)), int(m.group(2))
            image = w.gray_image(width, height, data[m.end():])
            w.page([], images=[('Im0', image, 0, 0, 595, 842)])
    w.write(path)


# ------------------------------------------------------- derived from real PDFs

def derived(data, stem):
    """(suffix, what, bytes) for each mangling of one real PDF."""
    n = len(data)
    out = []
    for part in (0.1, 0.5, 0.9):
        out.append(('cut%02d' % int(part * 100), 'truncated at %d %%' % int(part * 100),
                    data[:int(n * part)]))
    out.append(('cut-tail', 'truncated 16 bytes before its end', data[:n - 16]))
    at = data.rfind(b'startxref')
    if at >= 0:
        head = data[:at] + b'startxref\n999999999\n%%EOF\n'
        out.append(('startxref', 'startxref points past the end', head))
    garbled = re.sub(rb'\d{10} \d{5} [nf]', lambda m: b'9' * 10 + m.group(0)[10:], data)
    garbled = garbled.replace(b'xref', b'xrf!')
    out.append(('xref', 'xref keyword and offsets garbled', garbled))
    first = data.find(b'\n') + 1
    out.append(('shifted', 'junk after the header: every offset shifted',
                data[:first] + b'%' + b'junk' * 4096 + b'\n' + data[first:]))
    # an incremental update that adds /Encrypt to the last trailer's root
    root = re.findall(rb'/Root\s+(\d+)\s+(\d+)\s+R', data)
    if root:
        prev = int(re.findall(rb'startxref\s+(\d+)', data)[-1])
        size = max(int(x) for x in re.findall(rb'/Size\s+(\d+)', data))
        enc_at = len(data) + 1
        body = b'\n%d 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>\nendobj\n' % (
            size, b'11' * 32, b'22' * 32)
        xref_at = len(data) + len(body)
        tail = (b'xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n'
                b'trailer\n<< /Size %d /Root %s %s R /Prev %d /Encrypt %d 0 R /ID [<00> <00>] >>\n'
                b'startxref\n%d\n%%%%EOF\n') % (size, enc_at, size + 1, root[-1][0], root[-1][1],
                                               prev, size, xref_at)
        out.append(('encrypt-update', 'an /Encrypt added by an incremental update',
                    data + body + tail))
    return out


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    out_dir, data_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    os.makedirs(out_dir, exist_ok=True)
    files = []
    for name in SOURCES:
        with open(os.path.join(data_dir, name), 'rb') as f:
            data = f.read()
        stem = name[:-4]
        for suffix, what, mangled in derived(data, stem):
            fname = 'pdf-%s-%s.pdf' % (stem, suffix)
            with open(os.path.join(out_dir, fname), 'wb') as f:
                f.write(mangled)
            files.append({'file': fname, 'what': '%s: %s' % (name, what)})
    made = [('pdf-encrypted.pdf', encrypted, 'a package encrypted with a user password (RC4 R2)'),
            ('pdf-2000-pages.pdf', many_pages, '2,000 pages of tables'),
            ('pdf-huge-fonts.pdf', huge_fonts, 'a table at font sizes 1e30, 1e5, 0, -12, 1e-12, 3.4e38 (written out)'),
            ('pdf-100k-cells-pages.pdf', cells_100k_pages, 'a table of 100,000 cells over 100 pages'),
            ('pdf-100k-cells-page.pdf', cells_100k_page, 'a table of 100,000 cells on one page')]
    for fname, make, what in made:
        make(os.path.join(out_dir, fname))
        files.append({'file': fname, 'what': what})
    images_only(os.path.join(data_dir, SOURCES[0]), os.path.join(out_dir, 'pdf-no-text.pdf'))
    files.append({'file': 'pdf-no-text.pdf', 'what': '%s as images only (pdftoppm): no text layer'
                  % SOURCES[0]})
    with open(os.path.join(out_dir, 'manifest_pdf.json'), 'w', encoding='utf-8') as f:
        json.dump({'files': files}, f, ensure_ascii=False, indent=1)
    print('%d mangled PDFs in %s' % (len(files), out_dir), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
