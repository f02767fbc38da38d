"""Shared test setup: headless Qt, a throwaway data folder, and ready-made plans."""

from __future__ import annotations

import datetime as dt
import os

# Before anything imports Qt: no screen on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from planner.demo import demo_plan
from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework
from planner.store import PlanStore

FIXED_TODAY = dt.date(2026, 6, 15)


def _refuse_network(*args, **kwargs):
    raise RuntimeError("network access attempted; Leadership Planner must work offline")


@pytest.fixture(autouse=True, scope="session")
def _no_network():
    """The app never uses the network: the whole suite runs with connecting refused."""
    import socket

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse_network)
        patch.setattr(socket.socket, "connect_ex", _refuse_network)
        patch.setattr(socket, "create_connection", _refuse_network)
        yield


@pytest.fixture(autouse=True)
def _private_data_home(tmp_path_factory, monkeypatch):
    """Keeps logs, settings and default databases out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "local"))


def plan_json(path) -> str:
    """The whole plan in the file at ``path``, as ``export-json`` writes it (with a
    fixed export time): two plans are the same when these are equal."""
    from planner import planfile

    store = PlanStore.open_readonly(path)
    try:
        return planfile.dumps(store.load_plan(), exported_at="fixed")
    finally:
        store.close()


@pytest.fixture
def core_framework():
    return load_framework(DEFAULT_FRAMEWORK_ID)


@pytest.fixture
def sample_plan():
    return demo_plan(FIXED_TODAY)


@pytest.fixture
def store():
    """An in-memory store with the demo plan loaded."""
    s = PlanStore.memory()
    s.replace_plan(demo_plan(FIXED_TODAY))
    yield s
    s.close()


@pytest.fixture
def db_path(tmp_path):
    """A file database holding the demo plan."""
    path = tmp_path / "plan.db"
    s = PlanStore.open(path)
    s.replace_plan(demo_plan(FIXED_TODAY))
    s.close()
    return path


# A valid NHS number (its check digit is right) and a date of birth, as a tired
# clinician might paste them into a plan.
NHS_NUMBER = "943 476 5919"
DATE_OF_BIRTH = "DOB 12/03/1961"


@pytest.fixture
def identifiable_plan():
    """The demo plan with patient details left in a goal, a progress note, a shared
    and a private reflection and a review."""
    plan = demo_plan(FIXED_TODAY)
    plan.goals[0].support = f"Ask the matron about the patient {NHS_NUMBER}."
    plan.goals[1].progress[0].note = f"Escalated bed 4 ({DATE_OF_BIRTH}) at the huddle."
    shared, private = plan.reflections[1], plan.reflections[3]
    shared.sections["what"] = f"The patient in bay 2, NHS number {NHS_NUMBER}, deteriorated."
    private.sections["what"] = f"Sickness meeting; {DATE_OF_BIRTH}."
    plan.reviews[0].notes = f"Discussed the complaint from {DATE_OF_BIRTH}."
    return plan


@pytest.fixture
def identifiable_db_path(tmp_path, identifiable_plan):
    """A file database holding ``identifiable_plan``."""
    path = tmp_path / "identifiable.db"
    s = PlanStore.open(path)
    s.replace_plan(identifiable_plan)
    s.close()
    return path
