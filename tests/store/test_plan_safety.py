"""Ways a plan could be lost, overwritten or wrongly restored by a slip of the keyboard,
a link, a second plan in the folder, a damaged backup or a busy file: each is refused
or survived, and the files on disk say so."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import threading

import pytest

from planner import planfile
from planner.demo import demo_plan
from planner.store import PlanStore, StoreError
from planner.store import backup as backups
from planner.store import recovery as rec
from planner.store.backup import apply_thinning, backup_file, list_backups
from planner.store.lock import PlanInUseError, PlanLock
from tests.conftest import FIXED_TODAY

NOW = dt.datetime(2026, 6, 15, 9, 30)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def cli(capsys):
    from planner.app import main

    def run(*argv):
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


# -- 2: an export never replaces the plan or a backup --------------------------------


@pytest.mark.parametrize("verb", ["export-json", "export-pdf"])
@pytest.mark.parametrize("target", ["plan", "backup", "damaged-backup", "lock", "journal-name"])
def test_an_export_naming_the_plan_or_a_backup_is_refused_and_nothing_changes(
    cli, db_path, verb, target
):
    made = backup_file(db_path, "manual", NOW)
    damaged = backup_file(db_path, "auto", NOW - dt.timedelta(days=1))
    damaged.write_bytes(bytes(4096))  # no longer looks like a database at all
    PlanLock(db_path).acquire().release()  # the lock file, as the app leaves it
    out = {
        "plan": db_path,
        "backup": made,
        "damaged-backup": damaged,
        "lock": db_path.with_name("plan.db.lock"),
        "journal-name": db_path.with_name("plan.db-journal"),
    }[target]
    before = {p: _digest(p) for p in (db_path, made, damaged)}

    code, _, err = cli(verb, "--db", db_path, "--out", out)

    assert code == 1
    assert err.count("\n") == 1 and "is a database" in err and "nothing was written" in err
    assert {p: _digest(p) for p in (db_path, made, damaged)} == before
    assert rec.diagnose(db_path).state == rec.OK


def test_an_export_through_a_link_to_the_plan_is_refused(cli, db_path, tmp_path):
    link = tmp_path / "export.json"
    link.symlink_to(db_path)
    before = _digest(db_path)
    code, _, err = cli("export-json", "--db", db_path, "--out", link)
    assert code == 1 and "is a database" in err
    assert _digest(db_path) == before


# -- 3: one check everywhere; a failing plan is never written to or backed up ---------


def _swap_index_roots(path) -> None:
    """Swaps two indexes' pages, so each index disagrees with its table (a broken
    index SQLite's quick check does not see) while the file still opens."""
    conn = sqlite3.connect(path)
    rows = dict(
        conn.execute(
            "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' "
            "AND name IN ('goals_skill_status', 'goal_actions_goal')"
        ).fetchall()
    )
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET rootpage = ? WHERE name = 'goals_skill_status'",
        [rows["goal_actions_goal"]],
    )
    conn.execute(
        "UPDATE sqlite_master SET rootpage = ? WHERE name = 'goal_actions_goal'",
        [rows["goals_skill_status"]],
    )
    conn.commit()
    conn.close()


def _orphan_progress(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO progress_entries (goal_id, date, percent, note) "
                 "VALUES (99999, '2026-01-01', 5, 'orphan')")
    conn.commit()
    conn.close()


