"""The overview's latest progress entries across every goal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.domain.models import ProgressEntry
from planner.ui.models.goals_model import GOAL_ID_ROLE, format_date
from planner.ui.models.rows_model import RowsTableModel
from planner.ui.models.tooltip import plain_tooltip

COL_DATE, COL_GOAL, COL_PERCENT, COL_NOTE = range(4)
HEADERS = ("Date", "Goal", "Progress", "Note")


class RecentProgressModel(RowsTableModel):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[int, str, ProgressEntry]] = []

    def set_rows(self, rows: list[tuple[int, str, ProgressEntry]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        goal_id, title, entry = self._rows[index.row()]
        if role == GOAL_ID_ROLE:
            return goal_id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_date(entry.date),
                title,
                f"{entry.percent}%",
                entry.note.replace("\n", " "),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_GOAL, COL_NOTE):
            return plain_tooltip(title if index.column() == COL_GOAL else entry.note)
        return None
