"""The file dialog within its screen (reader.gui.screen_fit), on the screen a
tester had: 1366x768 at a scale of 2 (683x384 to Qt). The screen and the
scale belong to a process, so each case runs in its own, offscreen with
that screen (the offscreen platform's ``configfile``)."""

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


def shown_on(tmp_path: Path, scale: str, dialog: str) -> tuple[list[int], list[int]]:
    """The available geometry of a 1366x768 screen at ``scale`` and the frame
    of ``dialog`` (a line of code that runs one, modal) shown on it."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = child_env()
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    done = subprocess.run([sys.executable, "-c", SHOWN.replace("DIALOG", dialog)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=120)
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
