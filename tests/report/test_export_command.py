"""The ``export-pdf`` command-line verb."""

from __future__ import annotations

import pytest

from planner.cli import run
from planner.store import PlanStore
from tests.report.conftest import read_pdf
from tests.report.cycle_plans import CURRENT_ONLY, OLD_MET, cycled_plan

PRIVATE_TITLE = "A difficult conversation about sickness"


def test_export_pdf_writes_the_plan(db_path, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert run(["export-pdf", "--db", str(db_path), "--out", str(out)]) == 0
    pdf = read_pdf(out.read_bytes())
    said = capsys.readouterr().out
    assert f"Exported the development plan for Siân Okafor ({len(pdf.pages)} pages)" in said
    assert "Develop situational awareness" in pdf.text
    assert PRIVATE_TITLE not in pdf.text


def test_include_private_and_chosen_skills(db_path, tmp_path):
    out = tmp_path / "plan.pdf"
    argv = ["export-pdf", "--db", str(db_path), "--out", str(out), "--include-private"]
    assert run([*argv, "--skill", "empower-and-resolve"]) == 0
    pdf = read_pdf(out.read_bytes())
    assert PRIVATE_TITLE in pdf.text
    assert "1. Empower the team and resolve conflicts" in pdf.text
    assert "Develop situational awareness" not in pdf.text


def test_unknown_skill_is_one_line_error(db_path, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    code = run(["export-pdf", "--db", str(db_path), "--out", str(out), "--skill", "typo"])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.splitlines()) == 1
    assert "no skill with id typo" in err and "learn-to-follow" in err
    assert not out.exists()


def test_folder_as_target_is_one_line_error(db_path, tmp_path, capsys):
    code = run(["export-pdf", "--db", str(db_path), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("leadership-planner: error:") and "is a folder" in err
    assert len(err.splitlines()) == 1


def test_missing_database_is_one_line_error(tmp_path, capsys):
    code = run(["export-pdf", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "x.pdf")])
    assert code == 1
    assert "there is no plan" in capsys.readouterr().err


def test_empty_plan_exports(tmp_path, capsys, empty_plan):
    db = tmp_path / "empty.db"
    store = PlanStore.open(db)
    store.start_plan(empty_plan.profile, empty_plan.framework)
    store.close()
    out = tmp_path / "plan.pdf"
    assert run(["export-pdf", "--db", str(db), "--out", str(out)]) == 0
    assert "No goals have been set yet" in read_pdf(out.read_bytes()).text


def test_entries_that_may_identify_someone_are_warned_one_line_each(
    identifiable_db_path, tmp_path, capsys
):
    out = tmp_path / "plan.pdf"
    assert run(["export-pdf", "--db", str(identifiable_db_path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    # The goal, the progress note, the shared reflection and the review; the private
    # reflection is not in this PDF.
    assert len(lines) == 4, err
    assert all(line.startswith("warning: ") for line in lines)
    assert any("reflection “Missing the early signs on a busy late shift” of " in x for x in lines)
    assert any("review “Review with Grace Mensah, Matron” of " in x for x in lines), err
    assert "943 476 5919" not in err and "12/03/1961" not in err
    assert all("--leave-out " in line for line in lines)
    # It still exports, with the entries as they are.
    assert "943 476 5919" in read_pdf(out.read_bytes()).text


def test_private_reflections_are_warned_only_when_included(identifiable_db_path, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    argv = ["export-pdf", "--db", str(identifiable_db_path), "--out", str(out)]
    assert run([*argv, "--include-private"]) == 0
    assert PRIVATE_TITLE in capsys.readouterr().err


def test_an_entry_left_out_is_neither_warned_nor_printed(identifiable_db_path, tmp_path, capsys):
    store = PlanStore.open(identifiable_db_path)
    reflection_id = store.reflections()[1].id
    store.close()
    out = tmp_path / "plan.pdf"
    argv = ["export-pdf", "--db", str(identifiable_db_path), "--out", str(out)]
    assert run([*argv, "--leave-out", f"reflection:{reflection_id}"]) == 0
    err = capsys.readouterr().err
    assert "Missing the early signs" not in err and len(err.splitlines()) == 3
    text = read_pdf(out.read_bytes()).text
    assert "Missing the early signs on a busy late shift" not in text
    assert "Challenging the huddle plan respectfully" in text


def test_privacy_lists_every_entry_that_may_identify_someone_without_its_text(
    identifiable_db_path, capsys
):
    assert run(["privacy", "--db", str(identifiable_db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # The goal, the progress note, both reflections (one private) and the review.
    assert len(lines) == 6 and lines[-1] == "5 entries may identify a patient or colleague."
    assert any(
        line.startswith("reflection:") and PRIVATE_TITLE in line and "(private)" in line
        for line in lines
    )
    assert not any("943 476 5919" in line or "12/03/1961" in line for line in lines)


def test_privacy_as_json_gives_what_the_export_dialog_lists(identifiable_db_path, capsys):
    import json

    from planner.domain.export_privacy import entry_from_dict, flagged_entries

    assert run(["privacy", "--db", str(identifiable_db_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    store = PlanStore.open(identifiable_db_path)
    plan = store.load_plan()
    store.close()
    assert [entry_from_dict(e) for e in data["entries"]] == flagged_entries(plan)
    assert data["private_reflections"] == sum(1 for r in plan.reflections if r.private)


def test_skill_with_no_ids_exports_reflections_and_reviews_only(db_path, tmp_path):
    out = tmp_path / "plan.pdf"
    assert run(["export-pdf", "--db", str(db_path), "--out", str(out), "--skill"]) == 0
    text = read_pdf(out.read_bytes()).text
    for heading in ("1. Learn to follow", "2. Develop situational awareness"):
        assert heading not in text
    assert "Reflections" in text


@pytest.fixture
def cycled_db(tmp_path):
    """A database holding the demo plan after two roll-overs."""
    path = tmp_path / "cycled.db"
    store = PlanStore.open(path)
    store.replace_plan(cycled_plan())
    store.close()
    return path


def test_export_pdf_prints_a_closed_cycle_by_its_number(cycled_db, tmp_path, capsys):
    out = tmp_path / "cycle.pdf"
    assert run(["export-pdf", "--db", str(cycled_db), "--out", str(out), "--cycle", "1"]) == 0
    said = capsys.readouterr().out
    assert "Exported the development plan for Siân Okafor, Cycle 1: 1 Jan 2024 to 31 Dec 2024" in (
        said
    )
    pdf = read_pdf(out.read_bytes())
    assert OLD_MET in pdf.text and "How the cycle ended" in pdf.text
    assert CURRENT_ONLY not in pdf.text


def test_export_pdf_without_a_cycle_prints_the_current_one(cycled_db, tmp_path):
    out = tmp_path / "plan.pdf"
    assert run(["export-pdf", "--db", str(cycled_db), "--out", str(out)]) == 0
    pdf = read_pdf(out.read_bytes())
    assert CURRENT_ONLY in pdf.text and OLD_MET not in pdf.text


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("3", "There is no cycle 3: this plan has 2 closed cycles, numbered 1 to 2."),
        ("0", "There is no cycle 0: this plan has 2 closed cycles, numbered 1 to 2."),
        ("two", "argument --cycle: expected a cycle number: 1 is the oldest closed cycle"),
    ],
)
def test_a_cycle_number_that_does_not_exist_is_one_line_error(
    cycled_db, tmp_path, capsys, number, message
):
    out = tmp_path / "cycle.pdf"
    argv = ["export-pdf", "--db", str(cycled_db), "--out", str(out), "--cycle", number]
    try:
        code = run(argv)
    except SystemExit as exit_:  # argparse's own usage error
        code = exit_.code
    err = capsys.readouterr().err
    assert code in (1, 2) and message in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1
    assert "Traceback" not in err and not out.exists()


def test_export_pdf_help_explains_cycle(capsys):
    with pytest.raises(SystemExit):
        run(["export-pdf", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--cycle N export closed cycle N (1 is the oldest" in help_text
