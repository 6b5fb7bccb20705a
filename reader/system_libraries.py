"""The system libraries Qt needs for a window, and how to get them.

PySide6's wheels carry Qt itself, not the X11, OpenGL, font and D-Bus
libraries of the system it runs on. A minimal Debian or Ubuntu lacks several
(``libxcb-cursor0``, ``libxcb-icccm4``, ``libxcb-keysyms1`` at least; a
container lacks ``libgl1``, ``libfontconfig1``, ``libxkbcommon0`` and more),
and Qt then aborts with "Could not load the Qt platform plugin xcb" or fails
to import ``QtGui``. ``ldd`` on Qt's window and GUI libraries names exactly
what is missing; Debian names a library's package after its soname
(``libxcb-cursor.so.0`` -> ``libxcb-cursor0``), with a few known exceptions.

``make run`` and ``make test`` run ``python -m reader.system_libraries
--install``: nothing when nothing is missing; on Debian and Ubuntu
``apt-get install`` of the missing packages (through ``sudo`` when not root);
elsewhere the exact command to run (dnf installs by soname) or the list of
libraries, and exit status 1. ``--dry-run`` prints the commands instead of
running them. Standard library only: it runs before anything else works.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

QT_FILES = (
    "plugins/platforms/libqxcb.so",
    "plugins/platforms/libqoffscreen.so",
    "lib/libQt6XcbQpa.so.6",
    "lib/libQt6Widgets.so.6",
    "lib/libQt6Gui.so.6",
)
"""What a window needs, under PySide6's ``Qt`` folder (the offscreen plugin
for the tests)."""

PACKAGE_OF = {
    "libGLdispatch.so.0": "libglvnd0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libgcc_s.so.1": "libgcc-s1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
}
"""Debian packages not named after their library's soname."""

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.M)
_SONAME = re.compile(r"^(lib.+)\.so\.([0-9]+)$")


def qt_folder() -> Path | None:
    """PySide6's ``Qt`` folder, found without importing PySide6 (which may
    be what fails); None when PySide6 is not installed."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "Qt"


def missing_libraries(qt: Path, ldd: str = "ldd") -> list[str]:
    """The sonames that ``ldd`` cannot find for Qt's window libraries, sorted."""
    missing: set[str] = set()
    for name in QT_FILES:
        path = qt / name
        if not path.exists():
            continue
        try:
            result = subprocess.run([ldd, str(path)], capture_output=True, text=True,
                                    timeout=60, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        missing.update(_NOT_FOUND.findall(result.stdout))
    return sorted(missing)


def debian_package(soname: str) -> str:
    """The Debian (and Ubuntu) package that ships ``soname``: the name before
    ``.so`` lower-cased, then the version, with a hyphen between two digits
    (``libdbus-1.so.3`` -> ``libdbus-1-3``)."""
    if soname in PACKAGE_OF:
        return PACKAGE_OF[soname]
    match = _SONAME.match(soname)
    if not match:
        return soname.lower()
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def commands(libraries: Sequence[str], *, euid: int,
             which: Callable[[str], str | None] = shutil.which) -> tuple[list[list[str]], str]:
    """What to run to get ``libraries``: ``(commands, note)``. On apt
    systems the ``apt-get`` commands (``sudo`` first when ``euid`` is not 0
    and sudo exists); elsewhere no command we may run and a note holding the
    exact command or the list to install."""
    if not libraries:
        return [], ""
    if which("apt-get"):
        packages = sorted({debian_package(lib) for lib in libraries})
        if euid == 0:
            prefix: list[str] = []
        elif which("sudo"):
            prefix = ["sudo"]
        else:
            return [], ("as root, run: apt-get update && apt-get install -y "
                        "--no-install-recommends " + " ".join(packages))
        return [[*prefix, "apt-get", "update"],
                [*prefix, "apt-get", "install", "-y", "--no-install-recommends", *packages]], ""
    if which("dnf"):
        wanted = " ".join(f"'{lib}()(64bit)'" for lib in libraries)
        return [], f"run: sudo dnf install {wanted}"
    return [], ("install the packages of your system that provide: " + " ".join(libraries))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m reader.system_libraries [--install] [--dry-run]``."""
    parser = argparse.ArgumentParser(
        prog="python -m reader.system_libraries",
        description="List (or install) the system libraries Qt lacks for a window.")
    parser.add_argument("--install", action="store_true",
                        help="install them (apt-get, through sudo when not root)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the commands instead of running them")
    args = parser.parse_args(argv)
    qt = qt_folder()
    if qt is None:
        print("rtl-reader: PySide6 is not installed here: run `make run` or "
              "`pip install .` first", file=sys.stderr)
        return 1
    libraries = missing_libraries(qt)
    if not libraries:
        return 0
    print(f"rtl-reader: Qt needs {', '.join(libraries)}, missing here", file=sys.stderr)
    if not args.install:
        for lib in libraries:
            print(f"{lib}\t{debian_package(lib)}")
        return 1
    euid = os.geteuid() if hasattr(os, "geteuid") else 0
    to_run, note = commands(libraries, euid=euid)
    if note:
        print(f"rtl-reader: {note}", file=sys.stderr)
        return 1
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in to_run:
        print(("would run: " if args.dry_run else "running: ") + " ".join(command),
              file=sys.stderr)
        if not args.dry_run and subprocess.run(command, env=env, check=False).returncode:
            return 1
    if args.dry_run:
        return 0
    still = missing_libraries(qt)
    if still:
        print(f"rtl-reader: still missing after the install: {', '.join(still)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
