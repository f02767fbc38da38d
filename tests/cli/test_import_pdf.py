"""``import-json`` reads the plan a received development plan PDF carries, through the
same checks as a plan file, and refuses any other PDF in one line, writing nothing."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from planner.demo import demo_plan
from planner.report.build import build_pdf_bytes
from planner.store import PlanStore
from tests.cli.test_cli import _assert_one_line_error, _export
from tests.conftest import FIXED_TODAY

PRIVATE_TITLE = "A difficult conversation about sickness"


def _without_stamp(document: dict) -> dict:
    document.pop("exported_at")
    return document


def test_a_plan_travels_through_its_pdf_to_another_database(cli, demo_db, tmp_path):
    pdf, copy = tmp_path / "for-my-manager.pdf", tmp_path / "copy.db"
    assert cli("export-pdf", "--db", demo_db, "--out", pdf, "--include-private").code == 0
    result = cli("import-json", pdf, "--db", copy)
    assert result.code == 0, result.err
    assert result.out.startswith("Imported 10 goals for Siân Okafor")
    original = _export(cli, demo_db, tmp_path / "original.json")
    assert _without_stamp(_export(cli, copy, tmp_path / "copy.json")) == _without_stamp(original)


def test_hostile_text_comes_back_from_the_pdf_character_for_character(cli, tmp_path):
    plan = demo_plan(FIXED_TODAY)
    plan.profile.name = "Ngozi Okonkwo-Adébáyọ̀ <b>&amp;</b>"
    plan.goals[0].title = "<font color=red>Lead</font> ]]> %%EOF 🧭👩🏽‍⚕️"
    plan.goals[0].description = "إدارة الفريق בצוות \u202eevil\u202c\nsecond line"
    plan.reviews[0].notes = "endstream endobj trailer << /Root 1 0 R >>"
    db, copy, pdf = tmp_path / "hostile.db", tmp_path / "copy.db", tmp_path / "hostile.pdf"
    store = PlanStore.open(db)
    store.replace_plan(plan)
    store.close()
    assert cli("export-pdf", "--db", db, "--out", pdf, "--include-private").code == 0
    assert cli("import-json", pdf, "--db", copy).code == 0
    original = _without_stamp(_export(cli, db, tmp_path / "original.json"))
    assert _without_stamp(_export(cli, copy, tmp_path / "copy.json")) == original
    assert original["goals"][0]["title"] == plan.goals[0].title


def test_the_plan_read_from_a_pdf_is_the_one_it_shows(cli, demo_db, tmp_path):
    pdf, copy = tmp_path / "shared.pdf", tmp_path / "copy.db"
    argv = ["export-pdf", "--db", demo_db, "--out", pdf, "--skill", "empower-and-resolve"]
    assert cli(*argv).code == 0
    assert cli("import-json", pdf, "--db", copy).code == 0
    read = _export(cli, copy, tmp_path / "copy.json")
    assert {g["skill"] for g in read["goals"]} == {"empower-and-resolve"}
    assert PRIVATE_TITLE not in json.dumps(read, ensure_ascii=False)


def test_replacing_a_plan_from_a_pdf_backs_it_up_first(cli, demo_db, tmp_path):
    pdf = tmp_path / "plan.pdf"
    assert cli("export-pdf", "--db", demo_db, "--out", pdf, "--skill").code == 0
    assert cli("import-json", pdf, "--db", demo_db).code == 1  # holds a plan already
    assert cli("import-json", pdf, "--db", demo_db, "--replace").code == 0
    assert _export(cli, demo_db, tmp_path / "now.json")["goals"] == []
    assert list((demo_db.parent / "backups").glob("*import*"))


def _refused_without_writing(cli, source: Path, tmp_path, *fragments: str) -> None:
    target = tmp_path / "new.db"
    result = cli("import-json", source, "--db", target)
    _assert_one_line_error(result, f"{source} cannot be imported, nothing was changed", *fragments)
    assert not target.exists()


def test_a_pdf_without_a_plan_is_one_line_and_writes_nothing(cli, tmp_path):
    bare, _pages = build_pdf_bytes(demo_plan(FIXED_TODAY), today=FIXED_TODAY)
    source = tmp_path / "printed elsewhere.pdf"
    source.write_bytes(bare)
    _refused_without_writing(
        cli, source, tmp_path, "printed elsewhere.pdf: the PDF holds no plan (plan.json)"
    )


def test_a_cut_short_or_damaged_pdf_is_one_line_and_writes_nothing(cli, demo_db, tmp_path):
    pdf = tmp_path / "plan.pdf"
    assert cli("export-pdf", "--db", demo_db, "--out", pdf).code == 0
    data = pdf.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) * 2 // 3])
    _refused_without_writing(cli, cut, tmp_path, "cut.pdf: the PDF is incomplete")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    _refused_without_writing(cli, empty, tmp_path, "empty.pdf: not a PDF")
    scrambled = tmp_path / "scrambled.pdf"
    scrambled.write_bytes(data[:9] + bytes(b ^ 0xA5 for b in data[9:-200]) + data[-200:])
    _refused_without_writing(cli, scrambled, tmp_path, "scrambled.pdf: the PDF is damaged")


def test_a_pdf_carrying_an_invalid_plan_is_refused_with_its_problems(cli, tmp_path):
    from planner.plan_attachment import attach_plan

    bare, _pages = build_pdf_bytes(demo_plan(FIXED_TODAY), today=FIXED_TODAY)
    source = tmp_path / "edited.pdf"
    source.write_bytes(attach_plan(bare, b'{"format": "leadership-plan", "version": 1'))
    _refused_without_writing(cli, source, tmp_path, "not valid JSON (line 1")


def _feed_once(fifo: Path, data: bytes, seconds: float = 1.0) -> threading.Thread:
    """Writes ``data`` into ``fifo`` if a reader opens it within ``seconds``, so a test
    of the old behaviour (reading the pipe) ends instead of waiting for ever."""

    def feed() -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # no reader yet
                time.sleep(0.02)
                continue
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            return

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_device_given_as_the_file_is_refused_without_reading_it(cli, tmp_path):
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    feeder = _feed_once(fifo, b"{}")
    _refused_without_writing(cli, fifo, tmp_path, "plan.json: not a file (a device or a pipe)")
    feeder.join()
    # /dev/zero would be read until memory runs out.
    device = tmp_path / "zero.pdf"
    device.symlink_to(os.devnull)
    _refused_without_writing(cli, device, tmp_path, "zero.pdf: not a file (a device or a pipe)")
