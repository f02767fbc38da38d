"""What became of the actions agreed at a review: each agreed line matched to the goal or
goal action that carries the same words, so the plan can say whether it was done."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from planner.domain.models import Goal, GoalAction, Review

# Shorter lines ("Follow up") match too much by containment; they must match exactly.
_MIN_CONTAINED = 12
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


@dataclass(frozen=True)
class AgreedAction:
    """One line of a review's agreed actions and what the plan records of it.

    ``state`` is ``"done"`` (a matching goal action is ticked or goal achieved),
    ``"open"`` (matched, not yet done), ``"deferred"`` (its goal is deferred) or
    ``"untracked"`` (no goal or action in the plan carries these words).
    """

    text: str
    state: str
    goal: Goal | None = None
    action: GoalAction | None = None


def agreed_lines(review: Review) -> list[str]:
    """The review's agreed actions, one per non-empty line, list markers removed."""
    lines = (_BULLET.sub("", line).strip() for line in review.agreed_actions.splitlines())
    return [line for line in lines if line]


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().rstrip(".").casefold()


def _same(agreed: str, recorded: str) -> bool:
    if not agreed or not recorded:
        return False
    if agreed == recorded:
        return True
    shorter, longer = sorted((agreed, recorded), key=len)
    return len(shorter) >= _MIN_CONTAINED and shorter in longer


def follow_up(review: Review, goals: Iterable[Goal]) -> list[AgreedAction]:
    """Each agreed action of ``review`` with what the plan records of it."""
    goals = list(goals)
    results = []
    for line in agreed_lines(review):
        goal, action = _match(_norm(line), goals)
        state = _state(goal, action) if goal else "untracked"
        results.append(AgreedAction(line, state, goal, action))
    return results


def _match(wanted: str, goals: list[Goal]) -> tuple[Goal | None, GoalAction | None]:
    # An action is the closer match: look for one before matching a whole goal.
    for goal in goals:
        for action in goal.actions:
            if _same(wanted, _norm(action.text)):
                return goal, action
    for goal in goals:
        if _same(wanted, _norm(goal.title)):
            return goal, None
    return None, None


def _state(goal: Goal, action: GoalAction | None) -> str:
    if (action is not None and action.done) or goal.status == "achieved":
        return "done"
    if goal.status == "deferred":
        return "deferred"
    return "open"
