"""``take_screenshot`` and ``rtl-reader screenshot``: a PNG of the size asked
for, showing the window, in either language; nothing remembered; bad input
refused without a half-written file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reader.errors import ExportError, NotFound
from reader.gui.screenshot import take_screenshot
from reader.store import Article, Library
from tests.conftest import REPO


@pytest.fixture
def store(store_path: Path) -> Path:
    with Library.open(store_path) as library:
        library.add_articles([Article(
            title="الحكومة تعلن خطة لتحلية المياه",
            body="أعلنت الحكومة اليوم خطة بقيمة 2.5 مليار دولار.\n"
                 "وقال الوزير: «سنبدأ العمل خلال ثلاثة أشهر».",
            source="وكالة الأنباء", published="2024-05-02")])
    return store_path


def distinct_colours(image: QImage) -> int:
    w, h = image.width(), image.height()
    return len({image.pixel(x, y) for x in range(0, w, 37) for y in range(0, h, 29)})


def test_screenshot_writes_a_png_of_the_requested_size(store: Path, tmp_path: Path,
                                                       settings_file: Path) -> None:
    out = tmp_path / "shot.png"
    take_screenshot(store, out, find="الحكومة", size=(900, 600))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    assert distinct_colours(image) > 5
    assert not settings_file.exists()  # a screenshot remembers nothing


def test_themes_give_different_pictures(store: Path, tmp_path: Path) -> None:
    light, dark = tmp_path / "light.png", tmp_path / "dark.png"
    take_screenshot(store, light, size=(600, 400), theme="light")
    take_screenshot(store, dark, size=(600, 400), theme="dark")
    assert QImage(str(light)) != QImage(str(dark))


def test_screenshot_refuses_an_unknown_article(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    with pytest.raises(NotFound):
        take_screenshot(store, out, open_id=424242)
    assert not out.exists()


def test_a_size_below_the_windows_smallest_shows_it_all_undistorted(
        store: Path, tmp_path: Path) -> None:
    """The window is no narrower than its panes (about 600 px): a 400 x 300
    picture is the whole window scaled down, bands of its background above
    and below, not squeezed sideways."""
    out = tmp_path / "small.png"
    take_screenshot(store, out, size=(400, 300))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (400, 300)
    band = {image.pixel(x, y) for x in range(0, 400, 7) for y in range(0, 30)}
    assert len(band) == 1  # one colour: the background, the window below it
    middle = {image.pixel(x, 150) for x in range(0, 400, 7)}
    assert len(middle) > 3  # the window itself


@pytest.mark.parametrize("options", [{"size": (10, 10)}, {"theme": "neon"}, {"lang": "fr"}])
def test_bad_options_are_refused(store: Path, tmp_path: Path, options: dict[str, object]) -> None:
    out = tmp_path / "shot.png"
    with pytest.raises(ValueError):
        take_screenshot(store, out, **options)  # type: ignore[arg-type]
    assert not out.exists()


def test_a_folder_as_output_is_an_export_error(store: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        take_screenshot(store, tmp_path, size=(400, 300))
    assert list(tmp_path.glob(".*.tmp")) == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_screenshot_command_in_a_fresh_process(store: Path, tmp_path: Path,
                                                   lang: str) -> None:
    out = tmp_path / f"{lang}.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["RTL_READER_SETTINGS"] = str(tmp_path / "settings.ini")
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--store", str(store), "screenshot", "-o", str(out),
         "--size", "800x500", "--lang", lang, "--find", "الوزير"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # the offscreen plugin's notices are not the user's business
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)
    assert distinct_colours(image) > 5
