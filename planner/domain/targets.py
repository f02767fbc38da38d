"""Target levels against self-ratings: a level in words, and the gap list (the skills
furthest from their target first)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.models import Framework

# Where a skill stands against its target, in the order the gap list shows them.
TO_GO, NOT_RATED, REACHED, NO_TARGET = "to_go", "not_rated", "reached", "no_target"


def level_text(framework: Framework, level: int | None) -> str:
    """A level as people read it: "Proficient (3)"; blank for no level."""
    label = framework.level_label(level)
    return f"{label} ({level})" if label else ""


@dataclass(frozen=True)
class SkillGap:
    """One skill's latest self-rating against its target."""

    skill_id: str
    name: str
    latest: int | None
    target: int | None

    @property
    def gap(self) -> int | None:
        """Levels still to climb (0 once reached or passed); None without both levels."""
        if self.latest is None or self.target is None:
            return None
        return max(self.target - self.latest, 0)

    @property
    def standing(self) -> str:
        if self.target is None:
            return NO_TARGET
        if self.latest is None:
            return NOT_RATED
        return TO_GO if self.gap else REACHED


_ORDER = {TO_GO: 0, NOT_RATED: 1, REACHED: 2, NO_TARGET: 3}


def gap_list(
    framework: Framework, latest: dict[str, int], targets: dict[str, int]
) -> list[SkillGap]:
    """Every skill of ``framework``, the largest gap first; then those with a target
    but no rating, those at or past their target, and last those with no target.
    Ties keep the framework's order.

    Args:
        latest: each skill's level in its latest rating (skills never rated absent).
        targets: each skill's target level (skills without one absent).
    """
    gaps = [
        SkillGap(skill.id, skill.name, latest.get(skill.id), targets.get(skill.id))
        for skill in framework.skills
    ]
    return sorted(gaps, key=lambda g: (_ORDER[g.standing], -(g.gap or 0)))
