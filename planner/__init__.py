"""Leadership Planner: leadership development planning for NHS clinical staff."""

from __future__ import annotations

from functools import cache

APP_NAME = "Leadership Planner"
DISTRIBUTION = "leadership-planner"


@cache
def version() -> str:
    """The installed version, from the package metadata (``pyproject.toml`` is its one
    source). Read only when shown: importing ``importlib.metadata`` costs a start-up."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"
