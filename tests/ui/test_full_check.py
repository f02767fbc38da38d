"""The slow part of the start-up check runs once the window is on screen; a plan
that fails it is never written to or backed up, and the newest good backup is offered."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.app import create_window
from planner.domain.models import ProgressEntry
from planner.store import recovery
from planner.store.backup import backup_file, list_backups
from planner.ui.commands import LogProgress
from planner.ui.lifecycle import check_fully_when_shown
from tests.store.test_plan_safety import _orphan_progress, _swap_index_roots

pytestmark = pytest.mark.gui


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=[_swap_index_roots, _orphan_progress])
def broken(db_path, request):
    """A plan with a broken index or broken keys, which only the full check sees, and
    a good backup."""
    good = backup_file(db_path, "auto", dt.datetime(2026, 6, 14, 18, 0))
    request.param(db_path)
    assert recovery.startup_check(db_path).state == recovery.OK  # the quick pass
    return db_path, good


def _open(qtbot, path, monkeypatch, answer):
    asked = []

    def exec_(box):
        asked.append(box.text())
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: asked.append(text))
    window = create_window(path)
    qtbot.addWidget(window)
    check_fully_when_shown(window)
    window.show()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    return window, asked


def test_a_plan_failing_the_full_check_is_not_written_to_or_backed_up(
    qtbot, broken, monkeypatch
):
    path, good = broken
    window, asked = _open(qtbot, path, monkeypatch, QMessageBox.StandardButton.Cancel)
    assert "is damaged" in asked[0] and "Restore the newest good backup" in asked[0]
    before = _digest(path)
    problems = []
    window.doc.failed.connect(problems.append)

    goal = window.store.goal_summaries()[0]
    entry = ProgressEntry(dt.date(2026, 6, 15), 50, "Tried to save")
    assert not window.doc.execute(LogProgress(window.doc, goal.id, entry))
    assert problems and problems[0].startswith("Nothing was saved")
    window.close()

    assert _digest(path) == before
    assert [b.path for b in list_backups(path)] == [good]
    window.store.close()


def test_accepting_the_offer_restores_the_backup_and_keeps_the_damaged_file(
    qtbot, broken, monkeypatch
):
    path, _ = broken
    window, _ = _open(qtbot, path, monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: window.own_store.refusal is None, timeout=5_000)

    assert recovery.diagnose(path).state == recovery.OK
    assert window.store is window.own_store and window.store.has_plan()
    assert len(list(path.parent.glob("plan.db.damaged-*"))) == 1
    goal = window.store.goal_summaries()[0]
    entry = ProgressEntry(dt.date(2026, 6, 15), 50, "Saved after the restore")
    assert window.doc.execute(LogProgress(window.doc, goal.id, entry))
    window.store.close()
