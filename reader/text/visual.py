"""Visual order, for targets that have no shaping engine (DESIGN decision 1).

Never pass the output of ``to_visual`` to a Qt widget: Qt shapes Arabic itself.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache, lru_cache

import arabic_reshaper
from bidi.mirror import MIRRORED

from reader.text.bidi import ZWJ, strip_bidi_controls
from reader.text.direction import is_rtl
from reader.text.fold import MARKS

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True}
)


def to_visual(text: str) -> str:
    """Shape (presentation forms) and reorder ``text`` line by line for display.

    For devices that draw characters left to right and know neither shaping
    nor bidi (terminals, e-readers, receipt printers); not logical text.
    Each ``\\n``-separated line (a final ``\\r`` stays at its end) loses its
    bidi controls (such devices print them as boxes) and zero-width joiners
    (arabic-reshaper misplaces the ligatures after one), is reshaped, then laid
    out (``_layout``) right to left when the line has more strong
    right-to-left letters than left-to-right ones (DESIGN decision 6), the
    letters of web addresses not counted (``line_is_rtl``), left to right
    otherwise: the direction ``to_logical`` finds in the visual line, so
    every line comes back (a direction forced on a line, right to left for
    one of mostly English, came back reversed).
    In a right-to-left line each stretch from a Latin letter or digit to the
    last one before the next Arabic letter keeps its inner order, so a date
    (2026-12-05), a time (09:30), a range (10-20) or an English phrase reads
    as typed; everything else is reversed and mirrored, one character with
    its combining marks at a time: a mark follows its glyph, as a device that
    draws left to right attaches it. In a left-to-right line only the
    stretches from an Arabic letter to an Arabic letter (digits inside them
    too) are laid out so.

    Unlike the full Unicode bidi algorithm (which reverses 2026-12-05 after
    an Arabic word and lets the order of numbers depend on the letters before
    them), this layout is undone exactly by ``to_logical``.
    """
    out = []
    for line in text.split("\n"):
        body = line.rstrip("\r")
        ending = line[len(body):]
        # arabic-reshaper drops a ZWJ from its glyphs but not from the text
        # it finds ligatures in, so every ligature after one came out a glyph
        # late, and one at the end of the line raised IndexError: drop them
        # first (they reach no device either way).
        body = strip_bidi_controls(body).replace(ZWJ, "")
        out.append(_layout(reshaped(body), rtl=line_is_rtl(body)) + ending)
    return "\n".join(out)


def reshaped(line: str) -> str:
    """``line`` in presentation forms, as the configured reshaper gives it.

    Same length in, same length out is NOT promised (ligatures join letters).
    A space joins no letter and no ligature the reshaper is configured with
    holds one, so the line is reshaped a word at a time and each word once:
    the reshaper walks its input a character at a time in Python, and the
    visual text export of 40,000 highlights spent nearly two minutes in it,
    reshaping the same labels and words again and again.
    """
    return " ".join(_reshaped_word(word) for word in line.split(" "))


@lru_cache(maxsize=1 << 16)
def _reshaped_word(word: str) -> str:
    return str(_RESHAPER.reshape(word))


# A web address (scheme://...) in ASCII: in a visual line it is one
# left-to-right run, kept whole, so the same letters are found in the logical
# line and in the visual one, and both directions agree.
_WEB_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[!-~]+")


def line_is_rtl(line: str) -> bool:
    """The direction of a line in visual order, logical or visual: ``is_rtl``
    (DESIGN decision 6) of the line without its web addresses. An address's
    letters are no language: ``الموضع: rtl-reader://article/7?at=154`` is an
    Arabic line, laid out like the other labelled lines of an export (label at
    the right end), where counting them made it left to right."""
    return is_rtl(_WEB_ADDRESS.sub("", line) if "://" in line else line)


# -- layout: one function, its own inverse --------------------------------------

_STRONG_RTL, _LETTER, _DIGIT, _MARK, _OTHER = "r", "l", "d", "m", "n"


def _kind(ch: str) -> str:
    """How ``_layout`` treats a character: strong right-to-left, left-to-right
    letter, digit (European or Arabic-Indic), combining mark, or other."""
    if unicodedata.category(ch) in ("Mn", "Me"):
        return _MARK
    cls = unicodedata.bidirectional(ch)
    if cls in ("R", "AL"):
        return _STRONG_RTL
    if cls == "L":
        return _LETTER
    if cls in ("EN", "AN"):
        return _DIGIT
    return _OTHER


class _Classes:
    """The ``_kind`` of every character of planes 0 and 1, read from
    unicodedata once (about 40 ms, at the first line), as a table for
    ``str.translate``: a line becomes a string of kind letters as long as
    itself, and the layout is found by small regular expressions over that
    string, in C, rather than by a loop over characters in Python. A
    character beyond plane 1 (rare in news) counts as other."""

    def __init__(self) -> None:
        self.kinds = [_kind(chr(cp)) for cp in range(0x20000)]
        # python-bidi's table of mirrored glyphs (BidiMirroring.txt): its
        # get_display mirrors only paired brackets.
        self.mirror = str.maketrans(MIRRORED)

    def codes(self, text: str) -> str:
        """One kind letter for each character of ``text``."""
        return text.translate(self.kinds)


@cache
def _classes() -> _Classes:
    return _Classes()


# Over kind letters. In a right-to-left line: from a letter or digit to the
# last one before the next right-to-left letter, with the marks of that one.
_LTR_RUN = re.compile(f"[{_LETTER}{_DIGIT}](?:[^{_STRONG_RTL}]*[{_LETTER}{_DIGIT}])?{_MARK}*")
# In a left-to-right line: from a right-to-left letter to the last one before
# the next left-to-right letter (digits inside), with the marks of that one.
_RTL_RUN = re.compile(f"{_STRONG_RTL}(?:[^{_LETTER}]*{_STRONG_RTL})?{_MARK}*")
_GLYPH = re.compile(f"(?s).{_MARK}*")  # a character and its marks
_MARKS_THEN_RTL = re.compile(f"{_MARK}+{_STRONG_RTL}")


def _reversed_glyphs(text: str, codes: str, c: _Classes) -> str:
    """``text`` backwards one character with its marks at a time, mirrored."""
    if _MARK in codes:
        spans = [m.span() for m in _GLYPH.finditer(codes)]
        text = "".join(text[a:b] for a, b in reversed(spans))
    else:
        text = text[::-1]
    return text.translate(c.mirror)


def _rtl_order(line: str, codes: str, c: _Classes) -> str:
    """A right-to-left stretch in visual order: reversed one character with
    its marks at a time, and mirrored, but each ``_LTR_RUN`` kept whole. The
    runs are found the same way in the output (their ends are still letters
    or digits, still parted by right-to-left letters), so this is its own
    inverse."""
    pieces: list[str] = []
    at = 0
    for m in _LTR_RUN.finditer(codes):
        start, end = m.span()
        pieces.append(_reversed_glyphs(line[at:start], codes[at:start], c))
        pieces.append(line[start:end])
        at = end
    pieces.append(_reversed_glyphs(line[at:], codes[at:], c))
    pieces.reverse()
    return "".join(pieces)


def _ltr_order(line: str, codes: str, c: _Classes) -> str:
    """A left-to-right line in visual order: each ``_RTL_RUN`` through
    ``_rtl_order``, the rest kept. Its own inverse."""
    pieces: list[str] = []
    at = 0
    for m in _RTL_RUN.finditer(codes):
        start, end = m.span()
        pieces.append(line[at:start])
        pieces.append(_rtl_order(line[start:end], codes[start:end], c))
        at = end
    pieces.append(line[at:])
    return "".join(pieces)


def _layout(line: str, *, rtl: bool, marks_first: bool = False) -> str:
    """One line, logical to visual or visual to logical (the same mapping).

    ``marks_first``: the marks of right-to-left letters stand before them
    (visual text made by a plain reversal, as the bidi algorithm without its
    optional rule L3 leaves it); they are put after them first. A mark with
    no character before it (at the start of the line) stays a glyph of its
    own."""
    c = _classes()
    codes = c.codes(line)
    if marks_first and _MARK in codes:
        pieces: list[str] = []
        at = 0
        for m in _MARKS_THEN_RTL.finditer(codes):
            start, end = m.span()
            pieces += [line[at:start], line[end - 1], line[start:end - 1][::-1]]
            at = end
        pieces.append(line[at:])
        line = "".join(pieces)
        codes = c.codes(line)
    return _rtl_order(line, codes, c) if rtl else _ltr_order(line, codes, c)


# -- repair: text that arrives in visual order or as presentation forms --------
#
# Text pulled out of PDFs (and old web pages made for browsers without shaping)
# often holds Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFC), and
# sometimes stores each line in visual order: the characters as they appear
# from left to right, so every Arabic word reads backwards.

_FORMS = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC]")
_ARABIC_WORD = re.compile(
    "[\u0621-\u064A\u0671-\u06D3\u064B-\u065F\u0670\u0640\uFB50-\uFDFF\uFE70-\uFEFC]+"
)
_HAS_ARABIC = re.compile("[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")
_MARKS = "".join(sorted(MARKS))  # the fold's one table of marks (and tatweel)
_NO_MARKS = str.maketrans("", "", _MARKS)
# What NFKC changes in an Arabic word: presentation forms, and the four
# letters with a high hamza (U+0675..U+0678), which decompose.
_COMPATIBLE = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC\u0675-\u0678]")
_FINAL_ONLY = "ةى"  # letters that only end a word in logical order


def has_presentation_forms(text: str) -> bool:
    """True when ``text`` holds Arabic presentation forms (compatibility glyphs)."""
    return bool(_FORMS.search(text))


def _form(ch: str) -> str:
    """``initial``, ``medial``, ``final``, ``isolated`` for a presentation form."""
    name = unicodedata.name(ch, "")
    for form in ("INITIAL", "MEDIAL", "FINAL", "ISOLATED"):
        if f"{form} FORM" in name:
            return form.lower()
    return ""


def _order_votes(text: str) -> tuple[int, int, int]:
    """(logical, visual, impossible) evidence over the Arabic words of ``text``.

    Presentation forms: in logical order a joining letter (initial, medial)
    is followed by one that joins back (medial, final); stored visually, a
    final or medial form comes first and an initial form after it. That
    order cannot occur in logical text, so it also counts as ``impossible``.
    Plain letters: ة and ى end words and the article ال starts them; a word
    stored backwards starts with ة/ى (impossible in logical text) or ends
    with لا (which adverbs such as أولا، قليلا also do: weak evidence).
    """
    logical = visual = impossible = 0
    for word in _ARABIC_WORD.findall(text):
        core = word.strip(_MARKS)
        if len(core) < 2:
            continue
        if _COMPATIBLE.search(core):
            forms = [_form(ch) for ch in core if ch not in _MARKS]
            for a, b in itertools.pairwise(forms):
                if a in ("initial", "medial") and b in ("medial", "final") and a != b:
                    logical += 1
                elif a in ("final", "medial") and b in ("medial", "initial") and a != b:
                    visual += 1
                    impossible += 1
            core = unicodedata.normalize("NFKC", core)
        # Plain letters (most text): no forms to weigh, nothing for NFKC to do.
        plain = core.translate(_NO_MARKS)
        if len(plain) < 3:
            continue
        if plain[-1] in _FINAL_ONLY or plain.startswith("ال"):
            logical += 1
        if plain[0] in _FINAL_ONLY:
            visual += 1
            impossible += 1
        elif plain.endswith("لا"):
            visual += 1
    return logical, visual, impossible


# A word whose first letter (past its marks) is ة or ى: in plain letters, the
# only evidence that can be "impossible" in logical order. Two patterns, each
# opening with a class of characters (ة or ى; a mark), so the regex engine
# skips to the few places that may match, in C, and asks what stands before
# them only there (``(?<=(?<!word).)``: the character just matched starts a
# word). One pattern opening with the lookbehind tried it at every position
# of the text: 17 ns a character, a sixth of a plain-text file's reading.
_WORD_CLASS = _ARABIC_WORD.pattern[:-1]
_WORD_MARKS = "".join(ch for ch in _MARKS if _ARABIC_WORD.fullmatch(ch))
_STARTS_FINAL_ONLY = re.compile(f"[{_FINAL_ONLY}](?<=(?<!{_WORD_CLASS}).)")
_MARKS_START_FINAL_ONLY = re.compile(
    f"[{_WORD_MARKS}](?<=(?<!{_WORD_CLASS}).)[{_WORD_MARKS}]*[{_FINAL_ONLY}]")


def looks_visual(text: str, *, sample: int = 20_000) -> bool:
    """True when the Arabic in ``text`` is stored in visual order (words backwards).

    Needs some evidence (three telling words, one of them impossible in
    logical order) and a clear majority, so logical text, and text too short
    to judge, answer False. Only the first ``sample`` characters are weighed
    (a file is extracted one way throughout).
    """
    text = text[:sample]
    if not _COMPATIBLE.search(text) and not _starts_final_only(text):
        return False  # nothing could vote "impossible": most text, at once
    return _votes_visual(text)


def needs_logical(text: str, *, sample: int = 20_000) -> bool:
    """``has_presentation_forms(text) or looks_visual(text, sample=sample)``,
    with one scan of ``text`` fewer for text of plain letters (nearly every
    file): no character of ``_COMPATIBLE`` anywhere means no presentation
    form, and none in the sample."""
    if _COMPATIBLE.search(text):
        return has_presentation_forms(text) or looks_visual(text, sample=sample)
    text = text[:sample]
    return _starts_final_only(text) and _votes_visual(text)


def _starts_final_only(text: str) -> bool:
    return bool(_STARTS_FINAL_ONLY.search(text) or _MARKS_START_FINAL_ONLY.search(text))


def _votes_visual(text: str) -> bool:
    logical, visual, impossible = _order_votes(text)
    return visual >= 3 and impossible >= 1 and visual > 2 * logical


_ARABIC_MARK_RUN = re.compile("[" + "".join(
    re.escape(ch) for ch in map(chr, itertools.chain(range(0x600, 0x700), range(0x750, 0x780),
                                                      range(0x8A0, 0x900)))
    if unicodedata.category(ch) == "Mn") + "]+")


def _marks_first(text: str) -> bool | None:
    """Whether the marks of Arabic letters in visual ``text`` stand before
    their letters (True), after them (False), or it cannot tell (None).

    A word shown left to right ends with its first letter: a mark there
    (after the word's last glyph) can only follow its letter; a mark before
    the word's first glyph can only precede one. Marks inside words tell
    nothing, since each lies between two letters.
    """
    codes = _classes().codes(text)
    before = after = 0
    for m in _ARABIC_MARK_RUN.finditer(text):
        start, end = m.span()
        left = start > 0 and codes[start - 1] == _STRONG_RTL
        right = codes[end:end + 1] == _STRONG_RTL
        if right and not left:
            before += 1
        elif left and not right:
            after += 1
    return None if before == after else before > after


# Each presentation form's NFKC letters. Form by form equals NFKC of a run of
# forms: no form's letters start with a mark, so nothing reorders or composes
# across two of them.
_FORM_LETTERS = {cp: unicodedata.normalize("NFKC", chr(cp))
                 for cp in itertools.chain(range(0xFB50, 0xFE00), range(0xFE70, 0xFEFD))}


def _normalise_forms(text: str) -> str:
    """``text`` with its presentation forms (and only those) NFKC-normalised."""
    return text.translate(_FORM_LETTERS)


def to_logical(text: str) -> str:
    """Logical text from text in visual order and/or presentation forms.

    Each line that holds Arabic and looks visual (``looks_visual``, of the
    whole text or of the line) is reordered by the layout ``to_visual`` uses,
    which is its own inverse: right to left when the line has more strong
    right-to-left letters than left-to-right ones, those of web addresses not
    counted (``line_is_rtl``), Latin and numbers keeping
    their order, mirrored brackets mirrored back. The marks of Arabic letters
    may stand after their glyphs (``to_visual``) or before them (a plain
    reversal, as many PDF tools and the bidi algorithm leave them), judged by
    the marks at the edges of words over the whole text (a file is extracted
    one way throughout; a mark typed after a space, common in real text,
    votes the wrong way, so a line alone decides only when the whole cannot),
    else after.
    Reordering happens before normalisation, because a lam-alef ligature is
    one glyph standing for two letters. Then presentation forms (and only
    those) are NFKC-normalised to letters. Lines are kept; a line already
    logical is only normalised. Offsets computed on the input do not apply to
    the output.

    ``to_logical(to_visual(s)) == s`` for every ``s`` within these limits:
    lines that ``looks_visual`` can judge (a few Arabic words that tell their
    order, more than the words that read as logical); no bidi controls and no
    ZWJ (``to_visual`` removes them, the reshaper drops ZWJ); no mark at the
    start of a line, none on a letter inside a ligature (the lam of لا, the
    letters of الله: arabic-reshaper puts them after the ligature glyph), and
    no presentation forms (they come back as letters); ``\\r`` only before
    ``\\n``.
    """
    whole_visual = looks_visual(text)
    whole_marks_first = _marks_first(text) if _ARABIC_MARK_RUN.search(text) else None
    out = []
    for line in text.split("\n"):
        if _HAS_ARABIC.search(line) and (whole_visual or looks_visual(line)):
            body = line.rstrip("\r")
            marks_first = whole_marks_first
            if marks_first is None:
                marks_first = bool(_ARABIC_MARK_RUN.search(body) and _marks_first(body))
            line = _layout(body, rtl=line_is_rtl(_normalise_forms(body)),
                           marks_first=marks_first) + line[len(body):]
        out.append(_normalise_forms(line))
    return "\n".join(out)
