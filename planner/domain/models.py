"""Dataclasses for everything a plan holds.

Dates are ``datetime.date``; timestamps are ISO 8601 strings in UTC so they survive a
plan file round trip exactly. Ids are ``None`` until the store has saved the object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from planner.domain.learning import FeedbackEntry, LearningActivity, ReflectiveDiscussion

GOAL_STATUSES: tuple[str, ...] = ("not_started", "in_progress", "achieved", "deferred")
GOAL_PRIORITIES: tuple[str, ...] = ("low", "medium", "high")

STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "achieved": "Achieved",
    "deferred": "Deferred",
}
PRIORITY_LABELS = {"low": "Low", "medium": "Medium", "high": "High"}
# The marks a goal can carry, in the words the app shows beside it (the PDF too).
INCLUSION_LABEL = "Equality, diversity and inclusion objective"
WELLBEING_LABEL = "Wellbeing goal"


def goal_marks(goal) -> list[str]:
    """The labels of the marks ``goal`` (a Goal or GoalSummary) carries."""
    marks = [INCLUSION_LABEL] if goal.inclusion_objective else []
    return [*marks, WELLBEING_LABEL] if goal.wellbeing_goal else marks
# Importance to role (SelfAssessment.importance), as the Healthcare Leadership Model's
# self-assessment asks it.
IMPORTANCE_LABELS = {
    1: "Not important",
    2: "Slightly important",
    3: "Important",
    4: "Very important",
    5: "Essential",
}

# How a goal open at a cycle's end turned out, as the roll-over records it.
GOAL_OUTCOMES: tuple[str, ...] = ("met", "partly_met", "not_met")
OUTCOME_LABELS = {"met": "Met", "partly_met": "Partly met", "not_met": "Not met"}

# What a framework calls its parts when its file does not say.
DEFAULT_PART_SINGULAR = "skill"
DEFAULT_PART_PLURAL = "skills"


@dataclass(frozen=True)
class ScaleLevel:
    """One step of a framework's rating scale (level numbers start at 1)."""

    label: str
    descriptor: str = ""


@dataclass(frozen=True)
class Skill:
    """A leadership skill (or dimension/domain) of a framework."""

    id: str
    name: str
    description: str = ""
    behaviours: tuple[str, ...] = ()
    example_goals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framework:
    """A skill framework: its rating scale and its skills, in display order.

    ``part_singular``/``part_plural`` are the framework's own word for its parts, in
    lower case: the Healthcare Leadership Model has "dimensions", the Clinical
    Leadership Competency Framework "domains".
    """

    id: str
    name: str
    description: str = ""
    scale: tuple[ScaleLevel, ...] = ()
    skills: tuple[Skill, ...] = ()
    part_singular: str = DEFAULT_PART_SINGULAR
    part_plural: str = DEFAULT_PART_PLURAL

    def parts(self, count: int) -> str:
        """A count with the framework's word: "1 dimension", "9 dimensions"."""
        return f"{count} {self.part_singular if count == 1 else self.part_plural}"

    def skill(self, skill_id: str) -> Skill | None:
        for skill in self.skills:
            if skill.id == skill_id:
                return skill
        return None

    def level_label(self, level: int | None) -> str:
        if level is None or not 1 <= level <= len(self.scale):
            return ""
        return self.scale[level - 1].label


@dataclass
class Profile:
    """Who the plan belongs to. ``name`` is the only required field."""

    name: str
    role: str = ""
    profession: str = ""
    organisation: str = ""
    manager: str = ""
    aspiration: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    # Who regulates the user (a key of ``planner.domain.learning.REGULATORS``) and
    # when their revalidation (NMC, GMC) or appraisal falls due.
    regulator: str = ""
    revalidation_date: dt.date | None = None


@dataclass
class SelfAssessment:
    """A rating of one skill on one date; the ratings sharing a date form a round."""

    skill: str
    date: dt.date
    level: int
    importance: int | None = None
    note: str = ""
    id: int | None = None


@dataclass
class GoalAction:
    """One step in a goal's action checklist."""

    text: str
    due: dt.date | None = None
    done: bool = False
    id: int | None = None


@dataclass
class ProgressEntry:
    """A dated note of how far a goal has come (0-100 %)."""

    date: dt.date
    percent: int
    note: str = ""
    id: int | None = None


