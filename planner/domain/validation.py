"""Rules a plan must satisfy before anything is written.

Each check returns a list of problems, each a ``"where: what"`` string, so one pass
reports everything wrong at once (a clinician fixing a file wants the whole list).
"""

from __future__ import annotations

import datetime as dt

from planner.domain.models import (
    GOAL_PRIORITIES,
    GOAL_STATUSES,
    Framework,
    Goal,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
)
from planner.domain.reflection_models import REFLECTION_MODELS

MAX_TITLE = 300
MAX_TEXT = 200_000
MAX_PROFILE_TEXT = MAX_TITLE * 10
MAX_ACTION_TEXT = MAX_TITLE * 10
# A framework's word for its parts sits in headings and counts ("9 dimensions").
MAX_PART_WORD = 40


class ValidationError(ValueError):
    """The object breaks one or more rules; ``problems`` lists each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(problems[0] if len(problems) == 1 else "; ".join(problems[:5]))


def _text(problems: list[str], where: str, value: str, *, limit: int = MAX_TEXT) -> None:
    if len(value) > limit:
        problems.append(f"{where}: longer than {limit:,} characters")
    if "\x00" in value:
        problems.append(f"{where}: contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(f"{where}: contains an invalid character (a lone surrogate)")


def check_profile(profile: Profile, where: str = "profile") -> list[str]:
    problems: list[str] = []
    if not profile.name.strip():
        problems.append(f"{where}.name: a name is required")
    for attr in ("name", "role", "profession", "organisation", "manager", "aspiration"):
        _text(problems, f"{where}.{attr}", getattr(profile, attr), limit=MAX_PROFILE_TEXT)
    if profile.period_start and profile.period_end and profile.period_end < profile.period_start:
        problems.append(f"{where}.period_end: before the start of the plan period")
    from planner.domain.learning import REGULATORS

    if profile.regulator not in REGULATORS:
        allowed = ", ".join(k for k in REGULATORS if k)
        problems.append(f"{where}.regulator: must be one of {allowed}")
    return problems


def check_goal(goal: Goal, skill_ids: set[str], where: str = "goal") -> list[str]:
    problems: list[str] = []
    if goal.skill not in skill_ids:
        problems.append(f"{where}.skill: unknown skill {goal.skill!r}")
    if not goal.title.strip():
        problems.append(f"{where}.title: a title is required")
    _text(problems, f"{where}.title", goal.title, limit=MAX_TITLE)
    for attr in ("description", "measure", "support"):
        _text(problems, f"{where}.{attr}", getattr(goal, attr))
    _text(problems, f"{where}.deferred_reason", goal.deferred_reason, limit=MAX_TITLE)
    # Identity and time stamps come from plan files too, so they get the same checks.
    _text(problems, f"{where}.id", goal.uid, limit=MAX_TITLE)
    for attr in ("created", "updated"):
        _text(problems, f"{where}.{attr}", getattr(goal, attr), limit=MAX_TITLE)
    if goal.status not in GOAL_STATUSES:
        problems.append(f"{where}.status: must be one of {', '.join(GOAL_STATUSES)}")
    if goal.priority not in GOAL_PRIORITIES:
        problems.append(f"{where}.priority: must be one of {', '.join(GOAL_PRIORITIES)}")
    for i, action in enumerate(goal.actions):
        if not action.text.strip():
            problems.append(f"{where}.actions[{i}].text: an action needs some text")
        _text(problems, f"{where}.actions[{i}].text", action.text, limit=MAX_ACTION_TEXT)
    for i, entry in enumerate(goal.progress):
        problems.extend(check_progress_entry(entry, f"{where}.progress[{i}]"))
    return problems


def check_progress_entry(entry: ProgressEntry, where: str = "progress") -> list[str]:
    problems = check_progress_percent(entry.percent, f"{where}.percent")
    _text(problems, f"{where}.note", entry.note)
    return problems


def check_progress_percent(percent: object, where: str = "percent") -> list[str]:
    if isinstance(percent, bool) or not isinstance(percent, int):
        return [f"{where}: must be a whole number from 0 to 100"]
    if not 0 <= percent <= 100:
        return [f"{where}: {percent} is outside 0 to 100"]
    return []


def check_assessment(
    assessment: SelfAssessment, skill_ids: set[str], scale_size: int, where: str = "assessment"
) -> list[str]:
    problems: list[str] = []
    if assessment.skill not in skill_ids:
        problems.append(f"{where}.skill: unknown skill {assessment.skill!r}")
    if not 1 <= assessment.level <= scale_size:
        problems.append(f"{where}.level: must be from 1 to {scale_size}")
    if assessment.importance is not None and not 1 <= assessment.importance <= 5:
        problems.append(f"{where}.importance: must be from 1 to 5")
    _text(problems, f"{where}.note", assessment.note)
    return problems


def check_reflection(
    reflection: Reflection, skill_ids: set[str], goal_uids: set[str], where: str = "reflection"
) -> list[str]:
    problems: list[str] = []
    model = REFLECTION_MODELS.get(reflection.model)
    if model is None:
        problems.append(f"{where}.model: must be one of {', '.join(sorted(REFLECTION_MODELS))}")
    else:
        unknown = set(reflection.sections) - set(model.keys())
        for key in sorted(unknown):
            problems.append(f"{where}.{key}: not a section of the {model.id} model")
    if not reflection.title.strip():
        problems.append(f"{where}.title: a title is required")
    _text(problems, f"{where}.title", reflection.title, limit=MAX_TITLE)
    for key, value in reflection.sections.items():
        _text(problems, f"{where}.{key}", value)
    if reflection.skill is not None and reflection.skill not in skill_ids:
        problems.append(f"{where}.skill: unknown skill {reflection.skill!r}")
    if reflection.goal is not None and reflection.goal not in goal_uids:
        problems.append(f"{where}.goal: unknown goal {reflection.goal!r}")
    from planner.domain.reflection_models import CODE_THEMES

    for theme in reflection.themes:
        if theme not in CODE_THEMES:
            problems.append(f"{where}.themes: {theme!r} is not a theme of the NMC Code")
    if reflection.themes and reflection.model != "nmc":
        problems.append(f"{where}.themes: only an NMC reflective account chooses the Code's themes")
    return problems


def check_review(review: Review, where: str = "review") -> list[str]:
    problems: list[str] = []
    for attr in ("reviewer", "notes", "agreed_actions"):
        _text(problems, f"{where}.{attr}", getattr(review, attr))
    if review.next_review is not None and review.next_review < review.date:
        problems.append(f"{where}.next_review: before the date of the review itself")
    return problems


def check_part_word(value: object, where: str) -> list[str]:
    """A framework's word for its parts: short lower-case text on one line."""
    if not isinstance(value, str) or not value.strip():
        return [f"{where}: expected non-empty text"]
    if len(value) > MAX_PART_WORD:
        return [f"{where}: longer than {MAX_PART_WORD} characters"]
    if value != value.strip() or not value.isprintable():
        return [f"{where}: expected one line of text without spaces around it"]
    if value != value.lower():
        return [f"{where}: expected lower case, e.g. 'dimension'"]
    return []


