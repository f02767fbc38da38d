"""Where nudge choices are kept: kinds turned off for every plan, and snoozes and
dismissals per plan file, in the app's settings (nothing is written to the plan)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QSettings

from planner.domain.nudges import NudgeChoices

OFF_SETTING = "nudges/off"


def _plan_group(plan_path: Path | None) -> str:
    # A digest keeps the settings key short and free of path separators.
    name = str(plan_path.resolve()) if plan_path is not None else ":memory:"
    return "nudges/plans/" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


def _read_json(settings: QSettings, key: str, default):
    value = settings.value(key)
    if not isinstance(value, str):
        return default
    try:
        return json.loads(value)
    except ValueError:
        # A damaged setting forgets the choices rather than stopping the overview.
        return default


def load_choices(plan_path: Path | None) -> NudgeChoices:
    """The saved choices for the plan at ``plan_path``."""
    settings = QSettings()
    group = _plan_group(plan_path)
    off = _read_json(settings, OFF_SETTING, [])
    dismissed = _read_json(settings, group + "/dismissed", [])
    snoozed: dict[str, dt.date] = {}
    for key, until in _read_json(settings, group + "/snoozed", {}).items():
        try:
            snoozed[str(key)] = dt.date.fromisoformat(until)
        except (TypeError, ValueError):
            continue
    return NudgeChoices({str(k) for k in off}, {str(k) for k in dismissed}, snoozed)


def save_choices(plan_path: Path | None, choices: NudgeChoices) -> None:
    """Keeps ``choices``: the kinds turned off, and this plan's snoozes and dismissals."""
    settings = QSettings()
    group = _plan_group(plan_path)
    settings.setValue(OFF_SETTING, json.dumps(sorted(choices.off)))
    settings.setValue(group + "/dismissed", json.dumps(sorted(choices.dismissed)))
    settings.setValue(
        group + "/snoozed",
        json.dumps({key: until.isoformat() for key, until in sorted(choices.snoozed.items())}),
    )