@dataclass
class Goal:
    """A development goal for one skill, with its actions and progress history.

    ``uid`` is the goal's stable identity across plan files; ``id`` is the store's.
    """

    skill: str
    title: str
    description: str = ""
    measure: str = ""
    support: str = ""
    target_date: dt.date | None = None
    status: str = "not_started"
    priority: str = "medium"
    created: str = ""
    updated: str = ""
    uid: str = ""
    actions: list[GoalAction] = field(default_factory=list)
    progress: list[ProgressEntry] = field(default_factory=list)
    id: int | None = None
    # Why a deferred goal was put aside, in a few words; kept if it is taken up again.
    deferred_reason: str = ""
    # The uid of the past cycle the goal was closed in; None while it is in the
    # current cycle (the working plan).
    closed_cycle: str | None = None
    # Marked as the cycle's equality, diversity and inclusion objective, and as a
    # goal for the person's own wellbeing, as NHS appraisal guidance asks for.
    inclusion_objective: bool = False
    wellbeing_goal: bool = False

    @property
    def latest_percent(self) -> int:
        if not self.progress:
            return 0
        latest = max(self.progress, key=lambda e: (e.date, e.id or 0))
        return latest.percent


class GoalSummary(NamedTuple):
    """A goal as a list shows it: no actions or history loaded.

    A named tuple: a skill page reads thousands at once, and these are made about
    twice as fast as a frozen dataclass.
    """

    id: int
    uid: str
    skill: str
    title: str
    status: str
    priority: str
    target_date: dt.date | None
    percent: int  # the latest progress entry's, 0 without one
    updated: str
    inclusion_objective: bool = False
    wellbeing_goal: bool = False


@dataclass
class Reflection:
    """A structured reflection; ``sections`` maps the model's section keys to text."""

    date: dt.date
    title: str
    model: str = "rolfe"
    sections: dict[str, str] = field(default_factory=dict)
    skill: str | None = None
    goal: str | None = None  # the goal's uid
    private: bool = False
    id: int | None = None
    # The NMC Code's themes an NMC reflective account relates to (CODE_THEMES keys).
    themes: tuple[str, ...] = ()


class ReflectionRow(NamedTuple):
    """A reflection as the journal's list shows it: no section text loaded.

    A named tuple rather than a dataclass because a journal lists thousands: it is
    built without a Python ``__init__`` call and, holding no containers, the garbage
    collector stops tracking it, so a long list adds no full-heap collections.
    """

    id: int
    date: dt.date
    title: str
    skill: str | None
    model: str
    private: bool


@dataclass(frozen=True)
class ReviewLink:
    """An agreed action of a review made into a goal, or into an action of a goal.

    ``line`` is the agreed line as ``review_actions.agreed_lines`` gives it; ``goal``
    the goal's uid (the goal may since have been deleted); ``action`` the action's
    place in the goal's checklist, counted from 0, or None for the goal itself.
    """

    line: str
    goal: str
    action: int | None = None


@dataclass
class Review:
    """A review conversation with the line manager; ``next_review`` is when the next
    one is planned, if a date was agreed; ``links`` what its agreed actions became."""

    date: dt.date
    reviewer: str = ""
    notes: str = ""
    agreed_actions: str = ""
    id: int | None = None
    next_review: dt.date | None = None
    links: tuple[ReviewLink, ...] = ()


@dataclass
class GoalOutcome:
    """What became of one goal at a cycle's end. The title and skill are kept as they
    were then, so the record stands if the goal is later renamed or deleted."""

    goal: str  # the goal's uid
    title: str
    skill: str
    outcome: str  # one of GOAL_OUTCOMES
    note: str = ""
    carried_forward: bool = False


@dataclass
class Cycle:
    """A closed plan cycle (an appraisal year): its dates, the target level set for
    each skill, and the outcome of each goal it closed or carried forward.

    The current cycle is not a ``Cycle``: its dates are the profile's period and its
    targets ``Plan.targets``.
    """

    start: dt.date | None
    end: dt.date
    closed_on: dt.date
    uid: str = ""
    targets: dict[str, int] = field(default_factory=dict)
    outcomes: list[GoalOutcome] = field(default_factory=list)
    id: int | None = None


@dataclass
class Plan:
    """A whole plan, as exported to a plan file or a PDF."""

    profile: Profile
    framework: Framework
    assessments: list[SelfAssessment] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    # The current cycle's target level per skill id.
    targets: dict[str, int] = field(default_factory=dict)
    # Closed cycles, oldest first.
    cycles: list[Cycle] = field(default_factory=list)
    # Revalidation records (planner.domain.learning), each list by date.
    learning: list[LearningActivity] = field(default_factory=list)
    feedback: list[FeedbackEntry] = field(default_factory=list)
    discussions: list[ReflectiveDiscussion] = field(default_factory=list)

    @property
    def current_goals(self) -> list[Goal]:
        """The goals of the current cycle: the working plan."""
        return [g for g in self.goals if g.closed_cycle is None]


def latest_review(reviews: list[Review]) -> Review | None:
    """The review with the latest date; of two on one date, the one saved later."""
    # Sorting is stable, so for equal dates and ids the later one in the list wins.
    ordered = sorted(reviews, key=lambda r: (r.date, r.id or 0))
    return ordered[-1] if ordered else None


def planned_next_review(plan: Plan) -> dt.date | None:
    """When the next review is planned: the date the latest review agreed, if any."""
    latest = latest_review(plan.reviews)
    return latest.next_review if latest else None
