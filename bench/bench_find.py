"""In-article find on 1 MB of Arabic: our fold + find against QTextDocument.find.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_find.py``
(``--no-view`` skips the shown QTextBrowser, whose layout of 1 MB takes a while).

The text is the shared corpus (``../shared/corpus/articles/*.txt``) repeated
to 1 MB of UTF-8 when present, otherwise generated from our own word list.
Prints one table; asserts nothing (DESIGN: timings live in bench/, not tests).

Rows, ours: the fold alone (uncached), the first find on a text never seen
(fold included), then find-all for a frequent word (في) and a rare one with
the fold cached, as the user meets it while typing; the fold of a fully
vocalized copy of the text (a mark after every letter: the map's worst case). Qt: QTextDocument.find
over the same text for the same words, in a plain document and (unless
``--no-view``) in a shown QTextBrowser. The ratio is Qt's time over ours.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.text import find, fold

CORPUS = Path(os.environ.get(
    "RTL_READER_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
))
TARGET_BYTES = 1_000_000

_WORDS = (
    "قال أعلنت الوزارة الحكومة المدينة الرئيس في من إلى على عن مع بعد قبل أن إن "
    "التي الذي هذا هذه وقال وأضاف مشيراً مؤكداً اليوم أمس العام الماضي الأسبوع "
    "مسؤول رئيس الوزراء البرلمان الانتخابات الاقتصاد الأسعار النفط مليون مليار "
    "دولار ٪ ٢٠١٨ 2019 ١٥ المستشفى الصحة التعليم المدارس الطلاب الشرطة الأمن "
    "المنطقة الحدود الجيش القوات المعارضة الاتفاق المفاوضات الأمم المتحدة "
    "«الوضع تحت السيطرة» بحسب مصادر ونقلت وكالة الأنباء داعش"
).split()


def build_text() -> tuple[str, str]:
    """About 1 MB of Arabic and where it came from."""
    files = sorted((CORPUS / "articles").glob("*.txt")) if (CORPUS / "articles").is_dir() else []
    if files:
        one = "\n".join(p.read_text(encoding="utf-8").lstrip("\ufeff") for p in files)
        source = f"corpus ({len(files)} articles) repeated"
    else:
        rng = random.Random(3)
        lines = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 40))) + "."
                 for _ in range(400)]
        one = "\n".join(lines)
        source = "generated from the bench word list"
    parts, size = [], 0
    while size < TARGET_BYTES:
        parts.append(one)
        size += len(one.encode("utf-8")) + 1
    return "\n".join(parts), source


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median wall time in ms over ``runs`` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def vocalize(text: str) -> str:
    """The text with a vowel after every Arabic letter and a shadda (typed
    before its vowel, as keyboards do) on one in eight: the worst case for
    the fold's map, as in fully vocalized poetry or scripture."""
    rng = random.Random(5)
    vowels = ["\u064e", "\u064f", "\u0650", "\u0652", "\u064b"]
    out = []
    for ch in text:
        out.append(ch)
        if "\u0621" <= ch <= "\u064a":
            if rng.random() < 0.125:
                out.append("\u0651")
            out.append(rng.choice(vowels))
    return "".join(out)


def rare_word(text: str) -> str:
    """A whole word with few hits (between 10 and 150 when there is one)."""
    folded = fold(text).text
    for word in ("داعش", "المفاوضات", "البرلمان", "الشرطة"):
        if 10 <= folded.count(fold(word).text) <= 150:
            return word
    return "المفاوضات"


def qt_find_all(doc: object, word: str) -> int:
    from PySide6.QtGui import QTextCursor

    count = 0
    cursor = QTextCursor(doc)  # type: ignore[call-overload]
    while True:
        cursor = doc.find(word, cursor)  # type: ignore[attr-defined]
        if cursor.isNull():
            return count
        count += 1


