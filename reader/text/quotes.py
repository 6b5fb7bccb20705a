"""Quotation highlights (DESIGN decision 5): what the press puts in quotation marks.

``find_quotes(text)`` pairs the quotation marks of ``text`` and returns one
``Highlight`` of kind ``quote`` per pair, subtype ``quotation`` (someone's
words) or ``term`` (a quoted name, title, label or scare quote).

How marks pair, as an editor reads them:

* Every pairing of real Arabic press: « », ‹ ›, “ ” and the reversed ” “,
  „ “, straight "…" and mixtures of them (``"…»`` and ``«…"`` both occur).
  Reversed guillemets (``»…«``) open with ».
* A symmetric mark (" “ ” ‟) opens or closes by its flanks: a space or line
  start before and a letter after opens; a letter or punctuation before and a
  space, punctuation or line end after closes; marks glued on both sides or
  spaced on both sides alternate. So ``من"مضايقات"`` and ``خاشقجي:" أمس``
  pair as a reader expects.
* Marks pair within one paragraph (a ``\\n``-separated line). An unpaired
  mark is dropped: it never swallows the rest of the article. A straight
  mark after a digit that has nothing to close (``6"``, inches) is dropped.
* The one exception is the press convention for a quotation that runs over
  several paragraphs: the opening mark is repeated at the start of each
  following paragraph and only the last one is closed. A paragraph that ends
  inside an open quotation (for symmetric marks: the opening mark is the
  paragraph's last mark) and a next paragraph that opens with the same kind
  of mark make ONE quotation: one highlight from the first opening mark to
  the final closing mark, spanning the paragraphs; its text contains the
  newline(s) and the repeated opening mark(s).
* Nested quotes are their own highlights, wholly inside the outer one.
  Nesting deeper than ``MAX_DEPTH`` is ignored, which also keeps pathological
  input (a megabyte of «) linear.

Spans are the text inside the marks, marks and outer white space excluded;
a pair with no letter or digit inside (ditto marks, ``" "``) gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from reader.text.fold import INVISIBLE, fold_word, loose_pattern
from reader.text.spans import Highlight
from reader.text.speech import (
    ACCORDING_TO,
    has_speech_verb,
    is_participle,
    speaker_after,
    speaker_before,
    speech_verb_at,
    words_after_speech_verb,
)

MAX_DEPTH = 8
"""Deepest nesting of open quotes that is tracked; real press nests two or three."""

_SCAN = re.compile('[«»‹›"“”„‟\n]')
_SYMMETRIC = frozenset('"“”‟')
_ANY_MARK = frozenset('«»‹›"“”„‟')
# What may stand right before an opening mark besides white space.
_OPEN_PUNCT = frozenset("([{:؛;—–-/«‹„")
# What may stand right after a closing mark besides white space.
_CLOSE_PUNCT = frozenset(".,،؛;:!?؟)]}…»›")

_PREFIXES = frozenset("وفبلكـ")
# Bidi controls, zero-width characters and the BOM: a mark's flanks are read
# past them (the one set of reader.text.fold).
_INVISIBLE = INVISIBLE

_GUILLEMET, _ANGLE, _CURLY = "g", "a", "s"
_FAMILY = {"«": _GUILLEMET, "»": _GUILLEMET, "‹": _ANGLE, "›": _ANGLE}

_OPENER, _CLOSER, _EITHER = 1, 2, 3


@dataclass(slots=True)
class _Open:
    pos: int
    family: str
    weak: bool = False  # a closing-shaped straight mark with nothing to close
    reversed: bool = False  # » opening a reversed pair


def _role(text: str, i: int, n: int) -> int:
    j = i - 1
    while j >= 0 and text[j] in _INVISIBLE:
        j -= 1
    k = i + 1
    while k < n and text[k] in _INVISIBLE:
        k += 1
    prev = text[j] if j >= 0 else "\n"
    nxt = text[k] if k < n else "\n"
    open_left = prev.isspace() or prev in _OPEN_PUNCT or prev in _ANY_MARK
    if not open_left and prev in _PREFIXES:
        # و"… ، بـ"… ، ل"…: a one-letter prefix glued to the quote it opens.
        before = text[j - 1] if j > 0 else "\n"
        open_left = prev == "ـ" or before.isspace() or before in _OPEN_PUNCT
    open_right = nxt.isspace() or nxt in _CLOSE_PUNCT or nxt in _ANY_MARK
    if open_left and not open_right:
        return _OPENER
    if open_right and not open_left:
        return _CLOSER
    return _EITHER


class _Pairer:
    """The state of one left-to-right scan of ``pair_marks``: the open marks
    of the current paragraph, the pairs found, and a quotation carried over a
    paragraph end. One method per kind of mark, each a few lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.pairs: list[tuple[int, int]] = []
        self.stack: list[_Open] = []
        self.last_mark = -1  # last quotation mark of the current paragraph
        self.carried: _Open | None = None  # a quotation continuing past a paragraph end
        self.reopen_at = -1  # the repeated opening mark that continues it

    def close(self, index: int, pos: int) -> None:
        self.pairs.append((self.stack[index].pos, pos))
        del self.stack[index:]

    def push(self, mark: _Open) -> None:
        if len(self.stack) < MAX_DEPTH:
            self.stack.append(mark)

    def nearest(self, family: str, *, reversed_: bool = False) -> int:
        """The index of the innermost open mark of ``family`` (-1 if none)."""
        for k in range(len(self.stack) - 1, -1, -1):
            o = self.stack[k]
            if o.family == family and o.reversed == reversed_ and not o.weak:
                return k
        return -1

    def paragraph_end(self, i: int) -> None:
        if not self.stack and self.carried is None and self.reopen_at < 0:
            self.last_mark = -1
            return  # the common case: nothing open, nothing carried
        if self.stack or self.carried is not None:
            self.carried, self.reopen_at = _paragraph_end(
                self.text, i, self.stack, self.last_mark, self.carried, self.reopen_at)
        else:
            self.reopen_at = -1  # nothing open, nothing carried: nothing continues
        self.stack.clear()
        self.last_mark = -1

    def reopen(self) -> bool:
        """At the repeated opening mark of a carried quotation: take it up
        again (it may go on into a third paragraph the same way)."""
        if self.carried is None:
            return False
        self.stack[:] = [self.carried]
        self.last_mark = self.carried.pos
        self.carried, self.reopen_at = None, -1
        return True

    def opening_guillemet(self, i: int, c: str) -> None:
        """« or ‹: opens, unless its flanks make it close (``«…«``)."""
        family = _FAMILY[c]
        k = -1
        if _role(self.text, i, self.n) == _CLOSER:
            k = self.nearest(family, reversed_=True)
            if k < 0:
                k = self.nearest(family)  # «…« : the closing mark typed the wrong way
        if k >= 0:
            self.close(k, i)
        else:
            self.push(_Open(i, family))

    def closing_guillemet(self, i: int, c: str) -> None:
        """» or ›: closes its family (needs no flanks), a mixed pair, or opens
        a reversed pair."""
        family = _FAMILY[c]
        k = self.nearest(family)
        while k < 0 and self.stack and self.stack[-1].weak:
            self.stack.pop()
        if k >= 0:
            self.close(k, i)
            return
        role = _role(self.text, i, self.n)
        if self.stack and role != _OPENER:
            self.close(len(self.stack) - 1, i)  # a mixed pair: "…» or “…»
        elif role == _OPENER:
            self.push(_Open(i, family, reversed=True))

    def symmetric(self, i: int) -> None:
        """" “ ” ‟: opens or closes by its flanks."""
        role = _role(self.text, i, self.n)
        stack = self.stack
        if role == _CLOSER:
            k = self.nearest(_CURLY)
            if k < 0 and stack and stack[-1].weak:
                self.close(len(stack) - 1, i)
            elif k >= 0:
                self.close(k, i)
            elif stack:
                self.close(len(stack) - 1, i)  # a mixed pair: «…"
            elif not self.text[i - 1].isdigit():
                self.push(_Open(i, _CURLY, weak=True))
        elif role == _OPENER:
            if stack and stack[-1].weak:
                stack.pop()
            self.push(_Open(i, _CURLY))
        elif stack and stack[-1].family == _CURLY:
            self.close(len(stack) - 1, i)
        else:
            self.push(_Open(i, _CURLY))


