"""The facts the nudges read from a real store: quiet goals' last moves, overdue
goals, the latest dates and the planned next review."""

from __future__ import annotations

import datetime as dt

from planner.domain.models import Goal, ProgressEntry, Reflection, Review
from planner.store.nudges import nudge_facts
from tests.conftest import FIXED_TODAY


def test_facts_come_from_the_latest_entries_and_skip_overdue_goals_history(store):
    skill = store.framework().skills[0].id
    quiet = store.add_goal(Goal(skill=skill, title="Quiet one", status="in_progress"))
    store.add_progress(quiet.id, ProgressEntry(FIXED_TODAY - dt.timedelta(days=20), 10))
    store.add_progress(quiet.id, ProgressEntry(FIXED_TODAY - dt.timedelta(days=16), 20))
    late = store.add_goal(
        Goal(
            skill=skill,
            title="Late one",
            status="in_progress",
            target_date=FIXED_TODAY - dt.timedelta(days=1),
        )
    )
    store.save_reflection(Reflection(date=FIXED_TODAY + dt.timedelta(days=3), title="Later"))
    store.save_review(
        Review(date=FIXED_TODAY + dt.timedelta(days=4), next_review=dt.date(2026, 9, 1))
    )

    facts = nudge_facts(store, FIXED_TODAY)

    moved = {g.id: g.last_moved for g in facts.in_progress}
    assert moved[quiet.id] == FIXED_TODAY - dt.timedelta(days=16)
    assert late.id not in moved
    assert (late.id, "Late one") in {(g.id, g.title) for g in facts.overdue}
    assert facts.last_reflection == FIXED_TODAY + dt.timedelta(days=3)
    assert facts.next_review == dt.date(2026, 9, 1)
    assert facts.last_assessment == store.assessment_dates()[-1]
    assert facts.period_start == store.profile().period_start


def test_the_marks_count_only_in_the_current_cycle_and_are_read_from_indexes(store):
    facts = nudge_facts(store, FIXED_TODAY)
    assert (facts.has_goals, facts.inclusion_objective, facts.wellbeing_goal) == (
        True,
        False,
        False,
    )
    goal = store.all_goals()[0]
    goal.inclusion_objective = True
    store.update_goal(goal)
    facts = nudge_facts(store, FIXED_TODAY)
    assert (facts.inclusion_objective, facts.wellbeing_goal) == (True, False)
    # A goal closed with a past cycle no longer counts for this one.
    store.db.execute(
        "INSERT INTO cycles (id, uid, start, end, closed_on) VALUES (1, 'c1', NULL, ?, ?)",
        ["2026-01-01", "2026-01-01"],
    )
    store.db.execute("UPDATE goals SET closed_cycle = 1 WHERE id = ?", [goal.id])
    assert not nudge_facts(store, FIXED_TODAY).inclusion_objective
    plans = [
        " ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        for sql in (
            "SELECT 1 FROM goals WHERE inclusion_objective = 1 AND closed_cycle IS NULL",
            "SELECT 1 FROM goals WHERE wellbeing_goal = 1 AND closed_cycle IS NULL",
        )
    ]
    assert "goals_inclusion" in plans[0] and "goals_wellbeing" in plans[1]
