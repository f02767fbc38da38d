"""Chart geometry as plain functions of data and a box: where each rating, target,
gap, progress entry and cycle's bar falls."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.cycle_counts import CycleCount
from planner.domain.targets import SkillGap
from planner.ui.widgets.charts.gap_layout import gap_layout
from planner.ui.widgets.charts.geometry import Box, nearest
from planner.ui.widgets.charts.outcome_layout import nice_top, outcome_layout
from planner.ui.widgets.charts.progress_layout import progress_layout
from planner.ui.widgets.charts.rating_layout import rating_layout

JAN = dt.date(2026, 1, 1)


def test_rounds_fall_by_date_across_the_plot_and_levels_up_it():
    box = Box(0, 0, 340, 140)
    points = [(JAN, 1), (JAN + dt.timedelta(days=30), 2), (JAN + dt.timedelta(days=120), 4)]
    laid = rating_layout(points, 5, 5, box, axis_width=34, date_height=14, pad=6)
    plot = laid.plot
    assert (plot.left, plot.top, plot.right, plot.bottom) == (40, 6, 334, 120)
    assert [round(p.x, 1) for p in laid.points] == [40, 113.5, 334]
    # Level 1 on the bottom edge, the top level on the top edge: 28.5 px a level.
    assert [p.y for p in laid.points] == [120, 91.5, 34.5]
    assert laid.target_y == 6
    assert [level for _y, level in laid.gridlines] == [1, 2, 3, 4, 5]
    assert laid.date_labels == [(40, JAN), (334, JAN + dt.timedelta(days=120))]


def test_a_single_round_sits_in_the_middle_and_no_target_draws_no_line():
    laid = rating_layout([(JAN, 3)], None, 5, Box(0, 0, 200, 100), axis_width=0, date_height=0)
    assert laid.points[0].x == pytest.approx(100)
    assert laid.target_y is None
    assert laid.date_labels == [(100, JAN)]


def test_gap_rows_stack_in_order_with_levels_placed_on_one_track():
    gaps = [SkillGap("a", "A", 1, 4), SkillGap("b", "B", None, 3), SkillGap("c", "C", 2, None)]
    laid = gap_layout(
        gaps, 5, Box(0, 0, 400, 200), name_width=100, note_width=80, row_height=20, pad=10
    )
    assert (laid.track.left, laid.track.right) == (110, 310)
    assert [row.box.top for row in laid.rows] == [0, 20, 40]
    assert [(row.latest_x, row.target_x) for row in laid.rows] == [
        (110, 260),
        (None, 210),
        (160, None),
    ]
    assert [x for x, _level in laid.ticks] == [110, 160, 210, 260, 310]


def test_a_long_history_is_thinned_to_one_point_per_pixel_and_drawn_without_markers():
    entries = [(JAN + dt.timedelta(days=i), i // 10) for i in range(1000)]
    laid = progress_layout(entries, Box(0, 0, 320, 100), axis_width=30, date_height=14)
    assert len(laid.points) <= laid.plot.width + 1
    assert laid.points[-1].date == entries[-1][0] and laid.points[-1].percent == 99
    assert not laid.markers


def test_a_short_history_has_markers_and_the_axis_reaches_the_target_date():
    entries = [(JAN, 0), (JAN + dt.timedelta(days=50), 50)]
    target = JAN + dt.timedelta(days=100)
    laid = progress_layout(
        entries, Box(0, 0, 212, 112), axis_width=0, date_height=0, target_date=target, pad=6
    )
    assert laid.markers
    assert [(p.x, p.y) for p in laid.points] == [(6, 106), (106, 56)]
    assert laid.target_x == 206
    assert laid.date_labels == [(6, JAN), (206, target)]


def test_bars_stack_met_partly_met_and_not_met_from_the_bottom_in_proportion():
    counts = [
        CycleCount(dt.date(2024, 4, 1), dt.date(2025, 3, 31), met=2, partly_met=1, not_met=1),
        CycleCount(dt.date(2025, 4, 1), None, met=3, current=True),
    ]
    laid = outcome_layout(counts, Box(0, 0, 206, 106), axis_width=0, label_height=0, pad=6)
    assert laid.plot == Box(6, 6, 194, 94)
    first, current = laid.bars
    assert [(s.kind, s.count) for s in first.segments] == [
        ("met", 2),
        ("partly_met", 1),
        ("not_met", 1),
    ]
    # Four goals on an axis of four: each goal a quarter of the plot's height.
    assert [s.box.height for s in first.segments] == [47, 23.5, 23.5]
    assert first.segments[0].box.bottom == 100 and first.segments[-1].box.top == 6
    assert [s.kind for s in current.segments] == ["met"]
    assert first.box.left < current.box.left


def test_only_the_newest_cycles_get_a_bar():
    counts = [CycleCount(None, dt.date(2000 + i, 1, 1), met=1) for i in range(10)]
    laid = outcome_layout(counts, Box(0, 0, 400, 100), axis_width=0, label_height=0, most=8)
    assert len(laid.bars) == 8 and laid.left_out == 2
    assert laid.bars[0].count.end.year == 2002


def test_axis_tops_are_round_numbers_with_at_most_five_steps():
    assert nice_top(0) == (1, 1)
    assert nice_top(4) == (4, 1)
    assert nice_top(9) == (10, 2)
    assert nice_top(23) == (25, 5)
    assert nice_top(120) == (150, 50)


def test_nearest_finds_the_closest_point_to_the_pointer():
    assert nearest([10, 20, 40], 26) == 1
    assert nearest([10, 20, 40], 31) == 2
    assert nearest([], 5) == -1
