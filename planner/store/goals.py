"""Goal, action and progress queries for ``PlanStore``.

Lists read ``GoalSummary`` rows (latest percent by index, no history loaded), so a
skill page costs the same with ten progress entries or a hundred thousand.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from planner.domain.models import Goal, GoalAction, GoalSummary, ProgressEntry
from planner.domain.validation import ValidationError, check_goal, check_progress_entry
from planner.store.errors import StoreError
from planner.store.rows import (
    CURRENT,
    GOAL_COLUMNS,
    SUMMARY_SQL,
    action_from_row,
    goal_from_row,
    goal_values,
    iso,
    new_uid,
    now_stamp,
    progress_from_row,
    summary_from_row,
)

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlite_utils import Database


class GoalQueries:
    db: Database

    def atomic(self) -> AbstractContextManager[Database]: ...  # provided by PlanStore

    def _skill_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM skills")}

    # -- reading -----------------------------------------------------------------

    def goal_summaries(self, skill: str | None = None) -> list[GoalSummary]:
        if skill is None:
            rows = self.db.execute(SUMMARY_SQL + f" WHERE g.{CURRENT} ORDER BY g.id")
        else:
            rows = self.db.execute(
                SUMMARY_SQL + f" WHERE g.skill = ? AND g.{CURRENT} ORDER BY g.id", [skill]
            )
        return [summary_from_row(r) for r in rows]

    def goal_summary(self, goal_id: int) -> GoalSummary | None:
        row = self.db.execute(SUMMARY_SQL + " WHERE g.id = ?", [goal_id]).fetchone()
        return summary_from_row(row) if row else None

    def goal(self, goal_id: int, *, with_progress: bool = True) -> Goal | None:
        """One goal with its actions, and its progress history when asked."""
        row = self.db.execute(
            f"SELECT {GOAL_COLUMNS} FROM goals WHERE id = ?", [goal_id]
        ).fetchone()
        if row is None:
            return None
        goal = goal_from_row(row)
        goal.actions = [
            action_from_row(r)
            for r in self.db.execute(
                "SELECT id, text, due, done FROM goal_actions WHERE goal_id = ? "
                "ORDER BY position, id",
                [goal_id],
            )
        ]
        if with_progress:
            goal.progress = self.progress(goal_id)
        return goal

    def goal_id_for_uid(self, uid: str) -> int | None:
        row = self.db.execute("SELECT id FROM goals WHERE uid = ?", [uid]).fetchone()
        return row[0] if row else None

    def all_goals(self, *, with_progress: bool = True) -> list[Goal]:
        """Every goal with actions and progress (when asked), in three queries (not
        one per goal)."""
        goals = [
            goal_from_row(r)
            for r in self.db.execute(f"SELECT {GOAL_COLUMNS} FROM goals ORDER BY id")
        ]
        actions = defaultdict(list)
        for row in self.db.execute(
            "SELECT goal_id, id, text, due, done FROM goal_actions ORDER BY goal_id, position, id"
        ):
            actions[row[0]].append(action_from_row(row[1:]))
        progress = defaultdict(list)
        rows = (
            self.db.execute(
                "SELECT goal_id, id, date, percent, note FROM progress_entries "
                "ORDER BY goal_id, date, id"
            )
            if with_progress
            else ()
        )
        for row in rows:
            progress[row[0]].append(progress_from_row(row[1:]))
        for goal in goals:
            goal.actions = actions.get(goal.id, [])
            goal.progress = progress.get(goal.id, [])
        return goals

    def goal_outlines(self) -> list[Goal]:
        """Every goal (closed cycles' too) with its actions, holding only what matching
        a review's agreed actions needs: uid, skill, title, status; each action's text
        and tick. No descriptions, dates or history, so a plan of 10,000 goals reads
        in a fraction of ``all_goals``' time."""
        goals = {
            gid: Goal(skill, title, status=status, uid=uid, id=gid)
            for gid, uid, skill, title, status in self.db.execute(
                "SELECT id, uid, skill, title, status FROM goals ORDER BY id"
            )
        }
        for goal_id, action_id, text, done in self.db.execute(
            "SELECT goal_id, id, text, done FROM goal_actions ORDER BY goal_id, position, id"
        ):
            goals[goal_id].actions.append(GoalAction(text, done=bool(done), id=action_id))
        return list(goals.values())

    def progress(
        self, goal_id: int, *, limit: int | None = None, offset: int = 0, newest_first: bool = False
    ) -> list[ProgressEntry]:
        order = "DESC" if newest_first else "ASC"
        sql = (
            f"SELECT id, date, percent, note FROM progress_entries WHERE goal_id = ? "
            f"ORDER BY date {order}, id {order}"
        )
        params: list = [goal_id]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [progress_from_row(r) for r in self.db.execute(sql, params)]

    def progress_count(self, goal_id: int) -> int:
        return self.db.execute(
            "SELECT COUNT(*) FROM progress_entries WHERE goal_id = ?", [goal_id]
        ).fetchone()[0]

    # -- writing -----------------------------------------------------------------

    def _check(self, goal: Goal) -> None:
        problems = check_goal(goal, self._skill_ids())
        if problems:
            raise ValidationError(problems)

    def add_goal(self, goal: Goal) -> Goal:
        """Saves a new goal (with any actions and progress); returns it with ids.

        A goal that already carries an id and uid (an undone delete coming back) keeps
        them, so links from reflections are restored too.
        """
        self._check(goal)
        stamp = now_stamp()
        goal.uid = goal.uid or new_uid()
        goal.created = goal.created or stamp
        goal.updated = goal.updated or stamp
        with self.atomic() as db:
            goal.id = self._insert_goal(db, goal)
        return goal

    def update_goal(self, goal: Goal) -> Goal:
        """Saves a goal's fields and replaces its action list (progress is untouched)."""
        if goal.id is None:
            raise ValueError("update_goal needs a saved goal")
        self._check(goal)
        goal.updated = now_stamp()
        with self.atomic() as db:
            values = goal_values(goal)
            del values["uid"], values["created"]
            assignments = ", ".join(f"{k} = ?" for k in values)
            cursor = db.execute(
                f"UPDATE goals SET {assignments} WHERE id = ?", [*values.values(), goal.id]
            )
            if cursor.rowcount != 1:
                raise StoreError("That goal no longer exists.")
            db.execute("DELETE FROM goal_actions WHERE goal_id = ?", [goal.id])
            self._insert_actions(db, goal.id, goal.actions)
        return goal

    def delete_goal(self, goal_id: int) -> tuple[Goal, list[int]] | None:
        """Deletes a goal with its actions and progress.

        Returns:
            The goal as it was and the ids of reflections that linked to it, so that
            ``restore_goal`` can put everything back; ``None`` if there was no goal.
        """
        goal = self.goal(goal_id)
        if goal is None:
            return None
        linked = [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM reflections WHERE goal_id = ? ORDER BY id", [goal_id]
            )
        ]
        with self.atomic() as db:
            db.execute("DELETE FROM goals WHERE id = ?", [goal_id])
        return goal, linked

    def restore_goal(self, goal: Goal, linked_reflections: list[int]) -> None:
        """Puts back a goal removed by ``delete_goal``, with the same id and links."""
        with self.atomic() as db:
            self._insert_goal(db, goal)
            if linked_reflections:
                marks = ", ".join("?" for _ in linked_reflections)
                db.execute(
                    f"UPDATE reflections SET goal_id = ? WHERE id IN ({marks})",
                    [goal.id, *linked_reflections],
                )

    def set_action_done(self, action_id: int, done: bool) -> None:
        with self.atomic() as db:
            db.execute("UPDATE goal_actions SET done = ? WHERE id = ?", [int(done), action_id])
            db.execute(
                "UPDATE goals SET updated = ? WHERE id = "
                "(SELECT goal_id FROM goal_actions WHERE id = ?)",
                [now_stamp(), action_id],
            )

    def set_goal_status(self, goal_id: int, status: str) -> None:
        goal = self.goal(goal_id, with_progress=False)
        if goal is None:
            raise StoreError("That goal no longer exists.")
        goal.status = status
        self.update_goal(goal)

    def add_progress(self, goal_id: int, entry: ProgressEntry) -> ProgressEntry:
        """Logs progress; a goal not yet started moves to "in progress" in the same
        transaction."""
        problems = check_progress_entry(entry)
        if problems:
            raise ValidationError(problems)
        with self.atomic() as db:
            if entry.id is None:
                cursor = db.execute(
                    "INSERT INTO progress_entries (goal_id, date, percent, note) "
                    "VALUES (?, ?, ?, ?)",
                    [goal_id, iso(entry.date), entry.percent, entry.note],
                )
            else:
                cursor = db.execute(
                    "INSERT INTO progress_entries (id, goal_id, date, percent, note) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [entry.id, goal_id, iso(entry.date), entry.percent, entry.note],
                )
            entry.id = cursor.lastrowid
            db.execute(
                "UPDATE goals SET updated = ?, status = CASE WHEN status = 'not_started' "
                "AND ? > 0 THEN 'in_progress' ELSE status END WHERE id = ?",
                [now_stamp(), entry.percent, goal_id],
            )
        return entry

    def delete_progress(self, entry_id: int) -> None:
        with self.atomic() as db:
            db.execute("DELETE FROM progress_entries WHERE id = ?", [entry_id])

    # -- bulk inserts shared by add_goal and replace_plan ------------------------

    def _insert_goal(self, db: Database, goal: Goal) -> int:
        values = goal_values(goal)
        columns = list(values)
        params = list(values.values())
        if goal.id is not None:
            columns.insert(0, "id")
            params.insert(0, goal.id)
        cursor = db.execute(
            f"INSERT INTO goals ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            params,
        )
        gid = cursor.lastrowid
        self._insert_actions(db, gid, goal.actions)
        db.conn.executemany(
            "INSERT INTO progress_entries (id, goal_id, date, percent, note) "
            "VALUES (?, ?, ?, ?, ?)",
            [(e.id, gid, iso(e.date), e.percent, e.note) for e in goal.progress],
        )
        return gid

    @staticmethod
    def _insert_actions(db: Database, goal_id: int, actions: list) -> None:
        # An action that already has an id (an edit, an undone delete) keeps it, so
        # an earlier tick can still be undone; a new one (id None) gets a fresh id.
        db.conn.executemany(
            "INSERT INTO goal_actions (id, goal_id, position, text, due, done) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, goal_id, i, a.text, iso(a.due), int(a.done)) for i, a in enumerate(actions)],
        )
        for action, row in zip(
            actions,
            db.execute(
                "SELECT id FROM goal_actions WHERE goal_id = ? ORDER BY position", [goal_id]
            ),
            strict=False,
        ):
            action.id = row[0]

    def _insert_goals(self, db: Database, goals: list[Goal]) -> dict[str, int]:
        """Bulk insert for imports: ids follow file order; returns uid -> id."""
        stamp = now_stamp()
        rows = []
        for gid, goal in enumerate(goals, start=1):
            values = goal_values(goal)
            values["created"] = values["created"] or stamp
            values["updated"] = values["updated"] or stamp
            rows.append((gid, *values.values()))
        columns = "id, " + ", ".join(goal_values(goals[0])) if goals else ""
        if rows:
            db.conn.executemany(
                f"INSERT INTO goals ({columns}) VALUES ({', '.join('?' * len(rows[0]))})",
                rows,
            )
        db.conn.executemany(
            "INSERT INTO goal_actions (goal_id, position, text, due, done) VALUES (?, ?, ?, ?, ?)",
            (
                (gid, i, a.text, iso(a.due), int(a.done))
                for gid, goal in enumerate(goals, start=1)
                for i, a in enumerate(goal.actions)
            ),
        )
        db.conn.executemany(
            "INSERT INTO progress_entries (goal_id, date, percent, note) VALUES (?, ?, ?, ?)",
            (
                (gid, iso(e.date), e.percent, e.note)
                for gid, goal in enumerate(goals, start=1)
                for e in goal.progress
            ),
        )
        return {goal.uid: gid for gid, goal in enumerate(goals, start=1)}

    def skill_stats(self) -> dict[str, tuple[int, int, float]]:
        """Per skill: goals in total, goals achieved, and average latest percent."""
        rows = self.db.execute(
            "SELECT g.skill, COUNT(*), SUM(g.status = 'achieved'), AVG(COALESCE("
            "(SELECT p.percent FROM progress_entries p WHERE p.goal_id = g.id "
            f"ORDER BY p.date DESC, p.id DESC LIMIT 1), 0)) FROM goals g WHERE g.{CURRENT} "
            "GROUP BY g.skill"
        )
        return {skill: (total, achieved or 0, avg or 0.0) for skill, total, achieved, avg in rows}

    def goal_counts(self) -> tuple[int, int]:
        """The current cycle's goals: how many, and how many achieved (from an index)."""
        total, achieved = self.db.execute(
            f"SELECT COUNT(*), SUM(status = 'achieved') FROM goals WHERE {CURRENT}"
        ).fetchone()
        return total, achieved or 0

    def goals_overdue(self, today: dt.date) -> list[GoalSummary]:
        """Open goals whose target date has passed."""
        rows = self.db.execute(
            SUMMARY_SQL + " WHERE g.target_date < ? AND g.status NOT IN "
            f"('achieved', 'deferred') AND g.{CURRENT} ORDER BY g.target_date, g.id",
            [iso(today)],
        )
        return [summary_from_row(r) for r in rows]

    def recent_progress(self, limit: int = 5) -> list[tuple[int, str, ProgressEntry]]:
        """The newest progress entries across all goals: (goal id, goal title, entry)."""
        rows = self.db.execute(
            "SELECT g.id, g.title, p.id, p.date, p.percent, p.note FROM progress_entries p "
            f"JOIN goals g ON g.id = p.goal_id WHERE g.{CURRENT} "
            "ORDER BY p.date DESC, p.id DESC LIMIT ?",
            [limit],
        )
        return [(r[0], r[1], progress_from_row(r[2:])) for r in rows]

    def open_goals_due_by(
        self, end: dt.date, *, limit: int | None = None, offset: int = 0
    ) -> list[GoalSummary]:
        """Open goals with a target date on or before ``end``, overdue first: the same
        rows as ``goals_overdue`` followed by ``goals_due``, a page at a time.

        The partial index ``goals_open_target`` gives them in order, so a page costs
        the same with ten open goals or ten thousand.
        """
        sql = (
            SUMMARY_SQL + " WHERE g.target_date <= ? AND g.status NOT IN "
            f"('achieved', 'deferred') AND g.{CURRENT} ORDER BY g.target_date, g.id"
        )
        params: list = [iso(end)]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [summary_from_row(r) for r in self.db.execute(sql, params)]

    def goals_due(self, start: dt.date, end: dt.date) -> list[GoalSummary]:
        """Open goals with a target date in [start, end]."""
        rows = self.db.execute(
            SUMMARY_SQL + " WHERE g.target_date BETWEEN ? AND ? AND g.status NOT IN "
            f"('achieved', 'deferred') AND g.{CURRENT} ORDER BY g.target_date, g.id",
            [iso(start), iso(end)],
        )
        return [summary_from_row(r) for r in rows]
