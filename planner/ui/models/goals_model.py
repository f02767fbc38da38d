"""Table model of a skill's goals, over plain ``GoalSummary`` rows, and its filter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.domain.models import PRIORITY_LABELS, STATUS_LABELS, GoalSummary

COL_TITLE, COL_STATUS, COL_PRIORITY, COL_TARGET, COL_PROGRESS = range(5)
HEADERS = ("Goal", "Status", "Priority", "Target date", "Progress")
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PERCENT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def format_date(day: dt.date | None) -> str:
    """Dates as clinicians write them: 5 Mar 2026."""
    return f"{day.day} {day:%b %Y}" if day else ""


class GoalTableModel(QAbstractTableModel):
    """Goals as rows; ``set_rows`` replaces them all (a reset, as lists are small)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[GoalSummary] = []
        self.today = dt.date.today()

    def set_rows(self, rows: list[GoalSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.today = dt.date.today()
        self.endResetModel()

    def row_at(self, row: int) -> GoalSummary:
        return self._rows[row]

    def row_of(self, goal_id: int) -> int:
        for i, summary in enumerate(self._rows):
            if summary.id == goal_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def is_overdue(self, goal: GoalSummary) -> bool:
        return bool(
            goal.target_date
            and goal.target_date < self.today
            and goal.status not in ("achieved", "deferred")
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        goal = self._rows[index.row()]
        col = index.column()
        if role == GOAL_ID_ROLE:
            return goal.id
        if role == PERCENT_ROLE:
            return goal.percent
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                return goal.title
            if col == COL_STATUS:
                return self.tr(STATUS_LABELS[goal.status])
            if col == COL_PRIORITY:
                return self.tr(PRIORITY_LABELS[goal.priority])
            if col == COL_TARGET:
                text = format_date(goal.target_date)
                return text + self.tr(" (overdue)") if self.is_overdue(goal) else text
            if col == COL_PROGRESS:
                return f"{goal.percent}%"
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_PROGRESS:
            return self.tr("%d percent") % goal.percent
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            return goal.title
        if role == SORT_ROLE:
            if col == COL_TITLE:
                return goal.title.casefold()
            if col == COL_STATUS:
                return goal.status
            if col == COL_PRIORITY:
                return PRIORITY_ORDER[goal.priority]
            if col == COL_TARGET:
                return goal.target_date.isoformat() if goal.target_date else "9999"
            if col == COL_PROGRESS:
                return goal.percent
        return None


class GoalFilterModel(QSortFilterProxyModel):
    """Filters by words in the title and by status; sorts on raw values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._status: str | None = None

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        goal = self.sourceModel().row_at(source_row)
        if self._status and goal.status != self._status:
            return False
        title = goal.title.casefold()
        return all(word in title for word in self._words)
