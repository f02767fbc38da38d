"""Charts as flowables that draw straight onto the page: the self-assessment radar,
progress bars and a goal's progress line. Series differ by line style and marker as well
as colour, so they stay distinguishable on a black-and-white printout.

Drawn with the canvas rather than as reportlab ``Drawing``s: the same lines cost several
times less to lay out and render, and exports need not import reportlab's graphics.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from planner.report.flowables import CanvasFlowable
from planner.report.fonts import BOLD, REGULAR
from planner.report.styles import (
    BLUE,
    DARK_BLUE,
    GREY,
    INK,
    MID_GREY,
    PALE,
    RULE,
    SMALL,
    WHITE,
)
from planner.report.text import short_date

# Past this many skills the radar's spokes are numbered and the table beside it names them.
MAX_NAMED_SPOKES = 8


def _polygon(canvas: Canvas, points: Sequence[tuple[float, float]], *, fill: bool) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for x, y in points[1:]:
        path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1 if fill else 0)


def progress_bar(
    percent: int, width: float, height: float = 7, *, label: bool = False
) -> ProgressBar:
    """A horizontal bar filled to ``percent`` (clamped to 0-100).

    Args:
        percent: how far along, 0-100.
        width: the bar's length in points.
        height: the bar's thickness in points.
        label: add the figure ("75%") after the bar, as text a reader can copy.
    """
    return ProgressBar(max(0, min(100, int(percent))), width, height, label)


class ProgressBar(CanvasFlowable):
    LABEL_WIDTH = 30

    def __init__(self, percent: int, width: float, height: float, label: bool):
        super().__init__(width + (self.LABEL_WIDTH if label else 0), max(height, 9 if label else 0))
        self.percent = percent
        self.bar_width = width
        self.bar_height = height
        self.label = label

    def paint(self, canvas: Canvas) -> None:
        y = (self.height - self.bar_height) / 2
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(MID_GREY)
        canvas.setFillColor(PALE)
        canvas.rect(0, y, self.bar_width, self.bar_height, stroke=1, fill=1)
        if self.percent:
            canvas.setFillColor(DARK_BLUE)
            width = self.bar_width * self.percent / 100
            canvas.rect(0, y, width, self.bar_height, stroke=0, fill=1)
        if self.label:
            canvas.setFillColor(INK)
            canvas.setFont(REGULAR, SMALL)
            canvas.drawRightString(self.width, y + self.bar_height / 2 - 3, f"{self.percent}%")


def radar_chart(
    labels: Sequence[str],
    first: Sequence[int | None],
    latest: Sequence[int | None],
    levels: int,
    *,
    size: float = 230,
    first_label: str = "First",
    latest_label: str = "Latest",
    targets: Sequence[int | None] = (),
    target_label: str = "Target",
) -> RadarChart:
    """A spider chart of two self-assessment rounds on a 1..``levels`` scale, with a
    bar across each spoke at its target level when targets are given.

    Args:
        labels: the skill names, one per spoke (three or more).
        first: the first round's level per skill (``None`` where not rated).
        latest: the latest round's level per skill.
        levels: the number of steps on the framework's scale.
        size: the chart's width; its height adds room for the legend.
        first_label: the legend text for the first round.
        latest_label: the legend text for the latest round.
        targets: the target level per skill (``None`` where none is set; empty: no
            targets at all).
        target_label: the legend text for the targets.
    """
    chart = RadarChart(labels, first, latest, levels, size, first_label, latest_label)
    if any(t for t in targets):
        chart.add_targets(targets, target_label)
    return chart


class RadarChart(CanvasFlowable):
    LEGEND_HEIGHT = 30
    TARGET_LINE = 12  # the legend's extra line when targets are shown
    TARGET_BAR = 9  # the length of the bar across a spoke marking its target
    LINE = SMALL + 1.5  # spoke label line spacing

    def __init__(
        self,
        labels: Sequence[str],
        first: Sequence[int | None],
        latest: Sequence[int | None],
        levels: int,
        size: float,
        first_label: str,
        latest_label: str,
    ):
        count = len(labels)
        self.numbered = count > MAX_NAMED_SPOKES
        self.label_room = 14 if self.numbered else 34
        self.radius = size / 2 - (22 if self.numbered else 50)
        sines = [math.sin(math.pi / 2 - 2 * math.pi * i / count) for i in range(count)]
        # Only as tall as the spokes reach (a triangle is short), plus labels.
        above, below = self.radius * max(sines), self.radius * -min(sines)
        super().__init__(size, self.LEGEND_HEIGHT + below + above + 2 * self.label_room)
        self.labels = list(labels)
        self.first = list(first)
        self.latest = list(latest)
        self.levels = max(levels, 1)
        self.first_label = first_label
        self.latest_label = latest_label
        self.cx = size / 2
        self.cy = self.LEGEND_HEIGHT + self.label_room + below
        self.targets: list[int | None] = []
        self.target_label = ""
        self.legend_height = self.LEGEND_HEIGHT

    def add_targets(self, targets: Sequence[int | None], label: str) -> None:
        """Marks each spoke's target; the legend grows a line to name them."""
        self.targets = list(targets)
        self.target_label = label
        self.legend_height = self.LEGEND_HEIGHT + self.TARGET_LINE
        self.height += self.TARGET_LINE
        self.cy += self.TARGET_LINE

    def _point(self, index: int, level: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / len(self.labels)
        r = self.radius * level / self.levels
        return self.cx + r * math.cos(angle), self.cy + r * math.sin(angle)

    def paint(self, canvas: Canvas) -> None:
        count, levels = len(self.labels), self.levels
        canvas.setLineWidth(0.6)
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, SMALL)
        # Level figures a line apart at least: on a long scale only every few are named.
        step = max(1, math.ceil((SMALL + 1) * levels / self.radius))
        for level in range(1, levels + 1):
            canvas.setStrokeColor(MID_GREY if level == levels else RULE)
            _polygon(canvas, [self._point(i, level) for i in range(count)], fill=False)
            if level == levels or (level % step == 0 and levels - level >= step):
                x, y = self._point(0, level)
                # Clear of a target's bar across the same spoke.
                canvas.drawString(x + self.TARGET_BAR / 2 + 2, y - 3, str(level))
        canvas.setStrokeColor(RULE)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, SMALL)
        for i, label in enumerate(self.labels):
            x, y = self._point(i, levels)
            canvas.line(self.cx, self.cy, x, y)
            self._spoke_label(canvas, i, str(i + 1) if self.numbered else label)
        if any(v for v in self.latest):
            points = [self._point(i, v or 0) for i, v in enumerate(self.latest)]
            canvas.saveState()
            canvas.setFillColor(BLUE, alpha=0.18)
            canvas.setStrokeColor(DARK_BLUE)
            canvas.setLineWidth(1.8)
            _polygon(canvas, points, fill=True)
            canvas.restoreState()
            canvas.setFillColor(DARK_BLUE)
            for x, y in points:
                canvas.circle(x, y, 2.4, stroke=0, fill=1)
        if any(v for v in self.first):
            points = [self._point(i, v or 0) for i, v in enumerate(self.first)]
            canvas.saveState()
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(1)
            canvas.setDash([3, 2])
            _polygon(canvas, points, fill=False)
            canvas.restoreState()
            canvas.setFillColor(WHITE)
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(0.8)
            for x, y in points:
                canvas.circle(x, y, 2.2, stroke=1, fill=1)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(2)
        for i, target in enumerate(self.targets):
            if target:
                self._target_bar(canvas, i, target)
        self._legend(canvas, 10, 10 + self.legend_height - self.LEGEND_HEIGHT)

    def _target_bar(self, canvas: Canvas, index: int, level: int) -> None:
        """A short black bar across the spoke: in greyscale it stands apart from the
        round's dots by shape, not colour."""
        angle = math.pi / 2 - 2 * math.pi * index / len(self.labels)
        x, y = self._point(index, level)
        # Across the spoke: perpendicular to its direction.
        dx, dy = -math.sin(angle) * self.TARGET_BAR / 2, math.cos(angle) * self.TARGET_BAR / 2
        canvas.line(x - dx, y - dy, x + dx, y + dy)

    def _spoke_label(self, canvas: Canvas, index: int, label: str) -> None:
        angle = math.pi / 2 - 2 * math.pi * index / len(self.labels)
        cos, sin = math.cos(angle), math.sin(angle)
        x = self.cx + (self.radius + 8) * cos
        y = self.cy + (self.radius + 8) * sin
        lines = textwrap.wrap(label, 16) or [""]
        height = self.LINE * len(lines)
        # Labels above the chart grow upwards, those below grow downwards.
        top = y + (height if sin > 0.3 else (0 if sin < -0.3 else height / 2)) - 7
        if abs(cos) < 0.3:
            draw = canvas.drawCentredString
        else:
            draw = canvas.drawString if cos > 0 else canvas.drawRightString
        for n, line in enumerate(lines):
            draw(x, top - self.LINE * n, line)

    def _legend(self, canvas: Canvas, x: float, y: float) -> None:
        canvas.setStrokeColor(DARK_BLUE)
        canvas.setLineWidth(1.8)
        canvas.line(x, y + 12, x + 18, y + 12)
        canvas.setFillColor(DARK_BLUE)
        canvas.circle(x + 9, y + 12, 2.4, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, SMALL)
        canvas.drawString(x + 24, y + 9.5, self.latest_label)
        canvas.drawString(x + 24, y - 2.5, self.first_label)
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1)
        canvas.setDash([3, 2])
        canvas.line(x, y, x + 18, y)
        canvas.restoreState()
        canvas.setFillColor(WHITE)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.circle(x + 9, y, 2.2, stroke=1, fill=1)
        if self.targets:
            below = y - self.TARGET_LINE
            canvas.setLineWidth(2)
            canvas.line(x + 9, below - self.TARGET_BAR / 2, x + 9, below + self.TARGET_BAR / 2)
            canvas.setFillColor(INK)
            canvas.drawString(x + 24, below - 2.5, self.target_label)


