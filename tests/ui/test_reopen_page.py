"""The window reopens on the page it was closed on, while the plan still has that page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from planner.app import create_window
from planner.ui.main_window import PAGE_SETTING

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(qapp):
    """The app's settings, as the window reads them (the app's names set first)."""
    from planner.ui.launch import make_application

    make_application()
    return QSettings()


def _open(qtbot, path):
    window = create_window(path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window) -> None:
    window.close()
    window.store.close()


def _go_to(qtbot, window, title: str) -> None:
    """Chooses the page with its Go menu shortcut (Ctrl+1, Ctrl+2...), by keyboard; a
    page past the ninth has none, and is reached with the arrow keys in the sidebar."""
    (action,) = [a for a in window.go_menu.actions() if a.text() == title]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if action.shortcut().isEmpty():
        window.nav.setFocus()
        qtbot.keyClick(window.nav, Qt.Key.Key_Home)
        for _ in range(window.nav_model.rowCount()):
            if window.nav.currentIndex().data() == title:
                return
            qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        raise AssertionError(f"{title} is not in the sidebar")
    key = action.shortcut()[0]
    qtbot.keyClick(window, key.key(), key.keyboardModifiers())


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Develop situational awareness", "skill:situational-awareness"),
        ("Reflections", "reflections"),
        ("Self-assessment", "assessments"),
        ("Reviews", "reviews"),
        ("Profile", "profile"),
        ("Overview", "overview"),
    ],
)
def test_the_window_reopens_on_the_page_it_was_closed_on(qtbot, db_path, title, key):
    first = _open(qtbot, db_path)
    assert first.current_page_key() == "overview"
    if title != "Overview":
        _go_to(qtbot, first, "Reviews" if key == "overview" else title)
    if key == "overview":
        _go_to(qtbot, first, title)  # away and back again
    assert first.current_page_key() == key
    _close(first)

    second = _open(qtbot, db_path)
    assert second.current_page_key() == key
    # The sidebar agrees with the page shown, so arrow keys go on from there.
    assert second.nav.currentIndex().data(Qt.ItemDataRole.DisplayRole) == title
    _close(second)


def test_a_skill_no_longer_in_the_framework_falls_back_to_the_overview(qtbot, settings, db_path):
    settings.setValue(PAGE_SETTING, "skill:a-skill-since-removed")
    window = _open(qtbot, db_path)
    assert window.current_page_key() == "overview"
    assert window.nav.currentIndex().data(Qt.ItemDataRole.DisplayRole) == "Overview"
    _close(window)


def test_only_the_page_shown_is_built_at_start(qtbot, settings, db_path):
    settings.setValue(PAGE_SETTING, "reviews")
    window = _open(qtbot, db_path)
    assert list(window.pages) == ["reviews"]
    _close(window)


def test_a_new_plan_still_starts_on_the_welcome_page(qtbot, settings, tmp_path):
    settings.setValue(PAGE_SETTING, "reviews")
    window = _open(qtbot, tmp_path / "new.db")
    assert window.current_page_key() == "welcome"
    window.close()
    # Closing on the welcome page keeps the page saved by the last plan shown.
    assert settings.value(PAGE_SETTING) == "reviews"
    window.store.close()
