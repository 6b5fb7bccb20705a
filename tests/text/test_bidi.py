"""Bidi controls: stripping, isolation, override detection (direction spoofing)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.bidi import (
    BIDI_CONTROLS,
    FSI,
    PDI,
    RLO,
    control_positions,
    has_overrides,
    isolate,
    strip_bidi_controls,
)

SPOOFED_TITLE = "invoice" + RLO + "fdp.exe"


def test_override_is_flagged_and_stripped() -> None:
    assert has_overrides(SPOOFED_TITLE)
    assert strip_bidi_controls(SPOOFED_TITLE) == "invoicefdp.exe"
    assert control_positions(SPOOFED_TITLE) == [(7, "RLO")]


def test_isolate_wraps_clean_text() -> None:
    assert isolate("خبر" + RLO) == FSI + "خبر" + PDI


def test_plain_arabic_has_no_overrides() -> None:
    assert not has_overrides("قال الوزير \u200fإن")


@given(st.text(alphabet=st.sampled_from(sorted(BIDI_CONTROLS) + list("abخبر "))))
def test_stripped_text_has_no_controls(text: str) -> None:
    out = strip_bidi_controls(text)
    assert not any(ch in BIDI_CONTROLS for ch in out)
    assert len(out) == len(text) - len(control_positions(text))