def pair_marks(text: str) -> list[tuple[int, int]]:
    """The quotation mark pairs of ``text`` as ``(open, close)`` indices of
    the marks themselves, ``open < close``, in order of the closing mark.

    Pairs never cross: two pairs are disjoint or one lies wholly inside the
    other. Runs in time linear in ``len(text)``."""
    p = _Pairer(text)
    symmetric, paragraph_end = p.symmetric, p.paragraph_end
    for m in _SCAN.finditer(text):
        i = m.start()
        c = text[i]
        if c == "\n":
            paragraph_end(i)
        elif i == p.reopen_at and p.reopen():
            continue
        else:
            p.last_mark = i
            # The flanks (_role) are read only where they decide something.
            if c in _SYMMETRIC:
                symmetric(i)
            elif c in "«‹":
                p.opening_guillemet(i, c)
            elif c in "»›":
                p.closing_guillemet(i, c)
            else:  # „
                p.push(_Open(i, _CURLY))
    return p.pairs


def _paragraph_end(
    text: str,
    newline: int,
    stack: list[_Open],
    last_mark: int,
    carried: _Open | None,
    reopen_at: int,
) -> tuple[_Open | None, int]:
    """Decide at a paragraph end whether an open quotation continues into the
    next paragraph; returns the quotation carried on and the index of the
    repeated opening mark that continues it (or ``(None, -1)``)."""
    if carried is not None and reopen_at > newline:
        return carried, reopen_at  # a blank line between the two paragraphs
    candidates = [o for o in stack if not o.weak and not o.reversed]
    if not candidates:
        return None, -1
    top = candidates[-1]
    if top.family != _GUILLEMET and top.pos != last_mark:
        return None, -1
    j = newline + 1
    n = len(text)
    while j < n and (text[j].isspace() or text[j] in _INVISIBLE):
        j += 1
    if j >= n:
        return None, -1
    c = text[j]
    if top.family == _GUILLEMET:
        ok = c == "«"
    elif top.family == _ANGLE:
        ok = c == "‹"
    else:
        ok = c in '"“”„‟' and j + 1 < n and not text[j + 1].isspace()
    return (top, j) if ok else (None, -1)


