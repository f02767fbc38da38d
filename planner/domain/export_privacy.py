"""What an export holds: the entries of a plan that still look as if they identify
someone, as an export lists them (kind, title, date; never the text), and the plan as
one copy shows it (chosen skills, private reflections or not, chosen entries left out)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterator
from typing import NamedTuple

from planner.domain.models import Plan
from planner.domain.privacy import find_identifiers

# The kinds of entry the check reads, in the order an export lists them.
GOAL, PROGRESS, ASSESSMENT, REFLECTION, REVIEW = (
    "goal",
    "progress",
    "assessment",
    "reflection",
    "review",
)
KIND_LABELS = {
    GOAL: "Goal",
    PROGRESS: "Progress note",
    ASSESSMENT: "Self-assessment note",
    REFLECTION: "Reflection",
    REVIEW: "Review",
}

MASK = "•••"


class EntryKey(NamedTuple):
    """Which entry: its kind and its id in the store."""

    kind: str
    id: int


@dataclasses.dataclass(frozen=True)
class FlaggedEntry:
    """An entry whose text trips the identifier check.

    ``title`` never holds what was found: an identifier in the title itself is masked.
    ``found`` names the kinds of identifier (e.g. "NHS number"), not the text.
    """

    kind: str
    id: int
    title: str
    date: dt.date | None
    found: tuple[str, ...]
    skill: str | None = None
    private: bool = False
    goal_id: int | None = None  # the goal a progress note belongs to

    @property
    def key(self) -> EntryKey:
        return EntryKey(self.kind, self.id)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def in_export(self, include_private: bool, skills: Collection[str] | None) -> bool:
        """Whether an export with these options prints the entry (as the PDF chooses)."""
        return shown(self.skill, self.private, include_private, skills)


def shown(
    skill: str | None, private: bool, include_private: bool, skills: Collection[str] | None
) -> bool:
    """Whether an export prints an entry about ``skill``: private ones only when asked
    for; with a choice of skills, entries about other skills are left out and those
    about no particular skill stay."""
    if private and not include_private:
        return False
    return skills is None or skill is None or skill in skills


def mask_identifiers(text: str) -> str:
    """``text`` with every likely identifier replaced by a mask."""
    for hint in find_identifiers(text):
        text = text.replace(hint.text, MASK)
    return text


def _found(*texts: str) -> tuple[str, ...]:
    kinds: set[str] = set()
    for text in texts:
        if text:
            kinds.update(hint.kind for hint in find_identifiers(text))
    return tuple(sorted(kinds))


def _entries(plan: Plan) -> Iterator[FlaggedEntry]:
    skill_names = {s.id: s.name for s in plan.framework.skills}
    # A closed cycle's record of a goal (its title then, a line of why) travels in an
    # export's plan file and goes when the goal is left out: it is checked with it.
    outcome_texts: dict[str, list[str]] = {}
    for cycle in plan.cycles:
        for outcome in cycle.outcomes:
            outcome_texts.setdefault(outcome.goal, []).extend((outcome.title, outcome.note))
    for goal in plan.goals:
        texts = [a.text for a in goal.actions] + outcome_texts.get(goal.uid, [])
        found = _found(goal.title, goal.description, goal.measure, goal.support, *texts)
        if found and goal.id is not None:
            created = dt.date.fromisoformat(goal.created[:10]) if goal.created else None
            yield FlaggedEntry(
                GOAL, goal.id, mask_identifiers(goal.title), created, found, goal.skill
            )
        for entry in goal.progress:
            found = _found(entry.note)
            if found and entry.id is not None:
                title = f"{mask_identifiers(goal.title)} ({entry.percent}%)"
                yield FlaggedEntry(
                    PROGRESS, entry.id, title, entry.date, found, goal.skill, goal_id=goal.id
                )
    for rating in plan.assessments:
        found = _found(rating.note)
        if found and rating.id is not None:
            title = skill_names.get(rating.skill, rating.skill)
            yield FlaggedEntry(ASSESSMENT, rating.id, title, rating.date, found, rating.skill)
    for reflection in plan.reflections:
        found = _found(reflection.title, *reflection.sections.values())
        if found and reflection.id is not None:
            yield FlaggedEntry(
                REFLECTION,
                reflection.id,
                mask_identifiers(reflection.title),
                reflection.date,
                found,
                reflection.skill,
                reflection.private,
            )
    for review in plan.reviews:
        found = _found(review.reviewer, review.notes, review.agreed_actions)
        if found and review.id is not None:
            title = "Review"
            if review.reviewer:
                title = f"Review with {mask_identifiers(review.reviewer)}"
            yield FlaggedEntry(REVIEW, review.id, title, review.date, found)


def flagged_entries(plan: Plan) -> list[FlaggedEntry]:
    """Every saved entry of ``plan`` whose text may identify a patient or colleague.

    Only entries with a store id are listed (a plan read from the store has them all).
    """
    return list(_entries(plan))


def entry_to_dict(entry: FlaggedEntry) -> dict:
    """The entry as plain JSON values (what ``privacy --json`` prints)."""
    data = dataclasses.asdict(entry)
    data["date"] = entry.date.isoformat() if entry.date else None
    data["found"] = list(entry.found)
    return data


def entry_from_dict(data: dict) -> FlaggedEntry:
    """The entry ``entry_to_dict`` made."""
    date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
    return FlaggedEntry(**{**data, "date": date, "found": tuple(data["found"])})


def without_entries(plan: Plan, left_out: Collection[EntryKey]) -> Plan:
    """A copy of ``plan`` without the entries in ``left_out``; ``plan`` is unchanged.

    Goals, progress notes, reflections and reviews are dropped whole; a self-assessment
    keeps its rating and loses its note, so the ratings chart still adds up. A goal
    left out takes with it a closed cycle's record of its outcome, which names it.
    """
    keys = set(left_out)
    if not keys:
        return plan

    def kept(kind: str, item) -> bool:
        return EntryKey(kind, item.id) not in keys

    goals = [
        dataclasses.replace(g, progress=[e for e in g.progress if kept(PROGRESS, e)])
        for g in plan.goals
        if kept(GOAL, g)
    ]
    assessments = [
        a if kept(ASSESSMENT, a) else dataclasses.replace(a, note="") for a in plan.assessments
    ]
    gone = {g.uid for g in plan.goals if not kept(GOAL, g)}
    cycles = [
        dataclasses.replace(c, outcomes=[o for o in c.outcomes if o.goal not in gone])
        for c in plan.cycles
    ]
    return dataclasses.replace(
        plan,
        goals=goals,
        assessments=assessments,
        cycles=cycles,
        reflections=[r for r in plan.reflections if kept(REFLECTION, r)],
        reviews=[r for r in plan.reviews if kept(REVIEW, r)],
    )


def exported_plan(
    plan: Plan,
    *,
    include_private: bool = False,
    skills: Collection[str] | None = None,
    leave_out: Collection[EntryKey] = (),
) -> Plan:
    """The plan as one exported copy holds it; ``plan`` is unchanged.

    The entries in ``leave_out`` go (see ``without_entries``); private reflections go
    unless included; with a choice of ``skills``, the goals and self-ratings of other
    skills go, and reflections about them, as the PDF leaves them out. The profile, the
    framework (every skill, so the copy reads back as a whole plan) and the reviews stay.
    A reflection's or a review's link to a goal that is not in the copy is dropped with
    the goal, and so is a closed cycle's record of that goal's outcome (which names
    it); the outcome of a goal deleted since stays, its identifiers masked; targets
    follow the skills.
    """
    in_plan = {g.uid for g in plan.goals}
    plan = without_entries(plan, leave_out)
    chosen = None if skills is None else set(skills)
    goals = [g for g in plan.goals if chosen is None or g.skill in chosen]
    uids = {g.uid for g in goals}

    def kept(skill: str) -> bool:
        return chosen is None or skill in chosen

    # An outcome whose goal was since deleted stands as the cycle's record of it; no
    # check can list it to be left out (it has no entry of its own), so whatever in
    # it looks like an identifier is masked.
    cycles = [
        dataclasses.replace(
            c,
            targets={k: v for k, v in c.targets.items() if kept(k)},
            outcomes=[
                o
                if o.goal in uids
                else dataclasses.replace(
                    o, title=mask_identifiers(o.title), note=mask_identifiers(o.note)
                )
                for o in c.outcomes
                if kept(o.skill) and (o.goal in uids or o.goal not in in_plan)
            ],
        )
        for c in plan.cycles
    ]
    reflections = [
        r if r.goal is None or r.goal in uids else dataclasses.replace(r, goal=None)
        for r in plan.reflections
        if shown(r.skill, r.private, include_private, chosen)
    ]
    # Likewise a review's link to a goal left out of the copy; one whose goal was
    # deleted before stays, so the copy too says what became of that line.
    reviews = [
        dataclasses.replace(
            r, links=tuple(k for k in r.links if k.goal in uids or k.goal not in in_plan)
        )
        for r in plan.reviews
    ]
    return dataclasses.replace(
        plan,
        goals=goals,
        assessments=[a for a in plan.assessments if chosen is None or a.skill in chosen],
        reflections=reflections,
        reviews=reviews,
        targets={k: v for k, v in plan.targets.items() if kept(k)},
        cycles=cycles,
    )
