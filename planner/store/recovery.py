"""Checking the plan before it is opened, and putting a backup back.

A damaged file is never deleted or silently reset: it is renamed aside, and only when
the user has accepted the offered backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner.files import same_file
from planner.leftovers import recorded, temp_name
from planner.paths import is_network_path
from planner.store.backup import (
    BackupInfo,
    backup_file,
    backup_to,
    copy_database,
    newest_good_backup,
)
from planner.store.connection import journal_path, open_existing
from planner.store.errors import (
    DamagedDatabaseError,
    NewerSchemaError,
    StoreError,
    describe_sqlite_error,
)
from planner.store.health import check_database
from planner.store.schema import SCHEMA_VERSION

OK = "ok"
MISSING = "missing"
DAMAGED = "damaged"
NEWER_SCHEMA = "newer_schema"
# Not a damaged plan, but not usable now: in use, permission denied, not our file.
UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class StartupCheck:
    """What the app found before opening the plan.

    Attributes:
        state: ``OK``, ``MISSING`` (a new plan will be created), ``DAMAGED``,
            ``NEWER_SCHEMA`` or ``UNAVAILABLE``.
        message: A sentence for the user ("" when all is well).
        offer: For a damaged file, the newest backup that passes its check.
        network_warning: Set when the plan sits on a network share.
    """

    state: str
    message: str = ""
    offer: BackupInfo | None = None
    network_warning: str | None = None

    @property
    def can_open(self) -> bool:
        return self.state in (OK, MISSING)


def network_warning(db_path: Path) -> str | None:
    """A one-time warning for a plan on a network share, or ``None``."""
    if not is_network_path(Path(db_path)):
        return None
    return (
        "Your plan is stored on a network drive. If the connection drops while you "
        "are saving, the plan can be damaged. Keeping it on this PC is safer: export "
        "a plan file and import it into a plan in your local folder."
    )


def diagnose(db_path: Path, *, quick: bool = False) -> StartupCheck:
    """The plan file's health, by the same check as ``leadership-planner check``,
    without changing any saved data.

    A write left unfinished by a crash is rolled back first (that is SQLite's own
    recovery and restores the last saved state).

    Args:
        db_path: The plan file.
        quick: SQLite's ``quick_check`` instead of the full integrity check, and
            no foreign-key check (the slow parts, for start-up).
    """
    path = Path(db_path)
    if not path.exists():
        return StartupCheck(MISSING)
    if path.is_dir():
        return StartupCheck(UNAVAILABLE, f"That is a folder, not a plan file ({path}).")
    try:
        if path.stat().st_size == 0:
            return StartupCheck(OK)  # an empty file is set up like a new one
    except OSError as exc:
        return StartupCheck(UNAVAILABLE, describe_sqlite_error(exc, path))
    report = check_database(path, quick=quick, keys=not quick)
    if report.unavailable:
        return StartupCheck(UNAVAILABLE, report.unavailable)
    if report.schema_version > SCHEMA_VERSION:
        return StartupCheck(NEWER_SCHEMA, _newer_message(report.schema_version))
    if report.foreign:
        return StartupCheck(
            UNAVAILABLE,
            f"{path.name} is a database of another program, not a Leadership Planner plan; "
            "it has not been changed. Choose another file with --db.",
        )
    if not report.ok:
        return StartupCheck(DAMAGED, _damaged_message(path, report.summary()))
    return StartupCheck(OK)


def startup_check(db_path: Path, *, quick: bool = True) -> StartupCheck:
    """Everything the app needs to know before opening the plan: ``diagnose``, the
    newest good backup to offer when the file is damaged, and a network warning.

    Args:
        db_path: The plan file.
        quick: SQLite's quick integrity pass and the schema check only, so the
            window is not kept waiting; the app runs the full integrity and
            foreign-key checks once the window is on screen (``planner.ui.lifecycle``).
    """
    found = diagnose(db_path, quick=quick)
    offer = newest_good_backup(db_path) if found.state == DAMAGED else None
    return StartupCheck(found.state, found.message, offer, network_warning(db_path))


def _newer_message(version: int) -> str:
    return (
        f"This plan was saved by a newer version of Leadership Planner (schema {version}, "
        f"this version understands up to {SCHEMA_VERSION}). Install the newer version to "
        "open it; the file has not been changed."
    )


def _damaged_message(path: Path, summary: str) -> str:
    return (
        f"The plan file {path.name} is damaged and has not been opened or changed "
        f"({summary.rstrip('.')})."
    )


# -- restoring ---------------------------------------------------------------------


def verify_backup(backup: Path) -> None:
    """Refuses anything but an undamaged plan database this app can read.

    Raises:
        NewerSchemaError: the backup comes from a newer version of the app.
        DamagedDatabaseError: the backup is damaged or is not a plan.
        StoreError: the backup is missing or cannot be read.
    """
    backup = Path(backup)
    if not backup.is_file():
        raise StoreError(f"There is no backup at {backup}.")
    report = check_database(backup)
    if any(p.startswith("damaged:") for p in report.problems):
        raise DamagedDatabaseError(_not_a_backup(backup))
    if report.schema_version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{backup.name} was saved by a newer version of Leadership Planner; "
            "this version cannot restore it."
        )
    if not report.ok:
        raise DamagedDatabaseError(
            f"{backup.name} is not a good plan backup ({report.problems[0]}); nothing was changed."
        )


def _not_a_backup(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            start = f.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        start = b""
    if start.startswith(b"{"):
        return (
            f"{path.name} is a plan file, not a backup; nothing was changed. Bring it in "
            f"with 'leadership-planner import-json --replace {path}'."
        )
    return (
        f"{path.name} is not a good plan backup (SQLite cannot read it); nothing was "
        "changed. Choose a file from the backups folder beside the plan."
    )


def _copy_to_new_file(backup: Path, dest: Path) -> None:
    """Writes ``backup`` to ``dest`` through a temporary file and a rename, so ``dest``
    is either untouched or complete."""
    try:
        source = open_existing(backup, "ro")
    except sqlite3.Error as exc:
        raise StoreError(describe_sqlite_error(exc, backup)) from None
    try:
        backup_to(source, dest, failure="The backup was not restored; the plan is as it was")
    finally:
        source.close()


def _copy_over(backup: Path, dest: Path) -> None:
    """Replaces the contents of the healthy plan ``dest`` with ``backup`` in one SQLite
    transaction: a crash part-way leaves a journal that rolls the file back. Gives up
    (busy) rather than wait for ever on a reader that holds the plan."""
    try:
        source = open_existing(backup, "ro")
        try:
            target = open_existing(dest, "rw")
            try:
                copy_database(source, target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise StoreError(
            "The backup was not restored; the plan is as it was: "
            + describe_sqlite_error(exc, dest, outcome="")
        ) from None


def restore_backup(backup: Path, db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Puts ``backup`` in place of a readable plan, backing the current file up first.

    Use ``restore_from_backup`` when ``diagnose`` says the plan is damaged. The caller
    holds the plan's ``PlanLock``.

    Returns:
        The backup taken of the current plan, or ``None`` when there was none.

    Raises:
        StoreError: the backup is not a good plan, or the copy failed (the current
            plan is then unchanged).
    """
    backup, db_path = Path(backup), Path(db_path)
    verify_backup(backup)
    if same_file(backup, db_path):
        # A link to the plan (symbolic or hard) under a backup's name: copying it
        # over itself would wait for ever on its own lock.
        raise StoreError(
            f"{backup.name} is the plan itself, not a copy of it; nothing was changed. "
            "Choose a backup from the backups folder."
        )
    if not db_path.exists() or db_path.stat().st_size == 0:
        if journal_path(db_path).exists():
            set_aside(db_path, now)  # a leftover journal must not meet the restored file
        _copy_to_new_file(backup, db_path)
        return None
    safety = backup_file(db_path, "before-restore", now)
    _copy_over(backup, db_path)
    return safety


