"""Rules for learning activities, feedback and reflective discussions, checked before
anything is written (the same ``"where: what"`` problems as ``validation``)."""

from __future__ import annotations

from planner.domain.learning import (
    CPD_METHODS,
    FEEDBACK_SOURCES,
    MAX_HOURS,
    FeedbackEntry,
    LearningActivity,
    ReflectiveDiscussion,
    hours_text,
)
from planner.domain.reflection_models import CODE_THEMES
from planner.domain.validation import MAX_TITLE, _text


def _links(problems, where, skills, goals, skill_ids) -> None:
    for skill in skills:
        if skill not in skill_ids:
            problems.append(f"{where}.skills: unknown skill {skill!r}")
    # A goal deleted since keeps its mention: the record stands as it was written.
    for goal in goals:
        _text(problems, f"{where}.goals", goal, limit=MAX_TITLE)


def check_learning(
    activity: LearningActivity,
    skill_ids: set[str],
    where: str = "learning",
) -> list[str]:
    problems: list[str] = []
    if activity.method not in CPD_METHODS:
        problems.append(f"{where}.method: must be one of {', '.join(CPD_METHODS)}")
    if not activity.topic.strip():
        problems.append(f"{where}.topic: say what the learning was about")
    _text(problems, f"{where}.topic", activity.topic, limit=MAX_TITLE)
    for attr in ("relevance", "evidence"):
        _text(problems, f"{where}.{attr}", getattr(activity, attr))
    hours_ok = True
    for attr in ("hours", "participatory_hours"):
        value = getattr(activity, attr)
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            problems.append(f"{where}.{attr}: must be a number of hours")
            hours_ok = False
        elif not 0 <= value <= MAX_HOURS:
            problems.append(f"{where}.{attr}: must be from 0 to {MAX_HOURS:g} hours")
            hours_ok = False
    # Hours that would show as 0 (a file may hold 1e-320) are no time either.
    if hours_ok and round(activity.hours, 2) == 0:
        problems.append(f"{where}.hours: an activity takes some time (more than 0 hours)")
    elif hours_ok and activity.participatory_hours > activity.hours:
        problems.append(
            f"{where}.participatory_hours: more than the activity's "
            f"{hours_text(activity.hours)} hours"
        )
    if activity.end is not None and activity.end < activity.start:
        problems.append(f"{where}.end: before the activity started")
    for theme in activity.code_themes:
        if theme not in CODE_THEMES:
            problems.append(f"{where}.code_themes: {theme!r} is not a theme of the NMC Code")
    _links(problems, where, activity.skills, activity.goals, skill_ids)
    _text(problems, f"{where}.id", activity.uid, limit=MAX_TITLE)
    return problems


def check_feedback(
    entry: FeedbackEntry,
    skill_ids: set[str],
    scale_size: int,
    where: str = "feedback",
) -> list[str]:
    problems: list[str] = []
    if entry.source not in FEEDBACK_SOURCES:
        problems.append(f"{where}.source: must be one of {', '.join(FEEDBACK_SOURCES)}")
    if not entry.summary.strip():
        problems.append(f"{where}.summary: say what the feedback was, in your words")
    _text(problems, f"{where}.summary", entry.summary)
    _text(problems, f"{where}.response", entry.response)
    _text(problems, f"{where}.source_role", entry.source_role, limit=MAX_TITLE)
    for skill, level in entry.ratings.items():
        if skill not in skill_ids:
            problems.append(f"{where}.ratings: unknown skill {skill!r}")
        elif isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= scale_size:
            problems.append(f"{where}.ratings.{skill}: must be a level from 1 to {scale_size}")
    _links(problems, where, entry.skills, entry.goals, skill_ids)
    _text(problems, f"{where}.id", entry.uid, limit=MAX_TITLE)
    return problems


def check_discussion(discussion: ReflectiveDiscussion, where: str = "discussion") -> list[str]:
    problems: list[str] = []
    if not discussion.partner_name.strip():
        problems.append(f"{where}.partner_name: the other registrant's name is required")
    if not discussion.partner_pin.strip():
        problems.append(f"{where}.partner_pin: the other registrant's NMC PIN is required")
    _text(problems, f"{where}.partner_name", discussion.partner_name, limit=MAX_TITLE)
    _text(problems, f"{where}.partner_pin", discussion.partner_pin, limit=40)
    _text(problems, f"{where}.note", discussion.note)
    return problems
