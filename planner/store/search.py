"""Find a phrase anywhere in the plan: goals, their actions and progress notes,
reflections and reviews. Read-only; the rows are light, for a results list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

# Kinds of result and what each opens.
GOAL, ACTION, PROGRESS, REFLECTION, REVIEW = "goal", "action", "progress", "reflection", "review"


@dataclass(frozen=True)
class SearchHit:
    """One place the phrase was found.

    ``kind`` is what matched (a goal, an action, a progress note...); ``opens`` and
    ``opens_id`` name the goal, reflection or review to show for it; ``field`` says
    where in it the phrase is (``title``, ``description``, ``notes``...), ``text``
    that field's text; ``skill`` is set for goals and what belongs to them.
    """

    kind: str
    id: int
    opens: str
    opens_id: int
    title: str
    date: dt.date | None
    field: str
    text: str
    skill: str | None = None
    private: bool = False


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    # More were found than ``hits`` holds.
    more: bool


def like_pattern(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) finding ``text`` literally anywhere."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _casefold(text: str | None) -> str | None:
    return text.casefold() if isinstance(text, str) else None


def register_casefold(db: Database) -> None:
    """Makes ``planner_casefold(text)`` available: LIKE ignores the case of ASCII
    letters only, so other text is compared as the rest of the app compares it."""
    db.conn.create_function("planner_casefold", 1, _casefold, deterministic=True)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class _Phrase:
    """The SQL test for one phrase, with its parameters by name."""

    def __init__(self, db: Database, phrase: str):
        # Non-ASCII letters become wildcards in a first, cheap LIKE test, so that
        # Python's casefold runs only on the text that has the rest of the phrase.
        parts = "".join(ch if ch.isascii() else " " for ch in phrase).split()
        loose = "%".join(like_pattern(part) for part in parts)
        self.params = {
            "pattern": like_pattern(phrase),
            "folded": phrase.casefold(),
            "loose": loose or "%",
        }
        self.ascii = phrase.isascii()
        if not self.ascii:
            register_casefold(db)
        # The sections' stored JSON holds the phrase whenever a section does, unless
        # the phrase has a character JSON escapes: then it can only narrow the search.
        self.in_json = phrase.isprintable() and not any(ch in phrase for ch in '"\\')

    def test(self, column: str) -> str:
        if self.ascii:
            return f"{column} LIKE :pattern ESCAPE '\\'"
        return (
            f"({column} LIKE :loose ESCAPE '\\' "
            f"AND instr(planner_casefold({column}), :folded) > 0)"
        )

    def sections(self, column: str) -> str:
        exact = f"EXISTS (SELECT 1 FROM json_each({column}) j WHERE {self.test('j.value')})"
        if self.in_json:
            wide = "pattern" if self.ascii else "loose"
            return f"({column} LIKE :{wide} ESCAPE '\\' AND {exact})"
        return exact

    def first_section(self, column: str) -> str:
        return f"(SELECT j.value FROM json_each({column}) j WHERE {self.test('j.value')} LIMIT 1)"


def _goals(db, p: _Phrase, limit: int) -> list[SearchHit]:
    fields = ("title", "description", "measure", "support")
    which = " ".join(f"WHEN {p.test('g.' + f)} THEN '{f}'" for f in fields)
    rows = db.execute(
        "SELECT id, skill, title, target_date, field, CASE field WHEN 'title' THEN title "
        "WHEN 'description' THEN description WHEN 'measure' THEN measure ELSE support END "
        "FROM (SELECT g.id, g.skill, g.title, g.description, g.measure, g.support, "
        f"g.target_date, CASE {which} END AS field FROM goals g WHERE g.closed_cycle IS NULL) "
        "WHERE field IS NOT NULL ORDER BY id LIMIT :limit",
        {**p.params, "limit": limit},
    )
    return [
        SearchHit(GOAL, gid, GOAL, gid, title, _day(target), field, text, skill)
        for gid, skill, title, target, field, text in rows
    ]


def _goal_parts(db, p: _Phrase, limit: int, kind: str) -> list[SearchHit]:
    # Actions and progress notes: both open the goal they belong to.
    if kind == ACTION:
        table, text, date, order = "goal_actions", "text", "due", "x.goal_id, x.position"
    else:
        # "+": read the table in its own order and sort the few found, rather than
        # walk the date index and fetch every row out of order (five times slower).
        table, text, date, order = "progress_entries", "note", "date", "+x.date DESC, x.id DESC"
    rows = db.execute(
        f"SELECT x.id, x.goal_id, g.skill, g.title, x.{date}, x.{text} FROM {table} x "
        f"JOIN goals g ON g.id = x.goal_id WHERE g.closed_cycle IS NULL "
        f"AND {p.test('x.' + text)} "
        f"ORDER BY {order} LIMIT :limit",
        {**p.params, "limit": limit},
    )
    return [
        SearchHit(kind, xid, GOAL, gid, title, _day(on), kind, body, skill)
        for xid, gid, skill, title, on, body in rows
    ]


def _reflections(db, p: _Phrase, limit: int) -> list[SearchHit]:
    rows = db.execute(
        "SELECT id, title, date, private, field, CASE field WHEN 'title' THEN title "
        f"ELSE {p.first_section('sections')} END FROM (SELECT r.id, r.title, r.date, "
        f"r.private, r.sections, CASE WHEN {p.test('r.title')} THEN 'title' "
        f"WHEN {p.sections('r.sections')} THEN 'section' END AS field FROM reflections r) "
        "WHERE field IS NOT NULL ORDER BY date DESC, id DESC LIMIT :limit",
        {**p.params, "limit": limit},
    )
    return [
        SearchHit(REFLECTION, rid, REFLECTION, rid, title, _day(on), field, text, None, bool(pv))
        for rid, title, on, pv, field, text in rows
    ]


def _reviews(db, p: _Phrase, limit: int) -> list[SearchHit]:
    rows = db.execute(
        "SELECT id, reviewer, date, field, CASE field WHEN 'notes' THEN notes "
        "ELSE agreed_actions END FROM (SELECT r.id, r.reviewer, r.date, r.notes, "
        f"r.agreed_actions, CASE WHEN {p.test('r.notes')} THEN 'notes' "
        f"WHEN {p.test('r.agreed_actions')} THEN 'agreed_actions' END AS field "
        "FROM reviews r) WHERE field IS NOT NULL ORDER BY date DESC, id DESC LIMIT :limit",
        {**p.params, "limit": limit},
    )
    return [
        SearchHit(REVIEW, rid, REVIEW, rid, reviewer, _day(on), field, text)
        for rid, reviewer, on, field, text in rows
    ]


def search_plan(db: Database, phrase: str, limit: int = 200) -> SearchResult:
    """The places in the plan holding ``phrase``, in any case, taken literally.

    Args:
        db: the plan's database (read only).
        phrase: the text looked for; ``%``, ``_`` and ``\\`` are ordinary characters.
        limit: at most this many hits are returned.

    Returns:
        Goals first, then actions, progress notes (newest first), reflections and
        reviews (newest first); ``more`` when some were left out.
    """
    phrase = phrase.strip()
    if not phrase:
        return SearchResult([], False)
    p = _Phrase(db, phrase)
    hits: list[SearchHit] = []
    for find in (
        _goals,
        lambda db, p, n: _goal_parts(db, p, n, ACTION),
        lambda db, p, n: _goal_parts(db, p, n, PROGRESS),
        _reflections,
        _reviews,
    ):
        # One more than still fits, so that "more" is known without counting.
        hits.extend(find(db, p, limit + 1 - len(hits)))
        if len(hits) > limit:
            return SearchResult(hits[:limit], True)
    return SearchResult(hits, False)


def excerpt(text: str, phrase: str, width: int = 90) -> str:
    """One line of ``text`` around the first place it holds ``phrase``."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    at = line.lower().find(phrase.strip().lower())
    start = max(0, min(at - width // 3, len(line) - width)) if at >= 0 else 0
    piece = line[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(line) else "")


def search_plan_file(path: Path, phrase: str, limit: int = 200) -> SearchResult:
    """``search_plan`` through a read-only connection of its own to the plan at
    ``path``, so that it can run on another thread than the one writing the plan."""
    from planner.store.connection import open_existing
    from planner.store.database import ReadOnlyDatabase

    conn = open_existing(path, "ro")
    try:
        return search_plan(ReadOnlyDatabase(conn), phrase, limit)
    finally:
        conn.close()
