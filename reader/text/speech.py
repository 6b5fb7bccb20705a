"""Reported speech around a quotation: speech verbs and the speaker they name.

Pure functions on ``str``. Offsets are str indices into the text passed in.
Words are compared through ``reader.text.fold.fold_word``: every spelling
that in-article find treats as the same word (tashkeel and tatweel anywhere
inside it, any hamza form, final ى/ي and ة/ه) is the same cue here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.text.fold import MARKS_CLASS, fold_word, fold_words, loose_pattern, loose_spellings
from reader.text.lazy_regex import LazyPattern

# Verbs (and active participles) that introduce someone's words. Written
# without tashkeel; a leading و/ف is allowed by the pattern.
SPEECH_VERBS: tuple[str, ...] = tuple(
    """
    قال قالت قالوا يقول تقول يقولون قلت قائلا قائلة قائلين
    أضاف أضافت أضافوا يضيف تضيف مضيفا مضيفة
    أكد أكدت أكدوا يؤكد تؤكد مؤكدا مؤكدة
    أوضح أوضحت يوضح توضح موضحا موضحة
    تابع تابعت يتابع تتابع متابعا
    صرح صرحت يصرح تصرح مصرحا
    أعلن أعلنت يعلن تعلن معلنا
    ذكر ذكرت يذكر تذكر
    كتب كتبت يكتب تكتب كاتبا
    أشار أشارت يشير تشير مشيرا مشيرة
    شدد شددت يشدد تشدد مشددا مشددة
    اعتبر اعتبرت يعتبر تعتبر معتبرا معتبرة
    رأى رأت يرى ترى
    تساءل تساءلت يتساءل تتساءل متسائلا متسائلة
    روى روت يروي تروي
    أفاد أفادت يفيد تفيد
    لفت لفتت لافتا لافتة
    أردف أردفت مردفا مردفة
    استطرد استطردت مستطردا
    واصل واصلت مواصلا
    علق علقت معلقا معلقة
    ختم ختمت مختتما
    حذر حذرت حذروا يحذر تحذر يحذرون محذرا محذرة
    نفى نفت ينفي تنفي نافيا
    أقر أقرت يقر تقر مقرا
    اعترف اعترفت
    زعم زعمت يزعم تزعم زاعما
    أبلغ أبلغت
    نوه نوهت منوها منوهة
    ردد رددت رددوا يردد يرددون هتف هتفت هتفوا يهتفون
    دعا دعت دعوا يدعو تدعو يدعون
    طالب طالبت مطالبا
    أجاب أجابت مجيبا
    كشف كشفت يكشف تكشف كاشفا كاشفة
    خلص خلصت خلصوا
    رد ردت ردوا يرد ترد
    صاح صاحت يصيح تصيح صرخ صرخت يصرخ تصرخ يصرخون
    وصف وصفت وصفوا يصف تصف واصفا واصفة
    نبه نبهت ينبه تنبه منبها منبهة
    أبدى أبدت يبدي تبدي مبديا مبدية
    طلب طلبت طلبوا يطلب تطلب
    اعتقد اعتقدت يعتقد تعتقد يعتقدون معتقدا
    هدد هددت هددوا يهدد تهدد مهددا مهددة توعد توعدت يتوعد تتوعد متوعدا متوعدة
    أعرب أعربت أعربوا يعرب تعرب معربا معربة معبرا معبرة
    تعهد تعهدت تعهدوا يتعهد تتعهد متعهدا متعهدة
    ندد نددت نددوا يندد تندد منددا منددة
    بالقول بقوله بقولها قوله قولها
    """.split()
)

# Speech verbs whose next noun is what is said or whom it is said to, not
# the speaker: "ورددوا هتافات مثل «…»", "دعا الحكومة إلى «…»".
_OBJECT_FIRST = frozenset(
    "ردد رددت رددوا يردد يرددون هتف هتفت هتفوا يهتفون دعا دعت دعوا يدعو تدعو يدعون".split()
)

# Words that open a title or a job, not a name: "مدير المركز، مصطفى بالي".
TITLE_WORDS: frozenset[str] = frozenset(
    """
    مدير مديرة رئيس رئيسة وزير وزيرة نائب نائبة المتحدث المتحدثة الناطق
    الناطقة متحدث ناطق مسؤول مسؤولة الأمين أمين سفير سفيرة قائد قائدة عضو
    عضوة محافظ محافظة مستشار مستشارة الرئيس الرئيسة الوزير الوزيرة زعيم
    المدير المديرة السفير القائد المسؤول المستشار النائب العميد اللواء
    العقيد الدكتور الدكتورة الشيخ المحامي المحامية القاضي القاضية الخبير
    الخبيرة الباحث الباحثة المحلل المحللة الأستاذ الأستاذة مراسل مراسلة
    نقيب رئيسا مسؤولو
    """.split()
)

# Where a speaker's noun phrase stops: prepositions and time words that
# follow it ("وقال تشو عقب الاجتماع لصحفيين …").
_STOP_WORDS: frozenset[str] = frozenset(
    """
    في خلال عقب أمام بعد قبل أمس اليوم الليلة صباح مساء لدى وفق وفقا حسب
    بحسب عن على إلى الى مع من منذ عبر أثناء ضمن إن أن إنه أنه إنها أنها بأن
    بأنه بأنها إنهم أنهم لصحيفة لوكالة لقناة لموقع لإذاعة لبي لفرانس لسكاي
    السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة أيضا كذلك بدوره
    بدورها ذلك هذا هذه حين عندما لكن لكنه التي الذي الذين وهو وهي وهم
    فيه فيها له لها لنا لهم عنه عنها إذ حيث لي لك لكم لهن عليه عليها
    بمثابة باعتباره باعتبارها بوصفه بوصفها نقلا تم للصحفيين للصحافيين
    للصحافة لرويترز لنظيره لنظيرته لشبكة للتلفزيون لتلفزيون لمجلة لجريدة
    للإذاعة بما مما عما فيما كما لما بأنهم بأنهن بأننا بأني إياه إياها إياهم
    لنظيرها شخصيا رسميا مجددا لاحقا مؤخرا حينها منه منها منهم إليه إليها إليهم
    """.split()
)


_AR_WORD = re.compile(f"[\u0621-\u064a\u0671{MARKS_CLASS}]+")
# The same words kept by ``split``: [gap, word, gap, ..., word, gap]. Reading
# words as strings skips a match object per word, which is most of the cost
# of looking for a verb in a sentence.
_AR_WORD_SPLIT = re.compile(f"({_AR_WORD.pattern})")
_VERBS_FOLDED = frozenset(map(fold_word, SPEECH_VERBS))
_OBJECT_FIRST_FOLDED = frozenset(map(fold_word, _OBJECT_FIRST))
# Verbs of describing: what they describe runs straight into how (وصف الرئيس
# الاتفاق بأنه «…»، وصفت الصحيفة اللاعب بـ«…»، واصفاً القرار بـ«…»), and a
# subject cannot be told from that object without parsing. Only a comma
# sets the subject apart (وصف زعيم كوريا الشمالية، ترامب بـ«…»).
_DESCRIBING = frozenset(map(fold_word, "وصف وصفت وصفوا يصف تصف واصفا واصفة".split()))


_NO_VERB_OPENS = ("ال", "وال", "فال")
"""How a word as written opens that is no speech verb (a definite noun, most
words of news): ``_is_verb`` says so without folding it. Folding keeps these
letters, and what ``_is_verb`` compares with the verbs is the folded word,
that word without its first letter و/ف, or without its last one or two
letters; so this holds exactly while no verb opens with ال, وال or فال nor
opens them (checked here: the verb list can grow)."""
if any(v.startswith(_NO_VERB_OPENS) or any(o.startswith(v) for o in _NO_VERB_OPENS)
       for v in _VERBS_FOLDED):
    _NO_VERB_OPENS = ()  # pragma: no cover - a verb that opens so: fold every word


_VERB_FORMS = frozenset((
    *_VERBS_FOLDED,
    *(c + v for c in "وف" for v in _VERBS_FOLDED if len(v) > 2),
    *(v + pronoun for v in _VERBS_FOLDED for pronoun in ("ه", "ها")),
))
"""Every folded word that is a speech verb as ``_is_verb`` reads it: a verb,
after و/ف (ذكر and وذكر; not the two letters of رد with و: ورد is a
verb of its own), or with the object pronoun ه/ها (قاله، ذكرتها: "وفقاً لما
قاله الوزير"). One set lookup a folded word."""


@lru_cache(maxsize=1 << 16)
def _is_verb(word: str) -> bool:
    if word.startswith(_NO_VERB_OPENS):
        return False
    return fold_word(word) in _VERB_FORMS


def speech_verbs_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of speech verbs (whole words, with an
    optional و/ف) in ``text[start:end]``, as indices into ``text``, in order."""
    stop = len(text) if end is None else end
    return [m.span() for m in _AR_WORD.finditer(text, start, stop) if _is_verb(m.group())]


def speech_verb_at(text: str, start: int) -> int:
    """Where the speech verb that starts exactly at ``start`` ends, or -1 when
    the word there (or the character there, if it starts no word) is no
    speech verb. ``speech_verb_at(t, i)`` is ``e`` exactly when
    ``speech_verbs_in(t, i)`` begins with ``(i, e)``; it reads one word
    instead of all of them."""
    m = _AR_WORD.match(text, start)
    return m.end() if m is not None and _is_verb(m.group()) else -1


_PARTICIPLE_STARTS = tuple(map(fold_word, ("م", "قائل", "لافت", "نافي", "زاعم", "داعي", "كاتب",
                                             "واصف", "كاشف")))


def is_participle(verb: str) -> bool:
    """True for a speech verb written as an active participle (قائلاً،
    مضيفاً، مشيرة): it introduces the words that follow it."""
    word = fold_word(verb).lstrip("وف")
    return word.startswith(_PARTICIPLE_STARTS)


def arabic_words(text: str) -> list[str]:
    """The Arabic words of ``text`` as written, marks and tatweel inside
    them (what the speech verbs are looked for among)."""
    return _AR_WORD.findall(text)


def has_speech_verb(text: str) -> bool:
    """True when ``text`` holds a speech verb as a whole word."""
    words = arabic_words(text)
    return not _verbs_among(words).isdisjoint(words)


def words_after_speech_verb(words: list[str]) -> list[str] | None:
    """The words of ``words`` (the Arabic words of a text as written, as
    ``arabic_words`` gives them) after the last speech verb among them; None
    when there is none."""
    verbs = _verbs_among(words)
    if verbs.isdisjoint(words):
        return None  # most sentences: decided by one set operation
    for k in range(len(words) - 1, -1, -1):
        if words[k] in verbs:
            return words[k + 1 :]
    return None  # pragma: no cover - isdisjoint said there is one


_SEEN: set[str] = set()
"""Words (as written) already judged by ``_is_verb``."""
_VERB_WORDS: set[str] = set()
"""Those of them that are speech verbs."""
_SEEN_MAX = 1 << 17
"""Past this many words judged, new words are judged each time (the sets
only grow, so threads never see a word in ``_SEEN`` without its verdict)."""


def _verbs_among(words: list[str]) -> set[str]:
    """The speech verbs known so far, including every one among ``words``:
    a sentence's words are judged once, then looked up as a set."""
    if _SEEN.issuperset(words):
        return _VERB_WORDS  # most sentences: no set built, no new word
    new = set(words).difference(_SEEN)
    verbs = _verbs_of(new)
    if len(_SEEN) >= _SEEN_MAX:
        return _VERB_WORDS | verbs
    _VERB_WORDS.update(verbs)  # before _SEEN: whoever sees a word seen sees its verdict
    _SEEN.update(new)
    return _VERB_WORDS


def _verbs_of(words: set[str]) -> set[str]:
    """The speech verbs among ``words`` (``_is_verb``), judged together: the
    words folded at once (``fold_words``), and most sets of new words
    holding no verb are told so by one set operation."""
    folded = fold_words(words)
    if folded is None:
        return {w for w in words if _is_verb(w)}  # a mark or tatweel: word by word
    if _VERB_FORMS.isdisjoint(folded):
        return set()
    return {w for w, f in zip(words, folded, strict=True) if f in _VERB_FORMS}


_STOP_FOLDED = frozenset(map(fold_word, _STOP_WORDS))
_TITLE_FOLDED = frozenset(map(fold_word, TITLE_WORDS))
QUOTATION_MARKS: frozenset[str] = frozenset('«»‹›"“”„‟')
"""Every quotation mark the press uses (reader.text.quotes pairs them)."""
_QUOTE_MARK = re.compile('[«»‹›"“”„‟]')
_NOT_IN_WORDS = r"\s،,:؛;.!؟?()\[\]«»‹›\"“”„‟"
# A word of a speaker phrase and the characters between it and the word
# before it: one match a word instead of a search and a slice.
_GAP_AND_WORD = re.compile(f"([{_NOT_IN_WORDS}]*)([^{_NOT_IN_WORDS}]+)")
# What ends a speaker phrase when it stands between two of its words: a
# quotation mark too, wherever it stands, since what it opens or closes is
# someone's words or a quoted term, never part of a name as written here.
_PHRASE_BREAK = frozenset(":؛;.!؟?()\n") | QUOTATION_MARKS
_COMMAS = frozenset("،,")
# A preposition written alone or left hanging on a tatweel (بـ، لـ، وبـ،
# بالـ، للـ"…", لـCNN; a lone و): it opens a complement (وصفه بـ«…», قال
# لـ«رويترز»), never a speaker, and ends one.
_CLITIC = re.compile(f"[وف]?(?:بال|لل|[بلك])[{MARKS_CLASS}]*\u0640|[بلكوف][{MARKS_CLASS}]*$")
# A first word that is a preposition glued to the article (للصحفيين،
# بالعيوب، وبالمقابل): the verb named its addressee or a manner, not its
# subject. بال… opens a few names too: a short one (بالي) is read as a
# name, a longer one (بالمر، بالادينو) is lost. كال… is left alone (كالوم، كالين).
_GLUED_PREPOSITION = ("لل", "ولل", "فلل", "بال", "وبال", "فبال")
_SHORT_NAME = 4
"""Letters up to which a first word opening with بال may be a name (بالي;
بالرد is a reply)."""
_BY_SAYING = frozenset(map(fold_word, "بالقول بقوله بقولها".split()))
# A counterpart named after the speaker is the verb's object (حذر الرئيس
# نظيره من «…»); right after the verb it is the speaker (وقال نظيره الروسي).
_COUNTERPART = frozenset(map(fold_word, "نظيره نظيرها نظيرته نظيرتها نظراؤه".split()))
# Words that cannot end a speaker phrase cut short by a quotation mark or a
# clitic: المتحدث باسم «…», محمد بن "…".
_DANGLING = frozenset(map(fold_word, "باسم بن ابن بنت عبد أبو آل كل أحد".split()))


def _ends_phrase(word: str, first: bool) -> bool:
    """True when ``word`` cannot belong to the speaker phrase it would
    continue (``first``: the word right after the verb)."""
    folded = fold_word(word)
    if folded in _STOP_FOLDED or _CLITIC.match(word):
        return True
    if not _is_verb(word):
        if first:
            # Names are written with a bare alef: بألم (with pain) is no بالي.
            return folded.startswith(_GLUED_PREPOSITION) and not (
                word.startswith("بال") and len(folded) <= _SHORT_NAME)
        return folded in _COUNTERPART
    # A speech verb after the speaker opens a clause of its own (وقال
    # الوزير مضيفاً …); right after the verb only a participle or بالقول
    # does (وتابع قائلاً «…»): طالب and واصل name people there.
    return not first or is_participle(word) or folded in _BY_SAYING


def _names_nobody(word: str) -> bool:
    """True for a word that is no speaker when it stands alone: one letter
    (د. for a doctor, cut at its dot) or a number (طلب 6 من الأعضاء)."""
    folded = fold_word(word)
    return len(folded) <= 1 or folded.isdigit()


def _is_name_word(word: str) -> bool:
    folded = fold_word(word)
    if folded in _TITLE_FOLDED or folded in _STOP_FOLDED:
        return False
    return not folded.startswith(("ال", "لل", "وال", "بال"))


_COMMA_SPLIT = re.compile(r"[،,]")


def _pick_segment(phrase: str) -> str:
    """The part of a speaker phrase that names the speaker.

    ``مدير المركز، مصطفى بالي`` gives ``مصطفى بالي`` (a title followed by a
    name in apposition); ``محمد خربوش، مدير المؤتمرات`` gives
    ``محمد خربوش``, ``#وزير_المواصلات، كمال بن أحمد`` ``كمال بن أحمد``; a
    phrase with no comma is returned whole."""
    if "،" not in phrase and "," not in phrase:
        return phrase.strip()  # one segment: most speakers
    segments = [s.strip() for s in _COMMA_SPLIT.split(phrase) if s.strip()]
    if not segments:
        return ""
    first = segments[0]
    first_words = first.split()
    # A title written as a hashtag (#وزير_المواصلات، كمال …, as some outlets
    # tag it) opens with its first word.
    opening = first_words[0].lstrip("#").split("_", 1)[0]
    if (
        len(segments) > 1
        and fold_word(opening) in _TITLE_FOLDED
        and any(_is_name_word(w) for w in segments[1].split())
        and not any(_is_name_word(w) for w in first_words[1:])
    ):
        return segments[1]
    return first


def _noun_phrase(text: str, start: int, end: int) -> str:
    """The speaker noun phrase that starts at ``start`` (right after a speech
    verb), as written in ``text``: it stops at the first stop word, colon,
    quotation mark (anywhere: what it opens is someone's words or a term),
    sentence end, clitic written alone (بـ، لـ) or further speech verb, and
    never runs past ``end``; a word that cannot end a name (باسم، بن) is
    not left dangling at its end; a lone letter or number names nobody.
    "" when the first word is no subject (``وقال للصحفيين``, ``ما وصفه
    بـ«…»``). Commas stay inside: apposition is common. The phrase holds no
    quotation mark."""
    phrase_end = start
    kept: list[re.Match[str]] = []
    for count, m in enumerate(_GAP_AND_WORD.finditer(text, start, end)):
        if count >= 14:
            break
        gap, word = m.groups()
        # Words are nearly always one space apart: that gap breaks nothing.
        spaced = gap == " "
        if not spaced and not _PHRASE_BREAK.isdisjoint(gap):
            break
        if _ends_phrase(word, count == 0):
            break
        if count == 0 and not spaced and not _COMMAS.isdisjoint(gap):
            break
        kept.append(m)
    while kept and fold_word(kept[-1].group(2)) in _DANGLING:
        kept.pop()
    if len(kept) == 1 and _names_nobody(kept[0].group(2)):
        kept.pop()
    if kept:
        phrase_end = kept[-1].end()
    return text[start:phrase_end].strip()


def speaker_before(text: str, quote_open: int, *, window: int = 200) -> str:
    """The speaker named before a quotation whose opening mark is at
    ``quote_open``: ``قال مدير المركز، مصطفى بالي، إن «…»`` gives
    ``مصطفى بالي``. "" when the verb has no named subject (``وقال: «…»``) or
    no speech verb introduces the quote within its sentence."""
    lo = max(0, quote_open - window)
    # Only the sentence that holds the quote: after the last full stop.
    head = text[lo:quote_open]
    cut = max(head.rfind("."), head.rfind("\n"), head.rfind("!"), head.rfind("؟"))
    if cut >= 0:
        lo += cut + 1
    return speaker_in_sentence(text, lo, quote_open, split_words(text[lo:quote_open]))


def split_words(text: str) -> list[str]:
    """``text`` cut around its Arabic words: ``[gap, word, gap, …, word,
    gap]``, the words (``parts[1::2]``) those of ``arabic_words(text)``, and
    ``"".join(parts) == text``."""
    return _AR_WORD_SPLIT.split(text)


def speaker_in_sentence(text: str, lo: int, quote_open: int, parts: list[str]) -> str:
    """``speaker_before(text, quote_open)`` from the start ``lo`` of the
    sentence that holds the quote (as ``speaker_before`` cuts it) and
    ``split_words(text[lo:quote_open])``: for a caller that split that
    sentence already."""
    # A verb with an odd number of quotation marks between it and the quote
    # sits inside an earlier quotation: it is someone's words, not ours. The
    # last verb that is not is the one that introduces the quote, so the
    # words are read from the quote backwards (the words of
    # speech_verbs_in(text, lo, quote_open), last first), and a word's offset
    # is computed only for a verb.
    words = parts[1::2]
    verbs = _verbs_among(words)
    if verbs.isdisjoint(words):
        return ""
    for k in range(len(parts) - 2, 0, -2):
        if parts[k] not in verbs:
            continue
        verb_start = lo + sum(map(len, parts[:k]))
        verb_end = verb_start + len(parts[k])
        if len(_QUOTE_MARK.findall(text, verb_end, quote_open)) % 2 == 0 \
                and _WITHHOLDS.match(text, verb_end, quote_open) is None:
            break
    else:
        return ""
    if k >= 3 and parts[k - 2] in verbs and parts[k - 1] == " " \
            and fold_word(parts[k]) in _NOUN_AFTER_A_VERB:
        # رأى طالب جامعي أن «…»: the subject of the verb before, a noun
        # spelled as a verb of saying (a student, not "demanded").
        k -= 2
        verb_end = lo + sum(map(len, parts[:k + 1]))
    verb = fold_word(parts[k])
    if verb in _OBJECT_FIRST_FOLDED or verb[1:] in _OBJECT_FIRST_FOLDED:
        return ""
    phrase = _unnamed_cut(_noun_phrase(text, verb_end, quote_open))
    if (verb in _DESCRIBING or verb[1:] in _DESCRIBING) and not _set_apart(
            text, verb_end, quote_open, phrase):
        return ""
    return _pick_segment(phrase)


_APART_NEXT = re.compile('\\s*(?:[،,]|[«»‹›"“”„‟](?!ب[\u064b-\u0652]*[اأإآ]))')
"""A comma or a quoted object after the subject; not a quoted piece that opens
with بـ and the article or أن (القانون "بالعنصري"، الاتفاق «بأنه»): that is the
description itself, and the phrase before it still holds the object."""


def _set_apart(text: str, start: int, end: int, phrase: str) -> bool:
    """True when ``phrase`` (read from ``start``) holds a comma or is followed,
    before ``end``, by a comma or a quoted object (وصف الرئيس «الاتفاق» بأنه
    «…», but not ``"بالعنصري"``): a subject set apart from what comes next."""
    if not phrase or not _COMMAS.isdisjoint(phrase):
        return bool(phrase)
    at = text.find(phrase, start, end)
    return _APART_NEXT.match(text, at + len(phrase), end) is not None


_AFTER = re.compile(r"^[^\S\n\r\u2029،,]*[،,]?[^\S\n\r\u2029]*(?:\.[^\S\n\r\u2029]*)?\Z")
"""What may stand between a closing mark and the verb that names its
speaker: a comma or a full stop, and spaces, but no line break (a tester's
day: «…». then a new paragraph, تعتبر أروى …, gave أروى a man's words; of
940 pool texts of 6,000 whose speakers this took away, nine in twelve read
had been given someone else's name)."""
_NEW_PARAGRAPH = re.compile(r"^[^\S\n\r\u2029]*\.?\s*\Z")
_GOING_ON = frozenset(map(fold_word, """
    وأضاف وأضافت وأضافوا ويضيف وتضيف وتابع وتابعت ويتابع وتتابع وأردف وأردفت
    واستطرد واستطردت وواصل وواصلت
    """.split()))
"""Verbs that open a paragraph going on with the words before it: وأضاف
المدرب names who spoke in the paragraph before (three in twelve of those
dropped were so, each after وأضاف)."""
_GOES_ON = _GOING_ON | frozenset(map(fold_word, """
    وأوضح وأوضحت وأكد وأكدت وختم وختمت واستدرك واستدركت وزاد وزادت
    """.split()))
_GOES_ON_WITH = frozenset(map(fold_word, """
    قائلا قائلة بالقول أن إن أنه إنه أنها إنها أنهم إنهم
    """.split()))


def goes_on(words: list[str]) -> bool:
    """Whether ``words``, the Arabic words before a quotation in its
    sentence, are a verb that goes on with the words before it and no one
    named (``وتابع: «…»``، ``وأضاف قائلا: «…»``، ``وأكد أن «…»``): the speaker
    is the one of the quotation before."""
    return (0 < len(words) <= 2 and fold_word(words[0]) in _GOES_ON
            and all(fold_word(w) in _GOES_ON_WITH for w in words[1:]))


def _words(*words: str) -> str:
    """An alternation of ``loose_pattern`` of each word (any spelling)."""
    return "|".join(map(loose_pattern, words))


WITHHOLDING = frozenset(map(fold_word, """
    ذكر نشر كشف الكشف إفصاح الإفصاح تسمية يذكر تذكر ينشر تنشر يكشف تكشف
    تصرح يصرح تفصح يفصح
    """.split()))
"""Words of telling a name, in the formula of a speaker who asked not to be
named (``طلب عدم ذكر اسمه``, ``لم يصرح عن اسمه``), folded."""
WITHHELD_NAMES = frozenset(map(fold_word, "اسمه اسمها اسمهم اسمي هويته هويتها هويتهم".split()))
"""The name withheld in that formula, with its pronoun, folded. The two
sets serve the speaker finder (``_WITHHOLDS``) and the quote's cues
(``reader.text.quote_context.Quote.anonymous``) alike."""

_WITHHOLDS = LazyPattern(
    "[^\\S\n]+(?:(?:(?P<asking>[^\\s«»\"“”]+[^\\S\n]+)?(?:{no})[^\\S\n]+)?(?:{tell})"
    "|(?:{about}[^\\S\n]+)?(?:{name})(?!\\w))".format(
        no=_words("عدم", "ألا", "دون"),
        tell=_words(*sorted(WITHHOLDING)), about=_words("عن"),
        name=_words(*sorted(WITHHELD_NAMES))))
"""After a verb, the formula of a speaker unnamed: ``طلب عدم نشر اسمه``,
``تحدث شريطة عدم الكشف عن هويته``, ``رفضت نشر اسمها``, or the verb of
telling itself with the name after it (``طلب عدم ذكر اسمه``: ذكر is a verb
of saying too). That verb is no speaker's; the one before it (``وقال مسؤول
… طلب عدم …``) introduces the quote."""

_NOUN_AFTER_A_VERB = frozenset(map(fold_word, ("طالب", "راي")))
"""Verbs of saying that, right after another, are its subject: طالب (a
student), راي (Ray; رأي). Others there are a verb's own (وكتب يقول، وأضاف
قوله، لافتة كتب عليها): 16 of 6,000 pool texts changed with every verb,
most for the worse."""


def _unnamed_cut(phrase: str) -> str:
    """``phrase`` up to the word that asks for anonymity (``متحدثة باسم
    الوزارة رفضت نشر اسمها`` gives ``متحدثة باسم الوزارة``)."""
    for word in re.finditer(r"\S+", phrase):
        found = _WITHHOLDS.match(phrase, word.end())
        if found is not None:
            # طالبا ألا ينشر: the clause opens after the word; رفضت نشر: with it
            cut = found.start() if found.group("asking") else word.start()
            return phrase[:cut].rstrip(" ،,")
    return phrase


ACCORDING_SPELLINGS: tuple[str, ...] = (
    *(f"{by}(?:\\s+{_words('ما')}\\s+|{_words('ما')}\\s+|\\s+)"
      for by in (*loose_spellings("بحسب"), *loose_spellings("حسب"))),
    *(f"{per}(?:{loose_pattern('ا')})?\\s+{_words('لما')}\\s+" for per in loose_spellings("وفق")),
    *(f"{on}\\s+{_words('لسان')}\\s+" for on in loose_spellings("علي")),
)
"""Regex sources, one per spelling of a first letter (``loose_spellings``):
the words that hand a quotation to its speaker after it, ``بحسب (ما)``,
``حسب``, ``حسبما``, ``وفقاً لما``, ``على لسان``, in any spelling."""
ACCORDING_TO = f"(?:{'|'.join(ACCORDING_SPELLINGS)})"
"""The same as one regex source."""
# "«…»، بحسب الوزير", "«…»، وفقاً لما قاله الوزير", "«…» على لسان الوزير".
_ACCORDING = re.compile(f"[\\s،,]*{ACCORDING_TO}")


def speaker_after(text: str, quote_close: int, *, window: int = 120) -> str:
    """The speaker named right after a quotation whose closing mark ends at
    ``quote_close``: ``«…»، قال الوزير`` and ``«…»، بحسب الوزير`` give
    ``الوزير``. "" when no speech verb or attribution follows the quote
    directly."""
    hi = min(len(text), quote_close + window)
    according = _ACCORDING.match(text, quote_close, hi)
    start = according.end() if according else quote_close
    verbs = speech_verbs_in(text, start, min(hi, start + 12))
    if verbs and (_AFTER.match(text[start : verbs[0][0]]) or (
            _NEW_PARAGRAPH.match(text[start : verbs[0][0]])
            and fold_word(text[verbs[0][0] : verbs[0][1]]) in _GOING_ON)):
        return _pick_segment(_noun_phrase(text, verbs[0][1], hi))
    if according:
        if fold_word(according.group().split()[-1]).endswith("ما"):
            # بحسب ما نقلته الوكالة، وفقاً لما أوردته الصحيفة: ما is followed
            # by its verb, a speech verb or not; the speaker comes after it.
            verb = _AR_WORD.match(text, start, hi)
            start = verb.end() if verb else start
        return _pick_segment(_noun_phrase(text, start, hi))
    return ""
