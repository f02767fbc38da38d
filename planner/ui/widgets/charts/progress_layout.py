"""Where a goal's progress entries fall in a chart: percent up the side, dates along
the bottom. A long history is thinned to one point per pixel column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from planner.ui.widgets.charts.geometry import Box, date_x, scale

# Markers are drawn only while they stand apart; a denser history is a line alone.
MARKER_SPACING = 8


class ProgressPoint(NamedTuple):
    """A named tuple: a history of a thousand entries makes a thousand of these."""

    x: float
    y: float
    date: dt.date
    percent: int


@dataclass(frozen=True)
class ProgressLayout:
    plot: Box
    points: list[ProgressPoint]
    gridlines: list[tuple[float, int]]  # (y, percent)
    date_labels: list[tuple[float, dt.date]]
    markers: bool
    target_x: float | None  # the goal's target date, when inside the span drawn


def percent_y(percent: float, plot: Box) -> float:
    return scale(max(0, min(100, percent)), 0, 100, plot.bottom, plot.top)


def progress_layout(
    entries: list[tuple[dt.date, int]],
    box: Box,
    *,
    axis_width: float,
    date_height: float,
    target_date: dt.date | None = None,
    pad: float = 6,
) -> ProgressLayout:
    """The chart of a goal's progress in ``box``.

    Args:
        entries: (date, percent) of every entry, oldest first.
        target_date: the goal's target date; the time axis reaches it when it comes
            after the last entry.
    """
    plot = box.inset(axis_width + pad, pad, pad, date_height + pad)
    gridlines = [(percent_y(p, plot), p) for p in (0, 50, 100)]
    if not entries:
        return ProgressLayout(plot, [], gridlines, [], False, None)
    first, last = entries[0][0], entries[-1][0]
    if target_date and target_date > last:
        last = target_date
    # Worked out inline rather than by date_x and percent_y: a long history is
    # laid out on every resize.
    origin, days = first.toordinal(), max((last - first).days, 1)
    x_scale = plot.width / days
    y_scale = plot.height / 100
    middle = plot.left + plot.width / 2 if first == last else None
    points: list[ProgressPoint] = []
    column = None
    for day, percent in entries:
        x = middle if middle is not None else plot.left + (day.toordinal() - origin) * x_scale
        y = plot.bottom - max(0, min(100, percent)) * y_scale
        if round(x) == column:
            points[-1] = ProgressPoint(x, y, day, percent)  # the later entry stands for it
        else:
            points.append(ProgressPoint(x, y, day, percent))
            column = round(x)
    span = points[-1].x - points[0].x
    markers = len(points) == 1 or span / (len(points) - 1) >= MARKER_SPACING
    labels = [(plot.left if first != last else points[0].x, first)]
    if last != first:
        labels.append((plot.right, last))
    target_x = None
    if target_date and first <= target_date:
        target_x = date_x(target_date, first, last, plot)
    return ProgressLayout(plot, points, gridlines, labels, markers, target_x)
