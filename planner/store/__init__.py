"""The only code that speaks SQL: schema, migrations, queries and backups."""

import sys


def _import_sqlite_utils() -> None:
    """Imports sqlite-utils without its optional numpy and pandas support.

    sqlite-utils imports numpy and pandas when they happen to be installed, only to
    map their types to column types; the planner never stores them, and numpy alone
    adds about 60 ms to every start. Where another module has already imported them
    they are left as they are.
    """
    blocked = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # makes "import numpy" raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_sqlite_utils()

from planner.store.errors import DamagedDatabaseError, NewerSchemaError, StoreError  # noqa: E402
from planner.store.plan_store import PlanStore  # noqa: E402

__all__ = ["DamagedDatabaseError", "NewerSchemaError", "PlanStore", "StoreError"]
