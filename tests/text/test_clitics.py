"""The proclitics Arabic glues to a word (``reader.text.clitics``): the
forms library search looks for when a word is typed bare."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text import find
from reader.text.clitics import GLUED_AT_LEAST, PREFIXES, glued_forms

# Letters a word may start or end with, the proclitic letters among them.
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءئؤ"
CORES = st.text(alphabet=st.sampled_from(list(LETTERS)), min_size=GLUED_AT_LEAST,
                max_size=8).filter(lambda w: not w.startswith("ال"))


@given(core=CORES, prefix=st.sampled_from(sorted(PREFIXES)))
def test_library_search_finds_every_glued_word_ctrl_f_finds(core: str, prefix: str) -> None:
    """Whatever whole-word find (Ctrl+F) takes for the word behind a
    proclitic, the library's search for the bare word takes too."""
    text = f"قال {prefix}{core} أمس"
    if [m.text for m in find(text, core, whole_word=True)] == [core]:
        assert prefix + core in glued_forms(core)


@given(core=CORES, prefix=st.sampled_from(sorted(PREFIXES)))
def test_every_form_is_the_word_behind_proclitics(core: str, prefix: str) -> None:
    forms = glued_forms(core)
    assert forms[0] == core and prefix + core in forms
    assert all(f == core or (f.endswith(core) and f[:-len(core)] in PREFIXES) for f in forms)
    assert list(forms) == sorted(forms, key=lambda f: (len(f), f))


@given(core=CORES)
def test_a_word_with_the_article_keeps_it(core: str) -> None:
    forms = glued_forms("ال" + core)
    assert core not in forms  # الخبز never finds the bare خبز
    assert {"ال" + core, "وال" + core, "بال" + core, "لل" + core, "وبال" + core} <= set(forms)
    assert all(f.endswith(core) for f in forms)


def test_short_words_digits_and_latin_are_only_themselves() -> None:
    # لم glued to ف reads فلم "film"; الله is ال + two letters
    for word in ("لم", "من", "في", "الله", "الي", "2024", "bbc", "كوفيد19"):
        assert glued_forms(word) == (word,)
