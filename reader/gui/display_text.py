"""What the reading view's document holds for one field, where it differs
from the field's text, and why.

Qt would freeze on some shapes of text that no real article has but any
imported file can (issue 13, item 2):

* **A long run with no line break opportunity** (letters with no space):
  for each line, Qt's line breaker measures ahead to the next opportunity, so
  a run of n characters costs O(n) a line and O(n²) a paragraph: 100,000
  letters took 29 s to open, 300,000 never finished. The view adds a
  ZERO WIDTH SPACE every ``BREAK_EVERY`` characters of any run longer than
  ``LONGEST_RUN``: an opportunity that draws nothing and, being transparent
  to Arabic joining, keeps the letters on either side joined. Words and
  ordinary URLs are shorter than ``LONGEST_RUN``, so real text gets none.
* **A huge paragraph**: Qt lays a block out whole, and again after every
  change of width, font or format, while it lays out only the visible part
  of a document of many blocks. The view cuts a paragraph longer than
  ``LONGEST_BLOCK`` into blocks (preferably after a space); the pieces keep
  the paragraph's direction and only the last one has the paragraph margin,
  so the reader sees a line end a little early now and then.
* Characters that ``QTextCursor.insertText`` would turn into block or frame
  markers (and ``\\r\\n``, which it folds into one) are shown as U+2028, which
  has the same length, so no offset moves.

A break or a cut is one UTF-16 unit in the document that the text does not
have; ``reader.gui.offsets`` counts them (``DisplayPlan.inserts``), and
copying takes the article's own text, so none of this reaches the reader's
clipboard, highlights or search. Nothing here imports Qt.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from reader.text.bidi import LRE, LRO, RLE, RLO

ZERO_WIDTH_SPACE = "\u200b"
LINE_SEPARATOR = "\u2028"

LONGEST_RUN = 200
"""Characters without a space that the view leaves as they are: longer than
any word and most URLs (which Qt may break after a slash or hyphen)."""
BREAK_EVERY = 16
"""The distance between the breaks added inside a longer run."""
LONGEST_BLOCK = 10_000
"""Characters of a paragraph laid out as one block; a longer paragraph is cut.
(A news paragraph has a few hundred; 10,000 lay out in a few milliseconds.)"""

_UNSAFE_RE = re.compile(f"[\r\u2029\ufdd0\ufdd1{LRO}{RLO}]")
# An override shows the letters after it in another order than they were
# typed, up to the paragraph's end when no PDF closes it: 50٪ read 05٪ beside
# a highlight that says 50%, a word spelled backwards, text a reader cannot
# select as they see it. Its embedding keeps the direction it sets and lets
# each letter and number read as typed.
_SAFE = str.maketrans({"\r": LINE_SEPARATOR, "\u2029": LINE_SEPARATOR, "\ufdd0": LINE_SEPARATOR,
                       "\ufdd1": LINE_SEPARATOR, LRO: LRE, RLO: RLE})
# Where Qt may already break a line (UAX #14 classes SP, BA and ZW, the line
# separator) or where _UNSAFE_RE puts a U+2028: no added break is needed there.
_OPPORTUNITIES = " \t\n\r\u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000\ufdd0\ufdd1"
_NOT_OPPORTUNITY = f"[^{_OPPORTUNITIES}]"
_SPACES = frozenset(" \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
                    "\u205f\u3000")
_ZWJ = "\u200d"
_NO_BREAK_BEFORE = frozenset(("Mn", "Mc", "Me", "Cf", "Cs"))


def _regional_indicator(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def can_break_before(text: str, index: int) -> bool:
    """True when a break between ``text[index - 1]`` and ``text[index]`` leaves
    every character drawn as it was: never before a combining mark (variation
    selectors included), a format character (ZWJ, ZWNJ, bidi controls, tags),
    an emoji skin-tone modifier or a lone surrogate, never after a ZWJ or a lone
    surrogate, never between two regional indicators (the halves of a flag;
    pairs are not counted, and Qt breaks between two flags itself)."""
    if not 0 < index < len(text):
        return False
    ch, before = text[index], text[index - 1]
    if before == _ZWJ or unicodedata.category(before) == "Cs":
        return False
    if unicodedata.category(ch) in _NO_BREAK_BEFORE or "\U0001f3fb" <= ch <= "\U0001f3ff":
        return False
    return not (_regional_indicator(ch) and _regional_indicator(before))


def safe_text(text: str) -> str:
    """``text`` with each character that insertText would not keep as one
    character replaced by U+2028, and each override (LRO, RLO) by the
    embedding of its direction (LRE, RLE): all of the same length in code
    points and UTF-16."""
    if not _UNSAFE_RE.search(text):
        return text
    return text.translate(_SAFE)


@dataclass(frozen=True, slots=True)
class DisplayPlan:
    """Where the document differs from one field's text, as str indices.

    ``breaks``: a ZERO WIDTH SPACE sits before each of these characters;
    ``cuts``: a block separator sits before each (a paragraph cut in blocks).
    Both are sorted and disjoint, and never at a paragraph's start or end.
    """

    breaks: tuple[int, ...] = ()
    cuts: tuple[int, ...] = ()

    @property
    def inserts(self) -> tuple[int, ...]:
        """Every index before which the document has one unit of its own."""
        return tuple(sorted(self.breaks + self.cuts))


NO_CHANGE = DisplayPlan()


def plan_display(text: str) -> DisplayPlan:
    """Where the view adds breaks to ``text`` (one field) and cuts its
    paragraphs; ``NO_CHANGE`` for ordinary text."""
    if len(text) <= LONGEST_RUN:
        return NO_CHANGE
    breaks = _breaks(text)
    if len(text) <= LONGEST_BLOCK:
        return DisplayPlan(tuple(breaks)) if breaks else NO_CHANGE
    cuts: list[int] = []
    # Anchored at line starts: unanchored, the regex would rescan each paragraph
    # from every character in it.
    for m in re.finditer(f"(?m)^[^\n]{{{LONGEST_BLOCK + 1},}}", text):
        cuts.extend(_cuts(text, m.start(), m.end(), breaks))
    if cuts:
        taken = set(cuts)
        breaks = [b for b in breaks if b not in taken]
    return DisplayPlan(tuple(breaks), tuple(cuts))


def _breaks(text: str) -> list[int]:
    """A break every BREAK_EVERY characters of each run longer than LONGEST_RUN,
    moved forward to the next place where a break changes no glyph."""
    breaks: list[int] = []
    for start, end in _long_runs(text):
        index = start + BREAK_EVERY
        while index < end:
            if can_break_before(text, index):
                breaks.append(index)
                index += BREAK_EVERY
            else:
                index += 1
    return breaks


def _long_runs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every run of more than LONGEST_RUN characters
    without an opportunity, in order; each run is scanned once."""
    run = f"{_NOT_OPPORTUNITY}{{{LONGEST_RUN + 1},}}"
    first = re.match(run, text)
    if first is not None:
        yield first.span()
    # Any other run starts after an opportunity: a class the regex engine
    # scans for, the run checked where one occurs (a lookbehind at every
    # character took twice as long).
    after = re.compile(f"[{_OPPORTUNITIES}]({run})")  # cached by re
    for m in after.finditer(text, first.end() if first is not None else 0):
        yield m.span(1)


