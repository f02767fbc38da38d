"""Keeping a goal's status and its progress in agreement (rules in ARCHITECTURE.md).

Logging 100% offers to mark the goal achieved; marking a goal achieved below 100%
records 100% with it, after asking; both are one undoable action.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from planner.domain.models import ProgressEntry
from planner.ui.dialogs.questions import confirm
from planner.ui.document import GOALS, PlanDocument, StoreCommand

ACHIEVED = "achieved"


def tr(text: str) -> str:
    return QCoreApplication.translate("goal_status", text)


class SetGoalStatus(StoreCommand):
    topics = (GOALS,)

    def __init__(self, doc: PlanDocument, goal_id: int, status: str):
        super().__init__(doc, tr("Mark goal achieved") if status == ACHIEVED else tr("Set status"))
        self.goal_id = goal_id
        self.goal_ids = (goal_id,)
        self.status = status
        self.old_status: str | None = None

    def apply(self) -> None:
        summary = self.doc.store.goal_summary(self.goal_id)
        self.old_status = summary.status if summary else None
        self.doc.store.set_goal_status(self.goal_id, self.status)

    def revert(self) -> None:
        if self.old_status is not None:
            self.doc.store.set_goal_status(self.goal_id, self.old_status)


class Together(StoreCommand):
    """Several commands as one undoable action, in one transaction."""

    def __init__(self, doc: PlanDocument, text: str, parts: list[StoreCommand]):
        super().__init__(doc, text)
        self.parts = parts
        self.topics = tuple(dict.fromkeys(t for part in parts for t in part.topics))
        ids = [part.goal_ids for part in parts]
        self.goal_ids = None if None in ids else tuple(i for part in ids for i in part)

    def apply(self) -> None:
        with self.doc.store.atomic():
            for part in self.parts:
                part.apply()

    def revert(self) -> None:
        with self.doc.store.atomic():
            for part in reversed(self.parts):
                part.revert()


def completion_entry() -> ProgressEntry:
    """The 100% recorded when a goal is marked achieved below 100%."""
    return ProgressEntry(dt.date.today(), 100, tr("Marked achieved."))


def ask_to_mark_achieved(parent: QWidget, title: str) -> bool:
    """Asked after 100% is logged on a goal that is not yet achieved."""
    return confirm(
        parent,
        tr("Mark the goal achieved?"),
        tr("You logged 100%% on “%s”. Mark the goal achieved?") % title,
        yes=tr("&Mark achieved"),
        no=tr("&Not yet"),
    )


def ask_to_achieve_below_100(parent: QWidget, percent: int) -> bool:
    """Asked when a goal is set to achieved while its progress is under 100%."""
    return confirm(
        parent,
        tr("Mark achieved at %d%%?") % percent,
        tr(
            "This goal's progress is %d%%. Marking it achieved also records 100%% "
            "today, so its status and progress agree."
        )
        % percent,
        yes=tr("&Mark achieved"),
        no=tr("&Keep editing"),
    )


def describe_progress(status: str, percent: int, done: int, total: int) -> str:
    """The progress words beside a goal: never "Achieved · 0% done"."""
    parts = []
    if status != ACHIEVED or percent >= 100:
        parts.append(tr("%d%% done") % percent)
    if total:
        words = tr("%d of %d action done") if total == 1 else tr("%d of %d actions done")
        parts.append(words % (done, total))
    return " · ".join(parts)
