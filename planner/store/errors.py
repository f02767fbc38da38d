"""Errors of the environment (locked, full, damaged, read-only) as plain messages.

Bugs stay exceptions; these are the faults a user can act on, so each one says what
happened and what to do, in words a clinician understands.
"""

from __future__ import annotations

import errno
import sqlite3


class StoreError(Exception):
    """A database problem the user can act on; ``str()`` is the message to show."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the app."""


class DamagedDatabaseError(StoreError):
    """The file is not a readable SQLite database, or failed its check."""


def describe_sqlite_error(
    exc: BaseException, path: object = None, *, outcome: str = "so the change was not saved"
) -> str:
    """A short message for an sqlite3 or OS error, naming the file when known.

    SQLite's result code is used when present (Python 3.11+ gives it), the English
    text otherwise, so each environment fault gets its own calm sentence.

    Args:
        exc: The error.
        path: The file or folder to name.
        outcome: What did not happen, for a full disk or a read-only folder ("" when
            the caller's own words already say it).
    """
    where = f" ({path})" if path else ""
    then = f", {outcome}" if outcome else ""
    if not isinstance(exc, (sqlite3.Error, OSError)):
        return str(exc)
    kind = error_kind(exc)
    if kind == "busy":
        return (
            f"The plan is in use by another program or another copy of Leadership "
            f"Planner{where}. Close it and try again."
        )
    if kind == "full":
        return (
            f"The disk is full{where}{then}. Free some space, "
            "then try again; nothing already saved has been lost."
        )
    if kind == "readonly":
        return (
            f"The plan's folder or file is read-only{where}{then}. "
            "Choose a folder you can write to with --db, or ask for write access."
        )
    if kind == "damaged":
        return (
            f"The plan file is damaged or is not a Leadership Planner database{where}. "
            "Restore a backup with 'leadership-planner restore'."
        )
    if kind == "cantopen":
        return (
            f"The plan file cannot be opened{where}. Check that the folder exists "
            "and that you can write to it."
        )
    if kind == "io":
        return (
            f"The disk reported an error while reading or writing the plan{where}. "
            "If it is on a network drive or USB stick, copy it to this PC first."
        )
    if kind == "denied":
        return f"Permission denied{where}. Choose a location you can write to."
    if isinstance(exc, IsADirectoryError):
        return f"That is a folder, not a file{where}."
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}{where}."
    return f"The database reported a problem{where}: {exc}"


_SQLITE_KINDS = {
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_FULL": "full",
    "SQLITE_READONLY": "readonly",
    "SQLITE_PERM": "readonly",
    "SQLITE_CORRUPT": "damaged",
    "SQLITE_NOTADB": "damaged",
    "SQLITE_CANTOPEN": "cantopen",
    "SQLITE_IOERR": "io",
}


def error_kind(exc: BaseException) -> str:
    """The kind of environment fault: "busy", "full", "readonly", "denied",
    "damaged", "cantopen", "io" or "other"."""
    if isinstance(exc, OSError):
        return _os_kind(exc)
    return _sqlite_kind(exc)


def _sqlite_kind(exc: BaseException) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    # Extended codes (SQLITE_READONLY_ROLLBACK, SQLITE_IOERR_WRITE...) share a prefix.
    for code, kind in _SQLITE_KINDS.items():
        if name == code or name.startswith(code + "_"):
            return kind
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "damaged"
    if "unable to open" in text:
        return "cantopen"
    if "disk i/o" in text:
        return "io"
    return "other"


def _os_kind(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "full"
    # Windows reports a file another program holds open as a sharing violation.
    if getattr(exc, "winerror", None) in (32, 33):
        return "busy"
    if exc.errno == errno.EROFS:
        return "readonly"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "denied"
    if exc.errno == errno.EIO:
        return "io"
    return "other"
