"""The nudge rules with a fixed clock: each shown past its boundary and not before,
and the person's choices (snooze, dismiss, kind off) applied."""

from __future__ import annotations

import datetime as dt

from planner.domain.nudges import (
    NO_INCLUSION_OBJECTIVE,
    NO_REFLECTION,
    NO_WELLBEING_GOAL,
    OLD_ASSESSMENT,
    OVERDUE_GOAL,
    REVIEW_DUE,
    STALE_GOAL,
    NudgeChoices,
    NudgeFacts,
    OpenGoal,
    QuietGoal,
    assessment_age_limit,
    find_nudges,
)

TODAY = dt.date(2026, 6, 15)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def settled(**facts) -> NudgeFacts:
    """A plan with nothing to nudge about, changed by ``facts``."""
    base = dict(last_assessment=TODAY - days(10), last_reflection=TODAY)
    base.update(facts)
    return NudgeFacts(**base)


def keys(facts: NudgeFacts, today: dt.date = TODAY) -> list[str]:
    return [n.key for n in find_nudges(facts, today)]


def test_a_settled_plan_earns_no_nudge():
    assert keys(settled()) == []


def test_a_goal_in_progress_is_nudged_after_fourteen_quiet_days_not_thirteen():
    quiet = QuietGoal(7, "Chair the huddle", TODAY - days(14))
    recent = QuietGoal(8, "Lead the audit", TODAY - days(13))
    nudges = find_nudges(settled(in_progress=[quiet, recent]), TODAY)
    assert [n.key for n in nudges] == [f"{STALE_GOAL}:7"]
    assert (nudges[0].goal_id, nudges[0].opens, nudges[0].title) == (7, "goal", "Chair the huddle")


def test_an_open_goal_is_nudged_the_day_after_its_target_date():
    due_today = OpenGoal(3, "Due today", TODAY)
    late = OpenGoal(4, "A day late", TODAY - days(1))
    assert keys(settled(overdue=[due_today, late])) == [f"{OVERDUE_GOAL}:4"]


def test_an_overdue_goal_gone_quiet_gets_one_nudge_not_two():
    facts = settled(
        overdue=[OpenGoal(5, "Late and quiet", TODAY - days(3))],
        in_progress=[QuietGoal(5, "Late and quiet", TODAY - days(40))],
    )
    assert keys(facts) == [f"{OVERDUE_GOAL}:5"]


def test_a_self_assessment_is_old_after_half_the_plan_period():
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)  # 364 days: half is 182
    at_half = settled(period_start=start, period_end=end, last_assessment=TODAY - days(182))
    past_half = settled(period_start=start, period_end=end, last_assessment=TODAY - days(183))
    assert keys(at_half) == []
    assert keys(past_half) == [f"{OLD_ASSESSMENT}:{(TODAY - days(183)).isoformat()}"]


def test_a_short_plan_period_makes_a_self_assessment_old_sooner():
    start, end = dt.date(2026, 4, 1), dt.date(2026, 7, 1)  # 91 days: half is 45.5
    assert keys(settled(period_start=start, period_end=end, last_assessment=TODAY - days(45))) == []
    assert keys(settled(period_start=start, period_end=end, last_assessment=TODAY - days(46)))


def test_without_a_plan_period_a_self_assessment_is_old_after_six_months():
    assert assessment_age_limit(None, None) == days(182)
    assert assessment_age_limit(dt.date(2026, 5, 1), None) == days(182)
    assert keys(settled(last_assessment=TODAY - days(182))) == []
    assert keys(settled(last_assessment=TODAY - days(183))) == [
        f"{OLD_ASSESSMENT}:{(TODAY - days(183)).isoformat()}"
    ]


def test_a_plan_never_rated_is_nudged_to_rate():
    nudges = find_nudges(settled(last_assessment=None), TODAY)
    assert [(n.key, n.opens) for n in nudges] == [(f"{OLD_ASSESSMENT}:none", "assessments")]


