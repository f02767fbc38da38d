"""Every question the app asks, as message boxes that never read user text as markup."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, KEEP_EDITING = "save", "discard", "keep"


def tr(text: str) -> str:
    return QCoreApplication.translate("questions", text)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: list[tuple[str, str, QMessageBox.ButtonRole]],
    *,
    default: str,
    escape: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Asks ``text`` with one button per choice; returns the chosen key.

    Args:
        choices: (key, button text, role) in the order shown.
        default: the key Enter chooses.
        escape: the key Esc or closing the box chooses.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    # Titles of goals and reflections are the user's text: never markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = {}
    for key, label, role in choices:
        button = box.addButton(label, role)
        button.setAccessibleName(label.replace("&", ""))
        buttons[key] = button
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), escape)


def confirm(
    parent: QWidget | None, title: str, text: str, yes: str | None = None, no: str | None = None
) -> bool:
    """A yes/no question whose safe answer (no) is the default."""
    yes_role = QMessageBox.ButtonRole.YesRole
    no_role = QMessageBox.ButtonRole.NoRole
    choices = [("yes", yes or tr("&Yes"), yes_role), ("no", no or tr("&Cancel"), no_role)]
    return ask(parent, title, text, choices, default="no", escape="no") == "yes"


def ask_save_discard(parent: QWidget) -> str:
    """Asked before a dialog with changes closes: SAVE, DISCARD or KEEP_EDITING."""
    return ask(
        parent,
        tr("Save your changes?"),
        tr("You have changed things here. Save them before closing?"),
        [
            (SAVE, tr("&Save"), QMessageBox.ButtonRole.AcceptRole),
            (DISCARD, tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole),
            (KEEP_EDITING, tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole),
        ],
        default=KEEP_EDITING,
        escape=KEEP_EDITING,
    )


def ask_save_anyway(parent: QWidget, warning: str) -> bool:
    """Asked once at save when text looks like it identifies a patient; True saves."""
    text = tr(
        "%s\n\nGuidance asks that notes identify no patient, service user or colleague. "
        "Edit the text, or save it as it is?"
    ) % warning
    choices = [
        ("edit", tr("&Edit"), QMessageBox.ButtonRole.RejectRole),
        ("save", tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole),
    ]
    answer = ask(
        parent,
        tr("Possible patient details"),
        text,
        choices,
        default="edit",
        escape="edit",
        icon=QMessageBox.Icon.Warning,
    )
    return answer == "save"


def tell(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    """A message with one OK button (a warning unless ``icon`` says otherwise), its
    text (often a refusal naming user text or a path) shown literally."""
    ask(
        parent,
        title,
        text,
        [("ok", tr("OK"), QMessageBox.ButtonRole.AcceptRole)],
        default="ok",
        escape="ok",
        icon=icon,
    )
