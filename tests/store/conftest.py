"""Fixtures for the store tests: original news-style Arabic articles and an
open library on a real SQLite file in ``tmp_path``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import Article, Library

FATHA = "\u064e"
DAMMA = "\u064f"
KASRA = "\u0650"
SHADDA = "\u0651"
SUKUN = "\u0652"
TATWEEL = "\u0640"


def school_article() -> Article:
    return Article(
        title="وزارة التربية تعلن خطة لتأهيل المعلمين",
        subtitle="البرنامج يشمل ٣٠٠ مدرسة في المحافظات الجنوبية",
        caption="معلمون يتابعون دورة تدريبية في العاصمة",
        byline="مراسل الشؤون التعليمية",
        body=(
            "أعلنت وزارة التربية والتعليم يوم الأحد عن خطة جديدة لتأهيل المعلمين "
            "في المدارس الحكومية.\n"
            "وقال الوزير في مؤتمر صحفي إن «البرنامج سيبدأ مطلع العام الدراسي المقبل» "
            "مضيفا أن الميزانية تبلغ 2.5 مليون دينار.\n"
            "ورحبت نقابة المعلمين بالقرار واعتبرته خطوة طال انتظارها."
        ),
        source="وكالة الأنباء",
        url="https://example.org/news/1",
        author="سارة الخطيب",
        published="2024-03-10T09:30:00Z",
    )


def books_article() -> Article:
    return Article(
        title="افتتاح معرض الكتاب بمشاركة مئتي دار نشر",
        body=(
            "افتتح معرض الكتاب الدولي أبوابه أمام الزوار صباح اليوم.\n"
            "ويضم المعرض أكثر من مئة ألف عنوان من الكتب الحديثة والمترجمة، "
            "وتشارك فيه دور نشر من 25 دولة.\n"
            "وقالت مديرة المعرض إن نسبة الإقبال ارتفعت 15% مقارنة بالعام الماضي."
        ),
        source="صحيفة المساء",
        published="2024-02-01",
    )


def water_article() -> Article:
    return Article(
        title="أزمة المياه تتفاقم في القرى الشمالية",
        body=(
            "يعاني سكان القرى الشمالية من انقطاع المياه منذ أسبوعين.\n"
            "وأكد رئيس البلدية أن الحكومة وعدت بحفر بئر جديدة قبل نهاية الشهر، "
            "وأن المدرسة الوحيدة في القرية أغلقت أبوابها مؤقتا.\n"
            "ويطالب الأهالي بحل دائم لمشكلة المياه التي تتكرر كل صيف."
        ),
        source="وكالة الأنباء",
        published="2023-07-21",
    )


def sport_article() -> Article:
    return Article(
        title="المنتخب يفوز في المباراة الافتتاحية",
        body=(
            "فاز المنتخب الوطني على نظيره بهدفين دون رد في المباراة الافتتاحية للبطولة.\n"
            "وسجل المهاجم الهدف الأول في الدقيقة ٢٣ من الشوط الأول."
        ),
        source="صحيفة المساء",
        published="2024-03-12",
    )


def sample_articles() -> list[Article]:
    return [school_article(), books_article(), water_article(), sport_article()]


@pytest.fixture
def lib(store_path: Path) -> Iterator[Library]:
    with Library.open(store_path) as library:
        yield library


@pytest.fixture
def filled(lib: Library) -> tuple[Library, list[int]]:
    ids = [r.id for r in lib.add_articles(sample_articles())]
    return lib, ids
