"""A skill page's status filter: "Overdue" beside the statuses, each with its count,
reached and changed by keyboard, on a fixed clock."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.demo import demo_plan
from planner.domain.models import Goal
from planner.store import PlanStore
from planner.ui.commands import EditGoal
from planner.ui.models.goals_model import GoalTableModel
from tests.conftest import FIXED_TODAY

pytestmark = pytest.mark.gui

SKILL = "empower-and-resolve"
LONG_AGO = FIXED_TODAY - dt.timedelta(days=40)


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr(GoalTableModel, "clock", staticmethod(lambda: FIXED_TODAY))


@pytest.fixture
def late_db(tmp_path):
    """The demo plan with more goals past their date: open ones (overdue) and closed
    ones (never overdue)."""
    plan = demo_plan(FIXED_TODAY)
    added = [
        ("Not started and late", "not_started", LONG_AGO),
        ("Put aside, date passed", "deferred", LONG_AGO),
        ("Done, date passed", "achieved", LONG_AGO),
        ("Due today", "in_progress", FIXED_TODAY),
    ]
    plan.goals += [
        Goal(SKILL, title, status=status, target_date=day, uid=f"late-{n}")
        for n, (title, status, day) in enumerate(added)
    ]
    path = tmp_path / "plan.db"
    store = PlanStore.open(path)
    store.replace_plan(plan)
    store.close()
    return path


def _overdue_titles(store) -> list[str]:
    return sorted(
        g.title
        for g in store.goal_summaries(SKILL)
        if g.target_date
        and g.target_date < FIXED_TODAY
        and g.status in ("not_started", "in_progress")
    )


def _overdue_chosen(qtbot, window_over, path):
    """A window on the skill page, "Overdue" chosen in its status list by keyboard."""
    window = window_over(path, (1366, 768))
    window.show_page(f"skill:{SKILL}")
    page = window.current_skill_page()
    page.status_filter.setFocus()
    qtbot.keyClick(page.status_filter, Qt.Key.Key_Down)
    return window, page


def _shown(page) -> list[str]:
    return sorted(page.model.row_at(r).title for r in range(page.model.rowCount()))


def test_overdue_shows_only_open_goals_past_their_date_chosen_by_keyboard(
    qtbot, window_over, late_db, fixed_today
):
    window = window_over(late_db, (1366, 768))
    window.show_page(f"skill:{SKILL}")
    page = window.current_skill_page()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.search.setFocus()
    # Alt+S, the "Show:" label's key, puts the focus on the status list.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.status_filter
    total = page.model.total()
    assert page.status_filter.currentText() == f"All statuses ({total})"
    qtbot.keyClick(page.status_filter, Qt.Key.Key_Down)

    overdue = _overdue_titles(window.store)
    assert overdue == [
        "Not started and late",
        "Use a collaborative approach to settle the break-time dispute",
    ]
    assert page.status_filter.currentText() == "Overdue (2)"
    assert _shown(page) == overdue
    assert page.shown_label.text() == f"Showing 2 of {total} goals"
    # The first overdue goal is selected and its details shown.
    assert page.detail_title.text() in overdue
    texts = [page.status_filter.itemText(i) for i in range(page.status_filter.count())]
    assert texts == [
        f"All statuses ({total})",
        "Overdue (2)",
        "Not started (1)",
        "In progress (4)",
        "Achieved (1)",
        "Deferred (2)",
    ]


def test_a_goal_achieved_leaves_the_overdue_list_and_its_count(
    qtbot, window_over, late_db, fixed_today
):
    window, page = _overdue_chosen(qtbot, window_over, late_db)
    assert page.status_filter.currentText() == "Overdue (2)"
    late = next(g for g in window.store.load_plan().goals if g.title == "Not started and late")
    done = copy.deepcopy(late)
    done.status = "achieved"
    assert window.doc.execute(EditGoal(window.doc, late, done))

    assert _shown(page) == ["Use a collaborative approach to settle the break-time dispute"]
    assert page.status_filter.currentText() == "Overdue (1)"
    assert window.store.goal_summary(late.id).status == "achieved"
    window.doc.undo_stack.undo()
    assert page.status_filter.currentText() == "Overdue (2)"
    assert "Not started and late" in _shown(page)


def test_an_empty_filter_says_so(qtbot, window_over, late_db, monkeypatch):
    # A day before every target date: nothing is overdue.
    monkeypatch.setattr(GoalTableModel, "clock", staticmethod(lambda: dt.date(2020, 1, 1)))
    _window, page = _overdue_chosen(qtbot, window_over, late_db)
    assert page.status_filter.currentText() == "Overdue (0)"
    assert page.model.rowCount() == 0
    assert page.shown_label.text() == "No goals match the filter."
    assert not page.detail.isVisible()
