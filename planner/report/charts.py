"""Charts: the self-assessment radar and progress bars as reportlab ``Drawing``s, and a
goal's progress line drawn straight onto the page. Series differ by line style and marker as
well as colour, so they stay distinguishable on a black-and-white printout."""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.platypus import Flowable

from planner.report.fonts import BOLD, REGULAR
from planner.report.styles import BLUE, DARK_BLUE, GREY, INK, MID_GREY, PALE, RULE, WHITE
from planner.report.text import short_date

# Past this many skills the radar's spokes are numbered and the table beside it names them.
MAX_NAMED_SPOKES = 8


def progress_bar(percent: int, width: float, height: float = 7, *, label: bool = False) -> Drawing:
    """A horizontal bar filled to ``percent`` (clamped to 0-100).

    Args:
        percent: how far along, 0-100.
        width: the bar's length in points.
        height: the bar's thickness in points.
        label: add the figure ("75%") after the bar, as text a reader can copy.
    """
    percent = max(0, min(100, int(percent)))
    label_width = 30 if label else 0
    drawing = Drawing(width + label_width, max(height, 9 if label else 0))
    y = (drawing.height - height) / 2
    drawing.add(Rect(0, y, width, height, fillColor=PALE, strokeColor=MID_GREY, strokeWidth=0.5))
    if percent:
        drawing.add(
            Rect(0, y, width * percent / 100, height, fillColor=DARK_BLUE, strokeColor=None)
        )
    if label:
        drawing.add(
            String(
                width + label_width,
                y + height / 2 - 3,
                f"{percent}%",
                fontName=REGULAR,
                fontSize=8.5,
                fillColor=INK,
                textAnchor="end",
            )
        )
    return drawing


def radar_chart(
    labels: Sequence[str],
    first: Sequence[int | None],
    latest: Sequence[int | None],
    levels: int,
    *,
    size: float = 230,
    first_label: str = "First",
    latest_label: str = "Latest",
) -> Drawing:
    """A spider chart of two self-assessment rounds on a 1..``levels`` scale.

    Args:
        labels: the skill names, one per spoke (three or more).
        first: the first round's level per skill (``None`` where not rated).
        latest: the latest round's level per skill.
        levels: the number of steps on the framework's scale.
        size: the drawing's width; its height adds room for the legend.
        first_label: the legend text for the first round.
        latest_label: the legend text for the latest round.
    """
    count = len(labels)
    legend_height = 30
    numbered = count > MAX_NAMED_SPOKES
    label_room = 14 if numbered else 34
    radius = size / 2 - (22 if numbered else 50)
    sines = [math.sin(math.pi / 2 - 2 * math.pi * i / count) for i in range(count)]
    # The drawing is only as tall as the spokes reach (a triangle is short), plus labels.
    above, below = radius * max(sines), radius * -min(sines)
    height = legend_height + below + above + 2 * label_room
    drawing = Drawing(size, height)
    cx, cy = size / 2, legend_height + label_room + below
    levels = max(levels, 1)

    def point(index: int, level: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / count
        r = radius * level / levels
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for level in range(1, levels + 1):
        ring = [c for i in range(count) for c in point(i, level)]
        drawing.add(
            Polygon(
                ring,
                fillColor=None,
                strokeColor=MID_GREY if level == levels else RULE,
                strokeWidth=0.6,
            )
        )
        x, y = point(0, level)
        drawing.add(String(x + 3, y - 3, str(level), fontName=REGULAR, fontSize=6, fillColor=GREY))
    for i, label in enumerate(labels):
        x, y = point(i, levels)
        drawing.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.6))
        _spoke_label(drawing, i, count, str(i + 1) if numbered else label, cx, cy, radius)

    def series(values: Sequence[int | None]) -> list[tuple[float, float]]:
        return [point(i, v or 0) for i, v in enumerate(values)]

    old = series(first)
    new = series(latest)
    if any(v for v in latest):
        drawing.add(
            Polygon(
                [c for p in new for c in p],
                fillColor=BLUE,
                fillOpacity=0.18,
                strokeColor=DARK_BLUE,
                strokeWidth=1.8,
            )
        )
        for x, y in new:
            drawing.add(Circle(x, y, 2.4, fillColor=DARK_BLUE, strokeColor=None))
    if any(v for v in first):
        drawing.add(
            Polygon(
                [c for p in old for c in p],
                fillColor=None,
                strokeColor=INK,
                strokeWidth=1,
                strokeDashArray=[3, 2],
            )
        )
        for x, y in old:
            drawing.add(Circle(x, y, 2.2, fillColor=WHITE, strokeColor=INK, strokeWidth=0.8))
    _legend(drawing, 10, 10, first_label, latest_label)
    return drawing


