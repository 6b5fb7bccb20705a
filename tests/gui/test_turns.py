"""``QuietTurns``: after ``hold`` each job skips one run, and the hold ends
with the next turn of the event loop, whoever ran in it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.gui.turns import QuietTurns


def test_each_job_skips_once_per_hold(qapp: QApplication) -> None:
    turns = QuietTurns()
    assert not turns.yields_turn("layout")
    turns.hold()
    assert turns.yields_turn("layout") and turns.yields_turn("list")
    assert not turns.yields_turn("layout") and not turns.yields_turn("list")
    turns.hold()  # a later search, before the turn ended
    assert turns.yields_turn("layout")


def test_a_hold_ends_with_the_next_turn(qapp: QApplication) -> None:
    turns = QuietTurns()
    turns.hold()
    QApplication.processEvents()
    # A job that did not run in that turn (finished, or not yet started)
    # is not held later.
    assert not turns.yields_turn("list")
