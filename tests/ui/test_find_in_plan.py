"""Edit › Find in plan, by keyboard only: Ctrl+Shift+F, the words, Down, Enter shows the
goal, reflection or review found, selected on its own page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from planner.domain.models import Goal, ProgressEntry, Reflection, Review
from planner.store import PlanStore
from planner.ui.dialogs.find_dialog import FindDialog

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 6, 15)
SA = "situational-awareness"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def planted(db_path):
    """Things to find, written into the demo plan before the window opens."""
    store = PlanStore.open(db_path)
    try:
        goal = store.add_goal(
            Goal(SA, "<b>Lead</b> the Quokka huddle", description="Daily Wombat round")
        )
        store.add_progress(goal.id, ProgressEntry(TODAY, 30, "The Kookaburra pilot began"))
        reflection = store.save_reflection(
            Reflection(TODAY, "Hard shift", "rolfe", {"what": "A Galah moment"}, private=True)
        )
        review = store.save_review(Review(TODAY, "Dr Emu", agreed_actions="Shadow the Bilby team"))
    finally:
        store.close()
    return {"goal": goal.id, "reflection": reflection.id, "review": review.id}


def focus():
    return QApplication.focusWidget()


def _find(qtbot, window, words: str) -> FindDialog:
    """Ctrl+Shift+F, then the words typed into the field that has the focus; returns
    the dialog once its results are in."""
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is not None)
    qtbot.keyClick(focus(), Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(
        lambda: isinstance(focus(), QLineEdit) and isinstance(focus().window(), FindDialog)
    )
    dialog = focus().window()
    qtbot.keyClicks(focus(), words)
    qtbot.waitUntil(lambda: dialog.results.count() > 0 and dialog.status.text() != "Searching…")
    return dialog


def _down_enter(qtbot, dialog) -> None:
    qtbot.keyClick(focus(), Qt.Key.Key_Down)
    assert focus() is dialog.results
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.parametrize("words", ["wombat round", "kookaburra"])
def test_a_goal_found_by_its_text_or_a_progress_note_is_shown_on_its_skill_page(
    qtbot, window_over, db_path, planted, words
):
    window = window_over(db_path, (1366, 768))
    dialog = _find(qtbot, window, words)
    assert dialog.results.count() == 1
    shown = dialog.results.item(0).text()
    # The title as typed, tags and all: user text never becomes markup.
    assert "<b>Lead</b> the Quokka huddle" in shown
    _down_enter(qtbot, dialog)
    assert window.current_page_key() == f"skill:{SA}"
    page = window.current_skill_page()
    assert page.current_goal_id() == planted["goal"]
    assert window.focusWidget() is page.table


def test_a_private_reflection_is_found_marked_private_and_shown_selected(
    qtbot, window_over, db_path, planted
):
    window = window_over(db_path, (1366, 768))
    window.show_page("reflections")
    window.pages["reflections"].show_private.setChecked(False)
    window.show_page("overview")
    dialog = _find(qtbot, window, "GALAH")
    (line,) = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert "Reflection: Hard shift" in line and "Private" in line and "A Galah moment" in line
    _down_enter(qtbot, dialog)
    assert window.current_page_key() == "reflections"
    page = window.pages["reflections"]
    assert page.show_private.isChecked()
    assert page.selected_id() == planted["reflection"]


def test_a_review_found_by_an_agreed_action_is_shown_selected(
    qtbot, window_over, db_path, planted
):
    window = window_over(db_path, (1366, 768))
    dialog = _find(qtbot, window, "bilby team")
    assert "Review with Dr Emu" in dialog.results.item(0).text()
    _down_enter(qtbot, dialog)
    assert window.current_page_key() == "reviews"
    assert window.pages["reviews"].selected_id() == planted["review"]


def test_enter_in_the_field_opens_the_first_result_and_nothing_found_is_said(
    qtbot, window_over, db_path, planted
):
    window = window_over(db_path, (1366, 768))
    dialog = _find(qtbot, window, "quokka")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.current_skill_page().current_goal_id() == planted["goal"]

    # Offscreen, the window is not made active again when the dialog goes (a window
    # manager does that), so it is activated here before the next key.
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is not None and window.isAncestorOf(focus()))
    qtbot.keyClick(focus(), Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: dialog.isVisible() and focus() is dialog.field)
    assert dialog.field.selectedText() == "quokka"  # typing replaces the last words
    qtbot.keyClicks(focus(), "no such 50% thing")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Nothing found"))
    assert dialog.results.count() == 0
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_plan_in_memory_is_searched_on_its_own_connection(qtbot, store):
    from planner.ui.document import PlanDocument

    store.add_goal(Goal(SA, "Map the Numbat pathway"))
    dialog = FindDialog(PlanDocument(store))
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: focus() is dialog.field)
    qtbot.keyClicks(focus(), "numbat")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.results.item(0).text().startswith("Goal: Map the Numbat pathway")
    assert dialog.status.text().startswith("1 found")
