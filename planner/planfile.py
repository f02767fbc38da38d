"""The portable plan file (JSON): validate, read and write.

The format is a contract other tools build on (see docs/plan-format.md). Reading
checks the whole document and reports every problem with its place before anything
is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
import uuid
from pathlib import Path
from typing import Any

from planner.domain.learning import (
    CPD_METHODS,
    FEEDBACK_SOURCES,
    REGULATORS,
    FeedbackEntry,
    LearningActivity,
    ReflectiveDiscussion,
)
from planner.domain.models import (
    GOAL_OUTCOMES,
    GOAL_PRIORITIES,
    GOAL_STATUSES,
    Cycle,
    Goal,
    GoalAction,
    GoalOutcome,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    ReviewLink,
    SelfAssessment,
)
from planner.domain.reflection_models import DEFAULT_REFLECTION_MODEL, REFLECTION_MODELS
from planner.domain.review_actions import agreed_lines
from planner.domain.validation import check_plan
from planner.files import write_atomically
from planner.frameworks import framework_from_dict, framework_to_dict

FORMAT = "leadership-plan"
# Version 2 added plan cycles (targets, closed cycles, each goal's closed cycle);
# version 1 files are still read, as a plan with one cycle.
VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_FILE_BYTES = 512 * 1024 * 1024
# Exactly YYYY-MM-DD: date.fromisoformat alone also takes week dates (2026-W24-1)
# and basic forms (20260615T0), which the format does not allow.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
PROFILE_FIELDS = ("name", "role", "profession", "organisation", "manager", "aspiration")


class PlanFileError(ValueError):
    """The file cannot be used; ``problems`` lists each ``where: what``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(shown + more)


# -- writing ---------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def plan_to_dict(plan: Plan, *, exported_at: str | None = None) -> dict[str, Any]:
    """The plan as a version-2 document, in canonical order."""
    profile = plan.profile
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at
        or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "profile": {
            **{f: getattr(profile, f) for f in PROFILE_FIELDS},
            "period_start": _iso(profile.period_start),
            "period_end": _iso(profile.period_end),
            "regulator": profile.regulator,
            "revalidation_date": _iso(profile.revalidation_date),
        },
        "framework": framework_to_dict(plan.framework),
        "assessments": [
            {
                "skill": a.skill,
                "date": _iso(a.date),
                "level": a.level,
                "importance": a.importance,
                "note": a.note,
            }
            for a in plan.assessments
        ],
        "goals": [
            {
                "id": g.uid,
                "skill": g.skill,
                "title": g.title,
                "description": g.description,
                "measure": g.measure,
                "support": g.support,
                "target_date": _iso(g.target_date),
                "status": g.status,
                "deferred_reason": g.deferred_reason,
                "priority": g.priority,
                "created": g.created,
                "updated": g.updated,
                "closed_cycle": g.closed_cycle,
                **_marks(g),
                "actions": [
                    {"text": a.text, "due": _iso(a.due), "done": a.done} for a in g.actions
                ],
                "progress": [
                    {"date": _iso(e.date), "percent": e.percent, "note": e.note} for e in g.progress
                ],
            }
            for g in plan.goals
        ],
        "reflections": [
            {
                "date": _iso(r.date),
                "skill": r.skill,
                "goal": r.goal,
                "title": r.title,
                "model": r.model,
                **r.sections,
                "private": r.private,
                "themes": list(r.themes),
            }
            for r in plan.reflections
        ],
        "reviews": [
            {
                "date": _iso(r.date),
                "reviewer": r.reviewer,
                "notes": r.notes,
                "agreed_actions": r.agreed_actions,
                "next_review": _iso(r.next_review),
                **_links_to_dict(r),
            }
            for r in plan.reviews
        ],
        "targets": dict(plan.targets),
        "cycles": [
            {
                "id": c.uid,
                "start": _iso(c.start),
                "end": _iso(c.end),
                "closed_on": _iso(c.closed_on),
                "targets": dict(c.targets),
                "outcomes": [
                    {
                        "goal": o.goal,
                        "title": o.title,
                        "skill": o.skill,
                        "outcome": o.outcome,
                        "note": o.note,
                        "carried_forward": o.carried_forward,
                    }
                    for o in c.outcomes
                ],
            }
            for c in plan.cycles
        ],
        "learning": [
            {
                "id": a.uid,
                "start": _iso(a.start),
                "end": _iso(a.end),
                "method": a.method,
                "topic": a.topic,
                "relevance": a.relevance,
                "hours": _hours(a.hours),
                "participatory_hours": _hours(a.participatory_hours),
                "code_themes": list(a.code_themes),
                "skills": list(a.skills),
                "goals": list(a.goals),
                "evidence": a.evidence,
            }
            for a in plan.learning
        ],
        "feedback": [
            {
                "id": f.uid,
                "date": _iso(f.date),
                "source": f.source,
                "source_role": f.source_role,
                "summary": f.summary,
                "response": f.response,
                "skills": list(f.skills),
                "goals": list(f.goals),
                "ratings": dict(f.ratings),
            }
            for f in plan.feedback
        ],
        "discussions": [
            {
                "date": _iso(d.date),
                "partner_name": d.partner_name,
                "partner_pin": d.partner_pin,
                "note": d.note,
            }
            for d in plan.discussions
        ],
    }


