"""Each skill's self-ratings over every round, as the charts of change draw them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from planner.domain.models import SelfAssessment


def rating_series(
    assessments: Iterable[SelfAssessment],
) -> dict[str, list[tuple[dt.date, int]]]:
    """Each skill's (date, level) pairs, oldest first; a skill not rated is absent."""
    series: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    for rating in sorted(assessments, key=lambda a: (a.date, a.id or 0)):
        points = series[rating.skill]
        if points and points[-1][0] == rating.date:  # one round has one rating a skill
            points[-1] = (rating.date, rating.level)
        else:
            points.append((rating.date, rating.level))
    return dict(series)


def latest_levels(series: dict[str, list[tuple[dt.date, int]]]) -> dict[str, int]:
    """Each skill's level at its latest rating."""
    return {skill: points[-1][1] for skill, points in series.items() if points}
