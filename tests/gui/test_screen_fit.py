"""The window and its dialogs on the screen a tester had: 1366x768 at a scale
of 1, 1.5 and 2 (683x384 to Qt). The screen and the scale belong to a
process, so each run is a process of its own, offscreen with that screen
(the offscreen platform's ``configfile``): the file dialog within its screen
(reader.gui.screen_fit), and the reader's panel width across runs at
different scales."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO, child_env

SHOWN = textwrap.dedent("""
    import json
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QWidget
    from reader.gui import file_dialogs, i18n
    from reader.gui.app import make_application

    app = make_application()
    i18n.apply_language("ar")
    window = QWidget()
    window.showMaximized()
    seen = {}

    def look():
        dialog = app.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            QTimer.singleShot(20, look)
            return
        app.processEvents()
        area, frame = dialog.screen().availableGeometry(), dialog.frameGeometry()
        seen.update(area=area.getRect(), frame=frame.getRect())
        dialog.reject()

    QTimer.singleShot(0, look)
    DIALOG
    print(json.dumps(seen))
""")


def on_laptop(tmp_path: Path, scale: str) -> dict[str, str]:
    """The environment of a child process offscreen on a 1366x768 screen at ``scale``."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = child_env()
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    return env


def shown_on(tmp_path: Path, scale: str, dialog: str) -> tuple[list[int], list[int]]:
    """The available geometry of a 1366x768 screen at ``scale`` and the frame
    of ``dialog`` (a line of code that runs one, modal) shown on it."""
    done = subprocess.run([sys.executable, "-c", SHOWN.replace("DIALOG", dialog)], cwd=REPO,
                          env=on_laptop(tmp_path, scale), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    return seen["area"], seen["frame"]


def inside(frame: list[int], area: list[int]) -> bool:
    x, y, width, height = frame
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + width <= ax + aw and y + height <= ay + ah


@pytest.mark.parametrize("scale", ["2", "1.5"])
def test_the_import_files_dialog_fits_a_small_screen(tmp_path: Path, scale: str) -> None:
    """At 2x the dialog opened 683x412 on a 683x384 screen: its file type
    row and Cancel were below the screen's edge."""
    area, frame = shown_on(tmp_path, scale, 'file_dialogs.open_files(window, "استيراد ملفات", '
                                            '"مقالات (*.txt *.html);;كل الملفات (*)")')
    assert inside(frame, area), (frame, area)


RUN = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from reader.gui.app import make_application, run
    from reader.gui.main_window import MainWindow

    app = make_application()
    seen = {}

    def step():
        shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, step)
            return
        window = shown[0]
        app.processEvents()
        splitter = window.pane.splitter
        if sys.argv[2] == "drag":  # the reader drags the panel to 305 px
            splitter.moveSplitter(splitter.width() - splitter.handleWidth() - 305, 1)
            app.processEvents()
        seen.update(panel=splitter.sizes()[1], screen=window.screen().size().width())
        window.close()

    QTimer.singleShot(0, step)
    status = run(Path(sys.argv[1]), lang="en")
    print(json.dumps(dict(seen, status=status)))
""")


def test_the_readers_panel_width_outlives_a_run_at_another_scale(tmp_path: Path) -> None:
    """From a 1366x768 screen: the reader dragged the highlights panel to
    305 px; one run at 1.5x (or 2x) squeezed or folded it, and back at 1x the
    panel was narrower than the reader had left it. Each run is the app's
    own launch, a process at its scale, with the settings kept between."""
    env = {"RTL_READER_SETTINGS": str(tmp_path / "settings.ini")}
    store = tmp_path / "store.sqlite"

    def one_run(scale: str, action: str) -> dict[str, int]:
        done = subprocess.run([sys.executable, "-c", RUN, str(store), action], cwd=REPO,
                              env={**on_laptop(tmp_path, scale), **env}, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        seen: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
        assert seen["status"] == 0
        return seen

    assert one_run("1", "drag")["panel"] == 305
    for scale, width in (("1.5", 911), ("2", 683)):
        scaled = one_run(scale, "look")
        assert scaled["screen"] == width  # the run had its scale
        assert scaled["panel"] < 305  # no room for it there
        assert one_run("1", "look")["panel"] == 305
