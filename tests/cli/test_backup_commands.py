"""The backup and restore verbs, and command-line writes while the app holds the plan."""

from __future__ import annotations

import sqlite3
import stat
import sys
import time

import pytest

from planner import planfile
from planner.demo import demo_plan
from planner.store import PlanStore
from planner.store.backup import list_backups
from planner.store.lock import PlanLock
from planner.store.schema import SCHEMA_VERSION


def _goal_titles(path) -> list[str]:
    store = PlanStore.open(path)
    try:
        return [g.title for g in store.goal_summaries()]
    finally:
        store.close()


def test_backup_writes_into_the_backups_folder(cli, demo_db):
    result = cli("backup", "--db", demo_db)

    assert result.code == 0, result.err
    (backup,) = list_backups(demo_db)
    assert backup.reason == "manual"
    assert str(backup.path) in result.out
    assert _goal_titles(backup.path) == _goal_titles(demo_db)


def test_backup_to_a_chosen_file(cli, demo_db, tmp_path):
    dest = tmp_path / "usb" / "copy.db"
    result = cli("backup", "--db", demo_db, "--to", dest)

    assert result.code == 0, result.err
    assert _goal_titles(dest) == _goal_titles(demo_db)
    if sys.platform != "win32":
        assert stat.S_IMODE(dest.stat().st_mode) == 0o600


def test_backup_never_overwrites_an_existing_file(cli, demo_db, tmp_path):
    dest = tmp_path / "precious.db"
    dest.write_text("someone else's file")
    result = cli("backup", "--db", demo_db, "--to", dest)

    assert result.code == 1
    assert "already exists" in result.err
    assert dest.read_text() == "someone else's file"


def test_backup_of_a_missing_plan_is_one_line(cli, tmp_path):
    result = cli("backup", "--db", tmp_path / "none.db")
    assert result.code == 1
    assert len(result.err_lines) == 1 and "there is no plan" in result.err


def test_restore_round_trip_keeps_the_replaced_plan_as_a_backup(cli, demo_db, tmp_path):
    cli("backup", "--db", demo_db, "--to", tmp_path / "monday.db")
    before = _goal_titles(demo_db)
    store = PlanStore.open(demo_db)
    try:
        store.delete_goal(store.goal_summaries()[0].id)
    finally:
        store.close()
    assert _goal_titles(demo_db) == before[1:]

    result = cli("restore", tmp_path / "monday.db", "--db", demo_db)

    assert result.code == 0, result.err
    assert _goal_titles(demo_db) == before
    (kept,) = list_backups(demo_db)
    assert kept.reason == "before-restore"
    assert _goal_titles(kept.path) == before[1:]
    assert cli("check", "--db", demo_db).code == 0


def test_restore_into_a_missing_plan_creates_it_owner_only(cli, demo_db, tmp_path):
    target = tmp_path / "fresh" / "plan.db"
    result = cli("restore", demo_db, "--db", target)

    assert result.code == 0, result.err
    assert _goal_titles(target) == _goal_titles(demo_db)
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_restore_refuses_a_file_that_is_not_a_good_plan(cli, demo_db, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 400)
    before = demo_db.read_bytes()

    result = cli("restore", junk, "--db", demo_db)

    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "junk.db is not a good plan backup" in result.err
    assert "nothing was changed" in result.err
    assert demo_db.read_bytes() == before


def test_restore_refuses_a_backup_from_a_newer_app(cli, demo_db, tmp_path):
    newer = tmp_path / "newer.db"
    cli("backup", "--db", demo_db, "--to", newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    result = cli("restore", newer, "--db", demo_db)

    assert result.code == 1
    assert "newer version" in result.err


def test_restore_over_a_damaged_plan_keeps_the_damaged_file(cli, demo_db, tmp_path):
    cli("backup", "--db", demo_db, "--to", tmp_path / "good.db")
    demo_db.write_bytes(b"\x13" * 8192)

    result = cli("restore", tmp_path / "good.db", "--db", demo_db)

    assert result.code == 0, result.err
    (aside,) = demo_db.parent.glob("plan.db.damaged-*")
    assert aside.read_bytes() == b"\x13" * 8192
    assert str(aside) in result.out
    assert cli("check", "--db", demo_db).code == 0


def test_check_says_plainly_what_is_wrong_and_which_backup_to_restore(cli, demo_db):
    cli("backup", "--db", demo_db)
    conn = sqlite3.connect(demo_db)
    # Point an index at the wrong column: the table and its index now disagree.
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX progress_goal_date ON "
        "progress_entries(percent, date, id)' WHERE name = 'progress_goal_date'"
    )
    conn.commit()
    conn.close()

    result = cli("check", "--db", demo_db)

    assert result.code == 1
    (line,) = result.err_lines
    assert "failed its check" in line
    assert "integrity check found" in line
    (backup,) = list_backups(demo_db)
    assert f"restore {backup.path} --db {demo_db}" in line


def test_check_of_a_file_that_is_not_a_plan(cli, tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"shift notes " * 500)
    result = cli("check", "--db", path)
    assert result.code == 1
    (line,) = result.err_lines
    assert "damaged or is not a Leadership Planner database" in line
    assert "No good backup was found" in line


# -- one writer ----------------------------------------------------------------------


@pytest.fixture
def app_holds(demo_db):
    """The plan as the app holds it while its window is open."""
    lock = PlanLock(demo_db).acquire()
    yield demo_db
    lock.release()


@pytest.mark.parametrize(
    "argv",
    [
        ("import-json", "{file}", "--replace"),
        ("restore", "{backup}"),
        ("demo",),
    ],
    ids=["import-json", "restore", "demo"],
)
def test_a_command_line_write_while_the_app_has_the_plan_fails_in_one_line(
    cli, app_holds, tmp_path, argv
):
    plan_file = tmp_path / "plan.json"
    planfile.write(demo_plan(), plan_file)
    backup = tmp_path / "b.db"
    cli("backup", "--db", app_holds, "--to", backup)
    target = app_holds
    before = target.read_bytes()
    args = [a.format(file=plan_file, backup=backup) for a in argv]

    started = time.monotonic()
    result = cli(*args, "--db", target)
    waited = time.monotonic() - started

    assert result.code == 1
    assert result.err_lines == [
        "leadership-planner: error: The plan is open in Leadership Planner on this PC. "
        "Close it first."
    ]
    assert 1.5 <= waited < 10  # waits briefly for the app, then gives up
    assert target.read_bytes() == before
    assert list_backups(target) == []


def test_read_only_verbs_work_while_the_app_has_the_plan(cli, app_holds, tmp_path):
    assert cli("check", "--db", app_holds).code == 0
    assert cli("export-json", "--db", app_holds, "--out", tmp_path / "p.json").code == 0
    assert cli("backup", "--db", app_holds).code == 0
