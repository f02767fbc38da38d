"""Killing an import or a restore at random moments never damages the plan or leaves
half of one.

A subprocess runs ``leadership-planner import-json --replace`` on a large plan
(1,500 goals, 30,000 progress entries) over a small one and is killed (SIGKILL on
POSIX) at a random moment; half of the kills are aimed at the write transaction
itself. After every kill ``check`` must pass, the whole plan (as ``export-json``
writes it) must equal the old plan or the new one, a kill that left a hot journal
(an unfinished write) must come back as the old plan, every backup must be a good
copy of the old plan, and after the next start nothing temporary is left. ``restore``
gets the same treatment, over a healthy plan and over a damaged one, and so does an
everyday action (logging progress).

SIGKILL stops the process, not the machine: the operating system still writes out
what the process handed it. These tests therefore prove SQLite's rollback and the
app's order of steps, not survival of a power cut (which rests on ``synchronous =
FULL`` and on the disk honouring flushes).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from planner import planfile
from planner.domain.models import Goal, GoalAction, Plan, Profile, ProgressEntry
from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework
from planner.leftovers import clean_up
from planner.store import PlanStore
from planner.store.backup import list_backups
from planner.store.health import check_database
from tests.conftest import plan_json

GOALS = 1_500
ENTRIES_PER_GOAL = 20
TRIALS = 120
TIME_BUDGET_SECONDS = 60  # stops early (after at least MIN_TRIALS) on a slow machine
MIN_TRIALS = 30

pytestmark = pytest.mark.slow


def _large_plan() -> Plan:
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    start = dt.date(2025, 1, 6)
    goals = []
    for i in range(GOALS):
        goal = Goal(
            skill=framework.skills[i % len(framework.skills)].id,
            title=f"Goal {i}: lead the morning board round",
            description="Ask the team for their view before deciding. " * 3,
            uid=f"large-{i:04d}",
            created="2025-01-01T09:00:00Z",
            updated="2025-06-01T09:00:00Z",
        )
        goal.actions = [GoalAction(f"Step {j} of goal {i}", due=start) for j in range(2)]
        goal.progress = [
            ProgressEntry(start + dt.timedelta(days=7 * j), 5 * j, f"Week {j}: better handover.")
            for j in range(ENTRIES_PER_GOAL)
        ]
        goals.append(goal)
    return Plan(Profile("Morgan Large", role="Charge Nurse"), framework, [], goals, [], [])


@pytest.fixture(scope="module")
def setup(tmp_path_factory, sample_plan_module):
    folder = tmp_path_factory.mktemp("crash")
    big = folder / "large-plan.json"
    planfile.write(_large_plan(), big)
    pristine = folder / "pristine.db"
    store = PlanStore.open(pristine)
    store.replace_plan(sample_plan_module)
    store.close()
    return big, pristine, _counts(pristine)


@pytest.fixture(scope="module")
def large_backup(setup):
    big, pristine, _ = setup
    path = pristine.with_name("large-backup.db")
    store = PlanStore.open(path)
    store.replace_plan(planfile.read(big))
    store.close()
    return path


@pytest.fixture(scope="module")
def sample_plan_module():
    from planner.demo import demo_plan

    return demo_plan(dt.date(2026, 6, 15))


def _counts(db: Path) -> tuple[str, int, int]:
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        name = conn.execute("SELECT name FROM profile").fetchone()[0]
        goals = conn.execute("SELECT COUNT(*) FROM goals").fetchone()[0]
        entries = conn.execute("SELECT COUNT(*) FROM progress_entries").fetchone()[0]
    finally:
        conn.close()
    return name, goals, entries




# The first bytes of a rollback journal that still has to be played back.
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _hot(journal: Path) -> bool:
    """True when a dead writer left a journal SQLite must roll back: the kill came in
    the middle of a write transaction."""
    try:
        with open(journal, "rb") as f:
            return f.read(8) == _JOURNAL_MAGIC
    except OSError:
        return False


def _assert_nothing_left_over(folder: Path, old_dump: str, trial: int) -> None:
    """After the next start: only the plan, its lock, kept damaged files and complete
    backups of the old plan remain."""
    clean_up()
    for path in folder.iterdir():
        name = path.name
        assert name in ("plan.db", "plan.db.lock", "backups") or name.startswith(
            "plan.db.damaged-"
        ), f"trial {trial}: left over {name}"
    complete = {b.path for b in list_backups(folder / "plan.db")}
    for path in (folder / "backups").glob("*") if (folder / "backups").exists() else ():
        assert path in complete, f"trial {trial}: left over backups/{path.name}"
        assert check_database(path).ok, f"trial {trial}: a damaged backup {path.name}"
        assert plan_json(path) == old_dump, f"trial {trial}: a backup that is not the old plan"


def _start(*argv: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "planner", *map(str, argv)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _start_import(big: Path, db: Path) -> subprocess.Popen:
    return _start("import-json", big, "--replace", "--db", db)


def _full_run(big: Path, pristine: Path, folder: Path) -> tuple[float, float, str]:
    """Times an uninterrupted import: (whole run, the write transaction's share, the
    imported plan as ``export-json`` writes it)."""
    folder.mkdir()
    db = folder / "plan.db"
    shutil.copy(pristine, db)
    journal = Path(f"{db}-journal")
    started = time.monotonic()
    child = _start_import(big, db)
    writing_from = None
    while child.poll() is None:
        if writing_from is None and journal.exists():
            writing_from = time.monotonic()
        time.sleep(0.001)
    ended = time.monotonic()
    assert child.returncode == 0
    assert _counts(db)[1:] == (GOALS, GOALS * ENTRIES_PER_GOAL)
    return ended - started, ended - (writing_from or started), plan_json(db)


def test_an_import_killed_at_any_moment_leaves_the_old_plan_or_the_new_one_whole(setup, tmp_path):
    big, pristine, _ = setup
    old = plan_json(pristine)
    whole_run, write_window, new = _full_run(big, pristine, tmp_path / "timing")
    rng = random.Random(20260615)
    outcomes: Counter[str] = Counter()
    mid_write = 0
    began = time.monotonic()
    trials = 0
    for trial in range(TRIALS):
        if trials >= MIN_TRIALS and time.monotonic() - began > TIME_BUDGET_SECONDS:
            break
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        db = folder / "plan.db"
        shutil.copy(pristine, db)
        journal = Path(f"{db}-journal")
        child = _start_import(big, db)
        if trial % 2 == 0:
            # Anywhere in the run: start-up, parsing, backing up, writing, after.
            time.sleep(rng.uniform(0, whole_run * 1.1))
        else:
            # Aimed at the write transaction: wait for its journal, then a bit more.
            deadline = time.monotonic() + whole_run * 3
            while not journal.exists() and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, write_window))
        child.kill()
        child.wait()
        trials += 1
        hot = _hot(journal)
        mid_write += hot

        report = check_database(db)
        assert report.ok, f"trial {trial}: {report.problems}"
        found = plan_json(db)
        assert found in (old, new), f"trial {trial}: a mix of plans"
        if hot:
            assert found == old, f"trial {trial}: an unfinished write was not rolled back"
        outcomes["all new" if found == new else "all old"] += 1
        _assert_nothing_left_over(folder, old, trial)

    summary = (
        f"crash test: {trials} kills ({mid_write} left a hot journal): "
        f"{outcomes['all new']} left the whole new plan, {outcomes['all old']} the whole "
        f"old plan, 0 a mix; full import {whole_run:.2f} s, writing {write_window:.2f} s"
    )
    print(summary)
    assert trials >= MIN_TRIALS
    assert outcomes["all new"] and outcomes["all old"], summary
    assert mid_write >= MIN_TRIALS // 4, summary


RESTORE_TRIALS = 80
RESTORE_BUDGET_SECONDS = 30


def test_a_restore_killed_at_any_moment_leaves_the_old_plan_or_the_backup_whole(
    setup, large_backup, tmp_path
):
    _, pristine, _ = setup
    old, new = plan_json(pristine), plan_json(large_backup)
    damaged_bytes = bytearray(pristine.read_bytes())
    damaged_bytes[4096 : 4096 * 4] = b"\xa5" * (4096 * 3)
    timing = tmp_path / "timing"
    timing.mkdir()
    shutil.copy(pristine, timing / "plan.db")
    started = time.monotonic()
    assert _start("restore", large_backup, "--db", timing / "plan.db").wait() == 0
    whole_run = time.monotonic() - started

    rng = random.Random(15062026)
    outcomes: Counter[str] = Counter()
    mid_copy = 0
    began = time.monotonic()
    trials = 0
    for trial in range(RESTORE_TRIALS):
        if trials >= MIN_TRIALS and time.monotonic() - began > RESTORE_BUDGET_SECONDS:
            break
        folder = tmp_path / f"restore-{trial}"
        folder.mkdir()
        db = folder / "plan.db"
        damaged = trial % 2 == 1
        if damaged:
            db.write_bytes(damaged_bytes)
        else:
            shutil.copy(pristine, db)
        child = _start("restore", large_backup, "--db", db)
        # Signs that the backup is being written in: a staged copy, or a journal.
        def copying(folder=folder) -> bool:
            return any(folder.glob(".plan.db.*")) or (folder / "plan.db-journal").exists()

        if trial % 4 < 2:
            time.sleep(rng.uniform(0, whole_run * 1.1))
        else:
            deadline = time.monotonic() + whole_run * 3
            while not copying() and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.0002)
            time.sleep(rng.uniform(0, 0.03))
        child.kill()
        child.wait()
        trials += 1
        mid_copy += copying()

        assert db.exists(), f"trial {trial}: the plan's name was left without a file"
        if damaged and db.read_bytes() == damaged_bytes:
            outcomes["damaged plan untouched"] += 1
            _assert_nothing_left_over(folder, old, trial)
            continue
        report = check_database(db)
        assert report.ok, f"trial {trial}: {report.problems}"
        found = plan_json(db)
        assert found in (old, new), f"trial {trial}: a mix of plans"
        if damaged:
            (aside,) = (p for p in folder.glob("plan.db.damaged-*") if "journal" not in p.name)
            assert aside.read_bytes() == damaged_bytes
        outcomes["backup restored" if found == new else "old plan kept"] += 1
        _assert_nothing_left_over(folder, old, trial)

    print(
        f"restore crash test: {trials} kills ({mid_copy} while copying): "
        + ", ".join(f"{n} {what}" for what, n in sorted(outcomes.items()))
        + f", 0 a mix; full restore {whole_run:.2f} s"
    )
    assert trials >= MIN_TRIALS
    assert outcomes["backup restored"] and (
        outcomes["old plan kept"] + outcomes["damaged plan untouched"]
    )


ACTION_TRIALS = 20
_LOG_PROGRESS_FOREVER = """
import datetime as dt, sys
from planner.domain.models import Goal, ProgressEntry
from planner.store import PlanStore
store = PlanStore.open(sys.argv[1])
skill = store.framework().skills[0].id
print("ready", flush=True)
while True:
    goal = store.add_goal(Goal(skill=skill, title="Run the safety huddle"))
    store.add_progress(goal.id, ProgressEntry(dt.date(2026, 6, 15), 25, "First huddle"))
