"""``export-calendar``: the .ics file read back with icalendar, and how the verb fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.demo import demo_plan
from planner.domain.deadlines import is_open
from planner.domain.models import GoalAction
from planner.store import PlanStore
from tests.cli.test_cli import _assert_one_line_error
from tests.conftest import FIXED_TODAY

SECRET = "Zebedee-private-7731"
HOSTILE = 'Bed 4, bay 2; "huddle"\\ at 8\nthen ward round 🩺 — Łukasz'


def _save(path: Path, plan) -> Path:
    store = PlanStore.open(path)
    try:
        store.replace_plan(plan)
    finally:
        store.close()
    return path


@pytest.fixture
def secret_db(tmp_path):
    """The demo plan with a marker in every piece of text that is not a goal title:
    reflections (shared and private), reviews, goal details, actions and progress."""
    plan = demo_plan(FIXED_TODAY)
    for reflection in plan.reflections:
        reflection.title = f"{reflection.title} {SECRET}"
        reflection.sections = {key: f"{text} {SECRET}" for key, text in reflection.sections.items()}
    for review in plan.reviews:
        review.reviewer = f"Dr {SECRET}"
        review.notes = review.agreed_actions = SECRET
    for goal in plan.goals:
        goal.description = goal.measure = goal.support = SECRET
        for action in goal.actions:
            action.text = f"{action.text} {SECRET}"
        for entry in goal.progress:
            entry.note = SECRET
    plan.profile.name = f"Siân {SECRET}"
    return _save(tmp_path / "plan.db", plan)


def _events(path: Path) -> list:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_the_calendar_holds_open_target_dates_actions_due_and_the_next_review(
    cli, db_path, tmp_path
):
    out = tmp_path / "plan.ics"
    result = cli("export-calendar", "--db", db_path, "--out", out)
    assert result.code == 0, result.err
    plan = demo_plan(FIXED_TODAY)
    targets = sorted(
        (g.target_date, g.title) for g in plan.goals if is_open(g.status) and g.target_date
    )
    actions = sorted(
        (a.due, f"{g.title} (action due)")
        for g in plan.goals
        if is_open(g.status)
        for a in g.actions
        if a.due and not a.done
    )
    review = max(plan.reviews, key=lambda r: r.date).next_review
    assert review is not None and targets and actions
    expected = sorted([*targets, *actions, (review, "Leadership plan review")])
    events = _events(out)
    found = sorted((event.decoded("dtstart"), str(event["summary"])) for event in events)
    assert found == expected
    for event in events:
        # All-day entries: a date, not a time, ending the next day.
        assert event["dtstart"].params["VALUE"] == "DATE"
        start = event.decoded("dtstart")
        assert type(start) is dt.date
        assert event.decoded("dtend") == start + dt.timedelta(days=1)
        assert event.decoded("dtstamp").tzinfo is not None
        assert "description" not in event
    assert result.out.strip() == (
        f"Exported {len(targets)} goal target dates, {len(actions)} action due dates and "
        f"the next review to {out}"
    )
    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["prodid"]).startswith("-//Leadership Planner//")
    assert str(calendar["version"]) == "2.0"


def test_entries_keep_their_uids_from_one_export_to_the_next(cli, db_path, tmp_path):
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    assert cli("export-calendar", "--db", db_path, "--out", first).code == 0
    store = PlanStore.open(db_path)
    goal = next(g for g in store.load_plan().goals if g.target_date and is_open(g.status))
    moved = goal.target_date + dt.timedelta(days=7)
    goal.target_date = moved
    store.update_goal(goal)
    store.close()
    assert cli("export-calendar", "--db", db_path, "--out", second).code == 0

    def by_uid(path):
        return {str(e["uid"]): (e.decoded("dtstart"), str(e["summary"])) for e in _events(path)}

    before, after = by_uid(first), by_uid(second)
    assert len(before) == len(_events(first))  # every UID is unique
    assert before.keys() == after.keys()
    changed = {uid for uid in before if before[uid] != after[uid]}
    assert len(changed) == 1
    (uid,) = changed
    assert after[uid] == (moved, goal.title)
    assert uid == f"goal-{goal.uid}@leadership-planner.invalid"


def test_no_text_but_goal_titles_reaches_the_calendar(cli, secret_db, tmp_path):
    out = tmp_path / "plan.ics"
    assert cli("export-calendar", "--db", secret_db, "--out", out).code == 0
    raw = out.read_bytes()
    # Long lines are folded; unfold before looking for the marker.
    assert SECRET.encode() not in raw.replace(b"\r\n ", b"")
    titles = {g.title for g in demo_plan(FIXED_TODAY).goals}
    for event in _events(out):
        summary = str(event["summary"]).removesuffix(" (action due)")
        assert summary in titles or summary == "Leadership plan review"


def test_hostile_titles_survive_the_file_exactly(cli, tmp_path):
    plan = demo_plan(FIXED_TODAY)
    goal = next(g for g in plan.goals if is_open(g.status))
    goal.title = HOSTILE
    goal.target_date = dt.date(2026, 7, 4)
    goal.actions = [GoalAction("Ask", due=dt.date(2026, 7, 1))]
    db = _save(tmp_path / "plan.db", plan)
    out = tmp_path / "plan.ics"
    assert cli("export-calendar", "--db", db, "--out", out).code == 0
    summaries = {str(e["summary"]): e.decoded("dtstart") for e in _events(out)}
    assert summaries[HOSTILE] == dt.date(2026, 7, 4)
    assert summaries[f"{HOSTILE} (action due)"] == dt.date(2026, 7, 1)
    # The newline is escaped text, never a new line of the file.
    unfolded = out.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "\\nthen ward round" in unfolded
    assert not any(line.startswith("then") for line in unfolded.split("\r\n"))


def test_a_plan_with_no_dates_writes_an_empty_calendar_and_says_so(cli, tmp_path):
    plan = demo_plan(FIXED_TODAY)
    for goal in plan.goals:
        goal.target_date = None
        goal.actions = []
    for review in plan.reviews:
        review.next_review = None
    db = _save(tmp_path / "plan.db", plan)
    out = tmp_path / "plan.ics"
    result = cli("export-calendar", "--db", db, "--out", out)
    assert result.code == 0
    assert "0 goal target dates, 0 action due dates and no next review" in result.out
    assert _events(out) == []


@pytest.mark.parametrize(
    ("target", "fragment"),
    [
        (lambda t, db: db, "is a database"),
        (lambda t, db: t, "folder"),
        (lambda t, db: t / "missing" / "plan.ics", "missing"),
    ],
    ids=["the plan itself", "a folder", "a missing folder"],
)
def test_a_bad_out_is_one_line_and_leaves_the_plan_alone(cli, db_path, tmp_path, target, fragment):
    before = db_path.read_bytes()
    result = cli("export-calendar", "--db", db_path, "--out", target(tmp_path, db_path))
    _assert_one_line_error(result, fragment)
    assert db_path.read_bytes() == before


def test_a_backup_beside_the_plan_is_never_overwritten(cli, db_path, tmp_path):
    backup = tmp_path / "plan-copy.ics"
    backup.write_bytes(db_path.read_bytes())  # a database under an .ics name
    result = cli("export-calendar", "--db", db_path, "--out", backup)
    _assert_one_line_error(result, "is a database")
    assert backup.read_bytes() == db_path.read_bytes()


def test_no_plan_is_one_line(cli, tmp_path):
    result = cli("export-calendar", "--db", tmp_path / "none.db", "--out", tmp_path / "p.ics")
    _assert_one_line_error(result, "there is no plan at")
    assert not (tmp_path / "p.ics").exists()


def test_out_is_required(cli, db_path):
    with pytest.raises(SystemExit) as stopped:
        cli("export-calendar", "--db", db_path)
    assert stopped.value.code == 2
