"""Undoable saves and deletes of the revalidation records: learning activities,
feedback and reflective discussions, one command class per kind of action."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication

from planner.domain.learning import FeedbackEntry, LearningActivity, ReflectiveDiscussion
from planner.ui.document import DISCUSSIONS, FEEDBACK, LEARNING, PlanDocument, StoreCommand


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


# kind: (topic, save method, delete method, what the undo menu calls one)
_KINDS = {
    LearningActivity: (LEARNING, "save_learning", "delete_learning", "learning activity"),
    FeedbackEntry: (FEEDBACK, "save_feedback", "delete_feedback", "feedback"),
    ReflectiveDiscussion: (
        DISCUSSIONS,
        "save_discussion",
        "delete_discussion",
        "reflective discussion",
    ),
}


class SaveRecord(StoreCommand):
    """Adds a record (``old`` is None) or edits one; the record's type picks the store
    methods and the topic announced."""

    def __init__(self, doc: PlanDocument, new, old=None):
        topic, self._save, self._delete, noun = _KINDS[type(new)]
        label = tr("Edit %s") if old is not None else tr("Add %s")
        super().__init__(doc, label % tr(noun))
        self.topics = (topic,)
        self.new = new
        self.old = copy.deepcopy(old)

    def apply(self) -> None:
        # The second time round (redo after undo) the record keeps its id and uid.
        getattr(self.doc.store, self._save)(self.new)

    def revert(self) -> None:
        if self.old is None:
            getattr(self.doc.store, self._delete)(self.new.id)
        else:
            getattr(self.doc.store, self._save)(copy.deepcopy(self.old))


class DeleteRecord(StoreCommand):
    """Deletes ``record``; undo puts it back with its id."""

    def __init__(self, doc: PlanDocument, record):
        topic, self._save, self._delete, noun = _KINDS[type(record)]
        super().__init__(doc, tr("Delete %s") % tr(noun))
        self.topics = (topic,)
        self.record = copy.deepcopy(record)

    def apply(self) -> None:
        getattr(self.doc.store, self._delete)(self.record.id)

    def revert(self) -> None:
        getattr(self.doc.store, self._save)(copy.deepcopy(self.record))
