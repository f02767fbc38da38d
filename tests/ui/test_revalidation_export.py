"""File › Export for revalidation… and Export development plan as CSV…: chosen by
keyboard, the record picked by the profile's regulator, private reflections only when
the user says so, the files read back, and a refusal said plainly."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.store import PlanStore
from tests.report.conftest import flat, read_pdf
from tests.report.revalidation_plans import revalidation_plan, saved
from tests.ui.test_calendar_export import _choose_from_file_menu, _visible_boxes

pytestmark = pytest.mark.gui


def _plan_db(tmp_path, regulator: str):
    return saved(tmp_path / f"{regulator or 'none'}.db", revalidation_plan(regulator))


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    def act(box):
        assert isinstance(box, QMessageBox)
        _press.asked.append(box.text())
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        # A button's letter clicks it after a short press animation.
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5_000)

    return act


_press.asked = []


def test_the_nmc_record_is_saved_by_keyboard_leaving_private_reflections_out(
    qtbot, window_over, tmp_path, save_as, modal
):
    db = _plan_db(tmp_path, "nmc")
    before = db.read_bytes()
    win = window_over(db, (1280, 800))
    out = tmp_path / "record.pdf"
    asked = save_as(out)
    _press.asked.clear()
    modal(_press(qtbot, Qt.Key.Key_Return))  # the default: leave them out
    action = win.export_revalidation_action
    assert action.text() == "Export for revalidation…" and action.isEnabled()
    with qtbot.waitSignal(win.task_finished, timeout=30_000) as finished:
        _choose_from_file_menu(qtbot, win, action)
    assert finished.args == ["revalidation-export", out]
    assert _press.asked == [
        "1 reflection this record would print is marked private. Include it in this "
        "copy? Whoever you share the copy with will read it."
    ]
    assert asked["filters"].startswith("PDF (*.pdf)") and "nmc-revalidation" in asked["start"]
    pdf = read_pdf(out.read_bytes())
    assert "NMC revalidation record" in flat(pdf.pages[0])
    assert "Huddle account" in pdf.text and "SECRET-PRIVATE" not in pdf.text
    assert db.read_bytes() == before
    assert action.isEnabled()


def test_include_them_prints_the_private_account(qtbot, window_over, tmp_path, save_as, modal):
    win = window_over(_plan_db(tmp_path, "nmc"), (1280, 800))
    out = tmp_path / "record.pdf"
    save_as(out)
    modal(_press(qtbot, Qt.Key.Key_I))  # the I of &Include
    with qtbot.waitSignal(win.task_finished, timeout=30_000) as finished:
        win.export_revalidation_action.trigger()
    assert finished.args == ["revalidation-export", out]
    assert "SECRET-PRIVATE" in read_pdf(out.read_bytes()).text


def test_a_doctor_gets_the_appraisal_record(qtbot, window_over, tmp_path, save_as, modal):
    win = window_over(_plan_db(tmp_path, "gmc"), (1280, 800))
    out = tmp_path / "appraisal.pdf"
    asked = save_as(out)
    _press.asked.clear()
    modal(_press(qtbot, Qt.Key.Key_Return))
    with qtbot.waitSignal(win.task_finished, timeout=30_000):
        win.export_revalidation_action.trigger()
    # Every model prints in an appraisal record: the private Rolfe one and account too.
    assert _press.asked[0].startswith("2 reflections this record would print are marked")
    assert "appraisal-record" in asked["start"]
    pdf = read_pdf(out.read_bytes())
    assert "Appraisal record" in flat(pdf.pages[0])
    assert "Last year's development plan and outcomes" in pdf.text


def test_without_a_regulator_the_user_chooses_and_escape_writes_nothing(
    qtbot, window_over, tmp_path, save_as, modal
):
    db = _plan_db(tmp_path, "")
    win = window_over(db, (1280, 800))
    out = tmp_path / "record.pdf"
    save_as(out)
    _press.asked.clear()
    modal(_press(qtbot, Qt.Key.Key_Escape))
    win.export_revalidation_action.trigger()
    qtbot.wait(50)
    assert _press.asked == [
        "Which record do you want? Set your regulator in your profile to skip this."
    ]
    assert not out.exists()
    assert win.export_revalidation_action.isEnabled()


def test_the_development_plan_csv_is_saved_from_the_file_menu(
    qtbot, window_over, tmp_path, save_as
):
    db = _plan_db(tmp_path, "gmc")
    win = window_over(db, (1280, 800))
    out = tmp_path / "pdp.csv"
    asked = save_as(out)
    action = win.export_pdp_csv_action
    assert action.text() == "Export development plan as CSV…"
    with qtbot.waitSignal(win.task_finished, timeout=30_000) as finished:
        _choose_from_file_menu(qtbot, win, action)
    assert finished.args == ["pdp-csv-export", out]
    assert asked["filters"].startswith("CSV for Excel")
    head, *rows = csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline=""))
    assert head[0] == "Learning or development need"
    assert len(rows) == len(win.store.load_plan().current_goals)


def test_saving_the_record_over_the_plan_is_refused_and_changes_nothing(
    qtbot, window_over, tmp_path, save_as, modal
):
    db = _plan_db(tmp_path, "nmc")
    win = window_over(db, (1280, 800))
    save_as(db)
    before = db.read_bytes()
    modal(_press(qtbot, Qt.Key.Key_Return))
    with qtbot.waitSignal(win.task_finished, timeout=30_000) as finished:
        win.export_revalidation_action.trigger()
    kind, result = finished.args
    assert kind == "revalidation-export" and isinstance(result, Exception)
    (box,) = _visible_boxes()
    assert box.windowTitle() == "Record not saved"
    assert "is a database" in box.text()
    box.close()
    assert db.read_bytes() == before


def test_a_plan_held_in_memory_is_exported_too(qtbot, window_over, tmp_path, save_as):
    win = window_over(tmp_path / "own.db")
    memory = PlanStore.memory()
    plan = revalidation_plan("gmc")
    plan.reflections = [dataclasses.replace(r, private=False) for r in plan.reflections]
    memory.replace_plan(plan)
    win.set_store(memory)
    out = tmp_path / "memory.pdf"
    save_as(out)
    with qtbot.waitSignal(win.task_finished, timeout=30_000) as finished:
        win.export_revalidation_action.trigger()
    assert finished.args == ["revalidation-export", out]
    assert "Appraisal record" in flat(read_pdf(out.read_bytes()).pages[0])
    csv_out = tmp_path / "memory.csv"
    save_as(csv_out)
    with qtbot.waitSignal(win.task_finished, timeout=30_000):
        win.export_pdp_csv_action.trigger()
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")
    win.set_store(win.own_store)


def test_the_menu_items_are_greyed_until_there_is_a_plan(window_over, tmp_path):
    win = window_over(tmp_path / "new.db")
    assert not win.export_revalidation_action.isEnabled()
    assert not win.export_pdp_csv_action.isEnabled()


def test_private_reflections_outside_the_appraisal_year_are_not_asked_about(
    qtbot, window_over, tmp_path, save_as, modal
):
    db = _plan_db(tmp_path, "gmc")
    store = PlanStore.open(db)
    try:
        profile = store.profile()
        for reflection in store.reflections():
            if reflection.private:
                # Written three years before the appraisal year: this record prints none.
                reflection.date = profile.revalidation_date.replace(
                    year=profile.revalidation_date.year - 3
                )
                store.save_reflection(reflection)
    finally:
        store.close()
    win = window_over(db, (1280, 800))
    out = tmp_path / "appraisal.pdf"
    save_as(out)
    _press.asked.clear()
    modal(_press(qtbot, Qt.Key.Key_Return))  # would leave them out, were it asked
    with qtbot.waitSignal(win.task_finished, timeout=30_000) as finished:
        win.export_revalidation_action.trigger()
    assert finished.args == ["revalidation-export", out]
    assert _press.asked == []
    assert "SECRET-PRIVATE" not in read_pdf(out.read_bytes()).text