def widget_find_all(browser: object, word: str) -> int:
    """What a Qt-only find bar does: QTextEdit.find selects each hit and
    scrolls to it."""
    from PySide6.QtGui import QTextCursor

    browser.moveCursor(QTextCursor.MoveOperation.Start)  # type: ignore[attr-defined]
    count = 0
    while browser.find(word):  # type: ignore[attr-defined]
        count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-view", action="store_true", help="skip the shown QTextBrowser")
    args = parser.parse_args()

    text, source = build_text()
    frequent, rare = "في", rare_word(text)
    rows: list[tuple[str, str, str, str]] = []

    fresh = iter(range(10**6))

    def new_text() -> str:
        # an equal string would hit the fold cache: vary the last character
        return text + chr(0x41 + next(fresh) % 26)

    ms, _ = timed(lambda: fold(new_text()), args.runs)
    rows.append(("fold, uncached", "", f"{ms:8.2f}", ""))
    ms, hits = timed(lambda: find(new_text(), frequent), args.runs)
    rows.append((f"first find {frequent} (fold included)", str(len(hits)), f"{ms:8.2f}", ""))

    fold(text)
    ours: dict[str, tuple[float, int]] = {}
    for word in (frequent, rare):
        ms, hits = timed(lambda w=word: find(text, w), args.runs)
        ours[word] = (ms, len(hits))
        rows.append((f"find-all {word} (fold cached)", str(len(hits)), f"{ms:8.2f}", ""))
    ms, hits = timed(lambda: find(text, rare, whole_word=True), args.runs)
    rows.append((f"find-all {rare}, whole word", str(len(hits)), f"{ms:8.2f}", ""))
    ms, hits = timed(lambda: find(text, frequent, match_diacritics=True), args.runs)
    rows.append((f"find-all {frequent}, match diacritics", str(len(hits)), f"{ms:8.2f}", ""))

    vocalized = vocalize(text)
    fresh_vocalized = iter(range(10**6))
    runs_v = max(3, args.runs // 3)
    ms, _ = timed(lambda: fold(vocalized + chr(0x41 + next(fresh_vocalized) % 26)), runs_v)
    size = len(vocalized.encode("utf-8")) / 1e6
    rows.append((f"fold, fully vocalized copy ({size:.1f} MB), uncached", "", f"{ms:8.2f}", ""))
    ms, _ = timed(lambda: fold(vocalized + chr(0x61 + next(fresh_vocalized) % 26),
                               diacritics=False), runs_v)
    rows.append(("  same, marks kept (match diacritics)", "", f"{ms:8.2f}", ""))

    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication, QTextBrowser

    app = QApplication.instance() or QApplication([])
    doc = QTextDocument()
    doc.setPlainText(text)
    docs: list[tuple[str, object]] = [("QTextDocument", doc)]
    browser = None
    if not args.no_view:
        browser = QTextBrowser()
        browser.resize(900, 700)
        browser.setPlainText(text)
        browser.show()
        app.processEvents()
        docs.append(("shown QTextBrowser", browser.document()))
    runs = max(3, args.runs // 3)
    for label, document in docs:
        for word in (frequent, rare):
            ms, count = timed(lambda d=document, w=word: qt_find_all(d, w), runs)
            ratio = ms / ours[word][0]
            rows.append((f"{label}: document.find {word}", str(count), f"{ms:8.2f}",
                         f"{ratio:6.1f}x"))
    if browser is not None:
        for word in (frequent, rare):
            ms, count = timed(lambda w=word: widget_find_all(browser, w), runs)
            ratio = ms / ours[word][0]
            rows.append((f"shown QTextBrowser.find {word} (selects, scrolls)", str(count),
                         f"{ms:8.2f}", f"{ratio:6.1f}x"))

    print(f"text: {len(text):,} characters, {len(text.encode('utf-8')):,} bytes UTF-8; {source}")
    qt_runs = max(3, args.runs // 3)
    print(f"median of {args.runs} runs (Qt: {qt_runs}); Python {sys.version.split()[0]}")
    print()
    header = ("case", "hits", "ms", "Qt / ours")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                        for i, cell in enumerate(row)))
    print()
    print("Qt counts differ from ours: QTextDocument.find does not fold (no hamza,")
    print("ta marbuta or digit folding), so it misses hits our find makes.")
    if browser is not None:
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
