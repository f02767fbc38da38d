"""Where a goal's progress entries fall in a chart: percent up the side, dates along
the bottom. A long history is thinned to one point per pixel column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.ui.widgets.charts.geometry import Box, date_x, scale

# Markers are drawn only while they stand apart; a denser history is a line alone.
MARKER_SPACING = 8


@dataclass(frozen=True)
class ProgressPoint:
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
    points: list[ProgressPoint] = []
    for day, percent in entries:
        x, y = date_x(day, first, last, plot), percent_y(percent, plot)
        point = ProgressPoint(x, y, day, percent)
        if points and round(points[-1].x) == round(point.x):
            points[-1] = point  # the later entry of one pixel column stands for it
        else:
            points.append(point)
    span = points[-1].x - points[0].x
    markers = len(points) == 1 or span / (len(points) - 1) >= MARKER_SPACING
    labels = [(plot.left if first != last else points[0].x, first)]
    if last != first:
        labels.append((plot.right, last))
    target_x = None
    if target_date and first <= target_date:
        target_x = date_x(target_date, first, last, plot)
    return ProgressLayout(plot, points, gridlines, labels, markers, target_x)
