"""Undoable user actions: one ``QUndoCommand`` per action, acting on the store.

Each holds the old and new values it needs; none touches a widget.
"""

from __future__ import annotations

import copy
import datetime as dt

from PySide6.QtCore import QCoreApplication

from planner.domain.dates import short_date
from planner.domain.models import (
    Goal,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    ReviewLink,
    SelfAssessment,
)
from planner.ui.document import (
    ASSESSMENTS,
    GOALS,
    PROFILE,
    PROGRESS,
    REFLECTIONS,
    REVIEWS,
    TARGETS,
    PlanDocument,
    StoreCommand,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def short_text(text: str, limit: int = 48) -> str:
    """User text for an undo label: whole when short, else cut at a word with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


class AddGoal(StoreCommand):
    topics = (GOALS,)

    def __init__(self, doc: PlanDocument, goal: Goal):
        super().__init__(doc, tr("Add goal “%s”") % short_text(goal.title))
        self.goal = goal

    def apply(self) -> None:
        # The second time round (redo after undo) the goal keeps its id and uid.
        self.doc.store.add_goal(self.goal)

    def revert(self) -> None:
        self.doc.store.delete_goal(self.goal.id)


class EditGoal(StoreCommand):
    topics = (GOALS, PROGRESS)

    def __init__(self, doc: PlanDocument, old: Goal, new: Goal):
        super().__init__(doc, tr("Edit goal “%s”") % short_text(new.title))
        self.old = copy.deepcopy(old)
        self.new = new

    def apply(self) -> None:
        self.doc.store.update_goal(copy.deepcopy(self.new))

    def revert(self) -> None:
        self.doc.store.update_goal(copy.deepcopy(self.old))


class DeleteGoal(StoreCommand):
    topics = (GOALS, PROGRESS, REFLECTIONS)

    def __init__(self, doc: PlanDocument, goal_id: int, title: str):
        super().__init__(doc, tr("Delete goal “%s”") % short_text(title))
        self.goal_id = goal_id
        self.removed: tuple[Goal, list[int]] | None = None

    def apply(self) -> None:
        # A delete that finds nothing (already gone) keeps the copy taken before.
        self.removed = self.doc.store.delete_goal(self.goal_id) or self.removed

    def revert(self) -> None:
        if self.removed is not None:
            self.doc.store.restore_goal(*self.removed)


class LogProgress(StoreCommand):
    topics = (GOALS, PROGRESS)

    def __init__(self, doc: PlanDocument, goal_id: int, entry: ProgressEntry):
        super().__init__(doc, tr("Log progress (%d%%)") % entry.percent)
        self.goal_id = goal_id
        self.goal_ids = (goal_id,)
        self.entry = entry
        self.old_status: str | None = None

    def apply(self) -> None:
        summary = self.doc.store.goal_summary(self.goal_id)
        self.old_status = summary.status if summary else None
        self.doc.store.add_progress(self.goal_id, self.entry)

    def revert(self) -> None:
        store = self.doc.store
        with store.atomic():
            store.delete_progress(self.entry.id)
            summary = store.goal_summary(self.goal_id)
            if summary and self.old_status and summary.status != self.old_status:
                store.set_goal_status(self.goal_id, self.old_status)


class DeleteProgress(StoreCommand):
    topics = (GOALS, PROGRESS)

    def __init__(self, doc: PlanDocument, goal_id: int, entry: ProgressEntry):
        super().__init__(doc, tr("Delete progress entry"))
        self.goal_id = goal_id
        self.goal_ids = (goal_id,)
        self.entry = entry

    def apply(self) -> None:
        self.doc.store.delete_progress(self.entry.id)

    def revert(self) -> None:
        self.doc.store.add_progress(self.goal_id, self.entry)


class SetActionDone(StoreCommand):
    topics = (GOALS,)

    def __init__(self, doc: PlanDocument, action_id: int, text: str, done: bool):
        label = tr("Tick “%s”") if done else tr("Untick “%s”")
        super().__init__(doc, label % short_text(text))
        self.action_id = action_id
        self.done = done

    def apply(self) -> None:
        self.doc.store.set_action_done(self.action_id, self.done)

    def revert(self) -> None:
        self.doc.store.set_action_done(self.action_id, not self.done)


class SaveReflection(StoreCommand):
    """Adds a reflection (``old`` is None) or edits one."""

    topics = (REFLECTIONS,)

    def __init__(self, doc: PlanDocument, new: Reflection, old: Reflection | None = None):
        label = tr("Edit reflection “%s”") if old else tr("Add reflection “%s”")
        super().__init__(doc, label % short_text(new.title))
        self.new = new
        self.old = copy.deepcopy(old)

    def apply(self) -> None:
        self.doc.store.save_reflection(self.new)

    def revert(self) -> None:
        if self.old is None:
            self.doc.store.delete_reflection(self.new.id)
        else:
            self.doc.store.save_reflection(copy.deepcopy(self.old))


class DeleteReflection(StoreCommand):
    topics = (REFLECTIONS,)

    def __init__(self, doc: PlanDocument, reflection_id: int, title: str):
        super().__init__(doc, tr("Delete reflection “%s”") % short_text(title))
        self.reflection_id = reflection_id
        self.removed: Reflection | None = None

    def apply(self) -> None:
        self.removed = self.doc.store.delete_reflection(self.reflection_id) or self.removed

    def revert(self) -> None:
        if self.removed is not None:
            self.doc.store.save_reflection(copy.deepcopy(self.removed))


class SaveReview(StoreCommand):
    topics = (REVIEWS,)

    def __init__(self, doc: PlanDocument, new: Review, old: Review | None = None):
        super().__init__(doc, tr("Edit review") if old else tr("Add review"))
        self.new = new
        self.old = copy.deepcopy(old)

    def apply(self) -> None:
        self.doc.store.save_review(self.new)

    def revert(self) -> None:
        if self.old is None:
            self.doc.store.delete_review(self.new.id)
        else:
            self.doc.store.save_review(copy.deepcopy(self.old))


class DeleteReview(StoreCommand):
    topics = (REVIEWS,)

    def __init__(self, doc: PlanDocument, review_id: int):
        super().__init__(doc, tr("Delete review"))
        self.review_id = review_id
        self.removed: Review | None = None

    def apply(self) -> None:
        self.removed = self.doc.store.delete_review(self.review_id) or self.removed

    def revert(self) -> None:
        if self.removed is not None:
            self.doc.store.save_review(copy.deepcopy(self.removed))


class SaveAssessmentRound(StoreCommand):
    """Records (or replaces) the self-assessment round of one date."""

    topics = (ASSESSMENTS,)

    def __init__(self, doc: PlanDocument, date: dt.date, ratings: list[SelfAssessment]):
        super().__init__(doc, tr("Self-assessment of %s") % short_date(date))
        self.date = date
        self.ratings = ratings
        self.previous: list[SelfAssessment] | None = None

    def apply(self) -> None:
        # The round as it was before the first save: a later redo meets the same
        # round again (undo put it back), so reading it once is enough and a redo
        # can never replace it with this command's own ratings.
        if self.previous is None:
            self.previous = self.doc.store.assessment_round(self.date)
        self.doc.store.save_assessment_round(self.date, copy.deepcopy(self.ratings))

    def revert(self) -> None:
        if self.previous:
            self.doc.store.save_assessment_round(self.date, copy.deepcopy(self.previous))
        else:
            self.doc.store.delete_assessment_round(self.date)


class DeleteAssessmentRound(StoreCommand):
    topics = (ASSESSMENTS,)

    def __init__(self, doc: PlanDocument, date: dt.date):
        super().__init__(doc, tr("Delete self-assessment of %s") % short_date(date))
        self.date = date
        self.removed: list[SelfAssessment] = []

    def apply(self) -> None:
        self.removed = self.doc.store.delete_assessment_round(self.date) or self.removed

    def revert(self) -> None:
        self.doc.store.save_assessment_round(self.date, copy.deepcopy(self.removed))


class EditProfile(StoreCommand):
    topics = (PROFILE,)

    def __init__(self, doc: PlanDocument, old: Profile, new: Profile):
        super().__init__(doc, tr("Edit profile"))
        self.old = copy.deepcopy(old)
        self.new = new

    def apply(self) -> None:
        self.doc.store.save_profile(self.new)

    def revert(self) -> None:
        self.doc.store.save_profile(self.old)


class SetTargets(StoreCommand):
    """Replaces the current cycle's target levels (every skill at once)."""

    topics = (TARGETS,)

    def __init__(self, doc: PlanDocument, old: dict[str, int], new: dict[str, int]):
        super().__init__(doc, tr("Set targets"))
        self.old = dict(old)
        self.new = dict(new)

    def apply(self) -> None:
        self.doc.store.save_targets(self.new)

    def revert(self) -> None:
        self.doc.store.save_targets(self.old)


class LinkReviewLine(StoreCommand):
    """Records what an agreed line of a review became (a goal, or an action of one).

    Made with the command that adds the goal or the action, in ``Together``, so the
    two are one step to undo.
    """

    topics = (REVIEWS,)

    def __init__(self, doc: PlanDocument, review_id: int, link: ReviewLink):
        super().__init__(doc, tr("Link “%s” to its goal") % short_text(link.line))
        self.review_id = review_id
        self.link = link
        self.before: ReviewLink | None = None

    def apply(self) -> None:
        self.before = self.doc.store.set_review_link(self.review_id, self.link.line, self.link)

    def revert(self) -> None:
        self.doc.store.set_review_link(self.review_id, self.link.line, self.before)
