"""Quotation or term: the cues an editor reads around a quoted phrase.

``find_quotes`` (reader.text.quotes) pairs the marks; this module decides the
subtype of each pair. A ``Quote`` holds what the cues read about one pair
(the sentence before it, the words before and inside it), each computed on
first use; ``CUES`` is the table of (cue, weight, why); the sum of the
weights of the cues that hold is the score, and a score above 0 is a
quotation (``is_quotation`` reads as few cues as it takes to know the sign).

Every cue word is compared through ``reader.text.fold.fold_word``, so a cue
matches every spelling that in-article find treats as the same word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from reader.text.fold import MARKS_CLASS, fold_word, loose_pattern
from reader.text.speech import (
    ACCORDING_TO,
    QUOTATION_MARKS,
    has_speech_verb,
    is_participle,
    speech_verb_at,
    words_after_speech_verb,
)


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
    المعجم معجم دار نادي بنك جوائز جماعة ملعب شبكة قصة قصيدة مقال مقالة
    خطة مبادرة معركة صفحة حساب وسم هاشتاغ المسمى المسماة محطة إذاعة راديو
    تلفزيون قاعدة مطار طراز منصة مراسل مراسلة
    """
)
# Nouns that open the name of an organisation: «حزب الله»، «جبهة النصرة».
_ORGANISATIONS = _folded(
    """
    حزب حركة جبهة لواء كتائب جماعة تنظيم منظمة مؤسسة هيئة مجلس اتحاد جمعية
    شركة مجموعة وكالة صحيفة مجلة قناة جامعة معهد مركز بنك مصرف نادي تحالف
    ائتلاف تيار مهرجان جائزة جيش
    """
)
# Nouns of saying: a clause after them reports someone's words as a verb
# would (بإعلانها أن …، في تصريحات أكد فيها أن …).
_SAYING = _folded("إعلان تصريح تصريحات بيان قول")
_BY_THAT = _folded("بأنه بأنها بأنهم بأنهما")
_SAYING_WORD = re.compile("|".join(map(loose_pattern, ("علان", "صريح", "بيان", "قول"))))
"""What every noun of saying holds (بإعلانها، تصريحات), in any spelling."""
_ON_IT = _folded("عليه عليها عليهم عليهما")
_GAVE_NAME = _folded("أطلق أطلقت أطلقوا يطلق تطلق يطلقون أطلقنا")
# Words that name explicitly: what follows is a name (قناة اسمها «…»).
_CALLED = _folded("""
    اسم باسم اسمه اسمها يسمى تسمى المسمى المسماة يدعى تدعى بعنوان عنوان
    بلقب لقب الملقب الملقبة المعروف المعروفة شعار
    """, conjunctions=True)
# Verbs of describing: what follows in marks is how someone put it.
_DESCRIBING = _folded(conjunctions=True, words="""
    وصف وصفت وصفه وصفها وصفته وصفوا يصف تصف يصفون واصفا واصفة بوصفه بوصفها
    معتبرا معتبرة اعتبره اعتبرها
    """
)
_DESCRIBING_WORD = re.compile("|".join(map(loose_pattern, ("صف", "عتبر"))))
"""What every describing word holds (وصف، واصفا، معتبرا), in any spelling:
looked for before the sentence's words are folded."""
# The same, impersonal or passive: a label, not anyone's words (يمكن وصفه بـ).
_LABELLING = _folded("يوصف توصف يسمى تسمى يعرف تعرف يتميز تتميز يتسم تتسم يمكن",
                     conjunctions=True)
_KNOWN = _folded("يعرف تعرف")
_PREPOSITIONS = _folded("من إلى على عن في ب ل")
_CONTENT_PREPOSITIONS = _folded("من إلى عن ب")
"""After a speech verb these lead to what is said (حذر من، أشار إلى); على
and في more often lead to where it was said (كتب على «تويتر»)."""
_RELATIVES = _folded("الذي التي الذين")
_CHARGES = _folded("تهمة بتهمة تهم بتهم التهم اتهام باتهام اتهامات الاتهامات")
_AND_OR = "(?:{and_}|(?:{or_}|{nor})(?=\\s))".format(
    and_=loose_pattern("و"), or_=loose_pattern("او"), nor=loose_pattern("ولا"))
