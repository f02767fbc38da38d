"""A goal's action checklist as an editable table model (text, due date, done)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal

from planner.domain.dates import DateTextError, parse_date
from planner.domain.models import GoalAction
from planner.domain.validation import MAX_ACTION_TEXT
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
        # Due-date text that is not a date, kept as typed (by row object) until fixed.
        self._bad_due: dict[int, str] = {}

    def set_rows(self, rows: list[GoalAction]) -> None:
        self.beginResetModel()
        self._rows = [GoalAction(a.text, a.due, a.done, a.id) for a in rows]
        self._bad_due = {}
        self.endResetModel()

    def problems(self) -> list[str]:
        """One sentence per action that is too long or whose due date is text that is
        not a date."""
        return [text for _row, text in self.problem_rows()]

    def problem_rows(self) -> list[tuple[int, str]]:
        """``problems()`` with the row each is about, for moving there to fix it."""
        found = []
        for row, action in enumerate(self._rows):
            if len(action.text) > MAX_ACTION_TEXT:
                found.append(
                    (
                        row,
                        self.tr("Action %d is longer than %d characters; please shorten it.")
                        % (row + 1, MAX_ACTION_TEXT),
                    )
                )
            if id(action) in self._bad_due:
                found.append(
                    (
                        row,
                        self.tr("Action %d: “%s” is not a date. Try 15/01/2027 or leave it empty.")
                        % (row + 1, self._bad_due[id(action)]),
                    )
                )
        return found

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
            self._bad_due.pop(id(self._rows[row]), None)
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
            bad = self._bad_due.get(id(action))
            if role == Qt.ItemDataRole.DisplayRole:
                if bad is not None:
                    return self.tr("%s (not a date)") % bad
                return format_date(action.due) or self.tr("No date")
            if role == Qt.ItemDataRole.EditRole:
                return bad if bad is not None else action.due
            if role == Qt.ItemDataRole.ToolTipRole and bad is not None:
                return self.tr("Not a date. Try 15/01/2027, 15 Jan 2027 or today.")
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
                self._set_due(action, value)
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def _set_due(self, action: GoalAction, value) -> None:
        if isinstance(value, QDate):
            value = value.toPython() if value.isValid() else None
        if isinstance(value, str):
            try:
                value = parse_date(value)
            except DateTextError:
                self._bad_due[id(action)] = value
                return
        self._bad_due.pop(id(action), None)
        action.due = value if isinstance(value, dt.date) else None
