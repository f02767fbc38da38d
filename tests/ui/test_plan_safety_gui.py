"""The window never replaces the user's plan by a slip: exporting over it, exploring
the sample beside it; and a backup that fails as the window closes is told, not lost
on a status bar nobody sees."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.app import create_window
from planner.domain.models import ProgressEntry
from planner.ui.commands import LogProgress

pytestmark = pytest.mark.gui


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_plan_file_over_the_plan_itself_is_refused(qtbot, window, db_path, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(db_path), "Leadership plan (*.json)")
    )
    before = _digest(db_path)

    with qtbot.waitSignal(window.task_finished, timeout=60_000) as finished:
        window.export_plan_action.trigger()

    kind, result = finished.args
    assert kind == "plan-export" and isinstance(result, Exception)
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert len(boxes) == 1 and "is a database" in boxes[0].text()
    assert "\n" not in boxes[0].text()
    boxes[0].close()
    assert _digest(db_path) == before
    assert window.store.has_plan()


def test_exploring_the_sample_never_touches_a_plan_called_sample_plan_db(qtbot, tmp_path):
    own = tmp_path / "sample-plan.db"
    win = create_window(own)
    qtbot.addWidget(win)
    win.show()
    inode = os.stat(own).st_ino

    qtbot.mouseClick(win.pages["welcome"].sample_button, Qt.MouseButton.LeftButton)

    assert win.store is not win.own_store and win.store.has_plan()
    assert win.store.path != own
    assert os.stat(own).st_ino == inode  # the user's own file, not a new one
    assert not win.own_store.has_plan()
    win.sample_store.close()
    win.own_store.close()


def test_a_backup_failing_as_the_window_closes_is_shown_in_a_dialog(window, db_path, monkeypatch):
    goal = window.store.goal_summaries()[0]
    entry = ProgressEntry(dt.date(2026, 6, 1), 40, "Ran the huddle")
    assert window.doc.execute(LogProgress(window.doc, goal.id, entry))
    backups = db_path.parent / "backups"
    if backups.exists():
        for child in backups.iterdir():
            child.unlink()
        backups.rmdir()
    backups.write_text("a file where the folder should be")
    shown = []

    def exec_(box):
        shown.append((box.windowTitle(), box.text(), box.textFormat()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)

    window.close()

    assert len(shown) == 1
    title, text, text_format = shown[0]
    assert title == "Backup not taken"
    assert text.startswith("Your plan is saved. No backup was made")
    assert "not saved" not in text and "\n" not in text
    assert text_format == Qt.TextFormat.PlainText
    assert "Ran the huddle" in [e.note for e in window.store.progress(goal.id)]
