"""A cycle's view of the plan (what its page and PDF show) and finding a closed cycle by
the number the app shows or by its uid."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.cycles import UnknownCycle, cycle_plan, cycle_title, find_cycle
from tests.report.cycle_plans import (
    CARRIED_UID,
    FIRST_UID,
    OLD_CLOSED,
    OLD_MET,
    OLD_REFLECTION,
    SECOND_NOT_MET,
    SECOND_UID,
    cycled_plan,
)


def _titles(plan) -> set[str]:
    return {g.title for g in plan.goals}


def test_the_current_cycle_holds_only_its_own_goals_and_its_targets():
    plan = cycled_plan()
    view = cycle_plan(plan, None)
    assert not _titles(view) & {OLD_MET, OLD_CLOSED, SECOND_NOT_MET}
    assert CARRIED_UID in {g.uid for g in view.goals}
    assert view.targets == plan.targets
    # Reflections and reviews after the last closed cycle's end only.
    assert OLD_REFLECTION not in {r.title for r in view.reflections}
    assert all(r.date > dt.date(2025, 12, 16) for r in view.reviews)


def test_a_closed_cycle_holds_the_goals_it_closed_and_carried_with_its_dates_and_targets():
    plan = cycled_plan()
    _number, second = find_cycle(plan, 2)
    view = cycle_plan(plan, second)
    assert _titles(view) >= {OLD_CLOSED, SECOND_NOT_MET}
    assert OLD_MET not in _titles(view)
    assert {g.uid for g in view.goals} == {"old-closed", "second-not-met", CARRIED_UID}
    assert (view.profile.period_start, view.profile.period_end) == (second.start, second.end)
    assert view.targets == second.targets
    assert [r.title for r in view.reflections] == [OLD_REFLECTION]
    assert [r.date for r in view.reviews] == [dt.date(2025, 6, 2)]


def test_a_carried_goal_in_a_closed_cycle_shows_only_progress_up_to_its_end():
    plan = cycled_plan()
    second = plan.cycles[1]
    carried = next(g for g in cycle_plan(plan, second).goals if g.uid == CARRIED_UID)
    assert [e.date for e in carried.progress] == [dt.date(2025, 11, 20)]
    # The plan itself keeps the whole history.
    whole = next(g for g in plan.goals if g.uid == CARRIED_UID)
    assert len(whole.progress) > 1


def test_every_round_up_to_a_cycles_end_stays_for_the_trend():
    plan = cycled_plan()
    first_view = cycle_plan(plan, plan.cycles[0])
    assert {a.date for a in first_view.assessments} == {dt.date(2024, 1, 10)}
    current = cycle_plan(plan, None)
    assert min(a.date for a in current.assessments) == dt.date(2024, 1, 10)


def test_items_dated_before_the_first_cycle_belong_to_it():
    plan = cycled_plan()
    plan.reviews[0].date = dt.date(2023, 5, 1)  # before cycle 1 started
    assert [r.date for r in cycle_plan(plan, plan.cycles[0]).reviews] == [dt.date(2023, 5, 1)]


def test_cycles_are_found_by_number_oldest_first_or_by_uid():
    plan = cycled_plan()
    assert find_cycle(plan, 1)[1].uid == FIRST_UID
    assert find_cycle(plan, SECOND_UID) == (2, plan.cycles[1])
    assert cycle_title(*find_cycle(plan, 1)) == "Cycle 1: 1 Jan 2024 to 31 Dec 2024"


@pytest.mark.parametrize("which", [0, 3, -1, True, "no-such-uid"])
def test_a_cycle_that_does_not_exist_says_which_do(which):
    with pytest.raises(UnknownCycle) as err:
        find_cycle(cycled_plan(), which)
    if not isinstance(which, str):
        assert "2 closed cycles, numbered 1 to 2" in str(err.value)