def _spoke_label(
    drawing: Drawing, index: int, count: int, label: str, cx: float, cy: float, radius: float
) -> None:
    angle = math.pi / 2 - 2 * math.pi * index / count
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = cx + (radius + 8) * cos, cy + (radius + 8) * sin
    anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
    lines = textwrap.wrap(label, 16) or [""]
    height = 9 * len(lines)
    # Labels above the chart grow upwards, those below grow downwards.
    top = y + (height if sin > 0.3 else (0 if sin < -0.3 else height / 2)) - 7
    for n, line in enumerate(lines):
        drawing.add(
            String(
                x, top - 9 * n, line, fontName=BOLD, fontSize=7, fillColor=INK, textAnchor=anchor
            )
        )


def _legend(drawing: Drawing, x: float, y: float, first_label: str, latest_label: str) -> None:
    drawing.add(Line(x, y + 12, x + 18, y + 12, strokeColor=DARK_BLUE, strokeWidth=1.8))
    drawing.add(Circle(x + 9, y + 12, 2.4, fillColor=DARK_BLUE, strokeColor=None))
    drawing.add(
        String(x + 24, y + 9.5, latest_label, fontName=REGULAR, fontSize=7.5, fillColor=INK)
    )
    drawing.add(Line(x, y, x + 18, y, strokeColor=INK, strokeWidth=1, strokeDashArray=[3, 2]))
    drawing.add(Circle(x + 9, y, 2.2, fillColor=WHITE, strokeColor=INK, strokeWidth=0.8))
    drawing.add(String(x + 24, y - 2.5, first_label, fontName=REGULAR, fontSize=7.5, fillColor=INK))


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


class ProgressLine(Flowable):
    """A goal's progress line, drawn straight onto the page.

    A plan has one per goal with three or more entries; a ``Drawing`` of the same
    lines costs several times more to lay out and render.
    """

    def __init__(self, points: Sequence[tuple[dt.date, int]], width: float, height: float):
        super().__init__()
        self.points = sorted(points)
        self.width = width
        self.height = height

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        left, bottom, right, top = 26, 14, self.width - 6, self.height - 6
        start, end = self.points[0][0], self.points[-1][0]
        span = max((end - start).days, 1)

        def xy(day: dt.date, percent: int) -> tuple[float, float]:
            x = left + (right - left) * (day - start).days / span
            y = bottom + (top - bottom) * max(0, min(100, percent)) / 100
            return x, y

        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(RULE)
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 6)
        for percent in (0, 50, 100):
            y = bottom + (top - bottom) * percent / 100
            canvas.line(left, y, right, y)
            canvas.drawRightString(left - 3, y - 2.5, f"{percent}%")
        canvas.drawString(left, 3, short_date(start))
        canvas.drawRightString(right, 3, short_date(end))
        coords = [xy(day, pct) for day, pct in self.points]
        path = canvas.beginPath()
        path.moveTo(*coords[0])
        for x, y in coords[1:]:
            path.lineTo(x, y)
        canvas.setStrokeColor(DARK_BLUE)
        canvas.setLineWidth(1.4)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setFillColor(DARK_BLUE)
        canvas.setStrokeColor(WHITE)
        canvas.setLineWidth(0.5)
        for x, y in coords:
            canvas.circle(x, y, 1.8, stroke=1, fill=1)
        canvas.restoreState()
