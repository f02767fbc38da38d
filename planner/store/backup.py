"""Copies of the plan database made with SQLite's online backup API, and their thinning.

Never a raw file copy: the backup API gives a consistent snapshot even while the
database is open. Backups live in ``backups/`` beside the database, owner-only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.leftovers import recorded, temp_name
from planner.oslock import open_no_follow
from planner.paths import backups_dir
from planner.store.connection import open_existing
from planner.store.errors import StoreError, describe_sqlite_error

if TYPE_CHECKING:
    from planner.store.plan_store import PlanStore

# While the app runs it backs up at most this often (and once more on closing).
AUTO_BACKUP_INTERVAL = dt.timedelta(minutes=30)

# The thinning policy: everything younger than KEEP_ALL_FOR, then the newest backup
# of each day, of each week (about three months) and, beyond that, of each month.
KEEP_ALL_FOR = dt.timedelta(days=2)
DAILY_FOR = dt.timedelta(days=14)
WEEKLY_FOR = dt.timedelta(weeks=13)


# Keep in step with planner.paths.is_backup_path, which guards backups from exports.
def _name_pattern(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(prefix)}-(\d{{8}}-\d{{6}}-\d{{6}})-([a-z0-9-]+)\.db$")


def _prefixes(db_path: Path) -> list[tuple[str, bool]]:
    """The name prefixes of a plan's backups, each with whether thinning may delete it.

    Backups are named after the plan's whole file name, so plans sharing a folder
    (``plan.db`` beside ``plan.old``, or the sample plan) never see, restore or thin
    each other's. Earlier versions used the name without its extension: a ``.db``
    plan still lists those, but never deletes them, as another plan may own them.
    """
    name = Path(db_path).name
    found = [(name, True)]
    if name.endswith(".db"):
        found.append((name.removesuffix(".db"), False))
    return found


_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file in a plan's ``backups/`` folder."""

    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def _local(when: dt.datetime | None) -> dt.datetime:
    """Backups are named and thinned in naive local time, as the user reads dates."""
    when = when or dt.datetime.now()
    return when.astimezone().replace(tzinfo=None) if when.tzinfo else when


# How long a copy waits for another program's write before it gives up.
COPY_WAIT_SECONDS = 10.0


def copy_database(
    source: sqlite3.Connection, target: sqlite3.Connection, *, wait: float = COPY_WAIT_SECONDS
) -> None:
    """Copies ``source`` into ``target`` with SQLite's backup API, giving up after
    ``wait`` seconds of either file being busy (the API itself would retry forever).

    Raises:
        sqlite3.OperationalError: still busy after ``wait`` seconds (reported as busy).
    """
    deadline = time.monotonic() + wait

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")

    source.backup(target, pages=256, progress=progress, sleep=0.05)


def backup_to(
    conn: sqlite3.Connection, dest: Path, *, failure: str = "No backup was made"
) -> Path:
    """Writes a consistent copy of ``conn``'s database to ``dest`` (owner-only).

    The copy is written to a new hidden file beside ``dest`` and renamed into place,
    so ``dest`` is never half-written; the hidden file is made afresh (never through
    a link at its name) and recorded, so a kill leaves nothing the next start keeps.
    A missing folder is created owner-only; an existing one is left as it is (it may
    be the user's own, such as a USB stick).

    Args:
        conn: The database to copy.
        dest: The file to write.
        failure: How the message starts when the copy fails.

    Raises:
        StoreError: the disk is full, the folder is read-only, or the source is locked.
    """
    dest = Path(dest)
    tmp = temp_name(dest, ".partial")
    try:
        with recorded(tmp):
            try:
                dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                os.close(open_no_follow(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL))
                target = sqlite3.connect(str(tmp))
                try:
                    # No journal for a file that is renamed into place only when
                    # complete: a kill leaves one recorded file, not two.
                    target.execute("PRAGMA journal_mode = OFF")
                    copy_database(conn, target)
                finally:
                    target.close()
                os.replace(tmp, dest)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
    except (OSError, sqlite3.Error) as exc:
        reason = describe_sqlite_error(exc, dest, outcome="")
        raise StoreError(f"{failure}: {reason}") from None
    return dest


