"""The anonymising reminder and the gentle identifier warning shown while writing.

Kept apart from the dialogs so reflections and reviews can share one wording.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from planner.domain.privacy import describe_hints, find_identifiers

# Long enough to let a burst of typing settle, short enough to feel immediate.
DEBOUNCE_MS = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("privacy", text)


class NoteFrame(QFrame):
    """An icon beside a short word-wrapped plain-text message."""

    def __init__(self, icon: QStyle.StandardPixmap, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        style = self.style()
        size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        picture = QLabel(self)
        picture.setPixmap(style.standardIcon(icon).pixmap(size, size))
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)


def _reminder(text: str, name: str, parent: QWidget | None) -> NoteFrame:
    frame = NoteFrame(QStyle.StandardPixmap.SP_MessageBoxInformation, text, parent)
    frame.setAccessibleName(name)
    return frame


def anonymise_reminder(parent: QWidget | None = None) -> NoteFrame:
    """A small always-visible note asking the writer to anonymise."""
    return _reminder(
        tr(
            "Keep it anonymous: GMC and NMC guidance asks that reflections identify no "
            "patient, service user or colleague. Removing the name alone is not enough."
        ),
        tr("Reminder to anonymise"),
        parent,
    )


def name_no_one_reminder(parent: QWidget | None = None) -> NoteFrame:
    """The note over the feedback editor: who gave feedback is a role, never a name."""
    return _reminder(
        tr(
            "Say who it came from by their role, never by name, and write nothing that "
            "could identify a patient, service user or colleague."
        ),
        tr("Reminder never to name anyone"),
        parent,
    )


class IdentifierWatch(QObject):
    """Checks text for likely patient identifiers a moment after typing stops, and
    shows or hides a warning frame; it never blocks anything."""

    found = Signal(str)  # the warning shown, or "" when the text looks clean

    def __init__(self, text_source, parent: QWidget):
        super().__init__(parent)
        self._text_source = text_source
        self.warning = NoteFrame(QStyle.StandardPixmap.SP_MessageBoxWarning, "", parent)
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning.setAccessibleName(tr("Possible patient details"))
        self.warning.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)

    def text_changed(self) -> None:
        """Call on every edit; the check runs once typing pauses."""
        self._timer.start()

    def check_now(self) -> str:
        """Runs the check at once; returns the warning shown ("" if none)."""
        self._timer.stop()
        message = describe_hints(find_identifiers(self._text_source()))
        self.warning.label.setText(message)
        self.warning.setAccessibleDescription(message)
        self.warning.setVisible(bool(message))
        self.found.emit(message)
        return message
