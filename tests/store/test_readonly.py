"""Opening a plan for reading only (exports): the same plan as a normal open, the file
left untouched, and every file the read-only path cannot take handed to the normal open."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from planner import planfile
from planner.store import DamagedDatabaseError, NewerSchemaError, PlanStore
from planner.store.backup import list_backups
from planner.store.connection import connect, journal_path, schema_version
from planner.store.database import ReadOnlyDatabase
from planner.store.schema import SCHEMA_VERSION, migration_set
from tests.store.conftest import write_with_todays_code


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dump(store: PlanStore) -> str:
    return planfile.dumps(store.load_plan(), exported_at="fixed")


def test_a_current_plan_reads_the_same_without_touching_the_file(db_path):
    normal = PlanStore.open(db_path)
    expected = _dump(normal)
    normal.close()
    before = (_digest(db_path), db_path.stat().st_mtime_ns)

    store = PlanStore.open_readonly(db_path)
    try:
        assert isinstance(store.db, ReadOnlyDatabase)
        assert _dump(store) == expected
        assert {"goals", "reflections", "reviews"} <= set(store.db.table_names())
    finally:
        store.close()
    assert (_digest(db_path), db_path.stat().st_mtime_ns) == before
    assert not journal_path(db_path).exists()


def test_writing_through_a_read_only_store_is_refused_and_changes_nothing(db_path):
    before = _digest(db_path)
    store = PlanStore.open_readonly(db_path)
    try:
        profile = store.profile()
        with pytest.raises(TypeError, match="read-only"):
            store.save_profile(profile)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.execute("DELETE FROM goals")
    finally:
        store.close()
    assert _digest(db_path) == before


def test_reading_a_plan_does_not_import_sqlite_utils(db_path):
    probe = (
        "import sys\n"
        "from planner.store import PlanStore\n"
        "store = PlanStore.open_readonly(sys.argv[1])\n"
        "plan = store.load_plan()\n"
        "store.close()\n"
        "print(len(plan.goals), 'sqlite_utils' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(db_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert int(out[0]) > 0
    assert out[1] == "False"


def test_an_older_plan_is_read_from_an_upgraded_copy_and_its_file_left_alone(
    tmp_path, sample_plan
):
    path = tmp_path / "plan.db"
    older = connect(path)
    newest = migration_set().pending(older)[-1].name
    migration_set().apply(older, stop_before=newest)
    write_with_todays_code(older, path, sample_plan)
    older.close()
    before = _digest(path)

    store = PlanStore.open_readonly(path)
    try:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert store.load_plan().profile.name == sample_plan.profile.name
    finally:
        store.close()
    assert _digest(path) == before
    assert list_backups(path) == []


def test_a_plan_from_a_newer_version_is_refused_and_left_alone(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer version"):
        PlanStore.open_readonly(db_path)
    assert _digest(db_path) == before


def test_a_damaged_file_gets_the_damaged_message(tmp_path):
    path = tmp_path / "plan.db"
    path.write_bytes(b"this is not a database at all " * 200)
    with pytest.raises(DamagedDatabaseError):
        PlanStore.open_readonly(path)


def test_an_unfinished_write_is_rolled_back_first(db_path):
    # A journal beside the file means a write may be unfinished: only a read-write
    # open may roll it back, so the read-only path steps aside.
    store = PlanStore.open(db_path)
    expected = _dump(store)
    store.close()
    journal_path(db_path).write_bytes(b"")
    store = PlanStore.open_readonly(db_path)
    try:
        assert not isinstance(store.db, ReadOnlyDatabase)
        assert _dump(store) == expected
    finally:
        store.close()
