#!/usr/bin/env python3
"""Draws the FiscalCheck toolbar/menu icons as PNGs (stdlib only).

    python3 packaging/icons/make-icons.py [OUTDIR]

Writes {validate,next,clear}_{16,26}.png: a sheet with a red-marked cell and
a green tick (Validate workbook), a sheet with an arrow to a marked cell
(Next finding), a sheet with a marked cell struck out (Clear marks).  The
PNGs are committed; rerun this after changing a drawing.
"""
import os
import struct
import sys
import zlib

RED = (232, 84, 84, 255)
PINK = (255, 199, 206, 255)
GREEN = (46, 160, 67, 255)
BLUE = (49, 110, 200, 255)
GREY = (110, 110, 110, 255)
GRID = (190, 190, 190, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, pixels, size):
    raw = b''.join(b'\x00' + b''.join(bytes(p) for p in row) for row in pixels)
    def chunk(kind, data):
        c = kind + data
        return struct.pack('>I', len(data)) + c + struct.pack('>I', zlib.crc32(c) & 0xffffffff)
    data = (b'\x89PNG\r\n\x1a\n'
            + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9))
            + chunk(b'IEND', b''))
    with open(path, 'wb') as f:
        f.write(data)


def canvas(size):
    return [[CLEAR] * size for _ in range(size)]


def rect(px, x0, y0, x1, y1, colour):
    for y in range(max(0, y0), min(len(px), y1 + 1)):
        for x in range(max(0, x0), min(len(px), x1 + 1)):
            px[y][x] = colour


def line(px, x0, y0, x1, y1, colour, width):
    n = int(max(abs(x1 - x0), abs(y1 - y0), 1) * 4)
    for i in range(n + 1):
        x = x0 + (x1 - x0) * i / n
        y = y0 + (y1 - y0) * i / n
        r = width / 2
        rect(px, round(x - r + 0.25), round(y - r + 0.25), round(x + r - 0.75), round(y + r - 0.75),
             colour)


def sheet(size):
    """A small spreadsheet: white page, grey border and grid, one pink cell."""
    px = canvas(size)
    s = size / 16
    m = round(1 * s)
    rect(px, m, m, size - 1 - m, size - 1 - m, WHITE)
    step = max(3, round(4 * s))
    for k in range(m, size - m, step):
        rect(px, m, k, size - 1 - m, k, GRID)
        rect(px, k, m, k, size - 1 - m, GRID)
    rect(px, m, m, size - 1 - m, m, GREY)
    rect(px, m, size - 1 - m, size - 1 - m, size - 1 - m, GREY)
    rect(px, m, m, m, size - 1 - m, GREY)
    rect(px, size - 1 - m, m, size - 1 - m, size - 1 - m, GREY)
    c0 = m + step + 1
    rect(px, c0, c0, c0 + step - 2, c0 + step - 2, PINK)
    rect(px, c0, c0, c0 + step - 2, c0, RED)
    return px, s, c0, step


# name -> (colour, stroke width at 16 px, strokes in 16-px units)
ICONS = {
    'validate': (GREEN, 2, [(5, 9.5, 7.5, 12.5), (7.5, 12.5, 13, 4.5)]),
    'next': (BLUE, 1.6, [(4, 12, 11, 12), (11, 12, 8, 9), (11, 12, 8, 14.4)]),
    'clear': (RED, 1.8, [(5, 5, 12.5, 12.5), (12.5, 5, 5, 12.5)]),
}


def draw(name, size):
    colour, width, strokes = ICONS[name]
    px, s, _, _ = sheet(size)
    w = max(2, round(width * s))
    for x0, y0, x1, y1 in strokes:
        line(px, x0 * s, y0 * s, x1 * s, y1 * s, colour, w)
    return px


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name in ICONS:
        for size in (16, 26):
            png(os.path.join(out, '%s_%d.png' % (name, size)), draw(name, size), size)


if __name__ == '__main__':
    main()
