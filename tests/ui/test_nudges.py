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
    "No equality, diversity and inclusion objective in this cycle yet. Appraisal guidance "
    "asks for one: mark one of your goals, or set a new one."
)
NO_WELLBEING = (
    "No wellbeing goal in this cycle yet. Appraisal encourages a talk about your own "
    "wellbeing: a goal gives it a place in your plan."
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