def find_quotes(text: str) -> list[Highlight]:
    """Every quotation and quoted term in ``text`` (kind ``quote``), sorted by
    ``(start, -end)``.

    ``start``/``end`` are str indices into ``text`` of the words inside the
    marks (marks and the white space or bidi controls next to them
    excluded), so
    ``text[h.start:h.end] == h.text``. ``subtype`` is ``quotation`` or
    ``term``; ``speaker`` is the speaker named for a quotation as written in
    ``text`` (a substring of it), "" when only a pronoun or nothing names
    them. ``value`` is None. Never raises on any ``str``."""
    found: list[Highlight] = []
    pairs = pair_marks(text)
    outer_close = -1  # the closing mark of the last pair that holds others
    for open_pos, close_pos in sorted(pairs):
        start, end = open_pos + 1, close_pos
        while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
            end -= 1
        nested = open_pos < outer_close
        if not nested:
            outer_close = close_pos
        if not _has_word(text, start, end):
            continue
        quote = _Quote(text, open_pos, close_pos, start, end, nested)
        subtype = "quotation" if is_quotation(quote) else "term"
        speaker = _speaker(text, open_pos, close_pos) if subtype == "quotation" else ""
        found.append(Highlight("quote", subtype, start, end, text[start:end], None, speaker))
    found.sort(key=lambda h: (h.start, -h.end))
    return found


_WORD_CHAR = re.compile(r"[^\W_]")


def _has_word(text: str, start: int, end: int) -> bool:
    return _WORD_CHAR.search(text, start, end) is not None


def _speaker(text: str, open_pos: int, close_pos: int) -> str:
    return speaker_before(text, open_pos) or speaker_after(text, close_pos + 1)


# ---------------------------------------------------------------- subtype
#
# Quotation or term is decided by cues an editor reads, each with a weight:
# the sum of the weights of the cues that hold is the score, and a score
# above 0 is a quotation. Every cue word is compared through fold_word, so a
# cue matches every spelling that find treats as the same word.


def _folded(words: str, *, conjunctions: bool = False) -> frozenset[str]:
    """``words`` folded; with ``conjunctions`` also with و and ف glued before."""
    folded = frozenset(map(fold_word, words.split()))
    if conjunctions:
        folded |= {c + w for c in "وف" for w in folded}
    return folded


_THAT = _folded(
    "إن أن أنه إنه أنها إنها بأن بأنه بأنها إنهم أنهم إننا أننا إنني أنني فإن وإن وأن")
