"""What a regulator asks for, counted against the records the plan holds.

It says what is there and what is missing; it never says the person has revalidated
(confirmation, declarations and practice hours are outside the app).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.learning import hours_text, total_hours
from planner.domain.models import Plan, Profile


@dataclass(frozen=True)
class Requirement:
    """One thing the regulator asks for: how much is needed, how much the plan has."""

    label: str
    have: float
    need: float
    unit: str = ""
    note: str = ""

    @property
    def met(self) -> bool:
        return self.have >= self.need

    @property
    def missing(self) -> float:
        return max(self.need - self.have, 0)


@dataclass(frozen=True)
class RevalidationView:
    """The counts for one regulator over one period, with what the app cannot check."""

    regulator: str
    title: str
    start: dt.date | None
    end: dt.date | None
    requirements: tuple[Requirement, ...]
    outside_the_app: tuple[str, ...]
    notice: str = ""  # e.g. "Set your revalidation date in your profile"


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28) + dt.timedelta(days=1)


# The years each record counts, up to the revalidation, appraisal or renewal date.
PERIOD_YEARS = {"nmc": 3, "gmc": 1, "hcpc": 2}


def counted_period(profile: Profile, body: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day ``body``'s record counts: the years up to the profile's
    date, or up to today when none is set."""
    end = profile.revalidation_date or today
    return _years_before(end, PERIOD_YEARS[body]), end


def _within(day: dt.date, start: dt.date, end: dt.date) -> bool:
    return start <= day <= end


def nmc_view(plan: Plan, today: dt.date) -> RevalidationView:
    """The NMC's three-year requirements, counted up to the revalidation date (or to
    today, for the three years just gone, when no date is set)."""
    due = plan.profile.revalidation_date
    start, end = counted_period(plan.profile, "nmc", today)
    learning = [a for a in plan.learning if _within(a.start, start, end)]
    hours = total_hours(a.hours for a in learning)
    participatory = total_hours(a.participatory_hours for a in learning)
    accounts = [r for r in plan.reflections if r.model == "nmc" and _within(r.date, start, end)]
    feedback = [f for f in plan.feedback if _within(f.date, start, end)]
    discussions = [d for d in plan.discussions if _within(d.date, start, end)]
    other_reflections = sum(
        1 for r in plan.reflections if r.model != "nmc" and _within(r.date, start, end)
    )
    requirements = (
        Requirement(
            "Hours of CPD",
            hours,
            35,
            "hours",
            f"from {len(learning)} learning activit{'y' if len(learning) == 1 else 'ies'}",
        ),
        Requirement(
            "Participatory hours of CPD (learning with other professionals)",
            participatory,
            20,
            "hours",
            "part of the 35",
        ),
        Requirement("Pieces of practice-related feedback", len(feedback), 5),
        Requirement(
            "Written reflective accounts on the NMC form",
            len(accounts),
            5,
            note=(
                f"{other_reflections} other reflections in this period can be turned into accounts"
                if other_reflections
                else ""
            ),
        ),
        Requirement("Reflective discussion with another NMC registrant", len(discussions), 1),
    )
    return RevalidationView(
        "nmc",
        "NMC revalidation",
        start,
        end,
        requirements,
        (
            "450 practice hours (900 with a dual registration)",
            "Health and character declaration",
            "Professional indemnity arrangement",
            "Confirmation by your confirmer",
        ),
        notice=""
        if due
        else "Set your revalidation date in your profile to count the right three years.",
    )


def gmc_view(plan: Plan, today: dt.date) -> RevalidationView:
    """The appraisal year ending on the appraisal date (or today): its reflections, CPD
    and feedback, whether the development plan was reviewed, and, over the five-year
    revalidation cycle, feedback from colleagues and from patients."""
    due = plan.profile.revalidation_date
    start, end = counted_period(plan.profile, "gmc", today)
    five_start = _years_before(end, 5)
    reflections = [r for r in plan.reflections if _within(r.date, start, end)]
    learning = [a for a in plan.learning if _within(a.start, start, end)]
    reviews = [r for r in plan.reviews if _within(r.date, start, end)]
    recent = [f for f in plan.feedback if _within(f.date, five_start, end)]
    colleague = [f for f in recent if f.source in ("colleague", "manager", "team", "multi_source")]
    patient = [f for f in recent if f.source in ("patient", "carer")]
    requirements = (
        Requirement("Reflections in the appraisal year", len(reflections), 1),
        Requirement(
            "Learning activities (CPD) in the appraisal year",
            len(learning),
            1,
            note=f"{hours_text(total_hours(a.hours for a in learning))} hours",
        ),
        Requirement("Development plan reviewed with your appraiser or manager", len(reviews), 1),
        Requirement("Colleague feedback in the five-year cycle", len(colleague), 1),
        Requirement("Patient feedback in the five-year cycle", len(patient), 1),
    )
    return RevalidationView(
        "gmc",
        "GMC appraisal",
        start,
        end,
        requirements,
        (
            "Quality improvement activity",
            "Significant events",
            "Compliments and complaints",
            "Your appraiser's sign-off and your responsible officer's recommendation",
        ),
        notice="" if due else "Set your appraisal date in your profile to count the right year.",
    )


def hcpc_view(plan: Plan, today: dt.date) -> RevalidationView:
    """A continuous CPD record over the two years of an HCPC registration."""
    start, end = counted_period(plan.profile, "hcpc", today)
    learning = [a for a in plan.learning if _within(a.start, start, end)]
    methods = {a.method for a in learning}
    requirements = (
        Requirement("Learning activities recorded", len(learning), 1),
        Requirement("Different kinds of learning (a mix of activities)", len(methods), 2),
    )
    return RevalidationView(
        "hcpc",
        "HCPC CPD record",
        start,
        end,
        requirements,
        (
            "If selected for audit: a summary of your practice (up to 500 words) and a "
            "statement of how you met the standards (up to 1,500 words), with evidence",
        ),
    )


VIEWS = {"nmc": nmc_view, "gmc": gmc_view, "hcpc": hcpc_view}


def revalidation_view(plan: Plan, today: dt.date) -> RevalidationView | None:
    """The view for the profile's regulator; None when none applies (not set, other
    or none), so the app shows nothing that does not concern the person."""
    make = VIEWS.get(plan.profile.regulator)
    return make(plan, today) if make else None
