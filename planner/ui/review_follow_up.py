"""An agreed action of a review made into a goal, or into an action of a goal, in one
undoable step that also records the link, so the review shows what became of it."""

from __future__ import annotations

import copy
import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from planner.domain.dates import short_date
from planner.domain.models import Goal, Review, ReviewLink
from planner.domain.validation import MAX_TITLE
from planner.ui.commands import AddGoal, EditGoal, LinkReviewLine, short_text
from planner.ui.document import PlanDocument, StoreCommand
from planner.ui.editing import edit_until_saved
from planner.ui.goal_status import Together, completion_entry


def tr(text: str) -> str:
    return QCoreApplication.translate("review_follow_up", text)


def goal_draft(review: Review, line: str, skill: str) -> Goal:
    """A new goal from an agreed ``line``: its words as the title (shortened to fit,
    the whole line then kept in the details) and where it was agreed."""
    # One short of the limit: a cut title gains "…".
    title = short_text(line, MAX_TITLE - 1)
    where = (
        tr("Agreed at my review on %s with %s.") % (short_date(review.date), review.reviewer)
        if review.reviewer
        else tr("Agreed at my review on %s.") % short_date(review.date)
    )
    description = where if title == line else f"{where}\n\n{line}"
    return Goal(skill=skill, title=title, description=description)


def make_goal(parent: QWidget, doc: PlanDocument, review: Review, line: str) -> bool:
    """Opens the goal editor filled from ``line``; saving adds the goal and links the
    line to it as one action to undo. Returns whether it was saved."""
    from planner.ui.dialogs.goal_dialog import GoalDialog

    draft = goal_draft(review, line, doc.framework.skills[0].id)

    def make_dialog(previous):
        goal = previous.goal() if previous else draft
        return GoalDialog(doc, goal, focus_skill=True, parent=parent)

    def make_command(dialog) -> StoreCommand:
        goal = dialog.goal()
        goal.uid = goal.uid or uuid.uuid4().hex  # the link needs it before the goal is saved
        if dialog.records_completion:
            goal.progress.append(completion_entry())
        link = LinkReviewLine(doc, review.id, ReviewLink(line, goal.uid))
        return Together(doc, tr("Make “%s” a goal") % short_text(line), [AddGoal(doc, goal), link])

    return edit_until_saved(doc, make_dialog, make_command) is not None


def add_as_action(parent: QWidget, doc: PlanDocument, review: Review, line: str) -> bool:
    """Asks which goal and in what words; saving adds the action at the end of that
    goal's checklist and links the line to it, as one action to undo."""
    from planner.ui.dialogs.add_to_goal_dialog import AddToGoalDialog

    def make_dialog(previous):
        dialog = AddToGoalDialog(doc, line, parent=parent)
        if previous is not None:
            dialog.goal_combo.setCurrentIndex(previous.goal_combo.currentIndex())
            dialog.text_edit.setText(previous.text_edit.text())
            dialog.due_edit.set_date(previous.action().due)
        return dialog

    def make_command(dialog) -> StoreCommand | None:
        old = doc.store.goal(dialog.goal_id(), with_progress=False)
        if old is None:
            return None
        new = copy.deepcopy(old)
        new.actions.append(dialog.action())
        link = LinkReviewLine(doc, review.id, ReviewLink(line, old.uid, len(old.actions)))
        text = tr("Add “%s” to a goal") % short_text(line)
        return Together(doc, text, [EditGoal(doc, old, new), link])

    return edit_until_saved(doc, make_dialog, make_command) is not None
