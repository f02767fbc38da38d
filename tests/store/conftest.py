"""Helpers for store tests that need a plan file as an older version left it."""

from __future__ import annotations


def write_with_todays_code(conn, path, plan):
    """Writes ``plan`` into ``conn``, a database at an older schema, with today's
    store code: columns later migrations add are lent for the write and then taken
    away again, so the file is as that older version would have left it.

    Returns:
        The plan as read back before the lent columns were taken away.
    """
    from planner.store import PlanStore

    columns = {r[1] for r in conn.execute("PRAGMA table_info(goals)")}
    lent = "deferred_reason" not in columns
    if lent:
        for goal in plan.goals:
            goal.deferred_reason = ""  # that version kept no reasons
        conn.execute("ALTER TABLE goals ADD COLUMN deferred_reason TEXT NOT NULL DEFAULT ''")
    PlanStore(conn, path).replace_plan(plan)
    written = PlanStore(conn, path).load_plan()
    if lent:
        conn.execute("ALTER TABLE goals DROP COLUMN deferred_reason")
        conn.conn.commit()
    return written