def _cuts(text: str, start: int, end: int, breaks: list[int]) -> list[int]:
    """Where to cut the paragraph ``text[start:end]`` into blocks of at most
    LONGEST_BLOCK characters (a little more when a grapheme is that long):
    after the last space of the second half of each block, else at the last
    added break, else before the last character a cut leaves as it is."""
    cuts: list[int] = []
    piece = start
    while end - piece > LONGEST_BLOCK:
        lo, hi = piece + LONGEST_BLOCK // 2, piece + LONGEST_BLOCK
        cut = _cut_in(text, lo, hi, breaks)
        if cut is None:
            # One grapheme longer than the window (thousands of marks on a letter).
            cut = next((i for i in range(hi + 1, end) if can_break_before(text, i)), None)
            if cut is None:
                break
        cuts.append(cut)
        piece = cut
    return cuts


def _cut_in(text: str, lo: int, hi: int, breaks: list[int]) -> int | None:
    """The best cut in ``(lo, hi]``, or None."""
    for i in range(hi, lo, -1):
        if text[i - 1] in _SPACES and can_break_before(text, i):
            return i
        if hi - i > 200:
            break  # no space nearby: a run with added breaks, or marks
    k = bisect_right(breaks, hi) - 1
    if k >= 0 and breaks[k] > lo:
        return breaks[k]
    return next((i for i in range(hi, lo, -1) if can_break_before(text, i)), None)


def display_paragraphs(text: str, plan: DisplayPlan) -> Iterator[tuple[str, list[str]]]:
    """Each paragraph of ``text`` (split at ``\\n``) with the text of the blocks
    that show it: ``safe_text``, the plan's breaks added, cut at its cuts."""
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        if not plan.breaks and not plan.cuts:
            yield paragraph, [safe_text(paragraph)]
        else:
            yield paragraph, _pieces(text, start, end, plan)
        start = end + 1


def _pieces(text: str, start: int, end: int, plan: DisplayPlan) -> list[str]:
    cuts = plan.cuts[bisect_right(plan.cuts, start):bisect_left(plan.cuts, end)]
    pieces = []
    for a, b in zip((start, *cuts), (*cuts, end), strict=True):
        inside = plan.breaks[bisect_right(plan.breaks, a):bisect_left(plan.breaks, b)]
        bounds = (a, *inside, b)
        pieces.append(ZERO_WIDTH_SPACE.join(safe_text(text[i:j]) for i, j in pairwise(bounds)))
    return pieces
