"""The charts of change fed known data: what they draw where, the words a screen
reader and a tooltip give for each figure, and what an empty chart says instead."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolTip

from planner.domain.cycle_counts import CycleCount
from planner.domain.models import Profile, ProgressEntry
from planner.domain.targets import SkillGap
from planner.store import PlanStore
from planner.ui.widgets.charts.gap_chart import GapChart
from planner.ui.widgets.charts.outcome_chart import OutcomeChart
from planner.ui.widgets.charts.progress_chart import ProgressChart
from planner.ui.widgets.charts.rating_chart import RatingChart

pytestmark = pytest.mark.gui

DEC, MAY = dt.date(2025, 12, 17), dt.date(2026, 5, 16)


def shown(qtbot, chart, width=360):
    qtbot.addWidget(chart)
    chart.resize(width, chart.height())
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def colour_at(chart, x: float, y: float) -> QColor:
    return chart.grab().toImage().pixelColor(round(x), round(y))


def inked(image, x: int, y: float) -> bool:
    """Whether the line through (x, y) is dark there (antialiased over two rows)."""
    return any(image.pixelColor(x, round(y) + dy).lightness() < 128 for dy in (-1, 0, 1))


def hover(chart, x: float, y: float) -> str:
    """The tooltip a pointer resting at (x, y) brings up, as plain text."""
    pos = QPoint(round(x), round(y))
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos)))
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text.removeprefix("<qt>").removesuffix("</qt>")


def test_a_skills_rounds_are_drawn_where_the_layout_puts_them_with_the_target_dashed(
    qtbot, core_framework
):
    chart = shown(qtbot, RatingChart(core_framework))
    chart.set_data("Learn to follow", [(DEC, 2), (MAY, 3)], 4)
    laid = chart.laid_out()
    first, latest = laid.points
    assert first.x == laid.plot.left and latest.x == laid.plot.right
    assert first.y - latest.y == pytest.approx(laid.plot.height / 4)  # one level of four
    assert laid.target_y == pytest.approx(latest.y - laid.plot.height / 4)
    # Each rating is a dot of the series colour, the target a dashed line of the ink.
    series = chart.palette().color(QPalette.ColorRole.Highlight)
    assert colour_at(chart, first.x, first.y) == series
    image = chart.grab().toImage()
    along = [
        inked(image, x, laid.target_y)
        for x in range(round(laid.plot.left) + 2, round(laid.plot.right) - 12)
    ]
    assert any(along) and not all(along)
    assert chart.accessibleDescription() == (
        "Learn to follow, 2 rounds: 17 Dec 2025: Developing (2); 16 May 2026: Capable (3). "
        "Target: Confident (4)."
    )
    assert chart.summary() == (
        "Latest: Capable (3) on 16 May 2026 · Target: Confident (4) · 1 level to go"
    )
    assert hover(chart, latest.x, latest.y) == "16 May 2026: Capable (3)"
    assert hover(chart, (laid.plot.left + laid.plot.right) / 2, laid.target_y) == (
        "Target: Confident (4)"
    )


def test_a_chart_without_ratings_one_round_or_no_target_says_so(qtbot, core_framework):
    chart = shown(qtbot, RatingChart(core_framework))
    chart.set_data("Learn to follow", [], 3)
    assert chart.message.startswith("Not rated yet.")
    assert chart.summary() == "Not rated yet · Target: Capable (3)"
    assert hover(chart, 100, 60) == ""
    chart.set_data("Learn to follow", [(MAY, 3)], None)
    assert chart.message == ""
    assert chart.note == "One round so far"
    chart.set_data("Learn to follow", [(DEC, 2), (MAY, 3)], None)
    assert chart.note == "No target set"
    assert chart.summary() == "Latest: Capable (3) on 16 May 2026 · No target set"


def test_the_gap_list_draws_each_skills_level_and_target_on_its_row(qtbot, core_framework):
    chart = shown(qtbot, GapChart(core_framework), width=560)
    chart.set_gaps(
        [
            SkillGap("a", "Develop situational awareness", 1, 4),
            SkillGap("b", "Learn to follow", 3, 3),
            SkillGap("c", "Empower the team", 2, None),
        ]
    )
    laid = chart.laid_out()
    first = laid.rows[0]
    assert first.target_x - first.latest_x == pytest.approx(3 * laid.track.width / 4)
    middle = first.box.top + first.box.height / 2
    # The gap itself is a bar of the series colour between the dot and the diamond.
    series = chart.palette().color(QPalette.ColorRole.Highlight)
    assert colour_at(chart, (first.latest_x + first.target_x) / 2, middle) == series
    assert laid.rows[2].target_x is None
    assert hover(chart, 10, middle) == (
        "Develop situational awareness: latest Not yet (1), target Confident (4), "
        "3 levels to go"
    )
    assert chart.standing(laid.rows[1].gap) == "Target reached"
    assert chart.standing(laid.rows[2].gap) == "No target"


def test_a_gap_list_without_any_target_asks_for_targets(qtbot, core_framework):
    chart = shown(qtbot, GapChart(core_framework))
    chart.set_gaps([SkillGap("a", "Learn to follow", 2, None)])
    assert chart.message == (
        "No targets set yet. Set a target level for your skills to see the largest gaps first."
    )
    assert chart.accessibleDescription() == chart.message


def test_goals_achieved_per_cycle_read_as_words_and_stack_as_drawn(qtbot):
    chart = shown(qtbot, OutcomeChart())
    chart.set_counts(
        [
            CycleCount(dt.date(2025, 4, 1), dt.date(2026, 3, 31), met=5, partly_met=2, not_met=1),
            CycleCount(dt.date(2026, 4, 1), None, met=3, current=True),
        ]
    )
    assert chart.accessibleDescription() == (
        "2025–26 (1 Apr 2025 to 31 Mar 2026): 5 met, 2 partly met, 1 not met; "
        "This cycle: 3 goals achieved so far."
    )
    closed, current = chart.laid_out().bars
    met = closed.segments[0]
    assert met.box.height == pytest.approx(current.segments[0].box.height * 5 / 3)
    series = chart.palette().color(QPalette.ColorRole.Highlight)
    assert colour_at(chart, met.box.left + 3, met.box.bottom - 3) == series
    not_met = closed.segments[2]
    paper = chart.palette().color(QPalette.ColorRole.Base)
    assert colour_at(chart, not_met.box.left + 3, not_met.box.top + 3) == paper
    assert hover(chart, met.box.left + 2, met.box.top + 2).startswith("2025–26")


def test_no_goals_achieved_and_no_closed_cycle_explains_the_chart(qtbot):
    chart = shown(qtbot, OutcomeChart())
    chart.set_counts([CycleCount(None, None, current=True)])
    assert chart.message.startswith("No goals achieved yet in this cycle.")


def test_a_goal_with_1000_entries_is_drawn_as_one_thinned_line(qtbot, tmp_path, window_over):
    path = tmp_path / "long.db"
    store = PlanStore.open(path)
    from planner.demo import demo_plan
    from tests.conftest import FIXED_TODAY

    store.replace_plan(demo_plan(FIXED_TODAY))
    start = dt.date(2023, 1, 1)
    with store.atomic():
        for i in range(1000):
            store.add_progress(1, ProgressEntry(start + dt.timedelta(days=i), i // 10, "x"))
    store.close()
    win = window_over(path, (1280, 800))
    win.show_goal(1)
    page = win.current_skill_page()
    assert page.progress_model.rowCount() == 100  # the table still fetches one page
    chart = page.progress_chart
    laid = chart.laid_out()
    assert len(laid.points) <= laid.plot.width + 1
    assert not laid.markers
    assert chart.accessibleDescription() == (
        "1,005 entries from 1 Jan 2023 to 16 May 2026: 0% to 100% · target date 26 May 2026."
    )
    last = laid.points[-1]
    assert hover(chart, last.x, last.y) == f"{last.date.day} {last.date:%b %Y}: {last.percent}%"


def test_an_empty_plan_has_a_helpful_word_in_place_of_every_chart(qtbot, tmp_path, window_over):
    from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework

    path = tmp_path / "new.db"
    store = PlanStore.open(path)
    store.start_plan(Profile("Ngozi Adebayo"), load_framework(DEFAULT_FRAMEWORK_ID))
    store.close()
    win = window_over(path, (1280, 800))
    overview = win.page("overview")
    # Built by the page itself once it has painted, as for a plan with data.
    qtbot.waitUntil(lambda: overview.change is not None)
    assert overview.change_section().gap_chart.message.startswith("No targets set yet.")
    assert overview.change_section().outcome_chart.message.startswith("No goals achieved yet")
    assert [c.message for c in overview.change_section().trend_charts.values()] == [
        "Learn to follow: not rated yet",
        "Develop situational awareness: not rated yet",
        "Empower the team and resolve conflicts: not rated yet",
    ]
    win.show_page("skill:learn-to-follow")
    page = win.current_skill_page()
    assert page.target_label.text() == "Not rated yet · No target set"
    assert page.rating_chart.message.startswith("Not rated yet.")


def test_a_short_history_is_drawn_with_a_dot_per_entry_and_listed_in_words(qtbot):
    chart = shown(qtbot, ProgressChart())
    chart.set_entries([], None)
    assert chart.message == "No progress logged yet. “Log progress…” adds the first point."
    chart.set_entries([(DEC, 10)], MAY)
    assert chart.summary() == "One entry so far: 17 Dec 2025: 10% · target date 16 May 2026"
    chart.set_entries([(DEC, 10), (MAY, 60)], None)
    laid = chart.laid_out()
    assert laid.markers
    series = chart.palette().color(QPalette.ColorRole.Highlight)
    assert all(colour_at(chart, p.x, p.y) == series for p in laid.points)
    assert chart.accessibleDescription() == (
        "2 entries from 17 Dec 2025 to 16 May 2026: 10% to 60%. "
        "17 Dec 2025: 10%; 16 May 2026: 60%."
    )
    assert hover(chart, laid.points[0].x + 5, 40) == "17 Dec 2025: 10%"


def test_the_overview_draws_its_charts_of_change_once_it_has_painted(window, qtbot):
    overview = window.page("overview")
    qtbot.waitUntil(lambda: overview.change is not None)
    change = overview.change
    assert change.isVisible()
    assert change.outcome_caption.text() == (
        "This cycle: 1 goal achieved so far\n"
        "Earlier cycles show here once you start a new cycle."
    )
    assert [c.summary() for c in change.trend_charts.values()] == [
        "Latest: Capable (3) on 16 May 2026 · No target set",
        "Latest: Capable (3) on 16 May 2026 · No target set",
        "Latest: Developing (2) on 16 May 2026 · No target set",
    ]