def check_framework_text(framework: Framework, where: str = "framework") -> list[str]:
    """A plan file carries its own copy of the framework: its text must be storable."""
    problems: list[str] = []
    for attr in ("id", "name", "description"):
        _text(problems, f"{where}.{attr}", getattr(framework, attr))
    problems += check_part_word(framework.part_singular, f"{where}.part.singular")
    problems += check_part_word(framework.part_plural, f"{where}.part.plural")
    for i, level in enumerate(framework.scale):
        _text(problems, f"{where}.scale[{i}].label", level.label)
        _text(problems, f"{where}.scale[{i}].descriptor", level.descriptor)
    for i, skill in enumerate(framework.skills):
        at = f"{where}.skills[{i}]"
        for attr in ("id", "name", "description"):
            _text(problems, f"{at}.{attr}", getattr(skill, attr))
        for attr in ("behaviours", "example_goals"):
            for j, value in enumerate(getattr(skill, attr)):
                _text(problems, f"{at}.{attr}[{j}]", value)
    return problems


def check_plan(plan: Plan) -> list[str]:
    """Every rule across a whole plan, with the plan-file path of each problem."""
    problems = check_profile(plan.profile)
    framework = plan.framework
    problems.extend(check_framework_text(framework))
    skill_ids = {s.id for s in framework.skills}
    if not framework.skills:
        problems.append("framework.skills: a framework needs at least one skill")
    if len(skill_ids) != len(framework.skills):
        problems.append("framework.skills: skill ids must be unique")
    if not framework.scale:
        problems.append("framework.scale: a framework needs a rating scale")
    seen_rounds: set[tuple[str, dt.date]] = set()
    for i, assessment in enumerate(plan.assessments):
        where = f"assessments[{i}]"
        problems.extend(check_assessment(assessment, skill_ids, len(framework.scale), where))
        key = (assessment.skill, assessment.date)
        if key in seen_rounds:
            problems.append(f"{where}: {assessment.skill!r} is rated twice on {assessment.date}")
        seen_rounds.add(key)
    uids: set[str] = set()
    for i, goal in enumerate(plan.goals):
        problems.extend(check_goal(goal, skill_ids, f"goals[{i}]"))
        if goal.uid in uids:
            problems.append(f"goals[{i}].id: {goal.uid!r} is used by another goal")
        uids.add(goal.uid)
    for i, reflection in enumerate(plan.reflections):
        problems.extend(check_reflection(reflection, skill_ids, uids, f"reflections[{i}]"))
    for i, review in enumerate(plan.reviews):
        problems.extend(check_review(review, f"reviews[{i}]"))
    problems.extend(_check_cycles(plan, skill_ids))
    from planner.domain.learning_rules import check_discussion, check_feedback, check_learning

    scale = len(framework.scale)
    for i, activity in enumerate(plan.learning):
        problems.extend(check_learning(activity, skill_ids, f"learning[{i}]"))
    for i, entry in enumerate(plan.feedback):
        problems.extend(check_feedback(entry, skill_ids, scale, f"feedback[{i}]"))
    for i, discussion in enumerate(plan.discussions):
        problems.extend(check_discussion(discussion, f"discussions[{i}]"))
    for name, records in (("learning", plan.learning), ("feedback", plan.feedback)):
        seen: set[str] = set()
        for i, record in enumerate(records):
            if record.uid and record.uid in seen:
                problems.append(f"{name}[{i}].id: {record.uid!r} is used twice")
            seen.add(record.uid)
    return problems