_BARE_THAT = _folded("إن أن بأن فإن وإن وأن")
"""أن/إن with no pronoun attached: what follows is the subject of the clause."""
_DEMONSTRATIVES = _folded("هذا هذه ذلك تلك هذان هاتان")
_PERSON = _folded("أنا نحن إنني إننا لقد لسنا لست أنت أنتم علينا لدينا نريد أريد")
# Nouns after which a quoted phrase is the name of the thing: مجلة «…».
_NAMING = _folded(
    """
    مجلة المجلة صحيفة الصحيفة أسبوعية يومية وكالة موقع شركة الشركة منظمة
    جمعية حزب حركة معهد مؤتمر تطبيق تطبيقات مسجد جامع جامعة فيلم كتاب برنامج
    قناة مجموعة تنظيم لجنة مكتب هيئة ميزة المعالج مصرف فندق شارع مدينة بلدة
    بلدية مشروع عملية حملة مركز أطروحته بعنوان عنوان باسم اسم يسمى تسمى يدعى
    تدعى المعروف المعروفة بلقب لقب وسام جائزة مهرجان متجر متجري لموقعي
    الملقب الملقبة شعار تحت مؤسسة رواية روايته مسلسل أغنية ألبوم تقرير
    المعجم معجم دار نادي بنك جوائز جماعة
    """
)
# Verbs of describing: what follows in marks is how someone put it.
_DESCRIBING = _folded(conjunctions=True, words="""
    وصف وصفت وصفه وصفها وصفته وصفوا يصف تصف يصفون واصفا واصفة بوصفه بوصفها
    معتبرا معتبرة اعتبره اعتبرها
    """
)
# The same, impersonal or passive: a label, not anyone's words (يمكن وصفه بـ).
_LABELLING = _folded("يوصف توصف يسمى تسمى يعرف تعرف يتميز تتميز يتسم تتسم يمكن",
                     conjunctions=True)
