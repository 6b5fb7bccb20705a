"""A real window on a real X server (Xvfb, Qt's xcb plugin): the app's window
shows and the screen grab holds it. Skips naming Debian's xvfb package when
Xvfb is missing, and naming the packages of the xcb libraries ldd finds
missing when Qt's xcb plugin cannot load (``make test`` installs those)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reader import system_libraries as syslibs
from tests.conftest import REPO, require_program

CHILD = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QElapsedTimer
from PySide6.QtGui import QGuiApplication
from reader.gui.app import make_application
from reader.gui import i18n
from reader.gui.main_window import MainWindow
from reader.importers.samples import seed_if_empty
from reader.store import Library

store, out, lang = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
app = make_application()
i18n.apply_language(lang)
library = Library.open(store)
seed_if_empty(library)
window = MainWindow(library, settings=None, poll_ms=0)
window.resize(1000, 700)
window.show()
clock = QElapsedTimer()
clock.start()
while not (window.windowHandle() and window.windowHandle().isExposed()):
    QCoreApplication.processEvents()
    if clock.elapsed() > 15000:
        sys.exit("window never exposed")
for _ in range(20):
    QCoreApplication.processEvents()
screen = QGuiApplication.primaryScreen()
print(QGuiApplication.platformName(), window.isVisible(), window.current_article_id())
if not screen.grabWindow(0).save(out, "PNG"):
    sys.exit("cannot save the grab")
window.close()
library.close()
"""


@pytest.fixture
def x_display() -> Iterator[str]:
    xvfb = require_program("Xvfb", "xvfb")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            pytest.fail(f"Xvfb did not start: {server.stderr.read().decode(errors='replace')}")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_window_shows_on_a_real_x_server(x_display: str, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "screen.png"
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb",
               RTL_READER_SETTINGS=str(tmp_path / "settings.ini"))
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "store.sqlite3"), str(out), lang],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    if "Could not load the Qt platform plugin" in result.stderr:
        missing = syslibs.missing_libraries(syslibs.qt_folder() or REPO)
        packages = sorted({syslibs.debian_package(lib) for lib in missing})
        pytest.skip("Qt's xcb plugin cannot load: install Debian's "
                    + (" ".join(packages) or "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"))
    assert result.returncode == 0, result.stderr[-3000:]
    platform, visible, article = result.stdout.split()[:3]
    assert (platform, visible) == ("xcb", "True")
    assert article != "None"  # the first sample is open
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1000, 23) for y in range(0, 700, 17)}
    assert len(colours) > 10  # a drawn window, not an empty root
