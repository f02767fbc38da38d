"""Table models of the learning (CPD) log and the feedback log over plain records,
and the search filter both share."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from planner.domain.learning import (
    CPD_METHODS,
    FEEDBACK_SOURCES,
    FeedbackEntry,
    LearningActivity,
    hours_text,
)
from planner.ui.models.goals_model import format_date
from planner.ui.models.rows_model import SORT_ROLE, RecordFilterModel, RowsTableModel
from planner.ui.models.tooltip import plain_tooltip

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def source_text(entry: FeedbackEntry) -> str:
    """Who gave the feedback: the kind of source and, when given, the role."""
    source = FEEDBACK_SOURCES.get(entry.source, entry.source)
    return f"{source} ({entry.source_role})" if entry.source_role else source


class RecordsModel(RowsTableModel):
    """Records (with ``id``) as rows; subclasses give ``cell``, ``sort_key`` and
    ``search_text``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorts the rows by one key each: a proxy sorting thousands of records asks
        ``data()`` twice per comparison, hundreds of milliseconds on every change."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [self._rows[i.row()] for i in before]
        self._order = (column, order)
        self._rows = self._sorted(self._rows)
        row_of = {id(record): n for n, record in enumerate(self._rows)}
        after = [
            self.index(row_of[id(r)], i.column()) for r, i in zip(kept, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list) -> list:
        if self._order is None:
            return list(rows)
        column, order = self._order
        return sorted(
            rows,
            key=lambda record: self.sort_key(record, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def row_at(self, row: int):
        return self._rows[row]

    def total(self) -> int:
        return len(self._rows)

    def row_of(self, record_id: int | None) -> int:
        for i, record in enumerate(self._rows):
            if record_id is not None and record.id == record_id:
                return i
        return -1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == RECORD_ID_ROLE:
            return record.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.cell(record, index.column())
            return plain_tooltip(text) if text else None
        if role == SORT_ROLE:
            return self.sort_key(record, index.column())
        return None

    def cell(self, record, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, record, column: int):
        return self.cell(record, column).casefold()

    def search_text(self, record) -> str:
        raise NotImplementedError

    def dates_texts(self) -> list[str]:
        return [format_date(dt.date(2026, m, 28)) for m in range(1, 13)]


class SortedRecordsFilter(RecordFilterModel):
    """Filters by the search; sorting is left to the records model underneath."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class LearningTableModel(RecordsModel):
    COL_DATE, COL_METHOD, COL_TOPIC, COL_HOURS, COL_PARTICIPATORY = range(5)
    headers = ("Date", "Method", "Topic", "Hours", "Participatory")

    def cell(self, record: LearningActivity, column: int) -> str:
        if column == self.COL_DATE:
            return format_date(record.start)  # the preview gives the last day too
        if column == self.COL_METHOD:
            return self.tr(CPD_METHODS.get(record.method, record.method))
        if column == self.COL_TOPIC:
            return " ".join(record.topic.split())
        if column == self.COL_HOURS:
            return hours_text(record.hours)
        return hours_text(record.participatory_hours)

    def sort_key(self, record: LearningActivity, column: int):
        if column == self.COL_DATE:
            return f"{record.start.isoformat()}-{record.id or 0:012d}"
        if column == self.COL_HOURS:
            return record.hours
        if column == self.COL_PARTICIPATORY:
            return record.participatory_hours
        return super().sort_key(record, column)

    def search_text(self, record: LearningActivity) -> str:
        method = CPD_METHODS.get(record.method, "")
        return " ".join([method, record.topic, record.relevance, record.evidence])


class FeedbackTableModel(RecordsModel):
    COL_DATE, COL_FROM, COL_SUMMARY, COL_RATINGS = range(4)
    headers = ("Date", "From", "What it said", "360 ratings")

    def cell(self, record: FeedbackEntry, column: int) -> str:
        if column == self.COL_DATE:
            return format_date(record.date)
        if column == self.COL_FROM:
            return source_text(record)
        if column == self.COL_SUMMARY:
            return " ".join(record.summary[:600].split())[:300]
        count = len(record.ratings)
        if count == 0:
            return ""
        return self.tr("1 skill") if count == 1 else self.tr("%d skills") % count

    def sort_key(self, record: FeedbackEntry, column: int):
        if column == self.COL_DATE:
            return f"{record.date.isoformat()}-{record.id or 0:012d}"
        if column == self.COL_RATINGS:
            return len(record.ratings)
        return super().sort_key(record, column)

    def search_text(self, record: FeedbackEntry) -> str:
        return " ".join([source_text(record), record.summary, record.response])
