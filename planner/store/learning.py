"""Learning activities, feedback and reflective discussions for ``PlanStore``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from planner.domain.learning import FeedbackEntry, LearningActivity, ReflectiveDiscussion
from planner.domain.learning_rules import check_discussion, check_feedback, check_learning
from planner.domain.validation import ValidationError
from planner.store.rows import day, iso, new_uid

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlite_utils import Database

    from planner.domain.models import Framework

_LEARNING_COLUMNS = (
    "id, uid, start, end, method, topic, relevance, hours, participatory_hours, "
    "code_themes, skills, goals, evidence"
)
_FEEDBACK_COLUMNS = (
    "id, uid, date, source, source_role, summary, response, skills, goals, ratings"
)
_DISCUSSION_COLUMNS = "id, date, partner_name, partner_pin, note"


def _texts(stored: str) -> tuple[str, ...]:
    # Most records link nothing: skipping the JSON parser for "[]" halves the time a
    # page of thousands of records takes to read.
    return () if stored == "[]" else tuple(json.loads(stored))


def _learning(row: tuple) -> LearningActivity:
    rid, uid, start, end, method, topic, relevance, hours, part, themes, skills, goals, ev = row
    return LearningActivity(
        start=day(start),
        end=day(end),
        method=method,
        topic=topic,
        relevance=relevance,
        hours=hours,
        participatory_hours=part,
        code_themes=_texts(themes),
        skills=_texts(skills),
        goals=_texts(goals),
        evidence=ev,
        uid=uid,
        id=rid,
    )


def _learning_values(a: LearningActivity) -> tuple:
    return (
        a.id,
        a.uid,
        iso(a.start),
        iso(a.end),
        a.method,
        a.topic,
        a.relevance,
        float(a.hours),
        float(a.participatory_hours),
        json.dumps(list(a.code_themes)),
        json.dumps(list(a.skills)),
        json.dumps(list(a.goals), ensure_ascii=False),
        a.evidence,
    )


def _feedback(row: tuple) -> FeedbackEntry:
    rid, uid, date, source, role, summary, response, skills, goals, ratings = row
    return FeedbackEntry(
        date=day(date),
        source=source,
        source_role=role,
        summary=summary,
        response=response,
        skills=_texts(skills),
        goals=_texts(goals),
        ratings={} if ratings == "{}" else json.loads(ratings),
        uid=uid,
        id=rid,
    )


def _feedback_values(f: FeedbackEntry) -> tuple:
    return (
        f.id,
        f.uid,
        iso(f.date),
        f.source,
        f.source_role,
        f.summary,
        f.response,
        json.dumps(list(f.skills)),
        json.dumps(list(f.goals), ensure_ascii=False),
        json.dumps(f.ratings),
    )


def _upsert(table: str, columns: str) -> str:
    names = [c.strip() for c in columns.split(",")]
    updates = ", ".join(f"{c} = excluded.{c}" for c in names if c != "id")
    marks = ", ".join("?" for _ in names)
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


class LearningQueries:
    db: Database

    def atomic(self) -> AbstractContextManager[Database]: ...  # provided by PlanStore

    def framework(self) -> Framework | None: ...  # provided by PlanStore

    def _skill_ids(self) -> set[str]: ...  # provided by GoalQueries

    # -- learning activities -----------------------------------------------------

    def learning_activities(self) -> list[LearningActivity]:
        """Every learning activity, oldest first."""
        return [
            _learning(r)
            for r in self.db.execute(
                f"SELECT {_LEARNING_COLUMNS} FROM learning_activities ORDER BY start, id"
            )
        ]

    def save_learning(self, activity: LearningActivity) -> LearningActivity:
        """Inserts or updates (by id) an activity; an id with no row re-inserts it
        (undo of a delete)."""
        problems = check_learning(activity, self._skill_ids())
        if problems:
            raise ValidationError(problems)
        activity.uid = activity.uid or new_uid()
        with self.atomic() as db:
            cursor = db.execute(
                _upsert("learning_activities", _LEARNING_COLUMNS), _learning_values(activity)
            )
            if activity.id is None:
                activity.id = cursor.lastrowid
        return activity

    def delete_learning(self, activity_id: int) -> LearningActivity | None:
        row = self.db.execute(
            f"SELECT {_LEARNING_COLUMNS} FROM learning_activities WHERE id = ?", [activity_id]
        ).fetchone()
        with self.atomic() as db:
            db.execute("DELETE FROM learning_activities WHERE id = ?", [activity_id])
        return _learning(row) if row else None

    def records_for_goal(self, goal_uid: str) -> tuple[list[LearningActivity], list[FeedbackEntry]]:
        """The learning and the feedback that served one goal, oldest first. Only rows
        whose links mention the goal are read: a goal's details show them at every
        selection, and a long log read whole would hold each one up."""
        mention = json.dumps(goal_uid, ensure_ascii=False)
        learning = [
            _learning(r)
            for r in self.db.execute(
                f"SELECT {_LEARNING_COLUMNS} FROM learning_activities "
                "WHERE instr(goals, ?) ORDER BY start, id",
                [mention],
            )
        ]
        feedback = [
            _feedback(r)
            for r in self.db.execute(
                f"SELECT {_FEEDBACK_COLUMNS} FROM feedback WHERE instr(goals, ?) ORDER BY date, id",
                [mention],
            )
        ]
        return (
            [a for a in learning if goal_uid in a.goals],
            [f for f in feedback if goal_uid in f.goals],
        )

    # -- feedback ----------------------------------------------------------------

    def feedback_entries(self) -> list[FeedbackEntry]:
        """Every piece of feedback, oldest first."""
        return [
            _feedback(r)
            for r in self.db.execute(f"SELECT {_FEEDBACK_COLUMNS} FROM feedback ORDER BY date, id")
        ]

    def save_feedback(self, entry: FeedbackEntry) -> FeedbackEntry:
        framework = self.framework()
        scale = len(framework.scale) if framework else 0
        problems = check_feedback(entry, self._skill_ids(), scale)
        if problems:
            raise ValidationError(problems)
        entry.uid = entry.uid or new_uid()
        with self.atomic() as db:
            cursor = db.execute(_upsert("feedback", _FEEDBACK_COLUMNS), _feedback_values(entry))
            if entry.id is None:
                entry.id = cursor.lastrowid
        return entry

    def delete_feedback(self, entry_id: int) -> FeedbackEntry | None:
        row = self.db.execute(
            f"SELECT {_FEEDBACK_COLUMNS} FROM feedback WHERE id = ?", [entry_id]
        ).fetchone()
        with self.atomic() as db:
            db.execute("DELETE FROM feedback WHERE id = ?", [entry_id])
        return _feedback(row) if row else None

    # -- reflective discussions --------------------------------------------------

    def discussions(self) -> list[ReflectiveDiscussion]:
        return [
            ReflectiveDiscussion(day(d), name, pin, note, rid)
            for rid, d, name, pin, note in self.db.execute(
                f"SELECT {_DISCUSSION_COLUMNS} FROM reflective_discussions ORDER BY date, id"
            )
        ]

    def save_discussion(self, discussion: ReflectiveDiscussion) -> ReflectiveDiscussion:
        problems = check_discussion(discussion)
        if problems:
            raise ValidationError(problems)
        values = (
            discussion.id,
            iso(discussion.date),
            discussion.partner_name,
            discussion.partner_pin,
            discussion.note,
        )
        with self.atomic() as db:
            cursor = db.execute(_upsert("reflective_discussions", _DISCUSSION_COLUMNS), values)
            if discussion.id is None:
                discussion.id = cursor.lastrowid
        return discussion

    def delete_discussion(self, discussion_id: int) -> None:
        with self.atomic() as db:
            db.execute("DELETE FROM reflective_discussions WHERE id = ?", [discussion_id])

    # -- whole plan --------------------------------------------------------------

    @staticmethod
    def _insert_records(
        db: Database,
        learning: list[LearningActivity],
        feedback: list[FeedbackEntry],
        discussions: list[ReflectiveDiscussion],
    ) -> None:
        """Bulk insert for imports: ids follow file order, missing uids are made."""
        for record in (*learning, *feedback):
            record.uid = record.uid or new_uid()
        db.conn.executemany(
            _upsert("learning_activities", _LEARNING_COLUMNS),
            [(None, *_learning_values(a)[1:]) for a in learning],
        )
        db.conn.executemany(
            _upsert("feedback", _FEEDBACK_COLUMNS),
            [(None, *_feedback_values(f)[1:]) for f in feedback],
        )
        db.conn.executemany(
            _upsert("reflective_discussions", _DISCUSSION_COLUMNS),
            [(None, iso(d.date), d.partner_name, d.partner_pin, d.note) for d in discussions],
        )
