"""The plan database: the one object the rest of the app reads and writes through.

Every public method that writes is one transaction, so a user action is saved whole
or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.models import Framework, Plan, Profile, ScaleLevel, Skill
from planner.domain.validation import ValidationError, check_profile
from planner.store.connection import connect, connect_current_readonly, migrate
from planner.store.cycles import CycleQueries
from planner.store.errors import (
    DamagedDatabaseError,
    NewerSchemaError,
    StoreError,
    describe_sqlite_error,
)
from planner.store.goals import GoalQueries
from planner.store.journal import JournalQueries
from planner.store.learning import LearningQueries
from planner.store.review_links import ReviewLinkQueries
from planner.store.rows import day, iso
from planner.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database

    from planner.store.database import ReadOnlyDatabase
    from planner.store.search import SearchResult


def _backup_before_migrating(path: Path, db: Database) -> None:
    from planner.store.backup import backup_connection

    backup_connection(db.conn, path, "migrate")


class PlanStore(GoalQueries, JournalQueries, CycleQueries, LearningQueries, ReviewLinkQueries):
    """One plan in one SQLite file (or in memory for tests)."""

    def __init__(self, db: Database | ReadOnlyDatabase, path: Path | None = None):
        self.db = db
        self.path = path
        # Bumped on every committed write; the app uses it to know when to back up.
        self.changes = 0
        # The value of ``changes`` when the last backup was taken.
        self.changes_backed_up = 0
        # Set when the plan failed its check after opening: why nothing is saved.
        self.refusal: str | None = None
        self.closed = False

    @classmethod
    def open(
        cls,
        path: Path | str | None,
        *,
        before_migrating: Callable[[Database], None] | None = None,
    ) -> PlanStore:
        """Opens (creating if needed) and migrates the plan at ``path``.

        Args:
            path: The plan file; ``None`` or ``":memory:"`` for a throwaway store.
            before_migrating: Called before a migration meets existing data; by
                default a file is backed up into its ``backups/`` folder first.

        Raises:
            StoreError: with a message for the user (locked, damaged, newer...).
        """
        resolved = None if path is None or str(path) == ":memory:" else Path(path)
        if before_migrating is None and resolved is not None:
            before_migrating = partial(_backup_before_migrating, resolved)
        db = connect(resolved)
        try:
            migrate(db, before_migrating=before_migrating)
        except BaseException:
            db.close()
            raise
        return cls(db, resolved)

    @classmethod
    def open_readonly(cls, path: Path | str) -> PlanStore:
        """Opens the plan at ``path`` for reading only (export), never changing it.

        A file whose schema is current is read through a plain read-only ``sqlite3``
        connection: nothing is written and sqlite-utils is not imported. An older
        plan is copied into memory and the copy brought up to date, so the file
        stays exactly as it was. Writing through the returned store is a bug (or, for
        a copy, changes only the copy).

        Raises:
            StoreError: no file, or a file that is damaged, newer, in use or not a plan.
        """
        path = Path(path)
        db = connect_current_readonly(path)
        if db is not None:
            return cls(db, path)
        return cls._read_copy(path)

    @classmethod
    def _read_copy(cls, path: Path) -> PlanStore:
        from planner.store.backup import copy_database
        from planner.store.connection import open_existing
        from planner.store.health import check_database

        if path.is_dir():
            raise StoreError(f"That is a folder, not a plan file ({path}).")
        if not path.is_file():
            raise StoreError(f"There is no plan at {path}.")
        report = check_database(path, quick=True)
        if report.unavailable:
            raise StoreError(report.unavailable)
        if report.schema_version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{path.name} was saved by a newer version of Leadership Planner; install "
                "the newer version to read it. The file has not been changed."
            )
        if report.foreign or report.empty:
            raise StoreError(
                f"{path.name} is not a Leadership Planner plan (it is a database of another "
                "program, or empty); it has not been changed."
            )
        if not report.ok:
            raise DamagedDatabaseError(
                f"{path.name} cannot be read: {report.summary().rstrip('.')}. "
                "Run 'leadership-planner check' to see which backup to restore."
            )
        memory = connect(None)
        try:
            source = open_existing(path, "ro")
            try:
                copy_database(source, memory.conn)
            finally:
                source.close()
            migrate(memory)
        except sqlite3.Error as exc:
            memory.close()
            raise StoreError(describe_sqlite_error(exc, path)) from None
        except BaseException:
            memory.close()
            raise
        return cls(memory, None)

    @classmethod
    def memory(cls) -> PlanStore:
        return cls.open(None)

    def close(self) -> None:
        self.db.close()
        self.closed = True

    def refuse_writes(self, reason: str) -> None:
        """From now on every write (and every backup) is refused with ``reason``: the
        plan failed its check, so nothing may be added to it or copied from it."""
        self.refusal = reason

    def prepare_writes(self) -> None:
        """Imports what the first write needs (sqlite-utils, about 40 ms) ahead of it;
        opening a current plan and reading it do without. Safe to call from another
        thread: it touches no connection."""
        self.db.prepare_writes()

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction; nested use becomes a savepoint.

        Raises:
            StoreError: an environment fault (disk full, locked, read-only).
        """
        if self.refusal:
            raise StoreError(self.refusal)
        outermost = not self.db.conn.in_transaction
        try:
            with self.db.atomic() as db:
                yield db
        except sqlite3.OperationalError as exc:
            if outermost:
                raise StoreError(describe_sqlite_error(exc, self.path)) from None
            raise
        except sqlite3.IntegrityError:
            # Validation runs first, so this means the item changed under us (e.g.
            # deleted by an undo in another view) rather than bad input.
            if outermost:
                raise StoreError(
                    "That change was not saved: it refers to something that no longer "
                    "exists in your plan."
                ) from None
            raise
        if outermost:
            self.changes += 1

    def search(self, phrase: str, limit: int = 200) -> SearchResult:
        """Every place in the plan holding ``phrase`` (``planner.store.search``)."""
        # Imported here: the command line's exports open the store and never search.
        from planner.store.search import search_plan

        return search_plan(self.db, phrase, limit)

    # -- profile -----------------------------------------------------------------

    def has_plan(self) -> bool:
        return self.db.execute("SELECT COUNT(*) FROM profile").fetchone()[0] > 0

    def profile(self) -> Profile | None:
        row = self.db.execute(
            "SELECT name, role, profession, organisation, manager, aspiration, "
            "period_start, period_end, regulator, revalidation_date FROM profile WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return Profile(
            *row[:6],
            period_start=day(row[6]),
            period_end=day(row[7]),
            regulator=row[8],
            revalidation_date=day(row[9]),
        )

    def save_profile(self, profile: Profile) -> None:
        problems = check_profile(profile)
        if problems:
            raise ValidationError(problems)
        with self.atomic() as db:
            self._write_profile(db, profile)

    @staticmethod
    def _write_profile(db: Database, profile: Profile) -> None:
        db.execute(
            "INSERT INTO profile (id, name, role, profession, organisation, manager, "
            "aspiration, period_start, period_end, regulator, revalidation_date) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, "
            "profession = excluded.profession, organisation = excluded.organisation, "
            "manager = excluded.manager, aspiration = excluded.aspiration, "
            "period_start = excluded.period_start, period_end = excluded.period_end, "
            "regulator = excluded.regulator, revalidation_date = excluded.revalidation_date",
            [
                profile.name,
                profile.role,
                profile.profession,
                profile.organisation,
                profile.manager,
                profile.aspiration,
                iso(profile.period_start),
                iso(profile.period_end),
                profile.regulator,
                iso(profile.revalidation_date),
            ],
        )

    # -- framework ---------------------------------------------------------------

    def framework(self) -> Framework | None:
        head = self.db.execute(
            "SELECT framework_id, name, description, part_singular, part_plural "
            "FROM framework WHERE id = 1"
        ).fetchone()
        if head is None:
            return None
        scale = tuple(
            ScaleLevel(label, descriptor)
            for label, descriptor in self.db.execute(
                "SELECT label, descriptor FROM scale_levels ORDER BY level"
            )
        )
        skills = tuple(
            Skill(
                sid, name, description, tuple(json.loads(behaviours)), tuple(json.loads(examples))
            )
            for sid, name, description, behaviours, examples in self.db.execute(
                "SELECT id, name, description, behaviours, example_goals FROM skills "
                "ORDER BY position"
            )
        )
        fid, name, description, part_singular, part_plural = head
        return Framework(fid, name, description, scale, skills, part_singular, part_plural)

    @staticmethod
    def _write_framework(db: Database, framework: Framework) -> None:
        db.execute("DELETE FROM framework")
        db.execute("DELETE FROM scale_levels")
        db.execute(
            "INSERT INTO framework (id, framework_id, name, description, part_singular, "
            "part_plural) VALUES (1, ?, ?, ?, ?, ?)",
            [
                framework.id,
                framework.name,
                framework.description,
                framework.part_singular,
                framework.part_plural,
            ],
        )
        db.conn.executemany(
            "INSERT INTO scale_levels (level, label, descriptor) VALUES (?, ?, ?)",
            [(i, s.label, s.descriptor) for i, s in enumerate(framework.scale, start=1)],
        )
        keep = [s.id for s in framework.skills]
        db.execute(f"DELETE FROM skills WHERE id NOT IN ({', '.join('?' for _ in keep)})", keep)
        db.conn.executemany(
            "INSERT INTO skills (id, position, name, description, behaviours, example_goals) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "position = excluded.position, name = excluded.name, "
            "description = excluded.description, behaviours = excluded.behaviours, "
            "example_goals = excluded.example_goals",
            [
                (
                    s.id,
                    i,
                    s.name,
                    s.description,
                    json.dumps(list(s.behaviours)),
                    json.dumps(list(s.example_goals)),
                )
                for i, s in enumerate(framework.skills)
            ],
        )

    def start_plan(self, profile: Profile, framework: Framework) -> None:
        """The first-run step: the profile and a copy of the chosen framework."""
        problems = check_profile(profile)
        if problems:
            raise ValidationError(problems)
        with self.atomic() as db:
            self._write_profile(db, profile)
            self._write_framework(db, framework)

    # -- whole plan --------------------------------------------------------------

    def load_plan(self) -> Plan:
        """The whole plan, in the canonical order plan files and PDFs use."""
        profile = self.profile()
        framework = self.framework()
        if profile is None or framework is None:
            raise StoreError("This database does not hold a plan yet.")
        return Plan(
            profile=profile,
            framework=framework,
            assessments=self.all_assessments(),
            goals=self.all_goals(),
            reflections=self.reflections(),
            reviews=self.reviews(),
            targets=self.targets(),
            cycles=self.cycles(),
            learning=self.learning_activities(),
            feedback=self.feedback_entries(),
            discussions=self.discussions(),
        )

    def replace_plan(self, plan: Plan) -> None:
        """Swaps the stored plan for ``plan`` in one transaction (import, demo).

        The caller validates first; constraints still guard the write.
        """
        with self.atomic() as db:
            for table in (
                "review_links",
                "learning_activities",
                "feedback",
                "reflective_discussions",
                "goal_outcomes",
                "cycle_targets",
                "reflections",
                "reviews",
                "progress_entries",
                "goal_actions",
                "goals",
                "cycles",
                "assessments",
                "skills",
                "scale_levels",
                "framework",
                "profile",
            ):
                db.execute(f"DELETE FROM {table}")
            self._write_profile(db, plan.profile)
            self._write_framework(db, plan.framework)
            self._insert_assessments(db, plan.assessments)
            uid_to_id = self._insert_goals(db, plan.goals)
            self._insert_reflections(db, plan.reflections, uid_to_id)
            self._insert_reviews(db, plan.reviews)
            self._write_cycles(db, plan, uid_to_id)
            self._insert_records(db, plan.learning, plan.feedback, plan.discussions)
