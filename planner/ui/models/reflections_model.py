"""Table model of the reflective journal, over plain ``Reflection`` rows, and its filter."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.domain.models import Reflection
from planner.domain.reflection_models import REFLECTION_MODELS
from planner.ui.models.goals_model import format_date
from planner.ui.models.tooltip import plain_tooltip

COL_DATE, COL_TITLE, COL_SKILL, COL_MODEL, COL_PRIVATE = range(5)
HEADERS = ("Date", "Title", "Skill", "Model", "Private")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REFLECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Short names for the table; the dialog shows the full model names.
MODEL_SHORT_NAMES = {"rolfe": "Rolfe", "gibbs": "Gibbs"}

_Index = QModelIndex | QPersistentModelIndex


class ReflectionTableModel(QAbstractTableModel):
    """Reflections as rows; ``set_rows`` replaces them all (a reset, as lists are small)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Reflection] = []
        self._skill_names: dict[str, str] = {}

    def set_rows(self, rows: list[Reflection], skill_names: dict[str, str] | None = None) -> None:
        """Replaces the rows.

        Args:
            rows: the reflections to show.
            skill_names: display name of each skill id (unknown ids show as blank).
        """
        self.beginResetModel()
        self._rows = list(rows)
        self._skill_names = dict(skill_names or {})
        self.endResetModel()

    def row_at(self, row: int) -> Reflection:
        return self._rows[row]

    def row_of(self, reflection_id: int | None) -> int:
        for i, reflection in enumerate(self._rows):
            if reflection.id == reflection_id:
                return i
        return -1

    def skill_name(self, skill_id: str | None) -> str:
        return self._skill_names.get(skill_id or "", "")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        reflection = self._rows[index.row()]
        col = index.column()
        if role == REFLECTION_ID_ROLE:
            return reflection.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DATE:
                return format_date(reflection.date)
            if col == COL_TITLE:
                return reflection.title
            if col == COL_SKILL:
                return self.skill_name(reflection.skill)
            if col == COL_MODEL:
                return self.tr(MODEL_SHORT_NAMES.get(reflection.model, reflection.model))
            if col == COL_PRIVATE:
                return self.tr("Private") if reflection.private else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TITLE:
                return plain_tooltip(reflection.title)
            if col == COL_SKILL:
                return self.skill_name(reflection.skill)
            if col == COL_MODEL and reflection.model in REFLECTION_MODELS:
                return self.tr(REFLECTION_MODELS[reflection.model].name)
            if col == COL_PRIVATE and reflection.private:
                return self.tr("Left out of exports")
        if role == SORT_ROLE:
            if col == COL_DATE:
                # Same-day entries keep the order they were written in.
                return f"{reflection.date.isoformat()}-{reflection.id or 0:012d}"
            if col == COL_TITLE:
                return reflection.title.casefold()
            if col == COL_SKILL:
                return self.skill_name(reflection.skill).casefold()
            if col == COL_MODEL:
                return reflection.model
            if col == COL_PRIVATE:
                return int(reflection.private)
        return None


class ReflectionFilterModel(QSortFilterProxyModel):
    """Filters by words found anywhere in a reflection and by its private flag."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._show_private = True

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_private(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_private = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        reflection = model.row_at(source_row)
        if reflection.private and not self._show_private:
            return False
        if not self._words:
            return True
        haystack = " ".join(
            [reflection.title, model.skill_name(reflection.skill), *reflection.sections.values()]
        ).casefold()
        return all(word in haystack for word in self._words)
