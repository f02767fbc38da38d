"""Faults of the machine, not the app: disk full, read-only, locked, network share.

Each gets its own calm message, nothing saved is lost, and the store stays usable so
the user can retry or export elsewhere.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import sys

import pytest

from planner import planfile
from planner.domain.models import Goal, ProgressEntry
from planner.failures import user_message
from planner.store import PlanStore, StoreError
from planner.store.connection import connect
from planner.store.errors import describe_sqlite_error
from planner.store.lock import PlanLock

as_root = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def file_store(db_path):
    store = PlanStore.open(db_path)
    yield store
    store.close()


def _snapshot(store: PlanStore) -> str:
    return planfile.dumps(store.load_plan(), exported_at="fixed")


def _big_goal(skill: str) -> Goal:
    goal = Goal(skill=skill, title="Lead the winter pressures huddle", description="x" * 150_000)
    goal.progress = [ProgressEntry(dt.date(2026, 6, 1), 10, "y" * 100_000)]
    return goal


def test_disk_full_keeps_everything_saved_and_the_store_usable(file_store):
    before = _snapshot(file_store)
    changes = file_store.changes
    pages = file_store.db.execute("PRAGMA page_count").fetchone()[0]
    # A disk with room for two more pages: the big goal cannot fit.
    file_store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    skill = file_store.framework().skills[0].id

    with pytest.raises(StoreError) as caught:
        file_store.add_goal(_big_goal(skill))

    message = str(caught.value)
    assert message.startswith("The disk is full")
    assert "nothing already saved has been lost" in message
    assert _snapshot(file_store) == before
    assert file_store.changes == changes
    # Space freed: the same action now succeeds.
    file_store.db.execute("PRAGMA max_page_count = 1073741823")
    saved = file_store.add_goal(_big_goal(skill))
    assert file_store.goal(saved.id).description == "x" * 150_000


def test_disk_full_during_an_import_leaves_the_old_plan_whole(file_store, sample_plan):
    before = _snapshot(file_store)
    pages = file_store.db.execute("PRAGMA page_count").fetchone()[0]
    file_store.db.execute(f"PRAGMA max_page_count = {pages}")
    sample_plan.goals[0].description = "z" * 190_000

    with pytest.raises(StoreError, match="disk is full"):
        file_store.replace_plan(sample_plan)

    assert _snapshot(file_store) == before


def test_a_read_only_database_refuses_writes_with_a_plain_message(db_path):
    store = PlanStore(connect(db_path, readonly=True), db_path)
    try:
        before = _snapshot(store)
        goal_id = store.goal_summaries()[0].id
        with pytest.raises(StoreError) as caught:
            store.add_progress(goal_id, ProgressEntry(dt.date(2026, 6, 15), 70, "huddle"))
        assert "read-only" in str(caught.value)
        assert "was not saved" in str(caught.value)
        assert _snapshot(store) == before
    finally:
        store.close()


@pytest.mark.skipif(as_root or sys.platform == "win32", reason="root ignores file permissions")
def test_a_read_only_folder_is_reported_on_opening(tmp_path):
    folder = tmp_path / "locked-down"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError) as caught:
            PlanStore.open(folder / "plan.db")
        assert "cannot be opened" in str(caught.value) or "read-only" in str(caught.value)
        with pytest.raises(StoreError, match="Permission denied"):
            PlanLock(folder / "plan.db").acquire()
    finally:
        folder.chmod(0o700)


def test_a_plan_locked_by_another_program_gives_an_in_use_message(file_store, db_path):
    before = _snapshot(file_store)
    review = file_store.reviews()[0]
    file_store.db.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as caught:
            file_store.save_review(review)
        # A read blocked the same way reaches the user through the same sentence.
        with pytest.raises(sqlite3.OperationalError) as read_error:
            file_store.reviews()
        assert "in use by another program" in user_message(read_error.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "in use by another program" in str(caught.value)
    assert "Close it and try again" in str(caught.value)
    assert _snapshot(file_store) == before
    file_store.save_review(review)  # the retry works once it is free


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "The disk is full"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "Permission denied"),
        (errno.EIO, "The disk reported an error"),
    ],
)
def test_operating_system_faults_get_their_own_message(code, expected, tmp_path):
    exc = OSError(code, os.strerror(code), str(tmp_path / "plan.json"))
    assert expected in describe_sqlite_error(exc, exc.filename)
    assert expected in user_message(exc)


def test_each_fault_has_a_different_message():
    faults = [
        sqlite3.OperationalError("database or disk is full"),
        sqlite3.OperationalError("attempt to write a readonly database"),
        sqlite3.OperationalError("database is locked"),
        sqlite3.DatabaseError("file is not a database"),
        sqlite3.OperationalError("unable to open database file"),
        sqlite3.OperationalError("disk I/O error"),
    ]
    messages = {describe_sqlite_error(f, "plan.db") for f in faults}
    assert len(messages) == len(faults)
    assert all("\n" not in m and "Traceback" not in m for m in messages)


def test_a_windows_sharing_violation_means_another_program_has_the_file():
    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32
    assert "in use by another program" in describe_sqlite_error(exc, "plan.db")
