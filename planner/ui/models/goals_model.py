"""Table model of a skill's goals over plain ``GoalSummary`` rows, filtered and sorted in place."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from planner.domain.dates import short_date
from planner.domain.deadlines import is_overdue
from planner.domain.models import PRIORITY_LABELS, STATUS_LABELS, GoalSummary, goal_marks
from planner.ui.models.rows_model import RowsTableModel
from planner.ui.models.tooltip import plain_tooltip

COL_TITLE, COL_STATUS, COL_PRIORITY, COL_TARGET, COL_PROGRESS = range(5)
HEADERS = ("Goal", "Status", "Priority", "Target date", "Progress")
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PERCENT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex

# A filter beside the statuses, not a status: open goals past their target date.
OVERDUE = "overdue"


def format_date(day: dt.date | None) -> str:
    """Dates as clinicians write them: 5 Mar 2026."""
    return short_date(day)


class GoalTableModel(RowsTableModel):
    """Goals as rows, filtered by title words and status and sorted by any column.

    Filtering and sorting happen here on plain rows rather than in a
    QSortFilterProxyModel, whose sort calls ``data()`` for every comparison: about
    180,000 Python calls for a skill with 3,600 goals, against 3,600 key calls here.
    """

    headers = HEADERS
    # Where "today" comes from, read each time the rows are set; tests fix it.
    clock: Callable[[], dt.date] = staticmethod(dt.date.today)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[GoalSummary] = []
        self._rows: list[GoalSummary] = []
        self._row_of: dict[int, int] = {}
        self._words: list[str] = []
        self._status: str | None = None
        self._sort_column: int | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.today = self.clock()

    def set_rows(self, rows: list[GoalSummary]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self.today = self.clock()
        self._arrange()
        self.endResetModel()

    def set_text(self, text: str) -> None:
        """Shows only goals whose title holds every word of ``text`` (any case)."""
        self.beginResetModel()
        self._words = text.casefold().split()
        self._arrange()
        self.endResetModel()

    def set_status(self, status: str | None) -> None:
        """Shows only goals with ``status`` (``None``: every status; ``OVERDUE``: open
        goals past their target date)."""
        self.beginResetModel()
        self._status = status
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._sort_column, self._sort_order = column, order
        self._arrange()
        after = [self.index(self._row_of[g], i.column()) for g, i in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def put(self, goal_id: int, summary: GoalSummary | None) -> None:
        """Replaces or adds one goal's row, or removes it (``summary`` None), keeping
        the filter, the order and the selection."""
        rows = [g for g in self._all if g.id != goal_id]
        if summary is not None:
            rows.insert(bisect.bisect([g.id for g in rows], goal_id), summary)
        if {g.id for g in self._filtered(rows)} != self._row_of.keys():
            # Rows come or go: a reset, so that views count them again.
            self.beginResetModel()
            self._all = rows
            self._arrange()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(self._rows[i.row()].id, i.column()) for i in before]
        self._all = rows
        self._arrange()
        self.changePersistentIndexList(
            before, [self.index(self._row_of[g], column) for g, column in held]
        )
        self.layoutChanged.emit()

    def _filtered(self, rows: list[GoalSummary]) -> list[GoalSummary]:
        if self._status == OVERDUE:
            rows = [g for g in rows if self.is_overdue(g)]
        elif self._status:
            rows = [g for g in rows if g.status == self._status]
        if self._words:
            words = self._words
            rows = [g for g in rows if all(w in g.title.casefold() for w in words)]
        return rows

    def _arrange(self) -> None:
        rows = self._filtered(self._all)
        if self._sort_column is not None:
            rows = sorted(
                rows,
                key=_SORT_KEYS[self._sort_column],
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        self._rows = list(rows)
        self._row_of = {goal.id: i for i, goal in enumerate(self._rows)}

    def row_at(self, row: int) -> GoalSummary:
        return self._rows[row]

    def row_of(self, goal_id: int) -> int:
        """The row showing ``goal_id``, or -1 when it is not shown."""
        return self._row_of.get(goal_id, -1)

    def total(self) -> int:
        """How many goals there are, shown or filtered out."""
        return len(self._all)

    def status_counts(self) -> dict[str | None, int]:
        """How many goals each status filter would show, before the title filter:
        per status, ``OVERDUE``, and ``None`` for all of them."""
        counts: dict[str | None, int] = {None: len(self._all), OVERDUE: 0}
        for goal in self._all:
            counts[goal.status] = counts.get(goal.status, 0) + 1
            if self.is_overdue(goal):
                counts[OVERDUE] += 1
        return counts

    def is_overdue(self, goal: GoalSummary) -> bool:
        return is_overdue(goal.status, goal.target_date, self.today)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        goal = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                return goal.title + self._marks(goal)
            if col == COL_STATUS:
                return self.tr(STATUS_LABELS[goal.status])
            if col == COL_PRIORITY:
                return self.tr(PRIORITY_LABELS[goal.priority])
            if col == COL_TARGET:
                text = format_date(goal.target_date)
                return text + self.tr(" (overdue)") if self.is_overdue(goal) else text
            if col == COL_PROGRESS:
                return f"{goal.percent}%"
            return None
        if role == GOAL_ID_ROLE:
            return goal.id
        if role == PERCENT_ROLE:
            return goal.percent
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_PROGRESS:
            return self.tr("%d percent") % goal.percent
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            marks = [self.tr(label) for label in goal_marks(goal)]
            return plain_tooltip("\n".join([goal.title, *marks]))
        return None

    def _marks(self, goal: GoalSummary) -> str:
        """Short words after a marked goal's title: the tooltip says them in full."""
        if not (goal.inclusion_objective or goal.wellbeing_goal):
            return ""
        words = [self.tr("EDI objective")] if goal.inclusion_objective else []
        if goal.wellbeing_goal:
            words.append(self.tr("wellbeing"))
        return f" ({', '.join(words)})"


