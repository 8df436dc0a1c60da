#!/usr/bin/python3
"""Takes the screenshots in docs/, in a real Calc window (zh-CN UI) on a
virtual display, of the sample with 本年收入合计 changed to 634.48:

  screenshot-summary.png  the box Validate ends with (counts, narrative, Yes/No)
  screenshot-marks.png    after Yes: the first error selected, Tools ▸ 决算审核
                          open, the FiscalCheck toolbar and one mark's comment
  screenshot-status.png   after 下一处问题: "第 k/n 处 · 错误 · R…" in the status bar
  screenshot-report.png   the 审核结果 sheet

Usage: /usr/bin/python3 tests/e2e/screenshots.py BUILD/fiscalcheck.oxt BUILD/ods-templates/sample.ods OUTDIR

Needs Xvfb, xdotool and ImageMagick's `import`, and a LibreOffice with a
GUI (the -nogui packages cannot open a window) in FC_OFFICE_PROGRAM with its
pyuno on PYTHONPATH, e.g. the one `FC_LO25_GUI=1
packaging/install-office-25.sh /opt/lo25-gui` unpacks:

  FC_OFFICE_PROGRAM=/opt/lo25-gui/usr/lib/libreoffice/program \
  PYTHONPATH=/opt/lo25-gui/usr/lib/python3/dist-packages \
  /usr/bin/python3 tests/e2e/screenshots.py build/fiscalcheck.oxt build/ods-templates/sample.ods docs

Not a test: it asserts nothing a person does not look at (tests/e2e/test_window.py does).
"""

import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from xdisplay import VirtualDisplay  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    oxt, sample, outdir = (os.path.abspath(a) for a in sys.argv[1:])
    os.environ.update(SAL_USE_VCLPLUGIN='gen', LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8')
    from fcoffice import Office
    from com.sun.star.awt import Point, Size

    with VirtualDisplay() as display, \
            Office(oxt=oxt, soffice=os.path.join(HERE, 'soffice-xvfb.sh')) as office:
        def shot(name):
            time.sleep(1)
            display.shot(os.path.join(outdir, name))
            print('wrote', name)

        doc = office.load(sample, copy=True, Hidden=False)
        sheet = doc.Sheets.getByName('收入支出决算总表')
        sheet.getCellRangeByName('C36').Value = 634.48
        frame = doc.getCurrentController().getFrame()
        toolbar = 'private:resource/toolbar/addon_org.fiscalcheck.toolbar'
        frame.LayoutManager.createElement(toolbar)
        frame.LayoutManager.showElement(toolbar)
        helper = office.smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper',
                                                       office.ctx)

        def dispatch(command):
            return helper.executeDispatch(frame, 'org.fiscalcheck.command:' + command, '', 0, ())

        # Validate ends with a modal box: the dispatch returns once it is answered
        validate = threading.Thread(target=lambda: print(dispatch('Validate').Result))
        validate.start()
        box = display.wait_box()
        if box is None:
            raise SystemExit('Validate showed no box')
        shot('screenshot-summary.png')
        display.key(box, 'Return')               # 是：转到第一处错误
        validate.join(60)
        # show one mark's comment, wide enough to read, clear of the menu
        note = sheet.getCellRangeByName('C36').Annotation
        note.IsVisible = True
        shape = note.AnnotationShape
        shape.Position = Point(20300, 11000)
        shape.Size = Size(8300, 10000)
        window = display.main_window()
        display.key(window, 'alt+t')             # 工具(T)
        display.key(window, 'k')                 # 决算审核(K): the mnemonic Calc gives it
        shot('screenshot-marks.png')
        display.key(window, 'Escape', 'Escape')
        note.IsVisible = False
        display.key(window, 'alt+shift+F12')     # 下一处问题
        shot('screenshot-status.png')
        doc.getCurrentController().setActiveSheet(doc.Sheets.getByName('审核结果'))
        shot('screenshot-report.png')
        office.close(doc)
    return 0


if __name__ == '__main__':
    sys.exit(main())
