"""Plan cycles for ``PlanStore``: the current cycle's targets, the closed cycles, and
the roll-over that closes one cycle and starts the next in one transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from planner.domain.cycles import RollOver, check_roll_over, check_targets
from planner.domain.models import Cycle, Goal, GoalOutcome
from planner.domain.validation import ValidationError
from planner.store.errors import StoreError
from planner.store.rows import day, iso, new_uid

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlite_utils import Database

    from planner.domain.models import Framework, Plan, Profile

# ``cycle_targets.cycle`` of the current cycle; closed cycles use their id.
CURRENT_CYCLE = 0


class CycleQueries:
    db: Database

    def atomic(self) -> AbstractContextManager[Database]: ...  # provided by PlanStore

    def framework(self) -> Framework | None: ...  # provided by PlanStore

    def profile(self) -> Profile | None: ...  # provided by PlanStore

    def goal(self, goal_id: int) -> Goal | None: ...  # provided by GoalQueries

    # -- targets -----------------------------------------------------------------

    def targets(self) -> dict[str, int]:
        """The current cycle's target level per skill id (skills without one absent)."""
        return self._targets_of(CURRENT_CYCLE)

    def _targets_of(self, cycle: int) -> dict[str, int]:
        return dict(
            self.db.execute(
                "SELECT t.skill, t.level FROM cycle_targets t JOIN skills s ON s.id = t.skill "
                "WHERE t.cycle = ? ORDER BY s.position",
                [cycle],
            ).fetchall()
        )

    def save_targets(self, targets: dict[str, int]) -> None:
        """Replaces the current cycle's targets (a skill left out has none)."""
        framework = self.framework()
        if framework is None:
            raise StoreError("This database does not hold a plan yet.")
        problems = check_targets(targets, framework)
        if problems:
            raise ValidationError(problems)
        with self.atomic() as db:
            self._write_targets(db, CURRENT_CYCLE, targets)

    @staticmethod
    def _write_targets(db: Database, cycle: int, targets: dict[str, int]) -> None:
        db.execute("DELETE FROM cycle_targets WHERE cycle = ?", [cycle])
        db.conn.executemany(
            "INSERT INTO cycle_targets (cycle, skill, level) VALUES (?, ?, ?)",
            [(cycle, skill, level) for skill, level in targets.items()],
        )

    # -- closed cycles -----------------------------------------------------------

    def cycles(self) -> list[Cycle]:
        """Every closed cycle, oldest first, with its targets and outcomes."""
        outcomes: dict[int, list[GoalOutcome]] = defaultdict(list)
        for cycle_id, *fields in self.db.execute(
            "SELECT cycle_id, goal_uid, title, skill, outcome, note, carried_forward "
            "FROM goal_outcomes ORDER BY cycle_id, position"
        ):
            uid, title, skill, outcome, note, carried = fields
            outcomes[cycle_id].append(GoalOutcome(uid, title, skill, outcome, note, bool(carried)))
        targets: dict[int, dict[str, int]] = defaultdict(dict)
        for cycle_id, skill, level in self.db.execute(
            "SELECT t.cycle, t.skill, t.level FROM cycle_targets t "
            "LEFT JOIN skills s ON s.id = t.skill WHERE t.cycle != 0 ORDER BY t.cycle, s.position"
        ):
            targets[cycle_id][skill] = level
        return [
            Cycle(
                start=day(start),
                end=day(end),
                closed_on=day(closed_on),
                uid=uid,
                targets=targets.get(cid, {}),
                outcomes=outcomes.get(cid, []),
                id=cid,
            )
            for cid, uid, start, end, closed_on in self.db.execute(
                "SELECT id, uid, start, end, closed_on FROM cycles ORDER BY end, id"
            )
        ]

    def goals_closed_in(self, cycle_id: int) -> list[Goal]:
        """The goals a closed cycle closed, with their actions and progress (read-only)."""
        ids = self.db.execute(
            "SELECT id FROM goals WHERE closed_cycle = ? ORDER BY id", [cycle_id]
        ).fetchall()
        return [self.goal(gid) for (gid,) in ids]

    # -- roll-over ---------------------------------------------------------------

    def roll_over(self, roll: RollOver, today: dt.date) -> Cycle:
        """Closes the current cycle and starts the next, all in one transaction.

        Every goal of the current cycle is either achieved (closed as met) or has a
        choice in ``roll``; chosen goals are closed or carried into the new cycle.
        The new cycle's dates become the profile's period and its targets the
        current targets; the closed cycle keeps the targets it had.
        """
        # Read and checked inside the transaction: the plan cannot change in between,
        # and a plan held by another program is refused in words (a redo included).
        with self.atomic() as db:
            profile = self.profile()
            framework = self.framework()
            if profile is None or framework is None:
                raise StoreError("This database does not hold a plan yet.")
            open_goals = {
                gid: (uid, title, skill, status)
                for gid, uid, title, skill, status in db.execute(
                    "SELECT id, uid, title, skill, status FROM goals WHERE closed_cycle IS NULL "
                    "ORDER BY id"
                )
            }
            last_end = day(db.execute("SELECT MAX(end) FROM cycles").fetchone()[0])
            problems = check_roll_over(roll, profile, framework, open_goals, last_end)
            if problems:
                raise ValidationError(problems)
            choices = {c.goal_id: c for c in roll.choices}
            cycle_id = db.execute(
                "INSERT INTO cycles (uid, start, end, closed_on) VALUES (?, ?, ?, ?)",
                [new_uid(), iso(roll.old_start), iso(roll.old_end), iso(today)],
            ).lastrowid
            rows = []
            closing = []
            for gid, (uid, title, skill, _status) in open_goals.items():
                choice = choices.get(gid)
                if choice is None:  # achieved: check_roll_over allows no other
                    rows.append((uid, title, skill, "met", "", 0))
                    closing.append(gid)
                    continue
                rows.append((uid, title, skill, choice.outcome, choice.note, int(choice.carry)))
                if not choice.carry:
                    closing.append(gid)
            db.conn.executemany(
                "INSERT INTO goal_outcomes (cycle_id, position, goal_uid, title, skill, outcome, "
                "note, carried_forward) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(cycle_id, i, *row) for i, row in enumerate(rows)],
            )
            db.conn.executemany(
                "UPDATE goals SET closed_cycle = ? WHERE id = ?",
                [(cycle_id, gid) for gid in closing],
            )
            db.execute(
                "UPDATE cycle_targets SET cycle = ? WHERE cycle = ?", [cycle_id, CURRENT_CYCLE]
            )
            self._write_targets(db, CURRENT_CYCLE, roll.targets)
            db.execute(
                "UPDATE profile SET period_start = ?, period_end = ? WHERE id = 1",
                [iso(roll.new_start), iso(roll.new_end)],
            )
        return next(c for c in self.cycles() if c.id == cycle_id)

    def undo_roll_over(
        self, cycle_id: int, period: tuple[dt.date | None, dt.date | None]
    ) -> None:
        """Takes back the roll-over that made closed cycle ``cycle_id`` (the latest):
        its goals return to the current cycle, its targets become the current ones
        again and the profile's period is ``period`` once more."""
        with self.atomic() as db:
            latest = db.execute("SELECT MAX(id) FROM cycles").fetchone()[0]
            if latest != cycle_id:
                raise StoreError("Only the most recent new cycle can be undone.")
            db.execute("UPDATE goals SET closed_cycle = NULL WHERE closed_cycle = ?", [cycle_id])
            db.execute("DELETE FROM cycle_targets WHERE cycle = ?", [CURRENT_CYCLE])
            db.execute(
                "UPDATE cycle_targets SET cycle = ? WHERE cycle = ?", [CURRENT_CYCLE, cycle_id]
            )
            db.execute("DELETE FROM cycles WHERE id = ?", [cycle_id])
            db.execute(
                "UPDATE profile SET period_start = ?, period_end = ? WHERE id = 1",
                [iso(period[0]), iso(period[1])],
            )

    # -- whole plan --------------------------------------------------------------

    def _write_cycles(
        self, db: Database, plan: Plan, uid_to_id: dict[str, int]
    ) -> None:
        """Bulk insert for imports: cycles, their targets and outcomes, and each closed
        goal's cycle (goals must be inserted first)."""
        self._write_targets(db, CURRENT_CYCLE, plan.targets)
        closed: dict[str, list[int]] = defaultdict(list)
        for goal in plan.goals:
            if goal.closed_cycle is not None:
                closed[goal.closed_cycle].append(uid_to_id[goal.uid])
        for cycle in plan.cycles:
            cid = db.execute(
                "INSERT INTO cycles (uid, start, end, closed_on) VALUES (?, ?, ?, ?)",
                [cycle.uid, iso(cycle.start), iso(cycle.end), iso(cycle.closed_on)],
            ).lastrowid
            self._write_targets(db, cid, cycle.targets)
            db.conn.executemany(
                "INSERT INTO goal_outcomes (cycle_id, position, goal_uid, title, skill, outcome, "
                "note, carried_forward) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (cid, i, o.goal, o.title, o.skill, o.outcome, o.note, int(o.carried_forward))
                    for i, o in enumerate(cycle.outcomes)
                ],
            )
            db.conn.executemany(
                "UPDATE goals SET closed_cycle = ? WHERE id = ?",
                [(cid, gid) for gid in closed.get(cycle.uid, [])],
            )
