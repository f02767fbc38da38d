"""Reviews with the line manager: read, record, edit and delete them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from planner.domain.models import Review
from planner.ui.commands import DeleteReview, SaveReview
from planner.ui.dialogs.questions import confirm
from planner.ui.document import PROFILE, REVIEWS, PlanDocument
from planner.ui.models.goals_model import format_date
from planner.ui.models.reviews_model import (
    COL_DATE,
    COL_NOTES,
    COL_REVIEWER,
    REVIEW_ID_ROLE,
    ReviewFilterModel,
    ReviewTableModel,
    agreed_action_lines,
)
from planner.ui.pages.record_list import PreviewWriter, RecordListPage

TOPICS = {REVIEWS, PROFILE}


class ReviewsPage(RecordListPage):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(
            doc,
            title=self.tr("Reviews"),
            intro=self.tr(
                "Keep a note of each review with your manager: what you discussed and "
                "the actions you agreed."
            ),
            table_name=self.tr("Reviews"),
            search_hint=self.tr("Search reviews"),
            new_label=self.tr("New review"),
            source=ReviewTableModel(),
            proxy=ReviewFilterModel(),
            id_role=REVIEW_ID_ROLE,
            parent=parent,
        )
        self.preview.setAccessibleName(self.tr("Review preview"))
        self.load_rows()
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.resize_columns(COL_NOTES, {COL_REVIEWER: 24}, self.source.fixed_column_texts())
        self.finish_layout()
        doc.changed.connect(self.refresh)

    def refresh(self, topic: str) -> None:
        """Reloads from the store when ``topic`` is one this page shows."""
        if topic in TOPICS:
            self.reload()

    def load_rows(self) -> None:
        self.source.set_rows(self.doc.store.reviews())

    def write_preview(self, writer: PreviewWriter, record: Review) -> None:
        writer.title(self.tr("Review of %s") % format_date(record.date))
        if record.reviewer:
            writer.line(self.tr("With %s") % record.reviewer)
        if record.next_review:
            writer.line(self.tr("Next review planned for %s") % format_date(record.next_review))
        writer.section(self.tr("Notes"), record.notes)
        actions = agreed_action_lines(record)
        writer.section(
            self.tr("Agreed actions"),
            "\n".join(f"• {line}" for line in actions) if actions else self.tr("None recorded."),
        )

    def record_dialog(self, record):
        from planner.ui.dialogs.review_dialog import ReviewDialog

        return ReviewDialog(self.doc, record, parent=self)

    def record_from(self, dialog):
        return dialog.review()

    def save_command(self, new, old):
        return SaveReview(self.doc, new, old)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        question = self.tr("Delete the review of %s? You can undo this.") % format_date(record.date)
        if confirm(self, self.tr("Delete review?"), question):
            self.doc.execute(DeleteReview(self.doc, record.id))
