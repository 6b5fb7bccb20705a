"""One line that says which machine a bench ran on, and how fast it runs Python.

The speed goals are absolute (10 MB/s, 2,000 articles/s), and the machines
these benches run on are shared and not always the same: on 2026-12-04 a
new one ran our pure-Python engines about 1.7 times slower than the one
before, while its C code (Qt, ``str.find``) lost less. So every table says
where it was measured: the CPU, the cores, the Python, and the time a fixed
pure-Python loop takes (best of five), which compares machines where the
peer measured in the same run cannot.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

LOOP = 5_000_000
"""Iterations of the calibration loop (about half a second on a slow machine)."""


def cpu_model() -> str:
    """The CPU's model name as the kernel gives it ("unknown" elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def python_loop_ns() -> float:
    """Nanoseconds an iteration of a plain Python loop (an add, a
    comparison, a branch), best of five."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for i in range(LOOP):
            if i & 1:
                total += i
        best = min(best, time.perf_counter() - start)
    return best / LOOP * 1e9


def describe() -> str:
    """``machine: <cpu>, <n> cores, Python <version>; Python loop <t> ns``."""
    return (f"machine: {cpu_model()}, {os.cpu_count()} cores, Python "
            f"{sys.version.split()[0]}; a Python loop step {python_loop_ns():.1f} ns "
            f"(bench/machine.py)")


if __name__ == "__main__":
    print(describe())
