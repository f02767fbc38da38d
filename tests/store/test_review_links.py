"""Review links and goal marks in the store: kept through goal edits, deletes and
undos, through export and import exactly, and through the migration from schema 7."""

from __future__ import annotations

import copy
import sqlite3

import pytest

from planner import planfile
from planner.domain.models import GoalAction, ReviewLink
from planner.domain.review_actions import follow_up
from planner.store import PlanStore, StoreError

UNTRACKED = "Review the break rota in six weeks."
HOSTILE = [
    "<b>Bold</b> &amp; </para> <font color='red'>x</font>",
    "مراجعة خطة الاستراحة مع الفريق",  # right to left
    "Celebrate with the team 🎉👩🏽‍⚕️",
    "Long " + "word " * 900,
]


def _raw(store_or_path, sql, params=()):
    if isinstance(store_or_path, PlanStore):
        return store_or_path.db.execute(sql, params).fetchall()
    conn = sqlite3.connect(store_or_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _goal(store, title):
    return next(g for g in store.all_goals() if g.title.startswith(title))


def test_a_line_linked_to_an_action_follows_it_through_goal_edits(store):
    review = store.reviews()[0]
    goal = _goal(store, "Use a collaborative approach")
    store.set_review_link(review.id, UNTRACKED, ReviewLink(UNTRACKED, goal.uid, 1))
    linked = goal.actions[1]

    # An edit re-inserts the actions: one put before it moves it to place 2.
    edited = store.goal(goal.id)
    edited.actions.insert(0, GoalAction("Ask the team first"))
    edited.title = "Settle the break-time dispute together"
    store.update_goal(edited)

    review = store.reviews()[0]
    assert review.links == (ReviewLink(UNTRACKED, goal.uid, 2),)
    item = follow_up(review, store.all_goals())[-1]
    assert (item.linked, item.goal.title, item.action.text) == (
        True,
        "Settle the break-time dispute together",
        linked.text,
    )
    assert _raw(store, "SELECT line, goal_uid, action_id FROM review_links") == [
        (UNTRACKED, goal.uid, linked.id)
    ]


def test_a_deleted_goal_leaves_its_link_and_an_undone_delete_brings_it_back(store):
    review = store.reviews()[0]
    goal = _goal(store, "Hold a compassionate")
    store.set_review_link(review.id, UNTRACKED, ReviewLink(UNTRACKED, goal.uid))
    removed = store.delete_goal(goal.id)

    item = follow_up(store.reviews()[0], store.all_goals())[-1]
    assert (item.state, item.lost) == ("untracked", True)
    store.restore_goal(*removed)
    item = follow_up(store.reviews()[0], store.all_goals())[-1]
    assert (item.goal.uid, item.lost) == (goal.uid, False)


def test_an_action_removed_from_its_goal_frees_the_line_until_the_edit_is_undone(store):
    review = store.reviews()[0]
    goal = _goal(store, "Use a collaborative approach")
    store.set_review_link(review.id, UNTRACKED, ReviewLink(UNTRACKED, goal.uid, 0))
    before = store.goal(goal.id)
    without = copy.deepcopy(before)
    del without.actions[0]
    store.update_goal(without)
    assert store.reviews()[0].links == ()
    store.update_goal(before)
    assert store.reviews()[0].links == (ReviewLink(UNTRACKED, goal.uid, 0),)


def test_a_deleted_review_comes_back_with_its_links(store):
    review = store.reviews()[0]
    goal = _goal(store, "Hold a compassionate")
    store.set_review_link(review.id, UNTRACKED, ReviewLink(UNTRACKED, goal.uid))
    removed = store.delete_review(review.id)
    assert _raw(store, "SELECT COUNT(*) FROM review_links") == [(0,)]
    store.save_review(removed)
    assert store.reviews()[0].links == (ReviewLink(UNTRACKED, goal.uid),)


def test_linking_to_an_action_a_goal_does_not_have_is_refused_and_changes_nothing(store):
    review = store.reviews()[0]
    goal = _goal(store, "Hold a compassionate")
    with pytest.raises(StoreError):
        store.set_review_link(review.id, UNTRACKED, ReviewLink(UNTRACKED, goal.uid, 40))
    assert _raw(store, "SELECT COUNT(*) FROM review_links") == [(0,)]


def _with_links_and_marks(plan):
    """The demo plan with marks, and hostile agreed lines linked to goals and actions."""
    plan.goals[0].inclusion_objective = True
    plan.goals[2].wellbeing_goal = True
    plan.goals[3].inclusion_objective = plan.goals[3].wellbeing_goal = True
    review = plan.reviews[0]
    review.agreed_actions += "\n" + "\n".join(HOSTILE)
    review.links = (
        ReviewLink(HOSTILE[0], plan.goals[1].uid, 1),
        ReviewLink(HOSTILE[1], plan.goals[4].uid),
        ReviewLink(HOSTILE[2], "a-goal-deleted-since"),
        ReviewLink(HOSTILE[3].strip(), plan.goals[6].uid, 0),
    )
    return plan


def test_links_and_marks_survive_export_and_import_exactly(tmp_path, sample_plan):
    plan = _with_links_and_marks(sample_plan)
    first = PlanStore.open(tmp_path / "one.db")
    first.replace_plan(plan)
    exported = planfile.dumps(first.load_plan(), exported_at="fixed")
    first.close()

    again = PlanStore.open(tmp_path / "two.db")
    again.replace_plan(planfile.loads(exported))
    assert planfile.dumps(again.load_plan(), exported_at="fixed") == exported
    loaded = again.load_plan()
    again.close()

    marked = [(g.title, g.inclusion_objective, g.wellbeing_goal) for g in loaded.goals]
    assert [m for m in marked if m[1] or m[2]] == [
        (plan.goals[0].title, True, False),
        (plan.goals[2].title, False, True),
        (plan.goals[3].title, True, True),
    ]
    assert loaded.reviews[0].links == plan.reviews[0].links
    items = {i.text: i for i in follow_up(loaded.reviews[0], loaded.goals)}
    assert items[HOSTILE[0]].action.text == plan.goals[1].actions[1].text
    assert items[HOSTILE[2]].lost
    # Written only when set: a goal without marks and a review without links look as
    # they always did.
    assert '"wellbeing_goal": true' in exported and '"wellbeing_goal": false' not in exported
    assert exported.count('"links"') == 1


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ({"line": "Not agreed at all", "goal": "demo-goal-1"}, "not one of the review's"),
        ({"line": "Shadow shift 2", "goal": "demo-goal-1", "action": 9}, "has no action 9"),
        ({"line": "Shadow shift 2", "goal": "demo-goal-1", "action": -1}, "from 0"),
        ({"line": "Shadow shift 2"}, "goal: required"),
    ],
)
def test_a_plan_file_with_a_bad_link_is_refused_with_its_place(sample_plan, link, problem):
    import json

    data = json.loads(planfile.dumps(sample_plan))
    data["reviews"][0]["links"] = [link]
    with pytest.raises(planfile.PlanFileError) as refused:
        planfile.plan_from_dict(data)
    assert "reviews[0].links[0]" in str(refused.value) and problem in str(refused.value)