def _drop_reviews(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE reviews")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("harm", [_swap_index_roots, _orphan_progress, _drop_reviews])
def test_the_check_finds_a_broken_index_broken_keys_or_a_missing_table(db_path, harm, cli):
    good = backup_file(db_path, "auto", NOW)
    harm(db_path)
    before = _digest(db_path)

    # The whole check, as start-up completes it once the window is shown (the GUI
    # tests drive that part) and as "check" and the writing verbs run it.
    check = rec.startup_check(db_path, quick=False)
    assert check.state == rec.DAMAGED
    assert check.offer is not None and check.offer.path == good
    assert "\n" not in check.message and len(check.message) < 300

    # The writing verbs refuse it too, and neither write nor back it up.
    plan_file = db_path.with_name("other.json")
    planfile.write(demo_plan(FIXED_TODAY), plan_file)
    for argv in (
        ("import-json", plan_file, "--replace", "--db", db_path),
        ("backup", "--db", db_path),
        ("check", "--db", db_path),
    ):
        code, _, err = cli(*argv)
        assert code == 1, argv
        assert err.count("\n") == 1
    assert _digest(db_path) == before
    assert [b.path for b in list_backups(db_path)] == [good]


def test_a_missing_table_is_found_before_the_window_opens(db_path):
    backup_file(db_path, "auto", NOW)
    _drop_reviews(db_path)
    check = rec.startup_check(db_path)
    assert check.state == rec.DAMAGED and check.offer is not None
    assert "reviews is missing" in check.message


def test_thinning_never_removes_the_newest_good_backup(db_path):
    good = backup_file(db_path, "auto", NOW - dt.timedelta(days=5, hours=3))
    later = []
    for hours in (2, 1):
        bad = backup_file(db_path, "auto", NOW - dt.timedelta(days=5, hours=hours))
        bad.write_bytes(b"not a database any more" * 100)
        later.append(bad)

    deleted = apply_thinning(db_path, NOW)

    assert good.exists(), "the only good backup was thinned away"
    assert good not in deleted
    assert rec.startup_check(db_path).state == rec.OK
    assert backups.newest_good_backup(db_path).path == good


# -- 4: plans sharing a stem keep their backups apart ---------------------------------


def test_plan_db_and_plan_old_never_see_or_thin_each_others_backups(tmp_path):
    own, old = tmp_path / "plan.db", tmp_path / "plan.old"
    for path in (own, old):
        store = PlanStore.open(path)
        store.replace_plan(demo_plan(FIXED_TODAY))
        store.close()
    old_backups = [
        backup_file(old, "auto", NOW - dt.timedelta(days=3, hours=h)) for h in (3, 2, 1)
    ]
    mine = backup_file(own, "auto", NOW)

    assert [b.path for b in list_backups(own)] == [mine]
    assert [b.path for b in list_backups(old)] == old_backups[::-1]
    assert apply_thinning(own, NOW) == []
    assert all(p.exists() for p in old_backups)
    assert mine.name.startswith("plan.db-") and old_backups[0].name.startswith("plan.old-")


# -- 5 and 6: one lock per real file, never through a link ----------------------------


def _assert_import_refused(cli, db_path, tmp_path) -> None:
    before = _digest(db_path)
    plan_file = tmp_path / "other.json"
    planfile.write(demo_plan(FIXED_TODAY), plan_file)
    code, _, err = cli("import-json", plan_file, "--replace", "--db", db_path)
    assert code == 1 and "open in Leadership Planner" in err
    assert _digest(db_path) == before


def test_the_lock_is_the_same_through_a_symbolic_link(cli, db_path, tmp_path):
    link = tmp_path / "my-plan.db"
    link.symlink_to(db_path)
    app = PlanLock(link).acquire()
    try:
        _assert_import_refused(cli, db_path, tmp_path)
        with pytest.raises(PlanInUseError):
            PlanLock(db_path).acquire()
    finally:
        app.release()


def test_the_lock_is_the_same_through_a_hard_link(cli, db_path, tmp_path):
    other = tmp_path / "elsewhere" / "copy-of-plan.db"
    other.parent.mkdir()
    os.link(db_path, other)
    app = PlanLock(other).acquire()
    try:
        _assert_import_refused(cli, db_path, tmp_path)
    finally:
        app.release()
    PlanLock(db_path).acquire().release()  # free again once the app lets go


def test_the_lock_file_never_follows_a_link_to_truncate_its_target(db_path, tmp_path):
    victim = tmp_path / "notes.txt"
    victim.write_text("my notes")
    db_path.with_name("plan.db.lock").symlink_to(victim)
    with pytest.raises(StoreError, match="is a link"):
        PlanLock(db_path).acquire()
    assert victim.read_text() == "my notes"


def test_backup_to_a_file_never_writes_through_a_link_planted_beside_it(cli, db_path, tmp_path):
    victim = tmp_path / "notes.txt"
    victim.write_text("my notes")
    dest = tmp_path / "copy.db"
    dest.with_name("copy.db.partial").symlink_to(victim)

    code, _, err = cli("backup", "--db", db_path, "--to", dest)

    assert code == 0, err
    assert victim.read_text() == "my notes"
    assert rec.diagnose(dest).state == rec.OK


# -- 7: reading never migrates or alters another program's database ------------------


def _foreign(path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('one')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", [0, 1, 2, 3])
def test_a_foreign_database_is_never_changed_by_reading_verbs_or_start_up(
    cli, tmp_path, version
):
    path = tmp_path / "music.db"
    _foreign(path, version)
    # The other program keeps its journal between writes (journal_mode=PERSIST).
    kept_journal = tmp_path / "music.db-journal"
    kept_journal.write_bytes(bytes(512))
    before = _digest(path)

    for verb in ("export-json", "export-pdf"):
        code, _, err = cli(verb, "--db", path, "--out", tmp_path / f"out.{verb}")
        assert code == 1 and "not a Leadership Planner plan" in err, err
    check = rec.startup_check(path)
    assert check.state == rec.UNAVAILABLE and "another program" in check.message
    code, _, err = cli("check", "--db", path)
    assert code == 1 and "another program" in err

    assert _digest(path) == before
    assert kept_journal.read_bytes() == bytes(512)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["songs"]
    conn.close()


# -- 9: restoring on a disk without hard links ----------------------------------------


def test_without_hard_links_the_plan_name_always_holds_a_file_during_recovery(
    db_path, monkeypatch
):
    good = backup_file(db_path, "auto", NOW)
    data = bytearray(db_path.read_bytes())
    data[4096 : 4096 * 6] = b"\xa5" * (4096 * 5)
    db_path.write_bytes(bytes(data))

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")  # as on a FAT-formatted stick

    monkeypatch.setattr(os, "link", no_links)
    real_replace = os.replace
    seen = []

    class Killed(BaseException):
        pass

    def killed_at_the_last_step(src, dst, *args, **kwargs):
        if str(dst) == str(db_path):
            seen.append(db_path.exists())
            raise Killed  # the process dies just before the backup takes the name
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", killed_at_the_last_step)
    with pytest.raises(Killed):
        rec.restore_from_backup(db_path, good.path if hasattr(good, "path") else good, NOW)
    monkeypatch.undo()

    assert seen == [True]
    assert db_path.read_bytes() == bytes(data)  # the damaged plan, not nothing
    kept = list(db_path.parent.glob("plan.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)


# -- 13: restore never waits for ever -------------------------------------------------


def _finishes(work, seconds: float):
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "still waiting"
    return outcome


def test_restoring_a_hard_link_of_the_plan_is_refused_at_once(db_path, tmp_path):
    link = tmp_path / "backups" / "plan.db-20260101-090000-000000-manual.db"
    link.parent.mkdir()
    os.link(db_path, link)
    before = _digest(db_path)
    outcome = _finishes(lambda: rec.restore_backup(link, db_path, NOW), 20)
    assert isinstance(outcome.get("error"), StoreError)
    assert "the plan itself" in str(outcome["error"])
    assert _digest(db_path) == before


def test_restore_gives_up_on_a_reader_that_holds_the_plan(db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "COPY_WAIT_SECONDS", 0.5)
    backup = backup_file(db_path, "manual", NOW, to=tmp_path / "b.db")
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM goals").fetchone()
    try:
        outcome = _finishes(lambda: rec.restore_backup(backup, db_path, NOW), 20)
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert isinstance(outcome.get("error"), StoreError)
    assert "in use" in str(outcome["error"])
    assert rec.diagnose(db_path).state == rec.OK


# -- 14: a stray file with an impossible date in backups/ -----------------------------


def test_a_backup_name_with_an_impossible_date_is_ignored_everywhere(cli, db_path, tmp_path):
    good = backup_file(db_path, "auto", NOW)
    stray = db_path.parent / "backups" / "plan.db-20261399-256199-000000-auto.db"
    stray.write_bytes(good.read_bytes())
    legacy = db_path.parent / "backups" / "plan-20260231-000000-000000-auto.db"
    legacy.write_bytes(good.read_bytes())

    assert [b.path for b in list_backups(db_path)] == [good]
    code, _, err = cli("backup", "--db", db_path)
    assert code == 0, err
    code, _, err = cli("restore", good, "--db", db_path)
    assert code == 0, err
    data = bytearray(db_path.read_bytes())
    data[4096 : 4096 * 6] = b"\xa5" * (4096 * 5)
    db_path.write_bytes(bytes(data))
    code, _, err = cli("check", "--db", db_path)
    assert code == 1 and "unexpected internal error" not in err
    assert rec.startup_check(db_path).offer is not None
    assert stray.exists() and legacy.exists()


# -- 15: the sample never replaces the user's own plan --------------------------------


def test_the_sample_never_deletes_a_plan_called_sample_plan_db(tmp_path):
    from planner import plan_service
    from planner.paths import local_data_dir

    for own in (tmp_path / "sample-plan.db", local_data_dir() / "sample" / "sample-plan.db"):
        store = PlanStore.open(own)
        store.replace_plan(demo_plan(FIXED_TODAY))
        store.save_profile(store.profile().__class__(name="My Own Name"))
        store.close()
        before = _digest(own)

        sample = plan_service.open_sample(own)
        try:
            assert sample.path != own
            assert sample.profile().name != "My Own Name"
        finally:
            sample.close()
        assert _digest(own) == before


def test_a_plan_killed_while_being_made_opens_as_a_new_plan_not_a_foreign_one(tmp_path):
    path = tmp_path / "plan.db"
    conn = sqlite3.connect(path)
    # What sqlite-utils commits before the first migration.
    conn.execute(
        "CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)"
    )
    conn.commit()
    conn.close()
    assert rec.startup_check(path).state == rec.OK
    store = PlanStore.open(path)
    try:
        assert not store.has_plan()
    finally:
        store.close()