def backup_name(reason: str, when: dt.datetime | None = None, plan_name: str = "plan.db") -> str:
    """``PLAN-NAME-YYYYmmdd-HHMMSS-ffffff-REASON.db``, e.g. ``plan.db-...-close.db``."""
    return f"{plan_name}-{_local(when).strftime(_STAMP)}-{reason}.db"


def _new_backup_path(db_path: Path, reason: str, when: dt.datetime | None) -> Path:
    folder = backups_dir(Path(db_path))
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if sys.platform != "win32":
            # The app's own folder: tightened even if something loosened it.
            os.chmod(folder, 0o700)
    except OSError as exc:
        raise StoreError(
            "No backup was made: " + describe_sqlite_error(exc, folder, outcome="")
        ) from None
    taken = _local(when)
    # Two backups in the same microsecond (a fixed test clock) must not overwrite.
    name = Path(db_path).name
    while (folder / backup_name(reason, taken, name)).exists():
        taken += dt.timedelta(microseconds=1)
    return folder / backup_name(reason, taken, name)


def backup_connection(
    conn: sqlite3.Connection, db_path: Path, reason: str, now: dt.datetime | None = None
) -> Path:
    """Backs up an open connection to ``db_path`` into its ``backups/`` folder, then
    thins the folder.

    Args:
        conn: A connection to the database at ``db_path``.
        db_path: The plan file (decides where ``backups/`` is).
        reason: A short lower-case word kept in the name ("migrate", "import"...).
        now: The clock, for tests.

    Returns:
        The new backup's path.
    """
    dest = backup_to(conn, _new_backup_path(db_path, reason, now))
    apply_thinning(db_path, now)
    return dest


