"""``make run`` on a fresh Debian gets the libraries Qt needs (issue 17).

No fresh container here: a fake ``ldd`` says what is missing and a fake
``apt-get`` records what it was asked, both first on PATH."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import system_libraries as syslibs
from tests.conftest import REPO, require_program

MISSING = ["libEGL.so.1", "libdbus-1.so.3", "libglib-2.0.so.0", "libxcb-cursor.so.0",
           "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"]


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libGLdispatch.so.0", "libglvnd0"),
])
def test_debian_names_a_library_package_after_its_soname(soname: str, package: str) -> None:
    assert syslibs.debian_package(soname) == package


def fake_tools(folder: Path, *, missing: list[str]) -> Path:
    """``ldd`` reporting ``missing`` and an ``apt-get`` that writes its
    arguments to ``apt.log``, in ``folder``; returns the log."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"\t{lib} => not found\n" for lib in missing)
    (folder / "ldd").write_text(f"#!/bin/sh\nprintf '%s' '{lines}'\n")
    log = folder / "apt.log"
    (folder / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    (folder / "sudo").write_text('#!/bin/sh\nexec "$@"\n')  # for a run as a user
    for tool in ("ldd", "apt-get", "sudo"):
        (folder / tool).chmod(0o755)
    return log


def run_module(*args: str, path: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=path)
    return subprocess.run([sys.executable, "-m", "reader.system_libraries", *args],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=60)


def test_missing_libraries_are_read_from_ldd(tmp_path: Path, monkeypatch) -> None:
    fake_tools(tmp_path / "bin", missing=MISSING[:3])
    qt = syslibs.qt_folder()
    assert qt is not None
    found = syslibs.missing_libraries(qt, ldd=str(tmp_path / "bin" / "ldd"))
    assert found == sorted(MISSING[:3])


def test_install_runs_apt_get_with_the_packages(tmp_path: Path) -> None:
    log = fake_tools(tmp_path / "bin", missing=MISSING)
    proc = run_module("--install", path=f"{tmp_path / 'bin'}:/usr/bin:/bin")
    calls = log.read_text().splitlines()
    assert calls[0] == "update"
    assert calls[1].split() == ["install", "-y", "--no-install-recommends", "libdbus-1-3",
                                "libegl1", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4",
                                "libxcb-keysyms1", "libxkbcommon-x11-0"]
    # The fake apt-get installs nothing, so the check after it still fails.
    assert proc.returncode == 1 and "still missing" in proc.stderr


def test_dry_run_prints_and_runs_nothing(tmp_path: Path) -> None:
    log = fake_tools(tmp_path / "bin", missing=MISSING[:1])
    proc = run_module("--install", "--dry-run", path=f"{tmp_path / 'bin'}:/usr/bin:/bin")
    assert proc.returncode == 0, proc.stderr
    assert "would run: " in proc.stderr and "apt-get install -y" in proc.stderr
    assert "libegl1" in proc.stderr and not log.exists()


def test_nothing_missing_is_silent(tmp_path: Path) -> None:
    fake_tools(tmp_path / "bin", missing=[])
    proc = run_module("--install", path=f"{tmp_path / 'bin'}:/usr/bin:/bin")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def tools(*present: str):  # type: ignore[no-untyped-def]
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_a_user_goes_through_sudo() -> None:
    commands, note = syslibs.commands(["libxcb-cursor.so.0"], euid=1000,
                                      which=tools("apt-get", "sudo"))
    assert note == ""
    assert commands == [["sudo", "apt-get", "update"],
                        ["sudo", "apt-get", "install", "-y", "--no-install-recommends",
                         "libxcb-cursor0"]]


def test_without_sudo_the_command_is_printed() -> None:
    commands, note = syslibs.commands(["libxcb-cursor.so.0"], euid=1000, which=tools("apt-get"))
    assert commands == [] and note.endswith("apt-get install -y --no-install-recommends "
                                            "libxcb-cursor0")


def test_other_systems_get_the_exact_command() -> None:
    commands, note = syslibs.commands(["libxcb-cursor.so.0", "libEGL.so.1"], euid=1000,
                                      which=tools("dnf", "sudo"))
    assert commands == []
    assert note == "run: sudo dnf install 'libxcb-cursor.so.0()(64bit)' 'libEGL.so.1()(64bit)'"
    _, note = syslibs.commands(["libxcb-cursor.so.0"], euid=0, which=tools())
    assert note.endswith("provide: libxcb-cursor.so.0")


def test_make_run_and_make_test_get_the_libraries_first() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "check"):
        line = next(ln for ln in makefile.splitlines() if ln.startswith(f"{target}:"))
        assert "system-libraries" in line, line
    assert "-m reader.system_libraries --install" in makefile


def test_make_run_gets_the_libraries_with_a_fake_apt_get(tmp_path: Path) -> None:
    """The Makefile's own step, as `make run DRY_RUN=1` takes it on a machine
    missing a library (this venv standing in for the one make would build)."""
    make = require_program("make", "make")
    fake_tools(tmp_path / "bin", missing=["libxcb-cursor.so.0"])
    venv = Path(sys.prefix)
    proc = subprocess.run(
        [make, "--no-print-directory", "-o", f"{venv}/.installed", "system-libraries",
         f"VENV={venv}", "DRY_RUN=1"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
        env=dict(os.environ, PATH=f"{tmp_path / 'bin'}:/usr/bin:/bin"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "-m reader.system_libraries --install --dry-run" in proc.stdout
    assert "would run: apt-get install -y --no-install-recommends libxcb-cursor0" in proc.stderr
    assert not (tmp_path / "bin" / "apt.log").exists()
