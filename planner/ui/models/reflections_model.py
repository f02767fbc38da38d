"""Table model of the reflective journal over plain ``ReflectionRow`` rows, filtered
and sorted in place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import attrgetter

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.domain.models import ReflectionRow
from planner.domain.reflection_models import REFLECTION_MODELS
from planner.store import PlanStore
from planner.ui.models.goals_model import format_date
from planner.ui.models.rows_model import RowsTableModel
from planner.ui.models.tooltip import plain_tooltip

COL_DATE, COL_TITLE, COL_SKILL, COL_MODEL, COL_PRIVATE = range(5)
HEADERS = ("Date", "Title", "Skill", "Model", "Private")
REFLECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Short names for the table; the dialog shows the full model names.
MODEL_SHORT_NAMES = {
    "rolfe": "Rolfe",
    "gibbs": "Gibbs",
    "nmc": "NMC account",
    "medical": "Appraisal",
}

_Index = QModelIndex | QPersistentModelIndex


class ReflectionTableModel(RowsTableModel):
    """Reflections as rows, filtered by a search and the private flag and sorted by
    any column.

    Filtering and sorting happen here on plain rows rather than in a
    QSortFilterProxyModel, whose sort calls ``data()``, ``rowCount()`` and
    ``columnCount()`` at every comparison: about 200,000 Python calls each for a
    journal of 10,000 reflections, against 10,000 key calls here.

    ``load`` opens the list newest first with one page of rows from the store
    (reading all 10,000 took about 20 ms); the rest is read as the view scrolls to
    the end, or at once for a search, another order or to hide private entries. The
    store searches the sections, so the list never holds them; the first search
    reads the rest of the rows in the same pass.
    """

    headers = HEADERS

    PAGE = 200

    def __init__(self, store: PlanStore | None = None, parent=None):
        super().__init__(parent)
        self._store = store
        self._complete = True
        self._all: list[ReflectionRow] = []  # oldest first
        self._matches: set[int] | None = None  # ids a search found
        self._rows: list[ReflectionRow] = []
        self._row_of: dict[int, int] = {}
        self._skill_names: dict[str, str] = {}
        self._text = ""
        self._show_private = True
        self._sort_column: int | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(
        self, rows: list[ReflectionRow], skill_names: dict[str, str] | None = None
    ) -> None:
        """Replaces the rows with all of ``rows``, searching again if searching.

        Args:
            rows: the reflections to show.
            skill_names: display name of each skill id (unknown ids show as blank).
        """
        self.beginResetModel()
        self._all = _by_date(rows)
        self._complete = True
        self._skill_names = dict(skill_names or {})
        self._matches = self._find(self._text)
        self._arrange()
        self.endResetModel()

    def load(self, skill_names: dict[str, str]) -> None:
        """(Re)reads the rows from the store: as many as were read before (at least a
        page) while the list shows every row newest first, otherwise all; and
        searches again.

        Args:
            skill_names: display name of each skill id (unknown ids show as blank).
        """
        store = self._need_store()
        self.beginResetModel()
        self._skill_names = dict(skill_names)
        self._matches = None
        if self._text.split():
            rows, self._matches = store.reflection_rows_searched(self._text)
            self._complete = True
        elif self._needs_all():
            rows = store.reflection_rows()
            self._complete = True
        else:
            limit = max(self.PAGE, len(self._all))
            rows = store.reflection_rows(newest_first=True, limit=limit)
            self._complete = len(rows) < limit
        self._all = _by_date(rows)
        self._arrange()
        self.endResetModel()

    def set_text(self, text: str) -> None:
        """Shows only reflections holding every word of ``text`` (any case) in their
        title, skill or sections."""
        self.beginResetModel()
        self._text = text
        if not text.split():
            self._matches = None
            if self._needs_all():
                self._read_rest()
        elif self._complete:
            self._matches = self._need_store().reflection_ids_matching(text)
        else:
            rows, self._matches = self._need_store().reflection_rows_searched(text)
            self._all, self._complete = _by_date(rows), True
        self._arrange()
        self.endResetModel()

    def set_show_private(self, show: bool) -> None:
        """Shows or hides the reflections marked private."""
        self.beginResetModel()
        self._show_private = show
        if self._needs_all():
            self._read_rest()
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column != COL_DATE or order != Qt.SortOrder.DescendingOrder:
            self.load_rest()
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._sort_column, self._sort_order = column, order
        self._arrange()
        after = [self.index(self._row_of[r], i.column()) for r, i in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _find(self, text: str) -> set[int] | None:
        return self._need_store().reflection_ids_matching(text) if text.split() else None

    def _need_store(self) -> PlanStore:
        if self._store is None:
            raise ValueError("reading or searching reflections needs the model's store")
        return self._store

    def _needs_all(self) -> bool:
        """Whether the list as asked for can show rows beyond the newest ones."""
        return bool(
            self._text.split()
            or not self._show_private
            or self._sort_column not in (None, COL_DATE)
            or self._sort_order != Qt.SortOrder.DescendingOrder
        )

    def _read_rest(self) -> list[ReflectionRow]:
        """Reads the rows not read yet, without telling views (callers do)."""
        if self._complete:
            return []
        older = self._need_store().reflection_rows(newest_first=True, offset=len(self._all))
        self._complete = True
        self._all = _by_date([*older, *self._all])
        return older

    def load_rest(self) -> None:
        """Reads every reflection not read yet."""
        self._insert_older(self._read_rest())

    def _insert_older(self, older: list[ReflectionRow]) -> None:
        # Rows are only partly read while every row shows, newest first, so older
        # rows are the last ones; _read_rest has added them to _all.
        if not older:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(older) - 1)
        self._arrange()
        self.endInsertRows()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        older = self._need_store().reflection_rows(
            newest_first=True, limit=self.PAGE, offset=len(self._all)
        )
        self._complete = len(older) < self.PAGE
        self._all = _by_date([*older, *self._all])
        self._insert_older(older)

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
        """How many reflections have been read, shown or filtered out."""
        return len(self._all)

    def complete(self) -> bool:
        """Whether every reflection has been read."""
        return self._complete

    def skill_name(self, skill_id: str | None) -> str:
        return self._skill_names.get(skill_id or "", "")

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


def _by_date(rows: list[ReflectionRow]) -> list[ReflectionRow]:
    """Oldest first, same-day entries in the order written: ties in any sort keep
    this order. Sorted twice on plain keys rather than once on (date, id) tuples,
    which would add 10,000 objects for the garbage collector to trace; rows come
    from the store in order (or reversed), so each pass is one scan."""
    return sorted(sorted(rows, key=attrgetter("id")), key=attrgetter("date"))
