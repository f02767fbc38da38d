"""A closed cycle's outcome notes in exports: the privacy check reads them, and a goal
left out of a PDF takes its outcomes out of the plan file the PDF carries."""

from __future__ import annotations

import datetime as dt

from planner.domain.cycles import RollChoice, RollOver
from planner.plan_attachment import plan_file_in
from planner.store import PlanStore

NHS_NUMBER = "943 476 5919"


def _close_cycle_with_a_note_naming_a_patient(db, *, carry=False) -> tuple[int, str]:
    """Closes the demo plan's cycle; one goal's line of why names a patient (that goal
    carried forward when ``carry``). Returns that goal's id and title."""
    store = PlanStore.open(db)
    try:
        open_goals = [g for g in store.goal_summaries() if g.status != "achieved"]
        named = open_goals[0]
        choices = tuple(
            RollChoice(
                g.id,
                "partly_met",
                f"Talked it over with the family of NHS {NHS_NUMBER}" if g is named else "",
                carry=carry and g is named,
            )
            for g in open_goals
        )
        profile = store.profile()
        start = profile.period_end + dt.timedelta(days=1)
        end = start + dt.timedelta(days=364)
        store.roll_over(
            RollOver(profile.period_start, profile.period_end, start, end, choices), start
        )
        return named.id, named.title
    finally:
        store.close()


def test_an_outcome_note_naming_a_patient_is_flagged_and_leaving_its_goal_out_drops_it(
    cli, demo_db, tmp_path
):
    goal_id, title = _close_cycle_with_a_note_naming_a_patient(demo_db)

    listed = cli("privacy", "--db", demo_db)
    assert f"goal:{goal_id} goal “{title}”" in listed.out
    assert NHS_NUMBER not in listed.out  # the kind of identifier, never the text

    pdf = tmp_path / "plan.pdf"
    warned = cli("export-pdf", "--db", demo_db, "--out", pdf)
    assert warned.code == 0 and f"--leave-out goal:{goal_id}" in warned.err

    kept_out = tmp_path / "kept-out.pdf"
    result = cli("export-pdf", "--db", demo_db, "--out", kept_out, "--leave-out", f"goal:{goal_id}")
    assert result.code == 0, result.err
    carried = plan_file_in(kept_out.read_bytes()).decode("utf-8")
    assert NHS_NUMBER not in carried and title not in carried
    assert '"outcome": "partly_met"' in carried  # the other goals' outcomes are there


def test_the_outcome_of_a_goal_deleted_since_keeps_no_identifier_in_the_pdfs_plan(
    cli, demo_db, tmp_path
):
    goal_id, title = _close_cycle_with_a_note_naming_a_patient(demo_db, carry=True)
    store = PlanStore.open(demo_db)
    store.delete_goal(goal_id)  # the goal went on, then was deleted: its outcome stays
    store.close()

    pdf = tmp_path / "plan.pdf"
    assert cli("export-pdf", "--db", demo_db, "--out", pdf).code == 0

    carried = plan_file_in(pdf.read_bytes()).decode("utf-8")
    # Nothing could list it to be left out: the cycle's record stands, masked.
    assert NHS_NUMBER not in carried
    assert title in carried and "Talked it over with the family of NHS •••" in carried
