"""Makes plan-v6.db and plan-v6.json here with the code of schema version 6.

Run with that code first on the path (e.g. ``git archive 8a0fabd | tar -x -C /tmp/v6``,
then ``PYTHONPATH=/tmp/v6 python make_plan_v6.py tests/store/data``); the files are
kept, never remade, so migration tests open a plan exactly as that version left it.
The plan is the app's own sample plan (the core framework) with a next review date.
"""
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from planner import planfile
from planner.demo import demo_plan
from planner.store import PlanStore
from planner.store.schema import SCHEMA_VERSION

assert SCHEMA_VERSION == 6
out = Path(sys.argv[1])
plan = demo_plan(today=dt.date(2026, 11, 20))
plan.reviews[-1] = dataclasses.replace(plan.reviews[-1], next_review=dt.date(2027, 2, 1))
store = PlanStore.open(out / "plan-v6.db")
store.replace_plan(plan)
exported = planfile.dumps(store.load_plan(), exported_at="fixed")
(out / "plan-v6.json").write_text(exported, encoding="utf-8")
store.close()
