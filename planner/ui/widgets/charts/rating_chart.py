"""One skill's self-ratings over every round, with its target as a dashed line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from planner.domain.dates import short_date
from planner.domain.models import Framework
from planner.domain.targets import level_text
from planner.ui.widgets.charts.chart_widget import DIAMOND, DOT, ChartWidget
from planner.ui.widgets.charts.geometry import Box
from planner.ui.widgets.charts.rating_layout import RatingLayout, rating_layout
from planner.ui.widgets.charts.words import levels_to_go, rating_words, target_words, tr

# Hovering this close to a point or the target line shows its figure.
HIT = 8


def draw_date_labels(painter: QPainter, metrics, labels, box: Box) -> None:
    """The first and last dates under their points, kept inside the box and apart."""
    bottom = box.bottom - metrics.descent()
    clear = box.left
    for x, day in labels:
        text = short_date(day)
        width = metrics.horizontalAdvance(text)
        left = min(max(x - width / 2, clear), box.right - width)
        if left < clear:
            break
        painter.drawText(QPointF(left, bottom), text)
        clear = left + width + 8


class RatingChart(ChartWidget):
    """``compact`` (the overview's small multiples) names the skill above the chart and
    numbers the levels; the skill page's chart names the levels."""

    def __init__(self, framework: Framework, *, compact: bool = False, parent=None):
        super().__init__(tr("Self-assessment over time"), parent)
        self.framework = framework
        self.compact = compact
        self.skill_name = ""
        self.points: list[tuple[dt.date, int]] = []
        self.target: int | None = None
        self.note = ""
        self.setFixedHeight(self._height())

    def _height(self) -> int:
        if self.compact:
            return 56 if self.message else 118
        return 136

    def sizeHint(self) -> QSize:
        return QSize(240 if self.compact else 420, self.height())

    def set_data(
        self, skill_name: str, points: list[tuple[dt.date, int]], target: int | None
    ) -> None:
        """Shows ``points`` (date, level of each round, oldest first) and ``target``."""
        self.skill_name = skill_name
        self.points = list(points)
        self.target = target
        self.setAccessibleName(tr("Self-assessment over time: %s") % skill_name)
        if not points:
            self.message = (
                tr("%s: not rated yet") % skill_name
                if self.compact
                else tr("Not rated yet. Rate yourself on the self-assessment page to see your "
                        "change here.")
            )
        else:
            self.message = ""
        self.setFixedHeight(self._height())
        if len(points) == 1:
            self.note = tr("One round so far")
        elif points and not target:
            self.note = tr("No target set")
        else:
            self.note = ""
        self.set_description(self.describe())
        self.data_changed()

    # -- words ---------------------------------------------------------------------

    def summary(self) -> str:
        """One line beside the chart: the latest rating, the target and the gap."""
        framework = self.framework
        if not self.points:
            return tr("Not rated yet") + " · " + target_words(framework, self.target)
        day, level = self.points[-1]
        parts = [tr("Latest: %s on %s") % (level_text(framework, level), short_date(day))]
        parts.append(target_words(framework, self.target))
        if self.target:
            gap = self.target - level
            parts.append(levels_to_go(gap) if gap > 0 else tr("target reached"))
        return " · ".join(parts)

    def describe(self) -> str:
        """Every round's figure and the target, as a screen reader reads the chart."""
        rounds = "; ".join(rating_words(self.framework, d, lvl) for d, lvl in self.points)
        count = len(self.points)
        head = (
            tr("%s, 1 round") % self.skill_name
            if count == 1
            else tr("%s, %d rounds") % (self.skill_name, count)
        )
        text = f"{head}: {rounds}." if rounds else f"{self.skill_name}: " + tr("not rated yet.")
        return f"{text} {target_words(self.framework, self.target)}."

    # -- geometry and painting -----------------------------------------------------

    def layout_in(self, box: Box) -> RatingLayout:
        metrics = self.fontMetrics()
        title = metrics.height() + 2 if self.compact else 0
        if self.compact:
            axis = metrics.horizontalAdvance("8") + 4
        else:
            axis = min(
                max(metrics.horizontalAdvance(level.label) for level in self.framework.scale) + 8,
                box.width / 4,
            )
        return rating_layout(
            self.points,
            self.target,
            len(self.framework.scale),
            box.inset(top=title),
            axis_width=axis,
            date_height=metrics.height() * 1.4,
        )


    def paint_chart(self, painter: QPainter, box: Box) -> None:
        laid = self.laid_out()
        plot = laid.plot
        metrics = self.fontMetrics()
        ink = self.ink()
        if self.compact:
            painter.setPen(ink)
            bold = painter.font()
            bold.setBold(True)
            painter.setFont(bold)
            name = metrics.elidedText(self.skill_name, Qt.TextElideMode.ElideRight, int(box.width))
            painter.drawText(QPointF(box.left, box.top + metrics.ascent()), name)
            painter.setFont(self.font())
        names = [
            (y, str(level) if self.compact else self.framework.level_label(level))
            for y, level in laid.gridlines
        ]
        self.paint_gridlines(painter, plot, names)
        if laid.target_y is not None:
            painter.setPen(self.target_pen())
            painter.drawLine(QPointF(plot.left, laid.target_y), QPointF(plot.right, laid.target_y))
            self.marker(painter, DIAMOND, plot.right - 4, laid.target_y)
        if len(laid.points) > 1:
            path = QPainterPath(QPointF(laid.points[0].x, laid.points[0].y))
            for point in laid.points[1:]:
                path.lineTo(point.x, point.y)
            painter.setPen(QPen(self.series(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        for point in laid.points:
            self.marker(painter, DOT, point.x, point.y)
        painter.setPen(ink)
        draw_date_labels(painter, metrics, laid.date_labels, box)
        if self.note:
            painter.setPen(ink)
            italic = painter.font()
            italic.setItalic(True)
            painter.setFont(italic)
            painter.drawText(
                QRectF(plot.left, plot.top, plot.width - 12, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                self.note,
            )

    # -- hover ---------------------------------------------------------------------

    def tip_at(self, x: float, y: float) -> str:
        laid = self.laid_out()
        best = min(
            laid.points, key=lambda p: (p.x - x) ** 2 + (p.y - y) ** 2, default=None
        )
        if best is not None and abs(best.x - x) <= HIT and abs(best.y - y) <= HIT:
            return rating_words(self.framework, best.date, best.level)
        near_target = laid.target_y is not None and abs(laid.target_y - y) <= HIT / 2
        if near_target and laid.plot.left <= x <= laid.plot.right:
            return target_words(self.framework, self.target)
        return ""
