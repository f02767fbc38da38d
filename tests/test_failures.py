"""A bug's traceback goes to a log only its owner can read, without the plan's text."""

from __future__ import annotations

import stat
import sys

import pytest

from planner.failures import log_path, report_command_failure

SECRET = "Reflection: the handover with Bed 4's family went badly"


def _bug_quoting_the_plan():
    try:
        {}["missing"]
    except KeyError as inner:
        raise ValueError(f"could not lay out {SECRET!r}") from inner


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_error_log_is_owner_only_and_holds_no_plan_text(capsys):
    try:
        _bug_quoting_the_plan()
    except ValueError as exc:
        assert report_command_failure(exc) == 1

    path = log_path()
    text = path.read_text(encoding="utf-8")
    assert "_bug_quoting_the_plan" in text and "ValueError" in text and "KeyError" in text
    assert "handover" not in text and "Bed 4" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
