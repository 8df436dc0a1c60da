#!/usr/bin/env python3
"""The house rules of the sources, as a test: no two modules include each
other in a loop (a module is fc-x.c with its fc-x.h and fc-x-private.h; A reaches B when A's
.c or .h includes "B.h"), and no C file is over 1,000 lines.

    tests/check-structure.py [SOURCE_ROOT]

Prints every loop (the modules in it and the include that closes it) and
every long file, then the "N passed, N failed" line; exits 1 on any."""

import os
import re
import sys

MAX_LINES = 1000
FOLDERS = ('addin', 'cli')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def sources(root):
    for folder in FOLDERS:
        for base, _, names in os.walk(os.path.join(root, folder)):
            for name in names:
                if name.endswith(('.c', '.h')):
                    yield os.path.join(base, name)


def module_of(path):
    """fc-x.c, fc-x.h and the internal header fc-x-private.h are one module."""
    base = os.path.splitext(path)[0]
    return base[:-len('-private')] if base.endswith('-private') else base


def graph(root):
    """module → {module it includes: the including file}"""
    files = list(sources(root))
    by_header = {}
    for f in files:
        if f.endswith('.h'):
            by_header.setdefault(os.path.basename(f), []).append(f)
    edges = {}
    for f in files:
        with open(f, encoding='utf-8') as fh:
            text = fh.read()
        a = module_of(f)
        edges.setdefault(a, {})
        for name in INCLUDE.findall(text):
            targets = by_header.get(os.path.basename(name), [])
            for t in targets:
                b = module_of(t)
                if b != a:
                    edges[a].setdefault(b, f)
    return files, edges


def loops(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in list(edges):
        if v not in index:
            visit(v)
    return out


def main(argv):
    root = os.path.abspath(argv[1] if len(argv) > 1 else
                           os.path.join(os.path.dirname(__file__), '..'))
    files, edges = graph(root)
    passed = failed = 0
    found = loops(edges)
    for component in found:
        rel = [os.path.relpath(m, root) for m in component]
        print('FAIL modules in a loop: ' + ', '.join(rel))
        for a in component:
            for b, via in edges[a].items():
                if b in component:
                    print('     %s includes %s.h' % (os.path.relpath(via, root),
                                                     os.path.relpath(b, root)))
    if found:
        failed += 1
    else:
        print('ok   no loop among %d modules' % len(edges))
        passed += 1
    long_files = []
    for f in files:
        if f.endswith('.c'):
            with open(f, encoding='utf-8') as fh:
                n = sum(1 for _ in fh)
            if n > MAX_LINES:
                long_files.append((os.path.relpath(f, root), n))
    for f, n in sorted(long_files):
        print('FAIL %s has %d lines (at most %d)' % (f, n, MAX_LINES))
    if long_files:
        failed += 1
    else:
        print('ok   no C file over %d lines' % MAX_LINES)
        passed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
