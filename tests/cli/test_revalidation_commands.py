"""``export-revalidation`` and ``export-pdp-csv``: happy paths read back, and each slip
(the plan as --out, a folder, no plan, a body the app does not know) as one line."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import textwrap

import pytest

from tests.cli.test_cli import _assert_one_line_error
from tests.report.conftest import read_pdf
from tests.report.revalidation_plans import revalidation_plan, saved


@pytest.fixture
def reval_db(tmp_path):
    return saved(tmp_path / "plan.db", revalidation_plan("nmc"))


@pytest.mark.parametrize(
    ("body", "what"), [("nmc", "NMC revalidation record"), ("gmc", "appraisal record")]
)
def test_export_revalidation_writes_the_record_and_leaves_the_plan_alone(
    cli, reval_db, tmp_path, body, what
):
    before = reval_db.read_bytes()
    out = tmp_path / f"{body}.pdf"
    result = cli("export-revalidation", "--db", reval_db, "--out", out, "--body", body)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Exported the {what} for Siân Okafor (")
    assert result.out.strip().endswith(f"to {out}")
    pdf = read_pdf(out.read_bytes())
    assert ("Reflective accounts" if body == "nmc" else "Personal development plan") in pdf.text
    assert "SECRET-PRIVATE" not in pdf.text
    assert reval_db.read_bytes() == before


def test_include_private_prints_the_private_account(cli, reval_db, tmp_path):
    out = tmp_path / "nmc.pdf"
    args = ("export-revalidation", "--db", reval_db, "--out", out, "--body", "nmc")
    assert cli(*args, "--include-private").code == 0
    assert "SECRET-PRIVATE" in read_pdf(out.read_bytes()).text


@pytest.mark.parametrize(
    ("target", "fragment"),
    [
        (lambda t, db: db, "is a database"),
        (lambda t, db: t, "is a folder"),
        (lambda t, db: t / "missing" / "r.pdf", "does not exist"),
    ],
    ids=["the plan itself", "a folder", "a missing folder"],
)
def test_a_bad_out_for_the_pdf_is_one_line_and_leaves_the_plan_alone(
    cli, reval_db, tmp_path, target, fragment
):
    before = reval_db.read_bytes()
    result = cli(
        "export-revalidation",
        "--db",
        reval_db,
        "--out",
        target(tmp_path, reval_db),
        "--body",
        "nmc",
    )
    _assert_one_line_error(result, fragment)
    assert reval_db.read_bytes() == before


def test_a_missing_plan_is_one_line(cli, tmp_path):
    for verb, out in (("export-revalidation", "r.pdf"), ("export-pdp-csv", "p.csv")):
        extra = ("--body", "gmc") if verb == "export-revalidation" else ()
        result = cli(verb, "--db", tmp_path / "none.db", "--out", tmp_path / out, *extra)
        _assert_one_line_error(result, "there is no plan at")
        assert not (tmp_path / out).exists()


@pytest.mark.parametrize("body", [None, "hcpc"])
def test_a_missing_or_unknown_body_is_a_usage_error(cli, reval_db, tmp_path, capsys, body):
    extra = ("--body", body) if body else ()
    with pytest.raises(SystemExit) as stopped:
        cli("export-revalidation", "--db", reval_db, "--out", tmp_path / "r.pdf", *extra)
    assert stopped.value.code == 2
    assert "--body" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_export_pdp_csv_writes_the_plan_for_excel(cli, reval_db, tmp_path):
    out = tmp_path / "pdp.csv"
    result = cli("export-pdp-csv", "--db", reval_db, "--out", out)
    assert result.code == 0, result.err
    plan = revalidation_plan("nmc")
    assert result.out.strip() == (
        f"Exported the development plan ({len(plan.current_goals)} goals) to {out}"
    )
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == [
        "Learning or development need",
        "Agreed action or goal",
        "Date for completion",
        "How the need will be shown to have been met",
    ]
    assert len(rows) == len(plan.current_goals) + 1
    last = tmp_path / "last.csv"
    result = cli("export-pdp-csv", "--db", reval_db, "--out", last, "--last-cycle")
    assert result.code == 0 and "(2 goals)" in result.out
    assert "Partly met" in last.read_text(encoding="utf-8-sig")


def test_the_last_cycle_without_a_closed_cycle_is_one_line(cli, demo_db, tmp_path):
    out = tmp_path / "last.csv"
    result = cli("export-pdp-csv", "--db", demo_db, "--out", out, "--last-cycle")
    _assert_one_line_error(result, "no plan cycle has been closed yet")
    assert not out.exists()


@pytest.mark.parametrize(
    ("target", "fragment"),
    [(lambda t, db: db, "is a database"), (lambda t, db: t, "is a folder")],
    ids=["the plan itself", "a folder"],
)
def test_a_bad_out_for_the_csv_is_one_line(cli, reval_db, tmp_path, target, fragment):
    before = reval_db.read_bytes()
    result = cli("export-pdp-csv", "--db", reval_db, "--out", target(tmp_path, reval_db))
    _assert_one_line_error(result, fragment)
    assert reval_db.read_bytes() == before


def test_the_help_says_what_each_verb_does(cli, capsys):
    for verb, words in (
        ("export-revalidation", "It is not sent anywhere"),
        ("export-pdp-csv", "personal development plan in CSV"),
    ):
        with pytest.raises(SystemExit):
            cli(verb, "--help")
        assert words in " ".join(capsys.readouterr().out.split())


def test_the_csv_verb_loads_neither_qt_nor_reportlab(reval_db, tmp_path):
    script = textwrap.dedent(
        """
        import sys
        from planner.app import main
        code = main(["export-pdp-csv", "--db", sys.argv[1], "--out", sys.argv[2]])
        heavy = sorted(
            name for name in sys.modules
            if name.split(".")[0] in ("PySide6", "shiboken6", "reportlab", "pypdf")
        )
        print(code, heavy)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, reval_db, tmp_path / "p.csv"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr
