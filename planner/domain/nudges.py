"""Nudges: gentle reminders the overview shows, worked out from a plan's light facts
and a given ``today``, so the rules are tested with a fixed clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

# The kinds, in the order the overview lists them; each can be turned off.
STALE_GOAL = "stale_goal"
OVERDUE_GOAL = "overdue_goal"
OLD_ASSESSMENT = "old_assessment"
NO_REFLECTION = "no_reflection"
REVIEW_DUE = "review_due"
# NHS appraisal guidance asks for one equality, diversity and inclusion objective a
# year and encourages a wellbeing conversation: a cycle with goals but neither is
# reminded, gently, once per cycle.
NO_INCLUSION_OBJECTIVE = "no_inclusion_objective"
NO_WELLBEING_GOAL = "no_wellbeing_goal"
KINDS = (
    REVIEW_DUE,
    OVERDUE_GOAL,
    STALE_GOAL,
    OLD_ASSESSMENT,
    NO_REFLECTION,
    NO_INCLUSION_OBJECTIVE,
    NO_WELLBEING_GOAL,
)

# A goal in progress with nothing logged for this long has gone quiet.
STALE_DAYS = 14
# The next review is mentioned this many days ahead, and every day after it passes.
REVIEW_NOTICE_DAYS = 7
# With no plan period set, a self-assessment is old after about six months: half of
# the usual yearly appraisal cycle.
DEFAULT_ASSESSMENT_AGE = dt.timedelta(days=182)
SNOOZE_DAYS = 7

Opens = Literal["goal", "assessments", "reflections", "reviews", "new_goal"]


class QuietGoal(NamedTuple):
    """A goal in progress and the day it last moved (its latest progress entry, or
    its last edit when nothing is logged yet)."""

    id: int
    title: str
    last_moved: dt.date


class OpenGoal(NamedTuple):
    """An open goal with a target date."""

    id: int
    title: str
    target_date: dt.date


@dataclass(frozen=True)
class NudgeFacts:
    """What the rules need to know of a plan; each is one cheap query."""

    in_progress: list[QuietGoal] = field(default_factory=list)
    overdue: list[OpenGoal] = field(default_factory=list)
    last_assessment: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    last_reflection: dt.date | None = None
    next_review: dt.date | None = None
    # Whether the current cycle has any goal, one marked as its equality, diversity
    # and inclusion objective, and one marked as a wellbeing goal.
    has_goals: bool = False
    inclusion_objective: bool = False
    wellbeing_goal: bool = False


class Nudge(NamedTuple):
    """One reminder. ``key`` (kind and item) stays the same while the reason does,
    so a snooze or a dismissal holds; ``opens`` is the page it leads to, ``goal_id``
    the goal for goal nudges; ``title`` and ``date`` fill its message.

    A named tuple: a plan kept for years can earn thousands, made on every reload.
    """

    kind: str
    item: str
    opens: Opens
    date: dt.date | None = None
    title: str = ""
    goal_id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.item}"


def assessment_age_limit(start: dt.date | None, end: dt.date | None) -> dt.timedelta:
    """Half the plan period when both ends are set (and in order), else six months."""
    if start is not None and end is not None and end > start:
        return (end - start) / 2
    return DEFAULT_ASSESSMENT_AGE


def find_nudges(facts: NudgeFacts, today: dt.date) -> list[Nudge]:
    """Every nudge the plan earns today, in ``KINDS`` order.

    Args:
        facts: the plan's light facts.
        today: the day to judge by.

    Returns:
        The nudges, before any snooze, dismissal or kind turned off is applied.
    """
    found: list[Nudge] = []
    if facts.next_review is not None and (facts.next_review - today).days <= REVIEW_NOTICE_DAYS:
        # Keyed by the date: a new date agreed is a new reminder.
        found.append(
            Nudge(REVIEW_DUE, facts.next_review.isoformat(), "reviews", facts.next_review)
        )
    for goal in facts.overdue:
        if goal.target_date < today:
            found.append(
                Nudge(OVERDUE_GOAL, str(goal.id), "goal", goal.target_date, goal.title, goal.id)
            )
    overdue_ids = {goal.id for goal in facts.overdue if goal.target_date < today}
    for goal in facts.in_progress:
        # An overdue goal already has its nudge: one is enough.
        if goal.id not in overdue_ids and (today - goal.last_moved).days >= STALE_DAYS:
            found.append(
                Nudge(STALE_GOAL, str(goal.id), "goal", goal.last_moved, goal.title, goal.id)
            )
    limit = assessment_age_limit(facts.period_start, facts.period_end)
    if facts.last_assessment is None:
        found.append(Nudge(OLD_ASSESSMENT, "none", "assessments"))
    elif today - facts.last_assessment > limit:
        # Keyed by the round's date: rating again ends it, and the next old round is new.
        found.append(
            Nudge(
                OLD_ASSESSMENT,
                facts.last_assessment.isoformat(),
                "assessments",
                facts.last_assessment,
            )
        )
    month_start = today.replace(day=1)
    if facts.last_reflection is None or facts.last_reflection < month_start:
        # Keyed by the month: dismissing this month's reminder leaves next month's.
        found.append(
            Nudge(NO_REFLECTION, today.strftime("%Y-%m"), "reflections", facts.last_reflection)
        )
    if facts.has_goals:
        # Keyed by the cycle's start: dismissed for this cycle, asked again in the next.
        cycle = facts.period_start.isoformat() if facts.period_start else "current"
        if not facts.inclusion_objective:
            found.append(Nudge(NO_INCLUSION_OBJECTIVE, cycle, "new_goal"))
        if not facts.wellbeing_goal:
            found.append(Nudge(NO_WELLBEING_GOAL, cycle, "new_goal"))
    return found


@dataclass
class NudgeChoices:
    """What the person chose: kinds turned off, nudges dismissed for good, and
    nudges snoozed until a day (shown again on that day)."""

    off: set[str] = field(default_factory=set)
    dismissed: set[str] = field(default_factory=set)
    snoozed: dict[str, dt.date] = field(default_factory=dict)

    def shown(self, nudges: list[Nudge], today: dt.date) -> list[Nudge]:
        """The nudges still to show today."""
        return [
            n
            for n in nudges
            if n.kind not in self.off
            and n.key not in self.dismissed
            and not (n.key in self.snoozed and today < self.snoozed[n.key])
        ]

    def snooze(self, nudge: Nudge, today: dt.date) -> None:
        self.snoozed[nudge.key] = today + dt.timedelta(days=SNOOZE_DAYS)

    def dismiss(self, nudge: Nudge) -> None:
        self.dismissed.add(nudge.key)
        self.snoozed.pop(nudge.key, None)

    def forget_ended(self, today: dt.date) -> None:
        """Drops snoozes that have ended, so the saved choices do not grow for ever."""
        self.snoozed = {k: until for k, until in self.snoozed.items() if today < until}
