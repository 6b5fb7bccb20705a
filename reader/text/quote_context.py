"""What the cues of quotation or term read around one quoted phrase.

A ``Quote`` holds the text around and inside one pair of quotation marks:
the sentence before it, the words before and inside it, and the readings
that ``reader.text.quote_cues`` weighs (a speech verb before it, a naming
noun, a list it belongs to …), each computed on first use. The word tables
those readings compare with are here, folded.

Every cue word is compared through ``reader.text.fold.fold_word``, so a cue
matches every spelling that in-article find treats as the same word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Generic, TypeVar

from reader.text.fold import INVISIBLE, MARKS_CLASS, fold_word, loose_pattern
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
    تلفزيون قاعدة مطار طراز منصة مراسل مراسلة إعصار عاصفة
    دراسة بحث استطلاع وثيقة نشرة مؤشر تصنيف دليل ديوان مسرحية معرض منتدى
    ملتقى مسابقة بطولة دوري كأس لعبة سلسلة بودكاست مدونة علامة ماركة منتج
    هاتف هواتف سيارة طائرة صاروخ سفينة مركبة حفل بركان جبل نهر جزيرة
    """
)
"""Besides the nouns of publications, works and reports (صحيفة، تقرير،
المعجم، دراسة، رواية، فيلم …), those of events, brands, products and
places."""
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
_DESCRIBED_ONE = _folded(conjunctions=True, words="""
    وصفه وصفها وصفهم وصفته وصفتها وصفتهم وصفوه وصفوها وصفوهم اعتبره اعتبرها
    اعتبرهم اعتبرته اعتبرتها اعتبروه اعتبروها
    """
)
"""Describing verbs with their object: after من they are its relative clause
(``حذر من وصفهم بـ«…»``: those whom he described as …)."""
_DESCRIBING = _DESCRIBED_ONE | _folded(conjunctions=True, words="""
    وصف وصفت وصفوا يصف تصف يصفون واصفا واصفة بوصفه بوصفها معتبرا معتبرة
    """
)
_DESCRIBING_WORD = re.compile("|".join(map(loose_pattern, ("صف", "عتبر"))))
"""What every describing word holds (وصف، واصفا، معتبرا), in any spelling:
looked for before the sentence's words are folded."""
# The same, impersonal or passive: a label, not anyone's words (يمكن وصفه بـ).
_LABELLING = _folded("يوصف توصف يسمى تسمى يعرف تعرف يتميز تتميز يتسم تتسم يمكن",
                     conjunctions=True)
_KNOWN = _folded("يعرف تعرف")
_LABEL_HINT = re.compile("|".join(map(loose_pattern, ("وصف", "سمي", "تسم", "عرف", "تميز", "مكن"))))
"""What every labelling word holds (يوصف، يسمى، يتسم، يعرف، يتميز، يمكن)."""
_PREPOSITIONS = _folded("من إلى على عن في ب ل")
_CONTENT_PREPOSITIONS = _folded("من إلى عن ب")
"""After a speech verb these lead to what is said (حذر من، أشار إلى); على
and في more often lead to where it was said (كتب على «تويتر»)."""
_RELATIVES = _folded("الذي التي الذين")
_EDITORIAL = _folded("يذكر يشار", conjunctions=True)
"""The passive verbs of the editorial formulas ``يُذكر أن``, ``يُشار إلى أن``:
opening a sentence, they name no one whose words follow."""
_ASKS_FOR = {fold_word(verb): fold_word(preposition)
             for preposition, verbs in (
                 ("من", "حذر حذرت حذروا يحذر تحذر يحذرون محذرا محذرة"),
                 ("إلى", """دعا دعت دعوا يدعو تدعو يدعون داعيا داعية أشار أشارت
                          يشير تشير مشيرا مشيرة نبه نبهت ينبه تنبه منبها منبهة
                          لفت لفتت لافتا لافتة"""),
                 ("عن", """كشف كشفت يكشف تكشف كاشفا كاشفة أعرب أعربت أعربوا يعرب
                          تعرب معربا معربة معبرا معبرة"""),
                 ("ب", """هدد هددت هددوا يهدد تهدد مهددا مهددة توعد توعدت يتوعد
                        تتوعد متوعدا متوعدة طالب طالبت طالبوا يطالب تطالب يطالبون
                        مطالبا مطالبة تعهد
                        تعهدت تعهدوا يتعهد تتعهد متعهدا متعهدة ندد نددت نددوا يندد
                        تندد منددا منددة"""))
             for verb in verbs.split()}
