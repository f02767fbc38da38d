"""Table model of the reflective journal over plain ``ReflectionRow`` rows, filtered
and sorted in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import attrgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.domain.models import ReflectionRow
from planner.domain.reflection_models import REFLECTION_MODELS
from planner.ui.models.goals_model import format_date
from planner.ui.models.tooltip import plain_tooltip

COL_DATE, COL_TITLE, COL_SKILL, COL_MODEL, COL_PRIVATE = range(5)
HEADERS = ("Date", "Title", "Skill", "Model", "Private")
REFLECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Short names for the table; the dialog shows the full model names.
MODEL_SHORT_NAMES = {"rolfe": "Rolfe", "gibbs": "Gibbs"}

_Index = QModelIndex | QPersistentModelIndex


class ReflectionTableModel(QAbstractTableModel):
    """Reflections as rows, filtered by a search and the private flag and sorted by
    any column.

    Filtering and sorting happen here on plain rows rather than in a
    QSortFilterProxyModel, whose sort calls ``data()``, ``rowCount()`` and
    ``columnCount()`` at every comparison: about 200,000 Python calls each for a
    journal of 10,000 reflections, against 10,000 key calls here. The words of a
    search are looked up by ``search`` (the store, which reads the sections there,
    so they are never loaded for the list).
    """

    def __init__(self, search: Callable[[str], set[int]], parent=None):
        super().__init__(parent)
        self._search = search
        self._all: list[ReflectionRow] = []
        self._rows: list[ReflectionRow] = []
        self._row_of: dict[int, int] = {}
        self._skill_names: dict[str, str] = {}
        self._text = ""
        self._matches: set[int] | None = None
        self._show_private = True
        self._sort_column: int | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(
        self, rows: list[ReflectionRow], skill_names: dict[str, str] | None = None
    ) -> None:
        """Replaces the rows, searching again for the words being searched for.

        Args:
            rows: the reflections to show.
            skill_names: display name of each skill id (unknown ids show as blank).
        """
        self.beginResetModel()
        # Oldest first, same-day entries in the order they were written: ties in any
        # sort keep this order. Sorted twice on plain keys rather than once on
        # (date, id) tuples, which would add 10,000 objects for the garbage collector
        # to trace; already in order from the store, each pass is one scan.
        self._all = sorted(sorted(rows, key=attrgetter("id")), key=attrgetter("date"))
        self._skill_names = dict(skill_names or {})
        self._matches = self._find(self._text)
        self._arrange()
        self.endResetModel()

    def set_text(self, text: str) -> None:
        """Shows only reflections holding every word of ``text`` (any case) in their
        title, skill or sections."""
        self.beginResetModel()
        self._text = text
        self._matches = self._find(text)
        self._arrange()
        self.endResetModel()

    def set_show_private(self, show: bool) -> None:
        """Shows or hides the reflections marked private."""
        self.beginResetModel()
        self._show_private = show
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._sort_column, self._sort_order = column, order
        self._arrange()
        after = [self.index(self._row_of[r], i.column()) for r, i in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _find(self, text: str) -> set[int] | None:
        return self._search(text) if text.split() else None

    def _arrange(self) -> None:
        rows = self._all
        if not self._show_private:
            rows = [r for r in rows if not r.private]
        if self._matches is not None:
            matches = self._matches
            rows = [r for r in rows if r.id in matches]
        rows = list(rows)
        if self._sort_column is not None:
            rows.sort(key=self._sort_key(self._sort_column))
            if self._sort_order == Qt.SortOrder.DescendingOrder:
                # The exact reverse, so that the newest of a day comes first.
                rows.reverse()
        self._rows = rows
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    def _sort_key(self, column: int) -> Callable[[ReflectionRow], object]:
        if column == COL_TITLE:
            return lambda r: r.title.casefold()
        if column == COL_SKILL:
            names = {skill: name.casefold() for skill, name in self._skill_names.items()}
            return lambda r: names.get(r.skill or "", "")
        if column == COL_MODEL:
            return attrgetter("model")
        if column == COL_PRIVATE:
            return attrgetter("private")
        return attrgetter("date")

    def row_at(self, row: int) -> ReflectionRow:
        return self._rows[row]

    def row_of(self, reflection_id: int | None) -> int:
        """The row showing ``reflection_id``, or -1 when it is not shown."""
        return self._row_of.get(reflection_id, -1) if reflection_id is not None else -1

    def total(self) -> int:
        """How many reflections there are, shown or filtered out."""
        return len(self._all)

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
        return None

    def fixed_column_texts(self) -> dict[int, list[str]]:
        """Every value the date, model and private columns can show, so their widths
        come from these few strings instead of measuring thousands of rows."""
        months = [format_date(dt.date(2026, m, 28)) for m in range(1, 13)]
        return {
            COL_DATE: months,
            COL_MODEL: [self.tr(name) for name in MODEL_SHORT_NAMES.values()],
            COL_PRIVATE: [self.tr("Private")],
        }
