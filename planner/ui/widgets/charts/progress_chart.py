"""A goal's progress over time: percent against date, one line however long the
history (it is drawn from dates and percents alone, never from a widget per entry)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from planner.domain.dates import short_date
from planner.ui.widgets.charts.chart_widget import DOT, ChartWidget
from planner.ui.widgets.charts.geometry import Box, nearest
from planner.ui.widgets.charts.progress_layout import ProgressLayout, progress_layout
from planner.ui.widgets.charts.rating_chart import draw_date_labels
from planner.ui.widgets.charts.words import tr

# Past this many entries the description sums the history up instead of listing it.
MOST_LISTED = 12


def entry_words(day: dt.date, percent: int) -> str:
    return f"{short_date(day)}: {percent}%"


class ProgressChart(ChartWidget):
    def __init__(self, parent=None):
        super().__init__(tr("Progress over time"), parent)
        self.entries: list[tuple[dt.date, int]] = []
        self.target_date: dt.date | None = None
        self.setFixedHeight(96)

    def sizeHint(self) -> QSize:
        return QSize(360, self.height())

    def set_entries(
        self, entries: list[tuple[dt.date, int]], target_date: dt.date | None = None
    ) -> None:
        """Shows ``entries`` ((date, percent), oldest first) up to ``target_date``."""
        self.entries = list(entries)
        self.target_date = target_date
        self.message = (
            ""
            if entries
            else tr("No progress logged yet. “Log progress…” adds the first point.")
        )
        self.set_description(self.describe())
        self.data_changed()

    def summary(self) -> str:
        """The history in one line: how many entries, over what span, from what to what."""
        entries = self.entries
        if not entries:
            return tr("No progress logged yet")
        (first, start), (last, end) = entries[0], entries[-1]
        if len(entries) == 1:
            text = tr("One entry so far: %s") % entry_words(first, start)
        else:
            text = tr("%s entries from %s to %s: %d%% to %d%%") % (
                f"{len(entries):,}",
                short_date(first),
                short_date(last),
                start,
                end,
            )
        if self.target_date:
            text += " · " + tr("target date %s") % short_date(self.target_date)
        return text

    def describe(self) -> str:
        if len(self.entries) > MOST_LISTED:
            return self.summary() + "."
        listed = "; ".join(entry_words(d, p) for d, p in self.entries)
        return f"{self.summary()}. {listed}." if listed else self.summary() + "."

    def layout_in(self, box: Box) -> ProgressLayout:
        metrics = self.fontMetrics()
        return progress_layout(
            self.entries,
            box,
            axis_width=metrics.horizontalAdvance("100%") + 4,
            date_height=metrics.height() * 1.4,
            target_date=self.target_date,
        )


    def paint_chart(self, painter: QPainter, box: Box) -> None:
        laid = self.laid_out()
        plot = laid.plot
        metrics = self.fontMetrics()
        ink = self.ink()
        self.paint_gridlines(painter, plot, [(y, f"{p}%") for y, p in laid.gridlines])
        if laid.target_x is not None:
            painter.setPen(self.target_pen())
            painter.drawLine(QPointF(laid.target_x, plot.top), QPointF(laid.target_x, plot.bottom))
            painter.setPen(ink)
            words = tr("target date")
            width = metrics.horizontalAdvance(words)
            # Beside the line, on the side with room.
            left = laid.target_x - width - 4 if laid.target_x - width - 4 > plot.left else (
                laid.target_x + 4
            )
            painter.drawText(QPointF(left, plot.top + metrics.ascent()), words)
        points = laid.points
        if len(points) > 1:
            path = QPainterPath(QPointF(points[0].x, points[0].y))
            for point in points[1:]:
                path.lineTo(point.x, point.y)
            painter.setPen(QPen(self.series(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        if laid.markers:
            for point in points:
                self.marker(painter, DOT, point.x, point.y, 3.5)
        elif points:
            self.marker(painter, DOT, points[-1].x, points[-1].y, 3.5)
        painter.setPen(ink)
        draw_date_labels(painter, metrics, laid.date_labels, box)

    def tip_at(self, x: float, y: float) -> str:
        laid = self.laid_out()
        if laid.target_x is not None and abs(laid.target_x - x) <= 3 and self.target_date:
            return tr("Target date: %s") % short_date(self.target_date)
        if not laid.plot.left - 8 <= x <= laid.plot.right + 8:
            return ""
        i = nearest([p.x for p in laid.points], x)
        if i < 0:
            return ""
        point = laid.points[i]
        return entry_words(point.date, point.percent)
