"""Guard against the PySide6 6.12.0 fault on CPython 3.11 (DESIGN, Known traps).

That release decrements None's reference count on every void Qt call; after a
few thousand calls the interpreter aborts with ``none_dealloc``. The fault
kills the interpreter, so the calls run in a subprocess and the test reads its
exit status and what it printed.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 100_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject, QRect
    obj = QObject()
    rect = QRect(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        obj.setObjectName("x")   # void
        rect.setWidth(i % 50)    # void
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_void_qt_calls_keep_none_alive() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, f"Qt binding aborted the interpreter: {proc.stderr[-500:]}"
    before, after = (int(x) for x in proc.stdout.split())
    # A correct binding leaves None's count where it was (give or take a few
    # references the interpreter takes for itself); the faulty one drops it by
    # one per call, 2 * CALLS in all.
    assert after >= before - 100, f"None's refcount fell from {before} to {after}"


def test_installed_pyside6_is_below_612_where_the_fault_is() -> None:
    """The pin holds on CPython 3.11 only: from 3.12 on None is immortal, and
    the void calls above run clean on every Python the suite runs on."""
    import PySide6

    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), f"PySide6 {PySide6.__version__} is not allowed on 3.11"
    else:
        assert version >= (6, 9), PySide6.__version__
