"""Numbered, append-only migrations; never edit one that has shipped.

Each migration runs in its own transaction (sqlite-utils ``Migrations``) and also
sets ``PRAGMA user_version`` to its number, so a newer app's file is recognised
without reading any table.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# The migrations in order. They are handed to sqlite-utils only when a database is
# opened for writing, so that reading a plan never imports sqlite-utils.
_STEPS: list[Callable[[Database], None]] = []


def _migration(step: Callable[[Database], None]) -> Callable[[Database], None]:
    _STEPS.append(step)
    return step


def _run(db: Database, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration's
    # transaction and leave a half-made schema after a crash.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@_migration
def m001_initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            profession TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            manager TEXT NOT NULL DEFAULT '',
            aspiration TEXT NOT NULL DEFAULT '',
            period_start TEXT,
            period_end TEXT
        );
        CREATE TABLE framework (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            framework_id TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE scale_levels (
            level INTEGER PRIMARY KEY CHECK (level >= 1),
            label TEXT NOT NULL,
            descriptor TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE skills (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            behaviours TEXT NOT NULL DEFAULT '[]',
            example_goals TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            skill TEXT NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level >= 1),
            importance INTEGER CHECK (importance BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (skill, date)
        );
        CREATE INDEX assessments_date ON assessments(date);
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            skill TEXT NOT NULL REFERENCES skills(id),
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            support TEXT NOT NULL DEFAULT '',
            target_date TEXT,
            status TEXT NOT NULL DEFAULT 'not_started'
                CHECK (status IN ('not_started', 'in_progress', 'achieved', 'deferred')),
            priority TEXT NOT NULL DEFAULT 'medium'
                CHECK (priority IN ('low', 'medium', 'high')),
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX goals_skill ON goals(skill, id);
        CREATE TABLE goal_actions (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            due TEXT,
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
        );
        CREATE INDEX goal_actions_goal ON goal_actions(goal_id, position);
        CREATE TABLE progress_entries (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX progress_goal_date ON progress_entries(goal_id, date, id);
        CREATE TABLE reflections (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            skill TEXT REFERENCES skills(id) ON DELETE SET NULL,
            goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT 'rolfe',
            sections TEXT NOT NULL DEFAULT '{}',
            private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1))
        );
        CREATE INDEX reflections_date ON reflections(date, id);
        CREATE INDEX reflections_goal ON reflections(goal_id);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            agreed_actions TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX reviews_date ON reviews(date, id);
        """,
    )
    db.execute("PRAGMA user_version = 1")


@_migration
def m002_list_indexes(db: Database) -> None:
    # Indexes for the lists a big plan shows at once, found with EXPLAIN QUERY PLAN:
    # each goal's latest percent read from the index alone (skill pages, overview);
    # action counts without reading action rows; the overview's open goals in target
    # date order (partial: only goals still open); the newest progress across goals.
    _run(
        db,
        """
        CREATE INDEX progress_goal_latest ON progress_entries(goal_id, date, id, percent);
        CREATE INDEX goal_actions_done ON goal_actions(goal_id, done);
        CREATE INDEX goals_open_target ON goals(target_date)
            WHERE status NOT IN ('achieved', 'deferred');
        CREATE INDEX progress_date ON progress_entries(date, id);
        """,
    )
    db.execute("PRAGMA user_version = 2")


@_migration
def m003_goal_status_index(db: Database) -> None:
    # The overview's per-skill counts read each goal's status; from the table that
    # means every goal's full row (10 MB on a 10,000-goal plan), from this index 300 KB.
    db.execute("CREATE INDEX goals_skill_status ON goals(skill, status)")
    db.execute("PRAGMA user_version = 3")


@_migration
def m004_goal_deferred_reason(db: Database) -> None:
    # Deferring a goal asks why, in a few words kept beside it (and shown in the PDF).
    db.execute("ALTER TABLE goals ADD COLUMN deferred_reason TEXT NOT NULL DEFAULT ''")
    db.execute("PRAGMA user_version = 4")


@_migration
def m005_review_next_date(db: Database) -> None:
    # A review records when the next one is planned (ISO date, or NULL: not agreed).
    db.execute("ALTER TABLE reviews ADD COLUMN next_review TEXT")
    db.execute("PRAGMA user_version = 5")


@_migration
def m006_framework_part_words(db: Database) -> None:
    # The framework's own word for its parts ("dimension", "domain"). Plans started
    # from the two shipped frameworks that do not say "skill" get their word now;
    # the words are those frameworks' own, so they are written here, not looked up.
    db.execute("ALTER TABLE framework ADD COLUMN part_singular TEXT NOT NULL DEFAULT 'skill'")
    db.execute("ALTER TABLE framework ADD COLUMN part_plural TEXT NOT NULL DEFAULT 'skills'")
    for framework_id, singular, plural in (
        ("healthcare-leadership-model", "dimension", "dimensions"),
        ("clinical-leadership-competency-framework", "domain", "domains"),
    ):
        db.execute(
            "UPDATE framework SET part_singular = ?, part_plural = ? WHERE framework_id = ?",
            [singular, plural, framework_id],
        )
    db.execute("PRAGMA user_version = 6")