def _marks(goal: Goal) -> dict[str, bool]:
    # Written only when set, so a plan without them exports as it always did.
    marks = {"inclusion_objective": goal.inclusion_objective, "wellbeing_goal": goal.wellbeing_goal}
    return {key: True for key, value in marks.items() if value}


def _links_to_dict(review: Review) -> dict[str, list]:
    if not review.links:
        return {}
    return {
        "links": [
            {"line": link.line, "goal": link.goal, "action": link.action} for link in review.links
        ]
    }


def _hours(value: float) -> float | int:
    # 2 hours is written 2, not 2.0, so a file typed by hand reads back as typed.
    return int(value) if float(value).is_integer() else value


def dumps(plan: Plan, *, exported_at: str | None = None) -> str:
    return (
        json.dumps(plan_to_dict(plan, exported_at=exported_at), ensure_ascii=False, indent=2) + "\n"
    )


def write(plan: Plan, path: Path) -> None:
    write_atomically(path, dumps(plan).encode("utf-8"))


# -- reading ---------------------------------------------------------------------


class _Reader:
    """Pulls typed values out of parsed JSON, noting each problem with its path."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def obj(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            self.problem(where, "expected an object")
            return {}
        return value

    def items(self, data: dict, key: str, where: str) -> list:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem(f"{where}{key}", "expected a list")
            return []
        return value

    def text(self, data: dict, key: str, where: str, *, required=False) -> str:
        value = data.get(key, "")
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            self.problem(f"{where}.{key}", "expected text")
            return ""
        if required and not value.strip():
            self.problem(f"{where}.{key}", "required")
        return value

    def opt_text(self, data: dict, key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.problem(f"{where}.{key}", "expected text or null")
            return None
        return value

    def date(self, data: dict, key: str, where: str, *, required=False) -> dt.date | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(f"{where}.{key}", "a date (YYYY-MM-DD) is required")
            return None
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(f"{where}.{key}", "not a date (expected YYYY-MM-DD)")
        return None

    def integer(self, data: dict, key: str, where: str, *, required=True) -> int | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"{where}.{key}", "expected a whole number")
            return None
        return value

    def boolean(self, data: dict, key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem(f"{where}.{key}", "expected true or false")
            return False
        return value

    def choice(self, data: dict, key: str, where: str, options: tuple, default: str) -> str:
        value = data.get(key, default)
        if value not in options:
            self.problem(f"{where}.{key}", f"must be one of {', '.join(options)}")
            return default
        return value


def plan_from_dict(data: Any) -> Plan:
    """Builds a Plan from a parsed plan file.

    Raises:
        PlanFileError: listing every problem, with its place in the file.
    """
    r = _Reader()
    if not isinstance(data, dict):
        raise PlanFileError(["the file does not hold a JSON object"])
    if data.get("format") != FORMAT:
        raise PlanFileError([f"format: expected {FORMAT!r}; this is not a plan file"])
    version = data.get("version")
    # type() rather than ==, which would also let true and 1.0 through as version 1.
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise PlanFileError(
            [f"version: this app reads version 1 and 2 plan files, not {version!r}"]
        )

    raw_profile = r.obj(data.get("profile"), "profile")
    profile = Profile(
        **{f: r.text(raw_profile, f, "profile", required=(f == "name")) for f in PROFILE_FIELDS},
        period_start=r.date(raw_profile, "period_start", "profile"),
        period_end=r.date(raw_profile, "period_end", "profile"),
        regulator=r.choice(raw_profile, "regulator", "profile", tuple(REGULATORS), ""),
        revalidation_date=r.date(raw_profile, "revalidation_date", "profile"),
    )

    raw_framework = data.get("framework")
    framework = None
    if isinstance(raw_framework, dict):
        framework, fw_problems = framework_from_dict(raw_framework, full=False)
        # Give each problem its full place in the plan file ("framework.skills[1].id").
        r.problems += [p if p.startswith("framework.") else f"framework.{p}" for p in fw_problems]
    else:
        r.problem("framework", "expected an object with the plan's skills")

    assessments = []
    for i, raw in enumerate(r.items(data, "assessments", "")):
        where = f"assessments[{i}]"
        raw = r.obj(raw, where)
        level = r.integer(raw, "level", where)
        assessments.append(
            SelfAssessment(
                skill=r.text(raw, "skill", where, required=True),
                date=r.date(raw, "date", where, required=True),
                level=level if level is not None else 1,
                importance=r.integer(raw, "importance", where, required=False),
                note=r.text(raw, "note", where),
            )
        )

    goals = [
        _goal(r, raw, f"goals[{i}]", version)
        for i, raw in enumerate(r.items(data, "goals", ""))
    ]
    reflections = [
        _reflection(r, raw, f"reflections[{i}]")
        for i, raw in enumerate(r.items(data, "reflections", ""))
    ]
    reviews = []
    for i, raw in enumerate(r.items(data, "reviews", "")):
        where = f"reviews[{i}]"
        raw = r.obj(raw, where)
        reviews.append(
            Review(
                date=r.date(raw, "date", where, required=True),
                reviewer=r.text(raw, "reviewer", where),
                notes=r.text(raw, "notes", where),
                agreed_actions=r.text(raw, "agreed_actions", where),
                next_review=r.date(raw, "next_review", where),
                links=_review_links(r, raw, where) if version >= 2 else (),
            )
        )

    targets: dict[str, int] = {}
    cycles: list[Cycle] = []
    learning, feedback, discussions = [], [], []
    if version >= 2:
        learning = [
            _learning(r, raw, f"learning[{i}]")
            for i, raw in enumerate(r.items(data, "learning", ""))
        ]
        feedback = [
            _feedback(r, raw, f"feedback[{i}]")
            for i, raw in enumerate(r.items(data, "feedback", ""))
        ]
        discussions = [
            _discussion(r, raw, f"discussions[{i}]")
            for i, raw in enumerate(r.items(data, "discussions", ""))
        ]
        targets = _targets(r, data.get("targets", {}), "targets")
        cycles = [
            _cycle(r, raw, f"cycles[{i}]") for i, raw in enumerate(r.items(data, "cycles", ""))
        ]

    _check_links(r, reviews, goals)
    if r.problems or framework is None:
        raise PlanFileError(r.problems or ["framework: missing"])
    plan = Plan(
        profile,
        framework,
        assessments,
        goals,
        reflections,
        reviews,
        targets=targets,
        cycles=cycles,
        learning=learning,
        feedback=feedback,
        discussions=discussions,
    )
    problems = check_plan(plan)
    if problems:
        raise PlanFileError(problems)
    return plan


def _review_links(r: _Reader, raw: dict, where: str) -> tuple[ReviewLink, ...]:
    links = []
    for j, link in enumerate(r.items(raw, "links", f"{where}.")):
        w = f"{where}.links[{j}]"
        link = r.obj(link, w)
        action = r.integer(link, "action", w, required=False)
        if action is not None and action < 0:
            r.problem(f"{w}.action", "expected a place in the goal's actions, from 0")
        links.append(
            ReviewLink(
                line=r.text(link, "line", w, required=True),
                goal=r.text(link, "goal", w, required=True).strip(),
                action=action,
            )
        )
    return tuple(links)


def _check_links(r: _Reader, reviews: list[Review], goals: list[Goal]) -> None:
    """Each link names one of its review's agreed lines, once, and an action its goal
    has; a link to a goal not in the file (deleted since) keeps no action."""
    actions = {goal.uid: len(goal.actions) for goal in goals}
    for i, review in enumerate(reviews):
        lines = set(agreed_lines(review))
        seen: set[str] = set()
        kept = []
        for j, link in enumerate(review.links):
            w = f"reviews[{i}].links[{j}]"
            if link.line not in lines:
                r.problem(f"{w}.line", "not one of the review's agreed actions")
            elif link.line in seen:
                r.problem(f"{w}.line", "this agreed action is linked twice")
            seen.add(link.line)
            count = actions.get(link.goal)
            if count is None:
                link = ReviewLink(link.line, link.goal)
            elif link.action is not None and link.action >= count:
                r.problem(f"{w}.action", f"the goal has no action {link.action}")
            kept.append(link)
        review.links = tuple(kept)


def _texts(r: _Reader, data: dict, key: str, where: str) -> tuple[str, ...]:
    values = data.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        r.problem(f"{where}.{key}", "expected a list of text")
        return ()
    return tuple(values)


def _number(r: _Reader, data: dict, key: str, where: str) -> float:
    value = data.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        r.problem(f"{where}.{key}", "expected a number of hours")
        return 0.0
    return float(value)


def _learning(r: _Reader, raw: Any, where: str) -> LearningActivity:
    raw = r.obj(raw, where)
    hours = _number(r, raw, "hours", where)
    participatory = _number(r, raw, "participatory_hours", where)
    if hours < participatory and round(participatory, 2) == round(hours, 2):
        # A program's sum (0.1 + 0.2 of 0.3 hours) is the same hours: the database
        # holds participatory hours to at most the hours.
        participatory = hours
    return LearningActivity(
        uid=r.text(raw, "id", where).strip() or uuid.uuid4().hex,
        start=r.date(raw, "start", where, required=True),
        end=r.date(raw, "end", where),
        method=r.choice(raw, "method", where, tuple(CPD_METHODS), "other"),
        topic=r.text(raw, "topic", where, required=True),
        relevance=r.text(raw, "relevance", where),
        hours=hours,
        participatory_hours=participatory,
        code_themes=_texts(r, raw, "code_themes", where),
        skills=_texts(r, raw, "skills", where),
        goals=_texts(r, raw, "goals", where),
        evidence=r.text(raw, "evidence", where),
    )


def _feedback(r: _Reader, raw: Any, where: str) -> FeedbackEntry:
    raw = r.obj(raw, where)
    return FeedbackEntry(
        uid=r.text(raw, "id", where).strip() or uuid.uuid4().hex,
        date=r.date(raw, "date", where, required=True),
        source=r.choice(raw, "source", where, tuple(FEEDBACK_SOURCES), "other"),
        source_role=r.text(raw, "source_role", where),
        summary=r.text(raw, "summary", where, required=True),
        response=r.text(raw, "response", where),
        skills=_texts(r, raw, "skills", where),
        goals=_texts(r, raw, "goals", where),
        ratings=_targets(r, raw.get("ratings", {}), f"{where}.ratings"),
    )


def _discussion(r: _Reader, raw: Any, where: str) -> ReflectiveDiscussion:
    raw = r.obj(raw, where)
    return ReflectiveDiscussion(
        date=r.date(raw, "date", where, required=True),
        partner_name=r.text(raw, "partner_name", where, required=True),
        partner_pin=r.text(raw, "partner_pin", where, required=True),
        note=r.text(raw, "note", where),
    )


def _targets(r: _Reader, raw: Any, where: str) -> dict[str, int]:
    raw = r.obj(raw, where)
    targets = {}
    for skill, level in raw.items():
        if isinstance(level, bool) or not isinstance(level, int):
            r.problem(f"{where}.{skill}", "expected a level (a whole number)")
        else:
            targets[skill] = level
    return targets


def _cycle(r: _Reader, raw: Any, where: str) -> Cycle:
    raw = r.obj(raw, where)
    outcomes = []
    for j, o in enumerate(r.items(raw, "outcomes", f"{where}.")):
        w = f"{where}.outcomes[{j}]"
        o = r.obj(o, w)
        outcomes.append(
            GoalOutcome(
                goal=r.text(o, "goal", w, required=True),
                title=r.text(o, "title", w, required=True),
                skill=r.text(o, "skill", w, required=True),
                outcome=r.choice(o, "outcome", w, GOAL_OUTCOMES, "not_met"),
                note=r.text(o, "note", w),
                carried_forward=r.boolean(o, "carried_forward", w),
            )
        )
    end = r.date(raw, "end", where, required=True)
    closed_on = r.date(raw, "closed_on", where, required=True)
    return Cycle(
        uid=r.text(raw, "id", where, required=True),
        start=r.date(raw, "start", where),
        end=end or dt.date.min,
        closed_on=closed_on or dt.date.min,
        targets=_targets(r, raw.get("targets", {}), f"{where}.targets"),
        outcomes=outcomes,
    )


def _goal(r: _Reader, raw: Any, where: str, version: int) -> Goal:
    raw = r.obj(raw, where)
    actions = []
    for j, a in enumerate(r.items(raw, "actions", f"{where}.")):
        w = f"{where}.actions[{j}]"
        a = r.obj(a, w)
        actions.append(
            GoalAction(
                text=r.text(a, "text", w, required=True),
                due=r.date(a, "due", w),
                done=r.boolean(a, "done", w),
            )
        )
    progress = []
    for j, p in enumerate(r.items(raw, "progress", f"{where}.")):
        w = f"{where}.progress[{j}]"
        p = r.obj(p, w)
        percent = r.integer(p, "percent", w)
        progress.append(
            ProgressEntry(
                date=r.date(p, "date", w, required=True),
                percent=percent if percent is not None else 0,
                note=r.text(p, "note", w),
            )
        )
    uid = r.text(raw, "id", where)
    return Goal(
        uid=uid.strip() or uuid.uuid4().hex,
        skill=r.text(raw, "skill", where, required=True),
        title=r.text(raw, "title", where, required=True),
        description=r.text(raw, "description", where),
        measure=r.text(raw, "measure", where),
        support=r.text(raw, "support", where),
        target_date=r.date(raw, "target_date", where),
        status=r.choice(raw, "status", where, GOAL_STATUSES, "not_started"),
        deferred_reason=r.text(raw, "deferred_reason", where),
        priority=r.choice(raw, "priority", where, GOAL_PRIORITIES, "medium"),
        created=r.text(raw, "created", where),
        updated=r.text(raw, "updated", where),
        actions=actions,
        progress=progress,
        closed_cycle=r.opt_text(raw, "closed_cycle", where) if version >= 2 else None,
        inclusion_objective=version >= 2 and r.boolean(raw, "inclusion_objective", where),
        wellbeing_goal=version >= 2 and r.boolean(raw, "wellbeing_goal", where),
    )


def _reflection(r: _Reader, raw: Any, where: str) -> Reflection:
    raw = r.obj(raw, where)
    model_id = r.choice(raw, "model", where, tuple(REFLECTION_MODELS), DEFAULT_REFLECTION_MODEL)
    model = REFLECTION_MODELS[model_id]
    return Reflection(
        date=r.date(raw, "date", where, required=True),
        title=r.text(raw, "title", where, required=True),
        model=model_id,
        # Only the sections the file holds, so a reflection saved with some sections
        # left out comes back exactly as it was exported.
        sections={s.key: r.text(raw, s.key, where) for s in model.sections if s.key in raw},
        skill=r.opt_text(raw, "skill", where),
        goal=r.opt_text(raw, "goal", where),
        private=r.boolean(raw, "private", where),
        themes=_texts(r, raw, "themes", where),
    )


class _DuplicateKey(ValueError):
    pass


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Python keeps the last of two equal keys; another reader may keep the first. A
    # file saying both "private": true and "private": false must not be guessed at.
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def loads(text: str) -> Plan:
    try:
        data = json.loads(text, object_pairs_hook=_json_object)
    except _DuplicateKey as exc:
        raise PlanFileError(
            [f"the key {str(exc)!r} appears twice in one object; a plan file must say "
             "each thing once"]
        ) from None
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            [f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"]
        ) from None
    except RecursionError:
        raise PlanFileError(["the JSON is nested too deeply"]) from None
    except ValueError as exc:
        # e.g. a number thousands of digits long, which Python refuses to convert
        raise PlanFileError([f"not a usable plan file ({exc})"]) from None
    return plan_from_dict(data)


def _plan_file_in_pdf(raw: bytes, path: Path) -> bytes:
    if not raw.startswith(b"%PDF-"):
        raise PlanFileError([f"{path.name}: not a PDF (or damaged beyond reading)"])
    from planner.plan_attachment import AttachmentError, plan_file_in

    try:
        return plan_file_in(raw)
    except AttachmentError as exc:
        raise PlanFileError([f"{path.name}: {exc}"]) from None


def read(path: Path) -> Plan:
    """Reads and validates a plan file, or the plan a development plan PDF carries
    (its ``plan.json`` attachment, read through the same checks).

    Raises:
        PlanFileError: the file is unreadable or invalid; nothing has been written.
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            # A device reads for ever (/dev/zero) and a pipe waits for a writer.
            raise PlanFileError([f"{path}: not a file (a device or a pipe)"])
        if info.st_size > MAX_FILE_BYTES:
            raise PlanFileError([f"{path.name}: larger than 512 MB; not a plan file"])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise PlanFileError([f"{path}: is a folder, not a plan file"]) from None
    except PermissionError:
        raise PlanFileError([f"{path}: permission denied"]) from None
    except OSError as exc:
        raise PlanFileError([f"{path}: cannot be read ({exc.strerror or exc})"]) from None
    if raw.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
        raw = _plan_file_in_pdf(raw, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanFileError([f"{path.name}: not UTF-8 text"]) from None
    return loads(text)
