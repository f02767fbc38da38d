"""Opening a plan database: the schema it gets, the pragmas it runs with, and the files
it refuses to touch."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.store import DamagedDatabaseError, NewerSchemaError, PlanStore, StoreError
from planner.store.connection import BUSY_TIMEOUT_MS, pending_migrations
from planner.store.schema import SCHEMA_VERSION
from tests.store.conftest import write_with_todays_code

DATA = Path(__file__).parent / "data"

EXPECTED_COLUMNS = {
    "profile": [
        "id",
        "name",
        "role",
        "profession",
        "organisation",
        "manager",
        "aspiration",
        "period_start",
        "period_end",
        "regulator",
        "revalidation_date",
    ],
    "framework": ["id", "framework_id", "name", "description", "part_singular", "part_plural"],
    "scale_levels": ["level", "label", "descriptor"],
    "skills": ["id", "position", "name", "description", "behaviours", "example_goals"],
    "assessments": ["id", "skill", "date", "level", "importance", "note"],
    "goals": [
        "id",
        "uid",
        "skill",
        "title",
        "description",
        "measure",
        "support",
        "target_date",
        "status",
        "priority",
        "created",
        "updated",
        "deferred_reason",
        "closed_cycle",
        "inclusion_objective",
        "wellbeing_goal",
    ],
    "goal_actions": ["id", "goal_id", "position", "text", "due", "done"],
    "progress_entries": ["id", "goal_id", "date", "percent", "note"],
    "reflections": [
        "id",
        "date",
        "skill",
        "goal_id",
        "title",
        "model",
        "sections",
        "private",
        "themes",
    ],
    "reviews": ["id", "date", "reviewer", "notes", "agreed_actions", "next_review"],
    "cycles": ["id", "uid", "start", "end", "closed_on"],
    "cycle_targets": ["cycle", "skill", "level"],
    "goal_outcomes": [
        "cycle_id",
        "position",
        "goal_uid",
        "title",
        "skill",
        "outcome",
        "note",
        "carried_forward",
    ],
    "review_links": ["review_id", "line", "goal_uid", "action_id"],
    "learning_activities": [
        "id",
        "uid",
        "start",
        "end",
        "method",
        "topic",
        "relevance",
        "hours",
        "participatory_hours",
        "code_themes",
        "skills",
        "goals",
        "evidence",
    ],
    "feedback": [
        "id",
        "uid",
        "date",
        "source",
        "source_role",
        "summary",
        "response",
        "skills",
        "goals",
        "ratings",
    ],
    "reflective_discussions": ["id", "date", "partner_name", "partner_pin", "note"],
}


def _columns(store: PlanStore, table: str) -> list[str]:
    return [row[1] for row in store.db.execute(f"PRAGMA table_info({table})")]


def _pragma(store: PlanStore, name: str):
    return store.db.execute(f"PRAGMA {name}").fetchone()[0]


@pytest.fixture(params=["file", "memory"])
def fresh_store(request, tmp_path):
    s = PlanStore.open(tmp_path / "new.db") if request.param == "file" else PlanStore.memory()
    yield s
    s.close()


def test_a_new_database_gets_every_table_with_its_columns(fresh_store):
    for table, columns in EXPECTED_COLUMNS.items():
        assert _columns(fresh_store, table) == columns, table
    assert set(EXPECTED_COLUMNS) <= set(fresh_store.db.table_names())
    assert not fresh_store.has_plan()


def test_a_new_database_records_the_schema_version(fresh_store):
    assert _pragma(fresh_store, "user_version") == SCHEMA_VERSION
    assert pending_migrations(fresh_store.db) == []


def test_every_connection_enforces_foreign_keys_and_waits_when_busy(fresh_store):
    assert _pragma(fresh_store, "foreign_keys") == 1
    assert _pragma(fresh_store, "busy_timeout") == BUSY_TIMEOUT_MS > 0
    assert _pragma(fresh_store, "synchronous") == 2  # FULL


def test_a_file_database_uses_a_delete_journal_and_full_sync(tmp_path):
    store = PlanStore.open(tmp_path / "plan.db")
    try:
        assert _pragma(store, "journal_mode") == "delete"
        assert _pragma(store, "synchronous") == 2
    finally:
        store.close()


def test_foreign_keys_are_declared_with_their_cascades(fresh_store):
    def keys(table):
        return {
            (row[3], row[2], row[6])
            for row in fresh_store.db.execute(f"PRAGMA foreign_key_list({table})")
        }

    assert keys("goals") == {
        ("skill", "skills", "NO ACTION"),
        ("closed_cycle", "cycles", "NO ACTION"),
    }
    assert keys("goal_outcomes") == {("cycle_id", "cycles", "CASCADE")}
    assert keys("goal_actions") == {("goal_id", "goals", "CASCADE")}
    assert keys("progress_entries") == {("goal_id", "goals", "CASCADE")}
    assert keys("reflections") == {
        ("skill", "skills", "SET NULL"),
        ("goal_id", "goals", "SET NULL"),
    }
    assert keys("assessments") == {("skill", "skills", "CASCADE")}


def test_opening_twice_changes_nothing(db_path):
    first = PlanStore.open(db_path)
    plan = first.load_plan()
    first.close()
    before = db_path.read_bytes()
    second = PlanStore.open(db_path)
    try:
        assert second.load_plan() == plan
        assert _pragma(second, "user_version") == SCHEMA_VERSION
        applied = second.db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
        assert applied == SCHEMA_VERSION  # one migration per schema version
    finally:
        second.close()
    assert db_path.read_bytes() == before


def test_an_empty_file_is_migrated_like_a_new_one(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    store = PlanStore.open(path)
    try:
        assert _columns(store, "goals") == EXPECTED_COLUMNS["goals"]
        assert _pragma(store, "user_version") == SCHEMA_VERSION
    finally:
        store.close()


def test_backup_hook_runs_only_when_a_migration_meets_existing_data(tmp_path):
    calls = []
    new = PlanStore.open(tmp_path / "new.db", before_migrating=calls.append)
    new.close()
    assert calls == []  # nothing to lose in a brand-new file
    again = PlanStore.open(tmp_path / "new.db", before_migrating=calls.append)
    again.close()
    assert calls == []  # nothing pending

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    store = PlanStore.open(old, before_migrating=calls.append)
    store.close()
    assert len(calls) == 1


def test_a_database_from_a_newer_app_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    store = PlanStore.open(path)
    store.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()

    with pytest.raises(NewerSchemaError) as caught:
        PlanStore.open(path)

    assert "newer version" in str(caught.value)
    assert "has not been changed" in str(caught.value)
    assert path.read_bytes() == before
    assert isinstance(caught.value, StoreError)


def test_a_file_that_is_not_a_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"These are my shift notes, not a database.\n" * 200)
    before = path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as caught:
        PlanStore.open(path)

    message = str(caught.value)
    assert "damaged or is not a Leadership Planner database" in message
    assert "notes.db" in message
    assert "\n" not in message
    assert path.read_bytes() == before


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        PlanStore.open(tmp_path)


def _migration_names() -> list[str]:
    from sqlite_utils import Database

    from planner.store.connection import pending_migrations

    return pending_migrations(Database(memory=True))


@pytest.mark.parametrize("stop_before", _migration_names()[1:])
def test_every_earlier_schema_upgrades_and_keeps_the_plan(tmp_path, sample_plan, stop_before):
    from planner import planfile
    from planner.store.connection import connect, schema_version
    from planner.store.schema import SCHEMA_VERSION, migration_set

    path = tmp_path / "plan.db"
    older = connect(path)
    migration_set().apply(older, stop_before=stop_before)
    assert schema_version(older) < SCHEMA_VERSION
    before = planfile.dumps(write_with_todays_code(older, path, sample_plan), exported_at="fixed")
    older.close()

    store = PlanStore.open(path)
    try:
        assert schema_version(store.db) == SCHEMA_VERSION
        assert planfile.dumps(store.load_plan(), exported_at="fixed") == before
    finally:
        store.close()


def _older_file(tmp_path, plan, stop_before: str):
    """A file holding ``plan`` as the app left it before migration ``stop_before``."""
    from planner.store.connection import connect
    from planner.store.schema import migration_set

    path = tmp_path / "plan.db"
    older = connect(path)
    migration_set().apply(older, stop_before=stop_before)
    write_with_todays_code(older, path, plan)
    older.close()
    return path


def test_a_version_3_plan_gains_an_empty_deferred_reason(tmp_path, sample_plan):
    store = PlanStore.open(_older_file(tmp_path, sample_plan, "m004_goal_deferred_reason"))
    try:
        deferred = [g for g in store.all_goals() if g.status == "deferred"]
        assert deferred and all(g.deferred_reason == "" for g in deferred)
    finally:
        store.close()


def test_a_real_version_4_plan_opens_with_everything_kept_and_the_new_fields_empty(tmp_path):
    # plan-v4.db was written by the app at schema version 4 (see make_plan_v4.py), on
    # the Healthcare Leadership Model; plan-v4.json is that app's export of it.
    from planner import planfile
    from planner.store.connection import schema_version

    path = tmp_path / "plan.db"
    shutil.copyfile(DATA / "plan-v4.db", path)
    backups = []
    store = PlanStore.open(path, before_migrating=backups.append)
    try:
        assert backups  # a copy was asked for before the file changed
        assert schema_version(store.db) == SCHEMA_VERSION
        plan = store.load_plan()
        now = json.loads(planfile.dumps(plan, exported_at="fixed"))
    finally:
        store.close()

    assert [r.next_review for r in plan.reviews] == [None, None]
    # The plan's copy of the model now calls its parts by the model's own word.
    assert (plan.framework.part_singular, plan.framework.part_plural) == (
        "dimension",
        "dimensions",
    )
    assert plan.framework.parts(len(plan.framework.skills)) == "9 dimensions"
    # Apart from the new keys, the export is what version 4 exported.
    assert now["framework"].pop("part") == {"singular": "dimension", "plural": "dimensions"}
    for review in now["reviews"]:
        assert review.pop("next_review") is None
    assert (now.pop("version"), now.pop("targets"), now.pop("cycles")) == (2, {}, [])
    assert {goal.pop("closed_cycle") for goal in now["goals"]} == {None}
    _pop_revalidation_keys(now)
    now["version"] = 1
    assert now == json.loads((DATA / "plan-v4.json").read_text(encoding="utf-8"))


def test_a_real_version_4_plan_then_keeps_a_next_review_date(tmp_path):
    import datetime as dt

    path = tmp_path / "plan.db"
    shutil.copyfile(DATA / "plan-v4.db", path)
    store = PlanStore.open(path)
    review = store.reviews()[-1]
    review.next_review = dt.date(2026, 10, 5)
    store.save_review(review)
    store.close()
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute("SELECT date, next_review FROM reviews ORDER BY date").fetchall()
    finally:
        raw.close()
    assert rows == [("2026-05-20", None), ("2026-07-01", "2026-10-05")]


def test_a_core_framework_plan_keeps_the_word_skill_through_the_migration(tmp_path, sample_plan):
    store = PlanStore.open(_older_file(tmp_path, sample_plan, "m005_review_next_date"))
    try:
        framework = store.framework()
        assert (framework.part_singular, framework.part_plural) == ("skill", "skills")
        assert all(r.next_review is None for r in store.reviews())
    finally:
        store.close()


def test_a_real_version_6_plan_becomes_one_current_cycle_with_everything_kept(tmp_path):
    # plan-v6.db was written by the app at schema version 6 (see make_plan_v6.py): the
    # sample plan; plan-v6.json is that app's export of it (plan file version 1).
    from planner import planfile
    from planner.store.connection import schema_version

    path = tmp_path / "plan.db"
    shutil.copyfile(DATA / "plan-v6.db", path)
    backups = []
    store = PlanStore.open(path, before_migrating=backups.append)
    try:
        assert backups
        assert schema_version(store.db) == SCHEMA_VERSION
        plan = store.load_plan()
        now = json.loads(planfile.dumps(plan, exported_at="fixed"))
        summaries = store.goal_summaries()
    finally:
        store.close()

    # Every goal is in the current cycle, no cycle has closed, no targets are set.
    assert plan.cycles == [] and plan.targets == {}
    assert len(summaries) == len(plan.goals) == len(plan.current_goals) > 0
    then = json.loads((DATA / "plan-v6.json").read_text(encoding="utf-8"))
    assert (then["version"], now["version"]) == (1, 2)
    assert (now.pop("targets"), now.pop("cycles")) == ({}, [])
    for goal in now["goals"]:
        assert goal.pop("closed_cycle") is None
    _pop_revalidation_keys(now)
    now["version"] = then["version"]
    assert now == then


def test_the_version_6_plan_file_imports_exactly_into_the_new_schema(tmp_path):
    from planner import planfile

    then = (DATA / "plan-v6.json").read_text(encoding="utf-8")
    store = PlanStore.open(tmp_path / "new.db")
    try:
        store.replace_plan(planfile.loads(then))
        again = json.loads(planfile.dumps(store.load_plan(), exported_at="fixed"))
    finally:
        store.close()
    assert again.pop("targets") == {} and again.pop("cycles") == []
    assert {g.pop("closed_cycle") for g in again["goals"]} == {None}
    _pop_revalidation_keys(again)
    again["version"] = 1
    assert again == json.loads(then)


def _pop_revalidation_keys(document: dict) -> None:
    """Takes out, checking them empty, the keys a plan without revalidation records
    gains in version 2: an older plan migrates with none."""
    assert (document["profile"].pop("regulator"), document["profile"].pop("revalidation_date")) == (
        "",
        None,
    )
    for reflection in document["reflections"]:
        assert reflection.pop("themes") == []
    for key in ("learning", "feedback", "discussions"):
        assert document.pop(key) == []
