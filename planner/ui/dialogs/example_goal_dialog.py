"""*Start from an example…*: the framework's example goals for a skill, with the
skill's observable behaviours to carry into the goal's success measure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import Goal, Skill
from planner.ui.widgets.screen_fit import resize_within_screen
from planner.ui.widgets.text import heading, plain_label


class ExampleGoalDialog(QDialog):
    """Lists the examples (the first chosen) and the behaviours (none ticked);
    ``goal()`` is the draft to open in the goal editor after ``accept``."""

    def __init__(self, skill: Skill, parent: QWidget | None = None):
        super().__init__(parent)
        self.skill = skill
        self.setWindowTitle(self.tr("Start from an example"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(skill.name, 2, self))

        examples_label = QLabel(self.tr("&Example goals from the framework:"), self)
        layout.addWidget(examples_label)
        self.examples = QListWidget(self)
        self.examples.setAccessibleName(self.tr("Example goals"))
        self.examples.setWordWrap(True)
        # Long examples wrap to two lines or more: space and shading tell them apart.
        self.examples.setSpacing(3)
        self.examples.setAlternatingRowColors(True)
        for text in skill.example_goals:
            self.examples.addItem(QListWidgetItem(text))
        examples_label.setBuddy(self.examples)
        layout.addWidget(self.examples, 1)

        behaviours_label = QLabel(
            self.tr(
                "&What good looks like: tick the behaviours that will show you have got "
                "there; they go into the goal's success measure."
            ),
            self,
        )
        behaviours_label.setWordWrap(True)
        layout.addWidget(behaviours_label)
        self.behaviours = QListWidget(self)
        self.behaviours.setAccessibleName(self.tr("Behaviours to measure success by"))
        self.behaviours.setWordWrap(True)
        self.behaviours.setSpacing(3)
        for text in skill.behaviours:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.behaviours.addItem(item)
        behaviours_label.setBuddy(self.behaviours)
        layout.addWidget(self.behaviours, 1)

        self.note = plain_label("", self)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use this example…"))
        self.ok_button.setAccessibleName(self.tr("Use this example"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter on a chosen example uses it, as the button does.
        self.examples.itemActivated.connect(lambda _item: self.accept())

        notes = []
        if skill.example_goals:
            self.examples.setCurrentRow(0)
            self.examples.setFocus()
        else:
            self.examples.hide()
            examples_label.hide()
            self.ok_button.setText(self.tr("Write my own goal…"))
            self.ok_button.setAccessibleName(self.tr("Write my own goal"))
            notes.append(
                self.tr("The framework gives no example goals for %s: write your own.")
                % skill.name
            )
            self.behaviours.setFocus()
        if skill.behaviours:
            if not skill.example_goals:
                notes.append(self.tr("The behaviours below show what good looks like."))
        else:
            self.behaviours.hide()
            behaviours_label.hide()
            notes.append(self.tr("The framework lists no behaviours for this one."))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(self.note.text()))
        resize_within_screen(self, 620, 520)

    def chosen_behaviours(self) -> list[str]:
        return [
            self.behaviours.item(i).text()
            for i in range(self.behaviours.count())
            if self.behaviours.item(i).checkState() == Qt.CheckState.Checked
        ]

    def goal(self) -> Goal:
        """A new goal for the skill: the chosen example as its title, the ticked
        behaviours as its success measure."""
        item = self.examples.currentItem()
        title = item.text() if item is not None and self.skill.example_goals else ""
        ticked = self.chosen_behaviours()
        measure = ""
        if ticked:
            measure = "\n".join(
                [self.tr("Others will see me:"), *(f"• {text}" for text in ticked)]
            )
        return Goal(skill=self.skill.id, title=title, measure=measure)
