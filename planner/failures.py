"""Turning exceptions into messages: environment faults get a plain sentence, bugs get
a one-line pointer and the traceback in a log file."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path

from planner.paths import local_data_dir


def user_message(exc: BaseException) -> str | None:
    """The message for a fault the user can act on, or ``None`` for a bug."""
    import sqlite3

    from planner.domain.validation import ValidationError
    from planner.files import UnsafeTargetError
    from planner.frameworks import FrameworkError
    from planner.planfile import PlanFileError
    from planner.store.errors import StoreError, describe_sqlite_error

    filename = getattr(exc, "filename", None)
    known = (StoreError, UnsafeTargetError, PlanFileError, FrameworkError, ValidationError)
    if isinstance(exc, known):
        return str(exc)
    if isinstance(exc, (sqlite3.Error, OSError)):
        return describe_sqlite_error(exc, filename)
    return None


def log_path() -> Path:
    return local_data_dir() / "logs" / "errors.log"


def log_traceback(exc: BaseException) -> Path | None:
    """Appends the traceback to the error log; returns its path (``None`` if unwritable)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"\n--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None


def report_command_failure(exc: BaseException) -> int:
    message = user_message(exc)
    if message is None:
        where = log_traceback(exc)
        message = f"unexpected internal error ({type(exc).__name__}: {exc})"
        if where:
            message += f"; details in {where}"
    print(f"leadership-planner: error: {message}", file=sys.stderr)
    return 1
