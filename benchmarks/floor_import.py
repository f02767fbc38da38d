"""Import floor: parse a plan file and ``executemany`` its rows into the app's schema.

``python benchmarks/floor_import.py PLAN.json NEW.db``: the least any import can do
(no validation, no domain objects), with the schema made by the store's own
migrations and the same connection settings, in one transaction.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from planner.store.connection import connect, migrate


def _rows(plan: dict) -> dict[str, list[tuple]]:
    profile = plan["profile"]
    framework = plan["framework"]
    goals = plan["goals"]
    gid_of = {g["id"]: gid for gid, g in enumerate(goals, start=1)}
    sections = {"id", "date", "skill", "goal", "title", "model", "private"}
    return {
        "INSERT INTO profile (id, name, role, profession, organisation, manager, aspiration, "
        "period_start, period_end) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)": [
            tuple(
                profile.get(k)
                for k in (
                    "name",
                    "role",
                    "profession",
                    "organisation",
                    "manager",
                    "aspiration",
                    "period_start",
                    "period_end",
                )
            )
        ],
        "INSERT INTO framework (id, framework_id, name, description) VALUES (1, ?, ?, ?)": [
            (framework["id"], framework["name"], framework.get("description", ""))
        ],
        "INSERT INTO scale_levels (level, label, descriptor) VALUES (?, ?, ?)": [
            (i, s["label"], s.get("descriptor", ""))
            for i, s in enumerate(framework["scale"], start=1)
        ],
        "INSERT INTO skills (id, position, name, description, behaviours, example_goals) "
        "VALUES (?, ?, ?, ?, ?, ?)": [
            (
                s["id"],
                i,
                s["name"],
                s.get("description", ""),
                json.dumps(s.get("behaviours", [])),
                json.dumps(s.get("example_goals", [])),
            )
            for i, s in enumerate(framework["skills"])
        ],
        "INSERT INTO assessments (skill, date, level, importance, note) VALUES (?, ?, ?, ?, ?)": [
            (a["skill"], a["date"], a["level"], a["importance"], a["note"])
            for a in plan["assessments"]
        ],
        "INSERT INTO goals (id, uid, skill, title, description, measure, support, "
        "target_date, status, priority, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)": [
            (
                gid_of[g["id"]],
                g["id"],
                g["skill"],
                g["title"],
                g["description"],
                g["measure"],
                g["support"],
                g["target_date"],
                g["status"],
                g["priority"],
                g["created"],
                g["updated"],
            )
            for g in goals
        ],
        "INSERT INTO goal_actions (goal_id, position, text, due, done) VALUES (?, ?, ?, ?, ?)": [
            (gid_of[g["id"]], i, a["text"], a["due"], int(a["done"]))
            for g in goals
            for i, a in enumerate(g["actions"])
        ],
        "INSERT INTO progress_entries (goal_id, date, percent, note) VALUES (?, ?, ?, ?)": [
            (gid_of[g["id"]], p["date"], p["percent"], p["note"])
            for g in goals
            for p in g["progress"]
        ],
        "INSERT INTO reflections (date, skill, goal_id, title, model, sections, private) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)": [
            (
                r["date"],
                r["skill"],
                gid_of.get(r["goal"]),
                r["title"],
                r["model"],
                json.dumps({k: v for k, v in r.items() if k not in sections}, ensure_ascii=False),
                int(r["private"]),
            )
            for r in plan["reflections"]
        ],
        "INSERT INTO reviews (date, reviewer, notes, agreed_actions) VALUES (?, ?, ?, ?)": [
            (r["date"], r["reviewer"], r["notes"], r["agreed_actions"]) for r in plan["reviews"]
        ],
    }


def main(argv: list[str]) -> int:
    plan_path, db_path = Path(argv[0]), Path(argv[1])
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    db = connect(db_path)
    migrate(db)
    with db.conn:
        for sql, rows in _rows(plan).items():
            db.conn.executemany(sql, rows)
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
