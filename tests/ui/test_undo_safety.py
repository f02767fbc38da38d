"""An undo or redo the store refuses (another program holds the file) changes nothing:
the undo stack stays where it was, the command keeps its saved copy, and one line says
so. Driven through a real QUndoStack over a real file held by a second connection."""

from __future__ import annotations

import copy
import sqlite3
from contextlib import contextmanager

import pytest

from planner.domain.models import SelfAssessment
from planner.store import PlanStore
from planner.ui.commands import (
    DeleteGoal,
    DeleteReflection,
    DeleteReview,
    EditGoal,
    SaveAssessmentRound,
    SetActionDone,
)
from planner.ui.document import PlanDocument

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(qtbot, db_path):
    store = PlanStore.open(db_path)
    # The store's own wait for a busy file, shortened so a refusal comes quickly.
    store.db.conn.execute("PRAGMA busy_timeout = 50")
    document = PlanDocument(store)
    yield document
    document.undo_stack.clear()
    store.close()


@contextmanager
def file_held_by_another_program(path):
    """Another program in the middle of a write: it holds SQLite's write lock."""
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("PRAGMA busy_timeout = 0")
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _messages(doc):
    seen = []
    doc.failed.connect(seen.append)
    return seen


def test_refused_undo_of_a_goal_delete_keeps_the_stack_and_the_goal_can_come_back(doc, db_path):
    goal = doc.store.goal_summaries()[0]
    before = doc.store.goal(goal.id)
    entries = doc.store.progress_count(goal.id)
    assert entries > 0
    assert doc.execute(DeleteGoal(doc, goal.id, goal.title))
    seen = _messages(doc)

    with file_held_by_another_program(db_path):
        doc.undo_stack.undo()

    assert doc.undo_stack.index() == 1  # still "deleted", as the file says
    assert doc.undo_stack.canUndo() and not doc.undo_stack.canRedo()
    assert doc.store.goal(goal.id) is None
    assert len(seen) == 1 and "\n" not in seen[0]
    assert seen[0].startswith("Not undone, your plan is as it was")

    doc.undo()  # the other program has finished: undo now works
    assert doc.undo_stack.index() == 0
    assert doc.store.goal(goal.id) == before
    assert doc.store.progress_count(goal.id) == entries


def test_refused_redo_keeps_the_stack_and_leaves_the_item_in_place(doc, db_path):
    goal = doc.store.goal_summaries()[0]
    assert doc.execute(DeleteGoal(doc, goal.id, goal.title))
    doc.undo()
    assert doc.store.goal(goal.id) is not None
    seen = _messages(doc)

    with file_held_by_another_program(db_path):
        doc.redo()

    assert doc.undo_stack.index() == 0
    assert doc.store.goal(goal.id) is not None
    assert seen and seen[0].startswith("Not redone")
    doc.redo()
    assert doc.store.goal(goal.id) is None
    doc.undo()
    assert doc.store.progress_count(goal.id) > 0


def _delete_reflection(doc):
    reflection = doc.store.reflections()[0]
    return DeleteReflection(doc, reflection.id, reflection.title), lambda: doc.store.reflection(
        reflection.id
    )


def _delete_review(doc):
    review = doc.store.reviews()[0]
    return DeleteReview(doc, review.id), lambda: doc.store.review(review.id)


def _replace_assessment_round(doc):
    date = doc.store.assessment_dates()[0]
    old = doc.store.assessment_round(date)
    new = [
        SelfAssessment(r.skill, date, 1 if r.level != 1 else 2, note="rated again") for r in old
    ]
    return SaveAssessmentRound(doc, date, copy.deepcopy(new)), lambda: [
        (r.skill, r.level, r.note) for r in doc.store.assessment_round(date)
    ]


@pytest.mark.parametrize(
    "make",
    [_delete_reflection, _delete_review, _replace_assessment_round],
    ids=lambda f: f.__name__,
)
def test_every_command_survives_a_refused_undo(doc, db_path, make):
    command, current = make(doc)
    original = current()
    assert doc.execute(command)
    changed = current()
    assert changed != original

    with file_held_by_another_program(db_path):
        doc.undo()
    assert current() == changed
    assert doc.undo_stack.index() == 1

    # Nothing the user can do from here loses the original: redo is not offered,
    # and the next undo brings it back.
    assert not doc.undo_stack.canRedo()
    doc.undo()
    assert current() == original


@pytest.mark.parametrize("between", ["edit", "delete"])
def test_undoing_a_tick_still_works_after_the_goal_was_edited_or_deleted_and_restored(
    doc, between
):
    goal = next(g for g in doc.store.all_goals() if any(not a.done for a in g.actions))
    action = next(a for a in goal.actions if not a.done)
    assert doc.execute(SetActionDone(doc, action.id, action.text, True))
    if between == "edit":
        edited = doc.store.goal(goal.id, with_progress=False)
        edited.title += " (renamed)"
        assert doc.execute(EditGoal(doc, doc.store.goal(goal.id, with_progress=False), edited))
    else:
        assert doc.execute(DeleteGoal(doc, goal.id, goal.title))
    doc.undo()  # the edit or the delete
    doc.undo()  # the tick
    ticked = {a.text: a.done for a in doc.store.goal(goal.id).actions}
    assert ticked[action.text] is False


def test_ctrl_z_in_the_window_while_the_file_is_held_says_so_and_loses_nothing(
    qtbot, window, db_path, questions
):
    from PySide6.QtCore import Qt

    window.store.db.conn.execute("PRAGMA busy_timeout = 50")
    goal = window.store.goal_summaries()[0]
    assert window.doc.execute(DeleteGoal(window.doc, goal.id, goal.title))
    shown = questions.asked

    with file_held_by_another_program(db_path):
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert len(shown) == 1 and shown[0].startswith("Not undone, your plan is as it was")
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert window.store.goal(goal.id) is None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.goal(goal.id) is not None
    assert window.store.progress_count(goal.id) > 0
