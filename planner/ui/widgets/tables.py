"""The read-only list tables the pages share, and column widths that need no rows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from planner.ui.models.goals_model import COL_TITLE, column_widths


def list_table(name: str) -> QTableView:
    """A read-only table of whole-row single selection, named for screen readers."""
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


def fit_goal_columns(table: QTableView) -> None:
    """The title takes the spare width; the other columns fit their widest value."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
    for col, width in column_widths(table).items():
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(col, width)


def rows_height(table: QTableView, rows: int) -> int:
    """The height that shows the header and ``rows`` rows of ``table`` (a minimum that
    keeps a list usable however its splitter is dragged)."""
    row = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    return header + rows * row + 2 * table.frameWidth() + 2


def fit_due_column(table: QTableView, column: int) -> None:
    """Gives an actions table's due-date column the width of its widest possible value
    ("No date", or a date in the longest month name), rows or none: sized to its
    contents, it followed the rows shown first and cut later ones to "No d…"."""
    import datetime as dt

    from planner.ui.models.goals_model import format_date

    model = table.model()
    heading = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    values = [str(heading), QCoreApplication.translate("ActionsModel", "No date")]
    values += [format_date(dt.date(2026, month, 28)) for month in range(1, 13)]
    metrics = table.fontMetrics()
    padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 16
    header = table.horizontalHeader()
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(column, max(metrics.horizontalAdvance(v) for v in values) + padding)
