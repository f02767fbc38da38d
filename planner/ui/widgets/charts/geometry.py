"""Boxes and scales for chart layouts, in plain Python so layouts are tested without Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A rectangle in widget coordinates (y grows downwards, as in Qt)."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def inset(self, left: float = 0, top: float = 0, right: float = 0, bottom: float = 0) -> Box:
        return Box(
            self.left + left,
            self.top + top,
            max(self.width - left - right, 0),
            max(self.height - top - bottom, 0),
        )


def scale(value: float, low: float, high: float, start: float, end: float) -> float:
    """``value`` in [low, high] mapped to [start, end]; the middle when low == high."""
    if high == low:
        return (start + end) / 2
    return start + (end - start) * (value - low) / (high - low)


def date_x(day: dt.date, first: dt.date, last: dt.date, box: Box) -> float:
    """The x of ``day`` on a time axis from ``first`` (left) to ``last`` (right)."""
    return scale(day.toordinal(), first.toordinal(), last.toordinal(), box.left, box.right)


def nearest(xs: list[float], x: float) -> int:
    """The index of the value in the sorted ``xs`` closest to ``x``; -1 when empty."""
    if not xs:
        return -1
    from bisect import bisect_left

    i = bisect_left(xs, x)
    if i == 0:
        return 0
    if i == len(xs):
        return len(xs) - 1
    return i if xs[i] - x < x - xs[i - 1] else i - 1
