"""The two database handles the store works through: a read-write one whose
sqlite-utils ``Database`` loads on the first write, and a bare read-only
one for reading a plan.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    from sqlite_utils import Database
    from sqlite_utils.db import Table


def load_sqlite_utils() -> ModuleType:
    """Imports sqlite-utils, which the store needs only for its first write or a
    migration: opening a current plan and reading it never wait for its import."""
    import sqlite_utils

    return sqlite_utils


class _Connection:
    """A ``sqlite3`` connection offering the part of sqlite-utils' ``Database`` that
    the store's read queries use."""

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

    def close(self) -> None:
        self.conn.close()

    def prepare_writes(self) -> None:
        """Loads ahead what the first write needs (nothing here)."""


class PlanDatabase(_Connection):
    """A read-write connection that reads without sqlite-utils and hands every write,
    and anything else of sqlite-utils' ``Database`` API, to a ``Database`` made on the
    same connection when first needed.

    So the app can open a plan and paint its window before importing sqlite-utils,
    and import it (``prepare_writes``) on another thread once the window is on screen.
    """

    def __init__(self, conn: sqlite3.Connection):
        super().__init__(conn)
        self._utils: Database | None = None

    @property
    def utils(self) -> Database:
        """sqlite-utils' ``Database`` on this connection."""
        if self._utils is None:
            self._utils = load_sqlite_utils().Database(self.conn, execute_plugins=False)
        return self._utils

    def prepare_writes(self) -> None:
        # Only the import: safe on any thread, while the connection stays with its own.
        load_sqlite_utils()

    def atomic(self) -> AbstractContextManager[Database]:
        return self.utils.atomic()

    def __getattr__(self, name: str):
        # Only reached for names this class lacks: the rest of sqlite-utils' API.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def __getitem__(self, table: str) -> Table:
        return self.utils[table]


class ReadOnlyDatabase(_Connection):
    """A read-only connection: writing through it is a bug."""

    @contextmanager
    def atomic(self) -> Iterator[ReadOnlyDatabase]:
        # A bug, not a user's fault: the caller opened the plan for reading only.
        raise TypeError("this plan was opened read-only; open it with PlanStore.open to write")
        yield self  # pragma: no cover
