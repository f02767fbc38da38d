"""The start-up check, recovery from a damaged plan, and the one-writer lock."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from planner import planfile
from planner.store import PlanStore, StoreError, connection
from planner.store import recovery as rec
from planner.store.backup import backup_file, list_backups
from planner.store.lock import PlanInUseError, PlanLock, lock_path
from planner.store.schema import SCHEMA_VERSION
from tests.conftest import plan_json

NOW = dt.datetime(2026, 6, 15, 9, 30)




def _damage(path) -> bytes:
    """Overwrites the middle of the file, as a failing disk or a bad copy might."""
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 6] = b"\xa5" * (4096 * 5)
    path.write_bytes(bytes(data))
    return bytes(data)


# -- diagnosis ---------------------------------------------------------------------------


def test_a_healthy_plan_can_be_opened(db_path):
    check = rec.startup_check(db_path)
    assert check.state == rec.OK and check.can_open
    assert check.message == "" and check.offer is None


def test_a_missing_plan_is_a_new_one_not_an_error(tmp_path):
    check = rec.startup_check(tmp_path / "plan.db")
    assert check.state == rec.MISSING and check.can_open
    assert not (tmp_path / "plan.db").exists()


def test_a_damaged_plan_is_found_and_the_newest_good_backup_offered(db_path):
    older = backup_file(db_path, "auto", NOW - dt.timedelta(days=1))
    newest = backup_file(db_path, "close", NOW)
    damaged = _damage(db_path)

    check = rec.startup_check(db_path)

    assert check.state == rec.DAMAGED and not check.can_open
    assert "plan.db is damaged" in check.message
    assert check.offer is not None and check.offer.path == newest != older
    assert check.offer.taken_at == NOW  # the date the app shows the user
    assert db_path.read_bytes() == damaged  # nothing changes until the user accepts


def test_a_file_that_is_not_a_database_is_damaged_not_reset(tmp_path):
    path = tmp_path / "plan.db"
    path.write_bytes(b"PK\x03\x04 a zip file renamed by mistake" * 300)
    check = rec.diagnose(path)
    assert check.state == rec.DAMAGED
    assert "not a database" in check.message
    assert path.read_bytes().startswith(b"PK")


def test_a_damaged_plan_with_no_backup_offers_nothing(db_path):
    _damage(db_path)
    check = rec.startup_check(db_path)
    assert check.state == rec.DAMAGED and check.offer is None


def test_a_plan_from_a_newer_app_is_refused_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.close()
    before = db_path.read_bytes()

    check = rec.startup_check(db_path)

    assert check.state == rec.NEWER_SCHEMA and not check.can_open
    assert "newer version of Leadership Planner" in check.message
    assert check.offer is None
    assert db_path.read_bytes() == before


def test_another_programs_database_is_not_treated_as_damage(tmp_path):
    path = tmp_path / "rota.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE shifts (day TEXT)")
    conn.commit()
    conn.close()
    check = rec.diagnose(path)
    assert check.state == rec.UNAVAILABLE
    assert "another program" in check.message


def test_a_plan_locked_by_another_program_is_in_use_not_damaged(db_path, monkeypatch):
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        check = rec.diagnose(db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert check.state == rec.UNAVAILABLE
    assert "in use by another program" in check.message


def test_a_write_cut_off_by_a_crash_is_rolled_back_not_reported_as_damage(db_path):
    before = plan_json(db_path)
    # A child process starts replacing every goal, then is killed mid-transaction.
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sqlite3, sys, time
                c = sqlite3.connect({str(db_path)!r}, isolation_level=None)
                c.execute("PRAGMA cache_size = 1")
                c.execute("BEGIN")
                c.execute("DELETE FROM progress_entries")
                c.execute("UPDATE goals SET title = 'half-written'")
                c.execute("PRAGMA cache_spill = ON")
                c.executemany("INSERT INTO reviews (date, notes) VALUES ('2026-01-01', ?)",
                              [("x" * 500,) for _ in range(3000)])
                print("mid-write", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
    )
    assert child.stdout.readline().strip() == b"mid-write"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert (db_path.parent / "plan.db-journal").exists()

    check = rec.diagnose(db_path)

    assert check.state == rec.OK
    assert plan_json(db_path) == before


# -- recovery ----------------------------------------------------------------------------


def test_restoring_over_a_damaged_plan_keeps_it_aside_and_brings_the_backup_back(db_path):
    good = plan_json(db_path)
    backup_file(db_path, "close", NOW)
    damaged = _damage(db_path)
    offer = rec.startup_check(db_path).offer
    journal = db_path.parent / "plan.db-journal"
    journal.write_bytes(b"leftover journal")

    aside = rec.restore_from_backup(db_path, offer.path, now=NOW)

    assert aside.name == "plan.db.damaged-20260615-093000"
    assert aside.read_bytes() == damaged  # kept, never deleted
    assert (aside.parent / f"{aside.name}-journal").read_bytes() == b"leftover journal"
    assert not journal.exists()
    assert rec.diagnose(db_path).state == rec.OK
    assert plan_json(db_path) == good
    assert offer.path.exists()  # the backup itself stays


def test_recovery_works_on_a_disk_without_hard_links(db_path, monkeypatch):
    backup = backup_file(db_path, "close", NOW)
    damaged = _damage(db_path)

    def no_links(source, link):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(rec.os, "link", no_links)
    aside = rec.restore_from_backup(db_path, backup, now=NOW)
    assert aside.read_bytes() == damaged
    assert rec.diagnose(db_path).state == rec.OK


def test_a_second_recovery_in_the_same_second_does_not_overwrite_the_first(db_path):
    backup = backup_file(db_path, "close", NOW)
    _damage(db_path)
    first = rec.restore_from_backup(db_path, backup, now=NOW)
    _damage(db_path)
    second = rec.restore_from_backup(db_path, backup, now=NOW)
    assert first != second and first.exists() and second.exists()


def test_recovery_refuses_a_bad_backup_and_leaves_the_damaged_plan_in_place(db_path, tmp_path):
    damaged = _damage(db_path)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"nope" * 1000)

    with pytest.raises(StoreError, match="not a good plan backup"):
        rec.restore_from_backup(db_path, bad)

    assert db_path.read_bytes() == damaged
    assert list(db_path.parent.glob("*.damaged-*")) == []


def test_a_damaged_plan_can_be_set_aside_to_start_again(db_path):
    damaged = _damage(db_path)
    aside = rec.set_aside(db_path, NOW)
    assert not db_path.exists() and aside.read_bytes() == damaged
    assert rec.diagnose(db_path).state == rec.MISSING


def test_restore_backup_backs_up_the_current_plan_first(db_path, tmp_path):
    snapshot = backup_file(db_path, "manual", NOW, to=tmp_path / "snap.db")
    store = PlanStore.open(db_path)
    try:
        store.delete_goal(store.goal_summaries()[0].id)
        edited = planfile.dumps(store.load_plan(), exported_at="fixed")
    finally:
        store.close()

    safety = rec.restore_backup(snapshot, db_path, now=NOW)

    assert plan_json(db_path) == plan_json(snapshot)
    assert safety is not None and safety.name.endswith("-before-restore.db")
    assert plan_json(safety) == edited
    assert [b.path for b in list_backups(db_path)] == [safety]


def test_a_leftover_journal_never_meets_a_restored_plan(db_path, tmp_path):
    """A journal from a plan that has since gone would be played back into the new file."""
    snapshot = backup_file(db_path, "manual", NOW, to=tmp_path / "snap.db")
    db_path.unlink()
    journal = db_path.parent / "plan.db-journal"
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 4000)

    assert rec.restore_backup(snapshot, db_path, now=NOW) is None

    assert not journal.exists()
    assert (db_path.parent / "plan.db.damaged-20260615-093000-journal").exists()
    assert plan_json(db_path) == plan_json(snapshot)


def test_a_plan_cannot_be_restored_onto_itself(db_path):
    with pytest.raises(StoreError, match="the plan itself"):
        rec.restore_backup(db_path, db_path)


# -- one writer --------------------------------------------------------------------------


def test_a_second_copy_of_the_app_is_refused_with_a_clear_message(db_path):
    first = PlanLock(db_path).acquire()
    try:
        with pytest.raises(PlanInUseError) as caught:
            PlanLock(db_path).acquire(timeout=0)
        assert str(caught.value) == (
            "The plan is open in Leadership Planner on this PC. Close it first."
        )
        assert isinstance(caught.value, StoreError)
    finally:
        first.release()
    # Once the first copy closes, the next one gets in.
    with PlanLock(db_path).acquire():
        pass


def test_a_lock_waits_for_the_holder_then_gives_up(db_path):
    holder = PlanLock(db_path).acquire()
    try:
        waiting = PlanLock(db_path)
        with pytest.raises(PlanInUseError):
            waiting.acquire(timeout=0.3)
        assert not waiting.held
    finally:
        holder.release()


def test_the_lock_of_a_killed_process_does_not_block_the_next_one(db_path):
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from planner.store.lock import PlanLock\n"
            f"PlanLock({str(db_path)!r}).acquire()\n"
            "print('holding', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdout.readline().strip() == b"holding"
        with pytest.raises(PlanInUseError):
            PlanLock(db_path).acquire()
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert lock_path(db_path).exists()  # a stale file is harmless ...
    with PlanLock(db_path).acquire(timeout=1):  # ... the OS lock died with its holder
        pass


def test_different_plans_do_not_share_a_lock(tmp_path):
    with PlanLock(tmp_path / "a.db").acquire(), PlanLock(tmp_path / "b.db").acquire():
        pass


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (PureWindowsPath(r"\\trust-fs01\home$\plan.db"), "file:////trust-fs01/home%24/plan.db"),
        (PureWindowsPath(r"C:\Users\Siân\plan.db"), "file:///C:/Users/Si%C3%A2n/plan.db"),
        (PurePosixPath("/home/a #1?/plan.db"), "file:///home/a%20%231%3F/plan.db"),
    ],
)
def test_sqlite_uris_for_shares_accents_and_odd_folder_names(path, uri):
    assert connection.sqlite_uri(path, "ro") == f"{uri}?mode=ro"


def test_a_plan_in_a_folder_with_odd_characters_is_checked_and_restored(tmp_path, sample_plan):
    path = tmp_path / "Ward 7 #2? (Siân)" / "plan.db"
    store = PlanStore.open(path)
    store.replace_plan(sample_plan)
    store.close()
    backup = backup_file(path, "manual", NOW)
    _damage(path)
    assert rec.diagnose(path).state == rec.DAMAGED
    rec.restore_from_backup(path, backup, now=NOW)
    assert rec.diagnose(path).state == rec.OK


def test_a_network_share_gets_a_warning_and_a_local_folder_does_not(tmp_path, monkeypatch):
    assert rec.network_warning(tmp_path / "plan.db") is None
    monkeypatch.setattr(rec, "is_network_path", lambda path: True)
    warning = rec.network_warning(tmp_path / "plan.db")
    assert "network drive" in warning and "this PC is safer" in warning
    assert rec.startup_check(tmp_path / "plan.db").network_warning == warning
