"""Visual order, for targets that have no shaping engine (DESIGN decision 1).

Never pass the output of ``to_visual`` to a Qt widget: Qt shapes Arabic itself.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import arabic_reshaper
from bidi import get_display

from reader.text.fold import MARKS

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True}
)


def to_visual(text: str) -> str:
    """Shape (presentation forms) and reorder ``text`` line by line for display.

    Each ``\\n``-separated line is reshaped, then laid out with the Unicode
    bidi algorithm, base direction taken from the line itself. The result is
    for terminals and plain-text devices only; it is not logical text.
    """
    return "\n".join(get_display(_RESHAPER.reshape(line)) for line in text.split("\n"))


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
# only evidence that can be "impossible" in logical order.
_WORD_CLASS = _ARABIC_WORD.pattern[:-1]
_STARTS_FINAL_ONLY = re.compile(
    f"(?<!{_WORD_CLASS})"
    f"[{''.join(ch for ch in _MARKS if _ARABIC_WORD.fullmatch(ch))}]*[{_FINAL_ONLY}]")


def looks_visual(text: str, *, sample: int = 20_000) -> bool:
    """True when the Arabic in ``text`` is stored in visual order (words backwards).

    Needs some evidence (three telling words, one of them impossible in
    logical order) and a clear majority, so logical text, and text too short
    to judge, answer False. Only the first ``sample`` characters are weighed
    (a file is extracted one way throughout).
    """
    text = text[:sample]
    if not _COMPATIBLE.search(text) and not _STARTS_FINAL_ONLY.search(text):
        return False  # nothing could vote "impossible": most text, at once
    logical, visual, impossible = _order_votes(text)
    return visual >= 3 and impossible >= 1 and visual > 2 * logical


def to_logical(text: str) -> str:
    """Logical text from text in visual order and/or presentation forms.

    Each line that holds Arabic and looks visual is reordered with the bidi
    algorithm (right-to-left base), which undoes the reordering that produced
    it: Arabic runs are reversed back, Latin words and numbers keep their
    order, mirrored brackets are mirrored back. Reordering happens before
    normalisation, because a lam-alef ligature is one glyph standing for two
    letters. Then presentation forms (and only those) are NFKC-normalised to
    letters. Lines are kept; a line already logical is only normalised.
    Offsets computed on the input do not apply to the output.
    """
    whole_visual = looks_visual(text)
    lines = text.split("\n")
    out = []
    for line in lines:
        if _HAS_ARABIC.search(line) and (whole_visual or looks_visual(line)):
            ending = line[len(line.rstrip("\r")):]
            line = get_display(line.rstrip("\r"), base_dir="R") + ending
        out.append(_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line))
    return "\n".join(out)