def _check_cycles(plan: Plan, skill_ids: set[str]) -> list[str]:
    from planner.domain.cycles import MAX_OUTCOME_NOTE, check_targets

    problems = check_targets(plan.targets, plan.framework)
    cycle_uids: set[str] = set()
    for i, cycle in enumerate(plan.cycles):
        where = f"cycles[{i}]"
        _text(problems, f"{where}.id", cycle.uid, limit=MAX_TITLE)
        if not cycle.uid.strip():
            problems.append(f"{where}.id: required")
        elif cycle.uid in cycle_uids:
            problems.append(f"{where}.id: {cycle.uid!r} is used by another cycle")
        cycle_uids.add(cycle.uid)
        if cycle.start and cycle.start > cycle.end:
            problems.append(f"{where}: the cycle ends before it starts")
        # A closed cycle may name a skill the framework has since dropped: its
        # record stands as it was; only the levels must be sensible.
        for skill, level in cycle.targets.items():
            _text(problems, f"{where}.targets", skill, limit=MAX_TITLE)
            if not 1 <= level <= len(plan.framework.scale):
                problems.append(f"{where}.targets.{skill}: not a level of the scale")
        outcome_goals: set[str] = set()
        for j, outcome in enumerate(cycle.outcomes):
            at = f"{where}.outcomes[{j}]"
            for attr in ("goal", "title", "skill"):
                _text(problems, f"{at}.{attr}", getattr(outcome, attr), limit=MAX_TITLE)
            _text(problems, f"{at}.note", outcome.note, limit=MAX_OUTCOME_NOTE)
            if outcome.goal in outcome_goals:
                problems.append(f"{at}.goal: {outcome.goal!r} has another outcome in this cycle")
            outcome_goals.add(outcome.goal)
    for i, goal in enumerate(plan.goals):
        if goal.closed_cycle is not None and goal.closed_cycle not in cycle_uids:
            problems.append(f"goals[{i}].closed_cycle: no cycle has the id {goal.closed_cycle!r}")
    return problems
