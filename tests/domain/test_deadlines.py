"""Which goals are open or overdue, and which dates of a plan a calendar shows."""

from __future__ import annotations

import datetime as dt

from planner.domain.deadlines import dated_items, is_open, is_overdue
from planner.domain.models import Goal, GoalAction, Plan, Profile, Review
from tests.conftest import FIXED_TODAY

DAY = dt.timedelta(days=1)


def test_achieved_and_deferred_goals_are_closed_and_never_overdue():
    past = FIXED_TODAY - DAY
    assert is_open("not_started") and is_open("in_progress")
    assert not is_open("achieved") and not is_open("deferred")
    assert is_overdue("in_progress", past, FIXED_TODAY)
    assert is_overdue("not_started", past, FIXED_TODAY)
    assert not is_overdue("achieved", past, FIXED_TODAY)
    assert not is_overdue("deferred", past, FIXED_TODAY)


def test_a_goal_due_today_or_without_a_date_is_not_overdue():
    assert not is_overdue("in_progress", FIXED_TODAY, FIXED_TODAY)
    assert not is_overdue("in_progress", None, FIXED_TODAY)


def _plan(core_framework, goals, reviews=()) -> Plan:
    return Plan(Profile("Ngozi"), core_framework, goals=list(goals), reviews=list(reviews))


def test_open_goals_open_actions_and_the_next_review_are_dated(core_framework):
    skill = core_framework.skills[0].id
    open_goal = Goal(
        skill,
        "Lead the huddle",
        uid="g-open",
        status="in_progress",
        target_date=dt.date(2026, 9, 1),
        actions=[
            GoalAction("Watch one", due=dt.date(2026, 7, 1), id=11),
            GoalAction("Done already", due=dt.date(2026, 7, 2), done=True, id=12),
            GoalAction("No date", id=13),
        ],
    )
    achieved = Goal(
        skill,
        "Finished",
        uid="g-done",
        status="achieved",
        target_date=dt.date(2026, 8, 1),
        actions=[GoalAction("Still open", due=dt.date(2026, 8, 1), id=21)],
    )
    reviews = [
        Review(dt.date(2026, 1, 5), next_review=dt.date(2026, 4, 1), id=1),
        Review(dt.date(2026, 4, 1), next_review=dt.date(2026, 10, 1), id=2),
    ]
    items = dated_items(_plan(core_framework, [open_goal, achieved], reviews))
    assert [(i.kind, i.key, i.date, i.goal_title) for i in items] == [
        ("action", "action-g-open-11", dt.date(2026, 7, 1), "Lead the huddle"),
        ("goal", "goal-g-open", dt.date(2026, 9, 1), "Lead the huddle"),
        ("review", "next-review", dt.date(2026, 10, 1), ""),
    ]


def test_a_plan_without_dates_has_nothing_to_show(core_framework):
    goal = Goal(core_framework.skills[0].id, "Someday", uid="g")
    assert dated_items(_plan(core_framework, [goal], [Review(dt.date(2026, 1, 5))])) == []


def test_a_goal_closed_with_an_earlier_cycle_is_not_in_the_calendar(core_framework):
    skill = core_framework.skills[0].id
    closed = Goal(
        skill,
        "Last year's goal",
        uid="g-closed",
        status="in_progress",
        target_date=dt.date(2026, 9, 1),
        actions=[GoalAction("Still ticking", due=dt.date(2026, 8, 1), id=31)],
        closed_cycle="2025",
    )
    current = Goal(skill, "This year's", uid="g-now", target_date=dt.date(2026, 10, 1))
    items = dated_items(_plan(core_framework, [closed, current]))
    assert [i.key for i in items] == ["goal-g-now"]
