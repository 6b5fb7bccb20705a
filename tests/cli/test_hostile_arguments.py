"""Arguments a hostile or unlucky user types: numbers too large for the
store, digits of other scripts, sizes past the limits. Each is one line
(exit 1 for what names nothing, 2 for bad usage), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main

TOO_LARGE = "9223372036854775808"  # 2**63: one past SQLite's largest integer
ARABIC_INDIC_HUGE = "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(capsys: pytest.CaptureFixture[str], tmp_path: Path, store_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text("عنوان الخبر\n\nقال الوزير «نحن هنا» اليوم 5 مرات.\n", encoding="utf-8")
    assert run(capsys, "--store", str(store_path), "import", str(article))[0] == 0
    return store_path


@pytest.mark.parametrize("ident", [TOO_LARGE, "9" * 40, ARABIC_INDIC_HUGE])
@pytest.mark.parametrize("command", [
    ["show"], ["delete"], ["highlights"], ["find", "الوزير"],
    ["export", "--format", "md", "-o", "-"],
])
def test_an_id_too_large_for_the_store_is_no_article(
        capsys, filled: Path, command: list[str], ident: str) -> None:
    code, _, err = run(capsys, "--store", str(filled), *command, ident)
    assert code == 1
    assert err == f"rtl-reader: {ident}: no article with this ID\n"


@pytest.mark.parametrize("argv", [
    ["list", "--limit", TOO_LARGE],
    ["search", "الوزير", "--limit", "9" * 30],
    ["screenshot", "-o", "x.png", "--size", "99999999999x99999999"],
    ["screenshot", "-o", "x.png", "--size", "8001x600"],
    ["feeds", "add", "http://127.0.0.1:1/f.xml", "--interval", "10081"],
    ["feeds", "add", "http://127.0.0.1:1/f.xml", "--interval", TOO_LARGE],
])
def test_a_number_past_its_limit_is_a_usage_error(
        capsys, filled: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--store", str(filled), *argv])
    _, err = capsys.readouterr()
    assert ended.value.code == 2
    assert err.splitlines()[-1].startswith("rtl-reader: argument --")
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["²", TOO_LARGE, "-1", ARABIC_INDIC_HUGE])
def test_a_feed_named_by_no_usable_id_is_one_line(capsys, filled: Path, name: str) -> None:
    code, _, err = run(capsys, "--store", str(filled), "feeds", "remove", name)
    assert code == 1
    assert err == f"rtl-reader: {name}: no feed with this ID or address\n"
