"""*Help › About*: the version, where the plan is kept, and the licences of the parts the
app is built on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME, version
from planner.notices import COMPONENTS
from planner.ui.launch import app_icon
from planner.ui.widgets.screen_fit import resize_within_screen


class AboutDialog(QDialog):
    def __init__(self, plan_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %s") % APP_NAME)
        layout = QVBoxLayout(self)

        heading = QLabel(f"{APP_NAME} {version()}")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        layout.addWidget(icon)
        layout.addWidget(heading)

        where = str(plan_path) if plan_path is not None else self.tr("(not saved to a file)")
        facts = QLabel(
            self.tr(
                "For NHS clinical staff moving into leadership: set goals for each leadership "
                "skill, rate yourself over time, reflect, and share a development plan with "
                "your manager.\n\nEverything stays on this PC: no account, no network, no "
                "tracking.\n\nYour plan: %s\nBackups: the “backups” folder beside it.\n\n"
                "Leadership Planner is free software under the MIT licence. It is built on "
                "the parts below, each under its own licence; THIRD_PARTY_NOTICES.md, "
                "installed with the app, has the details. Qt's libraries are kept as "
                "separate, replaceable files, as the LGPL asks."
            )
            % where
        )
        facts.setTextFormat(Qt.TextFormat.PlainText)
        facts.setWordWrap(True)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(facts)

        self.parts = QTableWidget(len(COMPONENTS), 3, self)
        self.parts.setHorizontalHeaderLabels(
            [self.tr("Part"), self.tr("Licence"), self.tr("Used for")]
        )
        for row, component in enumerate(COMPONENTS):
            for column, text in enumerate(component):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.parts.setItem(row, column, item)
        self.parts.verticalHeader().hide()
        self.parts.setWordWrap(True)
        header = self.parts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows grow to their wrapped text once the columns have their widths.
        header.sectionResized.connect(lambda *_: self.parts.resizeRowsToContents())
        self.parts.setAccessibleName(self.tr("Third-party parts and their licences"))
        layout.addWidget(self.parts, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        resize_within_screen(self, 640, 560)
