"""Learning activities (CPD), feedback received and reflective discussions: the records
a regulator's revalidation or appraisal asks for, kept beside the leadership plan."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

# Who regulates the user, as the profile records it; the app shows what applies.
REGULATORS: dict[str, str] = {
    "": "Not set",
    "nmc": "Nursing and Midwifery Council (NMC)",
    "gmc": "General Medical Council (GMC)",
    "hcpc": "Health and Care Professions Council (HCPC)",
    "other": "Another regulator",
    "none": "No regulator",
}

# Ways of learning, leadership ones included; the NMC asks for the method of each.
CPD_METHODS: dict[str, str] = {
    "course": "Course",
    "workshop": "Workshop or study day",
    "e_learning": "E-learning",
    "shadowing": "Shadowing",
    "coaching": "Coaching or mentoring",
    "action_learning": "Action learning set",
    "conference": "Conference",
    "reading": "Reading",
    "supervising": "Supervising or teaching others",
    "committee": "Committee or project work",
    "leadership_programme": "Leadership programme",
    "other": "Other",
}

# Feedback comes from a role, never a named patient.
FEEDBACK_SOURCES: dict[str, str] = {
    "colleague": "A colleague",
    "manager": "My manager",
    "team": "My team",
    "patient": "A patient or service user",
    "carer": "A carer or relative",
    "student": "A student or learner",
    "multi_source": "360 or multi-source feedback",
    "other": "Other",
}

MAX_HOURS = 1000.0


def total_hours(values: Iterable[float]) -> float:
    """The sum of hours to the hundredth the app records them in: fifty activities of
    0.7 hours make 35, not 34.99999999999999 (which would never meet the NMC's 35)."""
    return round(math.fsum(values), 2)


def hours_text(value: float) -> str:
    """Hours as people write them: ``6.75``, ``35``, ``1,250.5`` (two places at most)."""
    text = f"{round(value, 2):,.2f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass
class LearningActivity:
    """One piece of CPD: what was done, when, for how long, and what it served.

    ``participatory_hours`` is the part learned with other professionals (the NMC
    counts it separately); ``code_themes`` are keys of ``CODE_THEMES``; ``skills``
    and ``goals`` the skill ids and goal uids it served.
    """

    start: dt.date
    method: str
    topic: str
    hours: float
    participatory_hours: float = 0.0
    end: dt.date | None = None
    relevance: str = ""
    code_themes: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    evidence: str = ""
    uid: str = ""
    id: int | None = None


@dataclass
class FeedbackEntry:
    """Practice-related feedback in the user's words; ``ratings`` holds 360 results per
    skill id (levels of the framework's scale), when the feedback gave them."""

    date: dt.date
    source: str
    summary: str
    response: str = ""  # what the user did with it
    source_role: str = ""  # e.g. "Band 7 sister on nights": a role, never a name
    skills: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    ratings: dict[str, int] = field(default_factory=dict)
    uid: str = ""
    id: int | None = None


@dataclass
class ReflectiveDiscussion:
    """The NMC's reflective discussion with another registrant about the accounts."""

    date: dt.date
    partner_name: str
    partner_pin: str
    note: str = ""
    id: int | None = None
