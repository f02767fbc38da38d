"""PDF floor: the plainest reportlab rendering of a plan's text.

``python benchmarks/floor_pdf.py PLAN.db OUT.pdf`` reads the same text the app's
export prints (private reflections left out, as by default) straight from SQLite and
sets it as one Paragraph per piece of text in a SimpleDocTemplate with reportlab's
default fonts and styles.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from xml.sax.saxutils import escape

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

_TEXT_QUERIES = (
    "SELECT name, role, profession, organisation, manager, aspiration FROM profile",
    "SELECT name, description FROM skills ORDER BY position",
    "SELECT note FROM assessments ORDER BY date, id",
    "SELECT title, description, measure, support FROM goals ORDER BY skill, id",
    "SELECT text FROM goal_actions ORDER BY goal_id, position",
    "SELECT note FROM progress_entries ORDER BY goal_id, date, id",
    "SELECT title, sections FROM reflections WHERE NOT private ORDER BY date, id",
    "SELECT reviewer, notes, agreed_actions FROM reviews ORDER BY date, id",
)


def plan_text(db_path: str) -> list[str]:
    """Every piece of the plan's text, in roughly the order the export prints it."""
    conn = sqlite3.connect(db_path)
    texts: list[str] = []
    try:
        for sql in _TEXT_QUERIES:
            for row in conn.execute(sql):
                for value in row:
                    if value and value.startswith("{"):
                        texts.extend(v for v in json.loads(value).values() if v)
                    elif value:
                        texts.append(value)
    finally:
        conn.close()
    return texts


def main(argv: list[str]) -> int:
    db_path, out = argv
    style = getSampleStyleSheet()["Normal"]
    story = [Paragraph(escape(text).replace("\n", "<br/>"), style) for text in plan_text(db_path)]
    SimpleDocTemplate(out).build(story)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
