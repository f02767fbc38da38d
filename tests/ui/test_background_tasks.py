"""Exporting and importing whole plans never freezes the window: whole-plan work runs
in the app's own command-line verbs, in a process of their own, waited for on a worker
thread, with a busy bar."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from planner import planfile
from planner.store import PlanStore
from planner.ui import child_process
from planner.ui.dialogs.export_dialog import run_pdf_export
from planner.ui.plan_files import export_plan_file, import_plan_file

pytestmark = pytest.mark.gui


@pytest.fixture
def threads_reading(monkeypatch):
    """Names of the threads that read a whole plan or write one."""
    seen: list[tuple[str, bool]] = []
    for name in ("load_plan", "replace_plan"):
        original = getattr(PlanStore, name)

        def spy(self, *args, _original=original, _name=name, **kwargs):
            seen.append((_name, threading.current_thread() is threading.main_thread()))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(PlanStore, name, spy)
    return seen


def _slow_disk(monkeypatch, module, name):
    """Makes ``module.name`` wait until released, as a slow network drive would."""
    release = threading.Event()
    original = getattr(module, name)

    def slow(*args, **kwargs):
        assert release.wait(10), "the test never released the slow disk"
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    return release


def test_exporting_a_plan_file_leaves_the_window_answering(
    window, qtbot, tmp_path, monkeypatch, threads_reading
):
    out = tmp_path / "copy.json"
    release = _slow_disk(monkeypatch, child_process, "run_verb")
    with qtbot.waitSignal(window.task_finished, timeout=60000) as finished:
        export_plan_file(window, str(out))
        # Still writing, yet the window takes clicks: the menu action is only greyed.
        assert not window.export_plan_action.isEnabled()
        qtbot.wait(50)
        assert not out.exists()
        release.set()
    assert finished.args == ["plan-export", out]
    assert window.export_plan_action.isEnabled()
    # The window's process never held the whole plan: the export-json verb read it.
    assert threads_reading == []
    stamp = "2026-06-15T10:00:00Z"
    assert planfile.dumps(planfile.read(out), exported_at=stamp) == planfile.dumps(
        window.store.load_plan(), exported_at=stamp
    )


def test_importing_a_plan_file_reads_and_writes_outside_the_window(
    window, qtbot, tmp_path, monkeypatch, threads_reading, sample_plan, questions
):
    sample_plan.profile.name = "Imported Person"
    source = tmp_path / "other.json"
    planfile.write(sample_plan, source)
    questions.answer("yes")
    release = _slow_disk(monkeypatch, child_process, "run_verb")
    with qtbot.waitSignal(window.task_finished, timeout=60000) as finished:
        import_plan_file(window, str(source))
        qtbot.wait(50)
        assert window.store.profile().name == "Siân Okafor"  # nothing changed yet
        release.set()
    assert finished.args == ["plan-import", source]
    # Read and checked by import-json, copied in by SQLite: never built in this process.
    assert threads_reading == []
    # Nothing of the staging copy is left beside the plan.
    assert [p.name for p in window.store.path.parent.iterdir() if ".import" in p.name] == []
    # The window's own connection sees the new plan, and a backup of the old one exists.
    assert window.store.profile().name == "Imported Person"
    assert "Imported Person" in window.windowTitle()
    assert list((window.store.path.parent / "backups").glob("*import*"))
    assert window.store.changes > window.store.changes_backed_up


def test_a_damaged_plan_file_is_refused_without_changing_anything(window, qtbot, tmp_path):
    source = tmp_path / "bad.json"
    source.write_text('{"format": "leadership-plan", "version": 1', encoding="utf-8")
    with qtbot.waitSignal(window.task_finished, timeout=20000) as finished:
        import_plan_file(window, str(source))
    assert isinstance(finished.args[1], child_process.VerbError)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "nothing was changed" in boxes[0].text()
    assert boxes[0].detailedText().startswith("not valid JSON (line 1")
    assert window.store.profile().name == "Siân Okafor"
    boxes[0].close()


def test_pdf_export_reads_the_plan_in_a_process_of_its_own(
    window, qtbot, tmp_path, threads_reading
):
    out = tmp_path / "plan.pdf"
    with qtbot.waitSignal(window.task_finished, timeout=60000) as finished:
        run_pdf_export(window, out, ask=False)
    assert finished.args[0] == "pdf" and finished.args[1][0] == out
    assert finished.args[1][1] > 5  # the page count the command reported
    assert out.read_bytes().startswith(b"%PDF-")
    assert threads_reading == []


def test_drawing_after_the_background_import_waits_until_it_has_finished(qtbot):
    """The overview's charts wait for the write path's import, which holds Python's
    lock: drawn meanwhile, they would hold the window up several times as long."""
    from PySide6.QtCore import QObject

    from planner.ui.lifecycle import PREPARE_THREAD, after_background_import

    release = threading.Event()
    importing = threading.Thread(target=release.wait, name=PREPARE_THREAD)
    importing.start()
    done = []
    context = QObject()
    try:
        after_background_import(context, lambda: done.append(True))
        qtbot.wait(60)
        assert done == []
    finally:
        release.set()
        importing.join()
    qtbot.waitUntil(lambda: done == [True])
    after_background_import(context, lambda: done.append(True))  # none runs: soon
    qtbot.waitUntil(lambda: done == [True, True])
