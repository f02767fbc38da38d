"""Which entries of a plan still look identifying at export, and the plan without the
ones the user leaves out."""

from __future__ import annotations

from planner.domain.export_privacy import (
    GOAL,
    MASK,
    PROGRESS,
    REFLECTION,
    REVIEW,
    EntryKey,
    exported_plan,
    flagged_entries,
    mask_identifiers,
    without_entries,
)
from planner.store import PlanStore
from tests.conftest import DATE_OF_BIRTH, NHS_NUMBER


def _stored(plan):
    store = PlanStore.memory()
    store.replace_plan(plan)
    try:
        return store.load_plan()
    finally:
        store.close()


def test_every_kind_of_entry_with_an_identifier_is_listed_by_title_and_date(identifiable_plan):
    plan = _stored(identifiable_plan)
    flagged = flagged_entries(plan)
    assert sorted(e.kind for e in flagged) == sorted(
        [GOAL, PROGRESS, REFLECTION, REFLECTION, REVIEW]
    )
    shared = next(e for e in flagged if e.kind == REFLECTION and not e.private)
    assert shared.title == "Missing the early signs on a busy late shift"
    assert shared.date == plan.reflections[1].date
    assert shared.found == ("NHS number",)
    for entry in flagged:
        listed = " ".join(str(v) for v in vars(entry).values())
        assert NHS_NUMBER not in listed and "12/03/1961" not in listed


def test_an_identifier_in_a_title_is_masked(identifiable_plan):
    identifiable_plan.reflections[0].title = f"Bed 3, {DATE_OF_BIRTH}"
    plan = _stored(identifiable_plan)
    key = EntryKey(REFLECTION, plan.reflections[0].id)
    entry = next(e for e in flagged_entries(plan) if e.key == key)
    assert entry.title == f"Bed 3, {MASK}"
    assert mask_identifiers(f"about {NHS_NUMBER} today") == f"about {MASK} today"


def test_private_reflections_and_other_skills_count_only_when_exported(identifiable_plan):
    plan = _stored(identifiable_plan)
    private = next(e for e in flagged_entries(plan) if e.private)
    assert not private.in_export(include_private=False, skills=None)
    assert private.in_export(include_private=True, skills=None)
    assert not private.in_export(include_private=True, skills={"learn-to-follow"})


def test_leaving_entries_out_drops_them_from_a_copy_only(identifiable_plan):
    plan = _stored(identifiable_plan)
    note = plan.goals[1].progress[0]
    left_out = {
        EntryKey(REFLECTION, plan.reflections[1].id),
        EntryKey(PROGRESS, note.id),
        EntryKey(GOAL, plan.goals[0].id),
    }
    copy = without_entries(plan, left_out)
    assert plan.reflections[1] not in copy.reflections
    assert len(copy.reflections) == len(plan.reflections) - 1
    assert note not in copy.goals[0].progress
    assert plan.goals[0].uid not in {g.uid for g in copy.goals}
    assert len(plan.goals[1].progress) == len(copy.goals[0].progress) + 1  # original kept


def test_the_exported_plan_is_what_the_pdf_shows_and_the_plan_stays_whole(sample_plan):
    plan = _stored(sample_plan)
    before = (len(plan.goals), len(plan.assessments), len(plan.reflections))
    kept_review = plan.reviews[0]
    copy = exported_plan(
        plan,
        skills={"learn-to-follow"},
        leave_out=[EntryKey(GOAL, plan.goals[0].id)],
    )
    assert (len(plan.goals), len(plan.assessments), len(plan.reflections)) == before
    assert [g.uid for g in copy.goals] == ["demo-goal-2", "demo-goal-3"]
    assert {a.skill for a in copy.assessments} == {"learn-to-follow"}
    # Its reflection stays without the link to the goal left out; no private one.
    assert [(r.skill, r.goal) for r in copy.reflections] == [
        ("learn-to-follow", None),
        (None, None),
    ]
    assert copy.reviews == [kept_review]
    assert copy.framework == plan.framework and copy.profile == plan.profile
    everything = exported_plan(plan, include_private=True)
    assert everything.reflections == plan.reflections and everything.goals == plan.goals