class PagedGoalTableModel(GoalTableModel):
    """Goals fetched a page at a time as the view scrolls, in the order given.

    ``fetch(limit, offset)`` returns the next rows; used for lists that can run to
    thousands of goals (the overview's overdue goals on a plan kept for years).
    """

    PAGE = 50

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fetch: Callable[[int, int], list[GoalSummary]] | None = None
        self._exhausted = True

    def load(self, fetch: Callable[[int, int], list[GoalSummary]]) -> None:
        self._fetch = fetch
        rows = fetch(self.PAGE, 0)
        self._exhausted = len(rows) < self.PAGE
        self.set_rows(rows)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        more = self._fetch(self.PAGE, len(self._all))
        self._exhausted = len(more) < self.PAGE
        if not more:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._all.extend(more)
        self._arrange()
        self.endInsertRows()


_SORT_KEYS = {
    COL_TITLE: lambda g: g.title.casefold(),
    COL_STATUS: lambda g: g.status,
    COL_PRIORITY: lambda g: PRIORITY_ORDER[g.priority],
    COL_TARGET: lambda g: g.target_date or dt.date.max,
    COL_PROGRESS: lambda g: g.percent,
}


def column_widths(widget) -> dict[int, int]:
    """Widths that fit the widest value each fixed column can hold.

    Status, priority, date and percent have a known set of values, so measuring
    those few strings replaces measuring every row (``ResizeToContents`` reads up
    to 1,000 rows through ``data()`` each time the list changes).
    """
    metrics = widget.fontMetrics()
    model = GoalTableModel()
    months = [dt.date(2026, m, 28) for m in range(1, 13)]
    candidates = {
        COL_STATUS: [model.tr(label) for label in STATUS_LABELS.values()],
        COL_PRIORITY: [model.tr(label) for label in PRIORITY_LABELS.values()],
        COL_TARGET: [format_date(d) + model.tr(" (overdue)") for d in months],
        COL_PROGRESS: ["100%"],
    }
    padding = 2 * widget.style().pixelMetric(widget.style().PixelMetric.PM_HeaderMargin) + 24
    widths = {}
    for col, texts in candidates.items():
        texts = [*texts, model.tr(HEADERS[col])]
        widths[col] = max(metrics.horizontalAdvance(text) for text in texts) + padding
    # The figure is drawn beside its bar (ProgressBarDelegate): room for both.
    widths[COL_PROGRESS] += 4 * metrics.height()
    return widths
