"""The words the charts share: a level, a date, a cycle's name, a count of levels."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from planner.domain.cycle_counts import CycleCount
from planner.domain.dates import short_date
from planner.domain.models import Framework
from planner.domain.targets import level_text


def tr(text: str) -> str:
    return QCoreApplication.translate("charts", text)


def target_words(framework: Framework, target: int | None) -> str:
    """ "Target: Strong (4)", or "No target set"."""
    if not target:
        return tr("No target set")
    return tr("Target: %s") % level_text(framework, target)


def levels_to_go(gap: int) -> str:
    return tr("1 level to go") if gap == 1 else tr("%d levels to go") % gap


def rating_words(framework: Framework, day: dt.date, level: int) -> str:
    """ "12 Mar 2026: Proficient (3)"."""
    return f"{short_date(day)}: {level_text(framework, level)}"


def cycle_name(count: CycleCount) -> str:
    """A cycle's short name under its bar: "This cycle", "2025–26", "2026"."""
    if count.current:
        return tr("This cycle")
    start, end = count.start, count.end
    if start and end and start.year != end.year:
        return f"{start.year}\u2013{end.year % 100:02d}"
    return str((end or start).year) if (end or start) else "?"
