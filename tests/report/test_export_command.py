"""The ``export-pdf`` command-line verb."""

from __future__ import annotations

from planner.cli import run
from planner.store import PlanStore
from tests.report.conftest import read_pdf

PRIVATE_TITLE = "A difficult conversation about sickness"


def test_export_pdf_writes_the_plan(db_path, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert run(["export-pdf", "--db", str(db_path), "--out", str(out)]) == 0
    pdf = read_pdf(out.read_bytes())
    said = capsys.readouterr().out
    assert f"Exported a {len(pdf.pages)}-page development plan for Siân Okafor" in said
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
