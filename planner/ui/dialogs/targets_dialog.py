"""Set targets…: the current cycle's target level for each skill, saved as one
undoable action."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner.domain.rating_history import latest_levels, rating_series
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.document import PlanDocument
from planner.ui.editing import edit_until_saved
from planner.ui.widgets.screen_fit import resize_within_screen
from planner.ui.widgets.targets_editor import TargetsEditor


class TargetsDialog(EditorDialog):
    """Opens on ``skill_id``'s chooser when given (from a skill page)."""

    def __init__(
        self,
        doc: PlanDocument,
        parent: QWidget | None = None,
        *,
        skill_id: str | None = None,
        targets: dict[str, int] | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        framework = doc.framework
        self.setWindowTitle(self.tr("Set targets"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the level you aim to reach on each %s by the end of this cycle. "
                "Leave “No target” where you do not want one. Your charts show how far "
                "you are from each target."
            )
            % framework.part_singular,
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        latest = latest_levels(rating_series(doc.store.all_assessments()))
        self.editor = TargetsEditor(
            framework,
            doc.store.targets() if targets is None else targets,
            latest=latest,
        )
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(self.editor)
        area.setAccessibleName(self.tr("Targets"))
        layout.addWidget(area, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save targets"))
        save.setAccessibleName(self.tr("Save targets"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finish_setup(self.editor.first_field(skill_id))
        resize_within_screen(self, 640, 170 + 36 * len(framework.skills))

    def snapshot(self) -> object:
        return self.editor.targets()

    def targets(self) -> dict[str, int]:
        return self.editor.targets()


def edit_targets(doc: PlanDocument, parent: QWidget, skill_id: str | None = None) -> bool:
    """Shows the targets dialog until saved or cancelled; True when targets changed."""
    from planner.ui.commands import SetTargets

    old = doc.store.targets()

    def make_dialog(previous):
        return TargetsDialog(
            doc, parent, skill_id=skill_id, targets=previous.targets() if previous else None
        )

    def make_command(dialog):
        new = dialog.targets()
        return None if new == old else SetTargets(doc, old, new)

    return edit_until_saved(doc, make_dialog, make_command) is not None
