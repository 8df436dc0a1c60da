#!/usr/bin/python3
"""The save guard's question in a real window (issue 20, item 4), in an
office with a GUI on a virtual display (tests/e2e/xdisplay.py): saving a
workbook that carries FiscalCheck's marks shows the three-way box and
waits for the user; nobody's answer is made up.

  * Ctrl+S, pressed on the window: the box is shown, the save waits;
    Escape cancels it: the file on disk is byte-identical, the marks stay;
  * .uno:Save from the frame's dispatch (the File menu, the toolbar):
    Return picks Cancel, the default — nothing is saved;
  * 否 (keep): the file is written with the marks, and the save job
    asks no second question (no second box);
  * 是 (clear and save): the file is written without marks, 审核结果
    or _FiscalCheck; one Undo brings the marks back.

Usage: test_window_save.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods

Needs an office that can open a window ($FC_OFFICE_PROGRAM): `meson test
--setup window` runs it against the one packaging/install-office-25.sh
unpacks with FC_LO25_GUI=1.
"""

import os
import shutil
import sys
import tempfile
import threading
import time

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fcoffice import SUCCESS, Office, _props, check, summary  # noqa: E402
from xdisplay import VirtualDisplay  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
STORE = '_FiscalCheck'
REPORT = '审核结果'


class Background(threading.Thread):
    """A call made in the background: a box it shows blocks it."""

    def __init__(self, call):
        super().__init__(daemon=True)
        self.call = call
        self.result = self.error = None

    def run(self):
        try:
            self.result = self.call()
        except Exception as e:  # noqa: BLE001 (reported by the checks)
            self.error = e


def marked(doc):
    names = list(doc.Sheets.ElementNames)
    return STORE in names, REPORT in names


def file_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def save_in_background(office, doc):
    """.uno:Save through the frame's dispatch, as the File menu sends it."""
    url = uno.createUnoStruct('com.sun.star.util.URL')
    url.Complete = '.uno:Save'
    transformer = office.smgr.createInstanceWithContext('com.sun.star.util.URLTransformer',
                                                        office.ctx)
    url = transformer.parseStrict(url)[1]
    frame = doc.getCurrentController().getFrame()
    dispatch = frame.queryDispatch(url, '', 0)
    job = Background(lambda: dispatch.dispatch(url, _props(SynchronMode=True)))
    job.start()
    return job


BUTTONS = {'是': -75, '否': 0, '取消': 75}


def click(display, box, button):
    """Clicks one of the box's three buttons, 是 否 取消, centred side by
    side at its foot (75 px apart in LibreOffice 25.2's zh-CN box): on the
    virtual display a mnemonic key is not always taken (Alt+Y once
    answered 否, Alt+N was once lost), a click is."""
    fields = dict(line.split('=', 1) for line in
                  display.run('xdotool', 'getwindowgeometry', '--shell', box).split() if '=' in line)
    width, height = int(fields['WIDTH']), int(fields['HEIGHT'])
    display.run('xdotool', 'mousemove', '--window', box, str(width // 2 + BUTTONS[button]),
                str(height - 19), 'click', '1')
    time.sleep(0.8)


def answer(display, job, keys, label):
    """Waits for the box, presses keys in it (or clicks the button keys
    names); the box, or None."""
    box = display.wait_box()
    check(box is not None and job.is_alive(),
          '%s: the save shows the question and waits for the answer' % label)
    if box is None:
        job.join(60)
        return None
    # a click or key that comes as the box is mapped can be lost on a busy
    # machine: again while this very box is still shown (a second box, a
    # second question, would have another id)
    for _ in range(4):
        if keys in BUTTONS:
            click(display, box, keys)
        else:
            display.key(box, *keys.split())
        job.join(10)
        if not job.is_alive() or box not in [w for _, w in display.windows()]:
            break
    job.join(60)
    check(not job.is_alive() and job.error is None,
          '%s: the answer ends the save command (%r)' % (label, job.error))
    return box


def validate(display, office, doc):
    helper = office.smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper',
                                                   office.ctx)
    frame = doc.getCurrentController().getFrame()
    job = Background(lambda: helper.executeDispatch(
        frame, 'org.fiscalcheck.command:Validate', '', 0, ()))
    job.start()
    box = display.wait_box()   # the summary
    if box is not None:
        display.key(box, 'Return')
    job.join(60)
    check(job.result is not None and job.result.State == SUCCESS and marked(doc) == (True, True),
          'Validate marks the workbook')


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    oxt, sample = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    os.environ.update(SAL_USE_VCLPLUGIN='gen', LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8')
    tmp = tempfile.mkdtemp(prefix='fc-window-save-')
    os.chmod(tmp, 0o777)
    path = os.path.join(tmp, 'w.ods')
    shutil.copy(sample, path)
    os.chmod(path, 0o666)
    try:
        with VirtualDisplay() as display, \
                Office(oxt=oxt, soffice=os.path.join(HERE, 'soffice-xvfb.sh')) as office:
            doc = office.load(path, copy=False, Hidden=False)
            time.sleep(2)
            main_window = display.main_window()
            check(main_window is not None, 'the workbook has a window')
            validate(display, office, doc)
            before = file_bytes(path)

            # the real key press: Ctrl+S on the window
            job = Background(lambda: display.key(main_window, 'ctrl+s'))
            job.start()
            box = display.wait_box()
            check(box is not None, 'Ctrl+S: the question is shown')
            for _ in range(4):   # again if the key was lost (see answer)
                if box is None or box not in [w for _, w in display.windows()]:
                    break
                display.key(box, 'Escape')
                time.sleep(1)
            job.join(30)
            time.sleep(1)
            check(display.wait_box(timeout=2) is None, 'Escape closes the question')
            check(file_bytes(path) == before and marked(doc) == (True, True) and doc.isModified(),
                  'Ctrl+S, Escape: nothing is saved, the marks stay')

            if answer(display, save_in_background(office, doc), 'Return', 'Return'):
                check(file_bytes(path) == before and marked(doc) == (True, True)
                      and doc.isModified(),
                      'Return picks Cancel, the default: nothing is saved')

            job = save_in_background(office, doc)
            if answer(display, job, '否', '否 (keep)'):
                check(display.wait_box(timeout=3) is None,
                      '否: no second question from the save job')
                check(file_bytes(path) != before and marked(doc) == (True, True)
                      and not doc.isModified(),
                      '否: the file is written with the marks')

            doc.setModified(True)
            written = file_bytes(path)
            if answer(display, save_in_background(office, doc), '是', '是 (clear)'):
                check(display.wait_box(timeout=3) is None,
                      '是: no second question from the save job')
                check(file_bytes(path) != written and marked(doc) == (False, False)
                      and not doc.isModified(),
                      '是: the marks are cleared, the file is written (file changed %s, marks %s, '
                      'modified %s)' % (file_bytes(path) != written, marked(doc), doc.isModified()))
                doc.UndoManager.undo()
                check(marked(doc) == (True, True), '是: one Undo brings the marks back')
            office.close(doc)

            doc = office.load(path, copy=False)
            check(marked(doc) == (False, False),
                  'the file saved after 是 has no 审核结果 or _FiscalCheck sheet')
            office.close(doc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
