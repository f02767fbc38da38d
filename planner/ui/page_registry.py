"""The pages after the skills in the sidebar: journal, reviews, cycles, profile."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def _page(module: str, name: str, doc) -> QWidget:
    # Each page's module loads when the page is first shown, not at start-up.
    return getattr(importlib.import_module(f"planner.ui.pages.{module}"), name)(doc)


def _reviews_page(window: MainWindow) -> QWidget:
    page = _page("reviews_page", "ReviewsPage", window.doc)
    page.goal_requested.connect(window.show_goal)
    return page


def _cycles_page(window: MainWindow) -> QWidget:
    from planner.ui import flows

    page = _page("cycles_page", "CyclesPage", window.doc)
    page.new_cycle_requested.connect(lambda: flows.start_new_cycle(window))
    return page


def journal_pages(window: MainWindow) -> list[tuple[str, str, Callable[[], QWidget]]]:
    """(key, sidebar title, page factory) for the sections that follow the skills."""
    doc = window.doc
    tr = window.tr
    return [
        (
            "reflections",
            tr("Reflections"),
            lambda: _page("reflections_page", "ReflectionsPage", doc),
        ),
        (
            "assessments",
            tr("Self-assessment"),
            lambda: _page("assessment_page", "AssessmentPage", doc),
        ),
        ("reviews", tr("Reviews"), lambda: _reviews_page(window)),
        ("cycles", tr("Plan cycles"), lambda: _cycles_page(window)),
        ("profile", tr("Profile"), lambda: _page("profile_page", "ProfilePage", doc)),
    ]
