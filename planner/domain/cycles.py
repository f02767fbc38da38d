"""Plan cycles: the roll-over's choices and rules, targets, and a closed cycle's view
of the plan (what a past cycle's page and PDF show)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from planner.domain.dates import short_date
from planner.domain.models import GOAL_OUTCOMES, Cycle, Framework, Goal, Plan, Profile

# A note on an outcome is a line of why, not an essay.
MAX_OUTCOME_NOTE = 500


@dataclass(frozen=True)
class RollChoice:
    """What the user decided for one goal at the end of a cycle."""

    goal_id: int
    outcome: str  # one of GOAL_OUTCOMES
    note: str = ""
    carry: bool = False  # carried into the new cycle rather than closed


@dataclass(frozen=True)
class RollOver:
    """Everything the roll-over needs: the closing cycle's dates, a choice for each
    goal not achieved, and the new cycle's dates and targets."""

    old_start: dt.date | None
    old_end: dt.date
    new_start: dt.date
    new_end: dt.date
    choices: tuple[RollChoice, ...] = ()
    targets: dict[str, int] = field(default_factory=dict)


def default_new_period(old_end: dt.date) -> tuple[dt.date, dt.date]:
    """The cycle after one ending on ``old_end``: the next day, for a year (cut short
    at the calendar's end, 31 December 9999, which a typed date can reach)."""
    start = min(old_end, dt.date.max - dt.timedelta(days=1)) + dt.timedelta(days=1)
    if start.year == dt.MAXYEAR:
        return start, dt.date.max
    try:
        end = start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + 1, day=28)
    return start, end


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """A cycle's dates as people write them: "1 Apr 2026 to 31 Mar 2027"."""
    if start and end:
        return f"{short_date(start)} to {short_date(end)}"
    if end:
        return f"until {short_date(end)}"
    if start:
        return f"from {short_date(start)}"
    return "no dates set"


def check_targets(targets: dict[str, int], framework: Framework) -> list[str]:
    problems = []
    top = len(framework.scale)
    for skill, level in targets.items():
        if framework.skill(skill) is None:
            problems.append(f"targets: {skill!r} is not in the plan's framework")
        elif not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= top:
            problems.append(f"targets: the target for {skill!r} must be a level from 1 to {top}")
    return problems


def check_roll_over(
    roll: RollOver,
    profile: Profile,
    framework: Framework,
    open_goals: dict[int, tuple[str, str, str, str]],
    last_closed_end: dt.date | None = None,
) -> list[str]:
    """Problems with ``roll`` against the plan; ``open_goals`` maps each goal id of the
    current cycle to (uid, title, skill, status); ``last_closed_end`` is the end of
    the latest closed cycle, if any."""
    problems = check_targets(roll.targets, framework)
    if roll.old_start and roll.old_start > roll.old_end:
        problems.append("The cycle you are closing ends before it starts.")
    # Cycles follow one another: one closed over an earlier one would file its goals
    # in the past and list the cycles out of order.
    if last_closed_end and (roll.old_start or roll.old_end) <= last_closed_end:
        problems.append(
            "The cycle you are closing must start after the last closed cycle ended "
            f"({short_date(last_closed_end)})."
        )
    if roll.new_start > roll.new_end:
        problems.append("The new cycle ends before it starts.")
    if roll.new_start <= roll.old_end:
        problems.append(
            f"The new cycle must start after the old one ends ({short_date(roll.old_end)})."
        )
    seen = set()
    for choice in roll.choices:
        if choice.goal_id not in open_goals:
            problems.append("A goal in the list is no longer in this cycle; start again.")
            break
        if choice.goal_id in seen:
            problems.append("A goal has two choices.")
        seen.add(choice.goal_id)
        if choice.outcome not in GOAL_OUTCOMES:
            title = open_goals[choice.goal_id][1]
            problems.append(f"Choose met, partly met or not met for {title!r}.")
        if len(choice.note) > MAX_OUTCOME_NOTE:
            problems.append(
                f"The note for {open_goals[choice.goal_id][1]!r} is longer than "
                f"{MAX_OUTCOME_NOTE} characters."
            )
    for gid, (_uid, title, _skill, status) in open_goals.items():
        if gid not in seen and status != "achieved":
            problems.append(f"Say how {title!r} turned out before closing the cycle.")
    return problems


