"""Every message is one line, true, and says what the user can do next."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from planner import planfile
from planner.demo import demo_plan
from planner.store import StoreError
from planner.store import lock as plan_lock
from planner.store.lock import COMMAND, PlanInUseError, PlanLock


def test_check_during_another_programs_long_write_does_not_advise_a_restore(cli, demo_db):
    cli("backup", "--db", demo_db)
    writer = sqlite3.connect(demo_db, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("check", "--db", demo_db)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.code == 1 and len(result.err_lines) == 1
    assert "could not be checked now" in result.err and "in use by another program" in result.err
    assert "restore" not in result.err.lower()


def test_the_app_names_a_command_line_verb_as_the_lock_holder(demo_db):
    command = PlanLock(demo_db, COMMAND).acquire()
    try:
        with pytest.raises(PlanInUseError) as caught:
            PlanLock(demo_db).acquire()
    finally:
        command.release()
    assert "command is working on this plan" in str(caught.value)
    assert "open in Leadership Planner" not in str(caught.value)


def test_a_healthy_plan_in_wal_mode_checks_and_exports_as_healthy(cli, demo_db, tmp_path):
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    result = cli("check", "--db", demo_db)
    assert result.code == 0 and result.out.startswith("OK:"), result.err
    result = cli("export-json", "--db", demo_db, "--out", tmp_path / "p.json")
    assert result.code == 0, result.err


def test_restoring_a_plan_file_points_at_import_not_at_restore(cli, demo_db, tmp_path):
    plan_file = tmp_path / "plan.json"
    planfile.write(demo_plan(), plan_file)
    before = demo_db.read_bytes()
    result = cli("restore", plan_file, "--db", demo_db)
    assert result.code == 1 and len(result.err_lines) == 1
    assert "is a plan file, not a backup" in result.err
    assert "import-json --replace" in result.err
    assert demo_db.read_bytes() == before


def test_a_read_only_folder_says_the_plan_cannot_be_opened_not_that_a_change_was_lost(
    demo_db, monkeypatch
):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(demo_db.parent))

    # The system refuses to create the lock file, as in a read-only folder.
    monkeypatch.setattr(plan_lock, "open_no_follow", read_only)
    with pytest.raises(StoreError) as caught:
        PlanLock(demo_db).acquire()
    message = str(caught.value)
    assert "read-only" in message and "cannot be opened for changes" in message
    assert "not saved" not in message and "\n" not in message


def test_import_never_echoes_terminal_control_characters(cli, tmp_path):
    plan = demo_plan()
    plan.profile.name = "Sam\x07 \x1b[31mRed\x1b[0m \u202eevil\u202c Jones"
    plan_file = tmp_path / "odd.json"
    planfile.write(plan, plan_file)
    result = cli("import-json", plan_file, "--db", tmp_path / "plan.db")
    assert result.code == 0, result.err
    for bad in ("\x07", "\x1b", "\u202e", "\u202c"):
        assert bad not in result.out + result.err
    assert "Sam" in result.out and "Jones" in result.out


@pytest.mark.parametrize("verb", ["export-json", "export-pdf"])
def test_a_missing_folder_is_worded_the_same_for_every_export(cli, demo_db, tmp_path, verb):
    result = cli(verb, "--db", demo_db, "--out", tmp_path / "nope" / "x.out")
    assert result.code == 1 and len(result.err_lines) == 1
    assert result.err_lines[0] == (
        f"leadership-planner: error: The folder {tmp_path / 'nope'} does not exist. "
        "Choose another place to save."
    )
