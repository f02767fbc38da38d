"""Targets set through the Set targets dialog with the keyboard, read back from the
database, shown on the overview, the skill page and the self-assessment page, and
undone like any edit."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.ui.models.assessments_model import LEVEL_ROLE
from planner.ui.models.skills_model import COL_TARGET

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


def stored_targets(path) -> dict[str, int]:
    """The current cycle's targets as the database holds them."""
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT skill, level FROM cycle_targets WHERE cycle = 0"))


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times=1):
    for _ in range(times):
        qtbot.keyClick(focus(), key, modifier)


@pytest.fixture
def win(window_over, db_path, qtbot):
    window = window_over(db_path, (1280, 800))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_targets_chosen_with_tab_and_arrows_are_saved_by_ctrl_enter(win, db_path, modal, qtbot):
    seen = []

    def choose(dialog):
        seen.append(focus().accessibleName())
        press(qtbot, Qt.Key.Key_Down, times=4)  # No target -> 4 · Confident
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(focus().accessibleName())
        press(qtbot, Qt.Key.Key_Down, times=3)  # -> 3 · Capable
        press(qtbot, Qt.Key.Key_Return, CTRL)

    modal(choose)
    win.targets_action.trigger()

    assert seen == ["Target for Learn to follow", "Target for Develop situational awareness"]
    assert stored_targets(db_path) == {"learn-to-follow": 4, "situational-awareness": 3}
    overview = win.page("overview")
    shown = [
        overview.skills_model.index(row, COL_TARGET).data() for row in range(3)
    ]
    assert shown == ["Confident (4)", "Capable (3)", "No target"]
    # The gap list: the skill still short of its target first, the one reached next.
    assert overview.change_section().gap_chart.accessibleDescription() == (
        "Learn to follow: latest Capable (3), target Confident (4), 1 level to go; "
        "Develop situational awareness: latest Capable (3), target Capable (3), target "
        "reached; Empower the team and resolve conflicts: latest Developing (2), no target."
    )


def test_escape_after_a_change_asks_and_discarding_saves_nothing(
    win, db_path, modal, qtbot, questions
):
    questions.answer("discard")

    def change_then_escape(dialog):
        press(qtbot, Qt.Key.Key_Down, times=2)
        press(qtbot, Qt.Key.Key_Escape)

    modal(change_then_escape)
    win.targets_action.trigger()

    assert questions.asked == ["You have changed things here. Save them before closing?"]
    assert stored_targets(db_path) == {}
    assert not win.doc.undo_stack.canUndo()


def test_escape_without_a_change_closes_at_once(win, db_path, modal, qtbot, questions):
    modal(lambda dialog: press(qtbot, Qt.Key.Key_Escape))
    win.targets_action.trigger()
    assert questions.asked == []
    assert stored_targets(db_path) == {}


def test_the_skill_pages_button_starts_on_its_own_skill_and_shows_the_target(
    win, db_path, modal, qtbot
):
    win.show_page("skill:empower-and-resolve")
    page = win.current_skill_page()
    assert page.target_label.text() == "Latest: Developing (2) on 16 May 2026 · No target set"
    seen = []

    def choose(dialog):
        seen.append(focus().accessibleName())
        press(qtbot, Qt.Key.Key_Down, times=4)
        press(qtbot, Qt.Key.Key_Return)  # Enter presses the default button, Save

    modal(choose)
    qtbot.mouseClick(page.targets_button, Qt.MouseButton.LeftButton)

    assert seen == ["Target for Empower the team and resolve conflicts"]
    assert stored_targets(db_path) == {"empower-and-resolve": 4}
    assert page.target_label.text() == (
        "Latest: Developing (2) on 16 May 2026 · Target: Confident (4) · 2 levels to go"
    )
    assert page.rating_chart.accessibleDescription().endswith("Target: Confident (4).")


def test_setting_targets_is_undone_and_redone_like_any_edit(win, db_path, modal, qtbot):
    def choose(dialog):
        press(qtbot, Qt.Key.Key_Down, times=5)
        press(qtbot, Qt.Key.Key_Return, CTRL)

    modal(choose)
    win.targets_action.trigger()
    assert stored_targets(db_path) == {"learn-to-follow": 5}
    assert win.undo_action.text() == "Undo Set targets"

    win.undo_action.trigger()
    assert stored_targets(db_path) == {}
    assert win.page("overview").skills_model.index(0, COL_TARGET).data() == "No target"
    win.redo_action.trigger()
    assert stored_targets(db_path) == {"learn-to-follow": 5}
    assert win.page("overview").skills_model.index(0, COL_TARGET).data() == "Role model (5)"


def test_the_self_assessment_page_shows_each_target_beside_the_rounds(
    win, db_path, modal, qtbot
):
    win.show_page("assessments")
    page = win.pages["assessments"]
    model = page.model
    rounds = len(model.dates)
    assert model.headerData(rounds, Qt.Orientation.Horizontal) == "Target"

    def choose(dialog):
        press(qtbot, Qt.Key.Key_Tab, times=2)
        press(qtbot, Qt.Key.Key_Down, times=3)
        press(qtbot, Qt.Key.Key_Return, CTRL)

    modal(choose)
    qtbot.mouseClick(page.targets_button, Qt.MouseButton.LeftButton)

    assert stored_targets(db_path) == {"empower-and-resolve": 3}
    column = [model.index(row, rounds).data() for row in range(3)]
    assert column == ["No target", "No target", "Capable (3)"]
    assert model.index(2, rounds).data(LEVEL_ROLE) == 3
    # Choosing the target column picks no round, so there is nothing to delete.
    page.table.selectColumn(rounds)
    assert page.selected_date() is None
    assert not page.delete_button.isEnabled()


def test_a_new_self_assessment_names_each_skills_target_beside_it(
    win, db_path, modal, qtbot
):
    def choose(dialog):
        press(qtbot, Qt.Key.Key_Down, times=4)
        press(qtbot, Qt.Key.Key_Return, CTRL)

    modal(choose)
    win.targets_action.trigger()
    titles = []

    def look(dialog):
        titles.extend(rating.title() for rating in dialog.ratings)
        press(qtbot, Qt.Key.Key_Escape)

    modal(look)
    win.assessment_action.trigger()
    assert titles == [
        "Learn to follow · target Confident (4)",
        "Develop situational awareness",
        "Empower the team and resolve conflicts",
    ]
