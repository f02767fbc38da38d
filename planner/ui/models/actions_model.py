"""A goal's action checklist as an editable table model (text, due date, done)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal

from planner.domain.models import GoalAction
from planner.ui.models.goals_model import format_date
from planner.ui.models.rows_model import RowsTableModel

COL_TEXT, COL_DUE = range(2)
HEADERS = ("Action", "Due")


class ActionsModel(RowsTableModel):
    """Editable when ``editable``; otherwise ticking a box emits ``toggled`` so the
    caller can record an undoable command instead of changing the row itself."""

    headers = HEADERS

    toggled = Signal(int, bool)  # row, done

    def __init__(self, editable: bool = False, parent=None):
        super().__init__(parent)
        self.editable = editable
        self._rows: list[GoalAction] = []

    def set_rows(self, rows: list[GoalAction]) -> None:
        self.beginResetModel()
        self._rows = [GoalAction(a.text, a.due, a.done, a.id) for a in rows]
        self.endResetModel()

    def actions(self) -> list[GoalAction]:
        return [GoalAction(a.text, a.due, a.done, a.id) for a in self._rows if a.text.strip()]

    def action_at(self, row: int) -> GoalAction:
        return self._rows[row]

    def add_action(self, text: str = "", due: dt.date | None = None) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(GoalAction(text, due))
        self.endInsertRows()
        return row

    def remove_action(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_TEXT:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        if self.editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        if index.column() == COL_TEXT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return action.text
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
        elif index.column() == COL_DUE:
            if role == Qt.ItemDataRole.DisplayRole:
                return format_date(action.due) or self.tr("No date")
            if role == Qt.ItemDataRole.EditRole:
                return action.due
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        action = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == COL_TEXT:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            if not self.editable:
                self.toggled.emit(index.row(), done)
                return False
            action.done = done
        elif role == Qt.ItemDataRole.EditRole and self.editable:
            if index.column() == COL_TEXT:
                action.text = str(value)
            else:
                if isinstance(value, QDate):
                    value = value.toPython() if value.isValid() else None
                action.due = value if isinstance(value, dt.date) else None
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True
