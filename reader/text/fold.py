"""Folding for matching and indexing, with an offset map (DESIGN decision 3).

``fold(text, *, diacritics=True, hamza=True) -> Folded`` returns the folded
string and a map back to the original; ``fold_text`` returns only the string.

The rules, in order: NFKC (presentation forms, ligatures, compatibility
characters -> letters; one character may become several), then Latin
casefolding (``ß`` -> ``ss``), then per character:

- ``diacritics=True``: tashkeel U+064B..U+0653, U+0656..U+065F, U+0670, the
  Quranic marks U+06D6..U+06ED and tatweel U+0640 are dropped;
- ``hamza=True``: alef forms أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي, and the hamza
  marks U+0654/U+0655 are dropped;
- always: ى -> ي, ة -> ه, Arabic-Indic (U+0660..) and Persian (U+06F0..)
  digits -> ASCII, with the Arabic percent sign ٪ -> %, decimal separator
  ٫ -> . and thousands separator ٬ -> , (the signs an Arabic keyboard types
  with those digits), and ``INVISIBLE`` dropped: bidi controls (U+200E, U+200F,
  U+061C, U+202A..U+202E, U+2066..U+2069), ZWSP, ZWNJ, ZWJ and the BOM.

This module is the one place where Arabic spelling is folded: ``fold_word``
folds one word the same way for the rules of quotes, speech, numbers and
figures (their word lists are folded with it, so a cue matches every spelling
that in-article find treats as the same word), ``MARKS`` is the one table of
marks, ``INVISIBLE`` the one set of invisible characters, and
``loose_pattern`` the regular expression that finds, in original text, every
spelling that folds to a given word.

NFKC runs on the whole text, not character by character: a base letter and the
marks after it are normalized together (ا + U+0654 -> أ, marks reordered), and
such a cluster maps as one unit. Any ``str`` is accepted (lone surrogates,
emoji, marks with no base): nothing raises, and time stays linear in the
length: a run of more than 31 marks on one letter (hostile text only; UAX #15
caps real text at 30) is normalized in chunks, since NFKC reorders marks with
a quadratic sort.

Offsets: ``Folded.span`` takes folded indices and returns Python str indices
(code points, end exclusive) into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, compress, product
from operator import add, itemgetter, sub

from reader.text.bidi import INVISIBLE

FOLD_VERSION = 3
"""Changes whenever ``fold_text`` gives another result for some text (2: ZWSP
and the BOM folded away as invisible; 3: ٪ ٫ ٬ folded to % . ,). The store's search indexes hold the
folded text of this version and are rebuilt when it changes: bump it with
any change to the rules."""

TATWEEL = "\u0640"
HAMZA_ABOVE = "\u0654"
HAMZA_BELOW = "\u0655"

DIACRITICS: frozenset[str] = frozenset(
    [chr(c) for c in range(0x064B, 0x0654)]
    + [chr(c) for c in range(0x0656, 0x0660)]
    + ["\u0670", TATWEEL]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
"""What ``diacritics=True`` drops: tashkeel, superscript alef, Quranic marks, tatweel."""

HAMZA_MARKS: frozenset[str] = frozenset({HAMZA_ABOVE, HAMZA_BELOW})

MARKS: frozenset[str] = DIACRITICS | HAMZA_MARKS
"""Every mark the fold may drop (and tatweel): what may stand between the
letters of a word that a rule looks for in original text."""


def _class_body(chars: frozenset[str]) -> str:
    """The inside of a regex character class matching ``chars``, as ranges."""
    runs: list[list[int]] = []
    for cp in sorted(map(ord, chars)):
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)


MARKS_CLASS: str = _class_body(MARKS)
"""``MARKS`` as the body of a regex class: ``f"[{MARKS_CLASS}]*"`` skips marks."""

WORD_PATTERN: str = rf"(?:[^\W\d_]++|[{MARKS_CLASS}]++)+"
"""Regex source of a word as written: a run of letters and the marks among
them. Each run of letters or of marks is taken whole (possessive): the same
matches as one alternation of a letter or a mark repeated, in about half the
time, since the regex engine then loops over a run in C rather than going
through the alternation once a character."""

_HAMZA_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي"}

# The Arabic percent sign and decimal and thousands separators go with the
# digits: an Arabic keyboard types ٢٣٪ and ٨٠٫٢ for 23% and 80.2.
_WESTERN: dict[str, str] = {"\u066a": "%", "\u066b": ".", "\u066c": ","}
_WESTERN.update({chr(0x0660 + d): str(d) for d in range(10)})   # Arabic-Indic ٠-٩
_WESTERN.update({chr(0x06F0 + d): str(d) for d in range(10)})   # Persian ۰-۹
_WESTERN_TABLE = str.maketrans(_WESTERN)


def western_digits(text: str) -> str:
    """``text`` with ٠-٩ and ۰-۹ as 0-9 and ٪ ٫ ٬ as ``%`` ``.`` ``,``, the
    same as the fold writes them. One character for one, so an offset into
    the result is the same offset into ``text`` (a cursor in a field stays
    where it was)."""
    return text.translate(_WESTERN_TABLE)


_ALWAYS = {"ى": "ي", "ة": "ه", **_WESTERN}
_ALWAYS.update(dict.fromkeys(INVISIBLE, ""))


@cache
def _rules(diacritics: bool, hamza: bool) -> dict[str, str]:
    """Per-character replacements applied after NFKC and casefolding."""
    rules = dict(_ALWAYS)
    if diacritics:
        rules.update(dict.fromkeys(DIACRITICS, ""))
    if hamza:
        rules.update(_HAMZA_LETTERS)
        rules.update(dict.fromkeys(HAMZA_MARKS, ""))
    return rules


def _apply_rules(s: str, rules: dict[str, str]) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join([rules.get(ch, ch) for ch in s])


# --- where NFKC cannot run character by character ---------------------------

_HANGUL_SECONDS = range(0x1161, 0x11C3)
_MAX_CLUSTER = 32
"""A base and up to 31 marks fold as one NFKC unit; longer runs fold in chunks."""


@cache
def _composition_seconds() -> frozenset[int]:
    """Starters (combining class 0) that canonically compose with the starter
    before them: Indic and Balinese length marks and the like. Combining marks
    are unsafe anyway, so only the scripts that have such starters are scanned
    (about 1 ms, once)."""
    seconds: set[int] = set()
    for block in (range(0x0900, 0x1C00), range(0x11000, 0x12000)):
        for cp in block:
            dec = unicodedata.decomposition(chr(cp))
            if dec and not dec.startswith("<"):
                parts = dec.split()
                if len(parts) == 2:
                    seconds.add(int(parts[1], 16))
    return frozenset(seconds)


@cache
def _is_unsafe(ch: str) -> bool:
    """Whether NFKC may merge ``ch`` with what precedes it: its decomposition
    starts with a combining mark (the marks themselves, U+FF9E) or with a
    starter that composes with the one before (Hangul vowel jamo, U+0BBE …)."""
    lead = unicodedata.normalize("NFKD", ch)[:1]
    if not lead or unicodedata.combining(lead):
        return bool(lead)
    cp = ord(lead)
    if cp in _HANGUL_SECONDS:
        return True
    if 0x0900 <= cp < 0x1C00 or 0x11000 <= cp < 0x12000:
        return cp in _composition_seconds()
    return False


def is_mark(ch: str) -> bool:
    """A combining mark or tatweel: what belongs to the letter before it."""
    return ch == TATWEEL or unicodedata.category(ch)[0] == "M"


# --- per-option tables ---------------------------------------------------------

_IDENTITY, _REPLACE, _SPECIAL = 0, 1, 2

_PLANS = 4096
"""Sets of candidate characters whose ``_Plan`` a ``_Table`` keeps."""


@dataclass(frozen=True, slots=True)
class _Plan:
    """How the characters of one set of candidates fold (``_Table.plan``)."""

    replace: tuple[tuple[str, str], ...]
    """1:1 replacements whose output is already folded (in any order: no
    output is another's input)."""
    special: frozenset[str]
    """Dropped, expanded or not idempotent: the map needs a piece for each."""
    dropped: frozenset[str]
    """The specials that fold to nothing."""
    unsafe: frozenset[str]
    """Those that NFKC may merge with the character before (``_is_unsafe``)."""
    nfkc_stable: bool
    """Whether every candidate is its own NFKC."""
    marks: frozenset[str]
    """The combining marks and tatweel among them (``Folded.marks``)."""


class _Table:
    """Per-option caches: how each character folds alone, how each cluster folds."""

    def __init__(self, diacritics: bool, hamza: bool) -> None:
        self.rules = _rules(diacritics, hamza)
        self.chars: dict[str, tuple[int, str]] = {}
        self.clusters: dict[str, str | None] = {}
        self.patterns: dict[tuple[frozenset[str], str, bool], re.Pattern[str]] = {}
        self.plans: dict[frozenset[str], _Plan] = {}

    def plan(self, candidates: frozenset[str]) -> _Plan:
        """How each of ``candidates`` (the characters of a text that may not
        fold to themselves) folds, judged once for every text that holds
        the same set: an import folds thousands of articles whose sets
        repeat (ة, أ, إ, ى and a few marks), and judging them char by
        char was a fifth of the fold's time."""
        got = self.plans.get(candidates)
        if got is None:
            replace: list[tuple[str, str]] = []
            special: set[str] = set()
            for ch in candidates:
                kind, out = self.char(ch)
                if kind == _REPLACE:
                    replace.append((ch, out))
                elif kind == _SPECIAL:
                    special.add(ch)
            got = _Plan(
                tuple(replace), frozenset(special),
                frozenset(ch for ch in special if not self.char(ch)[1]),
                frozenset(ch for ch in candidates if _is_unsafe(ch)),
                all(unicodedata.normalize("NFKC", ch) == ch for ch in candidates),
                frozenset(ch for ch in candidates if is_mark(ch)))
            if len(self.plans) >= _PLANS:  # a bounded memory, refilled by the common sets
                self.plans.clear()
            self.plans[candidates] = got
        return got

    def char(self, ch: str) -> tuple[int, str]:
        """``(kind, out)``: identity, a 1:1 replacement whose output is already
        folded, or special (dropped, expanded, or not idempotent)."""
        got = self.chars.get(ch)
        if got is None:
            out = _apply_rules(ch, self.rules)
            if out == ch:
                got = (_IDENTITY, out)
            elif len(out) == 1 and _apply_rules(out, self.rules) == out:
                got = (_REPLACE, out)
            else:
                got = (_SPECIAL, out)
            if len(self.chars) > 65536:  # a text of many scripts; keep memory bounded
                self.chars.clear()
            self.chars[ch] = got
        return got

    def cluster(self, cl: str) -> str | None:
        """The fold of a base + marks cluster when NFKC treats it as a unit
        (composition, reordering), None when folding char by char gives the
        same result for the cluster and every piece of it, so each character
        may keep its own span (a shadda and a vowel in either order, both
        dropped, is the common case)."""
        if cl in self.clusters:
            return self.clusters[cl]
        whole = _apply_rules(cl, self.rules)
        got: str | None = whole
        if len(cl) <= 8:
            alone = [self.char(ch)[1] for ch in cl]
            pieces = ((a, b) for a in range(len(cl)) for b in range(a + 1, len(cl) + 1))
            if all(_apply_rules(cl[a:b], self.rules) == "".join(alone[a:b]) for a, b in pieces):
                got = None
        if len(self.clusters) < 4096:
            self.clusters[cl] = got
        return got

    def class_pattern(self, chars: frozenset[str]) -> re.Pattern[str]:
        """A regex matching one of ``chars`` (cached: texts share them)."""
        return self._pattern(chars, "")

    def run_pattern(self, chars: frozenset[str]) -> re.Pattern[str]:
        """A regex matching a run of ``chars``."""
        return self._pattern(chars, "+")

    def drop_pattern(self, chars: frozenset[str]) -> re.Pattern[str]:
        """A regex capturing a run of ``chars`` (for ``split``)."""
        return self._pattern(chars, "+", capture=True)

    def _pattern(
        self, chars: frozenset[str], repeat: str, *, capture: bool = False
    ) -> re.Pattern[str]:
        key = (chars, repeat, capture)
        pat = self.patterns.get(key)
        if pat is None:
            body = "".join(re.escape(ch) for ch in sorted(chars))
            source = f"[{body}]{repeat}"
            pat = re.compile(f"({source})" if capture else source)
            if len(self.patterns) > 256:
                self.patterns.clear()
            self.patterns[key] = pat
        return pat


_TABLES = {(d, h): _Table(d, h) for d in (True, False) for h in (True, False)}


def _identity_class() -> str:
    """Characters common in news text that fold to themselves; the fast scan
    skips them and looks only at the rest."""
    keep: list[str] = []
    for block in (range(0x20, 0x7F), range(0xA1, 0x100), range(0x600, 0x700),
                  range(0x2010, 0x2028), range(0x2030, 0x205F)):
        for cp in block:
            ch = chr(cp)
            if is_mark(ch) or _is_unsafe(ch):
                continue  # always scanned: they may join a cluster or widen a hit
            if all(t.char(ch)[0] == _IDENTITY for t in _TABLES.values()):
                keep.append(ch)
    return "".join(re.escape(ch) for ch in keep)


_CANDIDATES = re.compile(f"[^\n\r\t{_identity_class()}]")


# --- the folded text and its map ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and the way back to the original.

    The map is a list of pieces: piece ``k`` starts at folded index
    ``fstarts[k]`` and original index ``ostarts[k]``; a piece of ``widths[k]``
    0 maps its folded characters one to one onto consecutive original
    characters, a piece of width ``w`` > 0 (an expansion such as ﷲ, or an NFKC
    cluster) maps all its folded characters onto original ``[ostart, ostart+w)``.
    """

    text: str
    original_length: int
    fstarts: Sequence[int] = field(repr=False)
    ostarts: Sequence[int] = field(repr=False)
    widths: Sequence[int] = field(repr=False)
    marks: frozenset[str] = field(default=frozenset(), repr=False)
    """The combining marks and tatweel that occur in the original (find widens
    hits over them)."""
    shifts: Sequence[int] = field(default=(), repr=False)
    """When no piece has a width (only dropped and 1:1 characters, the common
    case): ``shifts[bisect_right(fstarts, i)]`` is original minus folded
    index at folded ``i``. Empty otherwise. (Find no longer reads it: it
    unrolls the pieces into a table with one entry per folded character.)"""

    def char_span(self, i: int) -> tuple[int, int]:
        """The original span that produced folded character ``i`` (0 <= i < len)."""
        k = bisect_right(self.fstarts, i) - 1
        w = self.widths[k]
        if w:
            o = self.ostarts[k]
            return o, o + w
        o = self.ostarts[k] + i - self.fstarts[k]
        return o, o + 1

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        """Map folded ``[fstart, fend)`` to the smallest original span that
        produced it: from the start of folded character ``fstart`` to the end
        of folded character ``fend - 1``. Characters the fold dropped at the
        edges are not included. An empty span maps to an empty span at the
        start of folded character ``fstart`` (the original's end when
        ``fstart == len(text)``). Raises ValueError unless
        ``0 <= fstart <= fend <= len(self.text)``."""
        n = len(self.text)
        if not 0 <= fstart <= fend <= n:
            raise ValueError(f"folded span {fstart}..{fend} outside 0..{n}")
        if fstart == fend:
            p = self.char_span(fstart)[0] if fstart < n else self.original_length
            return p, p
        return self.char_span(fstart)[0], self.char_span(fend - 1)[1]


def _cluster_events(
    text: str, table: _Table, chars: frozenset[str], parts: list[str]
) -> list[tuple[int, int, str]]:
    """``(start, end, folded)`` for each character + run of ``chars`` (the
    unsafe marks, maybe with dropped characters) that must fold as one NFKC
    unit. ``parts`` is ``text`` split around those runs: text, run, … text.
    A text repeats few distinct clusters: each is judged once, and only the
    ones that fold differently are located, by C-level list operations."""
    kept, runs = parts[0::2], parts[1::2]
    # each run with the character before it (none for a run at the start)
    clusters = list(map(add, map(itemgetter(slice(-1, None)), kept[:-1]), runs))
    distinct = set(clusters)
    if any(len(c) > _MAX_CLUSTER for c in distinct):
        return _cluster_events_by_run(text, table, table.run_pattern(chars))
    differ = {c: out for c in distinct if (out := table.cluster(c)) is not None}
    if not differ:
        return []
    ends = list(accumulate(map(add, map(len, kept[:-1]), map(len, runs))))
    return [
        (ends[i] - len(clusters[i]), ends[i], differ[clusters[i]])
        for i in compress(range(len(clusters)), map(differ.__contains__, clusters))
    ]


def _cluster_events_by_run(
    text: str, table: _Table, runs: re.Pattern[str]
) -> list[tuple[int, int, str]]:
    """The same, run by run, cutting runs of more than ``_MAX_CLUSTER``: NFKC
    sorts a run of marks with an insertion sort (quadratic), and runs longer
    than Unicode's stream-safe limit (UAX #15: 30 marks) exist only in
    hostile text."""
    events = []
    for m in runs.finditer(text):
        start, end = m.span()
        if start:
            start -= 1
        for cut in range(start, end, _MAX_CLUSTER):
            stop = min(cut + _MAX_CLUSTER, end)
            whole = table.cluster(text[cut:stop])
            if whole is not None:
                events.append((cut, stop, whole))
    return events


def _apply_events(
    text: str,
    events: list[tuple[int, int, str]],
    fstarts: list[int],
    ostarts: list[int],
    widths: list[int],
) -> str:
    """Replace each ``(start, end, out)`` of ``text`` by ``out`` (events in
    order; one inside an earlier one is skipped) and append the map's pieces."""
    parts: list[str] = []
    o = f = 0
    for start, end, out in events:
        if start < o:
            continue
        parts.append(text[o:start])
        parts.append(out)
        f += start - o
        if out:
            fstarts.append(f)
            ostarts.append(start)
            widths.append(end - start)
            f += len(out)
        o = end
        fstarts.append(f)
        ostarts.append(o)
        widths.append(0)
    parts.append(text[o:])
    return "".join(parts)


def _build(text: str, diacritics: bool, hamza: bool, want_map: bool) -> Folded:
    table = _TABLES[(diacritics, hamza)]
    candidates = frozenset(_CANDIDATES.findall(text))
    plan = table.plan(candidates)
    special, dropped = plan.special, plan.dropped
    events: list[tuple[int, int, str]] = []  # (original start, end, folded output)
    parts: list[str] = []
    split_on: frozenset[str] | None = None
    if _needs_clusters(text, plan):
        # Only here can NFKC of the whole text differ from NFKC char by char:
        # a mark run and the character before it fold as one cluster.
        # (One split serves this and the map below when every mark drops.)
        split_on = dropped if plan.unsafe <= dropped else plan.unsafe
        parts = table.drop_pattern(split_on).split(text)
        events = _cluster_events(text, table, split_on, parts)
    fstarts, ostarts, widths = [0], [0], [0]
    if special and not events and dropped == special:
        # Only dropped characters (marks, tatweel, bidi controls): split the
        # text around their runs and build the map from run lengths, all in C.
        if split_on != dropped:
            parts = table.drop_pattern(dropped).split(text)
        kept, runs = parts[0::2], parts[1::2]
        folded = "".join(kept)
        kept_lens = list(map(len, kept))
        fstarts = [0, *accumulate(kept_lens[:-1])]
        ostarts = [0, *accumulate(map(add, kept_lens, map(len, runs)))]
        widths = [0] * len(fstarts)
    elif special or events:
        lone = [(m.start(), m.start() + 1, table.char(m.group())[1])
                for m in table.class_pattern(special).finditer(text)
                ] if special else []
        # a cluster sorts before a special at its own start, which it covers
        events = sorted(events + lone, key=lambda e: (e[0], -e[1])) if events else lone
        folded = _apply_events(text, events, fstarts, ostarts, widths)
    else:
        folded = text
    for ch, out in plan.replace:
        folded = folded.replace(ch, out)
    if not want_map:
        return Folded(folded, len(text), (), (), ())
    shifts = () if any(widths) else [0, *map(sub, ostarts, fstarts)]
    return Folded(folded, len(text), fstarts, ostarts, widths, plan.marks, shifts)


def _needs_clusters(text: str, plan: _Plan) -> bool:
    """Whether NFKC of the whole ``text`` may differ from NFKC character by
    character: it holds a character NFKC may merge with the one before,
    and it is not NFKC already (NFC text whose every candidate is its own
    NFKC is, whatever ``is_normalized`` answers for its marks' order)."""
    return bool(plan.unsafe) and not unicodedata.is_normalized("NFKC", text) and (
        not unicodedata.is_normalized("NFC", text) or not plan.nfkc_stable)


def _fold_only(text: str, diacritics: bool, hamza: bool) -> str:
    """``_build(...).text`` without the map, the same string: what an
    import folds for the indexes. When no character needs a piece of the
    map of its own but dropped ones (the case of nearly every article), the
    dropped characters are deleted and the 1:1 ones replaced, each by one
    ``str.replace``: no split into pieces, no ``Folded``."""
    table = _TABLES[(diacritics, hamza)]
    plan = table.plan(frozenset(_CANDIDATES.findall(text)))
    if plan.dropped != plan.special or _needs_clusters(text, plan):
        return _build(text, diacritics, hamza, False).text
    for ch in plan.dropped:
        text = text.replace(ch, "")
    for ch, out in plan.replace:
        text = text.replace(ch, out)
    return text


# An article has five fields and find has four option sets; library search
# snippets fold other articles through here too.
@lru_cache(maxsize=16)
def _cached(text: str, diacritics: bool, hamza: bool) -> Folded:
    return _build(text, diacritics, hamza, True)


def fold(text: str, *, diacritics: bool = True, hamza: bool = True) -> Folded:
    """Fold ``text`` for matching (module docstring), with the offset map.

    ``diacritics``/``hamza`` True mean "fold these away". The last few results
    are cached by (text, options): Python caches a str's hash, so calling
    again with the same string (every keystroke of in-article find) costs a
    dictionary lookup.
    """
    return _cached(text, diacritics, hamza)


def fold_text(text: str, *, diacritics: bool = True, hamza: bool = True) -> str:
    """Only the folded string (for indexes and list filters); no map, no cache."""
    return _fold_only(text, diacritics, hamza)


@lru_cache(maxsize=1 << 14)
def fold_word(word: str, *, diacritics: bool = True, hamza: bool = True) -> str:
    """``fold_text`` of one word, cached: the form in which the rules of quotes,
    speech, numbers and figures compare words (``يسمّى``, ``يسمي`` and
    ``يُسمى`` all give ``يسمي``). News repeats the same few thousand words
    around quotes and numbers, so the cache answers most calls; a word of
    Arabic letters, marks and ASCII folds by one ``str.translate`` (the same
    result as the full fold: every mark there is dropped and every letter
    that NFKC could compose with a mark folds to the base letter)."""
    if diacritics and hamza and _PLAIN_WORD.fullmatch(word) is not None:
        return word.translate(_PLAIN_TABLE)
    return _fold_only(word, diacritics, hamza)


def _plain_table() -> tuple[re.Pattern[str], dict[int, str]]:
    """The characters of ``fold_word``'s fast path and how they fold by
    default: Arabic letters U+0621..U+064A and alef wasla, the marks and
    tatweel (dropped), Arabic-Indic digits, ASCII letters and digits."""
    chars = ([chr(c) for c in range(0x0621, 0x0660)] + ["\u0670", "\u0671"]
             + [chr(c) for c in range(0x0660, 0x066A)]
             + [chr(c) for c in range(0x30, 0x3A)] + [chr(c) for c in range(0x41, 0x5B)]
             + [chr(c) for c in range(0x61, 0x7B)])
    table = {ord(ch): _apply_rules(ch, _rules(True, True)) for ch in chars}
    return re.compile(f"[{_class_body(frozenset(chars))}]*"), table


_PLAIN_WORD, _PLAIN_TABLE = _plain_table()


_WORD_LETTERS = [chr(c) for c in (*range(0x0621, 0x064B), 0x0671) if chr(c) not in MARKS]
_LETTER_FOLDS = tuple((ch, f) for ch in _WORD_LETTERS if (f := fold_word(ch)) != ch)
"""The Arabic letters that the fold writes as another letter (hamza seats,
ى, ة, ٱ), each with that letter: read from ``fold_word``."""
_LETTER_LINES = re.compile("[{}\n]*".format("".join(_WORD_LETTERS)))
"""Lines of Arabic letters only: no mark, no tatweel, no other script."""
if any(len(f) != 1 or fold_word(f) != f for _, f in _LETTER_FOLDS):
    _LETTER_LINES = re.compile("(?!)")  # pragma: no cover - a letter folded away


def fold_words(words: Collection[str]) -> list[str] | None:
    """``[fold_word(w) for w in words]`` for words of Arabic letters alone
    (U+0621..U+064A and alef wasla, no mark, no tatweel), or None when
    ``words`` is empty or any word holds anything else (a mark, tatweel, a
    digit, a Latin letter, a newline: the caller folds those with
    ``fold_word``, seldom in news). The new words of a sentence folded at
    once: a word of letters folds letter for letter, so one ``str.replace``
    over all of them for each letter that folds to another does what
    ``fold_word`` does with a ``str.translate`` a word, which looks each
    character up in a dict (some thirty times the instructions)."""
    joined = "\n".join(words)
    if _LETTER_LINES.fullmatch(joined) is None:
        return None
    for ch, folded in _LETTER_FOLDS:
        if ch in joined:
            joined = joined.replace(ch, folded)
    folded_words = joined.split("\n")
    return folded_words if len(folded_words) == len(words) else None


SEATS = "ءؤئ"
"""The ways of writing a hamza before و: on the line, on a waw, on a ya."""

_SEAT_BEFORE_WAW = re.compile(f"[{SEATS}](?=[{MARKS_CLASS}]*و)")

MAX_VARIED_SEATS = 3
"""Seats ``seat_spellings`` varies (27 spellings); the rest stay as written."""


def seat_spellings(text: str, *, diacritics: bool = True) -> list[str]:
    """``fold_text(text, diacritics=diacritics)`` and the folds of ``text``
    with each hamza written before و on another seat (``SEATS``): مسئول,
    مسؤول and مسءول are one word, spelled the Egyptian way and the
    Levantine one (شئون/شؤون, رءوس/رؤوس, يقرءون/يقرؤون), and the fold keeps
    ئ and ؤ apart (DESIGN decision 3: ئ -> ي, ؤ -> و). The fold of ``text``
    comes first, each spelling once, every one of its length and differing
    from it only at the seats; one spelling when no hamza stands before و.
    A search looks for all of them (``reader.text.find``, the library's
    query); a query typed with no hamza (مسوول) is taken as written."""
    composed = unicodedata.normalize("NFKC", text)  # و + U+0654 is ؤ
    seats = [m.start() for m in _SEAT_BEFORE_WAW.finditer(composed)][:MAX_VARIED_SEATS]
    first = fold_text(text, diacritics=diacritics)
    spellings = dict.fromkeys([first])
    for written in product(SEATS, repeat=len(seats)):
        chars = list(composed)
        for at, seat in zip(seats, written, strict=True):
            chars[at] = seat
        folded = fold_text("".join(chars), diacritics=diacritics)
        if len(folded) == len(first):  # one letter for one, as the seats fold
            spellings[folded] = None
    return list(spellings)


def _variants() -> dict[str, str]:
    """Folded letter -> every letter the default fold turns into it
    (``ا`` -> ``اأإآٱ``), read from the fold's own rules."""
    out: dict[str, str] = {}
    for ch, folded in sorted(_rules(True, True).items()):
        if len(folded) == 1 and folded.isalpha():
            out[folded] = out.get(folded, folded) + ch
    return out


VARIANTS: dict[str, str] = _variants()
"""Folded letter -> its spellings: ``{"ا": "اآأإٱ", "و": "وؤ", "ي": "يئى", "ه": "هة"}``."""


def loose_pattern(folded: str, *, gap: str = r"[^\S\n]+") -> str:
    """A regex (source) matching, in original text, every spelling of the
    folded word or phrase ``folded``: each letter as any of its ``VARIANTS``,
    marks and tatweel after any letter, ``gap`` for each space (by default
    white space within a paragraph)."""
    out: list[str] = []
    marks = f"[{MARKS_CLASS}]*"
    for ch in folded:
        if ch == " ":
            out.append(gap)
            continue
        cls = VARIANTS.get(ch, ch)
        out.append((f"[{cls}]" if len(cls) > 1 else re.escape(cls)) + marks)
    return "".join(out)


def loose_spellings(folded: str) -> list[str]:
    """``loose_pattern(folded)`` split by the spelling of its first letter,
    one regex source each (``وفق`` gives one opening with و, one with ؤ).
    Joined by ``|`` at the top of a pattern they let a search skip to the
    letters a match can open with: an alternative that opens with a class,
    a group or a look-behind makes the regex engine try every character."""
    first = folded[:1]
    rest = f"[{MARKS_CLASS}]*" + loose_pattern(folded[1:])
    return [re.escape(v) + rest for v in VARIANTS.get(first, first)]


_Trie = dict[str, "_Trie"]


def loose_alternation(
    words: list[str], *, marks: str = f"[{MARKS_CLASS}]*", gap: str = r"[^\S\n]+",
    split_first: bool = False,
) -> str:
    """A regex (source) matching every spelling of any of the folded
    ``words`` (each as ``loose_pattern`` spells it), factored by common
    prefixes: the regex engine tries each letter once rather than each word,
    so a place where no word starts fails at the first letter. Where one word
    is a prefix of another the longer is tried first, as in an alternation
    sorted longest first. ``marks`` follows each letter (a possessive
    ``*+`` where no mark can follow a word); ``split_first`` gives each
    spelling of a first letter a branch of its own, so that a pattern that
    starts with the alternation lets the regex engine skip the characters
    no word starts with."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie, *, first: bool = False) -> str:
        alts: list[str] = []
        for ch, child in sorted(node.items()):
            if not ch:
                continue
            if ch == " ":
                alts.append(gap + build(child))
                continue
            spellings = VARIANTS.get(ch, ch)
            rest = marks + build(child)
            if first and split_first:
                alts.extend(re.escape(v) + rest for v in spellings)
            else:
                letter = f"[{spellings}]" if len(spellings) > 1 else re.escape(ch)
                alts.append(letter + rest)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie, first=True)
