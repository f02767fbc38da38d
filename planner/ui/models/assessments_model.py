"""The self-assessment history as a matrix: one row per skill, one column per round."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.domain.models import IMPORTANCE_LABELS, Framework, SelfAssessment
from planner.domain.targets import level_text
from planner.ui.models.goals_model import format_date
from planner.ui.models.tooltip import plain_tooltip

LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class AssessmentMatrixModel(QAbstractTableModel):
    """Rows are the framework's skills; columns are round dates, oldest first; each
    cell holds the level label of that skill in that round (blank when not rated).
    Given targets, a last column shows each skill's target level."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._skills: list[tuple[str, str]] = []  # (id, name)
        self._framework: Framework | None = None
        self._dates: list[dt.date] = []
        self._cells: dict[tuple[str, dt.date], SelfAssessment] = {}
        self._targets: dict[str, int] | None = None

    def set_rows(
        self,
        framework: Framework,
        assessments: list[SelfAssessment],
        targets: dict[str, int] | None = None,
    ) -> None:
        """Replaces the matrix.

        Args:
            framework: gives the rows (its skills) and the level labels.
            assessments: every rating of every round.
            targets: each skill's target level; None leaves the target column out.
        """
        self.beginResetModel()
        self._framework = framework
        self._skills = [(s.id, s.name) for s in framework.skills]
        self._dates = sorted({a.date for a in assessments})
        self._cells = {(a.skill, a.date): a for a in assessments}
        self._targets = None if targets is None else dict(targets)
        self.endResetModel()

    @property
    def target_column(self) -> int:
        """The column of targets; -1 when the matrix has none."""
        return -1 if self._targets is None or not self._dates else len(self._dates)

    @property
    def dates(self) -> list[dt.date]:
        return list(self._dates)

    def date_at(self, column: int) -> dt.date | None:
        """The round of ``column``; None for the target column."""
        return self._dates[column] if 0 <= column < len(self._dates) else None

    def column_of(self, date: dt.date | None) -> int:
        return self._dates.index(date) if date in self._dates else -1

    def rating(self, row: int, column: int) -> SelfAssessment | None:
        return self._cells.get((self._skills[row][0], self._dates[column]))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._skills)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._dates) + (self.target_column >= 0)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                if section == self.target_column:
                    return self.tr("Target")
                return format_date(self._dates[section])
            return self._skills[section][1]
        if role == DATE_ROLE and orientation == Qt.Orientation.Horizontal:
            return self.date_at(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._framework is None:
            return None
        if index.column() == self.target_column:
            return self._target_data(index.row(), role)
        rating = self.rating(index.row(), index.column())
        if role == DATE_ROLE:
            return self._dates[index.column()]
        if rating is None:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Not rated")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self._framework.level_label(rating.level))
        if role == LEVEL_ROLE:
            return rating.level
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                self.tr("Level %d of %d: %s")
                % (
                    rating.level,
                    len(self._framework.scale),
                    self._framework.level_label(rating.level),
                )
            ]
            if rating.importance:
                lines.append(
                    self.tr("Importance to role: %s")
                    % self.tr(IMPORTANCE_LABELS.get(rating.importance, ""))
                )
            if rating.note:
                lines.append(self.tr("Note: %s") % rating.note)
            return plain_tooltip("\n".join(lines))
        return None

    def _target_data(self, row: int, role: int):
        target = (self._targets or {}).get(self._skills[row][0])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return level_text(self._framework, target) if target else self.tr("No target")
        if role == LEVEL_ROLE:
            return target
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("The level you aim to reach this cycle")
        if role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
