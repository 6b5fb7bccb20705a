"""bench/fit_quote_model.py: its logistic regression and its lexical features.

The sentences are the project's own, in the style of Arabic news.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.quotes import _classified
from tests.conftest import REPO
from tests.text.test_fold_equivalence import respelling


def _bench() -> ModuleType:
    if "bench_fit_quote_model" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "bench_fit_quote_model", REPO / "bench" / "fit_quote_model.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_fit_quote_model"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["bench_fit_quote_model"]


def test_fit_separates_and_the_penalty_shrinks() -> None:
    """Feature 1 marks quotations, feature 2 terms, feature 3 is noise: the
    weights take those signs, and a stronger penalty gives smaller ones."""
    data = ([([(0, 1.0), (1, 1.0)], 1)] * 8 + [([(0, 1.0), (2, 1.0)], -1)] * 8
            + [([(0, 1.0), (1, 1.0), (3, 1.0)], 1), ([(0, 1.0), (2, 1.0), (3, 1.0)], -1)])
    fit = _bench().fit
    weak, strong = fit(data, 4, 0.1), fit(data, 4, 10.0)
    assert weak[1] > 1 and weak[2] < -1 and abs(weak[3]) < 0.1
    assert 0 < strong[1] < weak[1] and weak[2] < strong[2] < 0


SENTENCES = [
    "وقال الوزير إن «الحكومة ستعلن خطتها الجديدة للنقل خلال الأسبوع المقبل».",
    "ونشرت صحيفة «الأيام» تقريرا مطولا عن الموسم.",
    "وتوعد الرئيس المخالفين بـ«عقاب شديد» في خطاب متلفز.",
    "وأعلن المدير أن الشركة شاركت \"البيانات الكاملة\" مع الجهات الرقابية.",
    "«لن نتراجع عن القرار مهما كان الثمن»، قال رئيس البلدية.",
]


def test_the_lexical_features_of_a_sentence() -> None:
    (quote, _), = _classified(SENTENCES[2])
    features = _bench().lexical(quote)
    assert "p1:ب" in features  # the glued بـ, its own word before the mark
    assert "i1:عقاب" in features and "iz:شديد" in features
    assert "a1:في" in features and "n:2" in features


@st.composite
def respelled(draw: st.DrawFn, sentence: str) -> str:
    """``sentence`` with every Arabic word respelled in a way that folds the same."""
    return re.sub("[\u0621-\u064a]+", lambda m: draw(respelling(m.group())), sentence)


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_the_lexical_features_ignore_spelling(data: st.DataObject) -> None:
    """Another hamza form, ى for ي, ة for ه, tashkeel or tatweel in any word,
    inside the quote or around it: the same features."""
    lexical = _bench().lexical
    for sentence in SENTENCES:
        other = data.draw(respelled(sentence))
        assert [lexical(q) for q, _ in _classified(other)] == [
            lexical(q) for q, _ in _classified(sentence)]
