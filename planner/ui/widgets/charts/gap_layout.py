"""Where each row of the gap list falls: a skill's name, a track of the scale with its
latest level and its target, and a few words on the gap."""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.targets import SkillGap
from planner.ui.widgets.charts.geometry import Box, scale


@dataclass(frozen=True)
class GapRow:
    gap: SkillGap
    box: Box  # the whole row
    latest_x: float | None
    target_x: float | None


@dataclass(frozen=True)
class GapLayout:
    track: Box  # the scale's span, across every row
    rows: list[GapRow]
    ticks: list[tuple[float, int]]  # (x, level) along the track


def level_x(level: int, levels: int, track: Box) -> float:
    return scale(level, 1, max(levels, 2), track.left, track.right)


def gap_layout(
    gaps: list[SkillGap],
    levels: int,
    box: Box,
    *,
    name_width: float,
    note_width: float,
    row_height: float,
    pad: float = 10,
) -> GapLayout:
    """The gap list in ``box``, one row per skill in the order given, the scale's level
    numbers along the bottom."""
    track = Box(
        box.left + name_width + pad,
        box.top,
        max(box.width - name_width - note_width - 2 * pad, 0),
        row_height * len(gaps),
    )
    rows = []
    for i, gap in enumerate(gaps):
        row = Box(box.left, box.top + i * row_height, box.width, row_height)
        rows.append(
            GapRow(
                gap,
                row,
                level_x(gap.latest, levels, track) if gap.latest else None,
                level_x(gap.target, levels, track) if gap.target else None,
            )
        )
    ticks = [(level_x(level, levels, track), level) for level in range(1, levels + 1)]
    return GapLayout(track, rows, ticks)
