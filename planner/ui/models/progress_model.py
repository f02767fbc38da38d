"""A goal's progress history, newest first, fetched a page at a time.

A goal may have a thousand entries; the view asks for more only as it scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from planner.domain.models import ProgressEntry
from planner.store import PlanStore
from planner.ui.models.goals_model import format_date
from planner.ui.models.rows_model import RowsTableModel
from planner.ui.models.tooltip import plain_tooltip

COL_DATE, COL_PERCENT, COL_NOTE = range(3)
HEADERS = ("Date", "Progress", "Note")
PAGE = 100


class ProgressModel(RowsTableModel):
    headers = HEADERS

    def __init__(self, store: PlanStore | None = None, parent=None):
        super().__init__(parent)
        self._store = store
        self._goal_id: int | None = None
        self._rows: list[ProgressEntry] = []
        self._total = 0

    def set_goal(self, store: PlanStore | None, goal_id: int | None) -> None:
        self.beginResetModel()
        self._store = store
        self._goal_id = goal_id
        self._rows = []
        self._total = store.progress_count(goal_id) if store and goal_id is not None else 0
        if self._total:
            self._rows = store.progress(goal_id, limit=PAGE, newest_first=True)
        self.endResetModel()

    def entry_at(self, row: int) -> ProgressEntry:
        return self._rows[row]

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._store is None or self._goal_id is None:
            return
        more = self._store.progress(
            self._goal_id, limit=PAGE, offset=len(self._rows), newest_first=True
        )
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == COL_DATE:
                return format_date(entry.date)
            if index.column() == COL_PERCENT:
                return f"{entry.percent}%"
            # One line in the table; the full note is in the tooltip.
            return entry.note.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NOTE:
            return plain_tooltip(entry.note)
        return None
