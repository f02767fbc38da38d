"""What every section needs to know: the plan, the export options and the styles, with
the figures (levels, progress, due dates) worked out once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from planner.domain import deadlines
from planner.domain.models import (
    Cycle,
    Goal,
    GoalAction,
    GoalOutcome,
    Plan,
    Reflection,
    Review,
    SelfAssessment,
    Skill,
    latest_review,
)
from planner.report.styles import Styles, stylesheet
from planner.report.text import printable

DUE_SOON_DAYS = 30


@dataclass
class ReportContext:
    """The plan as this export presents it (selected skills, private reflections or not).

    The plan does not change while a document is built, so the lists every section
    asks for (skills, goals, reflections, assessment dates) are worked out once."""

    plan: Plan
    today: dt.date
    include_private: bool = False
    skill_ids: set[str] | None = None
    styles: Styles = field(default_factory=stylesheet)
    # The closed cycle this copy shows and its number (1 for the oldest); None for
    # the current cycle. ``plan`` is already that cycle's view (``cycle_plan``).
    cycle: Cycle | None = None
    cycle_number: int | None = None
    # Every review up to the cycle's end, earlier cycles' too: the last one held may
    # fall in the cycle before, and what it agreed still stands.
    reviews_so_far: list[Review] = field(default_factory=list)

    @cached_property
    def last_review(self) -> Review | None:
        """The latest review up to the cycle's end, whichever cycle it fell in."""
        return latest_review(self.reviews_so_far or self.plan.reviews)

    @property
    def closed(self) -> bool:
        """This copy shows a closed cycle: its goals have outcomes, nothing is due."""
        return self.cycle is not None

    @property
    def this_cycle(self) -> str:
        """How the text names the cycle this copy shows."""
        return "the cycle" if self.closed else "this cycle"

    @cached_property
    def _outcomes(self) -> dict[str, GoalOutcome]:
        return {o.goal: o for o in self.cycle.outcomes} if self.cycle else {}

    def outcome(self, goal: Goal) -> GoalOutcome | None:
        """What became of ``goal`` at the end of the closed cycle this copy shows."""
        return self._outcomes.get(goal.uid) if goal.uid else None

    @property
    def last_cycle(self) -> Cycle | None:
        """The cycle closed just before the current one (None in a closed cycle's copy)."""
        return self.plan.cycles[-1] if self.plan.cycles and not self.closed else None

    @cached_property
    def _carried(self) -> dict[str, GoalOutcome]:
        last = self.last_cycle
        return {o.goal: o for o in last.outcomes if o.carried_forward} if last else {}

    def carried_from_last(self, goal: Goal) -> GoalOutcome | None:
        """How ``goal`` ended the last cycle, if it was carried forward into this one."""
        return self._carried.get(goal.uid) if goal.uid else None

    def target(self, skill_id: str) -> int | None:
        """The cycle's target level for the skill, if one was set."""
        return self.plan.targets.get(skill_id)

    @cached_property
    def skills(self) -> list[Skill]:
        """The framework's skills in order, limited to the selected ones."""
        return [
            s
            for s in self.plan.framework.skills
            if self.skill_ids is None or s.id in self.skill_ids
        ]

    @property
    def person(self) -> str:
        return printable(self.plan.profile.name).strip() or "Unnamed"

    def skill_name(self, skill_id: str | None) -> str:
        return self._skill_names.get(skill_id, "") if skill_id else ""

    # Lookups by id are dictionaries built once: a plan may hold 10,000 goals and as
    # many reflections, each asking for its goal's title.
    @cached_property
    def _goals_by_skill(self) -> dict[str, list[Goal]]:
        grouped: dict[str, list[Goal]] = defaultdict(list)
        for goal in self.plan.goals:
            grouped[goal.skill].append(goal)
        return grouped

    @cached_property
    def _skill_names(self) -> dict[str, str]:
        return {s.id: printable(s.name) for s in self.plan.framework.skills}

    @cached_property
    def _ratings(self) -> dict[tuple[str, dt.date], SelfAssessment]:
        # The first rating of a skill on a day wins, as the list scan it replaces did.
        ratings: dict[tuple[str, dt.date], SelfAssessment] = {}
        for a in self.plan.assessments:
            ratings.setdefault((a.skill, a.date), a)
        return ratings

    @cached_property
    def _ratings_by_skill(self) -> dict[str, list[SelfAssessment]]:
        grouped: dict[str, list[SelfAssessment]] = defaultdict(list)
        for a in sorted(self.plan.assessments, key=lambda a: a.date):
            grouped[a.skill].append(a)
        return grouped

    def goals_for(self, skill_id: str) -> list[Goal]:
        return list(self._goals_by_skill.get(skill_id, ()))

    @cached_property
    def goals(self) -> list[Goal]:
        """Goals of the selected skills, in framework order."""
        return [g for s in self.skills for g in self.goals_for(s.id)]

    @cached_property
    def reflections(self) -> list[Reflection]:
        """Reflections to print: shared ones (and private ones when asked), oldest first.

        With a skill selection, reflections about other skills are left out; those about
        no particular skill stay.
        """
        shown = [
            r
            for r in self.plan.reflections
            if (self.include_private or not r.private)
            and (self.skill_ids is None or r.skill is None or r.skill in self.skill_ids)
        ]
        return sorted(shown, key=lambda r: (r.date, r.id or 0))

    @cached_property
    def _reflections_by_goal(self) -> dict[str, list[Reflection]]:
        grouped: dict[str, list[Reflection]] = defaultdict(list)
        for reflection in self.reflections:
            if reflection.goal:
                grouped[reflection.goal].append(reflection)
        return grouped

    def reflections_about(self, goal: Goal) -> list[Reflection]:
        """The reflections printed in this copy that are about ``goal``, oldest first."""
        return list(self._reflections_by_goal.get(goal.uid, ())) if goal.uid else []

    @cached_property
    def private_printed(self) -> int:
        """How many private reflections this copy prints (none unless asked)."""
        return sum(1 for r in self.reflections if r.private)

    @property
    def private_left_out(self) -> int:
        if self.include_private:
            return 0
        return sum(1 for r in self.plan.reflections if r.private)

    # -- self-assessment rounds ----------------------------------------------------

    @cached_property
    def assessment_dates(self) -> list[dt.date]:
        return sorted({a.date for a in self.plan.assessments})

    def rating(self, skill_id: str, day: dt.date) -> SelfAssessment | None:
        return self._ratings.get((skill_id, day))

    def latest_two(self, skill_id: str) -> tuple[SelfAssessment | None, SelfAssessment | None]:
        """The skill's latest and previous ratings (either may be missing)."""
        ratings = self._ratings_by_skill.get(skill_id, [])
        latest = ratings[-1] if ratings else None
        previous = ratings[-2] if len(ratings) > 1 else None
        return latest, previous

    def level_text(self, level: int | None) -> str:
        if level is None:
            return ""
        label = printable(self.plan.framework.level_label(level))
        return f"{level} {label}".strip()

    # -- goal figures ----------------------------------------------------------------

    @staticmethod
    def percent(goal: Goal) -> int:
        """How far a goal has come, the one figure every part of the PDF prints for it.

        The rule: the last logged progress figure, whatever the status, so the goal's
        strip, its history and the averages never disagree; an achieved goal shows
        that figure beside its status "Achieved" (99% and Achieved, not 100% in one
        place and 99% in another). Only an achieved goal with no progress logged at
        all counts as 100%, since nothing recorded says otherwise.
        """
        if goal.status == "achieved" and not goal.progress:
            return 100
        return max(0, min(100, goal.latest_percent))

    @staticmethod
    def counts_towards_progress(goal: Goal) -> bool:
        """Deferred goals are set aside, so averages leave them out."""
        return goal.status != "deferred"

    def average_percent(self, goals: list[Goal]) -> int | None:
        """The mean of :meth:`percent` over the goals that are not deferred (None
        when every goal is deferred or there are none)."""
        counted = [self.percent(g) for g in goals if self.counts_towards_progress(g)]
        return round(sum(counted) / len(counted)) if counted else None

    def is_open(self, goal: Goal) -> bool:
        """A goal still being worked on; none is, in a closed cycle's copy."""
        return not self.closed and deadlines.is_open(goal.status)

    def is_overdue(self, goal: Goal) -> bool:
        """An open goal past its target date on the export date."""
        return self.is_open(goal) and deadlines.is_overdue(
            goal.status, goal.target_date, self.today
        )

    def action_overdue(self, goal: Goal, action: GoalAction) -> bool:
        """An unticked action past its due date, on a goal still being worked on: once
        a goal is achieved or deferred its leftover actions are no longer late."""
        return (
            self.is_open(goal)
            and not action.done
            and action.due is not None
            and action.due < self.today
        )

    def overdue(self) -> list[Goal]:
        return sorted(
            (g for g in self.goals if self.is_overdue(g)),
            key=lambda g: g.target_date,
        )

    def due_soon(self) -> list[Goal]:
        horizon = self.today + dt.timedelta(days=DUE_SOON_DAYS)
        return sorted(
            (
                g
                for g in self.goals
                if self.is_open(g) and g.target_date and self.today <= g.target_date <= horizon
            ),
            key=lambda g: g.target_date,
        )
