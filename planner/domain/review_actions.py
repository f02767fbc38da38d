"""What became of the actions agreed at a review: each agreed line followed to the goal
or goal action it was made into (an explicit link), or else matched to the one that
carries the same words, so the plan can say whether it was done."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from planner.domain.models import Goal, GoalAction, Review, ReviewLink

# Shorter lines ("Follow up") match too much by containment; they must match exactly.
_MIN_CONTAINED = 12
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


@dataclass(frozen=True)
class AgreedAction:
    """One line of a review's agreed actions and what the plan records of it.

    ``state`` is ``"done"`` (a matching goal action is ticked or goal achieved),
    ``"open"`` (matched, not yet done), ``"deferred"`` (its goal is deferred) or
    ``"untracked"`` (no goal or action in the plan carries these words).

    ``linked`` says the line was made into its goal or action in the app, rather
    than matched by its words; ``lost`` that it was made into a goal (or an action
    of one) that is no longer in the plan: it is then ``"untracked"``.
    """

    text: str
    state: str
    goal: Goal | None = None
    action: GoalAction | None = None
    linked: bool = False
    lost: bool = False


def agreed_lines(review: Review) -> list[str]:
    """The review's agreed actions, one per non-empty line, list markers removed."""
    lines = (_BULLET.sub("", line).strip() for line in review.agreed_actions.splitlines())
    return [line for line in lines if line]


def _norm(text: str) -> str:
    # str.split() splits on the same white space as the pattern \s+, several times faster.
    return " ".join(text.split()).rstrip(".").casefold()


def _same(agreed: str, recorded: str) -> bool:
    if not agreed or not recorded:
        return False
    if agreed == recorded:
        return True
    shorter, longer = sorted((agreed, recorded), key=len)
    return len(shorter) >= _MIN_CONTAINED and shorter in longer


def follow_up(
    review: Review, goals: Iterable[Goal], texts: GoalTexts | None = None
) -> list[AgreedAction]:
    """Each agreed action of ``review`` with what the plan records of it: the goal or
    action it was made into when the review links it, else the words' match.

    Args:
        review: the review.
        goals: the plan's goals, with their actions.
        texts: ``GoalTexts(goals)`` when the caller keeps it for several reviews.
    """
    goals = list(goals)
    links = {link.line: link for link in review.links}
    by_uid = {goal.uid: goal for goal in goals} if links else {}
    lines = agreed_lines(review)
    # Each text is normalised once, not once per agreed line: a plan kept for years
    # has tens of thousands of actions.
    if texts is None and any(line not in links for line in lines):
        texts = GoalTexts(goals)
    results = []
    for line in lines:
        link = links.get(line)
        if link is not None:
            goal = by_uid.get(link.goal)
            action = _linked_action(goal, link)
            if goal is None or (link.action is not None and action is None):
                results.append(AgreedAction(line, "untracked", linked=True, lost=True))
            else:
                results.append(AgreedAction(line, _state(goal, action), goal, action, True))
            continue
        goal, action = texts.match(_norm(line))
        state = _state(goal, action) if goal else "untracked"
        results.append(AgreedAction(line, state, goal, action))
    return results


def _linked_action(goal: Goal | None, link: ReviewLink) -> GoalAction | None:
    if goal is None or link.action is None or not 0 <= link.action < len(goal.actions):
        return None
    return goal.actions[link.action]


class GoalTexts:
    """The plan's action texts and goal titles, normalised, for matching by words."""

    def __init__(self, goals: list[Goal]):
        self.actions = [(goal, a, _norm(a.text)) for goal in goals for a in goal.actions]
        self.titles = [(goal, _norm(goal.title)) for goal in goals]

    def match(self, wanted: str) -> tuple[Goal | None, GoalAction | None]:
        # An action is the closer match: look for one before matching a whole goal.
        for goal, action, text in self.actions:
            if _same(wanted, text):
                return goal, action
        for goal, text in self.titles:
            if _same(wanted, text):
                return goal, None
        return None, None


def _state(goal: Goal, action: GoalAction | None) -> str:
    if (action is not None and action.done) or goal.status == "achieved":
        return "done"
    if goal.status == "deferred":
        return "deferred"
    return "open"
