"""The overview's table: one row per skill with level, goals and average progress."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from planner.ui.models.goals_model import PERCENT_ROLE
from planner.ui.models.rows_model import RowsTableModel

COL_SKILL, COL_LEVEL, COL_TARGET, COL_PREVIOUS, COL_GOALS, COL_PROGRESS = range(6)
HEADERS = (
    "Skill",
    "Latest self-rating",
    "Target",
    "Previous",
    "Goals achieved",
    "Average progress",
)
SKILL_ID_ROLE = Qt.ItemDataRole.UserRole + 10


@dataclass(frozen=True)
class SkillRow:
    skill_id: str
    name: str
    level: str
    previous: str
    achieved: int
    total: int
    average: float
    target: str = ""


class SkillSummaryModel(RowsTableModel):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SkillRow] = []

    def set_rows(self, rows: list[SkillRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> SkillRow:
        return self._rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == SKILL_ID_ROLE:
            return row.skill_id
        if role == PERCENT_ROLE and col == COL_PROGRESS:
            return round(row.average)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name,
                row.level or self.tr("Not rated yet"),
                row.target or self.tr("No target"),
                row.previous or "—",
                self.tr("%d of %d") % (row.achieved, row.total),
                f"{round(row.average)}%",
            )[col]
        return None
