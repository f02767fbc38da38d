"""Helpers for store tests that need a plan file as an older version left it."""

from __future__ import annotations

import dataclasses

# Columns later migrations add, with how to write them and what an older plan held.
LENT_COLUMNS = (
    ("goals", "deferred_reason", "TEXT NOT NULL DEFAULT ''"),
    ("reviews", "next_review", "TEXT"),
    ("framework", "part_singular", "TEXT NOT NULL DEFAULT 'skill'"),
    ("framework", "part_plural", "TEXT NOT NULL DEFAULT 'skills'"),
    # Lent without its REFERENCES: SQLite cannot drop a column a foreign key uses.
    ("goals", "closed_cycle", "INTEGER"),
    ("goals", "inclusion_objective", "INTEGER NOT NULL DEFAULT 0"),
    ("goals", "wellbeing_goal", "INTEGER NOT NULL DEFAULT 0"),
    ("profile", "regulator", "TEXT NOT NULL DEFAULT ''"),
    ("profile", "revalidation_date", "TEXT"),
    ("reflections", "themes", "TEXT NOT NULL DEFAULT '[]'"),
)
# Tables later migrations add, lent the same way (a plan written here has no cycles).
LENT_TABLES = (
    ("cycles", "id INTEGER PRIMARY KEY, uid TEXT, start TEXT, end TEXT, closed_on TEXT"),
    ("cycle_targets", "cycle INTEGER, skill TEXT, level INTEGER"),
    (
        "goal_outcomes",
        "cycle_id INTEGER, position INTEGER, goal_uid TEXT, title TEXT, skill TEXT, "
        "outcome TEXT, note TEXT, carried_forward INTEGER",
    ),
    ("review_links", "review_id INTEGER, line TEXT, goal_uid TEXT, action_id INTEGER"),
    (
        "learning_activities",
        "id INTEGER PRIMARY KEY, uid TEXT, start TEXT, end TEXT, method TEXT, topic TEXT, "
        "relevance TEXT, hours REAL, participatory_hours REAL, code_themes TEXT, skills TEXT, "
        "goals TEXT, evidence TEXT",
    ),
    (
        "feedback",
        "id INTEGER PRIMARY KEY, uid TEXT, date TEXT, source TEXT, source_role TEXT, "
        "summary TEXT, response TEXT, skills TEXT, goals TEXT, ratings TEXT",
    ),
    (
        "reflective_discussions",
        "id INTEGER PRIMARY KEY, date TEXT, partner_name TEXT, partner_pin TEXT, note TEXT",
    ),
)


def _as_older_versions_kept_it(plan, missing: set[str]) -> None:
    # What an older version could not keep is not in ``plan`` either.
    if "deferred_reason" in missing:
        for goal in plan.goals:
            goal.deferred_reason = ""
    if "next_review" in missing:
        for review in plan.reviews:
            review.next_review = None
    if "inclusion_objective" in missing:
        for goal in plan.goals:
            goal.inclusion_objective = goal.wellbeing_goal = False
    if "review_links" in missing:
        for review in plan.reviews:
            review.links = ()
    if "part_singular" in missing:
        plan.framework = dataclasses.replace(
            plan.framework, part_singular="skill", part_plural="skills"
        )


def write_with_todays_code(conn, path, plan):
    """Writes ``plan`` into ``conn``, a database at an older schema, with today's
    store code: columns later migrations add are lent for the write and then taken
    away again, so the file is as that older version would have left it.

    Returns:
        The plan as read back before the lent columns were taken away.
    """
    from planner.store import PlanStore

    lent = [
        (table, column, kind)
        for table, column, kind in LENT_COLUMNS
        if column not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    ]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    lent_tables = [(name, columns) for name, columns in LENT_TABLES if name not in tables]
    _as_older_versions_kept_it(
        plan, {column for _, column, _ in lent} | {name for name, _ in lent_tables}
    )
    for table, column, kind in lent:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    for table, columns in lent_tables:
        conn.execute(f"CREATE TABLE {table} ({columns})")
    PlanStore(conn, path).replace_plan(plan)
    written = PlanStore(conn, path).load_plan()
    for table, column, _ in lent:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for table, _ in lent_tables:
        conn.execute(f"DROP TABLE {table}")
    if lent or lent_tables:
        conn.conn.commit()
    return written
