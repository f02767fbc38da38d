"""Makes plan-v4.db and plan-v4.json here with the code of schema version 4.

Run with that code first on the path (e.g. ``git archive 9f7bab8 | tar -x -C /tmp/v4``,
then ``PYTHONPATH=/tmp/v4 python make_plan_v4.py tests/store/data``); the files are
kept, never remade, so migration tests open a plan exactly as that version left it.
"""
import datetime as dt
import sys
from pathlib import Path

from planner import planfile
from planner.domain.models import (
    Goal,
    GoalAction,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
)
from planner.frameworks import load_framework
from planner.store import PlanStore
from planner.store.schema import SCHEMA_VERSION

assert SCHEMA_VERSION == 4
out = Path(sys.argv[1])
fw = load_framework("healthcare-leadership-model")
first, second = fw.skills[0].id, fw.skills[5].id
plan = Plan(
    Profile("Oluwaseun Adeyemi-Johnson", role="Charge Nurse", manager="Dr Catherine Fitzgerald",
            period_start=dt.date(2026, 4, 1), period_end=dt.date(2027, 3, 31)),
    fw,
    assessments=[SelfAssessment(first, dt.date(2026, 4, 2), 2, 4, "Start."),
                 SelfAssessment(second, dt.date(2026, 4, 2), 3, None, "")],
    goals=[Goal(first, "Chair the weekly safety huddle", measure="Chaired 8 huddles",
                target_date=dt.date(2026, 9, 30), status="in_progress", priority="high",
                created="2026-04-02T09:00:00Z", updated="2026-06-01T10:00:00Z", uid="huddle",
                actions=[GoalAction("Agree a format", dt.date(2026, 5, 1), True)],
                progress=[ProgressEntry(dt.date(2026, 6, 1), 40, "Four done.")]),
           Goal(second, "Coach a new starter", status="deferred", deferred_reason="Ward move",
                created="2026-04-02T09:00:00Z", updated="2026-05-01T10:00:00Z", uid="coach")],
    reflections=[Reflection(dt.date(2026, 5, 10), "A hard handover",
                            sections={"what": "It ran late."}, skill=first, goal="huddle")],
    reviews=[Review(dt.date(2026, 5, 20), "Dr Catherine Fitzgerald", "Going well.",
                    "Share the format"),
             Review(dt.date(2026, 7, 1), "Dr Catherine Fitzgerald", "Mid-year.", "")],
)
store = PlanStore.open(out / "plan-v4.db")
store.replace_plan(plan)
exported = planfile.dumps(store.load_plan(), exported_at="fixed")
(out / "plan-v4.json").write_text(exported, encoding="utf-8")
store.close()
