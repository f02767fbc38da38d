"""The goal list model filters and sorts itself, and the overview's list pages in."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPersistentModelIndex, Qt

from planner.domain.deadlines import CLOSED_STATUSES
from planner.ui.models.goals_model import (
    COL_PRIORITY,
    COL_TARGET,
    COL_TITLE,
    GoalTableModel,
    PagedGoalTableModel,
)

TODAY = dt.date(2026, 6, 15)


def _titles(model) -> list[str]:
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]


def test_filter_words_and_status_narrow_the_rows(store):
    model = GoalTableModel()
    model.set_rows(store.goal_summaries())
    everything = model.rowCount()
    model.set_text("HUDDLE safety")
    assert model.rowCount() > 0
    assert _titles(model) == [
        g.title
        for g in store.goal_summaries()
        if "huddle" in g.title.casefold() and "safety" in g.title.casefold()
    ]
    model.set_text("")
    model.set_status("deferred")
    assert {model.row_at(r).status for r in range(model.rowCount())} == {"deferred"}
    model.set_status(None)
    assert model.rowCount() == model.total() == everything


def test_sorting_keeps_the_selected_goal_selected(store):
    model = GoalTableModel()
    model.set_rows(store.goal_summaries())
    last = model.row_at(model.rowCount() - 1)
    held = QPersistentModelIndex(model.index(model.rowCount() - 1, 0))
    model.sort(COL_PRIORITY, Qt.SortOrder.AscendingOrder)
    priorities = [model.row_at(r).priority for r in range(model.rowCount())]
    assert priorities == sorted(priorities, key={"high": 0, "medium": 1, "low": 2}.get)
    assert model.row_at(held.row()).id == last.id
    model.sort(COL_TARGET, Qt.SortOrder.DescendingOrder)
    dates = [model.row_at(r).target_date or dt.date.max for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert model.row_of(last.id) == held.row()


def test_paged_model_fetches_more_only_when_asked(store):
    due_by = TODAY + dt.timedelta(days=30)
    everything = store.open_goals_due_by(due_by)
    calls = []

    def fetch(limit, offset):
        calls.append((limit, offset))
        return store.open_goals_due_by(due_by, limit=limit, offset=offset)

    model = PagedGoalTableModel()
    model.PAGE = 2
    model.load(fetch)
    assert model.rowCount() == 2
    while model.canFetchMore():
        model.fetchMore()
    assert [model.row_at(r).id for r in range(model.rowCount())] == [g.id for g in everything]
    assert calls[0] == (2, 0)


def test_put_replaces_adds_and_removes_one_goal_keeping_the_selection(store):
    model = GoalTableModel()
    model.set_rows(store.goal_summaries())
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    first, second = model.row_at(0), model.row_at(1)
    held = QPersistentModelIndex(model.index(1, 0))
    renamed = first._replace(title="zz last now", percent=42)
    model.put(first.id, renamed)
    assert model.row_at(model.rowCount() - 1) == renamed
    assert model.row_at(held.row()).id == second.id
    model.put(first.id, None)
    assert model.row_of(first.id) == -1
    assert model.total() == len(store.goal_summaries()) - 1
    model.put(first.id, first)
    assert model.row_at(0) == first
    model.set_status("deferred")
    model.put(first.id, first._replace(status="deferred"))
    assert model.row_of(first.id) >= 0


def test_title_tooltip_shows_markup_literally(store):
    from PySide6.QtGui import QTextDocument

    goal = store.goal_summaries()[0]
    model = GoalTableModel()
    model.set_rows([goal._replace(title="<b>Lead</b> & follow")])
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    doc = QTextDocument()
    doc.setHtml(tip)
    assert doc.toPlainText() == "<b>Lead</b> & follow"


def test_the_overdue_filter_follows_the_models_clock(store, monkeypatch):
    from planner.ui.models.goals_model import OVERDUE

    monkeypatch.setattr(GoalTableModel, "clock", staticmethod(lambda: TODAY))
    model = GoalTableModel()
    model.set_rows(store.goal_summaries())
    model.set_status(OVERDUE)
    late = {
        g.id
        for g in store.goal_summaries()
        if g.target_date and g.target_date < TODAY and g.status not in CLOSED_STATUSES
    }
    assert late and {model.row_at(r).id for r in range(model.rowCount())} == late
    assert model.status_counts()[OVERDUE] == len(late)
    # A year on, every open goal with a date is overdue.
    monkeypatch.setattr(GoalTableModel, "clock", staticmethod(lambda: TODAY.replace(year=2027)))
    model.set_rows(store.goal_summaries())
    dated_open = [
        g for g in store.goal_summaries() if g.target_date and g.status not in CLOSED_STATUSES
    ]
    assert model.rowCount() == len(dated_open)
