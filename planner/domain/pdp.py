"""The personal development plan as a medical appraisal form lays it out: this cycle's
goals as PDP rows, and the last closed cycle's PDP with what became of each goal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.dates import short_date
from planner.domain.models import OUTCOME_LABELS, STATUS_LABELS, Cycle, Goal, Plan

# The appraisal form's four columns (see DOMAIN facts), then where the goal stands.
PDP_COLUMNS = (
    "Learning or development need",
    "Agreed action or goal",
    "Date for completion",
    "How the need will be shown to have been met",
)


@dataclass(frozen=True)
class PdpRow:
    """One line of a PDP: the goal's need, its actions, its date and its measure, with
    its status now (this cycle) or its outcome (a closed cycle) and the note on it."""

    need: str  # the goal's title
    action: str
    completion: dt.date | None
    shown_by: str
    status: str
    note: str = ""
    detail: str = ""  # the goal's description: the need in the user's words

    @property
    def need_in_full(self) -> str:
        """The title, then the description after a blank line."""
        return f"{self.need}\n\n{self.detail}" if self.detail else self.need


def _actions(goal: Goal | None) -> str:
    """The goal's actions one a line, each with its due date; a goal without actions
    is its own agreed action (the need is the goal's title)."""
    if goal is None:
        return ""
    lines = []
    for action in goal.actions:
        due = f" (by {short_date(action.due)})" if action.due else ""
        done = " [done]" if action.done else ""
        lines.append(f"{' '.join(action.text.split())}{due}{done}")
    return "\n".join(lines)


def current_pdp(plan: Plan) -> list[PdpRow]:
    """The current cycle's goals as PDP rows, in the framework's order of skills."""
    order = {skill.id: n for n, skill in enumerate(plan.framework.skills)}
    goals = sorted(plan.current_goals, key=lambda g: order.get(g.skill, len(order)))
    rows = []
    for goal in goals:
        status = STATUS_LABELS.get(goal.status, goal.status)
        rows.append(
            PdpRow(
                " ".join(goal.title.split()),
                _actions(goal),
                goal.target_date,
                goal.measure.strip(),
                status,
                goal.deferred_reason.strip() if goal.status == "deferred" else "",
                goal.description.strip(),
            )
        )
    return rows


def latest_closed_cycle(plan: Plan) -> Cycle | None:
    """The cycle closed last (cycles are kept oldest first)."""
    return max(plan.cycles, key=lambda c: (c.end, c.id or 0), default=None)


def last_pdp(plan: Plan) -> tuple[Cycle | None, list[PdpRow]]:
    """The latest closed cycle and its goals as PDP rows with their outcomes: met,
    partly met or not met, carried forward or not, and the note on why."""
    cycle = latest_closed_cycle(plan)
    if cycle is None:
        return None, []
    goals = {g.uid: g for g in plan.goals if g.uid}
    rows = []
    for outcome in cycle.outcomes:
        goal = goals.get(outcome.goal)
        status = OUTCOME_LABELS.get(outcome.outcome, outcome.outcome)
        if outcome.carried_forward:
            status += ", carried forward"
        rows.append(
            PdpRow(
                " ".join(outcome.title.split()),
                _actions(goal),
                goal.target_date if goal else None,
                goal.measure.strip() if goal else "",
                status,
                outcome.note.strip(),
                goal.description.strip() if goal else "",
            )
        )
    return cycle, rows
