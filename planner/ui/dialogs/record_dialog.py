"""What the learning and feedback editors share: labelled rows, the line that says
why a save was refused, the Save and Cancel buttons, and the skills and goals lists."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.dialogs.privacy_notes import IdentifierWatch
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.link_lists import CheckList, goal_items, skill_items


class RecordDialog(EditorDialog):
    """Subclasses build their form with these helpers, then ``finish_setup``."""

    doc: PlanDocument

    def add_row(self, form: QFormLayout, text: str, widget: QWidget, name: str = "") -> None:
        label = QLabel(text, self)
        label.setBuddy(widget.edit if isinstance(widget, DateInput) else widget)
        if name and not isinstance(widget, DateInput):
            widget.setAccessibleName(name)
        form.addRow(label, widget)

    def text_box(self, hint: str, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(hint)
        line = self.fontMetrics().lineSpacing()
        edit.setMinimumHeight(line * lines)
        # Room to write, while the lists below keep theirs on a small screen.
        edit.setMaximumHeight(line * (lines + 4))
        return edit

    def add_footer(self, layout, save_text: str, watched: list) -> None:
        """The refusal line (``error_label``), the identifier warning over the
        ``watched`` text fields (``watch``) and the buttons (``buttons``)."""
        self.error_label = self.error_line()
        layout.addWidget(self.error_label)
        self.watch = IdentifierWatch(self.privacy_text, self)
        layout.addWidget(self.watch.warning)
        for edit in watched:
            edit.textChanged.connect(self.watch.text_changed)
        self.buttons = self.save_buttons(save_text)
        layout.addWidget(self.buttons)

    def tab_chain(self, *widgets: QWidget) -> None:
        for first, second in itertools.pairwise(widgets):
            self.setTabOrder(first, second)

    @staticmethod
    def rules_problem(problems: list[str]) -> str:
        """The first problem the domain's rules found, without its "where:" part."""
        return problems[0].split(": ", 1)[-1].capitalize()

    def save_buttons(self, save_text: str) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(save_text)
        save.setAccessibleName(save_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def link_lists(self, skills: tuple[str, ...], goals: tuple[str, ...]) -> QGridLayout:
        """The skills and goals it served, side by side, as ``skill_list`` and
        ``goal_list``."""
        self.skill_list = CheckList(self.tr("Skills it served"), self)
        self.skill_list.set_items(skill_items(self.doc.framework), skills)
        self.goal_list = CheckList(self.tr("Goals it served"), self)
        self.goal_list.set_items(
            goal_items(self.doc.store.goal_summaries(), goals, self.tr("A goal no longer open")),
            goals,
        )
        height = self.fontMetrics().lineSpacing() * 5
        grid = QGridLayout()
        for column, (text, widget) in enumerate(
            (
                (self.tr("S&kills it served:"), self.skill_list),
                (self.tr("&Goals it served:"), self.goal_list),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setMinimumHeight(height)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
        return grid