LIST_JOIN = f"\\s*(?:[،,]\\s*|{_AND_OR}\\s*)?"
"""Regex source: what joins two quotes of one list (``«…» و«…»``, ``«…»،
«…»``, ``«…» أو «…»``, ``«…» ولا «…»``), in any spelling."""
AND_BEFORE = f"[^.!؟?\\n]*(?<![^\\s،,]){_AND_OR}\\s*"
"""Regex source: the words after a quote up to و right before the next one,
within one sentence (``«…» في غرف التداول و«…»``)."""
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
_SENTENCE_STOP = re.compile("[.!؟?\n]")
_CLAUSE_STOP = re.compile('[.!؟?\n«»‹›"“”„‟]')
_ATTRIBUTED = re.compile("(?:{according}|{per}\\s+{to}|{quoting}\\s+{from_})".format(
    according=ACCORDING_TO, per=f"{loose_pattern('وفق')}(?:{loose_pattern('ا')})?",
    to=loose_pattern("ل"),
    quoting=loose_pattern("نقلا"), from_=loose_pattern("عن")))
_AR_WORD = re.compile(f"[\u0621-\u064a\u0671{MARKS_CLASS}]+")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


def _bare(word: str) -> str:
    """A folded ``word`` without a leading و/ف and then ل/ب/ك (لحركة -> حركة)."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if len(word) > 3 and word[0] in "لبك":
        word = word[1:]
    return word


def _unsuffixed(word: str) -> str:
    """A folded noun without a possessive pronoun (كتابه -> كتاب، روايتها ->
    روايه): the noun a naming word is listed as."""
    for suffix, back in (("تها", "ه"), ("ته", "ه"), ("ها", ""), ("هم", ""), ("ه", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + back
    return word


@lru_cache(maxsize=1 << 14)
def _names_a_thing(word: str) -> bool:
    """A folded word is a naming noun, with or without clitics and pronoun
    (the article only on a word that names explicitly: العنوان التالي: «…»;
    اللجنة: «…» ends a speaker's title)."""
    bare = _bare(word)
    return (word in _NAMING or bare in _NAMING or _unsuffixed(word) in _NAMING
            or _unsuffixed(bare) in _NAMING or bare.removeprefix("ال") in _CALLED)


@lru_cache(maxsize=1 << 14)
def _is_organisation(word: str) -> bool:
    """A folded word is a noun that opens an organisation's name (حزب،
    الائتلاف، ولواء)."""
    for w in (word, word[1:] if word[:1] in "وف" else word):
        if w in _ORGANISATIONS or w.removeprefix("ال") in _ORGANISATIONS:
            return True
    return False


_TOKEN_EDGES = " \t،,():"
_BEFORE = 320
"""How far back in its paragraph a quote's sentence is read (news sentences
that report speech run to 300 characters before the quote)."""

_T = TypeVar("_T")


class _Lazy(Generic[_T]):
    """A property computed on first use and then kept in the instance (like
    functools.cached_property, without its lock: each quote is read by one
    thread, and a cue is read several times per quote)."""

    def __init__(self, func: Callable[[Quote], _T]) -> None:
        self.func = func
        self.name = func.__name__

    def __get__(self, obj: Quote, owner: type | None = None) -> _T:
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Quote:
    """What the cues read about one quote: the text around and inside it,
    computed once (the sentence before the quote, the words before it)."""

    def __init__(self, text: str, open_pos: int, close_pos: int, start: int, end: int,
                 nested: bool = False) -> None:
        self.text, self.open_pos, self.close_pos = text, open_pos, close_pos
        self.start, self.end = start, end
        self.nested = nested
        self.list_after = ""
        """The subtype of the quote before, when this one follows it in a list
        (``«…» و«…»``); set by ``find_quotes``."""
        self.names: dict[str, frozenset[str]] = {}
        """``quoted_names`` of the text (set by ``find_quotes``)."""
        line_start = text.rfind("\n", max(0, open_pos - _BEFORE), open_pos) + 1
        self.before = text[max(line_start, open_pos - _BEFORE) : open_pos]
        self.head = self.before.rstrip()
        self.inner = text[start : min(end, start + 400)]
        self.inner_words = self.inner.split(None, 16)  # enough to count up to LONG
        self.words = len(self.inner_words)
        if not self.head and line_start > 1:
            # The quote opens its paragraph: a colon ending the paragraph
            # before it introduces it ("نقلت الوكالة عن المتحدث قوله:").
            self.colon = text[max(0, line_start - 40) : line_start].rstrip().endswith((":", "："))
        else:
            self.colon = self.head.endswith((":", "："))
        self.tokens = self.head[-100:].split()[-8:]
        last = fold_word(self.tokens[-1].strip(_TOKEN_EDGES)) if self.tokens else ""
        self.last, self.last_bare = last, _bare(last)

    @_Lazy
    def folded(self) -> list[str]:
        """The last eight words before the quote, folded."""
        return [fold_word(t.strip(_TOKEN_EDGES)) for t in self.tokens]

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
        """A naming noun right before, or before one or two definite
        adjectives: ``صحيفة «…»``, ``كتابه «…»``, ``وكالة الأنباء الصينية «…»``."""
        words = self.folded
        for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
            if _names_a_thing(words[k]):
                return True
            if not _bare(words[k]).startswith("ال"):
                return False
        return False

    @_Lazy
    def sentence_words(self) -> list[str]:
        """The Arabic words of ``sentence``, folded."""
        return [fold_word(w) for w in _AR_WORD.findall(self.sentence)]

    @_Lazy
    def described(self) -> bool:
        """A describing verb earlier in the sentence that leads into the
        quote: ``واصفا الاتفاق بـ«…»``, ``ووصفته بأنه عمل «…»``, ``بوصفها
        «…»``, ``وصف الرئيس، …، منافسه بـ«…»``. Not a passive one (``الذي
        وُصف بـ«…»``) nor the noun (``في وصف «…»``)."""
        if _DESCRIBING_WORD.search(self.sentence) is None or self.labelled:
            return False  # the common case: no describing word, nothing to fold
        words = self.sentence_words
        k = len(words) - 1
        while k >= 0 and words[k] not in _DESCRIBING:
            k -= 1
        if k < 0:
            return False
        if k and (words[k - 1] in _PREPOSITIONS or (
                words[k] in ("وصف", "وصفت") and words[k - 1] in _RELATIVES)):
            return False
        rest = words[k + 1:]
        if len(rest) <= 3 and (not rest or self.last.startswith(("ب", "كـ"))):
            return True  # واصفا «…», واصفا الاتفاق بـ«…»
        if (self.head.endswith(("بـ", " ب")) or self.last in _BY_THAT
                or fold_word(self.inner_words[0]).startswith("بال")):
            return True  # وصف … صحافيين بـ«…» or «بالعاهرات»
        return any(w in _BY_THAT for w in rest[-3:])

    @_Lazy
    def labelled(self) -> bool:
        """An impersonal label among the last eight words: ``ما يمكن وصفه
        بأنه «…»``, ``تتميز الخيارات على نطاق واسع بأنها «…»``; يعرف only
        as "known as" (``يعرف بـ«…»``), not "is known" (``لا يعرف، ولكن …``)."""
        words = self.folded
        if _LABELLING.isdisjoint(words):
            return False
        for k, w in enumerate(words):
            if w in _LABELLING and (_bare(w) not in _KNOWN or (
                    k + 1 < len(words) and words[k + 1].startswith("ب"))
                    or (k + 1 == len(words) and self.head.endswith("بـ"))):
                return True
        return False

    @_Lazy
    def called(self) -> bool:
        """A word that names right before: ``قناة اسمها «…»``, ``ما أطلقوا
        عليه «…»``."""
        last = self.last
        if last in _CALLED or _unsuffixed(last) in _CALLED:
            return True
        return (last in _ON_IT and len(self.folded) > 1
                and _bare(self.folded[-2]) in _GAVE_NAME)

    @_Lazy
    def colon_shortly_before(self) -> bool:
        """A colon a few words before the quote, as in a headline ``كابيلو:
        مورينيو وكونتي «…»``."""
        cut = self.sentence.rfind(":")
        return cut >= 0 and len(self.sentence[cut + 1:].split()) <= 4 and not self.naming

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
    def verb_shortly_before(self) -> bool:
        """A speech verb and at most three words (the speaker, a
        preposition) before the quote: ``قال هاينكس «…»``, ``أشارت الصحافة
        المغربية إلى «…»``."""
        after = self.after_speech_verb
        if after is None or len(after) > 3 or self.naming or self.last == "ل":
            return False  # ذكرت مصادر لـ«…»: whom it was said to
        # A short quote right after a noun may belong to it (أفاد مراسل
        # «سكاي نيوز»): only a preposition of content leads into it.
        return (self.words > 2 or not after or self.last in _CONTENT_PREPOSITIONS
                or self.last.startswith("ب")  # طالب كييف بفتح «…»
                or (len(after) == 1 and not _bare(self.last).startswith("ال")))  # أجاب ترامب «لا»

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
        if after:
            between = map(fold_word, after[:-1])
            if any(w in _THAT or _bare(w) in _THAT for w in between):
                return True
        if _SAYING_WORD.search(self.sentence) is None:
            return False
        words = self.sentence_words
        for k in range(len(words) - 2, -1, -1):
            if _unsuffixed(_bare(words[k])) in _SAYING:
                return any(w in _THAT or _bare(w) in _THAT for w in words[k + 1 : -1])
        return False

    @_Lazy
    def introduced(self) -> bool:
        """Something presents the quote as someone's words."""
        return (self.colon or self.that or self.verb_after or self.verb_before
                or self.described or self.reported or self.attribution_after
                or self.verb_shortly_before or self.attributed_later
                or self.colon_shortly_before)

    @_Lazy
    def attribution_after(self) -> bool:
        return _ATTRIBUTION_AFTER.match(self.text, self.close_pos + 1) is not None

    @_Lazy
    def attributed_later(self) -> bool:
        """Words that hand the quote to a speaker later in its sentence:
        ``منطقة «…»، في مدينة نجران، وفقا لتصريحات المتحدث``."""
        text, close = self.text, self.close_pos + 1
        stop = _CLAUSE_STOP.search(text, close, close + 120)
        end = stop.start() if stop else min(len(text), close + 120)
        return _ATTRIBUTED.search(text, close, end) is not None

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
        if self.last_is_verb and is_participle(self.last):
            return False  # كاشفة «خدعة» بأن …: a participle has no subject after it
        after = _SENTENCE_STOP.split(self.text[self.close_pos + 1 : self.close_pos + 40], 1)[0]
        words = [fold_word(w) for w in after.replace("،", " ").replace(",", " ").split()[:4]]
        if words[:1] and words[0] in _THAT:
            return True
        # وقالت «بي إن» في بيان أن …، وأشار «يونايتد بيد» الخميس إلى أن …
        return (self.last_is_verb and any(w in _BARE_THAT for w in words[1:])
                and not self.last.startswith(("ب", "ل")))

    @_Lazy
    def last_is_verb(self) -> bool:
        return has_speech_verb(self.last)

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
                if not (prev.isalpha() or nxt.isalpha()
                        or prev in QUOTATION_MARKS or nxt in QUOTATION_MARKS):
                    return True
            a = text.find(phrase, a + 1, hi)
        return False


def quoted_names(quotes: list[Quote]) -> dict[str, frozenset[str]]:
    """The short quotes of a text (three words or fewer, as written) that
    stand quoted more than once, each with the words right before its
    quotings: a name the text keeps quoting (``شبكة «دو»`` … ``لكن «دو»``)."""
    seen: dict[str, set[str]] = {}
    for q in quotes:
        if q.words <= 3:
            seen.setdefault(" ".join(q.inner_words), set()).add(q.last)
    return {k: frozenset(v) for k, v in seen.items() if len(v) > 1}


_NEARBY = 3000
"""How far around a short quote its words are looked for again (bounded, so
that a text of thousands of quotes stays linear)."""


LONG = 8
"""Quotes of this many words or more read alike: lengths are capped here."""


@dataclass(frozen=True)
class Cue:
    """One thing an editor reads around a quote: its weight towards
    quotation (> 0) or term (< 0), and why. ``words`` is the range of
    quote lengths (in words) for which the cue can hold at all."""

    name: str
    weight: int
    holds: Callable[[Quote], bool]
    why: str
    words: range = range(0, LONG + 1)


CUES: tuple[Cue, ...] = (
    Cue("long", 3, lambda q: True, "a clause of eight words or more is someone's words",
        range(LONG, LONG + 1)),
    Cue("medium", 1, lambda q: True, "five to seven words lean to a quotation", range(5, LONG)),
    Cue("one or two words", -2, lambda q: True, "names and labels are short", range(0, 3)),
    Cue("colon", 4, lambda q: q.colon, "وقال: «…» (also a colon ending the paragraph before)"),
    Cue("full stop at the end", 2, lambda q: q.inner.rstrip()[-1:] in (".", "!"),
        "a title or a name seldom ends with a full stop"),
    Cue("sentence punctuation", 1, lambda q: _SENTENCE_PUNCT.search(q.inner) is not None,
        "a sentence inside the marks"),
    Cue("after a quotation in a list", 4, lambda q: q.list_after == "quotation",
        "«…» و«…»: the items of one list are alike"),
    Cue("after a term in a list", -4, lambda q: q.list_after == "term",
        "«…» و«…»: the items of one list are alike"),
    Cue("nested and short", -4, lambda q: q.nested,
        "a short quote inside someone's words is a name they used", range(0, 4)),
    Cue("charge", -4, lambda q: q.charge, "اتهامات «…»، بتهمة «…»: the name of a charge"),
    Cue("subject name", -3, lambda q: q.subject_name, "إن «داعش» خسر: a name as the subject",
        range(1, 2)),
    Cue("Latin name", -5,
        lambda q: not _ARABIC.search(q.inner) and _LATIN.search(q.inner) is not None,
        "a short Latin phrase in Arabic text is a name", range(0, 4)),
    Cue("called", -3, lambda q: q.called,
        "قناة اسمها «…»، المسمى «…»: a word that names"),
    Cue("organisation", -3, lambda q: _is_organisation(fold_word(q.inner_words[0])),
        "«حزب الله»، «جبهة النصرة»: the name of an organisation"),
    Cue("quoted under other words", -3,
        lambda q: " ".join(q.inner_words) in q.names and not q.described,
        "شبكة «دو» … لكن «دو»: a name the text keeps quoting", range(1, 4)),
    Cue("that", 2, lambda q: q.that, "أن/إن right before: أكد أن «…»"),
    Cue("verb after", 3, lambda q: q.verb_after, "«…»، قال الوزير"),
    Cue("attribution after", 3, lambda q: q.attribution_after, "«…»، بحسب الوزارة"),
    Cue("glued preposition", -3, lambda q: q.head.endswith(("بـ", "لـ")) and not q.described,
        "اتهم بـ«…», يلقب بـ«…»: a charge or a label"),
    Cue("naming noun after a colon", -4, lambda q: q.naming and q.colon,
        "بعنوان: «…» names a work: that colon is no speech colon"),
    Cue("colon shortly before", 2, lambda q: q.colon_shortly_before and not q.colon,
        "كابيلو: مورينيو وكونتي «…»"),
    Cue("naming noun", -3, lambda q: q.naming, "صحيفة «…»، تقرير «…»: the name of the thing"),
    Cue("labelled", -4, lambda q: q.labelled, "ما يمكن وصفه بأنه «…»: a label, no speaker"),
    Cue("verb before", 3, lambda q: q.verb_before, "وقال «…»، حذر من «…»"),
    Cue("definite noun", -3,
        lambda q: _bare(fold_word(q.inner_words[0])).startswith("ال")
        and not (q.colon or q.verb_before or q.described or q.last in _DEMONSTRATIVES),
        "عناصر «العصابة»: a definite noun alone names something (هذا «المؤامرة» quotes a word)",
        range(1, 3)),
    Cue("speaker named", -4, lambda q: q.speaker_named,
        "وقالت «أرامكو»، إن …: the quote names who speaks", range(0, 4)),
    Cue("attributed later", 3, lambda q: q.attributed_later and not q.attribution_after,
        "«…»، في مدينة نجران، وفقا لتصريحات المتحدث"),
    Cue("described", 5, lambda q: q.described, "واصفا الاتفاق بـ«…»: how someone put it"),
    Cue("speech verb in the sentence", 2, lambda q: q.after_speech_verb is not None,
        "a verb of saying earlier in the sentence"),
    Cue("verb shortly before", 2, lambda q: q.verb_shortly_before and not q.verb_before,
        "قال هاينكس «…»، أشارت الصحافة إلى «…»"),
    Cue("reported", 3, lambda q: q.reported and not q.that,
        "in the clause of a speech verb: أكد أن الاستطلاع كان «…»"),
    Cue("short and not introduced", -2, lambda q: not q.introduced,
        "a short phrase that nothing presents as said is a name, label or scare quote",
        range(0, 4)),
    Cue("named again", -3, lambda q: q.named_again,
        "the same words stand unquoted nearby: a name the text repeats", range(1, 4)),
    Cue("first person", 1, lambda q: any(fold_word(w) in _PERSON for w in q.inner_words[:16]),
        "أنا، نحن، لقد inside: spoken words"),
)
"""The cues, cheapest first: ``is_quotation`` reads them in this order and stops
as soon as the ones left cannot change the sign of the sum."""


def _cues_for(words: int) -> tuple[Cue, ...]:
    return _PLANS[min(words, LONG)][0]


def score(quote: Quote) -> int:
    """The sum of the weights of the cues that hold: > 0 is a quotation."""
    return sum(cue.weight for cue in _cues_for(quote.words) if cue.holds(quote))


_Reader = tuple[tuple[Callable[[Quote], bool], ...], tuple[int, ...], int, int]


def _plan(words: int) -> tuple[tuple[Cue, ...], _Reader]:
    """The cues that can hold for a quote of ``words`` words, in table order:
    their tests, their weights, and the sums of the positive and of the
    negative weights."""
    cues = tuple(c for c in CUES if words in c.words)
    weights = tuple(c.weight for c in cues)
    return cues, (tuple(c.holds for c in cues), weights,
                  sum(w for w in weights if w > 0), sum(w for w in weights if w < 0))


_PLANS = [_plan(n) for n in range(LONG + 1)]


def is_quotation(quote: Quote) -> bool:
    """``score(quote) > 0``, reading as few cues as it takes: the cues are
    read in table order (the cheap ones first), and the reading stops as
    soon as the cues left cannot change the sign of the sum, however they
    turn out. A text of thousands of «x» stays fast."""
    holds, weights, up, down = _PLANS[min(quote.words, LONG)][1]
    total = 0
    for k, weight in enumerate(weights):
        if total + down > 0:
            return True
        if total + up <= 0:
            return False
        if holds[k](quote):
            total += weight
        if weight > 0:
            up -= weight
        else:
            down -= weight
    return total > 0


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
    # ويقول، فقال: a verb after a conjunction opens a clause of its own.
    return end >= 0 and not is_participle(stripped[:end]) and stripped[:1] not in "وف"
