"""Small text helpers for widgets: headings and safe rich text."""

from __future__ import annotations

import html

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


def heading(text: str, level: int = 1, parent: QWidget | None = None) -> QLabel:
    """A plain-text heading label scaled from the system font."""
    label = QLabel(text, parent)
    label.setTextFormat(label.textFormat().PlainText)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * {1: 1.6, 2: 1.25, 3: 1.05}.get(level, 1.0))
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A wrapping label that never interprets user text as markup."""
    label = QLabel(parent)
    label.setTextFormat(label.textFormat().PlainText)
    label.setWordWrap(True)
    label.setText(text)
    return label


def bullet_html(items: list[str]) -> str:
    """Escaped items as an HTML list, for labels that need bullets."""
    return (
        "<ul style='margin-left:-20px'>"
        + "".join(f"<li>{html.escape(item)}</li>" for item in items)
        + "</ul>"
    )