def aside_path(db_path: Path, now: dt.datetime | None = None) -> Path:
    """``plan.db.damaged-YYYYmmdd-HHMMSS``, numbered if that name is taken."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = Path(f"{db_path}.damaged-{stamp}")
    n = 2
    while candidate.exists():
        candidate = Path(f"{db_path}.damaged-{stamp}-{n}")
        n += 1
    return candidate


def _linked(source: Path, link: Path) -> bool:
    try:
        os.link(source, link)
    except OSError:
        return False  # FAT-formatted USB sticks, for one, have no hard links
    return True


def _copied(source: Path, copy: Path) -> None:
    """A byte copy of a damaged plan (nothing writes it: the caller holds its lock),
    flushed to disk before the caller replaces the original."""
    with open(source, "rb") as src, open(copy, "xb") as out:
        shutil.copyfileobj(src, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def set_aside(db_path: Path, now: dt.datetime | None = None, *, keep_name: bool = False) -> Path:
    """Puts a damaged plan and any journal beside it out of the way, never deleting
    them; returns the plan's new path.

    The journal goes first and under the matching name: left behind, SQLite would
    play it back into whatever file next takes the plan's name.

    Args:
        db_path: The damaged plan.
        now: The clock, for the new name.
        keep_name: Link (or, where the disk has no links, copy) rather than
            rename, so the plan's name keeps a file until the caller renames a
            replacement over it.
    """
    db_path = Path(db_path)
    aside = aside_path(db_path, now)
    journal = journal_path(db_path)
    moved_journal = False
    try:
        if journal.exists():
            os.replace(journal, journal_path(aside))
            moved_journal = True
        if db_path.exists():
            if not keep_name:
                os.replace(db_path, aside)
            elif not _linked(db_path, aside):
                _copied(db_path, aside)
    except OSError as exc:
        if moved_journal:
            with contextlib.suppress(OSError):
                os.replace(journal_path(aside), journal)
        raise StoreError(
            "The damaged plan could not be moved aside, so nothing was changed: "
            + describe_sqlite_error(exc, db_path, outcome="")
        ) from None
    return aside


def restore_from_backup(db_path: Path, backup: Path, now: dt.datetime | None = None) -> Path | None:
    """Recovers a damaged plan: keeps the damaged file aside and restores ``backup``.

    The backup is copied next to the plan first and renamed over it, so at every
    instant the plan's name holds either the damaged file or the whole backup. The
    caller holds the plan's ``PlanLock``.

    Returns:
        Where the damaged file now is (``None`` if there was no file).

    Raises:
        StoreError: the backup is not a good plan, or the files could not be moved.
    """
    db_path, backup = Path(db_path), Path(backup)
    verify_backup(backup)
    if same_file(backup, db_path):
        raise StoreError(
            f"{backup.name} is the damaged plan itself; nothing was changed. "
            "Choose a backup from the backups folder."
        )
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staged = temp_name(db_path, ".recovered")
    with recorded(staged):
        _copy_to_new_file(backup, staged)
        present = db_path.exists() or journal_path(db_path).exists()
        try:
            aside = set_aside(db_path, now, keep_name=True) if present else None
            os.replace(staged, db_path)
        except (StoreError, OSError) as exc:
            with contextlib.suppress(OSError):
                staged.unlink()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(
                "The backup could not be put in place; the plan is as it was: "
                + describe_sqlite_error(exc, db_path, outcome="")
            ) from None
    return aside
