"""A virtual X display (Xvfb) for what only a window can tell: the office's
boxes, real key presses, screenshots.

    with VirtualDisplay() as display:      # sets FC_DISPLAY for soffice-xvfb.sh
        ... start the office with soffice=tests/e2e/soffice-xvfb.sh ...
        box = display.wait_box()           # a message box that opened
        display.key(box, 'Return')

There is no window manager on the display, so nothing gives a new window
the focus: key() focuses the window it is given first.  Needs Xvfb and
xdotool; ImageMagick's `import` for shot().
"""

import os
import subprocess
import threading
import time


class VirtualDisplay:
    def __init__(self, size='1280x800x24'):
        self.size = size
        self.name = None
        self._xvfb = None

    def __enter__(self):
        read, write = os.pipe()
        # -displayfd: the server picks a free display and writes its number
        self._xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write), '-screen', '0',
                                       self.size, '-nolisten', 'tcp'],
                                      pass_fds=(write,), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError('Xvfb did not start')
        self.name = ':' + number
        os.environ['FC_DISPLAY'] = self.name
        return self

    def __exit__(self, *exc):
        os.environ.pop('FC_DISPLAY', None)
        self._xvfb.terminate()
        try:
            self._xvfb.wait(10)
        except subprocess.TimeoutExpired:
            self._xvfb.kill()

    def run(self, *argv):
        """xdotool or import on this display; its output (text)."""
        return subprocess.run(list(argv), env=dict(os.environ, DISPLAY=self.name),
                              capture_output=True, text=True, timeout=30).stdout

    def windows(self):
        """The visible windows bigger than a menu's pieces: [(area, id)]."""
        found = []
        for wid in self.run('xdotool', 'search', '--onlyvisible', '--name', '.*').split():
            fields = dict(line.split('=', 1)
                          for line in self.run('xdotool', 'getwindowgeometry', '--shell',
                                               wid).split() if '=' in line)
            w, h = int(fields.get('WIDTH', 0)), int(fields.get('HEIGHT', 0))
            if w > 100 and h > 50:
                found.append((w * h, wid))
        return sorted(found)

    def main_window(self):
        """The biggest visible window: the document's."""
        found = self.windows()
        return found[-1][1] if found else None

    def wait_box(self, timeout=30):
        """The id of a window smaller than the document's (a message box)
        once one is shown, or None after timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.windows()
            if len(found) >= 2 and found[0][0] < found[-1][0] // 4:
                return found[0][1]
            time.sleep(0.5)
        return None

    def key(self, window, *keys):
        """Focuses window and presses keys (xdotool names) in it."""
        self.run('xdotool', 'windowfocus', '--sync', window)
        self.run('xdotool', 'key', '--window', window, *keys)
        time.sleep(0.8)

    def shot(self, path):
        self.run('import', '-window', 'root', path)


class Dispatch(threading.Thread):
    """org.fiscalcheck.command:<command> dispatched in the background: a box
    the command shows blocks it until the box is answered.  result is the
    DispatchResultEvent once it returns."""

    def __init__(self, helper, frame, command):
        super().__init__(daemon=True)
        self.helper, self.frame, self.command = helper, frame, command
        self.result = None

    def run(self):
        self.result = self.helper.executeDispatch(
            self.frame, 'org.fiscalcheck.command:' + self.command, '', 0, ())
