"""The layer rule of DESIGN: no Qt below reader/gui (except exporters' QtGui renderers)."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
QT_FREE = ("reader.text", "reader.store", "reader.importers")


@pytest.mark.parametrize("package", QT_FREE)
def test_core_imports_with_pyside6_blocked(package: str) -> None:
    """Importing the core with PySide6 made unimportable still works."""
    pkg_dir = REPO / Path(*package.split("."))
    modules = sorted(
        ".".join((package, *p.relative_to(pkg_dir).with_suffix("").parts))
        for p in pkg_dir.rglob("*.py") if p.name != "__init__.py"
    )
    script = textwrap.dedent(
        f"""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("PySide6 is blocked in the core")
                return None
        sys.meta_path.insert(0, Block())
        for name in [{package!r}] + {modules!r}:
            importlib.import_module(name)
        print("ok")
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_exporters_use_qtgui_only() -> None:
    for path in (REPO / "reader" / "exporters").rglob("*.py"):
        qt = {n for n in _imports(path) if n.startswith("PySide6")}
        assert qt <= {"PySide6", "PySide6.QtGui", "PySide6.QtCore"}, (path, qt)


def test_cli_imports_gui_only_inside_commands() -> None:
    for path in sorted((REPO / "reader" / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
        for node in top_level:
            mod = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            assert not (mod or "").startswith(("PySide6", "reader.gui")), (path.name, mod)


def test_the_command_loads_no_qt_until_a_window_is_asked_for() -> None:
    code = ("import sys; from reader.cli import main; "
            "main(['completion', 'bash']); "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'reader.gui'))])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"
