"""What an installation ships: every subpackage, the data files, the licence files and
the third-party notices. The install check (scripts/check_install.py) then tries real
installations; these catch a forgotten entry before a wheel is ever built."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

from planner.frameworks import available_frameworks
from planner.notices import COMPONENTS
from planner.paths import resource

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PROJECT["tool"]["setuptools"]


def test_every_subpackage_of_the_source_is_listed_for_installation():
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "planner").rglob("__init__.py")
    }
    assert found | {"planner.resources"} == set(SETUPTOOLS["packages"])
    assert SETUPTOOLS["package-dir"] == {"planner.resources": "resources"}


def test_every_declared_data_pattern_and_licence_file_matches_a_file():
    for pattern in SETUPTOOLS["package-data"]["planner.resources"]:
        assert list((ROOT / "resources").glob(pattern)), pattern
    for name in PROJECT["project"]["license-files"]:
        assert (ROOT / name).is_file(), name
    # An SPDX expression, not the deprecated table form.
    assert PROJECT["project"]["license"] == "MIT"


def test_fonts_and_frameworks_are_found_through_the_package():
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert resource("fonts", name).is_file(), name
    ids = {framework.id for framework in available_frameworks()}
    assert ids == {
        "core-leadership",
        "healthcare-leadership-model",
        "clinical-leadership-competency-framework",
    }


def _runtime_distributions(name: str, seen: dict[str, str]) -> dict[str, str]:
    try:
        dist = distribution(name)
    except PackageNotFoundError:  # a dependency for another platform
        return seen
    key = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
    if key in seen:
        return seen
    seen[key] = dist.version
    for text in dist.requires or []:
        requirement = Requirement(text)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        _runtime_distributions(requirement.name, seen)
    return seen


def test_the_notices_name_every_part_the_app_installs_and_the_about_box_lists_them_all():
    notices = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8").lower()
    installed = _runtime_distributions("leadership-planner", {})
    # pip is a dependency of sqlite-utils' own plugin installer, never used or bundled.
    missing = [
        name
        for name in installed
        if name not in {"leadership-planner", "pip", "pyside6-essentials", "shiboken6"}
        and name.replace("-", "_") not in notices.replace("-", "_")
    ]
    assert not missing
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \|$", notices, re.MULTILINE)
    listed = {(part, licence, role) for part, licence, role in rows[1:]}
    assert listed == {tuple(field.lower() for field in c) for c in COMPONENTS}


def test_the_mac_plan_folder_stays_put_whatever_platformdirs_makes_of_xdg(monkeypatch, tmp_path):
    import sys

    from planner.paths import local_data_dir

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    expected = tmp_path / "Library" / "Application Support" / "LeadershipPlanner"
    assert local_data_dir() == expected


def test_linux_follows_xdg_data_home_and_keeps_the_folder_name_of_earlier_versions(
    monkeypatch, tmp_path
):
    from planner.paths import default_db_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "leadership-planner" / "plan.db"
