"""Fixtures for the tests that try to break the library: generated article files
and a way to run the real command in a child process."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

_WORDS = (
    "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية وقال "
    "المتحدث باسم الوزارة إن البرنامج يشمل تمويل مشاريع الري وتحسين الطرق "
    "وأضاف أن الميزانية المخصصة تبلغ ملايين الدنانير وأشار إلى أن التنفيذ "
    "يبدأ مطلع العام المقبل في عدة محافظات بالتعاون مع البلديات والجمعيات "
    "المحلية ومنظمات المجتمع المدني التي رحبت بالقرار واعتبرته خطوة مهمة"
).split()


def article_text(n: int, rng: random.Random) -> str:
    """An original news-style article with a unique token ``docNNNNN`` in its body."""
    def sentence(k: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(k))

    title = f"{sentence(6)} {n}"
    paragraphs = [
        f"{sentence(18)} doc{n:05d}.",
        f"وقال المسؤول إن «{sentence(10)}» مضيفا أن النسبة بلغت {rng.randint(2, 90)}%.",
        f"{sentence(25)} عام {rng.randint(1990, 2024)}.",
    ]
    return title + "\n\n" + "\n".join(paragraphs) + "\n"


def make_articles(folder: Path, count: int, *, seed: int = 7, start: int = 0) -> list[Path]:
    """Write ``count`` article files numbered from ``start`` into ``folder``."""
    rng = random.Random(seed + start)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"a{n:05d}.txt"
        path.write_text(article_text(n, rng), encoding="utf-8")
        paths.append(path)
    return paths


def cli(*args: str, store: Path, env: dict[str, str] | None = None, python: str | None = None,
        **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``python -m reader --store STORE ARGS`` and wait for it."""
    return subprocess.run(
        [python or sys.executable, "-m", "reader", "--store", str(store), *args],
        capture_output=True, text=True, cwd=REPO, env=env or child_env(), timeout=600,
        **kwargs,  # type: ignore[arg-type]
    )


def cli_popen(*args: str, store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--store", str(store), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=child_env(),
    )


_STARTED_FROM_A_TERMINAL = """\
import runpy, signal, sys
ignored = {int(n) for n in sys.argv.pop(1).split(",") if n}
for name in ("SIGINT", "SIGTERM", "SIGHUP"):
    n = getattr(signal, name)
    signal.signal(n, signal.SIG_IGN if n in ignored else
                  signal.default_int_handler if n == signal.SIGINT else signal.SIG_DFL)
runpy.run_module("reader", run_name="__main__", alter_sys=True)
"""
"""``python -m reader`` with the stop signals as a shell in a terminal
starts a program, those of ``sys.argv[1]`` (numbers) ignored instead."""


def app_popen(store: Path, *args: str, ignoring: Sequence[int] = ()) -> subprocess.Popen[str]:
    """The app (``rtl-reader [--store] [args]``, offscreen) as a process of its
    own, its window settings in ``settings.ini`` beside the store. Its stop
    signals start as from a terminal, whatever this run of the tests was
    started with (one under nohup ignores SIGHUP); ``ignoring``: those start
    ignored, as nohup leaves SIGHUP."""
    env = child_env()
    env["RTL_READER_SETTINGS"] = str(store.with_name("settings.ini"))
    return subprocess.Popen([sys.executable, "-c", _STARTED_FROM_A_TERMINAL,
                             ",".join(map(str, ignoring)), "--store", str(store), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=REPO, env=env)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def integrity(store: Path) -> str:
    con = sqlite3.connect(store)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def token_of(body: str) -> str | None:
    for word in body.split():
        if word.startswith("doc") and word[3:8].isdigit():
            return word[:8]
    return None


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Sequence[Path]:
    """Two thousand small article files, made once per session."""
    return make_articles(tmp_path_factory.mktemp("gen") / "articles", 2000)
