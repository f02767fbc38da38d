"""Plan cycles against awkward plans and input: thousands of goals, dates at the
ends of the calendar, cycles typed out of order."""

from __future__ import annotations

import dataclasses
import sqlite3
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.demo import demo_plan
from planner.domain.models import Goal
from planner.store import PlanStore

from ..conftest import FIXED_TODAY

MANY = 1200


def _focus():
    return QApplication.focusWidget()


def _db_rows(path, sql):
    raw = sqlite3.connect(path)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def test_closing_a_cycle_of_a_thousand_goals_from_the_cycles_page_shows_it_in_moments(
    tmp_path, window_over, qtbot, modal, questions
):
    path = tmp_path / "plan.db"
    store = PlanStore.open(path)
    plan = demo_plan(FIXED_TODAY)
    skill = plan.framework.skills[0].id
    bulk = [Goal(skill, f"Goal {i}", uid=f"bulk-{i}") for i in range(MANY)]
    store.replace_plan(dataclasses.replace(plan, goals=plan.goals + bulk))
    store.close()
    window = window_over(path, (1280, 800))
    window.show_page("cycles")
    page = window.stack.currentWidget()
    questions.answer("no")  # "Rate yourself now?": later
    seen = {}

    def close_cycle(dialog):
        seen["rows"] = dialog.table.rowCount()
        seen["started"] = time.perf_counter()
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal(close_cycle)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    took = time.perf_counter() - seen["started"]

    assert seen["rows"] == MANY + 9
    assert _db_rows(path, "SELECT COUNT(*) FROM goal_outcomes") == [(MANY + 10,)]
    assert page.outcomes.rowCount() == MANY + 10
    # Filling the list cell by cell while the page was on screen measured the
    # columns again for every cell: close to a minute here, frozen.
    assert took < 5, f"closing the cycle took {took:.1f} s"
