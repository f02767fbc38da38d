"""Where each cycle's bar falls in the goals-achieved chart: one stacked bar per
cycle (met, partly met, not met from the bottom), the current cycle last."""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.domain.cycle_counts import CycleCount
from planner.ui.widgets.charts.geometry import Box, scale

# The newest cycles shown; older ones are named in the text beside the chart.
MOST_BARS = 8
KINDS = ("met", "partly_met", "not_met")


@dataclass(frozen=True)
class Segment:
    kind: str  # one of KINDS
    count: int
    box: Box


@dataclass(frozen=True)
class Bar:
    count: CycleCount
    box: Box  # the bar's column, full height of the plot
    segments: list[Segment]  # bottom up; empty kinds left out


@dataclass(frozen=True)
class OutcomeLayout:
    plot: Box
    bars: list[Bar]
    gridlines: list[tuple[float, int]]  # (y, number of goals)
    left_out: int  # older cycles not drawn


def nice_top(value: int) -> tuple[int, int]:
    """An axis top at or above ``value``, and a step of 1, 2 or 5 times a power of ten
    that divides it into at most five."""
    step = 1
    while math.ceil(value / step) > 5:
        digits = str(step)
        step = step * 5 // 2 if digits[0] == "2" else step * 2
    return max(math.ceil(value / step) * step, step), step


def outcome_layout(
    counts: list[CycleCount],
    box: Box,
    *,
    axis_width: float,
    label_height: float,
    most: int = MOST_BARS,
    pad: float = 6,
) -> OutcomeLayout:
    """The stacked bars of ``counts`` (oldest first) in ``box``; at most ``most``."""
    shown = counts[-most:]
    plot = box.inset(axis_width + pad, pad, pad, label_height + pad)
    top, step = nice_top(max((c.total for c in shown), default=0))
    gridlines = [(scale(n, 0, top, plot.bottom, plot.top), n) for n in range(0, top + 1, step)]
    slot = plot.width / max(len(shown), 1)
    width = min(slot * 0.6, 56)
    bars = []
    for i, count in enumerate(shown):
        left = plot.left + slot * i + (slot - width) / 2
        segments = []
        base = 0
        for kind in KINDS:
            n = getattr(count, kind)
            if not n:
                continue
            y_top = scale(base + n, 0, top, plot.bottom, plot.top)
            y_bottom = scale(base, 0, top, plot.bottom, plot.top)
            segments.append(Segment(kind, n, Box(left, y_top, width, y_bottom - y_top)))
            base += n
        bars.append(Bar(count, Box(left, plot.top, width, plot.height), segments))
    return OutcomeLayout(plot, bars, gridlines, len(counts) - len(shown))