_PREPOSITIONS = _folded("من إلى على عن في ب ل")
_RELATIVES = _folded("الذي التي الذين")
_CHARGES = _folded("تهمة بتهمة تهم بتهم التهم اتهام باتهام اتهامات الاتهامات")
_IN_LIST = re.compile('[«»‹›"“”„‟]\\s*(?:،\\s*|و\\s*|أو\\s+)?$')
# "«…»، وفقاً لما أعلن الرئيس", "«…» بحسب الوزارة": words attributed after the quote.
_ATTRIBUTION_AFTER = re.compile(
    "[\\s،,]*(?:{according}|{per}\\s+{to}|{as_}\\s+(?:{was}\\s+)?(?:{said})"
    "|{on}\\s+{limit}\\s+(?:{his}))".format(
        according=ACCORDING_TO, per=loose_pattern("وفق"), to=loose_pattern("ل"),
        as_=loose_pattern("كما"), was=loose_pattern("كان"), on=loose_pattern("علي"),
        limit=loose_pattern("حد"),
        said="|".join(map(loose_pattern, "قال يقول تقول قالت يعبر".split())),
        his="|".join(map(loose_pattern, "قوله قولها تعبيره تعبيرها".split())))
)
_SENTENCE_PUNCT = re.compile("[.!؟?]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


def _bare(word: str) -> str:
    """A folded ``word`` without a leading و/ف and then ل/ب/ك (لحركة -> حركة)."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if len(word) > 3 and word[0] in "لبك":
        word = word[1:]
    return word


_T = TypeVar("_T")


class _Lazy(Generic[_T]):
    """A property computed on first use and then kept in the instance (like
    functools.cached_property, without its lock: each quote is read by one
    thread, and a cue is read several times per quote)."""

    def __init__(self, func: Callable[[_Quote], _T]) -> None:
        self.func = func
        self.name = func.__name__

    def __get__(self, obj: _Quote, owner: type | None = None) -> _T:
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class _Quote:
    """What the cues read about one quote: the text around and inside it,
    computed once (the sentence before the quote, the words before it)."""

    def __init__(self, text: str, open_pos: int, close_pos: int, start: int, end: int,
                 nested: bool = False) -> None:
        self.text, self.open_pos, self.close_pos = text, open_pos, close_pos
        self.nested = nested
        line_start = text.rfind("\n", max(0, open_pos - 160), open_pos) + 1
        self.before = text[max(line_start, open_pos - 160) : open_pos]
        self.head = self.before.rstrip()
        self.inner = text[start : min(end, start + 400)]
        self.inner_words = self.inner.split(None, 16)  # enough to count up to _LONG
        self.words = len(self.inner_words)
        if not self.head and line_start > 1:
            # The quote opens its paragraph: a colon ending the paragraph
            # before it introduces it ("نقلت الوكالة عن المتحدث قوله:").
            self.colon = text[max(0, line_start - 40) : line_start].rstrip().endswith((":", "："))
        else:
            self.colon = self.head.endswith((":", "："))
        tokens = self.head[-80:].split()
        self.folded = [fold_word(t.strip(" \t،,():")) for t in tokens[-6:]]
        last = self.folded[-1] if self.folded else ""
        self.last, self.last_bare = last, _bare(last)

    @_Lazy
    def sentence(self) -> str:
        """The part of ``before`` in the quote's own sentence."""
        return _sentence_end(self.before)

    @_Lazy
    def that(self) -> bool:
        """أن/إن right before the quote, or before it and its subject when
        the quote is a clause (``اعتبر أن فريقه «…»``)."""
        if self.last in _THAT or self.last_bare in _THAT:
            return True
        return (len(self.folded) > 1 and self.words >= 3 and self.folded[-2] in _THAT
                and self.last not in _NAMING)

    @_Lazy
    def verb_after(self) -> bool:
        return _verb_right_after(self.text, self.close_pos)

    @_Lazy
    def naming(self) -> bool:
        return self.last in _NAMING or self.last_bare in _NAMING

    @_Lazy
    def described(self) -> bool:
        """A describing verb among the last four words: ``واصفا الاتفاق
        بـ«…»``, ``ووصفته بأنه عمل «…»``, ``بوصفها «…»``."""
        if _DESCRIBING.isdisjoint(self.folded[-4:]) or self.labelled:
            return False
        words = self.folded[-4:]
        for k, w in enumerate(words):
            if w in ("وصف", "وصفت") and k and words[k - 1] in _RELATIVES:
                return False  # القانون الذي وُصف بـ«…»: passive, a label
        # The verb leads into its description: بـ, بأنه, or بوصفه itself.
        return (self.head.endswith("بـ") or self.last.startswith(("ب", "كـ"))
                or self.last in _DESCRIBING)

    @_Lazy
    def labelled(self) -> bool:
        """An impersonal label among the last six words: ``ما يمكن وصفه بأنه
        «…»``, ``تتميز الخيارات على نطاق واسع بأنها «…»``."""
        return not _LABELLING.isdisjoint(self.folded[-6:])

    @_Lazy
    def charge(self) -> bool:
        """A word of accusing right before: ``اتهامات «…»``, ``بتهمة «…»``."""
        return self.last in _CHARGES or self.last_bare in _CHARGES or (
            self.last.startswith("اتهام") and len(self.last) <= 8)

    @_Lazy
    def verb_before(self) -> bool:
        """A speech verb right before the quote, or before a preposition
        right before it: ``وقال «…»``, ``يصيح بقوله «…»``, ``حذر من «…»``."""
        words = self.folded[-2:] if self.last in _PREPOSITIONS else self.folded[-1:]
        return bool(words) and has_speech_verb(" ".join(words))

    @_Lazy
    def after_speech_verb(self) -> list[str] | None:
        """The words of the sentence after its last speech verb (None: no verb)."""
        return words_after_speech_verb(self.sentence)

    @_Lazy
    def reported(self) -> bool:
        """The quote sits in reported speech: a speech verb earlier in its
        sentence, then أن/إن, then more words before the quote (``أكد أن
        الاستطلاع كان «…»``)."""
        after = self.after_speech_verb
        if not after:
            return False
        between = map(fold_word, after[:-1])
        return any(w in _THAT or _bare(w) in _THAT for w in between)

    @_Lazy
    def introduced(self) -> bool:
        """Something presents the quote as someone's words."""
        return (self.colon or self.that or self.verb_after or self.verb_before
                or self.described or self.reported or self.attribution_after)

    @_Lazy
    def attribution_after(self) -> bool:
        return _ATTRIBUTION_AFTER.match(self.text, self.close_pos + 1) is not None

    @_Lazy
    def subject_name(self) -> bool:
        """One word right after أن/إن and followed by more words: the subject
        of the clause, a name (``إن «داعش» خسر``)."""
        if self.words != 1 or self.last not in _BARE_THAT:
            return False
        after = self.text[self.close_pos + 1 : self.close_pos + 3].lstrip(" ")
        return after[:1].isalpha()


    @_Lazy
    def speaker_named(self) -> bool:
        """The quote is followed by أن/إن: it names who speaks, after the
        verb (``وقالت «أرامكو»، إن …``)."""
        after = self.text[self.close_pos + 1 : self.close_pos + 12].lstrip(" ،,")
        word = after.split(" ", 1)[0] if after else ""
        return fold_word(word) in _THAT

    @_Lazy
    def named_again(self) -> bool:
        """The same words stand unquoted nearby as a whole word: a name that
        the text repeats (``شركة «أرامكو»`` … ``أرامكو السعودية``)."""
        if self.words > 3 or not self.inner_words:
            return False
        phrase = " ".join(self.inner_words)
        text = self.text
        hi = min(len(text), self.close_pos + _NEARBY)
        a = text.find(phrase, max(0, self.open_pos - _NEARBY), hi)
        while a >= 0:
            b = a + len(phrase)
            if not self.open_pos <= a <= self.close_pos:
                prev = text[a - 1] if a else " "
                nxt = text[b] if b < len(text) else " "
                if not (prev.isalpha() or nxt.isalpha() or prev in _ANY_MARK or nxt in _ANY_MARK):
                    return True
            a = text.find(phrase, a + 1, hi)
        return False


_NEARBY = 3000
"""How far around a short quote its words are looked for again (bounded, so
that a text of thousands of quotes stays linear)."""


_LONG = 8
"""Quotes of this many words or more read alike: lengths are capped here."""


@dataclass(frozen=True)
class Cue:
    """One thing an editor reads around a quote: its weight towards
    quotation (> 0) or term (< 0), and why. ``words`` is the range of
    quote lengths (in words) for which the cue can hold at all."""

    name: str
    weight: int
    holds: Callable[[_Quote], bool]
    why: str
    words: range = range(0, _LONG + 1)


CUES: tuple[Cue, ...] = (
    Cue("long", 3, lambda q: True, "a clause of eight words or more is someone's words",
        range(_LONG, _LONG + 1)),
    Cue("medium", 1, lambda q: True, "five to seven words lean to a quotation", range(5, _LONG)),
    Cue("one or two words", -2, lambda q: True, "names and labels are short", range(0, 3)),
    Cue("colon", 4, lambda q: q.colon, "وقال: «…» (also a colon ending the paragraph before)"),
    Cue("that", 2, lambda q: q.that, "أن/إن right before: أكد أن «…»"),
    Cue("full stop at the end", 2, lambda q: q.inner.rstrip()[-1:] in (".", "!"),
        "a title or a name seldom ends with a full stop"),
    Cue("sentence punctuation", 1, lambda q: _SENTENCE_PUNCT.search(q.inner) is not None,
        "a sentence inside the marks"),
    Cue("naming noun", -3, lambda q: q.naming, "صحيفة «…»، تقرير «…»: the name of the thing"),
    Cue("naming noun after a colon", -4, lambda q: q.naming and q.colon,
        "بعنوان: «…» names a work: that colon is no speech colon"),
    Cue("in a list", -2, lambda q: _IN_LIST.search(q.head[-8:]) is not None,
        "one item of a list of quoted names: «…» و«…»"),
    Cue("Latin name", -5,
        lambda q: not _ARABIC.search(q.inner) and _LATIN.search(q.inner) is not None,
        "a short Latin phrase in Arabic text is a name", range(0, 4)),
    Cue("nested and short", -4, lambda q: q.nested,
        "a short quote inside someone's words is a name they used", range(0, 4)),
    Cue("charge", -4, lambda q: q.charge, "اتهامات «…»، بتهمة «…»: the name of a charge"),
    Cue("glued preposition", -3, lambda q: q.head.endswith(("بـ", "لـ")) and not q.described,
        "اتهم بـ«…», يلقب بـ«…»: a charge or a label"),
    Cue("labelled", -4, lambda q: q.labelled, "ما يمكن وصفه بأنه «…»: a label, no speaker"),
    Cue("described", 5, lambda q: q.described, "واصفا الاتفاق بـ«…»: how someone put it"),
    Cue("definite noun", -3,
        lambda q: _bare(fold_word(q.inner_words[0])).startswith("ال")
        and not (q.colon or q.verb_before or q.described or q.last in _DEMONSTRATIVES),
        "عناصر «العصابة»: a definite noun alone names something (هذا «المؤامرة» quotes a word)",
        range(1, 3)),
    Cue("verb before", 3, lambda q: q.verb_before, "وقال «…»، حذر من «…»"),
    Cue("verb after", 3, lambda q: q.verb_after, "«…»، قال الوزير"),
    Cue("subject name", -3, lambda q: q.subject_name, "إن «داعش» خسر: a name as the subject",
        range(1, 2)),
    Cue("speaker named", -4, lambda q: q.speaker_named,
        "وقالت «أرامكو»، إن …: the quote names who speaks", range(0, 4)),
    Cue("attribution after", 3, lambda q: q.attribution_after, "«…»، بحسب الوزارة"),
    Cue("reported", 3, lambda q: q.reported and not q.that,
        "in the clause of a speech verb: أكد أن الاستطلاع كان «…»"),
    Cue("short and not introduced", -2, lambda q: not q.introduced,
        "a short phrase that nothing presents as said is a name, label or scare quote",
        range(0, 4)),
    Cue("speech verb in the sentence", 2, lambda q: q.after_speech_verb is not None,
        "a verb of saying earlier in the sentence"),
    Cue("named again", -3, lambda q: q.named_again,
        "the same words stand unquoted nearby: a name the text repeats", range(1, 4)),
    Cue("first person", 1, lambda q: any(fold_word(w) in _PERSON for w in q.inner_words[:16]),
        "أنا، نحن، لقد inside: spoken words"),
)
"""The cues, cheapest first: ``is_quotation`` reads them in this order and stops
as soon as the ones left cannot change the sign of the sum."""


def _cues_for(words: int) -> tuple[Cue, ...]:
    return _PLANS[min(words, _LONG)][0]


def score(quote: _Quote) -> int:
    """The sum of the weights of the cues that hold: > 0 is a quotation."""
    return sum(cue.weight for cue in _cues_for(quote.words) if cue.holds(quote))


_Reader = tuple[tuple[Callable[[_Quote], bool], ...], tuple[int, ...]]


def _plan(words: int) -> tuple[tuple[Cue, ...], _Reader, _Reader]:
    """The cues that can hold for a quote of ``words`` words, in table order,
    and the positive and the negative ones apart (their tests and weights)."""
    cues = tuple(c for c in CUES if words in c.words)
    pos = [c for c in cues if c.weight > 0]
    neg = [c for c in cues if c.weight < 0]
    return (cues, (tuple(c.holds for c in pos), tuple(c.weight for c in pos)),
            (tuple(c.holds for c in neg), tuple(c.weight for c in neg)))


_PLANS = [_plan(n) for n in range(_LONG + 1)]


def is_quotation(quote: _Quote) -> bool:
    """``score(quote) > 0``, reading as few cues as it takes: while the sum
    so far is positive only a negative cue can change the outcome, and the
    other way round, so the next cue is taken from the side that can, in
    table order (the costly ones come last); it stops once the cues left on
    that side cannot change the sign. A text of thousands of «x» stays fast."""
    _, (pos_holds, pos_weights), (neg_holds, neg_weights) = _PLANS[min(quote.words, _LONG)]
    up, down = sum(pos_weights), sum(neg_weights)
    total = 0
    p = n = 0
    while True:
        if total > 0:
            if total + down > 0:
                return True
            if neg_holds[n](quote):
                total += neg_weights[n]
            down -= neg_weights[n]
            n += 1
        else:
            if total + up <= 0:
                return False
            if pos_holds[p](quote):
                total += pos_weights[p]
            up -= pos_weights[p]
            p += 1


def _sentence_end(before: str) -> str:
    """The end of the last sentence of ``before``: after its last . ؟ or !."""
    cut = max(before.rfind("."), before.rfind("؟"), before.rfind("!"))
    return before[cut + 1 :] if cut >= 0 else before


def _verb_right_after(text: str, close_pos: int) -> bool:
    """True when a finite speech verb follows the closing mark directly:
    ``«…»، قال الوزير``. A participle there (``«…»، مضيفاً أن``) leads into
    what follows, so it does not count."""
    tail = text[close_pos + 1 : close_pos + 20].split("\n", 1)[0]
    stripped = tail.lstrip(" ،,.")
    end = speech_verb_at(stripped, 0)
    return end >= 0 and not is_participle(stripped[:end])