class UnknownCycle(ValueError):
    """A cycle asked for by a number or uid the plan does not have."""


def cycle_title(number: int, cycle: Cycle) -> str:
    """A closed cycle as the app and the PDF name it: "Cycle 1: 6 Jan 2025 to 4 Jan 2026"."""
    return f"Cycle {number}: {period_text(cycle.start, cycle.end)}"


def find_cycle(plan: Plan, which: int | str) -> tuple[int, Cycle]:
    """A closed cycle and its number, found by its number (1 for the oldest, as the
    app shows them) or by its uid.

    Raises:
        UnknownCycle: no such cycle; the message says which there are.
    """
    count = len(plan.cycles)
    if isinstance(which, str):
        for number, cycle in enumerate(plan.cycles, start=1):
            if cycle.uid == which:
                return number, cycle
        raise UnknownCycle("This plan has no closed cycle with that id.")
    if not isinstance(which, bool) and isinstance(which, int) and 1 <= which <= count:
        return which, plan.cycles[which - 1]
    if count == 0:
        raise UnknownCycle(f"There is no cycle {which}: this plan has no closed cycles yet.")
    numbers = "1" if count == 1 else f"1 to {count}"
    plural = "cycle" if count == 1 else "cycles"
    raise UnknownCycle(
        f"There is no cycle {which}: this plan has {count} closed {plural}, numbered {numbers}."
    )


def cycle_plan(plan: Plan, cycle: Cycle | None) -> Plan:
    """The plan as one cycle saw it; ``None`` for the current cycle.

    Each reflection and review belongs to one cycle: a closed cycle holds those dated
    after the previous cycle's end up to its own end (the first, everything up to its
    end), the current cycle everything after the last closed cycle's end. So nothing
    dated before a first cycle's start or between two cycles goes missing.

    Self-assessment keeps every round up to the cycle's end, so the trend shows how
    far the person has come over the years, not only within one cycle. A closed
    cycle's view holds the goals it closed and those it carried forward, with progress
    logged up to its end, so its PDF can say what became of each; its targets and
    dates replace the current ones.
    """
    closed = sorted(plan.cycles, key=lambda c: c.end)
    if cycle is None:
        after = closed[-1].end if closed else None
        end = None
        goals = plan.current_goals
        targets = plan.targets
    else:
        earlier = [c.end for c in closed if c.end < cycle.end and c.uid != cycle.uid]
        after = max(earlier) if earlier else None
        end = cycle.end
        mine = {o.goal for o in cycle.outcomes}
        goals = [
            _progress_until(g, end)
            for g in plan.goals
            if g.closed_cycle == cycle.uid or g.uid in mine
        ]
        targets = cycle.targets

    def within(day: dt.date) -> bool:
        return (after is None or day > after) and (end is None or day <= end)

    profile = plan.profile
    if cycle is not None:
        profile = replace(profile, period_start=cycle.start, period_end=cycle.end)
    return replace(
        plan,
        profile=profile,
        goals=goals,
        assessments=[a for a in plan.assessments if end is None or a.date <= end],
        reflections=[r for r in plan.reflections if within(r.date)],
        reviews=[r for r in plan.reviews if within(r.date)],
        targets=targets,
    )


def _progress_until(goal: Goal, end: dt.date) -> Goal:
    """A goal carried past ``end`` as it stood then: later progress belongs to the
    cycle it was carried into."""
    later = [e for e in goal.progress if e.date > end]
    if not later:
        return goal
    return replace(goal, progress=[e for e in goal.progress if e.date <= end])
