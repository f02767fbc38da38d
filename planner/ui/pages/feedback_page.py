"""The feedback log: practice-related feedback and what was done with it, with 360
ratings when given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from planner.domain.learning import FeedbackEntry
from planner.ui.document import FEEDBACK, GOALS, PROFILE, PlanDocument
from planner.ui.models.goals_model import format_date
from planner.ui.models.learning_models import (
    RECORD_ID_ROLE,
    FeedbackTableModel,
    SortedRecordsFilter,
    source_text,
)
from planner.ui.pages.learning_page import RecordsPage, write_links
from planner.ui.pages.record_list import PreviewWriter

TOPICS = frozenset({FEEDBACK, GOALS, PROFILE})


class FeedbackPage(RecordsPage):
    topics = TOPICS

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(
            doc,
            title=self.tr("Feedback"),
            intro=self.tr(
                "Keep the feedback you receive about your practice, in your words, and "
                "what you did with it. Say who it came from by role, never by name."
            ),
            table_name=self.tr("Feedback"),
            search_hint=self.tr("Search feedback"),
            new_label=self.tr("Record feedback"),
            source=FeedbackTableModel(),
            proxy=SortedRecordsFilter(),
            id_role=RECORD_ID_ROLE,
            parent=parent,
        )
        self.preview.setAccessibleName(self.tr("Feedback preview"))
        self.load_rows()
        model = self.source
        self.table.sortByColumn(model.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.resize_columns(
            model.COL_SUMMARY,
            {model.COL_FROM: 26},
            {model.COL_DATE: model.dates_texts(), model.COL_RATINGS: [self.tr("%d skills") % 88]},
        )
        self.finish_layout()
        doc.changed.connect(self.refresh)

    def load_rows(self) -> None:
        self.source.set_rows(self.doc.store.feedback_entries())

    def write_preview(self, writer: PreviewWriter, record: FeedbackEntry) -> None:
        writer.title(self.tr("Feedback of %s") % format_date(record.date))
        writer.line(self.tr("From %s") % source_text(record))
        write_links(self, writer, record.skills, record.goals)
        writer.section(self.tr("What it said"), record.summary)
        if record.response:
            writer.section(self.tr("What I did with it"), record.response)
        if record.ratings:
            framework = self.doc.framework
            lines = [
                f"{self.doc.skill_name(skill) or skill}: "
                f"{self.tr(framework.level_label(level))} ({level})"
                for skill, level in record.ratings.items()
            ]
            writer.section(self.tr("360 ratings"), "\n".join(lines))

    def record_dialog(self, record):
        from planner.ui.dialogs.feedback_dialog import FeedbackDialog

        return FeedbackDialog(self.doc, record, parent=self)

    def delete_question(self, record: FeedbackEntry) -> str:
        return self.tr("Delete the feedback of %s? You can undo this.") % format_date(record.date)
