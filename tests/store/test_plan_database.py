"""The read-write handle: a current plan opens and reads without sqlite-utils, and the
first write (or ``prepare_writes``) brings it in on the same connection."""

from __future__ import annotations

import subprocess
import sys

from planner.store import PlanStore
from planner.store.database import PlanDatabase

_PROBE = """
import datetime as dt, sys
from planner.domain.models import ProgressEntry
from planner.store import PlanStore
store = PlanStore.open(sys.argv[1])
goal = store.goal_summaries()[0]
print("after open and read:", "sqlite_utils" in sys.modules)
{between}
store.add_progress(goal.id, ProgressEntry(dt.date(2026, 6, 1), 64, "probe entry"))
print("after a write:", "sqlite_utils" in sys.modules)
store.close()
"""


def _run(db_path, between: str = "") -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(between=between), str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def _saved_notes(db_path) -> list[str]:
    store = PlanStore.open(db_path)
    try:
        return [n for (n,) in store.db.execute("SELECT note FROM progress_entries")]
    finally:
        store.close()


def test_a_current_plan_opens_and_reads_without_sqlite_utils_and_the_first_write_saves(db_path):
    assert _run(db_path) == ["after open and read: False", "after a write: True"]
    assert "probe entry" in _saved_notes(db_path)


def test_prepare_writes_loads_sqlite_utils_before_the_first_write(db_path):
    prepare = 'store.prepare_writes(); print("prepared:", "sqlite_utils" in sys.modules)'
    lines = _run(db_path, between=prepare)
    assert lines == ["after open and read: False", "prepared: True", "after a write: True"]
    assert "probe entry" in _saved_notes(db_path)


def test_the_rest_of_the_sqlite_utils_api_reaches_the_same_connection(db_path):
    store = PlanStore.open(db_path)
    try:
        assert isinstance(store.db, PlanDatabase)
        goals = store.db.execute("SELECT COUNT(*) FROM goals").fetchone()[0]
        assert goals > 0
        assert store.db["goals"].count == goals
        assert "goals" in store.db.utils.table_names()
        assert store.db.utils.conn is store.db.conn
    finally:
        store.close()


def test_a_new_file_is_created_with_the_current_schema(tmp_path):
    from planner.store.connection import schema_version
    from planner.store.schema import SCHEMA_VERSION

    store = PlanStore.open(tmp_path / "new.db")
    try:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert not store.has_plan()
    finally:
        store.close()
