"""Checking a plan database without changing it: integrity, keys and schema.

One check serves start-up, ``check``, the verbs that write and the choice of a backup,
so a plan that passes one passes them all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from planner.store.connection import finish_interrupted_write, open_existing
from planner.store.errors import describe_sqlite_error, error_kind
from planner.store.schema import PLAN_TABLES, SCHEMA_VERSION

# The tables every plan has had since the first version; a database with none of
# them belongs to another program.
_CORE_TABLES = {"profile", "framework", "skills", "goals"}
_BOOKKEEPING = {"_sqlite_migrations", "sqlite_sequence"}


@dataclass
class HealthReport:
    """What a check of a plan file found.

    Attributes:
        problems: Each problem found, ``"kind: detail"`` (integrity, foreign key, schema).
        unavailable: Set when the file could not be checked now (in use by another
            program, permission denied): a sentence for the user. Not damage.
        foreign: The file is a SQLite database of another program, not a plan.
        empty: The file holds no tables yet (a new plan is set up in it).
    """

    path: Path
    schema_version: int = 0
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    unavailable: str = ""
    foreign: bool = False
    empty: bool = False

    @property
    def ok(self) -> bool:
        return not (self.problems or self.unavailable or self.foreign)

    def summary(self) -> str:
        """What is wrong, in one plain sentence ("" when nothing is)."""
        if self.unavailable:
            return self.unavailable
        if self.foreign:
            return f"{self.path.name} is a database of another program, not a plan"
        if not self.problems:
            return ""
        kinds = {p.split(":", 1)[0] for p in self.problems}
        count = len(self.problems)
        if "damaged" in kinds:
            detail = next(p for p in self.problems if p.startswith("damaged:"))[8:].strip()
            return (
                "the file is damaged or is not a Leadership Planner database "
                f"(SQLite says: {detail})"
            )
        if "integrity" in kinds:
            return (
                f"SQLite's integrity check found {count} "
                f"problem{'s' if count > 1 else ''} in how the plan is stored"
            )
        if "foreign key" in kinds:
            return (
                f"{count} entr{'ies' if count > 1 else 'y'} point at a goal or skill "
                "that is no longer in the plan"
            )
        if "schema" in kinds:
            return "the file is not a complete plan this version can read: " + self.problems[
                0
            ].removeprefix("schema: ")
        return self.problems[0]


_COUNTED = ("goals", "progress_entries", "reflections", "assessments", "reviews")


def check_database(path: Path, *, quick: bool = False, keys: bool = True) -> HealthReport:
    """Runs SQLite's integrity and foreign-key checks on ``path`` and compares its
    tables with the schema this version expects, without changing any saved data.

    A write left unfinished by a crash is rolled back first (SQLite's own recovery,
    which restores the last saved state).

    Args:
        path: The plan database.
        quick: Use ``quick_check`` rather than the full ``integrity_check`` (which
            also compares every index with its table).
        keys: Run SQLite's foreign-key check (left to the full pass at start-up).
    """
    report = HealthReport(Path(path))
    try:
        finish_interrupted_write(report.path)
        conn = open_existing(report.path, "ro")
    except (sqlite3.Error, OSError) as exc:
        _note_failure(report, exc)
        return report
    try:
        _inspect(conn, report, quick=quick, keys=keys)
    except sqlite3.Error as exc:
        _note_failure(report, exc)
    finally:
        conn.close()
    return report


def _note_failure(report: HealthReport, exc: BaseException) -> None:
    if error_kind(exc) == "damaged":
        report.problems.append(f"damaged: {exc}")
    else:
        report.unavailable = describe_sqlite_error(exc, report.path)


def _inspect(conn: sqlite3.Connection, report: HealthReport, *, quick: bool, keys: bool) -> None:
    report.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    # The migrations' own record comes first: a plan killed while being made may
    # hold nothing else, and is still a new plan, not another program's database.
    tables -= _BOOKKEEPING
    if report.schema_version > SCHEMA_VERSION:
        report.problems.append(
            f"schema: version {report.schema_version} is newer than this app "
            f"understands ({SCHEMA_VERSION})"
        )
        return
    if not tables:
        if report.schema_version == 0:
            report.empty = True
        else:
            report.problems.append("schema: the file holds no plan tables")
        return
    if not tables & _CORE_TABLES:
        report.foreign = True
        return
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    if rows != ["ok"]:
        report.problems += [f"integrity: {r}" for r in rows[:20]]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check") if keys else ():
        report.problems.append(
            f"foreign key: row {rowid} of {table} points at a missing {parent} row"
        )
        if len(report.problems) > 40:
            break
    for table in sorted(PLAN_TABLES - tables):
        report.problems.append(f"schema: table {table} is missing")
    for table in _COUNTED:
        if table in tables:
            report.counts[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
