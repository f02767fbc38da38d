"""Self-assessment, reflection and review queries for ``PlanStore``."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from planner.domain.models import Reflection, ReflectionRow, Review, SelfAssessment
from planner.domain.reflection_models import REFLECTION_MODELS
from planner.domain.validation import (
    ValidationError,
    check_assessment,
    check_reflection,
    check_review,
)
from planner.store.rows import (
    REVIEW_COLUMNS,
    assessment_from_row,
    day,
    iso,
    reflection_from_row,
    review_from_row,
    review_values,
)

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlite_utils import Database

_REFLECTION_SELECT = (
    "SELECT r.id, r.date, r.skill, r.goal_id, r.title, r.model, r.sections, r.private, "
    "g.uid, r.themes FROM reflections r LEFT JOIN goals g ON g.id = r.goal_id"
)
# The list's columns only: a reflection's sections are most of its bytes and are read
# when it is opened (``reflection``).
_REFLECTION_ROW_SELECT = "SELECT id, date, title, skill, model, private FROM reflections"
_ASSESSMENT_SELECT = "SELECT id, skill, date, level, importance, note FROM assessments"


class JournalQueries:
    db: Database

    def atomic(self) -> AbstractContextManager[Database]: ...  # provided by PlanStore

    def _skill_ids(self) -> set[str]: ...  # provided by GoalQueries

    # -- self-assessment ---------------------------------------------------------

    def assessment_dates(self) -> list[dt.date]:
        """The dates of every assessment round, oldest first."""
        return [
            day(r[0])
            for r in self.db.execute("SELECT DISTINCT date FROM assessments ORDER BY date")
        ]

    def assessment_round(self, date: dt.date) -> list[SelfAssessment]:
        return [
            assessment_from_row(r)
            for r in self.db.execute(
                _ASSESSMENT_SELECT + " WHERE date = ? ORDER BY id", [iso(date)]
            )
        ]

    def all_assessments(self) -> list[SelfAssessment]:
        return [
            assessment_from_row(r)
            for r in self.db.execute(_ASSESSMENT_SELECT + " ORDER BY date, id")
        ]

    def save_assessment_round(self, date: dt.date, ratings: list[SelfAssessment]) -> None:
        """Stores a round of ratings for ``date``, replacing any round of that date."""
        scale_size = self.db.execute("SELECT COUNT(*) FROM scale_levels").fetchone()[0]
        skills = self._skill_ids()
        problems = []
        for i, rating in enumerate(ratings):
            rating.date = date
            problems += check_assessment(rating, skills, scale_size, f"ratings[{i}]")
        if len({r.skill for r in ratings}) != len(ratings):
            problems.append("ratings: a skill is rated twice")
        if problems:
            raise ValidationError(problems)
        with self.atomic() as db:
            self._replace_round(db, date, ratings)

    def _replace_round(self, db: Database, date: dt.date, ratings: list[SelfAssessment]):
        db.execute("DELETE FROM assessments WHERE date = ?", [iso(date)])
        self._insert_assessments(db, ratings)

    def delete_assessment_round(self, date: dt.date) -> list[SelfAssessment]:
        """Deletes a round; returns it so undo can restore it."""
        removed = self.assessment_round(date)
        with self.atomic() as db:
            db.execute("DELETE FROM assessments WHERE date = ?", [iso(date)])
        return removed

    @staticmethod
    def _insert_assessments(db: Database, ratings: list[SelfAssessment]) -> None:
        db.conn.executemany(
            "INSERT INTO assessments (skill, date, level, importance, note) VALUES (?, ?, ?, ?, ?)",
            [(a.skill, iso(a.date), a.level, a.importance, a.note) for a in ratings],
        )

    # -- reflections -------------------------------------------------------------

    def reflections(self, *, include_private: bool = True) -> list[Reflection]:
        sql = _REFLECTION_SELECT
        if not include_private:
            sql += " WHERE NOT r.private"
        return [
            reflection_from_row(r[:8], r[8], r[9])
            for r in self.db.execute(sql + " ORDER BY r.date, r.id")
        ]

    def reflection_rows(
        self,
        *,
        include_private: bool = True,
        newest_first: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ReflectionRow]:
        """Reflections as the journal lists them, by date, without their sections.

        Args:
            include_private: False leaves out reflections marked private.
            newest_first: newest first (same-day ones last written first), else
                oldest first.
            limit: at most this many rows (None: all of them).
            offset: skip this many rows first.

        Returns:
            One row per reflection.
        """
        sql = _REFLECTION_ROW_SELECT
        if not include_private:
            sql += " WHERE NOT private"
        sql += " ORDER BY date DESC, id DESC" if newest_first else " ORDER BY date, id"
        date = dt.date.fromisoformat
        return [
            ReflectionRow(rid, date(on), title, skill, model, bool(private))
            for rid, on, title, skill, model, private in self.db.execute(
                sql + " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]
            )
        ]

    def reflection_goal_title(self, reflection_id: int) -> str | None:
        """The title of the goal a reflection is linked to, or None."""
        row = self.db.execute(
            "SELECT g.title FROM reflections r JOIN goals g ON g.id = r.goal_id WHERE r.id = ?",
            [reflection_id],
        ).fetchone()
        return row[0] if row else None

    def reflection_ids_matching(self, text: str) -> set[int]:
        """The reflections that hold every word of ``text``, in any case, in their
        title, their skill's name or the text of a section.

        Args:
            text: the words searched for, separated by spaces.

        Returns:
            The ids of the matching reflections (all of them when ``text`` is blank).
        """
        condition, params = _search_condition(self.db, text)
        sql = "SELECT r.id FROM reflections r LEFT JOIN skills s ON s.id = r.skill"
        return {row[0] for row in self.db.execute(f"{sql} WHERE {condition}", params)}

    def reflection_rows_searched(self, text: str) -> tuple[list[ReflectionRow], set[int]]:
        """Every reflection as ``reflection_rows`` lists it, and the ids of those
        ``reflection_ids_matching(text)`` finds, read in one pass over the table.

        Args:
            text: the words searched for, separated by spaces.

        Returns:
            The rows oldest first, and the ids of the matching ones.
        """
        condition, params = _search_condition(self.db, text)
        date = dt.date.fromisoformat
        rows, found = [], set()
        for rid, on, title, skill, model, private, hit in self.db.execute(
            # CASE, not the bare condition: SQLite stops at the first true part of an
            # OR only where it decides a branch (10 ms less for one letter).
            f"SELECT r.id, r.date, r.title, r.skill, r.model, r.private, CASE WHEN {condition} "
            "THEN 1 END FROM reflections r LEFT JOIN skills s ON s.id = r.skill "
            "ORDER BY r.date, r.id",
            params,
        ):
            rows.append(ReflectionRow(rid, date(on), title, skill, model, bool(private)))
            if hit:
                found.add(rid)
        return rows, found

    def reflection(self, reflection_id: int) -> Reflection | None:
        row = self.db.execute(_REFLECTION_SELECT + " WHERE r.id = ?", [reflection_id]).fetchone()
        return reflection_from_row(row[:8], row[8], row[9]) if row else None

    def save_reflection(self, reflection: Reflection) -> Reflection:
        """Inserts or updates (by id) a reflection; an id with no row re-inserts it,
        which is how undo brings back a deleted one."""
        goal_uids = {r[0] for r in self.db.execute("SELECT uid FROM goals")}
        problems = check_reflection(reflection, self._skill_ids(), goal_uids)
        if problems:
            raise ValidationError(problems)
        goal_id = None
        if reflection.goal is not None:
            goal_id = self.db.execute(
                "SELECT id FROM goals WHERE uid = ?", [reflection.goal]
            ).fetchone()[0]
        values = [
            iso(reflection.date),
            reflection.skill,
            goal_id,
            reflection.title,
            reflection.model,
            json.dumps(reflection.sections, ensure_ascii=False),
            int(reflection.private),
            json.dumps(list(reflection.themes)),
        ]
        with self.atomic() as db:
            cursor = db.execute(
                "INSERT INTO reflections (id, date, skill, goal_id, title, model, sections, "
                "private, themes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
                "SET date = excluded.date, skill = excluded.skill, goal_id = excluded.goal_id, "
                "title = excluded.title, model = excluded.model, "
                "sections = excluded.sections, private = excluded.private, "
                "themes = excluded.themes",
                [reflection.id, *values],
            )
            if reflection.id is None:
                reflection.id = cursor.lastrowid
        return reflection

    def delete_reflection(self, reflection_id: int) -> Reflection | None:
        removed = self.reflection(reflection_id)
        with self.atomic() as db:
            db.execute("DELETE FROM reflections WHERE id = ?", [reflection_id])
        return removed

    @staticmethod
    def _insert_reflections(
        db: Database, reflections: list[Reflection], uid_to_id: dict[str, int]
    ) -> None:
        db.conn.executemany(
            "INSERT INTO reflections (date, skill, goal_id, title, model, sections, private, "
            "themes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    iso(r.date),
                    r.skill,
                    uid_to_id.get(r.goal) if r.goal else None,
                    r.title,
                    r.model,
                    json.dumps(r.sections, ensure_ascii=False),
                    int(r.private),
                    json.dumps(list(r.themes)),
                )
                for r in reflections
            ],
        )

    # -- reviews -----------------------------------------------------------------

    def reviews(self) -> list[Review]:
        return self._with_links(
            [
                review_from_row(r)
                for r in self.db.execute(
                    f"SELECT {REVIEW_COLUMNS} FROM reviews ORDER BY date, id"
                )
            ]
        )

    def review(self, review_id: int) -> Review | None:
        row = self.db.execute(
            f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE id = ?", [review_id]
        ).fetchone()
        return self._with_links([review_from_row(row)])[0] if row else None

    def save_review(self, review: Review) -> Review:
        """Inserts or updates (by id) a review, as ``save_reflection`` does, with its
        links: a review put back by an undo gets back what its lines became."""
        problems = check_review(review)
        if problems:
            raise ValidationError(problems)
        with self.atomic() as db:
            cursor = db.execute(
                f"INSERT INTO reviews ({REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET date = excluded.date, "
                "reviewer = excluded.reviewer, notes = excluded.notes, "
                "agreed_actions = excluded.agreed_actions, next_review = excluded.next_review",
                review_values(review),
            )
            if review.id is None:
                review.id = cursor.lastrowid
            db.execute("DELETE FROM review_links WHERE review_id = ?", [review.id])
            self._write_links(db, ((review.id, link) for link in review.links))
        return review

    def delete_review(self, review_id: int) -> Review | None:
        removed = self.review(review_id)
        with self.atomic() as db:
            db.execute("DELETE FROM reviews WHERE id = ?", [review_id])
        return removed

    def _insert_reviews(self, db: Database, reviews: list[Review]) -> None:
        """Bulk insert for imports (into an emptied table), with the reviews' links;
        the goals they link to are already written."""
        # New rows: the id (first of the values) is left for SQLite to choose.
        db.conn.executemany(
            f"INSERT INTO reviews ({REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            [(None, *review_values(r)[1:]) for r in reviews],
        )
        if any(r.links for r in reviews):
            ids = [row[0] for row in db.execute("SELECT id FROM reviews ORDER BY id")]
            self._write_links(
                db,
                ((rid, link) for rid, r in zip(ids, reviews, strict=True) for link in r.links),
            )


def _search_condition(db: Database, text: str) -> tuple[str, list[str]]:
    """SQL true for the reflections holding every word of ``text``, and its values."""
    # Here, not at the top: exports read reflections and never search them.
    from planner.store.search import like_pattern, register_casefold

    words = text.casefold().split()
    if not words:
        return "1", []
    if not all(word.isascii() for word in words):
        register_casefold(db)
    params = [
        value for word in words for value in [like_pattern(word) if word.isascii() else word] * 3
    ]
    return "(" + " AND ".join(_word_condition(word) for word in words) + ")", params


_SECTION_KEYS = frozenset(
    section.key for model in REFLECTION_MODELS.values() for section in model.sections
)


def _matches_stored_text(word: str) -> bool:
    """Whether ``word`` is found in the sections' stored JSON exactly when it is
    found in the text of a section.

    Reading the stored text is twice as fast as parsing it, and a word qualifies
    when it holds no character of the JSON's own (quotes, backslashes, braces,
    colons, commas, control characters), does not begin with a letter JSON uses after a backslash
    (``\\n``, ``\\u00e9``), and is no part of a section key (``what``, ``plan``).
    """
    return (
        word.isascii()
        and word.isprintable()
        and not any(ch in word for ch in '"\\{}:,')
        and word[0] not in "bfnrtu"
        and not any(word in key for key in _SECTION_KEYS)
    )


def _word_condition(word: str) -> str:
    """SQL true when ``word`` is in a reflection's title, skill name or a section.

    Sections are searched in their stored JSON when that gives the same answer, and
    otherwise value by value (``json_each``) so that keys and quoting never match.
    LIKE ignores the case of ASCII letters only, so a word with other letters is
    compared through Python's ``casefold``, as the rest of the app compares text.
    """
    if not word.isascii():
        title, name, value = (
            f"instr(planner_casefold({c}), ?)" for c in ("r.title", "s.name", "j.value")
        )
    else:
        title, name, value = (f"{c} LIKE ? ESCAPE '\\'" for c in ("r.title", "s.name", "j.value"))
        if _matches_stored_text(word):
            return f"({title} OR {name} OR r.sections LIKE ? ESCAPE '\\')"
    return f"({title} OR {name} OR EXISTS (SELECT 1 FROM json_each(r.sections) j WHERE {value}))"

