"""The learning activities and feedback that served a goal, in a line or two for the
goal's details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.domain.learning import FEEDBACK_SOURCES
from planner.store import PlanStore
from planner.ui.models.goals_model import format_date
from planner.ui.models.learning_models import hours_text


def tr(text: str) -> str:
    return QCoreApplication.translate("goal_records", text)


def served_goal_text(store: PlanStore, goal_uid: str) -> str:
    """ "Learning: …" and "Feedback: …" lines, newest first; "" when none served it."""
    learning, feedback = store.records_for_goal(goal_uid)
    lines = []
    if learning:
        items = [
            tr("%s (%s, %s h)") % (a.topic, format_date(a.start), hours_text(a.hours))
            for a in reversed(learning)
        ]
        lines.append(tr("Learning: %s") % "; ".join(items))
    if feedback:
        items = [
            tr("%s from %s")
            % (format_date(f.date), tr(FEEDBACK_SOURCES.get(f.source, f.source)).lower())
            for f in reversed(feedback)
        ]
        lines.append(tr("Feedback: %s") % "; ".join(items))
    return "\n".join(lines)
