"""Backups: the online copy, where they go, when the app takes them, and thinning."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from planner import planfile
from planner.domain.models import ProgressEntry
from planner.store import PlanStore, StoreError
from planner.store.backup import (
    backup_before,
    backup_file,
    backup_if_changed,
    list_backups,
    newest_good_backup,
    thin,
)
from planner.store.connection import connect, schema_version
from planner.store.schema import SCHEMA_VERSION, migrations
from tests.conftest import plan_json

NOW = dt.datetime(2026, 6, 15, 9, 30)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")




def test_a_backup_restores_to_exactly_the_same_plan(db_path):
    backup = backup_file(db_path, "manual", NOW)

    assert backup.parent == db_path.parent / "backups"
    assert plan_json(backup) == plan_json(db_path)


def test_backups_are_listed_newest_first_with_their_date_reason_and_size(db_path):
    backup_file(db_path, "manual", NOW - dt.timedelta(hours=1))
    backup_file(db_path, "import", NOW)

    found = list_backups(db_path)

    assert [(b.reason, b.taken_at) for b in found] == [
        ("import", NOW),
        ("manual", NOW - dt.timedelta(hours=1)),
    ]
    assert all(b.size == b.path.stat().st_size > 0 for b in found)


def test_two_backups_in_the_same_instant_do_not_overwrite_each_other(db_path):
    first = backup_file(db_path, "manual", NOW)
    second = backup_file(db_path, "manual", NOW)
    assert first != second
    assert len(list_backups(db_path)) == 2


def test_a_backup_of_a_plan_open_mid_change_holds_only_committed_work(db_path):
    store = PlanStore.open(db_path)
    try:
        goal_id = store.goal_summaries()[0].id
        before = store.progress_count(goal_id)
        with store.atomic():
            store.add_progress(goal_id, ProgressEntry(dt.date(2026, 6, 15), 50, "not yet saved"))
            # Another connection backs up while this change is uncommitted.
            backup = backup_file(db_path, "manual", NOW)
    finally:
        store.close()
    copy = PlanStore.open(backup)
    try:
        assert copy.progress_count(goal_id) == before
    finally:
        copy.close()


@posix_only
def test_backups_are_readable_by_their_owner_only(db_path):
    backup = backup_file(db_path, "manual", NOW)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700


def test_a_backup_is_taken_before_a_migration_upgrades_an_older_plan(tmp_path, sample_plan):
    path = tmp_path / "plan.db"
    for goal in sample_plan.goals:
        goal.deferred_reason = ""  # the previous version kept no reasons
    older = connect(path)
    migrations.apply(older)
    plan_store = PlanStore(older, path)
    plan_store.replace_plan(sample_plan)
    before = planfile.dumps(plan_store.load_plan(), exported_at="fixed")
    # The plan as the previous version left it: without the newest migration's column.
    older.execute("ALTER TABLE goals DROP COLUMN deferred_reason")
    older.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    older.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_goal_deferred_reason'")
    older.conn.commit()
    old_version = schema_version(older)
    older.close()

    store = PlanStore.open(path)
    store.close()

    (migrate,) = list_backups(path)
    assert migrate.reason == "migrate"
    copy = connect(migrate.path, readonly=True)
    try:
        assert schema_version(copy) == old_version < SCHEMA_VERSION  # taken before
        titles = [r[0] for r in copy.execute("SELECT title FROM goals ORDER BY id")]
        assert titles == [g.title for g in sample_plan.goals]
    finally:
        copy.close()
    assert plan_json(path) == before  # and the upgrade kept the plan


def test_a_new_or_current_file_is_not_backed_up_on_opening(tmp_path, db_path):
    PlanStore.open(tmp_path / "new.db").close()
    PlanStore.open(db_path).close()
    assert list_backups(tmp_path / "new.db") == []
    assert list_backups(db_path) == []


def test_import_replace_backs_up_the_plan_it_replaces(db_path):
    store = PlanStore.open(db_path)
    try:
        path = backup_before(store, "import")
    finally:
        store.close()
    assert path is not None and path.name.endswith("-import.db")
    assert plan_json(path) == plan_json(db_path)


# -- the app's routine backup ----------------------------------------------------------


def _log_progress(store: PlanStore) -> None:
    goal_id = store.goal_summaries()[0].id
    store.add_progress(goal_id, ProgressEntry(dt.date(2026, 6, 15), 60, "Ran the huddle"))


def test_routine_backup_waits_for_a_change_and_then_thirty_minutes(db_path):
    store = PlanStore.open(db_path)
    try:
        assert backup_if_changed(store, None, NOW) is None  # nothing changed yet

        _log_progress(store)
        first = backup_if_changed(store, None, NOW)
        assert first is not None
        assert backup_if_changed(store, NOW, NOW + dt.timedelta(hours=2)) is None  # no change

        _log_progress(store)
        assert backup_if_changed(store, NOW, NOW + dt.timedelta(minutes=29)) is None
        second = backup_if_changed(store, NOW, NOW + dt.timedelta(minutes=30))
        assert second is not None and second != first
        assert plan_json(second) == planfile.dumps(store.load_plan(), exported_at="fixed")
    finally:
        store.close()


def test_closing_backs_up_a_recent_change_without_waiting(db_path):
    store = PlanStore.open(db_path)
    try:
        _log_progress(store)
        backup_if_changed(store, None, NOW)
        _log_progress(store)
        assert backup_if_changed(store, NOW, NOW + dt.timedelta(minutes=1)) is None
        closing = backup_if_changed(store, NOW, NOW + dt.timedelta(minutes=1), closing=True)
        assert closing is not None and closing.name.endswith("-close.db")
        assert backup_if_changed(store, NOW, NOW + dt.timedelta(minutes=2), closing=True) is None
    finally:
        store.close()


def test_an_in_memory_plan_is_never_backed_up(store):
    _log_progress(store)
    assert backup_if_changed(store, None, NOW, closing=True) is None


def test_a_backup_that_cannot_be_written_gives_a_plain_message(db_path):
    (db_path.parent / "backups").write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="No backup was made"):
        backup_file(db_path, "manual", NOW)


# -- finding a good backup ---------------------------------------------------------------


def test_the_newest_good_backup_skips_damaged_and_newer_ones(db_path):
    good = backup_file(db_path, "manual", NOW - dt.timedelta(days=3))
    newer = backup_file(db_path, "manual", NOW - dt.timedelta(days=2))
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    damaged = backup_file(db_path, "manual", NOW - dt.timedelta(days=1))
    damaged.write_bytes(b"\x00garbage" * 2000)

    assert newest_good_backup(db_path).path == good


def test_no_backups_means_no_offer(tmp_path):
    assert newest_good_backup(tmp_path / "plan.db") is None


# -- thinning ----------------------------------------------------------------------------


def _ages(kept: list[dt.datetime], now: dt.datetime) -> list[float]:
    return sorted((now - t).total_seconds() / 86400 for t in kept)


def test_thinning_keeps_everything_from_the_last_two_days():
    backups = [(Path(f"b{i}"), NOW - dt.timedelta(minutes=30 * i)) for i in range(96)]
    assert thin(backups, NOW) == []


def test_thinning_keeps_the_newest_backup_of_each_older_day():
    day = dt.datetime(2026, 6, 10)
    backups = [(Path(f"b{h}"), day + dt.timedelta(hours=h)) for h in (8, 12, 17)]
    assert thin(backups, NOW) == [Path("b8"), Path("b12")]


def test_thinning_with_a_fake_clock_over_a_year_of_hourly_backups():
    """Backs up every hour for a year, thinning after each, as the app does."""
    start = dt.datetime(2025, 6, 1, 8, 0)
    kept: list[tuple[Path, dt.datetime]] = []
    now = start
    for i in range(365 * 24):
        now = start + dt.timedelta(hours=i)
        kept.append((Path(f"b{i}"), now))
        doomed = set(thin(kept, now))
        kept = [b for b in kept if b[0] not in doomed]

    times = [t for _, t in kept]
    ages = _ages(times, now)
    recent = [a for a in ages if a < 2]
    daily = [a for a in ages if 2 <= a < 14]
    weekly = [a for a in ages if 14 <= a < 91]
    monthly = [a for a in ages if a >= 91]
    assert len(recent) == 48  # every backup of the last two days
    assert 11 <= len(daily) <= 13  # one a day
    assert 10 <= len(weekly) <= 12  # one a week
    assert 8 <= len(monthly) <= 10  # one a month
    assert len(kept) <= 48 + 13 + 12 + 10
    # Never more than one per calendar day beyond two days, one per week beyond
    # two weeks, one per month beyond the weekly span.
    old = [t for t in times if (now - t) >= dt.timedelta(days=2)]
    assert len({t.date() for t in old}) == len(old)
    assert times[-1] == now  # the newest always survives


def test_thinning_is_stable_once_a_backup_has_been_kept():
    """Running the policy again at the same moment deletes nothing more."""
    backups = [(Path(f"b{i}"), NOW - dt.timedelta(hours=7 * i)) for i in range(400)]
    doomed = set(thin(backups, NOW))
    survivors = [b for b in backups if b[0] not in doomed]
    assert thin(survivors, NOW) == []


def test_thinning_runs_after_each_new_backup(db_path):
    for days in (40, 39, 38, 12.5, 12.4):
        backup_file(db_path, "auto", NOW - dt.timedelta(days=days))
    backup_file(db_path, "manual", NOW)

    ages = sorted(
        round((NOW - b.taken_at).total_seconds() / 86400, 1) for b in list_backups(db_path)
    )
    # 40/39/38 days ago fall in one or two ISO weeks; 12.5 and 12.4 on one day.
    assert 0 in ages and 12.4 in ages and 12.5 not in ages
    assert len([a for a in ages if a >= 38]) < 3


def test_files_that_are_not_backups_are_left_alone(db_path):
    folder = db_path.parent / "backups"
    folder.mkdir(mode=0o700)
    note = folder / "my notes.txt"
    note.write_text("keep me")
    backup_file(db_path, "manual", NOW - dt.timedelta(days=30))
    backup_file(db_path, "manual", NOW - dt.timedelta(days=29, hours=1))
    backup_file(db_path, "manual", NOW)
    assert note.exists()
    assert len(list_backups(db_path)) == 2


def test_plans_sharing_a_folder_keep_their_backups_apart(tmp_path):
    from planner.store.backup import backup_file, list_backups
    from planner.store.plan_store import PlanStore

    own, sample = tmp_path / "plan.db", tmp_path / "sample-plan.db"
    for path in (own, sample):
        PlanStore.open(path).close()
    mine = backup_file(own, "manual")
    theirs = backup_file(sample, "manual")
    assert [b.path for b in list_backups(own)] == [mine]
    assert [b.path for b in list_backups(sample)] == [theirs]
