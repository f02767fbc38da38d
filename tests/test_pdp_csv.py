"""The development plan as CSV: opened with Python's csv module as a spreadsheet would,
with the appraisal form's columns, names as written and formula-like cells kept as text."""

from __future__ import annotations

import csv
import io

import pytest

from planner.domain.pdp import PDP_COLUMNS, current_pdp, last_pdp
from planner.files import UnsafeTargetError
from planner.pdp_csv import COLUMNS, neutralised, pdp_csv, write_pdp_csv
from tests.report.revalidation_plans import revalidation_plan


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel looks for
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_csv_has_the_appraisal_columns_and_a_row_per_goal_of_this_cycle():
    plan = revalidation_plan("gmc")
    data, count = pdp_csv(plan)
    head, *rows = _rows(data)
    assert head == [*PDP_COLUMNS, "Status or outcome", "Note"]
    current = plan.current_goals
    assert count == len(rows) == len(current)
    first = current[0]
    need, action, date, shown, status, _note = rows[0]
    assert need == f"{first.title}\n\n{first.description}"
    assert action.splitlines()[0].startswith(first.actions[0].text)
    assert date == f"{first.target_date.day} {first.target_date:%b %Y}"
    assert shown == first.measure and status == "Achieved"
    assert "Chair the ward meeting" not in data.decode("utf-8-sig")


def test_the_last_cycle_csv_holds_each_goal_with_its_outcome_and_note():
    plan = revalidation_plan("gmc")
    _head, *rows = _rows(pdp_csv(plan, last_cycle=True)[0])
    assert [(r[0].splitlines()[0], r[4], r[5]) for r in rows] == [
        ("Chair the ward meeting", "Partly met", "Two of three chaired."),
        (plan.goals[1].title, "Not met, carried forward", "Carried on."),
    ]
    assert rows[0][1] == "Book the room [done]"


def test_welsh_and_polish_names_and_quotes_and_commas_survive():
    plan = revalidation_plan("gmc")
    goal = plan.current_goals[0]
    goal.title = 'Arwain tîm y ward, "Łódź" and Gwenllïan\'s rota'
    goal.measure = "Line one\nline two, with a comma"
    _head, first, *_ = _rows(pdp_csv(plan)[0])
    assert first[0].startswith(goal.title) and first[3] == goal.measure


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x","a")', "+1+1", "-2+3", "@SUM(A1)", "\uff1d1"],
)
def test_a_cell_that_would_start_a_formula_is_kept_as_text(text):
    plan = revalidation_plan("gmc")
    plan.current_goals[0].measure = text
    _head, first, *_ = _rows(pdp_csv(plan)[0])
    assert first[3] == "'" + text


def test_only_cells_that_would_start_a_formula_change():
    assert neutralised("  =1+1") == "'  =1+1"
    assert neutralised("\t=1") == "'\t=1"
    for text in ("Plain words = fine", "Band 6 - ward", "", "'quoted"):
        assert neutralised(text) == text


def test_writing_is_whole_and_never_over_a_database(tmp_path, db_path):
    plan = revalidation_plan("gmc")
    out = tmp_path / "pdp.csv"
    assert write_pdp_csv(plan, out) == len(current_pdp(plan))
    assert _rows(out.read_bytes())[0] == list(COLUMNS)
    before = db_path.read_bytes()
    with pytest.raises(UnsafeTargetError):
        write_pdp_csv(plan, db_path)
    assert db_path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_plan_without_a_closed_cycle_has_no_last_pdp():
    plan = revalidation_plan("gmc")
    plan.cycles = []
    assert last_pdp(plan) == (None, [])
