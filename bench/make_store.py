"""Build a realistic store of N generated Arabic news articles.

    python bench/make_store.py N [PATH]

The generator (``Generator``) is shared by the store benchmarks. Its
vocabulary has 400,000 entries: hand-picked news Arabic at the ranks such
words hold in ../shared/corpus (في about 3% of all words), then generated
root-and-pattern forms with clitics for the long tail, drawn with a
Zipf-Mandelbrot law; each article also repeats a dozen topic words of its
own. Titles of 6-12 words, 4-10 paragraphs of 20-60 words (about 400 words
an article, like agency copy), a quotation «…» in about every other
paragraph from one of 200 speakers, and figures (digits, percentages, money,
years, Arabic-Indic digits). Articles are deterministic for a given seed and
number.
"""

from __future__ import annotations

import itertools
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.store import Article, Library

FUNCTION = ("في من على إلى أن التي الذي عن مع بعد هذا ما لا لم كان قد وقال خلال أو أنه "
            "وفي ومن هذه كما بين قبل ذلك حول كل أكثر غير حيث عند منذ إن كانت وقد ولا "
            "أيضا لكن والتي ضد عبر نحو لدى أمام حتى").split()
"""The head of the vocabulary, most frequent first (ranks measured on ../shared/corpus)."""
COMMON = (
    "قال الحكومة اليوم رئيس أعلنت الوزير العام المنطقة الرئيس الدولة العاصمة الأمن "
    "المجلس الوزارة أكد الشعب القوات البرلمان أمس الماضي المقبل الأسبوع الشهر الجيش "
    "الشرطة المدينة المعارضة الاتفاق الأزمة الاقتصاد أعلن قالت أضاف أشار ذكرت أفادت "
    "مسؤول مصدر بيان تقرير قرار اجتماع مؤتمر الأمم المتحدة الدولية الوطنية الجديدة "
    "السوق الأسعار النفط المياه التعليم الصحة الانتخابات المفاوضات السلام الحرب "
    "الحدود المساعدات اللاجئين المدارس المستشفى الطلاب الاستثمار التجارة الغاز "
    "الكهرباء الزراعة المحافظة القرية البلدية الإقليمية المحلية دعا طالب رفض وافق "
    "بدأ ارتفع انخفض تراجع بلغ خطة برنامج مشروع قانون زيارة جلسة لجنة هيئة شركة "
    "خبراء سكان مواطنين عمال موظفين نواب وزراء قادة دعم تمويل تطوير إصلاح تحسين "
    "لبنان سوريا العراق مصر الأردن اليمن ليبيا تونس المغرب الخليج أوروبا واشنطن "
    "موسكو القاهرة بيروت دمشق بغداد عمان الجزائر الفلسطينيين مساء صباح"
).split()
"""News words a reader meets daily: spread over ranks ~80-3,000."""
TOPICAL = (
    "الجسر السدود الموانئ الهدنة الإضراب الرباط الصادرات البطالة المطار الحقول "
    "المزارعين المعلمين الجامعة الأطباء المرضى الوباء المهاجرين المنظمة المصانع "
    "المساكن المباني الطرق الأراضي العنف الاحتجاجات المظاهرات الفساد الضرائب "
    "الرواتب الفقر التضخم الديون الموازنة الواردات الحكومات الانتخابية المعلم "
    "المعلمون والمعلمين معلم الكتب كتب كتاب المفاوضون المفاوضين اقتصادية اقتصاديا "
    "المستشفيات المستوطنات المستقبل مسؤولون مسؤولية مسؤولين"
).split()
"""Topic words (the benchmark's rare queries among them): ranks ~2,000-40,000."""
COLLOCATIONS = ("الأمم المتحدة", "مجلس الأمن", "رئيس الوزراء", "مليون دولار",
                "وزارة الخارجية", "المتحدث باسم الوزارة", "رئيس البلدية",
                "وسائل الإعلام", "حقوق الإنسان", "البنك الدولي")
"""Word pairs that travel together, drawn as one vocabulary entry."""

VOCABULARY_SIZE = 400_000
"""Distinct entries. Arabic news, clitics attached, passes 300,000 distinct
forms well before 45 million words (the text of 100,000 articles)."""

TOPIC_FROM = 300
"""An article's own topic words are drawn from this rank on."""

_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
_PATTERNS = ("{0}ا{1}{2}", "م{0}{1}و{2}", "ت{0}{1}ي{2}", "است{0}{1}ا{2}", "{0}{1}ا{2}ة",
             "م{0}{1}{2}", "{0}{1}ي{2}", "ت{0}ا{1}{2}", "ان{0}{1}ا{2}", "م{0}ا{1}{2}ة",
             "{0}{1}{2}ات", "م{0}{1}{2}ون", "م{0}{1}{2}ين", "{0}و{1}{2}", "أ{0}{1}{2}")