"""


def test_a_user_action_killed_at_any_moment_is_saved_whole_or_not_at_all(setup, tmp_path):
    """Logging progress also moves a goal to "in progress": both or neither survive."""
    _, pristine, _ = setup
    rng = random.Random(2026)
    goals_saved = 0
    for trial in range(ACTION_TRIALS):
        db = tmp_path / f"action-{trial}.db"
        shutil.copy(pristine, db)
        child = subprocess.Popen(
            [sys.executable, "-c", _LOG_PROGRESS_FOREVER, str(db)], stdout=subprocess.PIPE
        )
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.3))
        child.kill()
        child.wait()
        child.stdout.close()

        assert check_database(db).ok
        conn = sqlite3.connect(db)
        try:
            torn = conn.execute(
                "SELECT COUNT(*) FROM goals g WHERE g.status = 'not_started' AND EXISTS "
                "(SELECT 1 FROM progress_entries p WHERE p.goal_id = g.id AND p.percent > 0)"
            ).fetchone()[0]
            goals_saved += conn.execute(
                "SELECT COUNT(*) FROM goals WHERE title = 'Run the safety huddle'"
            ).fetchone()[0]
        finally:
            conn.close()
        assert torn == 0, f"trial {trial}: progress saved without its status change"
    print(f"user-action crash test: {ACTION_TRIALS} kills, {goals_saved} goals saved, 0 torn")
    assert goals_saved > 0