def backup_file(
    db_path: Path, reason: str, now: dt.datetime | None = None, *, to: Path | None = None
) -> Path:
    """Backs up the plan file at ``db_path`` (not open in this process).

    Args:
        db_path: The plan file.
        reason: A short lower-case word kept in the backup's name.
        now: The clock, for tests.
        to: Write the backup to this file instead of the ``backups/`` folder (not
            thinned).

    Raises:
        StoreError: the file is missing, locked or unreadable, or the copy failed.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise StoreError(f"There is no plan at {db_path}.")
    try:
        # Read-write so SQLite can roll back a write a crash left unfinished.
        conn = open_existing(db_path, "rw")
    except sqlite3.Error as exc:
        raise StoreError(describe_sqlite_error(exc, db_path)) from None
    try:
        if to is not None:
            return backup_to(conn, to)
        return backup_connection(conn, db_path, reason, now)
    finally:
        conn.close()


def backup_before(store: PlanStore, reason: str, now: dt.datetime | None = None) -> Path | None:
    """Backs up an on-disk store into its ``backups/`` folder before a risky step
    (``None`` for an in-memory store)."""
    if store.path is None:
        return None
    if store.refusal:
        raise StoreError(store.refusal)
    path = backup_connection(store.db.conn, store.path, reason, now)
    store.changes_backed_up = store.changes
    return path


def backup_if_changed(
    store: PlanStore,
    last_backup_at: dt.datetime | None,
    now: dt.datetime,
    *,
    closing: bool = False,
) -> Path | None:
    """The app's routine backup: only when something changed since the last one.

    Args:
        store: The open plan.
        last_backup_at: When the app last backed up (``None``: not yet this run).
        now: The current time (local, as ``datetime.now()``).
        closing: The app is closing: back up any change without waiting for the
            30-minute interval.

    Returns:
        The new backup's path, or ``None`` when none was due.

    Raises:
        StoreError: the backup could not be written (disk full, read-only folder).
    """
    if store.path is None or store.closed or store.changes == store.changes_backed_up:
        return None
    if store.refusal:
        # A plan that failed its check is never backed up: it would crowd out the
        # good backups.
        return None
    if (
        not closing
        and last_backup_at is not None
        and _local(now) - _local(last_backup_at) < AUTO_BACKUP_INTERVAL
    ):
        return None
    return backup_before(store, "close" if closing else "auto", now)


# -- listing and thinning ------------------------------------------------------------


def list_backups(db_path: Path, *, thinnable_only: bool = False) -> list[BackupInfo]:
    """The backups of the plan at ``db_path``, newest first.

    A file whose name holds no real date (not one this app wrote) is left out.

    Args:
        db_path: The plan.
        thinnable_only: Only backups that thinning may delete (named by this version).
    """
    folder = backups_dir(Path(db_path))
    patterns = [
        _name_pattern(prefix)
        for prefix, thinnable in _prefixes(db_path)
        if thinnable or not thinnable_only
    ]
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = next((m for p in patterns if (m := p.match(entry.name))), None)
            if not match:
                continue
            try:
                taken = dt.datetime.strptime(match.group(1), _STAMP)
                info = entry.lstat()
            except (ValueError, OSError):
                continue
            if stat.S_ISREG(info.st_mode):
                found.append(BackupInfo(entry, taken, match.group(2), info.st_size))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def newest_good_backup(db_path: Path, *, quick: bool = True) -> BackupInfo | None:
    """The newest backup that passes SQLite's check and holds a plan this app can
    read, or ``None``.

    Args:
        db_path: The plan whose ``backups/`` folder is searched.
        quick: ``quick_check`` (fast, for start-up) rather than the full
            ``integrity_check`` (which also compares every index with its table).
    """
    from planner.store.health import check_database

    for info in list_backups(db_path):
        try:
            report = check_database(info.path, quick=quick)
        except StoreError:
            continue
        if report.ok:
            return info
    return None


def _bucket(taken: dt.datetime, now: dt.datetime) -> tuple | None:
    """The period whose newest backup is kept, or ``None`` when every backup is kept."""
    age = now - taken
    if age < KEEP_ALL_FOR:
        return None
    if age < DAILY_FOR:
        return ("day", taken.date())
    if age < WEEKLY_FOR:
        year, week, _ = taken.isocalendar()
        return ("week", year, week)
    return ("month", taken.year, taken.month)


def thin(backups: list[tuple[Path, dt.datetime]], now: dt.datetime) -> list[Path]:
    """The backups to delete under the thinning policy (pure; the clock is passed in).

    Keeps every backup from the last two days, then the newest of each day for two
    weeks, of each week for about three months, and of each month beyond. Periods are
    calendar days, ISO weeks and months, so a backup kept once stays the newest of its
    period and the choice is stable from one run to the next.

    Args:
        backups: Each backup's path and when it was taken.
        now: The current time, in the same clock as the ``taken`` times.

    Returns:
        The paths to delete, in the order given.
    """
    newest: dict[tuple, tuple[Path, dt.datetime]] = {}
    for path, taken in backups:
        key = _bucket(taken, now)
        if key is not None and (key not in newest or taken > newest[key][1]):
            newest[key] = (path, taken)
    keep = {path for path, _ in newest.values()}
    return [path for path, taken in backups if _bucket(taken, now) is not None and path not in keep]


def apply_thinning(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Deletes the backups ``thin`` selects, except the newest good one; returns what
    was deleted.

    A period's newest backup may be damaged; the newest backup that passes its
    check is never deleted, however many damaged ones follow it.
    """
    now = _local(now)
    doomed = thin([(b.path, b.taken_at) for b in list_backups(db_path, thinnable_only=True)], now)
    if not doomed:
        return []
    good = newest_good_backup(db_path)
    deleted = []
    for path in doomed:
        if good is not None and path == good.path:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            deleted.append(path)
    return deleted
