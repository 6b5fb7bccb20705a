"""Fixture articles and highlights for the exporter tests: our own Arabic in news
style, with offsets found by searching the text (never counted by hand)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.errors import NotFound
from reader.store.article import Article, HighlightRecord

FATHA, DAMMA, KASRA, SUKUN, SHADDA = "\u064e", "\u064f", "\u0650", "\u0652", "\u0651"
RLO, PDF_, LRM = "\u202e", "\u202c", "\u200e"
BOOKS = "\U0001f4da"  # outside the BMP: a code point is not a UTF-16 unit

# "اقرأ" written with its vowel marks, as a poster would print it.
IQRA = "ا" + KASRA + "ق" + SUKUN + "ر" + FATHA + "أ" + SUKUN

SCHOOLS = Article(
    id=7,
    title="الحكومة تعلن خطة لإعادة إعمار المدارس في الجنوب",
    source="وكالة الأنباء المحلية",
    url="https://example.org/news/schools",
    author="سلمى الخطيب",
    published="2025-03-14",
    body="\n".join([
        "أعلن وزير التربية خالد منصور، صباح الثلاثاء، عن خطة لإعادة تأهيل 120 مدرسة "
        "في المحافظات الجنوبية بتكلفة تبلغ 2.5 مليون دولار.",
        "وقال الوزير في مؤتمر صحفي: «سنبدأ العمل في الأسبوع المقبل، ولن نتوقف حتى يعود "
        "كل طالب إلى صفه». وأضاف أن نسبة الإنجاز ستصل إلى 40٪ قبل نهاية العام.",
        "من جهتها، وصفت نقابة المعلمين الخطة بأنها «خطوة أولى» تحتاج إلى متابعة. "
        "وتساءل أحد الأهالي: هل تكفي ثلاثة أشهر؟",
        "وقال ممثل المنظمة الدولية باللغة الإنجليزية: \"We will support every school "
        "that reopens\" في ختام اللقاء.",
    ]),
)

BOOK_FAIR = Article(
    id=12,
    title="معرض الكتاب يستقبل 50 ألف زائر في يومه الأول",
    source="صحيفة الصباح",
    url="",
    author="",
    published="2025-04-02T09:30:00Z",
    body="\n".join([
        f"افتتح معرض الكتاب الدولي أبوابه أمس {BOOKS}، واستقبل أكثر من 50 ألف زائر "
        "في يومه الأول، بحسب المنظمين.",
        "وقالت مديرة المعرض ليلى حداد إن «الإقبال فاق التوقعات، والكتاب العربي لا يزال بخير». "
        "وأضاف الناشر عبد الله ناصر: «الحمد لله على هذا النجاح».",
        f"وحمل المعرض شعار «{IQRA}» على لافتات الطريق، ويشارك فيه 450 دار نشر من 30 دولة.",
    ]),
)


def _rec(article: Article, kind: str, subtype: str, text: str, *, field_name: str = "body",
         occurrence: int = 0, hid: int, **extra: Any) -> HighlightRecord:
    haystack = article.field_text(field_name)
    start = -1
    for _ in range(occurrence + 1):
        start = haystack.index(text, start + 1)
    assert article.id is not None
    return HighlightRecord(article.id, field_name, kind, subtype, start, start + len(text),
                           text, id=hid, engine=0 if kind == "user" else 1,
                           created="2025-05-01T10:15:00Z", **extra)


SCHOOLS_HIGHLIGHTS = [
    _rec(SCHOOLS, "figure", "digits", "120", hid=1, value={"amount": 120, "unit": "مدرسة"}),
    _rec(SCHOOLS, "figure", "money", "2.5 مليون", hid=2,
         value={"amount": 2500000, "currency": "USD"}),
    _rec(SCHOOLS, "quote", "quotation",
         "سنبدأ العمل في الأسبوع المقبل، ولن نتوقف حتى يعود كل طالب إلى صفه",
         hid=3, speaker="خالد منصور"),
    _rec(SCHOOLS, "figure", "percent", "40٪", hid=4, value=40),
    _rec(SCHOOLS, "quote", "term", "خطوة أولى", hid=5),
    _rec(SCHOOLS, "user", "", "هل تكفي ثلاثة أشهر", hid=6, colour="#81d4fa",
         note="سؤال مهم للمتابعة"),
    _rec(SCHOOLS, "quote", "quotation", "We will support every school that reopens", hid=7,
         speaker="ممثل المنظمة الدولية"),
    _rec(SCHOOLS, "user", "", "إعادة إعمار المدارس", field_name="title", hid=8,
         colour="#FFD54F", note=""),
]

BOOK_FAIR_HIGHLIGHTS = [
    _rec(BOOK_FAIR, "figure", "words", "50 ألف", hid=20, value=50000),
    _rec(BOOK_FAIR, "user", "", f"أبوابه أمس {BOOKS}", hid=21, colour="#f48fb1",
         note="Opening day: note in English"),
    _rec(BOOK_FAIR, "quote", "quotation", "الإقبال فاق التوقعات، والكتاب العربي لا يزال بخير",
         hid=22, speaker="ليلى حداد"),
    _rec(BOOK_FAIR, "quote", "quotation", "الحمد لله على هذا النجاح", hid=25,
         speaker="عبد الله ناصر"),
    _rec(BOOK_FAIR, "quote", "term", IQRA, hid=23),
    _rec(BOOK_FAIR, "user", "", "450 دار نشر من 30 دولة", hid=24, colour="#aed581",
         note="=SUM(A1:A2) ليست صيغة"),
]


def items() -> list[tuple[Article, list[HighlightRecord]]]:
    """Both articles with all their highlights, in reading order."""
    from reader.exporters.common import sort_key

    return [(SCHOOLS, sorted(SCHOOLS_HIGHLIGHTS, key=sort_key)),
            (BOOK_FAIR, sorted(BOOK_FAIR_HIGHLIGHTS, key=sort_key))]


def all_highlights() -> list[HighlightRecord]:
    return [h for _, hs in items() for h in hs]


@dataclass
class FakeLibrary:
    """The three Library methods ``select`` uses, over in-memory data."""

    articles: dict[int, tuple[Article, list[HighlightRecord]]] = field(default_factory=dict)

    @classmethod
    def of(cls, pairs: list[tuple[Article, list[HighlightRecord]]]) -> FakeLibrary:
        return cls({a.id: (a, hs) for a, hs in pairs if a.id is not None})

    def highlighted_ids(self, kinds: Any = None) -> list[int]:
        return sorted(self.articles)

    def get(self, article_id: int) -> Article:
        if article_id not in self.articles:
            raise NotFound(str(article_id), "no such article")
        return self.articles[article_id][0]

    def highlights(self, article_id: int, *, kind: str | None = None,
                   subtype: str | None = None) -> list[HighlightRecord]:
        return list(self.articles[article_id][1])
