"""What the revalidation exports need to know: the plan, the regulator's body and the
period its view counts, and which records fall in it (private reflections only when
asked for)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from planner.domain.learning import FeedbackEntry, LearningActivity, ReflectiveDiscussion
from planner.domain.models import Plan, Reflection
from planner.domain.revalidation import VIEWS, RevalidationView
from planner.report.styles import Styles, stylesheet
from planner.report.text import printable


@dataclass
class RevalidationContext:
    """One export for one regulator: ``body`` is ``"nmc"`` or ``"gmc"``, whatever the
    profile says, so a nurse who also appraises can print either."""

    plan: Plan
    body: str
    today: dt.date
    include_private: bool = False
    styles: Styles = field(default_factory=stylesheet)

    @cached_property
    def view(self) -> RevalidationView:
        return VIEWS[self.body](self.plan, self.today)

    @property
    def person(self) -> str:
        return printable(self.plan.profile.name).strip() or "Unnamed"

    def within(self, day: dt.date) -> bool:
        view = self.view
        return (view.start is None or day >= view.start) and (view.end is None or day <= view.end)

    @cached_property
    def _reflections_in_period(self) -> list[Reflection]:
        return sorted(
            (r for r in self.plan.reflections if self.within(r.date)),
            key=lambda r: (r.date, r.id or 0),
        )

    def reflections(self, model: str | None = None) -> list[Reflection]:
        """The period's reflections this copy prints (of one model, if given)."""
        return [
            r
            for r in self._reflections_in_period
            if (model is None or r.model == model) and (self.include_private or not r.private)
        ]

    def others_in_period(self, model: str) -> int:
        """How many of the period's reflections, private ones too, are of another model
        (and could be turned into this one in the app)."""
        return sum(1 for r in self._reflections_in_period if r.model != model)

    def private_left_out(self, model: str | None = None) -> int:
        """How many of the period's private reflections (of one model) this copy leaves
        out."""
        if self.include_private:
            return 0
        return sum(
            1
            for r in self._reflections_in_period
            if r.private and (model is None or r.model == model)
        )

    @property
    def printed_model(self) -> str | None:
        """The reflection model this record prints: the NMC's form only, for the NMC;
        every model for an appraisal."""
        return "nmc" if self.body == "nmc" else None

    @cached_property
    def private_printed(self) -> int:
        """How many private reflections this copy prints."""
        return sum(1 for r in self.reflections(self.printed_model) if r.private)

    @cached_property
    def learning(self) -> list[LearningActivity]:
        return sorted(
            (a for a in self.plan.learning if self.within(a.start)),
            key=lambda a: (a.start, a.id or 0),
        )

    @cached_property
    def feedback(self) -> list[FeedbackEntry]:
        return sorted(
            (f for f in self.plan.feedback if self.within(f.date)),
            key=lambda f: (f.date, f.id or 0),
        )

    @cached_property
    def discussions(self) -> list[ReflectiveDiscussion]:
        return sorted(
            (d for d in self.plan.discussions if self.within(d.date)),
            key=lambda d: (d.date, d.id or 0),
        )