_CLITICS = ("", "", "", "ال", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ف")
_SUFFIXES = ("", "", "", "", "ه", "ها", "هم", "ية", "يا")

ROLES = ("المتحدث باسم", "رئيس", "مدير", "الناطق باسم", "ممثل", "مستشار", "عضو",
         "نائب رئيس", "مسؤول في", "أمين سر")
BODIES = ("الوزارة", "الحكومة", "اللجنة", "البلدية", "النقابة", "المستشفى", "الجيش",
          "الشرطة", "الجامعة", "البرلمان", "المجلس البلدي", "وزارة الخارجية", "وزارة الصحة",
          "وزارة المالية", "البنك المركزي", "الهلال الأحمر", "غرفة التجارة", "الاتحاد العام",
          "هيئة الطاقة", "منظمة الصحة العالمية")
SPEAKERS = tuple(f"{role} {body}" for body in BODIES for role in ROLES)
"""Who is quoted: 200 role-and-body pairs, drawn most-common first."""
SOURCES = ("وكالة الأنباء", "صحيفة المساء", "الجريدة اليومية", "موقع الخبر", "إذاعة الوطن",
           "قناة الأخبار", "مجلة الأسبوع", "بي بي سي عربي")
CURRENCIES = ("دولار", "دينار", "يورو", "جنيه", "ريال")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def vocabulary(size: int = VOCABULARY_SIZE, seed: int = 2026) -> list[str]:
    """``size`` distinct entries, most frequent first: the function words,
    then common news words, collocations and topic words placed among
    generated root-and-pattern forms (with clitics) that make the long tail."""
    rng = random.Random(seed)
    placed: dict[int, str] = {}

    def place(words: list[str] | tuple[str, ...], low: int, high: int) -> None:
        for i, word in enumerate(words):
            # Geometric spacing: the list's order is its frequency order.
            rank = round(low * (high / low) ** (i / max(len(words) - 1, 1)))
            while rank in placed:
                rank += 1
            placed[rank] = word

    for rank, word in enumerate(FUNCTION):
        placed[rank] = word
    place(COMMON, 80, 3_000)
    place(COLLOCATIONS, 200, 3_000)
    place(TOPICAL, 2_000, 40_000)
    taken = set(placed.values())
    words: list[str] = []
    fill = iter(())
    for rank in range(size):
        if rank in placed:
            words.append(placed[rank])
            continue
        while True:
            word = next(fill, None)
            if word is None:
                root = rng.sample(_LETTERS, 3)
                fill = iter(_inflect(rng, pattern.format(*root))
                            for pattern in rng.sample(_PATTERNS, 4))
                continue
            if word not in taken:
                taken.add(word)
                words.append(word)
                break
    return words


def _inflect(rng: random.Random, stem: str) -> str:
    """``stem`` with a random proclitic and, where Arabic allows one, a suffix."""
    suffix = "" if stem.endswith(("ة", "ات", "ون", "ين")) else rng.choice(_SUFFIXES)
    return rng.choice(_CLITICS) + stem + suffix


class Generator:
    """Deterministic news-like articles: ``article(n)`` is always the same.

    Words are drawn from ``vocabulary()`` by a Zipf-Mandelbrot law (weight
    ``1 / (rank + 2.7)``: في makes about 3% of the words, as in real
    agency copy), and each article also repeats a dozen topic words of its
    own, so rarer words cluster in few articles as they do in the news."""

    def __init__(self, seed: int = 2026, size: int = VOCABULARY_SIZE) -> None:
        self.seed = seed
        self.words = vocabulary(size, seed)
        self.cum_weights = list(itertools.accumulate(1.0 / (rank + 2.7)
                                                     for rank in range(len(self.words))))
        # An article's subject is drawn by the same law from past the common head.
        head = self.cum_weights[TOPIC_FROM - 1]
        self.speaker_weights = list(itertools.accumulate(1.0 / (rank + 10)
                                                         for rank in range(len(SPEAKERS))))
        self.topic_words = self.words[TOPIC_FROM:]
        self.topic_weights = [w - head for w in self.cum_weights[TOPIC_FROM:]]

    def _sentence(self, rng: random.Random, k: int, topic: list[str] | None = None) -> str:
        words = rng.choices(self.words, cum_weights=self.cum_weights, k=k)
        if topic:
            for i in range(len(words)):
                if rng.random() < 0.08:
                    words[i] = rng.choice(topic)
        return " ".join(words)

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
        topic = rng.choices(self.topic_words, cum_weights=self.topic_weights, k=12)
        paragraphs = []
        for _ in range(rng.randint(4, 10)):
            text = self._sentence(rng, rng.randint(20, 60), topic)
            if rng.random() < 0.5:
                quote = self._sentence(rng, rng.randint(6, 16), topic)
                speaker = rng.choices(SPEAKERS, cum_weights=self.speaker_weights)[0]
                text += f". وقال {speaker} إن «{quote}»"
            if rng.random() < 0.6:
                text += f"، مشيرا إلى أن الرقم بلغ {self._figure(rng)}"
            paragraphs.append(text + ".")
        day = rng.randint(0, 3650)
        published = time.strftime("%Y-%m-%d", time.gmtime(1_420_070_400 + day * 86_400))
        return Article(
            title=f"{self._sentence(rng, rng.randint(6, 12), topic)} ({n})",
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
