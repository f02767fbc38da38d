"""Turning exceptions into messages: environment faults get a plain sentence, bugs get
a one-line pointer and the traceback in a log file."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from planner.oslock import open_no_follow
from planner.paths import local_data_dir


def user_message(exc: BaseException) -> str | None:
    """The message for a fault the user can act on, or ``None`` for a bug."""
    import sqlite3

    from planner.domain.validation import ValidationError
    from planner.files import TargetError
    from planner.frameworks import FrameworkError
    from planner.paths import NotInstalledError
    from planner.planfile import PlanFileError
    from planner.store.errors import StoreError, describe_sqlite_error

    filename = getattr(exc, "filename", None)
    known = (
        StoreError,
        TargetError,
        PlanFileError,
        FrameworkError,
        ValidationError,
        NotInstalledError,
    )
    if isinstance(exc, known):
        return str(exc)
    if isinstance(exc, (sqlite3.Error, OSError)):
        return describe_sqlite_error(exc, filename)
    return None


def log_path() -> Path:
    return local_data_dir() / "logs" / "errors.log"


def log_traceback(exc: BaseException) -> Path | None:
    """Appends where the bug happened to the error log; returns its path (``None`` if
    unwritable).

    The log is owner-only (the file 0600, its folders 0700) and holds the code's
    lines and the exception's type, not its message: a message can quote a goal
    title or a reflection, which must not sit in a log file.
    """
    path = log_path()
    try:
        path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.parent.mkdir(exist_ok=True, mode=0o700)
        if sys.platform != "win32":
            os.chmod(path.parent, 0o700)
        fd = open_no_follow(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as log:
            log.write(f"\n--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            log.write(_without_messages(exc))
        return path
    except OSError:
        return None


def _without_messages(exc: BaseException) -> str:
    """The traceback of ``exc`` and the exceptions it came from, each message left out."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts.append(
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_tb(current.__traceback__))
            + f"{type(current).__module__}.{type(current).__qualname__} "
            "(message left out: it may quote the plan)\n"
        )
        current = current.__cause__ or current.__context__
    return "\nwhich happened while handling:\n".join(parts)


def report_command_failure(exc: BaseException) -> int:
    message = user_message(exc)
    if message is None:
        where = log_traceback(exc)
        message = f"unexpected internal error ({type(exc).__name__}: {exc})"
        if where:
            message += f"; details in {where}"
    from planner.text import printable

    print(printable(f"leadership-planner: error: {message}"), file=sys.stderr)
    return 1
