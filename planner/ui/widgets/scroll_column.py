"""A page's content as one column that scrolls, no wider than a comfortable line."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget


def scrolling_column(page: QWidget, max_chars: int) -> tuple[QWidget, QVBoxLayout]:
    """Fills ``page`` with a frameless scroll area; returns the column inside it and
    its layout. Long lines of form fields are hard to scan on a wide screen, so the
    column is at most ``max_chars`` average characters wide."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    outer.addWidget(area)
    inner = QWidget()
    inner.setMaximumWidth(page.fontMetrics().averageCharWidth() * max_chars)
    area.setWidget(inner)
    return inner, QVBoxLayout(inner)