def test_no_reflection_this_calendar_month_is_nudged_per_month():
    first_of_month = settled(last_reflection=TODAY.replace(day=1))
    last_month = settled(last_reflection=TODAY.replace(day=1) - days(1))
    assert keys(first_of_month) == []
    assert keys(last_month) == [f"{NO_REFLECTION}:2026-06"]
    assert keys(settled(last_reflection=None)) == [f"{NO_REFLECTION}:2026-06"]
    # Next month's reminder is a new one, so a dismissal of June's does not hide it.
    assert keys(last_month, dt.date(2026, 7, 2)) == [f"{NO_REFLECTION}:2026-07"]


def test_the_next_review_is_nudged_a_week_ahead_and_after_it_passes():
    assert keys(settled(next_review=TODAY + days(8))) == []
    assert keys(settled(next_review=TODAY + days(7))) == [
        f"{REVIEW_DUE}:{(TODAY + days(7)).isoformat()}"
    ]
    passed = find_nudges(settled(next_review=TODAY - days(30)), TODAY)
    assert [(n.kind, n.opens, n.date) for n in passed] == [
        (REVIEW_DUE, "reviews", TODAY - days(30))
    ]


def test_a_snoozed_nudge_is_hidden_for_seven_days_then_back():
    nudges = find_nudges(settled(overdue=[OpenGoal(4, "Late", TODAY - days(1))]), TODAY)
    choices = NudgeChoices()
    choices.snooze(nudges[0], TODAY)
    assert choices.shown(nudges, TODAY) == []
    assert choices.shown(nudges, TODAY + days(6)) == []
    assert choices.shown(nudges, TODAY + days(7)) == nudges
    choices.forget_ended(TODAY + days(7))
    assert choices.snoozed == {}


def test_a_dismissed_nudge_stays_hidden_and_others_still_show():
    facts = settled(
        overdue=[OpenGoal(4, "Late", TODAY - days(1)), OpenGoal(9, "Later", TODAY - days(2))]
    )
    nudges = find_nudges(facts, TODAY)
    choices = NudgeChoices()
    choices.dismiss(nudges[0])
    assert [n.key for n in choices.shown(nudges, TODAY + days(400))] == [nudges[1].key]


def test_a_kind_turned_off_shows_none_of_that_kind():
    facts = settled(overdue=[OpenGoal(4, "Late", TODAY - days(1))], last_reflection=None)
    choices = NudgeChoices(off={OVERDUE_GOAL})
    assert [n.kind for n in choices.shown(find_nudges(facts, TODAY), TODAY)] == [NO_REFLECTION]


def test_a_cycle_with_goals_but_no_inclusion_objective_or_wellbeing_goal_is_nudged_once_each():
    start = TODAY - days(100)
    assert keys(settled(period_start=start)) == []  # no goals yet: nothing to mark
    facts = settled(period_start=start, has_goals=True)
    nudges = find_nudges(facts, TODAY)
    assert [n.key for n in nudges] == [
        f"{NO_INCLUSION_OBJECTIVE}:{start.isoformat()}",
        f"{NO_WELLBEING_GOAL}:{start.isoformat()}",
    ]
    assert {n.opens for n in nudges} == {"new_goal"}
    assert keys(settled(period_start=start, has_goals=True, inclusion_objective=True)) == [
        f"{NO_WELLBEING_GOAL}:{start.isoformat()}"
    ]
    marked = settled(has_goals=True, inclusion_objective=True, wellbeing_goal=True)
    assert keys(marked) == []


def test_a_dismissed_mark_nudge_returns_in_the_next_cycle():
    choices = NudgeChoices()
    this_cycle = find_nudges(settled(period_start=TODAY, has_goals=True), TODAY)
    for nudge in this_cycle:
        choices.dismiss(nudge)
    again = find_nudges(settled(period_start=TODAY, has_goals=True), TODAY)
    assert choices.shown(again, TODAY) == []
    next_cycle = settled(period_start=TODAY + days(365), has_goals=True)
    shown = choices.shown(find_nudges(next_cycle, TODAY), TODAY)
    assert [n.kind for n in shown] == [NO_INCLUSION_OBJECTIVE, NO_WELLBEING_GOAL]