"""Verbs of saying whose content follows a preposition of their own
(حذر من، دعا إلى، أشار إلى، كشف عن، أعرب عن، طالب بـ، هدد بـ، تعهد بـ، ندد بـ): a
quote right after that preposition is what they said."""
_ASKED = frozenset(_ASKS_FOR.values())
"""Those prepositions, folded."""
_COMPLEMENT_WORDS = 8
"""How many words may stand between a verb of saying and the quote that
completes it (its subject, object, a time, the preposition)."""
_CHARGES = _folded("تهمة بتهمة تهم بتهم التهم اتهام باتهام اتهامات الاتهامات")
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


@lru_cache(maxsize=1 << 14)
def _bare(word: str) -> str:
    """A folded ``word`` without a leading و/ف and then ل/ب/ك (لحركة -> حركة)."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if len(word) > 3 and word[0] in "لبك":
        word = word[1:]
    return word


@lru_cache(maxsize=1 << 14)
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
_PARAGRAPH_LEAD = "".join(sorted(INVISIBLE)) + " \t\u00a0"
"""What may stand before a quote that still opens its paragraph: white
space and bidi controls (a dash or a bullet opens a list item, not speech)."""
_BEFORE = 200
"""How far back in its paragraph a quote's sentence is read: long enough for
a reporting verb, its speaker and a clause before the quote (160 missed
some on dev2; 200 to 320 read dev, dev2 and dev3 alike)."""

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
        if not self.head.strip(_PARAGRAPH_LEAD) and line_start > 1:
            # The quote opens its paragraph: a colon ending the paragraph
            # before it introduces it ("نقلت الوكالة عن المتحدث قوله:").
            self.colon = text[max(0, line_start - 40) : line_start].rstrip(
                _PARAGRAPH_LEAD + "\n\r").endswith((":", "："))
        else:
            self.colon = self.head.endswith((":", "："))
        self.tokens = self.head[-100:].split()[-8:]
        last = fold_word(self.tokens[-1].strip(_TOKEN_EDGES)) if self.tokens else ""
        self.last, self.last_bare = last, _bare(last)

    @_Lazy
    def near(self) -> list[str]:
        """The last three words before the quote, folded (what most cues read)."""
        return [fold_word(t.strip(_TOKEN_EDGES)) for t in self.tokens[-3:]]

    @_Lazy
    def folded(self) -> list[str]:
        """The last eight words before the quote, folded."""
        return [fold_word(t.strip(_TOKEN_EDGES)) for t in self.tokens[:-3]] + self.near

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
        return (len(self.near) > 1 and self.words >= 3 and self.near[-2] in _THAT
                and self.last not in _NAMING)

    @_Lazy
    def verb_after(self) -> bool:
        return _verb_right_after(self.text, self.close_pos)

    @_Lazy
    def names_it(self) -> bool:
        """A naming noun is the last word before the quote: the quote is its
        name, however long and whatever the sentence around it says
        (``أكد أن تقرير «…» سيصدر``); also a noun that a pronoun holds,
        before its adjective (``فيلمه الجديد «…»``: a noun with a pronoun
        takes no noun after it, so the word after is its adjective). Not
        before a colon (``كتب على موقعه: «…»``), nor a noun with a pronoun
        right after أن/إن: there it is the subject and the quote what is
        said of it (``قالت إن شركتها «تطمح …»``)."""
        if self.colon:
            return False
        words = self.near
        last = self.last
        if last in _NAMING or (_names_a_thing(last) and _unsuffixed(last) == last):
            return True
        k = len(words) - 1
        if _bare(last).startswith("ال") and k >= 1:
            k -= 1  # the adjective of a noun that a pronoun holds
        noun = words[k] if words else ""
        if _unsuffixed(noun) == noun or not _names_a_thing(noun):
            return False
        return k == 0 or words[k - 1] not in _THAT

    @_Lazy
    def naming(self) -> bool:
        """A naming noun right before, or before up to three definite words
        (its adjectives, or a noun and its adjectives): ``صحيفة «…»``,
        ``كتابه «…»``, ``وكالة الأنباء الصينية «…»``, ``شركة النفط السعودية
        العملاقة «…»``."""
        words = self.near
        if len(words) == 3 and len(self.tokens) > 3 and all(
                _bare(w).startswith("ال") for w in words):
            # Three definite words: read one more.
            words = [fold_word(self.tokens[-4].strip(_TOKEN_EDGES)), *words]
        for k in range(len(words) - 1, -1, -1):
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
        if k and ((words[k - 1] in _PREPOSITIONS
                   and not (words[k - 1] == "من" and words[k] in _DESCRIBED_ONE))
                  or (words[k] in ("وصف", "وصفت") and words[k - 1] in _RELATIVES)):
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
        if _LABEL_HINT.search(" ".join(self.tokens)) is None:
            return False  # no labelling word at all: nothing to fold
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
        return (last in _ON_IT and len(self.near) > 1
                and _bare(self.near[-2]) in _GAVE_NAME)

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
        words = self.near[-2:] if self.last in _PREPOSITIONS else self.near[-1:]
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
        """The words of the sentence after its last speech verb (None: no
        verb, or only the editorial ``يُذكر أن`` opening the sentence)."""
        after = words_after_speech_verb(self.sentence)
        if after is not None and after[:1] and fold_word(after[0]) in _THAT | {"الي"}:
            words = _AR_WORD.findall(self.sentence)
            if len(words) == len(after) + 1 and fold_word(words[0]) in _EDITORIAL:
                return None
        return after

    @_Lazy
    def complement(self) -> bool:
        """The quote completes a verb of saying that asks for its content
        through a preposition (``_ASKS_FOR``): the verb earlier in the
        sentence, its preposition right before the quote or before one or
        two words: ``حذرت بريطانيا من أي «…»``, ``دعا لافروف الخميس إيران
        وإسرائيل إلى «…»``, ``دعوا فيها إلى استجواب «…»``, ``طالب كييف
        بفتح «…»``. Not after a naming noun (``كشفت عن تطبيق «…»`` names
        the thing)."""
        after = self.after_speech_verb
        if not after:
            return False
        tail = [fold_word(w) for w in after[-3:]]
        if not (any(w in _ASKED or w[:1] == "ب" for w in tail)
                or self.head.endswith(("بـ", " ب"))) or self.naming:
            return False  # most quotes: no preposition of content near them
        words = _AR_WORD.findall(self.sentence)
        verb = fold_word(words[len(words) - len(after) - 1])
        wanted = _ASKS_FOR.get(verb)
        if wanted is None and verb[:1] in "وف":
            wanted = _ASKS_FOR.get(verb[1:])  # وحذر، فدعا
        if wanted is None:
            return False
        for k, w in enumerate(after[:_COMPLEMENT_WORDS + 1]):
            w = fold_word(w)
            if w == wanted or (wanted == "ب" and w.startswith("ب") and len(w) > 3):
                between = map(fold_word, after[k + 1:])
                # أشار إلى أن نجم «…»: a clause, read by ``reported``
                return len(after) - k <= 3 and _THAT.isdisjoint(between)
        return wanted == "ب" and self.head.endswith(("بـ", " ب"))

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
                or self.described or self.reported or self.complement or self.attribution_after
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
                        or prev in QUOTATION_MARKS or nxt in QUOTATION_MARKS
                        or _inside_quote(text, a)):
                    return True
            a = text.find(phrase, a + 1, hi)
        return False

    @_Lazy
    def full_stop(self) -> bool:
        """The quote ends with a full stop or an exclamation mark."""
        return self.inner.rstrip()[-1:] in (".", "!")

    @_Lazy
    def sentence_inside(self) -> bool:
        """Sentence punctuation inside the marks."""
        return _SENTENCE_PUNCT.search(self.inner) is not None

    @_Lazy
    def latin(self) -> bool:
        """Latin letters and no Arabic inside the marks."""
        return not _ARABIC.search(self.inner) and _LATIN.search(self.inner) is not None

    @_Lazy
    def organisation(self) -> bool:
        """The quote opens with a noun that opens an organisation's name."""
        return _is_organisation(fold_word(self.inner_words[0]))

    @_Lazy
    def quoted_elsewhere(self) -> bool:
        """The same short quote stands quoted elsewhere after another word
        (``names``), and no describing verb presents it."""
        return " ".join(self.inner_words) in self.names and not self.described

    @_Lazy
    def glued_preposition(self) -> bool:
        """بـ or لـ glued to the quote, no describing verb before it, nor a
        verb of saying whose preposition it is (``طالب بـ«…»``)."""
        return self.head.endswith(("بـ", "لـ")) and not (self.described or self.complement)

    @_Lazy
    def definite_noun(self) -> bool:
        """The quote opens with a definite noun and nothing presents it as
        said (هذا «المؤامرة» quotes a word)."""
        return _bare(fold_word(self.inner_words[0])).startswith("ال") and not (
            self.colon or self.verb_before or self.described or self.complement
            or self.last in _DEMONSTRATIVES)

    @_Lazy
    def first_person(self) -> bool:
        """A first or second person word inside (أنا، نحن، لقد)."""
        return any(fold_word(w) in _PERSON for w in self.inner_words[:16])


_NEARBY = 3000
"""How far around a short quote its words are looked for again (bounded, so
that a text of thousands of quotes stays linear)."""


def _inside_quote(text: str, i: int) -> bool:
    """Whether ``i`` stands inside quotation marks in its paragraph: an odd
    number of marks before it in the paragraph (the words of another quote
    say nothing of a name the text repeats unquoted)."""
    line_start = text.rfind("\n", 0, i) + 1
    return len(_QUOTE_MARK.findall(text, line_start, i)) % 2 == 1


_QUOTE_MARK = re.compile('[«»‹›"“”„‟]')


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
