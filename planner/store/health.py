"""Checking a plan database without changing it: integrity, keys and schema."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from planner.store.connection import connect, finish_interrupted_write
from planner.store.errors import DamagedDatabaseError, StoreError, describe_sqlite_error
from planner.store.schema import SCHEMA_VERSION


@dataclass
class HealthReport:
    path: Path
    schema_version: int = 0
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """What is wrong, in one plain sentence ("" when nothing is)."""
        if not self.problems:
            return ""
        kinds = {p.split(":", 1)[0] for p in self.problems}
        count = len(self.problems)
        if "integrity" in kinds:
            return (
                f"the file is damaged: SQLite's integrity check found {count} "
                f"problem{'s' if count > 1 else ''} in how the plan is stored"
            )
        if "foreign key" in kinds:
            return (
                f"{count} entr{'ies' if count > 1 else 'y'} point at a goal or skill "
                "that is no longer in the plan"
            )
        if "schema" in kinds:
            return "the file is not a complete plan this version can read: " + self.problems[0]
        return self.problems[0]


_COUNTED = ("goals", "progress_entries", "reflections", "assessments", "reviews")


def check_database(path: Path, *, quick: bool = False) -> HealthReport:
    """Runs SQLite's integrity and foreign-key checks on ``path``, read-only.

    Args:
        path: The plan database.
        quick: Use ``quick_check`` (start-up) rather than the full ``integrity_check``.

    Raises:
        StoreError: the file is missing or cannot be opened at all.
    """
    report = HealthReport(Path(path))
    try:
        finish_interrupted_write(report.path)
        db = connect(path, readonly=True)
    except DamagedDatabaseError as exc:
        report.problems.append(str(exc))
        return report
    except sqlite3.Error as exc:
        report.problems.append(describe_sqlite_error(exc, path))
        return report
    try:
        report.schema_version = db.execute("PRAGMA user_version").fetchone()[0]
        pragma = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in db.execute(f"PRAGMA {pragma}")]
        if rows != ["ok"]:
            report.problems += [f"integrity: {r}" for r in rows[:20]]
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
            report.problems.append(
                f"foreign key: row {rowid} of {table} points at a missing {parent} row"
            )
            if len(report.problems) > 40:
                break
        if report.schema_version > SCHEMA_VERSION:
            report.problems.append(
                f"schema: version {report.schema_version} is newer than this app "
                f"understands ({SCHEMA_VERSION})"
            )
        elif report.schema_version == 0 and not db.table_names():
            report.problems.append("schema: the file holds no plan tables")
        else:
            existing = set(db.table_names())
            for table in _COUNTED:
                if table in existing:
                    report.counts[table] = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                else:
                    report.problems.append(f"schema: table {table} is missing")
    except sqlite3.DatabaseError as exc:
        report.problems.append(describe_sqlite_error(exc, path))
    except StoreError as exc:
        report.problems.append(str(exc))
    finally:
        db.close()
    return report
