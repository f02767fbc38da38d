"""The command-line verbs: what they create, what they refuse, and how they fail."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from planner.store import PlanStore
from planner.store.schema import SCHEMA_VERSION

ERROR_PREFIX = "leadership-planner: error: "


def _export(cli, db: Path, out: Path) -> dict:
    result = cli("export-json", "--db", db, "--out", out)
    assert result.code == 0, result.err
    return json.loads(out.read_text(encoding="utf-8"))


def _assert_one_line_error(result, *fragments: str) -> None:
    assert result.code != 0
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert line.startswith(ERROR_PREFIX)
    assert "Traceback" not in result.err + result.out
    assert "unexpected internal error" not in line
    for fragment in fragments:
        assert fragment in line


# -- demo ------------------------------------------------------------------------


def test_demo_creates_a_believable_plan(cli, tmp_path):
    path = tmp_path / "plan.db"
    result = cli("demo", "--db", path)
    assert result.code == 0
    assert result.err == ""
    assert result.out == f"Created a sample plan for Siân Okafor in {path}\n"

    store = PlanStore.open(path)
    try:
        plan = store.load_plan()
    finally:
        store.close()
    assert "Ward Sister" in plan.profile.role and "Ward Manager" in plan.profile.aspiration
    assert len(plan.goals) >= 9
    assert {g.skill for g in plan.goals} == {s.id for s in plan.framework.skills}
    assert all(g.actions for g in plan.goals)
    entries = [e for g in plan.goals for e in g.progress]
    assert len(entries) >= 30
    assert (max(e.date for e in entries) - min(e.date for e in entries)).days >= 90
    assert len(plan.reflections) >= 5
    assert [r.private for r in plan.reflections].count(True) == 1
    assert len({a.date for a in plan.assessments}) == 2
    assert len(plan.reviews) >= 1
    assert {g.status for g in plan.goals} >= {"achieved", "in_progress"}


def test_demo_refuses_to_overwrite_a_plan(cli, demo_db):
    before = demo_db.read_bytes()
    result = cli("demo", "--db", demo_db)
    _assert_one_line_error(result, "already holds a plan", "will not overwrite")
    assert result.out == ""
    assert demo_db.read_bytes() == before


def test_db_may_come_before_the_verb(cli, tmp_path):
    path = tmp_path / "plan.db"
    assert cli("--db", path, "demo").code == 0
    assert cli("--db", path, "check").code == 0


# -- export and import -----------------------------------------------------------


def test_demo_export_import_export_gives_the_same_plan(cli, demo_db, tmp_path):
    first = _export(cli, demo_db, tmp_path / "first.json")
    copy_db = tmp_path / "copy" / "plan.db"
    result = cli("import-json", tmp_path / "first.json", "--db", copy_db)
    assert result.code == 0, result.err
    assert result.out.startswith(f"Imported {len(first['goals'])} goals for Siân Okafor")
    second = _export(cli, copy_db, tmp_path / "second.json")
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first


def test_next_review_dates_and_the_framework_word_survive_export_and_import(
    cli, demo_db, tmp_path
):
    import datetime as dt

    first = _export(cli, demo_db, tmp_path / "first.json")
    review = first["reviews"][-1]
    planned = dt.date.fromisoformat(review["next_review"])  # the demo plans the next one
    assert 14 <= (planned - dt.date.today()).days <= 42
    first["framework"]["part"] = {"singular": "domain", "plural": "domains"}
    first["reviews"].append(dict(review, date="2030-01-02", next_review=None))
    (tmp_path / "changed.json").write_text(json.dumps(first), encoding="utf-8")

    copy_db = tmp_path / "copy" / "plan.db"
    result = cli("import-json", tmp_path / "changed.json", "--db", copy_db)
    assert result.code == 0, result.err
    second = _export(cli, copy_db, tmp_path / "second.json")
    assert second["framework"]["part"] == {"singular": "domain", "plural": "domains"}
    assert [r["next_review"] for r in second["reviews"]] == [planned.isoformat(), None]
    with sqlite3.connect(copy_db) as conn:
        assert conn.execute("SELECT part_singular, part_plural FROM framework").fetchall() == [
            ("domain", "domains")
        ]
        assert conn.execute("SELECT next_review FROM reviews ORDER BY date").fetchall() == [
            (planned.isoformat(),),
            (None,),
        ]
    conn.close()


def test_export_reports_what_it_wrote(cli, demo_db, tmp_path):
    out = tmp_path / "plan.json"
    result = cli("export-json", "--db", demo_db, "--out", out)
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("Exported 10 goals, 5 reflections and 1 review to ")
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "leadership-plan"


def test_import_into_a_plan_refuses_without_replace_and_changes_no_byte(
    cli, demo_db, tmp_path, sample_plan
):
    from planner import planfile

    incoming = tmp_path / "other.json"
    sample_plan.profile.name = "Łukasz Nowak"
    planfile.write(sample_plan, incoming)
    before = demo_db.read_bytes()

    refused = cli("import-json", incoming, "--db", demo_db)
    _assert_one_line_error(refused, "already holds a plan", "nothing was changed", "--replace")
    assert demo_db.read_bytes() == before

    replaced = cli("import-json", incoming, "--db", demo_db, "--replace")
    assert replaced.code == 0, replaced.err
    assert _export(cli, demo_db, tmp_path / "after.json")["profile"]["name"] == "Łukasz Nowak"
    backups = list((demo_db.parent / "backups").glob("*.db"))
    assert len(backups) == 1  # the replaced plan was kept
    kept = PlanStore.open(backups[0])
    try:
        assert kept.profile().name == "Siân Okafor"
    finally:
        kept.close()


def test_a_failed_import_with_replace_changes_no_byte(cli, demo_db, tmp_path):
    document = _export(cli, demo_db, tmp_path / "plan.json")
    document["goals"][3]["target_date"] = "next spring"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    before = demo_db.read_bytes()
    result = cli("import-json", bad, "--db", demo_db, "--replace")
    _assert_one_line_error(result, "nothing was changed", "goals[3].target_date: not a date")
    assert demo_db.read_bytes() == before
    assert not (demo_db.parent / "backups").exists()


def test_a_failed_import_does_not_create_the_database(cli, tmp_path):
    missing_db = tmp_path / "new" / "plan.db"
    result = cli("import-json", tmp_path / "nothing.json", "--db", missing_db)
    _assert_one_line_error(result, "no such file")
    assert not missing_db.exists()


# -- every error: one line on stderr, no traceback -------------------------------


def _plan_file(tmp_path: Path, demo_db: Path, cli, change) -> Path:
    document = _export(cli, demo_db, tmp_path / "good.json")
    change(document)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _junk_db(tmp_path: Path) -> Path:
    path = tmp_path / "junk.db"
    path.write_bytes(b"Shift notes, not a database.\n" * 400)
    return path


def _truncated_db(tmp_path: Path, demo_db: Path) -> Path:
    data = demo_db.read_bytes()
    path = tmp_path / "truncated.db"
    path.write_bytes(data[: len(data) // 2])
    return path


def _newer_db(tmp_path: Path, demo_db: Path) -> Path:
    path = tmp_path / "newer.db"
    shutil.copyfile(demo_db, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    return path


def _empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    PlanStore.open(path).close()
    return path


def _set(path: str, value):
    def change(document):
        *parents, last = path.split(".")
        target = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


ERROR_CASES = {
    "missing plan file": (
        lambda t, d, cli: ["import-json", t / "missing.json", "--db", t / "new.db"],
        ["missing.json: no such file"],
    ),
    "malformed JSON": (
        lambda t, d, cli: [
            "import-json",
            _write(t / "broken.json", '{"format": "leadership-plan",\n "version": 1\n'),
            "--db",
            t / "new.db",
        ],
        ["not valid JSON (line 3, column 1"],
    ),
    "not a plan file": (
        lambda t, d, cli: ["import-json", _write(t / "list.json", "[1, 2]"), "--db", t / "n.db"],
        ["does not hold a JSON object"],
    ),
    "plan file is a folder": (
        lambda t, d, cli: ["import-json", t, "--db", t / "new.db"],
        ["is a folder"],
    ),
    "unknown skill": (
        lambda t, d, cli: [
            "import-json",
            _plan_file(t, d, cli, _set("goals.2.skill", "mind-reading")),
            "--db",
            t / "new.db",
        ],
        ["goals[2].skill: unknown skill 'mind-reading'"],
    ),
    "bad date": (
        lambda t, d, cli: [
            "import-json",
            _plan_file(t, d, cli, _set("reviews.0.date", "2026-02-30")),
            "--db",
            t / "new.db",
        ],
        ["reviews[0].date: not a date"],
    ),
    "percent out of range": (
        lambda t, d, cli: [
            "import-json",
            _plan_file(t, d, cli, _set("goals.0.progress.1.percent", 150)),
            "--db",
            t / "new.db",
        ],
        ["goals[0].progress[1].percent: 150 is outside 0 to 100"],
    ),
    "export from a damaged database": (
        lambda t, d, cli: ["export-json", "--db", _junk_db(t), "--out", t / "out.json"],
        ["damaged or is not a Leadership Planner database"],
    ),
    "export from a truncated database": (
        lambda t, d, cli: ["export-json", "--db", _truncated_db(t, d), "--out", t / "out.json"],
        ["damaged"],
    ),
    "demo into a damaged database": (
        lambda t, d, cli: ["demo", "--db", _junk_db(t)],
        ["damaged"],
    ),
    "import into a damaged database": (
        lambda t, d, cli: ["import-json", t / "good.json", "--db", _junk_db(t), "--replace"],
        ["damaged"],
    ),
    "export from a newer database": (
        lambda t, d, cli: ["export-json", "--db", _newer_db(t, d), "--out", t / "out.json"],
        ["newer version of Leadership Planner"],
    ),
    "export from a database without a plan": (
        lambda t, d, cli: ["export-json", "--db", _empty_db(t), "--out", t / "out.json"],
        ["does not hold a plan yet"],
    ),
    "export when there is no database": (
        lambda t, d, cli: ["export-json", "--db", t / "nowhere.db", "--out", t / "out.json"],
        ["there is no plan at"],
    ),
    "check when there is no database": (
        lambda t, d, cli: ["check", "--db", t / "nowhere.db"],
        ["there is no plan at"],
    ),
    "demo with a folder as --db": (lambda t, d, cli: ["demo", "--db", t], ["folder"]),
    "export with a folder as --db": (
        lambda t, d, cli: ["export-json", "--db", t, "--out", t / "out.json"],
        ["folder"],
    ),
    "import with a folder as --db": (
        lambda t, d, cli: ["import-json", t / "good.json", "--db", t],
        ["folder"],
    ),
    "check with a folder as --db": (lambda t, d, cli: ["check", "--db", t], ["folder"]),
    "export to a folder": (
        lambda t, d, cli: ["export-json", "--db", d, "--out", t],
        ["folder"],
    ),
    "export into a missing folder": (
        lambda t, d, cli: ["export-json", "--db", d, "--out", t / "no-such-folder" / "p.json"],
        ["no-such-folder"],
    ),
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_every_error_is_one_line_on_stderr_without_a_traceback(cli, demo_db, tmp_path, case):
    build, fragments = ERROR_CASES[case]
    work = tmp_path / "work"
    work.mkdir()
    _export(cli, demo_db, work / "good.json")
    argv = build(work, demo_db, cli)
    before = demo_db.read_bytes()
    result = cli(*argv)
    _assert_one_line_error(result, *fragments)
    assert result.out == ""
    assert demo_db.read_bytes() == before
    assert not (work / "new.db").exists()  # a refused import creates nothing


NOT_ROOT = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="file permissions do not restrict root (or work this way on Windows)",
)


@NOT_ROOT
def test_an_unreadable_database_is_one_line_error(cli, demo_db, tmp_path):
    demo_db.chmod(0)
    try:
        result = cli("export-json", "--db", demo_db, "--out", tmp_path / "out.json")
    finally:
        demo_db.chmod(0o600)
    _assert_one_line_error(result, str(demo_db.name))


@NOT_ROOT
def test_no_permission_to_write_is_one_line_error(cli, demo_db, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        demo = cli("demo", "--db", locked / "plan.db")
        export = cli("export-json", "--db", demo_db, "--out", locked / "plan.json")
    finally:
        locked.chmod(0o700)
    _assert_one_line_error(demo)
    _assert_one_line_error(export, "Permission denied", "locked")
    assert list(locked.iterdir()) == []


@NOT_ROOT
def test_importing_into_a_read_only_database_is_one_line_error(cli, demo_db, tmp_path):
    incoming = tmp_path / "plan.json"
    _export(cli, demo_db, incoming)
    before = demo_db.read_bytes()
    demo_db.chmod(0o400)
    try:
        result = cli("import-json", incoming, "--db", demo_db, "--replace")
    finally:
        demo_db.chmod(0o600)
    _assert_one_line_error(result)
    assert demo_db.read_bytes() == before


# -- check -----------------------------------------------------------------------


def test_check_passes_a_good_database(cli, demo_db):
    result = cli("check", "--db", demo_db)
    assert result.code == 0 and result.err == ""
    assert result.out.startswith(f"OK: {demo_db} (schema {SCHEMA_VERSION}): 10 goals, ")
    assert "5 reflections" in result.out


def test_check_counts_one_of_a_kind_in_the_singular(cli, demo_db):
    import sqlite3

    raw = sqlite3.connect(demo_db)
    with raw:
        raw.execute(
            "DELETE FROM progress_entries WHERE id > (SELECT MIN(id) FROM progress_entries)"
        )
        raw.execute("DELETE FROM reviews WHERE id > (SELECT MIN(id) FROM reviews)")
    raw.close()
    result = cli("check", "--db", demo_db)
    assert result.code == 0
    assert "1 progress entry," in result.out and "1 review" in result.out
    assert "entrie" not in result.out


@pytest.mark.parametrize("damage", ["junk", "truncated", "newer"])
def test_check_fails_a_damaged_database(cli, demo_db, tmp_path, damage):
    path = {
        "junk": lambda: _junk_db(tmp_path),
        "truncated": lambda: _truncated_db(tmp_path, demo_db),
        "newer": lambda: _newer_db(tmp_path, demo_db),
    }[damage]()
    before = path.read_bytes()
    result = cli("check", "--db", path)
    _assert_one_line_error(result, f"{path} failed its check")
    assert path.read_bytes() == before


def test_check_reports_broken_links_between_rows(cli, demo_db):
    conn = sqlite3.connect(demo_db)  # foreign keys are off by default here
    conn.execute("DELETE FROM goals WHERE id = 1")
    conn.commit()
    conn.close()
    result = cli("check", "--db", demo_db)
    _assert_one_line_error(result, f"{demo_db} failed its check")


# -- real processes --------------------------------------------------------------


def test_command_line_verbs_never_import_qt_or_reportlab_or_pypdf(tmp_path):
    script = textwrap.dedent(
        """
        import sys
        from planner.app import main

        db, out, copy = sys.argv[1:4]
        codes = [
            main(["demo", "--db", db]),
            main(["export-json", "--db", db, "--out", out]),
            main(["import-json", out, "--db", copy]),
            main(["check", "--db", copy]),
            main(["import-json", out, "--db", copy]),
            main(["export-calendar", "--db", db, "--out", out + ".ics"]),
        ]
        heavy = sorted(
            name for name in sys.modules
            if name.split(".")[0] in ("PySide6", "shiboken6", "reportlab", "pypdf")
        )
        print(codes, heavy)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, tmp_path / "a.db", tmp_path / "a.json", tmp_path / "b.db"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.splitlines()[-1] == "[0, 0, 0, 0, 1, 0] []", done.stderr


