"""``rtl-reader install-desktop``: menu entry, icon, metainfo and the
``rtl-reader://`` link handler in a temporary XDG home (issue 17)."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import desktop
from reader.cli import main
from reader.resources import resource_path
from tests.conftest import REPO, require_program

LINK = "rtl-reader://article/1?at=10"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    data, config = tmp_path / "data", tmp_path / "config"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return data, config


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_the_entry_icon_metainfo_and_link_handler(
        capsys: pytest.CaptureFixture[str], xdg: tuple[Path, Path]) -> None:
    data, config = xdg
    assert main(["install-desktop", "--exec", "/opt/my reader/rtl-reader"]) == 0
    out = capsys.readouterr().out.splitlines()
    installed = data / "applications" / "rtl-reader.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "rtl-reader.svg"
    metainfo = data / "metainfo" / desktop.METAINFO
    assert out == [str(installed), str(icon), str(metainfo), str(config / "mimeapps.list")]
    fields = entry(installed)
    assert fields["Exec"] == '"/opt/my reader/rtl-reader" open --from-desktop %u'
    assert fields["Icon"] == "rtl-reader"
    types = fields["MimeType"].split(";")
    for wanted in ("x-scheme-handler/rtl-reader", "text/plain", "text/html",
                   "application/rss+xml", "application/atom+xml"):
        assert wanted in types
    assert icon.read_bytes() == resource_path("icons", "rtl-reader.svg").read_bytes()
    mimeapps = (config / "mimeapps.list").read_text(encoding="utf-8")
    assert "[Default Applications]\nx-scheme-handler/rtl-reader=rtl-reader.desktop\n" in mimeapps


def test_install_keeps_the_users_other_choices_and_uninstall_removes_only_ours(
        capsys: pytest.CaptureFixture[str], xdg: tuple[Path, Path]) -> None:
    data, config = xdg
    config.mkdir(parents=True)
    mine = ("[Default Applications]\ntext/plain=gedit.desktop;\n"
            "x-scheme-handler/rtl-reader=old.desktop;\n\n[Added Associations]\n"
            "text/html=firefox.desktop;\n")
    (config / "mimeapps.list").write_text(mine, encoding="utf-8")
    assert main(["install-desktop", "--exec", "rtl-reader"]) == 0
    after = (config / "mimeapps.list").read_text(encoding="utf-8")
    assert after == mine.replace("old.desktop;", "rtl-reader.desktop")
    assert main(["install-desktop", "--exec", "rtl-reader"]) == 0  # idempotent
    assert (config / "mimeapps.list").read_text(encoding="utf-8") == after
    assert main(["uninstall-desktop"]) == 0
    assert (config / "mimeapps.list").read_text(encoding="utf-8") == (
        "[Default Applications]\ntext/plain=gedit.desktop;\n\n[Added Associations]\n"
        "text/html=firefox.desktop;\n")
    assert not (data / "applications" / "rtl-reader.desktop").exists()
    assert not any(p.is_file() for p in data.rglob("*rtl*"))
    capsys.readouterr()


def test_a_handler_someone_else_set_is_left_alone(xdg: tuple[Path, Path]) -> None:
    _, config = xdg
    config.mkdir(parents=True)
    (config / "mimeapps.list").write_text(
        "[Default Applications]\nx-scheme-handler/rtl-reader=other.desktop;\n", encoding="utf-8")
    assert not desktop.unset_default(config / "mimeapps.list", desktop.SCHEME_TYPE,
                                     desktop.DESKTOP_ID)


def test_xdg_defaults_when_the_variables_are_unset(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/is/ignored")
    assert desktop.targets()["desktop"] == tmp_path / ".local/share/applications/rtl-reader.desktop"
    assert desktop.config_home() == tmp_path / ".config"


def test_the_default_command_is_this_rtl_reader() -> None:
    command = desktop.default_command()
    assert command == [str(Path(sys.executable).parent / "rtl-reader")]
    assert os.access(command[0], os.X_OK)


def test_the_installed_entry_is_valid(xdg: tuple[Path, Path]) -> None:
    validate = require_program("desktop-file-validate", "desktop-file-utils")
    desktop.install(["/usr/bin/rtl-reader"])
    for path in (resource_path(desktop.DESKTOP_ID), desktop.targets()["desktop"]):
        proc = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert proc.returncode == 0 and proc.stdout == "", proc.stdout


def test_the_metainfo_is_valid_with_screenshots() -> None:
    appstreamcli = require_program("appstreamcli", "appstream")
    path = resource_path(desktop.METAINFO)
    proc = subprocess.run([appstreamcli, "validate", "--no-net", "--pedantic", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = path.read_text(encoding="utf-8")
    assert "<launchable type=\"desktop-id\">rtl-reader.desktop</launchable>" in text
    for name in ("main-window-ar.png", "main-window-en.png"):
        assert f"resources/screenshots/{name}</image>" in text
        assert (REPO / "resources" / "screenshots" / name).is_file()


def test_xdg_open_of_a_link_runs_our_command_with_the_link(
        xdg: tuple[Path, Path], tmp_path: Path) -> None:
    """The desktop's way: xdg-open finds the handler of the scheme in
    mimeapps.list and runs the entry's Exec with the link (a stub command
    records it; a real display is not needed, only DISPLAY set)."""
    xdg_open = require_program("xdg-open", "xdg-utils")
    record = tmp_path / "ran.txt"
    stub = tmp_path / "bin" / "rtl-reader"
    stub.parent.mkdir()
    stub.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n', encoding="utf-8")
    stub.chmod(0o755)
    desktop.install([str(stub)])
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_CURRENT", "KDE", "GNOME", "DESKTOP_SESSION", "BROWSER"))}
    env["DISPLAY"] = ":99"
    proc = subprocess.run([xdg_open, LINK], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    deadline = time.monotonic() + 20
    while not record.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert record.read_text(encoding="utf-8").splitlines() == ["open", "--from-desktop", LINK]


def test_a_command_with_a_line_break_is_refused_before_anything_is_written(
        xdg: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: ``--exec`` holding a line break wrote keys of its own into
    the entry (``Exec=/bin/x``, ``Terminal=true``, ``Exec=evil``)."""
    command = "/bin/x\nTerminal=true\nExec=evil"
    assert main(["install-desktop", "--exec", command]) == 1
    assert capsys.readouterr().err == (
        "rtl-reader: /bin/x\\nTerminal=true\\nExec=evil: a command holding a control "
        "character (a line break) cannot go in a .desktop file\n")
    data, config = xdg
    assert not data.exists() and not config.exists()

