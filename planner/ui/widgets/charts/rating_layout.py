"""Where a skill's self-ratings and its target fall in a chart: levels up the side,
rounds along the bottom by date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.ui.widgets.charts.geometry import Box, date_x, scale


@dataclass(frozen=True)
class RatingPoint:
    x: float
    y: float
    date: dt.date
    level: int


@dataclass(frozen=True)
class RatingLayout:
    plot: Box
    points: list[RatingPoint]
    target_y: float | None
    gridlines: list[tuple[float, int]]  # (y, level), level 1 at the bottom
    date_labels: list[tuple[float, dt.date]]  # the first and the last round


def level_y(level: float, levels: int, plot: Box) -> float:
    return scale(level, 1, max(levels, 2), plot.bottom, plot.top)


def rating_layout(
    points: list[tuple[dt.date, int]],
    target: int | None,
    levels: int,
    box: Box,
    *,
    axis_width: float,
    date_height: float,
    pad: float = 6,
) -> RatingLayout:
    """The chart of one skill's rounds in ``box``.

    Args:
        points: (date, level) of each round that rated the skill, oldest first.
        target: the target level, if one is set.
        levels: the number of steps on the framework's scale.
        axis_width: room on the left for the level names.
        date_height: room at the bottom for the dates.
        pad: room inside the plot so markers at its edge are whole.
    """
    plot = box.inset(axis_width + pad, pad, pad, date_height + pad)
    gridlines = [(level_y(level, levels, plot), level) for level in range(1, levels + 1)]
    laid = []
    labels: list[tuple[float, dt.date]] = []
    if points:
        first, last = points[0][0], points[-1][0]
        laid = [
            RatingPoint(date_x(day, first, last, plot), level_y(level, levels, plot), day, level)
            for day, level in points
        ]
        labels = [(laid[0].x, first)]
        if last != first:
            labels.append((laid[-1].x, last))
    target_y = level_y(target, levels, plot) if target else None
    return RatingLayout(plot, laid, target_y, gridlines, labels)
