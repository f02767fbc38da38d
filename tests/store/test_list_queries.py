"""The lists a big plan shows at once read through indexes, a page at a time."""

from __future__ import annotations

import datetime as dt

from planner.store.rows import CURRENT, SUMMARY_SQL

TODAY = dt.date(2026, 6, 15)


def _plan(store, sql: str, params=()) -> str:
    return " | ".join(row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_the_list_indexes_exist_after_migrating(store):
    names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {
        "progress_goal_latest",
        "goal_actions_done",
        "goals_open_target",
        "progress_date",
        "goals_skill_status",
    } <= names


def test_skill_lists_read_the_latest_percent_from_an_index_alone(store):
    plan = _plan(store, SUMMARY_SQL + f" WHERE g.skill = ? AND g.{CURRENT} ORDER BY g.id", ["x"])
    assert "SEARCH g USING INDEX goals_skill" in plan
    assert "COVERING INDEX progress_goal_latest" in plan
    assert plan.count("SUBQUERY") == 1  # nothing a list does not show


def test_skill_counts_read_goal_status_from_an_index(store):
    plan = _plan(
        store,
        "SELECT g.skill, COUNT(*), SUM(g.status = 'achieved'), AVG(COALESCE((SELECT p.percent "
        "FROM progress_entries p WHERE p.goal_id = g.id ORDER BY p.date DESC, p.id DESC "
        f"LIMIT 1), 0)) FROM goals g WHERE g.{CURRENT} GROUP BY g.skill",
    )
    assert "SCAN g USING COVERING INDEX goals_skill_status" in plan
    assert "COVERING INDEX progress_goal_latest" in plan


def test_overview_lists_avoid_scanning_every_goal_and_progress_entry(store):
    open_goals = _plan(
        store,
        SUMMARY_SQL + " WHERE g.target_date <= ? AND g.status NOT IN ('achieved', 'deferred') "
        f"AND g.{CURRENT} ORDER BY g.target_date, g.id LIMIT 50",
        ["2026-07-15"],
    )
    assert "USING INDEX goals_open_target" in open_goals
    assert "TEMP B-TREE" not in open_goals
    recent = _plan(
        store,
        "SELECT p.id FROM progress_entries p JOIN goals g ON g.id = p.goal_id "
        f"WHERE g.{CURRENT} ORDER BY p.date DESC, p.id DESC LIMIT 5",
    )
    assert "USING INDEX progress_date" in recent
    assert "TEMP B-TREE" not in recent


def test_open_goals_due_by_is_overdue_then_due_soon_a_page_at_a_time(store):
    due_by = TODAY + dt.timedelta(days=30)
    expected = store.goals_overdue(TODAY) + store.goals_due(TODAY, due_by)
    assert expected, "the demo plan has overdue and due-soon goals"
    assert store.open_goals_due_by(due_by) == expected
    pages = [store.open_goals_due_by(due_by, limit=2, offset=i) for i in range(0, 10, 2)]
    assert [g for page in pages for g in page] == expected
