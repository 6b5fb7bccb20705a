"""PNG quote cards, read back with Qt's image reader: text chunks, layout, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QImage, QImageReader

from reader.errors import ExportError, OutputExists
from reader.exporters import export_items
from reader.exporters.png import CARD_WIDTH, MARGIN
from reader.store.article import Article, HighlightRecord
from tests.exporters import sample


def _read(path: Path) -> QImage:
    reader = QImageReader(str(path))
    assert reader.format().data() == b"png"
    image = reader.read()
    assert not image.isNull(), reader.errorString()
    return image


def _ink_columns(image: QImage, darker_than: int = 110) -> tuple[int, int]:
    """Leftmost and rightmost column holding dark (text) pixels, the accent bar
    at the right edge excluded (``darker_than`` 140 takes the grey source in)."""
    small = image.convertToFormat(QImage.Format.Format_Grayscale8)
    left, right = image.width(), -1
    for y in range(0, small.height(), 2):
        for x in range(0, small.width() - 30):
            if small.pixelColor(x, y).value() < darker_than:
                left, right = min(left, x), max(right, x)
    return left, right


def _one(hid: int) -> list:
    for article, highlights in sample.items():
        for h in highlights:
            if h.id == hid:
                return [(article, [h])]
    raise KeyError(hid)


def test_one_highlight_is_one_card_carrying_its_text(qapp, tmp_path: Path) -> None:
    out = tmp_path / "card.png"
    [(article, [h])] = _one(3)
    assert export_items([(article, [h])], "png", out) == [out]
    image = _read(out)
    assert image.width() == CARD_WIDTH and image.height() >= CARD_WIDTH // 2
    assert image.text("Title") == article.title
    assert image.text("Description") == h.text
    assert image.text("Author") == h.speaker
    assert image.text("Source") == article.source
    assert image.text("Comment") == f"rtl-reader://article/7?at={h.start}"


def test_arabic_card_is_laid_out_from_the_right(qapp, tmp_path: Path) -> None:
    out = tmp_path / "term.png"
    export_items(_one(5), "png", out)  # a short term: «خطوة أولى»
    image = _read(out)
    left, right = _ink_columns(image)
    assert CARD_WIDTH - MARGIN - 40 <= right <= CARD_WIDTH - MARGIN + 4
    assert left > CARD_WIDTH // 3


def test_an_arabic_card_keeps_a_latin_speaker_and_source_under_its_quote(
        qapp, tmp_path: Path) -> None:
    article = Article(id=9, title="مؤتمر صحفي في العاصمة", source="CNN",
                      body="وقال John Kerry: «سنعمل معاً» في المؤتمر.")
    start = article.body.index("سنعمل")
    h = HighlightRecord(9, "body", "quote", "quotation", start, start + 9, "سنعمل معاً",
                        speaker="John Kerry")
    out = tmp_path / "ar.png"
    export_items([(article, [h])], "png", out)
    left, right = _ink_columns(_read(out), darker_than=140)
    assert right > CARD_WIDTH * 2 // 3
    assert left > CARD_WIDTH // 3  # nothing on the left: — John Kerry and CNN on the right


def test_english_card_is_laid_out_from_the_left(qapp, tmp_path: Path) -> None:
    article = Article(id=9, title="Short English headline", body='He said "Start now" today.')
    start = article.body.index("Start now")
    h = HighlightRecord(9, "body", "quote", "quotation", start, start + 9, "Start now")
    out = tmp_path / "en.png"
    export_items([(article, [h])], "png", out)
    left, right = _ink_columns(_read(out))
    assert MARGIN - 4 <= left <= MARGIN + 40
    assert right < CARD_WIDTH * 2 // 3


def test_several_highlights_make_a_folder_of_numbered_cards(qapp, tmp_path: Path) -> None:
    out = tmp_path / "cards"
    items = sample.items()
    written = export_items(items, "png", out)
    highlights = sample.all_highlights()
    assert written == sorted(written) and len(written) == len(highlights)
    assert sorted(out.iterdir()) == written
    for path, h in zip(written, highlights, strict=True):
        assert path.suffix == ".png" and not path.name.startswith(".")
        assert _read(path).text("Description") == h.text


def test_existing_card_is_not_overwritten(qapp, tmp_path: Path) -> None:
    out = tmp_path / "cards"
    written = export_items(sample.items(), "png", out)
    written[3].write_bytes(b"mine")
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(OutputExists) as err:
        export_items(sample.items(), "png", out)
    assert err.value.subject == str(written[0])
    assert written[3].read_bytes() == b"mine"
    assert sorted(p.name for p in out.iterdir()) == before
    export_items(sample.items(), "png", out, force=True)
    assert _read(written[3]).width() == CARD_WIDTH


def test_cancelled_cards_leave_nothing(qapp, tmp_path: Path) -> None:
    out = tmp_path / "cards"
    done: list[int] = []
    written = export_items(sample.items(), "png", out, progress=lambda d, t: done.append(d),
                           cancelled=lambda: len(done) > 3)
    assert written == []
    assert list(tmp_path.iterdir()) == []


def test_cards_need_a_folder_and_a_highlight(qapp, tmp_path: Path) -> None:
    a_file = tmp_path / "cards.png"
    a_file.write_bytes(b"x")
    with pytest.raises(ExportError):
        export_items(sample.items(), "png", a_file)
    with pytest.raises(ExportError):
        export_items([], "png", tmp_path / "none")
    with pytest.raises(ExportError):
        export_items(sample.items(), "png", tmp_path / "missing" / "cards")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.png"]


class _ExportThread(QThread):
    def __init__(self, fmt: str, out: Path) -> None:
        super().__init__()
        self.fmt, self.out = fmt, out
        self.written: list[Path] = []

    def run(self) -> None:
        self.written = export_items(sample.items()[:1], self.fmt, self.out)


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_qt_formats_render_off_the_gui_thread(qapp, tmp_path: Path, fmt: str) -> None:
    """The GUI exports in a worker QThread (DESIGN decision 7): QtGui painting
    on QImage/QPdfWriter must work there, with no Qt warning."""
    worker = _ExportThread(fmt, tmp_path / "threaded")
    worker.start()
    assert worker.wait(120_000)
    assert worker.written
    assert all(p.stat().st_size > 1000 for p in worker.written)


def test_very_long_highlight_makes_a_bounded_card(qapp, tmp_path: Path) -> None:
    body = "وقال التقرير إن " + "الاقتصاد يتعافى ببطء " * 400
    article = Article(id=4, title="تقرير طويل", body=body)
    h = HighlightRecord(4, "body", "user", "", 16, len(body), body[16:], colour="#81c784")
    out = tmp_path / "long.png"
    export_items([(article, [h])], "png", out)
    image = _read(out)
    assert image.height() < 4 * CARD_WIDTH
    assert image.text("Description") == h.text  # the metadata keeps it whole


def test_a_bare_figure_card_shows_its_sentence_from_the_right(qapp, tmp_path: Path) -> None:
    """A card of "40" alone said nothing and sat on the left (issue 14, item 6):
    it shows the Arabic sentence the figure is in, laid out from the right."""
    body = "وشارك في المهرجان 40 شاعرًا من اثني عشر بلدًا عربيًا، في أمسيات امتدت أسبوعًا."
    article = Article(title="مهرجان الشعر", body=body, id=9)
    start = body.index("40")
    h = HighlightRecord(9, "body", "figure", "digits", start, start + 2, "40", value=40, id=1)
    out = tmp_path / "figure.png"
    export_items([(article, [h])], "png", out)
    image = _read(out)
    left, right = _ink_columns(image)
    assert right > CARD_WIDTH - MARGIN - 60  # text reaches the right margin
    assert right - left > CARD_WIDTH // 2  # a sentence, not two digits
    assert image.text("Description") == "40"


@pytest.fixture
def small_disk():
    """Files of this process may hold at most 4 KB for the test (RLIMIT_FSIZE):
    a write past it fails with EFBIG at the OS, as a full disk fails with ENOSPC."""
    resource = pytest.importorskip("resource")
    import signal

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)


@pytest.mark.parametrize("several", [False, True])
def test_a_card_the_disk_cannot_hold_says_why_and_leaves_nothing(
    qapp, tmp_path: Path, capfd, small_disk, several: bool
) -> None:
    out = tmp_path / ("cards" if several else "card.png")
    items = sample.items() if several else _one(3)
    capfd.readouterr()
    with pytest.raises(ExportError) as err:
        export_items(items, "png", out)
    assert err.value.subject == str(out) and "too large" in err.value.message
    assert list(tmp_path.iterdir()) == []
    # one message, the command's own: not libpng's "Write Error" beside it
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("part", ["title", "note", "speaker"])
def test_a_card_of_a_huge_title_note_or_speaker_is_a_card(qapp, part: str) -> None:
    """A title, note or speaker of 100,000 letters made a card 37,000 pixels
    tall (1.5 MB, 23 s for 14 cards): the card shows its start, as it does
    for a long quote, and is as tall as with 1,000 letters."""
    from dataclasses import replace

    from reader.exporters.png import render_card

    [(article, [h])] = _one(3)

    def card(letters: int) -> QImage:
        text = "ب" * letters
        if part == "title":
            return render_card(replace(article, title=text), h)
        # A card shows a note only when the highlight names no speaker.
        return render_card(article, replace(h, speaker="", note=text) if part == "note"
                           else replace(h, speaker=text))

    assert card(100_000).height() == card(1_000).height()


def test_a_note_of_two_lines_is_two_lines_on_the_card(qapp) -> None:
    """A tester's day: a two-line note was joined and rewrapped on a card."""
    from dataclasses import replace

    from reader.exporters.png import _card_html

    [(article, [h])] = _one(3)
    html = _card_html(article, replace(h, speaker="", note="السطر الأول\n\nسطر ثان"))
    assert "السطر الأول<br/>سطر ثان" in html