def progress_line(
    points: Sequence[tuple[dt.date, int]], width: float = 200, height: float = 80
) -> ProgressLine:
    """A small line chart of a goal's progress (percent against date).

    Args:
        points: ``(date, percent)`` pairs, three or more, in any order.
        width: the chart's width in points.
        height: the chart's height in points.
    """
    return ProgressLine(points, width, height)


class ProgressLine(CanvasFlowable):
    """A goal's progress line (a plan has one per goal with three or more entries)."""

    def __init__(self, points: Sequence[tuple[dt.date, int]], width: float, height: float):
        super().__init__(width, height)
        self.points = sorted(points)

    def paint(self, canvas: Canvas) -> None:
        left, bottom, right, top = 30, 15, self.width - 6, self.height - 6
        start, end = self.points[0][0], self.points[-1][0]
        span = max((end - start).days, 1)

        def xy(day: dt.date, percent: int) -> tuple[float, float]:
            x = left + (right - left) * (day - start).days / span
            y = bottom + (top - bottom) * max(0, min(100, percent)) / 100
            return x, y

        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(RULE)
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, SMALL)
        for percent in (0, 50, 100):
            y = bottom + (top - bottom) * percent / 100
            canvas.line(left, y, right, y)
            canvas.drawRightString(left - 3, y - 2.5, f"{percent}%")
        canvas.drawString(left, 3, short_date(start))
        canvas.drawRightString(right, 3, short_date(end))
        _line_with_dots(canvas, [xy(day, pct) for day, pct in self.points], 1.4, 1.8)


