"""Build a realistic store of N generated Arabic news articles.

    python bench/make_store.py N [PATH]

The generator (``generate``) is shared by the store benchmarks: its own
vocabulary of news Arabic drawn with a Zipf-like law (function words most
often), titles of 6-12 words, 4-10 paragraphs of 20-60 words (about 400
words an article, like agency copy), a quotation «…» with a speaker in about
every other paragraph, and figures (digits, percentages, money, years, Arabic-
Indic digits). Articles are deterministic for a given seed and number.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.store import Article, Library

FUNCTION = ("في من على إلى أن التي الذي مع عن هذا هذه بين بعد قبل حتى خلال كما أو لا "
            "ما قد إن كان كانت وقد ولا حيث عند منذ ضد عبر نحو لدى أكثر أمام").split()
NEWS = (
    "الحكومة الوزير الوزارة الرئيس البرلمان المجلس الشعب الدولة المدينة العاصمة القرية "
    "المحافظة المنطقة الشرطة الجيش القوات الأمن المعارضة الانتخابات الاتفاق المفاوضات "
    "الأزمة الاقتصاد السوق الأسعار النفط الغاز الكهرباء المياه الزراعة المزارعين "
    "التعليم المدارس الطلاب المعلمين الجامعة الصحة المستشفى الأطباء المرضى الوباء "
    "اللاجئين المهاجرين الحدود المساعدات المنظمة الأمم المتحدة الدولية الإقليمية "
    "المحلية الوطنية الجديدة الماضي المقبل الأسبوع الشهر العام اليوم أمس مساء صباح "
    "أعلنت أعلن قال قالت أكد أكدت أضاف أضافت أشار أشارت ذكرت أفادت نقلت طالب طالبت "
    "دعا دعت رفض رفضت وافق وافقت بدأ بدأت استمرت ارتفع ارتفعت انخفض تراجع بلغ بلغت "
    "خطة برنامج مشروع قانون قرار تقرير بيان مؤتمر اجتماع زيارة جلسة لجنة هيئة شركة "
    "مصدر مسؤول مسؤولون متحدث خبراء سكان مواطنين عمال موظفين نواب وزراء قادة "
    "دعم تمويل تطوير إصلاح تحسين توفير حماية مواجهة معالجة تنفيذ إعادة بناء "
    "الطرق المباني المساكن المصانع الموانئ المطار الجسر السدود الأراضي الحقول "
    "مهمة كبيرة واسعة جديدة صعبة خطيرة عاجلة كاملة رسمية سياسية اقتصادية اجتماعية "
    "السلام الحرب الهدنة العنف الاحتجاجات المظاهرات الإضراب الفساد الضرائب الرواتب "
    "البطالة الفقر التضخم الديون الموازنة الاستثمار التجارة الصادرات الواردات "
    "الفلسطينيين الفلسطينية لبنان سوريا العراق مصر الأردن اليمن ليبيا تونس المغرب "
    "الخليج أوروبا واشنطن موسكو القاهرة بيروت دمشق بغداد عمان الرباط الجزائر"
).split()
SPEAKERS = ("المتحدث باسم الوزارة", "رئيس اللجنة", "مصدر مسؤول", "الخبير الاقتصادي",
            "مدير المستشفى", "رئيس البلدية", "الناطق باسم الحكومة", "ممثل النقابة")
SOURCES = ("وكالة الأنباء", "صحيفة المساء", "الجريدة اليومية", "موقع الخبر", "إذاعة الوطن",
           "قناة الأخبار", "مجلة الأسبوع", "بي بي سي عربي")
CURRENCIES = ("دولار", "دينار", "يورو", "جنيه", "ريال")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


class Generator:
    """Deterministic news-like articles: ``article(n)`` is always the same."""

    def __init__(self, seed: int = 2026) -> None:
        self.seed = seed
        words = FUNCTION + NEWS
        # Zipf-like weights: function words first, so they are the most frequent.
        self.words = words
        self.weights = [1.0 / (rank + 2) ** 0.9 for rank in range(len(words))]

    def _sentence(self, rng: random.Random, k: int) -> str:
        return " ".join(rng.choices(self.words, self.weights, k=k))

    def _figure(self, rng: random.Random) -> str:
        kind = rng.randrange(6)
        if kind == 0:
            text = f"{rng.randint(2, 95)}%"
        elif kind == 1:
            text = f"{rng.randint(1, 900)}.{rng.randint(1, 9)} مليون {rng.choice(CURRENCIES)}"
        elif kind == 2:
            text = f"عام {rng.randint(1990, 2025)}"
        elif kind == 3:
            text = f"{rng.randint(10, 99_999):,}".replace(",", "٬") + " شخص"
        elif kind == 4:
            text = f"{rng.randint(2, 500)} قتيلا"
        else:
            text = f"{rng.randint(1, 28)} مارس"
        return text.translate(INDIC) if rng.random() < 0.3 else text

    def article(self, n: int) -> Article:
        rng = random.Random(self.seed * 1_000_003 + n)
        paragraphs = []
        for _ in range(rng.randint(4, 10)):
            words = rng.randint(20, 60)
            text = self._sentence(rng, words)
            if rng.random() < 0.5:
                quote = self._sentence(rng, rng.randint(6, 16))
                text += f". وقال {rng.choice(SPEAKERS)} إن «{quote}»"
            if rng.random() < 0.6:
                text += f"، مشيرا إلى أن الرقم بلغ {self._figure(rng)}"
            paragraphs.append(text + ".")
        day = rng.randint(0, 3650)
        published = time.strftime("%Y-%m-%d", time.gmtime(1_420_070_400 + day * 86_400))
        return Article(
            title=f"{self._sentence(rng, rng.randint(6, 12))} ({n})",
            body="\n".join(paragraphs),
            source=rng.choice(SOURCES),
            published=published,
            url=f"https://example.org/news/{n}",
        )

    def articles(self, count: int, start: int = 0) -> Iterator[Article]:
        for n in range(start, start + count):
            yield self.article(n)


def build(path: Path, count: int, *, progress: bool = True) -> float:
    """Import ``count`` generated articles into ``path``; return the seconds taken."""
    gen = Generator()
    started = time.perf_counter()
    step = 5000
    with Library.open(path) as lib:
        for first in range(0, count, step):
            lib.add_articles(gen.articles(min(step, count - first), first))
            if progress:
                done = min(first + step, count)
                rate = done / (time.perf_counter() - started)
                print(f"\r{done:>8} articles, {rate:,.0f}/s", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    if not argv or not argv[0].isdigit():
        print("usage: python bench/make_store.py N [PATH]", file=sys.stderr)
        return 2
    count = int(argv[0])
    path = Path(argv[1]) if len(argv) > 1 else Path(f"bench-store-{count}.sqlite3")
    seconds = build(path, count)
    size = path.stat().st_size
    print(f"{path}: {count} articles in {seconds:.1f} s ({count / seconds:,.0f}/s), "
          f"{size / 1e6:.1f} MB ({size / max(count, 1):,.0f} bytes/article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
