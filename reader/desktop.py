"""Desktop integration for a user install (``pip``/``pipx``): ``rtl-reader
install-desktop`` and ``uninstall-desktop``.

Writes into the user's XDG folders (``$XDG_DATA_HOME``, default
``~/.local/share``; ``$XDG_CONFIG_HOME``, default ``~/.config``):

- ``applications/rtl-reader.desktop``: the menu entry, from the bundled one
  with ``Exec`` naming this very command (a pipx install is rarely on the
  menu's PATH), offered for text, HTML, Markdown and feed files ("Open
  with") and registered for ``rtl-reader://`` links;
- ``icons/hicolor/scalable/apps/rtl-reader.svg``: the icon;
- ``metainfo/io.github.rtl_reader.metainfo.xml``: the AppStream description;
- ``mimeapps.list`` (config): ``x-scheme-handler/rtl-reader`` opens with
  ``rtl-reader.desktop``, so ``xdg-open 'rtl-reader://article/1?at=10'`` and a
  link in an exported note open the app there. Nothing else there changes:
  the app is offered for text files, never made their default.

``update-desktop-database`` and ``xdg-mime`` run when present (Debian's
desktop-file-utils and xdg-utils); without them the files alone do the job
for desktops that read the folders. Pure Python apart from those two.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from reader.errors import ReaderError
from reader.resources import resource_path

DESKTOP_ID = "rtl-reader.desktop"
SCHEME_TYPE = "x-scheme-handler/rtl-reader"
METAINFO = "io.github.rtl_reader.metainfo.xml"
ICON = "rtl-reader.svg"
DEFAULTS = "Default Applications"


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def config_home() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def targets() -> dict[str, Path]:
    """Where each installed file goes, by role."""
    data = data_home()
    return {
        "desktop": data / "applications" / DESKTOP_ID,
        "icon": data / "icons" / "hicolor" / "scalable" / "apps" / ICON,
        "metainfo": data / "metainfo" / METAINFO,
    }


def default_command() -> list[str]:
    """The command that runs this rtl-reader: the ``rtl-reader`` script beside
    this interpreter (a venv or pipx install), else the one on PATH, else
    ``python -m reader``."""
    beside = Path(sys.executable).parent / "rtl-reader"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("rtl-reader")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "reader"]


def exec_line(command: list[str]) -> str:
    """``Exec=`` for ``command`` (Desktop Entry quoting: a double-quoted
    argument for one with a space or a reserved character). Raises
    ReaderError for an argument holding a control character: a line break
    would end the line and start keys of its own (``Exec=/bin/x`` +
    ``Terminal=true`` + ``Exec=evil``)."""
    def quote(arg: str) -> str:
        if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in arg):
            raise ReaderError(arg, "a command holding a control character (a line break) "
                                   "cannot go in a .desktop file")
        if not any(c in arg for c in ' \t"\'\\><~|&;$*?#()`'):
            return arg
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        return f'"{escaped}"'

    return " ".join(quote(a) for a in command) + " open --from-desktop %u"


def desktop_entry(command: list[str]) -> str:
    """The bundled .desktop file with ``Exec`` naming ``command``."""
    lines = resource_path(DESKTOP_ID).read_text(encoding="utf-8").splitlines()
    out = [f"Exec={exec_line(command)}" if line.startswith("Exec=") else line
           for line in lines]
    return "\n".join(out) + "\n"


def install(command: list[str] | None = None) -> list[Path]:
    """Install the menu entry, icon, metainfo and link handler for the user;
    the paths written (the ``mimeapps.list`` last). Idempotent."""
    entry = desktop_entry(command or default_command())  # refused before anything is written
    where = targets()
    for path in where.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    _write(where["desktop"], entry)
    _write(where["icon"], resource_path("icons", ICON).read_text(encoding="utf-8"))
    _write(where["metainfo"], resource_path(METAINFO).read_text(encoding="utf-8"))
    mimeapps = config_home() / "mimeapps.list"
    set_default(mimeapps, SCHEME_TYPE, DESKTOP_ID)
    _run_if_present("update-desktop-database", "-q", str(where["desktop"].parent))
    _run_if_present("xdg-mime", "default", DESKTOP_ID, SCHEME_TYPE)
    return [*where.values(), mimeapps]


def uninstall() -> list[Path]:
    """Remove what ``install`` wrote (the link handler only while it is ours);
    the paths removed or changed."""
    removed = []
    for path in targets().values():
        if path.exists():
            path.unlink()
            removed.append(path)
    mimeapps = config_home() / "mimeapps.list"
    if unset_default(mimeapps, SCHEME_TYPE, DESKTOP_ID):
        removed.append(mimeapps)
    _run_if_present("update-desktop-database", "-q",
                    str(targets()["desktop"].parent))
    return removed


def set_default(path: Path, mime_type: str, desktop_id: str) -> None:
    """``mime_type=desktop_id`` in the ``[Default Applications]`` group of the
    ``mimeapps.list`` at ``path``, every other line kept as it was."""
    lines = _lines(path)
    start, end = _group(lines, DEFAULTS)
    entry = f"{mime_type}={desktop_id}"  # as xdg-mime writes it
    if start is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines += [f"[{DEFAULTS}]", entry]
    else:
        keys = [i for i in range(start + 1, end) if _key(lines[i]) == mime_type]
        if keys:
            lines[keys[0]] = entry
            for i in reversed(keys[1:]):
                del lines[i]
        else:
            lines.insert(end, entry)
    _write(path, "\n".join(lines) + "\n")


def unset_default(path: Path, mime_type: str, desktop_id: str) -> bool:
    """Remove ``mime_type`` from ``[Default Applications]`` when it names
    ``desktop_id``; True when the file changed."""
    if not path.exists():
        return False
    lines = _lines(path)
    start, end = _group(lines, DEFAULTS)
    if start is None:
        return False
    ours = [i for i in range(start + 1, end)
            if _key(lines[i]) == mime_type
            and lines[i].split("=", 1)[1].strip().strip(";") == desktop_id]
    for i in reversed(ours):
        del lines[i]
    if ours:
        _write(path, "\n".join(lines) + "\n")
    return bool(ours)


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _group(lines: list[str], name: str) -> tuple[int | None, int]:
    """The index of ``[name]`` and of the line after its last key."""
    start = next((i for i, line in enumerate(lines) if line.strip() == f"[{name}]"), None)
    if start is None:
        return None, len(lines)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")),
               len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def _key(line: str) -> str:
    return line.split("=", 1)[0].strip() if "=" in line else ""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _run_if_present(program: str, *args: str) -> None:
    found = shutil.which(program)
    if found:
        subprocess.run([found, *args], capture_output=True, timeout=60, check=False)


def command_text(command: list[str]) -> str:
    """``command`` as a shell would read it (for messages)."""
    return shlex.join(command)
