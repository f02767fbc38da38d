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
