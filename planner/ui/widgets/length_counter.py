"""A counter under a length-limited field, so a limit is told while typing, never
applied by cutting text off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


class LengthCounter(QLabel):
    """Shows "12 / 300 characters"; past the limit it says by how much, in bold.

    With ``show_from``, it appears only once the text reaches that length, for fields
    whose limit is far beyond what anyone types (a name of 3,000 characters).
    Without ``edit``, it waits for ``follow()`` (a table cell's editor, made later).
    """

    def __init__(
        self,
        edit: QLineEdit | None,
        limit: int,
        parent: QWidget | None = None,
        *,
        show_from: int = 0,
    ):
        super().__init__(parent)
        self.limit = limit
        self.show_from = show_from
        self._over = 0
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(self.tr("Characters used"))
        if edit is None:
            self.hide()
        else:
            edit.textChanged.connect(self.update_count)
            self.update_count(edit.text())

    def follow(self, edit: QLineEdit) -> None:
        """Counts ``edit`` from now on; once it is gone (a closed cell editor) the
        counter hides until it follows another."""
        edit.textChanged.connect(self.update_count)
        edit.destroyed.connect(self.hide)
        self.update_count(edit.text())
        if not self.show_from:
            self.show()

    def update_count(self, text: str) -> None:
        over = self._over = len(text) - self.limit
        if over > 0:
            self.setText(
                self.tr("%d / %d characters: %d too many") % (len(text), self.limit, over)
            )
        else:
            self.setText(self.tr("%d / %d characters") % (len(text), self.limit))
        font = self.font()
        font.setBold(over > 0)
        self.setFont(font)
        if self.show_from:
            self.setVisible(len(text) >= self.show_from)

    def problem(self, what: str) -> str:
        """A sentence for the error line, or "" within the limit."""
        if self._over <= 0:
            return ""
        return self.tr("%s is longer than %d characters; please shorten it.") % (what, self.limit)