def test_the_pdf_export_loads_only_what_it_uses(demo_db, tmp_path):
    """The export reads the plan (no sqlite-utils, no search) and writes the PDF; it
    never starts Qt."""
    script = textwrap.dedent(
        """
        import sys
        from planner.app import main

        code = main(["export-pdf", "--db", sys.argv[1], "--out", sys.argv[2]])
        unused = ("PySide6", "sqlite_utils", "planner.store.search", "planner.ui")
        print(code, sorted(m for m in sys.modules if m.startswith(unused)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, demo_db, tmp_path / "a.pdf"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr


def test_the_installed_console_script_runs_a_verb(tmp_path):
    script = shutil.which("leadership-planner", path=sysconfig.get_path("scripts"))
    script = script or shutil.which("leadership-planner")
    if script is None:
        pytest.skip("the package is not installed (pip install -e .)")
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    made = subprocess.run(
        [script, "demo", "--db", tmp_path / "plan.db"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    assert "Siân Okafor" in made.stdout
    again = subprocess.run(
        [script, "demo", "--db", tmp_path / "plan.db"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert again.returncode == 1
    assert again.stderr.splitlines() == [
        f"{ERROR_PREFIX}{tmp_path / 'plan.db'} already holds a plan; the demo will not "
        "overwrite it. Choose another --db path."
    ]


def test_frameworks_lists_every_framework_a_new_plan_can_use(capsys):
    from planner.app import main

    assert main(["frameworks"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "core-leadership: Core leadership skills (3 skills)",
        "clinical-leadership-competency-framework: Clinical Leadership Competency "
        "Framework (5 skills)",
        "healthcare-leadership-model: NHS Healthcare Leadership Model (9 skills)",
    ]


def test_version_prints_the_installed_version_on_standard_output(capsys):
    from importlib.metadata import version

    from planner.app import main

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr()
    assert out.out == f"leadership-planner {version('leadership-planner')}\n"
    assert out.err == ""


def test_the_windows_app_reaches_the_console_before_help_or_version_is_printed(monkeypatch):
    """The frozen Windows app has no output until it attaches to the prompt's console;
    argparse prints --help, --version and usage errors while parsing, so the attach
    must come first."""
    import ctypes
    import sys

    from planner.app import main

    calls = []

    class Kernel32:
        @staticmethod
        def AttachConsole(which):
            calls.append(which)
            return 0  # no console to attach to: nothing is reopened

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": Kernel32}), raising=False)
    for argv in (["--version"], ["--help"], ["no-such-command"]):
        with pytest.raises(SystemExit):
            main(argv)
    assert calls == [-1, -1, -1]


def test_an_entry_too_large_for_a_page_is_one_line_without_the_text(cli, demo_db, tmp_path):
    from reportlab.platypus.doctemplate import LayoutError

    import planner.report.build

    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"the PDF from last week")

    def too_large(*args, **kwargs):
        raise LayoutError("Flowable <Paragraph>'A private note' too large on page 3")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(planner.report.build, "build_pdf_bytes", too_large)
        result = cli("export-pdf", "--db", demo_db, "--out", pdf)
    _assert_one_line_error(result, "too large to fit on a page", "the PDF was not saved")
    assert "private note" not in result.err
    assert pdf.read_bytes() == b"the PDF from last week"