def _line_with_dots(
    canvas: Canvas, coords: Sequence[tuple[float, float]], width: float, radius: float
) -> None:
    """A series as a solid dark line with a white-ringed dot at each point."""
    path = canvas.beginPath()
    path.moveTo(*coords[0])
    for x, y in coords[1:]:
        path.lineTo(x, y)
    canvas.setStrokeColor(DARK_BLUE)
    canvas.setLineWidth(width)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setFillColor(DARK_BLUE)
    canvas.setStrokeColor(WHITE)
    canvas.setLineWidth(0.5)
    for x, y in coords:
        canvas.circle(x, y, radius, stroke=1, fill=1)


def level_trend(
    points: Sequence[tuple[dt.date, int]],
    levels: int,
    target: int | None = None,
    width: float = 200,
    height: float = 80,
) -> LevelTrend:
    """A skill's self-assessed level over every round, with its target as a dashed line.

    Args:
        points: ``(date, level)`` pairs, two or more, in any order.
        levels: the number of steps on the framework's scale.
        target: the cycle's target level, if one is set.
        width: the chart's width in points.
        height: the chart's height in points.
    """
    return LevelTrend(points, max(levels, 1), target, width, height)


class LevelTrend(CanvasFlowable):
    """Level against date: a solid line with dots for the ratings, a dashed black line
    for the target, so the two differ in greyscale by line and marker, not colour."""

    LEFT, BOTTOM, TOP = 16, 15, 6

    def __init__(
        self,
        points: Sequence[tuple[dt.date, int]],
        levels: int,
        target: int | None,
        width: float,
        height: float,
    ):
        super().__init__(width, height)
        self.points = sorted(points)
        self.levels = levels
        self.target = target if target and 1 <= target <= levels else None
        # Room on the right for the target's label.
        self.right = width - (42 if self.target else 6)

    def _y(self, level: float) -> float:
        top = self.height - self.TOP
        return self.BOTTOM + (top - self.BOTTOM) * (level - 1) / max(self.levels - 1, 1)

    def paint(self, canvas: Canvas) -> None:
        left, right = self.LEFT, self.right
        start, end = self.points[0][0], self.points[-1][0]
        span = max((end - start).days, 1)
        canvas.setLineWidth(0.5)
        canvas.setFont(REGULAR, SMALL)
        canvas.setFillColor(GREY)
        # Level figures a line apart at least: on a long scale only every few are named.
        room = self._y(self.levels) - self._y(1)
        step = max(1, math.ceil((SMALL + 1) * (self.levels - 1) / max(room, 1)))
        named = set(range(self.levels, 0, -step))  # the top of the scale always
        canvas.setStrokeColor(RULE)
        for level in range(1, self.levels + 1):
            y = self._y(level)
            canvas.line(left, y, right, y)
            if level in named:
                canvas.drawRightString(left - 3, y - 2.5, str(level))
        canvas.drawString(left, 3, short_date(start))
        canvas.drawRightString(right, 3, short_date(end))
        if self.target:
            y = self._y(self.target)
            canvas.saveState()
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(1.2)
            canvas.setDash([4, 2])
            canvas.line(left, y, right, y)
            canvas.restoreState()
            canvas.setFillColor(INK)
            canvas.drawString(right + 4, y - 2.5, f"Target {self.target}")
        coords = [
            (left + (right - left) * (day - start).days / span, self._y(level))
            for day, level in self.points
        ]
        _line_with_dots(canvas, coords, 1.6, 2.2)
