"""Targets against self-ratings: a level in words, the gap list's order, every round's
rating per skill, and goals counted per cycle."""

from __future__ import annotations

import datetime as dt

from planner.domain.cycle_counts import cycle_counts
from planner.domain.models import Cycle, GoalOutcome, SelfAssessment
from planner.domain.rating_history import latest_levels, rating_series
from planner.domain.targets import NO_TARGET, NOT_RATED, REACHED, TO_GO, gap_list, level_text


def test_a_level_reads_as_its_label_with_its_number(core_framework):
    assert level_text(core_framework, 3) == "Capable (3)"
    assert level_text(core_framework, None) == ""
    assert level_text(core_framework, 9) == ""


def test_the_gap_list_puts_the_largest_gap_first_then_unrated_reached_and_untargeted(
    core_framework,
):
    learn, aware, empower = (s.id for s in core_framework.skills)
    gaps = gap_list(
        core_framework,
        latest={learn: 4, aware: 1, empower: 2},
        targets={learn: 3, aware: 4, empower: 3},
    )
    assert [(g.skill_id, g.gap, g.standing) for g in gaps] == [
        (aware, 3, TO_GO),
        (empower, 1, TO_GO),
        (learn, 0, REACHED),
    ]
    gaps = gap_list(core_framework, latest={learn: 2}, targets={aware: 5, learn: 2})
    assert [(g.skill_id, g.standing) for g in gaps] == [
        (aware, NOT_RATED),
        (learn, REACHED),
        (empower, NO_TARGET),
    ]


def test_equal_gaps_keep_the_frameworks_order(core_framework):
    ids = [s.id for s in core_framework.skills]
    gaps = gap_list(core_framework, dict.fromkeys(ids, 1), dict.fromkeys(ids, 3))
    assert [g.skill_id for g in gaps] == ids


def test_each_skill_has_its_ratings_in_date_order_and_its_latest_level():
    day = dt.date(2026, 1, 1)
    ratings = [
        SelfAssessment("a", day + dt.timedelta(days=90), 3, id=3),
        SelfAssessment("a", day, 1, id=1),
        SelfAssessment("b", day, 2, id=2),
    ]
    series = rating_series(ratings)
    assert series == {"a": [(day, 1), (day + dt.timedelta(days=90), 3)], "b": [(day, 2)]}
    assert latest_levels(series) == {"a": 3, "b": 2}


def test_closed_cycles_are_counted_by_outcome_and_the_current_cycle_by_goals_achieved():
    def outcome(kind):
        return GoalOutcome("uid", "A goal", "a", kind)

    closed = Cycle(
        dt.date(2025, 4, 1),
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 2),
        outcomes=[outcome("met"), outcome("met"), outcome("partly_met"), outcome("not_met")],
    )
    counts = cycle_counts([closed], 3, (dt.date(2026, 4, 1), None))
    assert [(c.met, c.partly_met, c.not_met, c.current) for c in counts] == [
        (2, 1, 1, False),
        (3, 0, 0, True),
    ]
    assert counts[0].total == 4
    assert counts[1].start == dt.date(2026, 4, 1)
