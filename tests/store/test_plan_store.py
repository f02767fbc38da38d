"""The plan store's reads and writes: each user action saved whole or not at all."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from planner.domain.models import (
    Goal,
    GoalAction,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
)
from planner.domain.validation import ValidationError
from planner.store import PlanStore, StoreError

TODAY = dt.date(2026, 6, 15)
LTF, SA, EMP = "learn-to-follow", "situational-awareness", "empower-and-resolve"


def _count(store: PlanStore, table: str) -> int:
    return store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _counts(store: PlanStore) -> dict[str, int]:
    tables = ("goals", "goal_actions", "progress_entries", "reflections", "reviews", "assessments")
    return {t: _count(store, t) for t in tables}


def _new_goal(**changes) -> Goal:
    goal = Goal(
        skill=SA,
        title="Run a board check at the start of every late shift",
        measure="Board check done on 10 late shifts",
        target_date=TODAY + dt.timedelta(days=30),
        actions=[GoalAction("Draft the checklist", TODAY), GoalAction("Trial it for a week")],
    )
    for name, value in changes.items():
        setattr(goal, name, value)
    return goal


@pytest.fixture
def empty(core_framework):
    """A store holding only a profile and the core framework (as after first run)."""
    s = PlanStore.memory()
    s.start_plan(Profile("Zoë Adeyemi", role="Charge Nurse"), core_framework)
    yield s
    s.close()


# -- profile and first run -------------------------------------------------------


def test_a_new_store_holds_no_plan():
    store = PlanStore.memory()
    try:
        assert not store.has_plan()
        assert store.profile() is None and store.framework() is None
        with pytest.raises(StoreError, match="does not hold a plan yet"):
            store.load_plan()
    finally:
        store.close()


def test_start_plan_saves_the_profile_and_a_copy_of_the_framework(core_framework):
    store = PlanStore.memory()
    try:
        profile = Profile("Łukasz Nowak", period_start=TODAY, period_end=TODAY.replace(2027))
        store.start_plan(profile, core_framework)
        assert store.has_plan()
        assert store.profile() == profile
        assert store.framework() == core_framework
        assert store.changes == 1
    finally:
        store.close()


def test_a_profile_without_a_name_is_refused_and_nothing_is_written(core_framework):
    store = PlanStore.memory()
    try:
        with pytest.raises(ValidationError) as caught:
            store.start_plan(Profile("   "), core_framework)
        assert caught.value.problems == ["profile.name: a name is required"]
        assert store.framework() is None and not store.has_plan()
        assert store.changes == 0
    finally:
        store.close()


def test_saving_the_profile_replaces_it(empty):
    updated = Profile("Zoë Adeyemi", role="Ward Manager", manager="Siân <Matron>")
    empty.save_profile(updated)
    assert empty.profile() == updated
    assert _count(empty, "profile") == 1


def test_a_plan_period_ending_before_it_starts_is_refused(empty):
    bad = Profile("Zoë", period_start=TODAY, period_end=TODAY - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="period_end: before the start"):
        empty.save_profile(bad)
    assert empty.profile().name == "Zoë Adeyemi"


# -- goals and actions -----------------------------------------------------------


def test_adding_a_goal_saves_it_with_its_actions(empty):
    goal = empty.add_goal(_new_goal())
    assert goal.id is not None and len(goal.uid) == 32
    assert goal.created and goal.created == goal.updated and goal.created.endswith("Z")
    saved = empty.goal(goal.id)
    assert saved == goal
    assert [a.text for a in saved.actions] == ["Draft the checklist", "Trial it for a week"]
    assert all(a.id is not None for a in saved.actions)
    summary = empty.goal_summary(goal.id)
    assert (summary.status, summary.percent, summary.title) == ("not_started", 0, goal.title)
    assert empty.changes == 2


def test_a_goal_for_an_unknown_skill_or_without_a_title_is_refused(empty):
    with pytest.raises(ValidationError) as caught:
        empty.add_goal(_new_goal(skill="juggling", title=" "))
    assert caught.value.problems == [
        "goal.skill: unknown skill 'juggling'",
        "goal.title: a title is required",
    ]
    assert _count(empty, "goals") == 0


def test_updating_a_goal_replaces_its_actions_and_keeps_its_history(store):
    goal = store.goal(2)
    history = list(goal.progress)
    goal.title = "Complete a followership self-assessment & agree <one> change"
    goal.priority = "high"
    goal.actions = [GoalAction("Book the 1:1", TODAY, True)]
    store.update_goal(goal)
    saved = store.goal(2)
    assert saved.title == goal.title and saved.priority == "high"
    assert [(a.text, a.done) for a in saved.actions] == [("Book the 1:1", True)]
    assert saved.progress == history
    assert saved.uid == "demo-goal-2" and saved.created == goal.created


def test_updating_a_deleted_goal_says_so(store):
    goal = store.goal(2)
    store.delete_goal(2)
    with pytest.raises(StoreError, match="no longer exists"):
        store.update_goal(goal)


def test_ticking_an_action_and_changing_status_are_saved(store):
    goal = store.goal(3)
    done_before = sum(a.done for a in goal.actions)
    store.set_action_done(goal.actions[2].id, True)
    store.set_goal_status(3, "achieved")
    assert sum(a.done for a in store.goal(3).actions) == done_before + 1
    assert store.goal_summary(3).status == "achieved"


def test_deleting_a_goal_removes_its_actions_and_progress(store):
    before = _counts(store)
    goal = store.goal(1)
    removed, linked = store.delete_goal(1)
    assert removed == goal
    assert store.goal(1) is None
    after = _counts(store)
    assert after["goals"] == before["goals"] - 1
    assert after["goal_actions"] == before["goal_actions"] - len(goal.actions)
    assert after["progress_entries"] == before["progress_entries"] - len(goal.progress)
    # The reflection survives, unlinked.
    assert after["reflections"] == before["reflections"]
    assert [store.reflection(rid).goal for rid in linked] == [None]


def test_restoring_a_deleted_goal_puts_everything_back(store):
    plan_before = store.load_plan()
    linked_before = [r.id for r in plan_before.reflections if r.goal == "demo-goal-1"]
    goal, linked = store.delete_goal(1)
    assert linked == linked_before
    store.restore_goal(goal, linked)
    restored = store.goal(1)
    assert restored.uid == "demo-goal-1"
    assert [(a.text, a.due, a.done) for a in restored.actions] == [
        (a.text, a.due, a.done) for a in goal.actions
    ]
    assert restored.progress == goal.progress
    assert store.reflection(linked[0]).goal == "demo-goal-1"
    plan_after = store.load_plan()
    for goal_after, goal_before in zip(plan_after.goals, plan_before.goals, strict=True):
        for action in goal_after.actions + goal_before.actions:
            action.id = None  # actions come back with new row ids; nothing else changes
    assert plan_after == plan_before


def test_deleting_a_goal_that_is_not_there_returns_none(store):
    assert store.delete_goal(999) is None


def test_goals_due_lists_open_goals_in_date_order(store):
    due = store.goals_due(TODAY - dt.timedelta(days=60), TODAY + dt.timedelta(days=60))
    assert [g.target_date for g in due] == sorted(g.target_date for g in due)
    assert due and all(g.status in ("not_started", "in_progress") for g in due)
    assert "achieved" not in {g.status for g in due}


# -- progress --------------------------------------------------------------------


def test_logging_progress_moves_a_goal_not_started_to_in_progress(empty):
    goal = empty.add_goal(_new_goal())
    changes = empty.changes
    entry = empty.add_progress(goal.id, ProgressEntry(TODAY, 20, "Checklist drafted"))
    assert entry.id is not None
    summary = empty.goal_summary(goal.id)
    assert (summary.status, summary.percent, empty.progress_count(goal.id)) == (
        "in_progress",
        20,
        1,
    )
    assert empty.changes == changes + 1  # one transaction for both


def test_logging_zero_percent_leaves_a_goal_not_started(empty):
    goal = empty.add_goal(_new_goal())
    empty.add_progress(goal.id, ProgressEntry(TODAY, 0, "Thought about it"))
    assert empty.goal_summary(goal.id).status == "not_started"


def test_progress_and_the_status_change_commit_together_or_not_at_all(empty):
    goal = empty.add_goal(_new_goal())
    empty.db.execute(
        "CREATE TRIGGER refuse_goal_update BEFORE UPDATE ON goals "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(StoreError):
        empty.add_progress(goal.id, ProgressEntry(TODAY, 40))
    assert empty.progress_count(goal.id) == 0
    assert empty.goal_summary(goal.id).status == "not_started"


@pytest.mark.parametrize("percent", [150, -5, 12.5, True])
def test_a_percent_outside_0_to_100_is_refused_and_nothing_is_written(store, percent):
    before = (store.progress_count(2), store.changes, store.goal_summary(2))
    with pytest.raises(ValidationError, match="percent"):
        store.add_progress(2, ProgressEntry(TODAY, percent))
    assert (store.progress_count(2), store.changes, store.goal_summary(2)) == before


def test_the_latest_percent_is_the_newest_entry_by_date_not_the_last_logged(empty):
    goal = empty.add_goal(_new_goal())
    empty.add_progress(goal.id, ProgressEntry(TODAY, 60, "Now"))
    empty.add_progress(goal.id, ProgressEntry(TODAY - dt.timedelta(days=10), 90, "Back-dated"))
    assert empty.goal_summary(goal.id).percent == 60
    assert empty.goal(goal.id).latest_percent == 60
    # Two entries on one day: the later-logged one counts.
    empty.add_progress(goal.id, ProgressEntry(TODAY, 70, "Later the same day"))
    assert empty.goal_summaries(SA)[0].percent == 70


def test_progress_pages_newest_first(store):
    everything = store.progress(1)
    assert [e.date for e in everything] == sorted(e.date for e in everything)
    page = store.progress(1, limit=2, offset=1, newest_first=True)
    assert page == list(reversed(everything))[1:3]
    store.delete_progress(everything[0].id)
    assert store.progress_count(1) == len(everything) - 1


def test_foreign_keys_are_enforced(store):
    with pytest.raises(StoreError, match="no longer exists"):
        store.add_progress(999, ProgressEntry(TODAY, 10))
    with pytest.raises(StoreError, match="no longer exists"), store.atomic() as db:
        db.execute("DELETE FROM skills WHERE id = ?", [LTF])  # goals still use it
    assert _count(store, "skills") == 3


# -- self-assessment rounds ------------------------------------------------------


def test_an_assessment_round_is_saved_replaced_and_deleted(empty):
    day = dt.date(2026, 3, 1)
    empty.save_assessment_round(
        day, [SelfAssessment(LTF, day, 2, 4, "Nervous"), SelfAssessment(SA, day, 3)]
    )
    assert empty.assessment_dates() == [day]
    empty.save_assessment_round(day, [SelfAssessment(EMP, day, 5, None, "Brave")])
    assert [(a.skill, a.level, a.note) for a in empty.assessment_round(day)] == [(EMP, 5, "Brave")]
    removed = empty.delete_assessment_round(day)
    assert [a.skill for a in removed] == [EMP]
    assert empty.assessment_dates() == [] and empty.all_assessments() == []


def test_an_assessment_round_off_the_scale_or_rating_a_skill_twice_is_refused(empty):
    day = dt.date(2026, 3, 1)
    with pytest.raises(ValidationError) as caught:
        empty.save_assessment_round(
            day,
            [
                SelfAssessment(LTF, day, 6),
                SelfAssessment(SA, day, 2, importance=9),
                SelfAssessment(SA, day, 3),
            ],
        )
    assert caught.value.problems == [
        "ratings[0].level: must be from 1 to 5",
        "ratings[1].importance: must be from 1 to 5",
        "ratings: a skill is rated twice",
    ]
    assert empty.all_assessments() == []


def test_the_demo_has_two_assessment_rounds(store):
    dates = store.assessment_dates()
    assert len(dates) == 2 and dates[0] < dates[1]
    assert [len(store.assessment_round(d)) for d in dates] == [3, 3]


# -- reflections -----------------------------------------------------------------


def test_private_reflections_can_be_left_out(store):
    everything = store.reflections()
    shared = store.reflections(include_private=False)
    assert [r.private for r in everything].count(True) == 1
    assert shared == [r for r in everything if not r.private]


def test_a_reflection_links_to_its_goal_by_uid_and_keeps_non_ascii_sections(store):
    sections = {
        "what": "Ngozi Okonkwo-Adébáyọ̀ led the huddle 👩🏽‍⚕️",
        "so_what": "Ελληνικά & Кириллица <b>not bold</b>",
        "now_what": "",
    }
    saved = store.save_reflection(
        Reflection(TODAY, "Watching Ngozi lead", "rolfe", sections, SA, "demo-goal-4")
    )
    again = store.reflection(saved.id)
    assert again == saved
    assert again.goal == "demo-goal-4" and again.sections == sections
    row = store.db.execute(
        "SELECT goal_id, sections FROM reflections WHERE id = ?", [saved.id]
    ).fetchone()
    assert row[0] == store.goal_id_for_uid("demo-goal-4")
    assert "Adébáyọ̀" in row[1]  # stored as readable UTF-8
    assert json.loads(row[1]) == sections


def test_a_reflection_is_updated_deleted_and_brought_back_by_id(store):
    reflection = store.reflections()[0]
    reflection.title = "Challenging the plan, respectfully"
    reflection.private = True
    store.save_reflection(reflection)
    assert store.reflection(reflection.id) == reflection
    removed = store.delete_reflection(reflection.id)
    assert store.reflection(reflection.id) is None
    store.save_reflection(removed)  # undo
    assert store.reflection(reflection.id) == reflection


def test_a_reflection_with_an_unknown_goal_or_section_is_refused(store):
    before = _count(store, "reflections")
    with pytest.raises(ValidationError) as caught:
        store.save_reflection(
            Reflection(TODAY, "Lost", "rolfe", {"feelings": "Unsure"}, goal="no-such-goal")
        )
    assert caught.value.problems == [
        "reflection.feelings: not a section of the rolfe model",
        "reflection.goal: unknown goal 'no-such-goal'",
    ]
    assert _count(store, "reflections") == before


def test_a_gibbs_reflection_keeps_its_six_sections(empty):
    sections = {
        key: f"{key} text"
        for key in (
            "description",
            "feelings",
            "evaluation",
            "analysis",
            "conclusion",
            "action_plan",
        )
    }
    saved = empty.save_reflection(Reflection(TODAY, "Cycle", "gibbs", sections))
    assert empty.reflection(saved.id).sections == sections


# -- reviews ---------------------------------------------------------------------


def test_reviews_are_saved_updated_listed_by_date_and_deleted(store):
    first = store.reviews()[0]
    later = store.save_review(
        Review(TODAY, "Grace Mensah", "Shadow shifts done.", "Book study day\nRota check")
    )
    earlier = store.save_review(Review(TODAY - dt.timedelta(days=400), "Old manager"))
    assert [r.id for r in store.reviews()] == [earlier.id, first.id, later.id]
    later.notes = "Shadow shifts done; confident at huddles."
    store.save_review(later)
    assert store.review(later.id) == later
    assert store.delete_review(earlier.id) == earlier
    assert store.review(earlier.id) is None


# -- transactions ----------------------------------------------------------------


def test_a_failure_inside_atomic_rolls_back_every_write_in_it(store):
    before = _counts(store)
    plan_before = store.load_plan()
    changes = store.changes
    with pytest.raises(RuntimeError), store.atomic():
        goal = store.add_goal(_new_goal())
        store.add_progress(goal.id, ProgressEntry(TODAY, 30))
        store.save_review(Review(TODAY, "Grace"))
        store.delete_reflection(1)
        raise RuntimeError("the user's action failed half way")
    assert _counts(store) == before
    assert store.load_plan() == plan_before
    assert store.changes == changes


def test_a_failing_sql_write_inside_atomic_rolls_back_the_earlier_ones(store):
    before = _counts(store)
    with pytest.raises(StoreError), store.atomic() as db:
        store.save_review(Review(TODAY, "Grace"))
        db.execute(
            "INSERT INTO progress_entries (goal_id, date, percent) VALUES (1, '2026-06-15', 101)"
        )
    assert _counts(store) == before


def test_changes_counts_committed_writes_only(empty):
    assert empty.changes == 1  # start_plan
    goal = empty.add_goal(_new_goal())
    empty.add_progress(goal.id, ProgressEntry(TODAY, 10))
    assert empty.changes == 3
    with empty.atomic():
        empty.save_review(Review(TODAY))
        empty.save_review(Review(TODAY))
    assert empty.changes == 4  # one action, one commit
    empty.load_plan()
    empty.goal_summaries()
    assert empty.changes == 4  # reads are not changes
    with pytest.raises(ValidationError):
        empty.add_progress(goal.id, ProgressEntry(TODAY, 150))
    assert empty.changes == 4


def test_replacing_the_plan_swaps_everything(store, empty, sample_plan):
    smaller = copy.deepcopy(sample_plan)
    smaller.goals = smaller.goals[:2]
    smaller.reflections = [r for r in smaller.reflections if r.goal in (None, "demo-goal-1")]
    store.replace_plan(smaller)
    assert [g.uid for g in store.all_goals()] == ["demo-goal-1", "demo-goal-2"]
    assert _count(store, "reflections") == len(smaller.reflections)
    empty.replace_plan(sample_plan)
    assert empty.profile() == sample_plan.profile


def test_a_replace_that_fails_leaves_the_old_plan_in_place(store, sample_plan):
    before = store.load_plan()
    broken = copy.deepcopy(sample_plan)
    broken.profile.name = "Someone else"
    broken.goals[-1].skill = "not-in-the-framework"  # only the database catches this
    with pytest.raises(StoreError):
        store.replace_plan(broken)
    assert store.load_plan() == before


def test_writes_reach_the_file(tmp_path, sample_plan):
    path = tmp_path / "plan.db"
    store = PlanStore.open(path)
    store.replace_plan(sample_plan)
    store.add_progress(2, ProgressEntry(TODAY, 80, "Saved to disk"))
    store.close()
    reopened = PlanStore.open(path)
    try:
        assert reopened.progress(2, limit=1, newest_first=True)[0].note == "Saved to disk"
    finally:
        reopened.close()


def test_progress_for_a_deleted_goal_is_refused_with_a_message(store):
    import datetime as dt

    goal_id = store.goal_summaries()[0].id
    store.delete_goal(goal_id)
    with pytest.raises(StoreError, match="no longer exists"):
        store.add_progress(goal_id, ProgressEntry(dt.date(2026, 6, 1), 10))
    assert store.progress_count(goal_id) == 0
