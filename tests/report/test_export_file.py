"""Saving the PDF: atomic replacement, private permissions and clear failure messages."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from planner.demo import demo_plan
from planner.report import ExportError, export_pdf
from tests.report.conftest import TODAY, read_pdf

OLD = b"%PDF-1.4 the previous export\n"


def test_export_writes_a_readable_pdf_and_returns_its_page_count(tmp_path):
    out = tmp_path / "plan.pdf"
    pages = export_pdf(demo_plan(TODAY), out, today=TODAY)
    pdf = read_pdf(out.read_bytes())
    assert pages == len(pdf.pages)
    assert f"Page 1 of {pages}" in pdf.pages[0]
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_export_is_readable_by_its_owner_only(tmp_path):
    out = tmp_path / "plan.pdf"
    out.write_bytes(OLD)
    out.chmod(0o644)
    export_pdf(demo_plan(TODAY), out, today=TODAY)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_failed_build_leaves_the_previous_pdf_untouched(tmp_path, monkeypatch):
    import planner.report.build as build

    out = tmp_path / "plan.pdf"
    out.write_bytes(OLD)

    def broken(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(build, "skill_sections", broken)
    with pytest.raises(RuntimeError):
        export_pdf(demo_plan(TODAY), out, today=TODAY)
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(13, "Permission denied"), "permission"),
        (OSError(28, "No space left on device"), "disk is full"),
    ],
)
def test_a_failed_write_leaves_the_previous_pdf_and_explains(
    tmp_path, monkeypatch, error, expected
):
    out = tmp_path / "plan.pdf"
    out.write_bytes(OLD)

    def refuse(*args):
        raise error

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        export_pdf(demo_plan(TODAY), out, today=TODAY)
    assert expected in str(caught.value)
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_pdf_open_in_a_reader_on_windows_gets_advice_to_close_it(tmp_path, monkeypatch):
    out = tmp_path / "plan.pdf"
    out.write_bytes(OLD)

    def locked(*args):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(ExportError) as caught:
        export_pdf(demo_plan(TODAY), out, today=TODAY)
    assert "open in another program" in str(caught.value)
    assert "Close it" in str(caught.value)
    assert out.read_bytes() == OLD


def test_a_folder_as_target_is_refused_with_a_message(tmp_path):
    with pytest.raises(ExportError) as caught:
        export_pdf(demo_plan(TODAY), tmp_path, today=TODAY)
    assert "is a folder" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_folder_is_refused_with_a_message(tmp_path):
    with pytest.raises(ExportError) as caught:
        export_pdf(demo_plan(TODAY), tmp_path / "nowhere" / "plan.pdf", today=TODAY)
    assert "does not exist" in str(caught.value)


def test_a_folder_without_write_permission_is_refused_with_a_message(tmp_path, monkeypatch):
    import planner.files

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    # The system refuses to create the temporary file in the folder.
    monkeypatch.setattr(planner.files, "open_no_follow", refuse)
    with pytest.raises(ExportError) as caught:
        export_pdf(demo_plan(TODAY), tmp_path / "plan.pdf", today=TODAY)
    assert "You do not have permission to save in" in str(caught.value)
    assert "Choose another folder" in str(caught.value)


def test_an_unwritable_folder_on_windows_is_not_mistaken_for_an_open_pdf(tmp_path, monkeypatch):
    import planner.files

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(planner.files, "open_no_follow", refuse)
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(ExportError) as caught:
        export_pdf(demo_plan(TODAY), tmp_path / "plan.pdf", today=TODAY)
    assert "You do not have permission to save in" in str(caught.value)
    assert "open in another program" not in str(caught.value)


def test_importing_the_report_package_does_not_load_reportlab_or_pypdf():
    code = (
        "import sys, planner.report, planner.planfile, planner.plan_attachment; "
        "assert 'reportlab' not in sys.modules; "
        "assert 'pypdf' not in sys.modules; "
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
