"""The overview's nudges, driven by clicks and keys on their real buttons, with a
fixed clock: open the item, snooze for a week, dismiss for good, turn a kind off."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox

from planner.ui.pages.overview_page import OverviewPage
from tests.conftest import FIXED_TODAY

pytestmark = pytest.mark.gui

LATE_GOAL = "Use a collaborative approach to settle the break-time dispute"
NO_INCLUSION = (
    "No equality, diversity and inclusion objective in this cycle yet: appraisal guidance "
    "asks for one."
)
NO_WELLBEING = (
    "No wellbeing goal in this cycle yet: appraisal encourages a talk about your own wellbeing."
)


@pytest.fixture
def clock(monkeypatch):
    """The overview's day, fixed to the demo plan's and moved by ``clock.set``."""

    class Clock:
        today = FIXED_TODAY

        def set(self, day: dt.date) -> None:
            self.today = day

    fixed = Clock()
    monkeypatch.setattr(OverviewPage, "clock", staticmethod(lambda: fixed.today))
    return fixed


@pytest.fixture
def open_overview(clock, window_over, db_path, qtbot):
    """``open_overview()``: a new window over the demo plan, and its overview."""

    def open_():
        win = window_over(db_path, (1280, 800))
        # Offscreen, a new window is not activated as a window manager would do.
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        return win, win.page("overview")

    return open_


def test_the_overview_lists_the_plans_nudges_in_plain_words(open_overview):
    _win, overview = open_overview()
    box = overview.nudge_box
    assert box.isVisible()
    assert box.messages() == [
        f"\u201c{LATE_GOAL}\u201d was due on 3 Jun 2026 and is still open.",
        "\u201cShadow the ward manager for two full shifts\u201d was due on 10 Jun 2026 "
        "and is still open.",
        "Nothing logged on \u201cPredict and plan for the next day's staffing gaps by 3pm\u201d "
        "since 28 May 2026.",
        "No reflection written this month yet.",
        NO_INCLUSION,
        NO_WELLBEING,
    ]


def test_open_shows_the_goal_and_open_on_the_month_shows_the_reflections(open_overview, qtbot):
    win, overview = open_overview()
    qtbot.mouseClick(overview.nudge_box.rows[0][1], Qt.MouseButton.LeftButton)
    page = win.current_skill_page()
    assert page is not None
    assert page.current_goal_id() == 8
    win.show_page("overview")
    qtbot.mouseClick(overview.nudge_box.rows[3][1], Qt.MouseButton.LeftButton)
    assert win.current_page_key() == "reflections"


def test_snooze_by_keyboard_hides_a_nudge_for_a_week(open_overview, clock, qtbot):
    _win, overview = open_overview()
    overview.nudge_box.rows[0][2].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    box = overview.nudge_box
    assert len(box.messages()) == 5
    assert LATE_GOAL not in " ".join(box.messages())
    # The focus carries on to the next nudge's Snooze, not off the page.
    assert QApplication.focusWidget() is box.rows[0][2]

    clock.set(FIXED_TODAY + dt.timedelta(days=6))
    overview.reload()
    assert LATE_GOAL not in " ".join(overview.nudge_box.messages())
    clock.set(FIXED_TODAY + dt.timedelta(days=7))
    overview.reload()
    assert LATE_GOAL in overview.nudge_box.messages()[0]


def test_a_dismissed_nudge_stays_hidden_in_a_new_window(open_overview, clock, qtbot):
    win, overview = open_overview()
    dismiss = overview.nudge_box.rows[0][3]
    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    assert LATE_GOAL not in " ".join(overview.nudge_box.messages())
    win.close()

    clock.set(FIXED_TODAY + dt.timedelta(days=60))
    _again, later = open_overview()
    messages = " ".join(later.nudge_box.messages())
    assert LATE_GOAL not in messages
    assert "Shadow the ward manager" in messages


def test_dismissing_every_nudge_hides_the_box(open_overview, qtbot):
    _win, overview = open_overview()
    box = overview.nudge_box
    for _ in range(6):
        box.rows[0][3].setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert box.rows == []
    assert not box.isVisible()
    assert QApplication.focusWidget() is overview.assess_button


def test_a_kind_turned_off_in_edit_nudges_leaves_the_overview(open_overview, modal, qtbot):
    win, overview = open_overview()
    seen = {}

    def untick_overdue(dialog):
        # The first box has the focus; the second is "past its target date".
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        seen["label"] = focused.text() if isinstance(focused, QCheckBox) else ""
        qtbot.keyClick(focused, Qt.Key.Key_Space)
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    modal(untick_overdue)
    win.nudges_action.trigger()
    assert "past its target date" in seen["label"]
    messages = overview.nudge_box.messages()
    assert len(messages) == 4
    assert not any("was due on" in m for m in messages)
    win.close()

    _again, reopened = open_overview()
    assert len(reopened.nudge_box.messages()) == 4


def _row_of(box, message: str) -> int:
    return box.messages().index(message)


def test_the_inclusion_and_wellbeing_nudges_snooze_and_dismiss(
    open_overview, clock, qtbot, db_path
):
    from planner.domain.nudges import OVERDUE_GOAL, STALE_GOAL
    from planner.ui.nudge_settings import load_choices, save_choices

    # Goals go quiet or overdue as the days pass: those kinds are off here, so the
    # box never has too many to list these two.
    choices = load_choices(db_path)
    choices.off = {OVERDUE_GOAL, STALE_GOAL}
    save_choices(db_path, choices)
    win, overview = open_overview()
    box = overview.nudge_box
    box.rows[_row_of(box, NO_INCLUSION)][2].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Snooze
    assert NO_INCLUSION not in box.messages() and NO_WELLBEING in box.messages()
    qtbot.mouseClick(box.rows[_row_of(box, NO_WELLBEING)][3], Qt.MouseButton.LeftButton)
    assert NO_WELLBEING not in box.messages()
    win.close()

    clock.set(FIXED_TODAY + dt.timedelta(days=6))
    _again, later = open_overview()
    assert NO_INCLUSION not in later.nudge_box.messages()
    clock.set(FIXED_TODAY + dt.timedelta(days=7))
    later.reload()
    assert NO_INCLUSION in later.nudge_box.messages()  # the snooze is over
    assert NO_WELLBEING not in later.nudge_box.messages()  # dismissed for this cycle


def test_the_inclusion_nudge_turned_off_in_edit_nudges(open_overview, modal, qtbot):
    win, overview = open_overview()
    seen = {}

    def untick_inclusion(dialog):
        for _ in range(5):  # the sixth box
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen["label"] = QApplication.focusWidget().text()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    modal(untick_inclusion)
    win.nudges_action.trigger()
    assert seen["label"] == (
        "No goal of this cycle is my equality, diversity and inclusion objective"
    )
    assert NO_INCLUSION not in overview.nudge_box.messages()
    assert NO_WELLBEING in overview.nudge_box.messages()


def test_new_goal_on_the_inclusion_nudge_saves_a_marked_goal_and_the_nudge_goes(
    open_overview, modal, qtbot, db_path
):
    import sqlite3

    win, overview = open_overview()
    box = overview.nudge_box
    button = box.rows[_row_of(box, NO_INCLUSION)][1]
    assert button.text() == "New goal…"
    seen = {}

    def write_it(dialog):
        seen["ticked"] = (dialog.inclusion_check.isChecked(), dialog.wellbeing_check.isChecked())
        qtbot.keyClicks(QApplication.focusWidget(), "Make the ward rota fair to part-time staff")
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )

    modal(write_it)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen["ticked"] == (True, False)
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT id, inclusion_objective, wellbeing_goal FROM goals WHERE title = ?",
            ["Make the ward rota fair to part-time staff"],
        ).fetchall()
    finally:
        conn.close()
    [(goal_id, inclusion, wellbeing)] = rows
    assert (inclusion, wellbeing) == (1, 0)
    # The editor's save shows the goal; its list marks it, in short words.
    page = win.current_skill_page()
    assert page.current_goal_id() == goal_id
    index = page.model.index(page.model.row_of(goal_id), 0)
    assert index.data() == "Make the ward rota fair to part-time staff (EDI objective)"
    assert "Equality, diversity and inclusion objective" in page.detail_meta.text()
    win.show_page("overview")
    assert NO_INCLUSION not in overview.nudge_box.messages()
    assert NO_WELLBEING in overview.nudge_box.messages()