def test_a_schema_7_plan_with_data_migrates_to_links_and_marks(tmp_path, sample_plan):
    from planner.store.connection import connect, schema_version
    from planner.store.schema import SCHEMA_VERSION, migration_set
    from tests.store.conftest import write_with_todays_code

    path = tmp_path / "plan.db"
    older = connect(path)
    migration_set().apply(older, stop_before="m008_review_links_and_goal_marks")
    assert schema_version(older) == 7
    before = planfile.dumps(write_with_todays_code(older, path, sample_plan), exported_at="x")
    older.close()
    assert "review_links" not in {r[0] for r in _raw(path, "SELECT name FROM sqlite_master")}

    store = PlanStore.open(path)
    try:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert planfile.dumps(store.load_plan(), exported_at="x") == before
        assert _raw(store, "SELECT DISTINCT inclusion_objective, wellbeing_goal FROM goals") == [
            (0, 0)
        ]
        review = store.reviews()[0]
        goal = _goal(store, "Hold a compassionate")
        store.set_review_link(review.id, UNTRACKED, ReviewLink(UNTRACKED, goal.uid))
        goal.wellbeing_goal = True
        store.update_goal(goal)
    finally:
        store.close()
    assert _raw(path, "SELECT line, goal_uid FROM review_links") == [(UNTRACKED, goal.uid)]
    assert _raw(path, "SELECT title FROM goals WHERE wellbeing_goal = 1") == [(goal.title,)]


def test_migration_8_never_lowers_the_version_of_a_plan_that_had_migration_9_first(tmp_path):
    # Migration 9 was written before this one: a plan made in between carries
    # version 9 without the review links, and gains them without going back to 8.
    from planner.store.connection import connect, schema_version
    from planner.store.schema import m008_review_links_and_goal_marks, migration_set

    db = connect(tmp_path / "plan.db")
    migration_set().apply(db, stop_before="m008_review_links_and_goal_marks")
    db.execute("PRAGMA user_version = 9")
    m008_review_links_and_goal_marks(db)
    assert schema_version(db) == 9
    assert "review_links" in {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()
