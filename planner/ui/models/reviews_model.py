"""Table model of the manager reviews, over plain ``Review`` rows, and its filter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.domain.models import Review
from planner.ui.models.goals_model import format_date
from planner.ui.models.rows_model import SORT_ROLE, RecordFilterModel, RowsTableModel
from planner.ui.models.tooltip import plain_tooltip

COL_DATE, COL_REVIEWER, COL_NOTES, COL_ACTIONS, COL_NEXT = range(5)
HEADERS = ("Date", "Reviewer", "Notes", "Agreed actions", "Next review")
REVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
# The most of the notes the table shows on one line; the preview shows them whole.
# Eliding a long text measures all of it, for every row painted.
NOTES_SHOWN = 300


def agreed_action_lines(review: Review) -> list[str]:
    """The agreed actions, one per non-blank line."""
    return [line.strip() for line in review.agreed_actions.splitlines() if line.strip()]


class ReviewTableModel(RowsTableModel):
    """Reviews as rows; ``set_rows`` replaces them all."""

    @staticmethod
    def search_text(review: Review) -> str:
        return " ".join([review.reviewer, review.notes, review.agreed_actions])

    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Review] = []

    def set_rows(self, rows: list[Review]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Review:
        return self._rows[row]

    def total(self) -> int:
        """How many reviews there are, shown or filtered out."""
        return len(self._rows)

    def row_of(self, review_id: int | None) -> int:
        for i, review in enumerate(self._rows):
            if review.id == review_id:
                return i
        return -1

    def fixed_column_texts(self) -> dict[int, list[str]]:
        """The widest values of the date, agreed-actions and next-review columns, so
        their widths need not be measured row by row."""
        dates = [format_date(dt.date(2026, m, 28)) for m in range(1, 13)]
        return {
            COL_DATE: dates,
            COL_NEXT: [*dates, self.tr("Not set")],
            COL_ACTIONS: [self.tr("None"), self.tr("1 action"), self.tr("%d actions") % 88],
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        review = self._rows[index.row()]
        col = index.column()
        if role == REVIEW_ID_ROLE:
            return review.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DATE:
                return format_date(review.date)
            if col == COL_REVIEWER:
                return review.reviewer
            if col == COL_NOTES:
                return " ".join(review.notes[: NOTES_SHOWN * 2].split())[:NOTES_SHOWN]
            if col == COL_ACTIONS:
                count = len(agreed_action_lines(review))
                if count == 0:
                    return self.tr("None")
                return self.tr("1 action") if count == 1 else self.tr("%d actions") % count
            if col == COL_NEXT:
                return format_date(review.next_review) if review.next_review else self.tr("Not set")
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NOTES:
            return plain_tooltip(review.notes)
        if role == SORT_ROLE:
            if col == COL_DATE:
                return f"{review.date.isoformat()}-{review.id or 0:012d}"
            if col == COL_REVIEWER:
                return review.reviewer.casefold()
            if col == COL_NOTES:
                return review.notes.casefold()
            if col == COL_ACTIONS:
                return len(agreed_action_lines(review))
            if col == COL_NEXT:
                # Reviews with no next date sort after those with one.
                return review.next_review.isoformat() if review.next_review else "9999"
        return None


class ReviewFilterModel(RecordFilterModel):
    """Filters by words in the reviewer, notes or agreed actions (``search_text``)."""
