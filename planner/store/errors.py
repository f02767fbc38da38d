"""Errors of the environment (locked, full, damaged, read-only) as plain messages.

Bugs stay exceptions; these are the faults a user can act on, so each one says what
happened and what to do, in words a clinician understands.
"""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """A database problem the user can act on; ``str()`` is the message to show."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the app."""


class DamagedDatabaseError(StoreError):
    """The file is not a readable SQLite database, or failed its check."""


def describe_sqlite_error(exc: BaseException, path: object = None) -> str:
    """A short message for an sqlite3 or OS error, naming the file when known."""
    where = f" ({path})" if path else ""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.Error):
        if "locked" in text or "busy" in text:
            return (
                f"The plan is in use by another program or another copy of Leadership "
                f"Planner{where}. Close it and try again."
            )
        if "full" in text:
            return (
                "The disk is full, so the change was not saved. Free some space, "
                "then try again; nothing already saved has been lost."
            )
        if "readonly" in text or "read-only" in text:
            return (
                f"The plan's folder or file is read-only{where}. Choose a folder you can "
                "write to with --db, or ask for write access."
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return (
                f"The plan file is damaged or is not a Leadership Planner database{where}. "
                "Restore a backup with 'leadership-planner restore'."
            )
        if "unable to open" in text:
            return (
                f"The plan file cannot be opened{where}. Check that the folder exists "
                "and that you can write to it."
            )
        if "disk i/o" in text:
            return (
                f"The disk reported an error while reading or writing the plan{where}. "
                "If it is on a network drive or USB stick, copy it to this PC first."
            )
        return f"The database reported a problem{where}: {exc}"
    if isinstance(exc, PermissionError):
        return f"Permission denied{where}. Choose a location you can write to."
    if isinstance(exc, IsADirectoryError):
        return f"That is a folder, not a file{where}."
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}{where}."
    return str(exc)
