"""Goals achieved per cycle: each closed cycle's outcomes counted, and the current
cycle's achieved goals so far."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.models import Cycle


@dataclass(frozen=True)
class CycleCount:
    """How one cycle's goals turned out; the current cycle has only ``met`` (its
    goals achieved so far) and ``current`` set."""

    start: dt.date | None
    end: dt.date | None
    met: int = 0
    partly_met: int = 0
    not_met: int = 0
    current: bool = False

    @property
    def total(self) -> int:
        return self.met + self.partly_met + self.not_met


def cycle_counts(
    cycles: list[Cycle],
    achieved_now: int,
    period: tuple[dt.date | None, dt.date | None] = (None, None),
) -> list[CycleCount]:
    """One count per closed cycle, oldest first, then the current cycle's.

    Args:
        cycles: the closed cycles with their outcomes (``PlanStore.cycles()``).
        achieved_now: goals of the current cycle marked achieved.
        period: the current cycle's start and end (the profile's period).
    """
    counts = []
    for cycle in cycles:
        tally = {"met": 0, "partly_met": 0, "not_met": 0}
        for outcome in cycle.outcomes:
            if outcome.outcome in tally:
                tally[outcome.outcome] += 1
        counts.append(CycleCount(cycle.start, cycle.end, **tally))
    counts.append(CycleCount(period[0], period[1], met=achieved_now, current=True))
    return counts
