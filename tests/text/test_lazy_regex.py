"""Regular expressions compiled at their first use (``reader.text.lazy_regex``)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from reader.text.lazy_regex import LazyPattern


def test_a_lazy_pattern_finds_what_the_compiled_one_finds() -> None:
    text = "في 12 مارس 2024 وفي 3 أبريل"
    lazy = LazyPattern(r"(\d+) (\w+)", re.UNICODE)
    plain = re.compile(r"(\d+) (\w+)", re.UNICODE)
    assert [m.groups() for m in lazy.finditer(text)] == [m.groups() for m in plain.finditer(text)]
    assert lazy.search(text, 5).span() == plain.search(text, 5).span()
    assert lazy.match(text) is None
    assert lazy.sub("#", text) == plain.sub("#", text)
    assert (lazy.pattern, lazy.flags) == (plain.pattern, plain.flags)


def test_it_compiles_once_and_only_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    compile_ = re.compile

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(source)
        return compile_(source, flags)

    monkeypatch.setattr(re, "compile", counting)
    lazy = LazyPattern("ab+")
    assert compiled == []
    assert lazy.search("xabbb").group() == "abbb"
    assert lazy.findall("ab abb") == ["ab", "abb"]
    assert lazy.compiled() is lazy.compiled()
    assert compiled == ["ab+"]


def test_a_bad_pattern_raises_when_first_used() -> None:
    lazy = LazyPattern("(")
    try:
        lazy.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("a malformed pattern compiled")


def test_starting_the_command_compiles_none_of_the_large_patterns() -> None:
    """The month names and number words are compiled when a text is first
    searched for them, not by every ``rtl-reader`` command as it starts."""
    code = (
        "import reader.cli, reader.text, gc\n"
        "from reader.text.lazy_regex import LazyPattern\n"
        "lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(len(lazy), sum('_compiled' in o.__dict__ for o in lazy))\n"
        "from reader.text import find_highlights\n"
        "find_highlights('قال الوزير في 3 مارس 2024 إن «النمو بلغ ثلاثة في المئة»')\n"
        "print(sum('_compiled' in o.__dict__ for o in lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    count, compiled_at_start, compiled_after = map(int, out)
    assert count >= 7
    assert compiled_at_start == 0
    assert compiled_after > 0
