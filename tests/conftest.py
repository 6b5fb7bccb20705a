"""Shared fixtures: offscreen Qt, the corpus, temporary stores."""

from __future__ import annotations

import gc
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No time limit on an example: Hypothesis's default of 200 ms is a timing
# assertion, and on a shared machine a Qt layout took 273 ms once.
settings.register_profile("rtl-reader", deadline=None)
settings.load_profile("rtl-reader")
# Keep tests away from the user's real store and settings.
os.environ.pop("RTL_READER_STORE", None)
# A suite started in the background by a shell without job control (`make
# test &`, a CI runner's nohup) inherits Ctrl+C ignored, and Python then
# keeps it ignored: the tests of what Ctrl+C does would see nothing. Give
# this process (and, since exec resets a handler to the default, the
# commands it starts) Ctrl+C as a terminal gives it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("RTL_READER_CORPUS", REPO.parent / "shared" / "corpus"))
DATA = Path(__file__).resolve().parent / "data"


REQUIRE_ALL = "RTL_READER_REQUIRE_ALL"
"""Set (by ``.ci/run``): no test may skip; every skip is reported as a failure."""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under ``RTL_READER_REQUIRE_ALL=1`` a skip, whatever raised it (a
    missing program or package, the corpus, a ``skipif``), fails the test
    with its reason: CI installs everything, so nothing may skip there."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and os.environ.get(REQUIRE_ALL) and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, and {REQUIRE_ALL}=1 lets nothing skip: {reason}"


_THRESHOLDS: tuple[int, int, int] = gc.get_threshold()  # type: ignore[assignment]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Python's garbage is collected on the main thread only, as the window
    does (``reader.gui.collector``): a test's threads (the store's readers,
    a task's pool) must never destroy a Qt object an earlier test left in a
    cycle (the suite crashed so, once in a few runs)."""
    gc.disable()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    from reader.gui.collector import collect_due

    collect_due(_THRESHOLDS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the Qt tests ``gui``; put the slow tests first, so that
    ``make test``'s workers (pytest-xdist) start them at once rather than
    one worker running the longest alone at the end."""
    for item in items:
        in_gui = "tests/gui/" in str(item.fspath).replace(os.sep, "/")
        if in_gui or "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; tests that need it skip where it is absent."""
    if not (CORPUS / "articles").is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set RTL_READER_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_articles(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "articles").glob("*.txt"))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store file path in a fresh temporary folder (the file does not exist yet)."""
    return tmp_path / "library.sqlite3"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """platformdirs and QSettings write under a temporary HOME, never the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("RTL_READER_STORE", raising=False)


def require_program(program: str, package: str) -> str:
    """The path of ``program``; skip, in one line naming the Debian
    ``package``, when it is missing (a failure under ``RTL_READER_REQUIRE_ALL``)."""
    import shutil

    found = shutil.which(program)
    if found:
        return found
    pytest.skip(f"{program} not found: install Debian's {package} package")


def file_modes_bind() -> bool:
    """True when this process is refused what a file's mode forbids: it is
    not root, or it is root without the capabilities that override modes
    (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, bits 1 and 2)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return True
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return False
    found = re.search(r"^CapEff:\s*([0-9a-fA-F]+)", status, re.M)
    return bool(found) and not int(found.group(1), 16) & 0b110


def rerun_where_file_modes_bind(request: pytest.FixtureRequest,
                                tmp_path_factory: pytest.TempPathFactory) -> bool:
    """For a test of what a file's mode refuses. False when modes bind this
    process: the caller goes on. As root (CI, containers), run this very test
    in a child process without the two capabilities that let root ignore
    modes (``setpriv`` from util-linux, in every Debian), assert that it
    passed there, and return True: the caller returns, proven."""
    if file_modes_bind():
        return False
    setpriv = require_program("setpriv", "util-linux")
    command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--",
               sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "--basetemp", str(tmp_path_factory.mktemp("modes-bind")), request.node.nodeid]
    proc = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and "1 passed" in proc.stdout, proc.stdout[-3000:]
    return True


@pytest.fixture
def secure_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """The feed tests' news site over https on 127.0.0.1, its certificate
    trusted (``tests.feed_site``): where a bare address, read as https://,
    is fetched."""
    from tests.feed_site import TLS_CERT, serve

    monkeypatch.setenv("SSL_CERT_FILE", str(TLS_CERT))
    with serve(tls=True) as running:
        yield running
