"""The two database handles the store works through: sqlite-utils' ``Database`` (loaded
on first use, without numpy) for writing, and a bare read-only one for reading a plan.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType


def load_sqlite_utils() -> ModuleType:
    """Imports sqlite-utils without its optional numpy and pandas support.

    sqlite-utils imports numpy and pandas when they happen to be installed, only to
    map their types to column types; the planner never stores them, and numpy alone
    adds about 60 ms to every start. Where another module has already imported them
    they are left as they are. Nothing imports sqlite-utils until a database is
    opened for writing, so reading a plan (export) skips its 40 ms import altogether.
    """
    loaded = sys.modules.get("sqlite_utils")
    if getattr(loaded, "Database", None) is not None:
        return loaded
    # Not imported yet, or still being imported by another thread (the start-up check
    # runs on one): the import statement below waits for that import to finish.
    blocked = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # makes "import numpy" raise ImportError
    try:
        import sqlite_utils
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return sqlite_utils


class ReadOnlyDatabase:
    """A read-only ``sqlite3`` connection offering the part of sqlite-utils'
    ``Database`` that the store's read queries use."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def table_names(self) -> list[str]:
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]

    @contextmanager
    def atomic(self) -> Iterator[ReadOnlyDatabase]:
        # A bug, not a user's fault: the caller opened the plan for reading only.
        raise TypeError("this plan was opened read-only; open it with PlanStore.open to write")
        yield self  # pragma: no cover

    def close(self) -> None:
        self.conn.close()
