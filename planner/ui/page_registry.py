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
    page.export_requested.connect(lambda number: flows.export_pdf(window, cycle=number))
    return page


# Regulators whose revalidation or CPD the app counts; the page shows for them only.
REVALIDATION_REGULATORS = ("nmc", "gmc", "hcpc")


def page_applies(key: str, regulator: str) -> bool:
    """Whether the sidebar shows page ``key`` to a user with this regulator."""
    return key != "revalidation" or regulator in REVALIDATION_REGULATORS


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
        ("learning", tr("Learning (CPD)"), lambda: _page("learning_page", "LearningPage", doc)),
        ("feedback", tr("Feedback"), lambda: _page("feedback_page", "FeedbackPage", doc)),
        (
            "assessments",
            tr("Self-assessment"),
            lambda: _page("assessment_page", "AssessmentPage", doc),
        ),
        ("reviews", tr("Reviews"), lambda: _reviews_page(window)),
        ("cycles", tr("Plan cycles"), lambda: _cycles_page(window)),
        (
            "revalidation",
            tr("Revalidation"),
            lambda: _page("revalidation_page", "RevalidationPage", doc),
        ),
        ("profile", tr("Profile"), lambda: _page("profile_page", "ProfilePage", doc)),
    ]
