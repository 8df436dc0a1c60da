#!/usr/bin/python3
"""Takes docs/screenshot-marks.png: the sample with 本年收入合计 changed to
634.48, validated from the 决算审核 menu, in a real Calc window (zh-CN UI)
with Tools ▸ 决算审核 open, the FiscalCheck toolbar and one mark's comment
shown.

Usage: /usr/bin/python3 tests/e2e/screenshot_marks.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods OUT.png

Needs Xvfb, xdotool and ImageMagick's `import`, and a LibreOffice with a
GUI: the headless-only (-nogui) packages cannot open a window.  Point
FC_GUI_PROGRAM at such a program directory (default: soffice on PATH); see
soffice-xvfb.sh for how the office is run on the virtual display.
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

DISPLAY = os.environ.get('FC_SCREENSHOT_DISPLAY', ':97')
HERE = os.path.dirname(os.path.abspath(__file__))


def x(*argv):
    subprocess.run(list(argv), env=dict(os.environ, DISPLAY=DISPLAY), check=True)
    time.sleep(0.8)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    oxt, sample, out = (os.path.abspath(a) for a in sys.argv[1:])
    os.environ.update(FC_DISPLAY=DISPLAY, SAL_USE_VCLPLUGIN='gen',
                      LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8')
    if os.environ.get('FC_GUI_PROGRAM'):
        os.environ['PATH'] = os.environ['FC_GUI_PROGRAM'] + ':' + os.environ['PATH']
    xvfb = subprocess.Popen(['Xvfb', DISPLAY, '-screen', '0', '1280x800x24'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from fcoffice import Office
    from com.sun.star.awt import Point, Size
    try:
        time.sleep(1)
        with Office(oxt=oxt, soffice=os.path.join(HERE, 'soffice-xvfb.sh')) as office:
            doc = office.load(sample, copy=True, Hidden=False)
            sheet = doc.Sheets.getByName('收入支出决算总表')
            sheet.getCellRangeByName('C36').Value = 634.48
            frame = doc.getCurrentController().getFrame()
            toolbar = 'private:resource/toolbar/addon_org.fiscalcheck.toolbar'
            frame.LayoutManager.createElement(toolbar)
            frame.LayoutManager.showElement(toolbar)
            helper = office.smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper',
                                                           office.ctx)
            result = helper.executeDispatch(frame, 'org.fiscalcheck.command:Validate', '', 0, ())
            print(result.Result)
            # show one mark's comment, wide enough to read, clear of the menu
            note = sheet.getCellRangeByName('C36').Annotation
            note.IsVisible = True
            shape = note.AnnotationShape
            shape.Position = Point(20300, 11000)
            shape.Size = Size(8300, 10000)
            # the selection's tint would hide the mark's colour
            doc.getCurrentController().select(sheet.getCellRangeByName('A43'))
            time.sleep(2)
            x('xdotool', 'key', 'alt+t')       # 工具(T)
            x('xdotool', 'key', 'k')           # 决算审核(K): the mnemonic Calc gives it
            x('import', '-window', 'root', out)
            x('xdotool', 'key', 'Escape', 'Escape')
            office.close(doc)
    finally:
        xvfb.terminate()
        xvfb.wait()
    print('wrote', out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
