"""export_items: formats offered, atomic writes, overwrite refusal, cancel, progress."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.errors import ExportError, OutputExists
from reader.exporters import DEFAULT_FORMAT, FORMATS, export_items, suggested_name
from tests.exporters import sample

TEXT_FORMATS = ["md", "json", "csv", "html", "txt-visual"]
VISUAL_LABEL = "Plain text, visual order (for devices that cannot shape Arabic)"


def test_formats_offered() -> None:
    assert list(FORMATS) == ["md", "json", "csv", "html", "pdf", "txt-visual", "png"]
    assert FORMATS["txt-visual"].description == VISUAL_LABEL
    assert DEFAULT_FORMAT != "txt-visual"
    assert all(f.extension and f.description for f in FORMATS.values())


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        export_items(sample.items(), "docx", tmp_path / "x.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_existing_file_is_kept_without_force(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{FORMATS[fmt].extension}"
    out.write_text("my old notes", encoding="utf-8")
    with pytest.raises(OutputExists) as err:
        export_items(sample.items(), fmt, out)
    assert err.value.subject == str(out) and "--force" in err.value.message
    assert out.read_text(encoding="utf-8") == "my old notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    assert export_items(sample.items(), fmt, out, force=True) == [out]
    assert out.read_text(encoding="utf-8-sig") != "my old notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def _special(tmp_path: Path, kind: str) -> Path:
    kept = tmp_path / "kept.md"
    kept.write_text("my old notes", encoding="utf-8")
    out = tmp_path / f"{kind}.out"
    if kind == "fifo":
        os.mkfifo(out)
    elif kind == "link":
        out.symlink_to(kept)
    else:
        out.symlink_to("nowhere")
    return out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and links: POSIX")
@pytest.mark.parametrize("kind", ["fifo", "link", "dangling"])
@pytest.mark.parametrize("fmt", ["md", "pdf", "png"])
def test_force_never_replaces_a_link_or_what_is_no_regular_file(
        qapp, tmp_path: Path, kind: str, fmt: str) -> None:
    """Regression: ``-o /dev/full --force`` (and every ``screenshot -o``,
    which always replaces) renamed the export over the device node, as root;
    a FIFO or the link /dev/stdout would go the same way."""
    out = _special(tmp_path, kind)
    items = sample.items()[:1]
    items = [(items[0][0], items[0][1][:1])]  # one highlight: one PNG card at out
    before = os.lstat(out)
    with pytest.raises(ExportError) as err:
        export_items(items, fmt, out, force=True)
    assert err.value.subject == str(out)
    assert os.lstat(out).st_mode == before.st_mode and os.lstat(out).st_ino == before.st_ino
    assert (tmp_path / "kept.md").read_text(encoding="utf-8") == "my old notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["kept.md", out.name])


def test_written_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    export_items(sample.items(), "md", out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("bad", ["missing/out.md", "afile/out.md", "."])
def test_unwritable_place_is_one_clear_error(tmp_path: Path, bad: str) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    out = tmp_path / bad
    with pytest.raises(ExportError) as err:
        export_items(sample.items(), "md", out)
    assert err.value.subject == str(out)
    assert "\n" not in err.value.line()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_cancelled_export_leaves_nothing(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    calls: list[tuple[int, int]] = []
    written = export_items(sample.items(), fmt, out, progress=lambda d, t: calls.append((d, t)),
                           cancelled=lambda: len(calls) >= 2)
    assert written == []
    assert list(tmp_path.iterdir()) == []
    assert calls[0] == (0, 2)


def test_cancel_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("old", encoding="utf-8")
    assert export_items(sample.items(), "md", out, force=True, cancelled=lambda: True) == []
    assert out.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [out]


def test_failure_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"

    def explode(done: int, total: int) -> None:
        if done == 1:
            raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        export_items(sample.items(), "json", out, progress=explode)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_progress_counts_articles(tmp_path: Path, fmt: str) -> None:
    calls: list[tuple[int, int]] = []
    export_items(sample.items(), fmt, tmp_path / "out", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 2), (1, 2), (2, 2)]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_empty_selection_still_writes_a_valid_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{FORMATS[fmt].extension}"
    assert export_items([], fmt, out) == [out]
    assert out.stat().st_size > 0


def test_lone_surrogate_is_an_export_error_not_a_traceback(tmp_path: Path) -> None:
    article, highlights = sample.items()[0]
    broken = replace(article, title="عنوان\ud800")
    with pytest.raises(ExportError):
        export_items([(broken, highlights)], "md", tmp_path / "out.md")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_file_that_appears_during_the_export_is_not_replaced(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"

    def someone_else_writes(done: int, total: int) -> None:
        if done == 1:
            out.write_text("written by another program", encoding="utf-8")

    with pytest.raises(OutputExists):
        export_items(sample.items(), fmt, out, progress=someone_else_writes)
    assert out.read_text(encoding="utf-8") == "written by another program"
    assert list(tmp_path.iterdir()) == [out]


def test_suggested_names() -> None:
    items = sample.items()
    assert suggested_name(items[:1], "md") == "الحكومة تعلن خطة لإعادة إعمار المدارس في الجنوب.md"
    assert suggested_name(items, "csv") == "highlights.csv"
    assert suggested_name(items, "png") == "highlights"
    assert suggested_name(items[:1], "txt-visual").endswith(".txt")


def test_permission_denied_is_one_line_naming_the_file(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, which ignores folder permissions: refuse the way a
    # read-only folder does.
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(tmp_path)) and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    out = tmp_path / "out.md"
    with pytest.raises(ExportError) as err:
        export_items(sample.items(), "md", out)
    assert err.value.line() == f"{out}: cannot write: Permission denied"
    assert list(tmp_path.iterdir()) == []


def test_text_formats_do_not_load_qt(tmp_path: Path) -> None:
    """Markdown, JSON, CSV, HTML and visual text work where Qt is absent or
    broken: only the PDF and PNG renderers import PySide6."""
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None  # any import of it fails\n"
        "from pathlib import Path\n"
        "from reader.exporters import export_items\n"
        "from tests.exporters import sample\n"
        f"for fmt in {TEXT_FORMATS!r}:\n"
        f"    export_items(sample.items(), fmt, Path({str(tmp_path)!r}) / fmt)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], check=False)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(TEXT_FORMATS)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_orphaned_highlight_is_still_exported(tmp_path: Path, fmt: str) -> None:
    """A highlight whose field has since shrunk (the store keeps it as an
    orphan) is exported with its own text, not dropped and not a crash."""
    article, highlights = sample.items()[0]
    orphan = replace(highlights[-1], start=len(article.body) + 5, end=len(article.body) + 12,
                     text="نص قديم")
    out = tmp_path / f"orphan.{FORMATS[fmt].extension}"
    assert export_items([(article, [orphan])], fmt, out) == [out]
    content = out.read_text(encoding="utf-8-sig")
    if fmt != "txt-visual":
        assert "نص قديم" in content