@_migration
def m007_plan_cycles(db: Database) -> None:
    # Plan cycles (appraisal years). The current cycle's dates stay the profile's
    # period; ``cycles`` keeps each closed cycle. A goal closed at a cycle's end
    # records that cycle in ``closed_cycle`` (NULL: the goal is in the current
    # cycle), so every list of the working plan reads ``closed_cycle IS NULL``,
    # and the list indexes become partial on it (holding the column, or SQLite reads
    # the row to test it) to stay index-only.
    # ``cycle_targets.cycle`` is a closed cycle's id, or 0 for the current cycle.
    _run(
        db,
        """
        CREATE TABLE cycles (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            start TEXT,
            end TEXT NOT NULL,
            closed_on TEXT NOT NULL
        );
        CREATE TABLE cycle_targets (
            cycle INTEGER NOT NULL,
            skill TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level >= 1),
            PRIMARY KEY (cycle, skill)
        );
        CREATE TABLE goal_outcomes (
            cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            goal_uid TEXT NOT NULL,
            title TEXT NOT NULL,
            skill TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('met', 'partly_met', 'not_met')),
            note TEXT NOT NULL DEFAULT '',
            carried_forward INTEGER NOT NULL DEFAULT 0 CHECK (carried_forward IN (0, 1)),
            PRIMARY KEY (cycle_id, goal_uid)
        );
        ALTER TABLE goals ADD COLUMN closed_cycle INTEGER REFERENCES cycles(id);
        DROP INDEX goals_skill;
        DROP INDEX goals_skill_status;
        DROP INDEX goals_open_target;
        CREATE INDEX goals_skill ON goals(skill, id) WHERE closed_cycle IS NULL;
        CREATE INDEX goals_skill_status ON goals(skill, status, closed_cycle)
            WHERE closed_cycle IS NULL;
        CREATE INDEX goals_open_target ON goals(target_date)
            WHERE status NOT IN ('achieved', 'deferred') AND closed_cycle IS NULL;
        CREATE INDEX goals_closed_cycle ON goals(closed_cycle) WHERE closed_cycle IS NOT NULL;
        """,
    )
    db.execute("PRAGMA user_version = 7")


@_migration
def m008_review_links_and_goal_marks(db: Database) -> None:
    # An agreed action of a review made into a goal, or an action of a goal, is
    # linked explicitly: by the review and the line's text (an edited line is a new
    # action), to the goal's uid (a deleted goal leaves the link, so the review can
    # say so) and the action's id. No foreign key on the action: editing a goal
    # deletes and re-inserts its actions with their ids, which would cut the link.
    # A goal may be marked as the cycle's equality, diversity and inclusion
    # objective and as a wellbeing goal; the partial indexes let the overview ask
    # whether the current cycle has either without reading every goal.
    _run(
        db,
        """
        CREATE TABLE review_links (
            review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            line TEXT NOT NULL,
            goal_uid TEXT NOT NULL,
            action_id INTEGER,
            PRIMARY KEY (review_id, line)
        );
        ALTER TABLE goals ADD COLUMN inclusion_objective INTEGER NOT NULL DEFAULT 0
            CHECK (inclusion_objective IN (0, 1));
        ALTER TABLE goals ADD COLUMN wellbeing_goal INTEGER NOT NULL DEFAULT 0
            CHECK (wellbeing_goal IN (0, 1));
        CREATE INDEX goals_inclusion ON goals(closed_cycle) WHERE inclusion_objective = 1;
        CREATE INDEX goals_wellbeing ON goals(closed_cycle) WHERE wellbeing_goal = 1;
        """,
    )
    # Never lowers the version: a plan made while migration 9 existed and this one
    # did not yet has version 9 already.
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {max(version, 8)}")


@_migration
def m009_revalidation_records(db: Database) -> None:
    # What revalidation and appraisal ask for, kept beside the plan: learning
    # activities (CPD), feedback received and the NMC's reflective discussions; the
    # profile's regulator and revalidation date; an NMC account's Code themes.
    # Skills and goals a record served are JSON lists of skill ids and goal uids:
    # the record stands as written if a goal is later deleted.
    _run(
        db,
        """
        ALTER TABLE profile ADD COLUMN regulator TEXT NOT NULL DEFAULT '';
        ALTER TABLE profile ADD COLUMN revalidation_date TEXT;
        ALTER TABLE reflections ADD COLUMN themes TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE learning_activities (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            start TEXT NOT NULL,
            end TEXT,
            method TEXT NOT NULL,
            topic TEXT NOT NULL,
            relevance TEXT NOT NULL DEFAULT '',
            hours REAL NOT NULL CHECK (hours >= 0),
            participatory_hours REAL NOT NULL DEFAULT 0
                CHECK (participatory_hours >= 0 AND participatory_hours <= hours),
            code_themes TEXT NOT NULL DEFAULT '[]',
            skills TEXT NOT NULL DEFAULT '[]',
            goals TEXT NOT NULL DEFAULT '[]',
            evidence TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX learning_start ON learning_activities(start, id);
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            source TEXT NOT NULL,
            source_role TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL,
            response TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '[]',
            goals TEXT NOT NULL DEFAULT '[]',
            ratings TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX feedback_date ON feedback(date, id);
        CREATE TABLE reflective_discussions (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            partner_name TEXT NOT NULL,
            partner_pin TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        """,
    )
    db.execute("PRAGMA user_version = 9")


# Every table a plan of any version has (all made by m001); checks compare with it.
PLAN_TABLES = frozenset(
    {
        "profile",
        "framework",
        "scale_levels",
        "skills",
        "assessments",
        "goals",
        "goal_actions",
        "progress_entries",
        "reflections",
        "reviews",
    }
)

# The newest user_version this app writes; a file above it came from a newer app.
SCHEMA_VERSION = 9


@cache
def migration_set() -> Migrations:
    """The migrations as sqlite-utils' ``Migrations`` (by function name, in order)."""
    from planner.store.database import load_sqlite_utils

    load_sqlite_utils()
    from sqlite_utils.migrations import Migrations

    found = Migrations("leadership-planner")
    for step in _STEPS:
        found()(step)
    return found


def __getattr__(name: str):
    # ``schema.migrations`` stays available, built on first use.
    if name == "migrations":
        return migration_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
