"""Closing a plan cycle and starting the next: what the store keeps, carries and refuses."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from planner import planfile
from planner.domain.cycles import RollChoice, RollOver, cycle_plan
from planner.domain.validation import ValidationError
from planner.store import PlanStore, StoreError

CLOSED_ON = dt.date(2026, 12, 18)
OLD_START, OLD_END = dt.date(2025, 12, 17), dt.date(2026, 12, 17)
NEW_START, NEW_END = dt.date(2026, 12, 18), dt.date(2027, 12, 17)


def _ids(store: PlanStore) -> dict[str, int]:
    return {g.uid: g.id for g in store.all_goals()}


def _roll(store: PlanStore, *, carry=("demo-goal-2", "demo-goal-9"), targets=None) -> RollOver:
    """Every open goal of the sample plan decided: two carried, the rest closed."""
    ids = _ids(store)
    choices = []
    for goal in store.all_goals():
        if goal.status == "achieved":
            continue
        outcome = "partly_met" if goal.latest_percent else "not_met"
        note = f"Reached {goal.latest_percent}%." if goal.latest_percent else ""
        choices.append(RollChoice(ids[goal.uid], outcome, note, goal.uid in carry))
    return RollOver(
        OLD_START,
        OLD_END,
        NEW_START,
        NEW_END,
        tuple(choices),
        targets if targets is not None else {"learn-to-follow": 4},
    )


def test_closing_a_cycle_keeps_carried_goals_and_files_the_rest_with_their_outcomes(store):
    store.save_targets({"learn-to-follow": 3, "situational-awareness": 4})
    cycle = store.roll_over(_roll(store), CLOSED_ON)

    # The working plan now holds only the carried goals.
    assert {g.uid for g in store.goal_summaries()} == {"demo-goal-2", "demo-goal-9"}
    assert {g.uid for g in store.goals_overdue(dt.date(2030, 1, 1))} <= {
        "demo-goal-2",
        "demo-goal-9",
    }
    # The closed cycle records every goal, achieved ones as met.
    assert (cycle.start, cycle.end, cycle.closed_on) == (OLD_START, OLD_END, CLOSED_ON)
    outcomes = {o.goal: o for o in cycle.outcomes}
    assert len(outcomes) == 10
    assert outcomes["demo-goal-1"].outcome == "met"
    assert outcomes["demo-goal-2"].carried_forward
    assert outcomes["demo-goal-2"].note == "Reached 70%."
    assert outcomes["demo-goal-6"].outcome == "not_met"
    assert not outcomes["demo-goal-6"].carried_forward
    # It keeps the targets it had; the new cycle has its own and the profile its dates.
    assert cycle.targets == {"learn-to-follow": 3, "situational-awareness": 4}
    assert store.targets() == {"learn-to-follow": 4}
    profile = store.profile()
    assert (profile.period_start, profile.period_end) == (NEW_START, NEW_END)
    # The closed goals are kept whole with their history, read from the cycle.
    closed = store.goals_closed_in(cycle.id)
    assert {g.uid for g in closed} == set(outcomes) - {"demo-goal-2", "demo-goal-9"}
    assert all(g.closed_cycle == cycle.uid for g in closed)
    assert any(g.progress for g in closed) and any(g.actions for g in closed)


def test_a_goal_left_undecided_stops_the_roll_over_and_nothing_is_written(store):
    roll = _roll(store)
    partial = RollOver(roll.old_start, roll.old_end, roll.new_start, roll.new_end, roll.choices[1:])
    before = planfile.dumps(store.load_plan(), exported_at="x")
    with pytest.raises(ValidationError) as caught:
        store.roll_over(partial, CLOSED_ON)
    assert "before closing the cycle" in str(caught.value)
    assert planfile.dumps(store.load_plan(), exported_at="x") == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"new_start": OLD_END}, "must start after the old one ends"),
        ({"new_end": dt.date(2026, 12, 1)}, "ends before it starts"),
        ({"targets": {"learn-to-follow": 9}}, "must be a level from 1 to 5"),
        ({"targets": {"no-such-skill": 2}}, "not in the plan's framework"),
    ],
)
def test_impossible_dates_and_targets_are_refused_with_a_clear_message(store, change, message):
    roll = _roll(store)
    fields = {**roll.__dict__, **change}
    with pytest.raises(ValidationError) as caught:
        store.roll_over(RollOver(**fields), CLOSED_ON)
    assert message in str(caught.value)
    assert store.cycles() == []


def test_a_note_over_the_limit_is_refused(store):
    roll = _roll(store)
    long = RollChoice(roll.choices[0].goal_id, "met", "x" * 501, False)
    choices = (long, *roll.choices[1:])
    with pytest.raises(ValidationError):
        store.roll_over(RollOver(OLD_START, OLD_END, NEW_START, NEW_END, choices), CLOSED_ON)


def test_undo_puts_the_plan_back_exactly(store):
    store.save_targets({"empower-and-resolve": 2})
    before = planfile.dumps(store.load_plan(), exported_at="x")
    cycle = store.roll_over(_roll(store), CLOSED_ON)
    store.undo_roll_over(cycle.id, (OLD_START, OLD_END))
    assert planfile.dumps(store.load_plan(), exported_at="x") == before


def test_only_the_latest_cycle_can_be_undone(store):
    first = store.roll_over(_roll(store), CLOSED_ON)
    second = store.roll_over(
        RollOver(
            NEW_START,
            NEW_END,
            dt.date(2027, 12, 18),
            dt.date(2028, 12, 17),
            tuple(RollChoice(g.id, "met", "", False) for g in store.goal_summaries()),
        ),
        dt.date(2027, 12, 18),
    )
    with pytest.raises(StoreError):
        store.undo_roll_over(first.id, (OLD_START, OLD_END))
    assert [c.uid for c in store.cycles()] == [first.uid, second.uid]
    assert store.goal_summaries() == []


def test_a_plan_with_closed_cycles_round_trips_through_a_plan_file_exactly(store, tmp_path):
    store.save_targets({"learn-to-follow": 3})
    store.roll_over(_roll(store), CLOSED_ON)
    text = planfile.dumps(store.load_plan(), exported_at="x")
    data = json.loads(text)
    assert data["version"] == 2 and len(data["cycles"]) == 1
    assert sum(g["closed_cycle"] is not None for g in data["goals"]) == 8

    again = PlanStore.open(tmp_path / "again.db")
    try:
        again.replace_plan(planfile.loads(text))
        assert planfile.dumps(again.load_plan(), exported_at="x") == text
        # And the copy's working plan is the same two carried goals.
        assert {g.uid for g in again.goal_summaries()} == {"demo-goal-2", "demo-goal-9"}
    finally:
        again.close()
    raw = sqlite3.connect(tmp_path / "again.db")
    try:
        closed = raw.execute("SELECT COUNT(*) FROM goals WHERE closed_cycle IS NOT NULL")
        assert closed.fetchone() == (8,)
    finally:
        raw.close()


def test_a_plan_file_naming_a_cycle_that_is_not_there_is_refused(store):
    store.roll_over(_roll(store), CLOSED_ON)
    data = json.loads(planfile.dumps(store.load_plan(), exported_at="x"))
    data["goals"][0]["closed_cycle"] = "nowhere"
    with pytest.raises(planfile.PlanFileError) as caught:
        planfile.plan_from_dict(data)
    assert "goals[0].closed_cycle: no cycle has the id 'nowhere'" in str(caught.value)


def test_a_closed_cycle_view_holds_its_goals_and_what_was_dated_within_it(store):
    store.roll_over(_roll(store), CLOSED_ON)
    plan = store.load_plan()
    past = cycle_plan(plan, plan.cycles[0])
    # Closed goals and those carried forward (whose outcome the cycle recorded).
    assert len(past.goals) == 10
    assert past.profile.period_end == OLD_END
    assert all(OLD_START <= r.date <= OLD_END for r in past.reflections)
    now = cycle_plan(plan, None)
    assert {g.uid for g in now.goals} == {"demo-goal-2", "demo-goal-9"}
    assert now.targets == {"learn-to-follow": 4}
