"""The pages after the skills in the sidebar: journal, reviews, self-assessment, profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def journal_pages(window: MainWindow) -> list[tuple[str, str, Callable[[], QWidget]]]:
    """(key, sidebar title, page factory) for the sections that follow the skills."""
    from planner.ui.pages.assessment_page import AssessmentPage
    from planner.ui.pages.profile_page import ProfilePage
    from planner.ui.pages.reflections_page import ReflectionsPage
    from planner.ui.pages.reviews_page import ReviewsPage

    doc = window.doc
    tr = window.tr
    return [
        ("reflections", tr("Reflections"), lambda: ReflectionsPage(doc)),
        ("assessments", tr("Self-assessment"), lambda: AssessmentPage(doc)),
        ("reviews", tr("Reviews"), lambda: ReviewsPage(doc)),
        ("profile", tr("Profile"), lambda: ProfilePage(doc)),
    ]
