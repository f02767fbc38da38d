"""File › Export calendar (.ics)…: chosen by keyboard, saved by the export-calendar
command, read back with icalendar, and a refusal said plainly."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.store import PlanStore

pytestmark = pytest.mark.gui


def _choose_from_file_menu(qtbot, window, action) -> None:
    """Alt+F, then Down until ``action`` is lit, then Enter: as a person without a mouse."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    for _ in range(len(menu.actions())):
        if menu.activeAction() is action:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is action
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def _visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_the_calendar_is_saved_from_the_file_menu_by_keyboard(
    qtbot, window, tmp_path, save_as, monkeypatch
):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr("planner.ui.plan_files._documents_dir", lambda: str(documents))
    out = tmp_path / "dates.ics"
    asked = save_as(out)
    action = window.export_calendar_action
    assert action.text() == "Export calendar (.ics)…" and action.isEnabled()

    with qtbot.waitSignal(window.task_finished, timeout=60_000) as finished:
        _choose_from_file_menu(qtbot, window, action)

    assert finished.args == ["calendar-export", out]
    assert asked["start"].startswith(str(documents))
    assert asked["start"].endswith(".ics")
    assert asked["filters"].startswith("Calendar (*.ics)")
    plan = window.store.load_plan()
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    titles = {goal.title for goal in plan.goals}
    assert events
    for event in events:
        text = str(event["summary"]).removesuffix(" (action due)")
        assert text in titles or text == "Leadership plan review"
    (box,) = _visible_boxes()
    assert box.windowTitle() == "Calendar saved"
    assert str(out) in box.text() and "goal target date" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.isVisible()
    assert action.isEnabled()


def test_saving_the_calendar_over_the_plan_is_refused_and_changes_nothing(
    qtbot, window, db_path, save_as
):
    save_as(db_path)
    before = db_path.read_bytes()
    with qtbot.waitSignal(window.task_finished, timeout=60_000) as finished:
        window.export_calendar_action.trigger()
    kind, result = finished.args
    assert kind == "calendar-export" and isinstance(result, Exception)
    (box,) = _visible_boxes()
    assert box.windowTitle() == "Calendar not saved"
    assert "is a database" in box.text()
    box.close()
    assert db_path.read_bytes() == before
    assert window.store.has_plan()


def test_cancelling_the_save_dialog_writes_nothing(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.export_calendar_action.trigger()
    qtbot.wait(50)
    assert window.export_calendar_action.isEnabled()
    assert list(tmp_path.glob("*.ics")) == []
    assert _visible_boxes() == []


def test_a_plan_held_in_memory_is_exported_too(qtbot, window_over, tmp_path, save_as):
    win = window_over(tmp_path / "own.db")
    memory = PlanStore.memory()
    from planner.demo import demo_plan

    memory.replace_plan(demo_plan())
    win.set_store(memory)
    out = tmp_path / "memory.ics"
    save_as(out)
    with qtbot.waitSignal(win.task_finished, timeout=60_000) as finished:
        win.export_calendar_action.trigger()
    assert finished.args == ["calendar-export", out]
    assert Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    for box in _visible_boxes():
        box.close()
    win.set_store(win.own_store)


def test_the_menu_item_is_greyed_until_there_is_a_plan(window_over, tmp_path):
    win = window_over(tmp_path / "new.db")
    assert not win.export_calendar_action.isEnabled()
