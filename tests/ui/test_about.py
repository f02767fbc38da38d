"""Help › About and the application icon: what a user or an IT team checks first."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from planner.notices import COMPONENTS
from planner.ui.dialogs.about_dialog import AboutDialog

pytestmark = pytest.mark.gui


def test_about_from_the_help_menu_shows_version_plan_location_and_licences(qtbot, window):
    seen = {}

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen["labels"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        table = dialog.parts
        seen["rows"] = [
            tuple(table.item(row, column).text() for column in range(3))
            for row in range(table.rowCount())
        ]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    help_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Help"
    )
    about = next(a for a in help_menu.actions() if a.text().startswith("About"))
    QTimer.singleShot(0, read_and_close)
    about.trigger()

    assert f"Leadership Planner {version('leadership-planner')}" in seen["labels"]
    assert str(window.store.path) in seen["labels"]
    assert "MIT licence" in seen["labels"]
    assert seen["rows"] == [tuple(component) for component in COMPONENTS]
    assert any(row[1] == "LGPL-3.0" and "PySide6" in row[0] for row in seen["rows"])


def test_the_window_carries_the_app_icon_in_every_size_a_desktop_asks_for(window):
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    # A real picture, not a blank square: the corner is transparent, the ground blue.
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(0, 0).alpha() == 0
    ground = image.pixelColor(6, 32)
    assert (ground.red() < 40, ground.blue() > 150) == (True, True)
