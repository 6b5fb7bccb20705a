"""Benchmark: opening articles in the reading view.

Three tables; asserts nothing. Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_view.py``
(``--table normal``, ``--table pathological`` or ``--table find`` for one of them).

* normal: a 1 MB article with every highlight painted. Goal: open (document
  built, highlights set, first screen painted) <= 300 ms.
* pathological: shapes of text that froze the view (issue 13 item 2): runs
  without spaces, a 1 MB paragraph, 50,000 tiny paragraphs, thousands of
  marks on one letter, mixed-direction runs. Each measure runs in its own
  process with a deadline (``--timeout``, 60 s by default), so a case that
  never finishes prints "> 60 s" instead of hanging the bench. Goal: any
  article shows something within a second or two.
* find: find as you type in the main window (issue 16 item 1), on a 1 MB
  article of real news from the pool (``bench/pool.py``; generated text, with
  a message, where the pool is absent): open + paint (the text folded for
  find included, as opening does it); the longest turn of the event loop
  in the second after (Qt's layout of the rest, in slices, and the
  highlights list in batches); from a keystroke (the
  query set in the find field, which fires the slot typing fires) to every
  hit near the view marked, the count shown and both painted, for a rare word
  and for في, the first search after opening and later ones (typed the
  moment the article is painted, two ways: the events due run and then a
  forced repaint, which also counts the turns after the paint, such as the
  next slice of the layout; and to the end of the first of the window's own
  frames, paint and flush, that shows the view with the count final; and, so
  that work put off to a later turn cannot hide there, the longest turn of
  the event loop in the 100 ms after the keystroke, its own turn included);
  typing a query
  letter by letter (the longest the typing is held: a keystroke's search and
  paint, or, for a first letter over a long text, which waits for a pause
  and then runs in steps, the longest turn of the event loop while it runs,
  and the paint); Next to a hit out of view; and in
  the same run the naive peer, ``QTextDocument.find`` over the shown
  document marking each hit as an ExtraSelection. Goals: open <= 300 ms; a
  rare word <= 16 ms, في <= 50 ms.

"1 MB" is 1 MB of UTF-8, about 550k Arabic characters (DESIGN decision 10).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from machine import describe
from PySide6.QtWidgets import QApplication

from reader.store.article import Article, HighlightRecord

WORDS = ("أعلنت الحكومة اليوم في بيان رسمي أن الوزارة ستبدأ تنفيذ الخطة الجديدة للنقل العام "
         "خلال الشهر المقبل وقال المتحدث باسم الوزارة إن المفاوضات مع الشركات مستمرة "
         "وأضاف أن الميزانية تبلغ مليون دولار وأن نسبة النمو ارتفعت هذا العام").split()
GOAL_MS = 300.0


def make_body(target_bytes: int = 1_000_000, seed: int = 7) -> str:
    """Our own news-style Arabic: sentences with «quotations» and figures."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = rng.choices(WORDS, k=rng.randint(8, 18))
            if rng.random() < 0.4:
                k = rng.randint(1, len(words) - 3)
                words[k] = "«" + words[k]
                words[k + 2] += "»"
            if rng.random() < 0.6:
                figure = f"{rng.randint(2, 900)}.{rng.randint(1, 9)}"
                words.insert(rng.randint(0, len(words)), figure)
            sentences.append(" ".join(words) + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(paragraphs)


def highlights_for(article: Article) -> list[HighlightRecord]:
    """The engine's highlights; a plain pattern stands in while the engine is a stub."""
    try:
        from reader.text import find_highlights

        found = find_highlights(article.body) or []
        records = [HighlightRecord.from_highlight(1, h, engine=1, created="") for h in found]
    except NotImplementedError:
        records = []
    if not records:
        for m in re.finditer(r"«([^»]*)»", article.body):
            records.append(HighlightRecord(1, "body", "quote", "quotation", m.start(1), m.end(1),
                                           m.group(1)))
        for m in re.finditer(r"\d+\.\d+", article.body):
            records.append(HighlightRecord(1, "body", "figure", "digits", m.start(), m.end(),
                                           m.group(), value=float(m.group())))
    return records


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``action`` in ms; pending deletions run between tries."""
    best = float("inf")
    for _ in range(repeat):
        QApplication.processEvents()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def normal_table() -> None:
    """The 1 MB article: open, find, scroll, display options, memory."""
    app = QApplication.instance() or QApplication(sys.argv)
    from reader.gui.reading_view import ReadingView

    body = make_body()
    article = Article(title="الحكومة تعلن خطة جديدة للنقل العام", body=body, id=1)
    records = highlights_for(article)
    view = ReadingView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    rss_before = rss_mb()

    def open_and_paint() -> None:
        view.set_article(article, records)
        view.viewport().grab()

    open_ms = timed(open_and_paint)
    rss_after = rss_mb()
    from array import array

    from reader.text import ArticleHits, FieldHits, Hits

    spans = [(m.start(), m.end()) for m in re.finditer("في", body)]
    marked = ArticleHits([FieldHits("body", Hits(body, array("q", [a for a, _ in spans]),
                                                 array("q", [b for _, b in spans])))])
    find_ms = timed(lambda: (view.set_find_hits(marked, 0), view.viewport().grab()))

    def engine_find() -> None:
        import reader.text

        hits = reader.text.find(body, "اعلنت")
        view.set_find_hits(ArticleHits([FieldHits("body", hits)]), 0)
        view.viewport().grab()

    try:
        engine_ms = f"{timed(engine_find):.0f} ms"
    except NotImplementedError:
        engine_ms = "(find engine not built)"
    view.set_find_hits(ArticleHits(), -1)
    middle = len(body) // 2
    scroll_ms = timed(lambda: (view.scroll_to("body", middle), view.viewport().grab()))
    hide_ms = timed(lambda: (view.set_show_diacritics(False), view.viewport().grab(),
                             view.set_show_diacritics(True)), repeat=1)
    copy_ms = timed(lambda: (view.selectAll(), view.copy()), repeat=1)
    zoom_ms = timed(lambda: (view.zoom_in(), view.viewport().grab(), view.set_zoom(1.0)), repeat=1)
    justify_ms = timed(lambda: (view.set_justified(True), view.viewport().grab(),
                                view.set_justified(False)), repeat=1)

    rows = [
        ("article size (UTF-8 bytes)", f"{len(body.encode('utf-8')):,}"),
        ("characters / paragraphs", f"{len(body):,} / {body.count(chr(10)) + 1:,}"),
        ("highlights (those near the view painted)", f"{len(records):,}"),
        (f"open + first paint (goal <= {GOAL_MS:.0f} ms)", f"{open_ms:.0f} ms"
         + ("" if open_ms <= GOAL_MS else "  OVER GOAL")),
        (f"mark {len(spans):,} find hits + paint", f"{find_ms:.0f} ms"),
        ("find اعلنت (folding hamza) + mark + paint", engine_ms),
        ("scroll to the middle + paint", f"{scroll_ms:.0f} ms"),
        ("hide + show diacritics", f"{hide_ms:.0f} ms"),
        ("select all + copy", f"{copy_ms:.0f} ms"),
        ("zoom in + paint + zoom back", f"{zoom_ms:.0f} ms"),
        ("justify + paint + back", f"{justify_ms:.0f} ms"),
        ("resident memory before open", f"{rss_before:.0f} MB"),
        ("resident memory after open", f"{rss_after:.0f} MB"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 16}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    view.close()
    view.deleteLater()
    app.processEvents()


# -- pathological articles ----------------------------------------------------------

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
FATHA, SHADDA, DAMMA = "\u064e", "\u0651", "\u064f"
EMOJI = "\U0001f600"
ARABIC_MB = 500_000
"""Letters in 1 MB of Arabic without spaces (two UTF-8 bytes each)."""


def _letters(alphabet: str, count: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    return "".join(rng.choices(alphabet, k=count))


def _mixed_bidi_run(count: int) -> str:
    """Arabic, Latin and digits alternating with no space: a new bidi run every few letters."""
    rng = random.Random(5)
    pieces: list[str] = []
    size = 0
    while size < count:
        piece = rng.choice((_letters(ARABIC_LETTERS, rng.randint(2, 8), rng.random()),
                            _letters(LATIN_LETTERS, rng.randint(2, 8), rng.random()),
                            str(rng.randint(1, 99999))))
        pieces.append(piece)
        size += len(piece)
    return "".join(pieces)[:count]


def _mixed_bidi_words(target_bytes: int) -> str:
    """One paragraph of Arabic words and Latin words in turn, with spaces."""
    arabic = make_body(target_bytes).split()
    latin = [_letters(LATIN_LETTERS, 6, k) for k in range(50)]
    words: list[str] = []
    size = 0
    for k, word in enumerate(arabic):
        pair = f"{word} {latin[k % len(latin)]}"
        words.append(pair)
        size += len(pair.encode("utf-8")) + 1
        if size >= target_bytes:
            break
    return " ".join(words)


CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "normal": ("normal 1 MB article (1,900 paragraphs)", make_body),
    "ar100k": ("Arabic, no space, 100k letters", lambda: _letters(ARABIC_LETTERS, 100_000)),
    "ar300k": ("Arabic, no space, 300k letters", lambda: _letters(ARABIC_LETTERS, 300_000)),
    "ar1mb": ("Arabic, no space, 1 MB", lambda: _letters(ARABIC_LETTERS, ARABIC_MB)),
    "latin1mb": ("Latin, no space, 1 MB", lambda: _letters(LATIN_LETTERS, 1_000_000)),
    "emoji": ("emoji, no space, 100k", lambda: EMOJI * 100_000),
    "bidi_run": ("Arabic/Latin/digits, no space, 300k", lambda: _mixed_bidi_run(300_000)),
    "paragraph1mb": ("one 1 MB paragraph with spaces", lambda: make_body().replace("\n", " ")),
    "bidi_words": ("one 1 MB paragraph, Arabic and Latin words",
                   lambda: _mixed_bidi_words(1_000_000)),
    "tiny_paragraphs": ("50,000 one-word paragraphs",
                        lambda: "\n".join(WORDS[k % len(WORDS)] for k in range(50_000))),
    "marks5k": ("5,000 marks on one letter",
                lambda: "قال الوزير ب" + FATHA * 5_000 + " انتهى"),
    "marks100k": ("100,000 marks on one letter", lambda: "ب" + (FATHA + SHADDA) * 50_000),
    "marks_each": ("3,000 letters with 100 marks each, no space",
                   lambda: "".join(letter + (DAMMA + SHADDA) * 50
                                   for letter in _letters(ARABIC_LETTERS, 3_000))),
}
"""Pathological bodies by name: (what the table calls it, the body)."""

MEASURES: dict[str, str] = {
    "open": "open + paint",
    "launch": "launch",
    "zoom": "zoom + paint",
}
"""What each child process times:

* open: ``set_article`` with the article's highlights in a shown 1000x800 view,
  then the first paint;
* launch: what the window does at start, where one bad article blocked every
  launch: the article is set while the view is still hidden at its default
  size, the theme is applied, then the view is sized 1000x800, shown and painted;
* zoom: one zoom step and a paint, on the open article (every display option
  re-formats the document and Qt lays it out again).
"""


def child(case: str, measure: str) -> dict[str, float]:
    """Run one measure of one case in this process; times in ms."""
    app = QApplication.instance() or QApplication(sys.argv)
    from reader.gui.reading_view import ReadingView
    from reader.gui.themes import THEMES

    _, make = CASES[case]
    article = Article(title="مقال غير عادي", body=make(), id=1)
    records = highlights_for(article)
    view = ReadingView()
    if measure == "launch":
        start = time.perf_counter()
        view.set_article(article, records)
        # As the window applies its saved preferences (theme, spacing) at start.
        view.set_theme(THEMES["dark"])
        view.set_line_spacing(125)
        view.resize(1000, 800)
        view.show()
        app.processEvents()
        view.viewport().grab()
        elapsed = time.perf_counter() - start
    else:
        view.resize(1000, 800)
        view.show()
        app.processEvents()
        start = time.perf_counter()
        view.set_article(article, records)
        view.viewport().grab()
        elapsed = time.perf_counter() - start
        if measure == "zoom":
            start = time.perf_counter()
            view.zoom_in()
            view.viewport().grab()
            elapsed = time.perf_counter() - start
    return {"ms": elapsed * 1000, "chars": len(article.body),
            "bytes": len(article.body.encode("utf-8"))}


def run_child(case: str, measure: str, timeout: float) -> str:
    """One measure in a fresh process: the time, "> N s" past the deadline, or the error."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    try:
        done = subprocess.run([sys.executable, __file__, "--child", case, measure],
                              env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s"
    if done.returncode != 0:
        return f"failed ({done.returncode})"
    ms = json.loads(done.stdout.strip().splitlines()[-1])["ms"]
    return f"{ms:,.0f} ms" if ms < 10_000 else f"{ms / 1000:,.1f} s"


def pathological_table(names: list[str], timeout: float) -> None:
    """Each case's measures, each in its own process under ``timeout``."""
    width = max(len(CASES[name][0]) for name in names)
    header = "".join(f"  {label:>13}" for label in MEASURES.values())
    print(f"{'article':<{width}}{header}")
    print("-" * width + ("  " + "-" * 13) * len(MEASURES))
    for name in names:
        cells = "".join(f"  {run_child(name, measure, timeout):>13}" for measure in MEASURES)
        print(f"{CASES[name][0]:<{width}}{cells}", flush=True)


# -- find as you type, in the window ------------------------------------------------

FIND_RUNS = 5
RARE_GOAL_MS, FREQUENT_GOAL_MS = 16.0, 50.0
FREQUENT = "في"
RARE_CANDIDATES = ("السعودية", "مصر", "داعش", "الشرطة", "الرئيس", "الحكومة", "الخطة")
"""A rare word is the candidate whose count in the article is nearest 176
(the rare word of the issue's measurements)."""


def pool_article(target_bytes: int = 1_000_000) -> tuple[Article, str]:
    """A 1 MB article of real news: pool bodies joined to ``target_bytes`` of
    UTF-8 under the first one's headline; generated news where the pool is absent.
    Also says where the text comes from."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pool import POOL, articles

    if not POOL.exists():
        print(f"bench: {POOL} is absent: generated text instead of real news", file=sys.stderr)
        return (Article(title="الحكومة تعلن خطة جديدة للنقل العام", body=make_body(target_bytes)),
                "generated (pool absent)")
    title, parts, size = "", [], 0
    for headline, body in articles(20_000):
        title = title or headline
        parts.append(body)
        size += len(body.encode("utf-8")) + 1
        if size >= target_bytes:
            break
    return Article(title=title, body="\n".join(parts)), "pool (real news)"


def _wait(app: QApplication, done: Callable[[], bool], limit_s: float = 5.0) -> None:
    """Run the event loop until ``done()`` (a debounced search fires from a timer)."""
    deadline = time.perf_counter() + limit_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the find bar never showed its count")
        app.processEvents()
        time.sleep(0.0005)


def _stats(times: list[float]) -> str:
    """Best and median of times in seconds, as ms."""
    ordered = sorted(times)
    return f"{ordered[0] * 1000:6.1f} / {ordered[len(ordered) // 2] * 1000:6.1f}"


def find_table() -> None:
    """Find as you type in the main window (module docstring)."""
    import statistics
    import tempfile

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QTextCharFormat
    from PySide6.QtWidgets import QTextEdit

    import reader.text
    from reader.gui.main_window import MainWindow
    from reader.store import Library

    app = QApplication.instance() or QApplication(sys.argv)
    article, source = pool_article()
    body = article.body
    counts = {w: len(reader.text.find(body, w)) for w in RARE_CANDIDATES}
    rare = min((w for w in counts if counts[w]), key=lambda w: abs(counts[w] - 176))
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "bench.sqlite3")
        article_id = library.add_article(article).id
        window = MainWindow(library, settings=None, poll_ms=0)
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        pane = window.pane
        view, bar = pane.view, pane.find_bar
        highlights = len(library.highlights(article_id))

        def painted() -> None:
            """What the reader would see: the events due run, then the view
            and the count painted now."""
            app.processEvents()
            view.viewport().repaint()
            bar.counter.repaint()

        class FrameClock(QObject):
            """When each of the window's frames ends: the window's
            UpdateRequest (every widget due painted, then the flush) is
            handled here, and the time after it kept for a frame in which
            the view was painted after ``ready()`` held (the count final)."""

            def __init__(self) -> None:
                super().__init__()
                self.ready: Callable[[], bool] = lambda: False
                self.frames: list[float] = []
                self._view_painted = False

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                kind = event.type()
                if kind == QEvent.Type.Paint and watched is view.viewport():
                    self._view_painted = True
                elif kind == QEvent.Type.UpdateRequest and watched is window:
                    ready, self._view_painted = self.ready(), False
                    window.event(event)
                    if ready and self._view_painted:
                        self.frames.append(time.perf_counter())
                    return True
                return False

        clock = FrameClock()
        window.installEventFilter(clock)
        view.viewport().installEventFilter(clock)

        def keystroke(query: str, frame: list[float] | None = None) -> float:
            """From the query set in the field to its count shown and painted
            (the events due run, then a repaint); ``frame`` also gets the time
            to the end of the first frame that showed them."""
            expected = len(reader.text.ArticleHits(
                reader.text.FieldHits(n, reader.text.find(article.field_text(n), query))
                for n in reader.text.TEXT_FIELDS))

            def shown() -> bool:
                return bar.query() == query and bar.counter.text().endswith(f"/ {expected}")

            clock.ready, clock.frames = shown, []
            start = time.perf_counter()
            bar.edit.setText(query)  # textChanged: the slot every keystroke fires
            _wait(app, shown)
            painted()
            end = time.perf_counter() - start
            clock.ready = lambda: False
            if frame is not None:
                # No frame of the window's own before painted()'s repaint:
                # that repaint showed them first.
                frame.append(clock.frames[0] - start if clock.frames else end)
            return end

        def naive(query: str) -> float:
            """QTextDocument.find over the shown document, each hit an ExtraSelection."""
            start = time.perf_counter()
            doc = view.document()
            fmt = QTextCharFormat()
            fmt.setBackground(view.theme().colour("find_hit"))
            selections = []
            cursor = doc.find(query, 0)
            while not cursor.isNull():
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
                cursor = doc.find(query, cursor)
            view.setExtraSelections(selections)
            bar.counter.setText(f"1 / {len(selections)}")
            painted()
            return time.perf_counter() - start

        def naive_find_only(query: str) -> float:
            start = time.perf_counter()
            doc, n = view.document(), 0
            cursor = doc.find(query, 0)
            while not cursor.isNull():
                n += 1
                cursor = doc.find(query, cursor)
            return time.perf_counter() - start

        def engine_only(query: str) -> float:
            start = time.perf_counter()
            reader.text.find(body, query)
            return time.perf_counter() - start

        opens: list[float] = []
        warms: list[float] = []
        layout_turns: list[float] = []
        at_once: dict[str, list[float]] = {rare: [], FREQUENT: []}
        at_once_frame: dict[str, list[float]] = {rare: [], FREQUENT: []}
        fresh_ids: dict[tuple[int, str, int], int] = {}

        def open_fresh(run: int, query: str, variant: int) -> None:
            """Open and paint a copy of the article never shown or searched
            (the fold cache knows texts by value), timed."""
            bar.close_bar()
            bar.edit.clear()
            key = (run, query, variant)
            if key not in fresh_ids:
                pad = " " * (1 + len(fresh_ids))
                fresh_ids[key] = library.add_article(
                    Article(title=article.title, body=body + pad)).id
            start = time.perf_counter()
            pane.open_article(fresh_ids[key])
            # The last article's document goes (deleteLater): a running event
            # loop deletes it in the turn that paints the new one,
            # processEvents alone never does, and until then Qt goes on
            # laying it out on its own timer.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            view.viewport().repaint()
            opens.append(time.perf_counter() - start)

        def longest_turn_after(query: str, within_s: float = 0.1) -> float:
            """The longest turn of the event loop from the query set in the
            field (the keystroke's own turn, with its search) to ``within_s``
            later: the paint, and the slices and batches after it."""
            start = time.perf_counter()
            bar.edit.setText(query)
            longest = time.perf_counter() - start
            while time.perf_counter() - start < within_s:
                step = time.perf_counter()
                app.processEvents()
                longest = max(longest, time.perf_counter() - step)
            return longest

        at_once_turn: dict[str, list[float]] = {rare: [], FREQUENT: []}
        first: dict[str, list[float]] = {rare: [], FREQUENT: []}
        later: dict[str, list[float]] = {rare: [], FREQUENT: []}
        peer: dict[str, list[float]] = {rare: [], FREQUENT: []}
        engine: dict[str, list[float]] = {rare: [], FREQUENT: []}
        qt_find: dict[str, list[float]] = {rare: [], FREQUENT: []}
        typing: dict[str, list[float]] = {rare: [], FREQUENT: []}
        nexts, scroll_ends = [], []
        for run in range(FIND_RUNS):
            for query in (rare, FREQUENT):
                # The query typed the moment the article is painted: the
                # fold, and Qt still laying the document out, in its search.
                open_fresh(run, query, 0)
                pane.show_find_bar()
                at_once[query].append(keystroke(query, at_once_frame[query]))
                open_fresh(run, query, 2)
                pane.show_find_bar()
                at_once_turn[query].append(longest_turn_after(query))
                # The reader's usual pace: the layout done, the bar opened,
                # then the query.
                open_fresh(run, query, 1)
                start, turn = time.perf_counter(), 0.0
                while time.perf_counter() - start < 1.0:  # Qt's lazy layout steps
                    step = time.perf_counter()
                    app.processEvents()
                    turn = max(turn, time.perf_counter() - step)
                    time.sleep(0.002)
                layout_turns.append(turn)
                pane.show_find_bar()
                start = time.perf_counter()
                app.processEvents()  # the fold the open bar asks for when idle
                warms.append(time.perf_counter() - start)
                first[query].append(keystroke(query))
                for _ in range(2):
                    bar.edit.clear()
                    painted()
                    later[query].append(keystroke(query))
                # In turns with ours, so that a busy moment weighs on both.
                peer[query].append(naive(query))
                bar.search_now()
                painted()
                engine[query].append(engine_only(query))
                qt_find[query].append(naive_find_only(query))
                # Typed letter by letter: how long each keystroke keeps the
                # window from taking the next one (its search and paint, or,
                # debounced, the search and paint when the pause ends).
                bar.edit.clear()
                painted()
                slowest = 0.0
                for k in range(1, len(query) + 1):
                    start = time.perf_counter()
                    bar.edit.setText(query[:k])
                    painted()
                    slowest = max(slowest, time.perf_counter() - start)
                    if bar.is_search_pending():
                        # What the pause in the typing fires, then each turn
                        # of the event loop until the count shows: a key
                        # pressed meanwhile waits for one turn at most.
                        start = time.perf_counter()
                        bar.search_in_steps()
                        slowest = max(slowest, time.perf_counter() - start)
                        while bar.is_search_pending():
                            start = time.perf_counter()
                            app.processEvents()
                            slowest = max(slowest, time.perf_counter() - start)
                        start = time.perf_counter()
                        painted()
                        slowest = max(slowest, time.perf_counter() - start)
                typing[query].append(slowest)
                if query == FREQUENT:
                    start = time.perf_counter()
                    bar.find_previous()  # from the top: wraps to the last hit, at the end
                    painted()
                    nexts.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    view.scroll_to("body", 0)
                    painted()
                    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
                    painted()
                    scroll_ends.append(time.perf_counter() - start)
        window.close()
        library.close()

    def goal(times: list[float], limit: float) -> str:
        return "met" if statistics.median(times) * 1000 <= limit else "NOT met"

    rows = [
        ("article", f"{source}: {len(body.encode('utf-8')):,} bytes, {len(body):,} characters, "
                    f"{highlights:,} highlights"),
        (f"hits: rare word {rare} / {FREQUENT}",
         f"{counts[rare]:,} / {len(reader.text.find(body, FREQUENT)):,}"),
        ("open + paint (goal <= 300 ms)", f"{_stats(opens)}  {goal(opens, GOAL_MS)}"),
        ("after opening: layout of the rest, longest event-loop turn", _stats(layout_turns)),
        ("fold when the bar opens (done at open, before the first keystroke)", _stats(warms)),
    ]
    for query, limit in ((rare, RARE_GOAL_MS), (FREQUENT, FREQUENT_GOAL_MS)):
        ratio = statistics.median(peer[query]) / statistics.median(later[query])
        eratio = statistics.median(qt_find[query]) / statistics.median(engine[query])
        rows += [
            (f"{query}: typed the moment the article is painted",
             f"{_stats(at_once[query])}  {goal(at_once[query], limit)}"),
            (f"{query}: typed the moment, to the end of the first frame showing them",
             f"{_stats(at_once_frame[query])}  {goal(at_once_frame[query], limit)}"),
            (f"{query}: typed the moment, longest event-loop turn in the 100 ms after",
             _stats(at_once_turn[query])),
            (f"{query}: first search after opening (goal <= {limit:.0f} ms)",
             f"{_stats(first[query])}  {goal(first[query], limit)}"),
            (f"{query}: later search (goal <= {limit:.0f} ms)",
             f"{_stats(later[query])}  {goal(later[query], limit)}"),
            (f"{query}: typed letter by letter, longest block of the typing",
             _stats(typing[query])),
            (f"{query}: naive peer, QTextDocument.find + mark all + paint",
             f"{_stats(peer[query])}  peer / ours {ratio:.1f}x"),
            (f"{query}: engine find-all alone", _stats(engine[query])),
            (f"{query}: QTextDocument.find alone (shown document)",
             f"{_stats(qt_find[query])}  peer / engine {eratio:.0f}x"),
        ]
    rows += [
        (f"Previous from the top to the last {FREQUENT} (scroll + mark + paint)", _stats(nexts)),
        (f"top, then scroll to the end with {FREQUENT} marked + paint", _stats(scroll_ends)),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'find in the window, ms best / median of ' + str(FIND_RUNS):<{width}}  value")
    print(f"{'-' * width}  {'-' * 24}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--table", choices=("normal", "pathological", "find", "both", "all"),
                        default="all", help="both: normal and pathological")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds one pathological measure may take")
    parser.add_argument("--cases", help="comma-separated pathological case names")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "MEASURE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    print(describe())
    if args.table in ("normal", "both", "all"):
        normal_table()
        print()
    if args.table in ("find", "all"):
        find_table()
        print()
    if args.table in ("pathological", "both", "all"):
        names = args.cases.split(",") if args.cases else list(CASES)
        pathological_table(names, args.timeout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
