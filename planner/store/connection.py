"""Opening the plan database: pragmas, the schema-version gate and migrations.

A new file and an old file take the same path: open, refuse if newer, back up if a
migration is due, migrate.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from planner.store.database import PlanDatabase, ReadOnlyDatabase
from planner.store.errors import (
    DamagedDatabaseError,
    NewerSchemaError,
    StoreError,
    describe_sqlite_error,
)
from planner.store.schema import PLAN_TABLES, SCHEMA_VERSION, migration_set

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 3000


def _private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def _configure(conn: sqlite3.Connection) -> None:
    # sqlite-utils leaves foreign keys off; DELETE journal mode because WAL is unsafe
    # on the network shares NHS profiles are sometimes redirected to; FULL sync so a
    # power cut never loses a committed change.
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")


def schema_version(db: Database | PlanDatabase | ReadOnlyDatabase) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def sqlite_uri(path: PurePath, mode: str) -> str:
    """The SQLite URI of an absolute ``path`` opened in ``mode`` ("ro" or "rw")."""
    uri = path.as_uri()  # percent-encodes spaces, "#" and "?" in folder names
    # SQLite accepts no URI authority but "localhost", so a UNC path (a network
    # share) keeps its slashes in the path part: file:////server/share/plan.db.
    if not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")
    return f"{uri}?mode={mode}"


def open_existing(path: Path, mode: str, **options) -> sqlite3.Connection:
    """A bare connection to an existing file that will never create one.

    Args:
        path: The database file.
        mode: ``"ro"`` (read-only) or ``"rw"`` (read-write).
        options: Passed on to ``sqlite3.connect``.
    """
    return sqlite3.connect(
        sqlite_uri(Path(path).resolve(), mode),
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        **options,
    )


def connect(path: Path | str | None, *, readonly: bool = False) -> PlanDatabase:
    """A configured connection, without migrating. ``None`` means in memory.

    With ``readonly`` the file is opened in SQLite's read-only mode, so a write fails
    as on a read-only file.
    """
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:")
    else:
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"That is a folder, not a plan file ({path}).")
        if readonly:
            if not path.exists():
                raise StoreError(f"There is no plan at {path}.")
            conn = open_existing(path, "ro")
        else:
            try:
                _private_dir(path.parent)
            except OSError as exc:
                raise StoreError(describe_sqlite_error(exc, path.parent)) from None
            new = not path.exists()
            try:
                conn = sqlite3.connect(
                    str(path), timeout=BUSY_TIMEOUT_MS / 1000
                )
            except sqlite3.Error as exc:
                raise StoreError(describe_sqlite_error(exc, path)) from None
            if new and sys.platform != "win32":
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o600)
    try:
        _configure(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc).lower() or "malformed" in str(exc).lower():
            raise DamagedDatabaseError(describe_sqlite_error(exc, path)) from None
        raise StoreError(describe_sqlite_error(exc, path)) from None
    return PlanDatabase(conn)


def connect_current_readonly(path: Path) -> ReadOnlyDatabase | None:
    """A read-only connection to the plan at ``path`` when it can be read as it is.

    Returns ``None`` whenever the normal open has something to do or to say: no file,
    an unfinished write to roll back, a schema that needs migrating or is newer, a
    damaged or locked file. The caller then opens it the normal way, which migrates or
    gives the same message as ever.
    """
    if not path.is_file() or journal_path(path).exists():
        return None
    try:
        conn = open_existing(path, "ro")
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error:
        conn.close()
        return None
    # Another program's database may carry any user_version: the tables decide.
    if version != SCHEMA_VERSION or str(journal).lower() != "delete" or PLAN_TABLES - tables:
        conn.close()
        return None
    return ReadOnlyDatabase(conn)


def journal_path(path: Path) -> Path:
    """The rollback journal SQLite keeps beside ``path`` during a write."""
    return Path(f"{path}-journal")


def finish_interrupted_write(path: Path) -> None:
    """Lets SQLite roll back a write that a crash or power cut left unfinished.

    A killed writer leaves a "hot" journal that only a read-write connection may
    roll back; a read-only check would otherwise fail on a perfectly good file.
    Rolling back restores the last committed state, so no saved work changes.

    Raises:
        sqlite3.Error: the file is locked, read-only or damaged.
    """
    if not journal_path(path).exists():
        return
    conn = open_existing(path, "rw")
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if journal_path(path).exists() and not PLAN_TABLES - tables:
            # A journal a writer was killed before filling is not hot and stays; a
            # switch from PERSIST back to DELETE has SQLite itself remove it, under
            # its own lock, so no leftover of the crash remains. Only for a plan:
            # another program may keep its journal on purpose (PERSIST mode).
            conn.execute("PRAGMA journal_mode = PERSIST").fetchone()
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()


def pending_migrations(db: Database) -> list[str]:
    return [m.name for m in migration_set().pending(db)]


def migrate(
    db: PlanDatabase, *, before_migrating: Callable[[Database], None] | None = None
) -> None:
    """Brings the schema up to date.

    A file at the current version is left as it is without loading sqlite-utils
    (each migration sets ``user_version`` in its own transaction, so the version says
    every migration up to it has been applied).

    Args:
        db: An open connection.
        before_migrating: Called once, only when a migration is due on a file that
            already holds data (used to take a backup first).

    Raises:
        NewerSchemaError: the file comes from a newer version of the app.
        DamagedDatabaseError: the file cannot be read as a database.
    """
    try:
        version = schema_version(db)
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"This plan was saved by a newer version of Leadership Planner (schema "
                f"{version}, this version understands up to {SCHEMA_VERSION}). Install the "
                "newer version to open it; the file has not been changed."
            )
        if version == SCHEMA_VERSION:
            return
        pending = migration_set().pending(db)
        if not pending:
            return
        if before_migrating is not None and db.table_names():
            before_migrating(db)
        migration_set().apply(db)
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text:
            raise DamagedDatabaseError(describe_sqlite_error(exc)) from None
        raise StoreError(describe_sqlite_error(exc)) from None
