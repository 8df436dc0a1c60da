#!/usr/bin/python3
"""summary.py - what memcheck found, from the XML logs fcoffice.py writes
under FC_VALGRIND=1 (see tests/valgrind/run.sh).

    summary.py [--supp OUT.supp] [--all] LOGDIR_OR_XML...

Prints one line per process (errors, by kind), then every distinct error
whose stack touches fiscalcheck.so (our code) with its stack.  Errors that
touch only LibreOffice are counted ("noise"); --all prints them too, and
--supp writes a suppression for each of them (to review and append to
tests/valgrind/lo.supp).  Exit status: 0 when nothing touches our code, 1
when something does, 2 when there was no log to read.
"""

import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

OURS = 'fiscalcheck.so'


def errors_of(path):
    """The <error> elements of one log; tolerates a log cut short (a killed
    office writes no closing tags)."""
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    out = []
    for block in re.findall(r'<error>.*?</error>', text, re.S):
        try:
            out.append(ET.fromstring(block))
        except ET.ParseError:
            pass
    complete = '</valgrindoutput>' in text
    return out, complete


def frames(stack):
    out = []
    for fr in stack.findall('frame'):
        out.append({k: (fr.findtext(k) or '') for k in ('ip', 'obj', 'fn', 'dir', 'file', 'line')})
    return out


def frame_text(fr):
    where = fr['fn'] or fr['ip']
    if fr['file']:
        where += ' (%s:%s)' % (fr['file'], fr['line'])
    else:
        where += ' [%s]' % os.path.basename(fr['obj'])
    return where


def describe(err):
    what = err.findtext('what') or err.findtext('xwhat/text') or ''
    stacks = [frames(s) for s in err.findall('stack')]
    auxwhat = [a.text or '' for a in err.findall('auxwhat')]
    return what, stacks, auxwhat


def touches_ours(stacks):
    return any(OURS in fr['obj'] for st in stacks for fr in st)


def signature(kind, stacks):
    """Errors with the same kind and top frames are one error."""
    top = tuple(fr['fn'] or fr['ip'] for fr in (stacks[0] if stacks else [])[:8])
    return (kind, top)


def main(argv):
    supp_out = None
    show_all = False
    args = []
    it = iter(argv[1:])
    for a in it:
        if a == '--supp':
            supp_out = next(it)
        elif a == '--all':
            show_all = True
        else:
            args.append(a)
    paths = []
    for a in args:
        paths += sorted(glob.glob(os.path.join(a, '*.xml'))) if os.path.isdir(a) else [a]
    if not paths:
        print('no valgrind XML logs in %s' % ' '.join(args))
        return 2
    ours, noise = {}, {}
    supps = []
    for path in paths:
        errs, complete = errors_of(path)
        kinds = {}
        for err in errs:
            kind = err.findtext('kind')
            what, stacks, aux = describe(err)
            kinds[kind] = kinds.get(kind, 0) + 1
            bucket = ours if touches_ours(stacks) else noise
            sig = signature(kind, stacks)
            entry = bucket.setdefault(sig, {'kind': kind, 'what': what, 'stacks': stacks,
                                            'aux': aux, 'count': 0, 'logs': set()})
            entry['count'] += 1
            entry['logs'].add(os.path.basename(path))
            if bucket is noise and entry['count'] == 1:
                raw = err.findtext('suppression/rawtext')
                if raw:
                    supps.append(raw.strip().replace('<insert_a_suppression_name_here>',
                                                     'lo-%s-%d' % (kind, len(supps) + 1)))
        print('%s: %d error(s)%s %s' % (os.path.basename(path), len(errs),
                                        '' if complete else ' (log cut short: office killed?)',
                                        ', '.join('%s %d' % kv for kv in sorted(kinds.items()))))
    def dump(bucket, title):
        print('\n== %s: %d distinct, %d in all' % (title, len(bucket),
                                                  sum(e['count'] for e in bucket.values())))
        for e in bucket.values():
            print('\n-- %s ×%d (%s): %s' % (e['kind'], e['count'], ', '.join(sorted(e['logs'])),
                                          e['what']))
            for i, st in enumerate(e['stacks']):
                if i:
                    print('   %s' % (e['aux'][i - 1] if i - 1 < len(e['aux']) else '--'))
                for fr in st[:25]:
                    mark = '*' if OURS in fr['obj'] else ' '
                    print('   %s %s' % (mark, frame_text(fr)))
    dump(ours, 'errors touching %s (ours)' % OURS)
    if show_all:
        dump(noise, 'errors in LibreOffice only (noise)')
    else:
        print('\n== errors in LibreOffice only (noise, not suppressed yet): %d distinct, %d in all'
              ' (--all shows them)' % (len(noise), sum(e['count'] for e in noise.values())))
    if supp_out:
        with open(supp_out, 'w', encoding='utf-8') as f:
            f.write('\n'.join(supps) + '\n')
        print('wrote %d suppression(s) to %s' % (len(supps), supp_out))
    n = sum(e['count'] for e in ours.values())
    print('\nSUMMARY: %d error(s) in our code (%d distinct), %d LibreOffice-only'
          % (n, len(ours), sum(e['count'] for e in noise.values())))
    return 1 if ours else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
