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
from dataclasses import dataclass
from functools import lru_cache

from reader.text.bidi import INVISIBLE
from reader.text.spans import Highlight
from reader.text.speech import (
    has_speech_verb,
    is_participle,
    speaker_after,
    speaker_before,
    speech_verb_at,
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
# past them.
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


def pair_marks(text: str) -> list[tuple[int, int]]:
    """The quotation mark pairs of ``text`` as ``(open, close)`` indices of
    the marks themselves, ``open < close``, in order of the closing mark.

    Pairs never cross: two pairs are disjoint or one lies wholly inside the
    other. Runs in time linear in ``len(text)``."""
    n = len(text)
    pairs: list[tuple[int, int]] = []
    stack: list[_Open] = []
    last_mark = -1  # last quotation mark of the current paragraph
    carried: _Open | None = None  # a quotation continuing past a paragraph end
    reopen_at = -1  # the repeated opening mark that continues it

    def close(index: int, pos: int) -> None:
        pairs.append((stack[index].pos, pos))
        del stack[index:]

    def nearest(family: str, *, reversed_: bool = False) -> int:
        for k in range(len(stack) - 1, -1, -1):
            o = stack[k]
            if o.family == family and o.reversed == reversed_ and not o.weak:
                return k
        return -1

    for m in _SCAN.finditer(text):
        i = m.start()
        c = text[i]
        if c == "\n":
            if stack or carried is not None:
                carried, reopen_at = _paragraph_end(text, i, stack, last_mark, carried, reopen_at)
            else:
                reopen_at = -1  # nothing open, nothing carried: nothing continues
            stack.clear()
            last_mark = -1
            continue
        if i == reopen_at and carried is not None:
            stack[:] = [carried]
            # The repeated mark stands for the carried one, which may go on
            # into a third paragraph the same way.
            last_mark = carried.pos
            carried, reopen_at = None, -1
            continue
        last_mark = i
        # The flanks (_role) are read only where they decide something: a »
        # that closes an open « needs none, nor does „.
        if c in "«‹":
            family = _FAMILY[c]
            k = -1
            if _role(text, i, n) == _CLOSER:
                k = nearest(family, reversed_=True)
                if k < 0:
                    k = nearest(family)  # «…« : the closing mark typed the wrong way
            if k >= 0:
                close(k, i)
            elif len(stack) < MAX_DEPTH:
                stack.append(_Open(i, family))
            continue
        if c in "»›":
            family = _FAMILY[c]
            k = nearest(family)
            while k < 0 and stack and stack[-1].weak:
                stack.pop()
            if k >= 0:
                close(k, i)
                continue
            role = _role(text, i, n)
            if stack and role != _OPENER:
                close(len(stack) - 1, i)  # a mixed pair: "…» or “…»
            elif role == _OPENER and len(stack) < MAX_DEPTH:
                stack.append(_Open(i, family, reversed=True))
            continue
        if c == "„":
            if len(stack) < MAX_DEPTH:
                stack.append(_Open(i, _CURLY))
            continue
        role = _role(text, i, n)
        if role == _CLOSER:
            k = nearest(_CURLY)
            if k < 0 and stack and stack[-1].weak:
                close(len(stack) - 1, i)
            elif k >= 0:
                close(k, i)
            elif stack:
                close(len(stack) - 1, i)  # a mixed pair: «…"
            elif not text[i - 1].isdigit() and len(stack) < MAX_DEPTH:
                stack.append(_Open(i, _CURLY, weak=True))
        elif role == _OPENER:
            if stack and stack[-1].weak:
                stack.pop()
            if len(stack) < MAX_DEPTH:
                stack.append(_Open(i, _CURLY))
        elif stack and stack[-1].family == _CURLY:
            close(len(stack) - 1, i)
        elif len(stack) < MAX_DEPTH:
            stack.append(_Open(i, _CURLY))
    return pairs


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
    for open_pos, close_pos in pair_marks(text):
        start, end = open_pos + 1, close_pos
        while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
            end -= 1
        if not _has_word(text, start, end):
            continue
        subtype, speaker = _classify(text, open_pos, close_pos, start, end)
        found.append(Highlight("quote", subtype, start, end, text[start:end], None, speaker))
    found.sort(key=lambda h: (h.start, -h.end))
    return found


_WORD_CHAR = re.compile(r"[^\W_]")


def _has_word(text: str, start: int, end: int) -> bool:
    return _WORD_CHAR.search(text, start, end) is not None


# ---------------------------------------------------------------- subtype

_TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
_THAT = frozenset("إن أن أنه إنه أنها إنها بأن بأنه بأنها إنهم أنهم إننا أننا إنني أنني".split())
_PERSON = frozenset("أنا نحن إنني إننا لقد لسنا لست أنت أنتم علينا لدينا نريد أريد".split())
# Nouns after which a quoted phrase is the name of the thing: مجلة «…».
_NAMING = frozenset(
    """
    مجلة المجلة صحيفة الصحيفة أسبوعية يومية وكالة وكالة موقع شركة الشركة منظمة
    جمعية حزب حركة معهد مؤتمر تطبيق تطبيقات مسجد جامع جامعة فيلم كتاب برنامج
    قناة مجموعة تنظيم لجنة مكتب هيئة ميزة المعالج مصرف فندق شارع مدينة بلدة
    بلدية مشروع عملية حملة مركز أطروحته بعنوان عنوان باسم اسم يسمى تسمى يدعى
    تدعى المعروف المعروفة بلقب لقب وسام جائزة مهرجان متجر متجري لموقعي
    الملقب الملقبة شعار تحت
    """.split()
)
_IN_LIST = re.compile('[«»‹›"“”„‟]\\s*(?:،\\s*|و\\s*|أو\\s+)?$')
# "«…»، وفقاً لما أعلن الرئيس", "«…» كما كان يعبّر": words attributed after the quote.
_ATTRIBUTION_AFTER = re.compile(
    "[\\s،,]*(?:وفق[اًَ]*\\s+لما|بحسب\\s+ما|حسب\\s+ما|كما\\s+(?:كان\\s+)?(?:قال|يقول|تقول|قالت|يعبر|يعبّر)"
    "|على\\s+حد\\s+(?:قوله|قولها|تعبيره|تعبيرها))"
)
_SENTENCE_PUNCT = re.compile("[.!؟?]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


@lru_cache(maxsize=4096)
def _norm(word: str) -> str:
    # Cached: every quote normalises the words around and inside it, and
    # news repeats the same few thousand words.
    word = _TASHKEEL.sub("", word.strip(" \t،,():"))
    return word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def _bare(word: str) -> str:
    """``word`` without a leading و/ف and then ل/ب/ك (لحركة -> حركة)."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if len(word) > 3 and word[0] in "لبك":
        word = word[1:]
    return word


_THAT_N = frozenset(_norm(w) for w in _THAT)
_PERSON_N = frozenset(_norm(w) for w in _PERSON)
_NAMING_N = frozenset(_norm(w) for w in _NAMING)


def _classify(text: str, open_pos: int, close_pos: int, start: int, end: int) -> tuple[str, str]:
    """``(subtype, speaker)`` for the quote inside marks at ``open_pos`` and
    ``close_pos``, from the cues an editor uses: a speech verb or a colon
    before it, أن/إن right before it, a speech verb right after it, its
    length and sentence punctuation inside it; a naming noun (مجلة، حزب،
    بعنوان …), a glued بـ/لـ or Latin script point to a term."""
    line_start = text.rfind("\n", max(0, open_pos - 120), open_pos) + 1
    before = text[max(line_start, open_pos - 120) : open_pos]
    head = before.rstrip()
    inner = text[start : min(end, start + 400)]
    inner_words = inner.split()
    words = len(inner_words)
    if not head and line_start > 1:
        # The quote opens its paragraph: a colon ending the paragraph before
        # it introduces it ("نقلت الوكالة عن المتحدث قوله:" then the quote).
        colon = text[max(0, line_start - 40) : line_start].rstrip().endswith((":", "："))
    else:
        colon = head.endswith((":", "："))
    after_verb = _verb_right_after(text, close_pos)
    tokens = head[-40:].split()
    last = _norm(tokens[-1]) if tokens else ""
    last_bare = _bare(last)
    that = last in _THAT_N or last_bare in _THAT_N
    if not that and len(tokens) > 1 and words >= 3:
        # أن with its subject before a partial quote: "اعتبر أن فريقه «…»"
        # (a name after a noun, "أن مقاتلي «داعش»", is too short for this).
        that = _norm(tokens[-2]) in _THAT_N and _norm(tokens[-1]) not in _NAMING_N
    if words <= 2 and not (colon or that or after_verb):
        # One or two words with no colon and no verb after them: a name, a
        # label or a scare quote. Deciding early keeps a text made of
        # thousands of «x» fast.
        return "term", ""

    score = 0
    if words >= 8:
        score += 3
    elif words >= 5:
        score += 1
    elif words <= 2:
        score -= 2
    if colon:
        score += 4
    if that:
        score += 2
    if after_verb:
        score += 3
    if words <= 3 and not (colon or that or after_verb):
        # Names, labels and scare quotes are short and sit inside a sentence.
        score -= 2
    if _SENTENCE_PUNCT.search(inner):
        score += 1
    if inner.rstrip()[-1:] in (".", "!"):
        score += 2  # a title or a name seldom ends with a full stop
    if head.endswith(("بـ", "لـ")):
        score -= 3
    if last in _NAMING_N or last_bare in _NAMING_N:
        # "بعنوان: «…»" names a work: that colon is no speech colon.
        score -= 7 if colon else 3
    if _IN_LIST.search(head[-8:]):
        score -= 2  # one item of a list of quoted names: «…» و«…»
    if words <= 3 and not _ARABIC.search(inner) and _LATIN.search(inner):
        score -= 5
    # The last cues only add (+3 an attribution after the quote, +2 a speech
    # verb in the sentence before it, +1 a first-person word inside it) and
    # cost the most, so each is read only while it can still decide the
    # outcome: score > 0 is a quotation whatever they say, and a score they
    # cannot lift above 0 stays a term.
    if score <= 0 and not after_verb and _ATTRIBUTION_AFTER.match(text, close_pos + 1):
        score += 3
    if -3 < score <= 0 and has_speech_verb(_sentence_end(before)[-90:]):
        score += 2
    if score == 0 and not _PERSON_N.isdisjoint(map(_norm, inner_words[:16])):
        score += 1

    if score <= 0:
        return "term", ""
    speaker = speaker_before(text, open_pos)
    if not speaker:
        speaker = speaker_after(text, close_pos + 1)
    return "quotation", speaker


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
