"""The shared shape of the journal pages: search, a sortable table, a read-only
preview of the selected entry, and New / Edit / Delete buttons."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.ui.document import PlanDocument
from planner.ui.editing import edit_until_saved
from planner.ui.widgets.tables import list_table
from planner.ui.widgets.text import heading, plain_label


class PreviewWriter:
    """Writes headings and plain text into a preview; no text is read as markup."""

    def __init__(self, view: QPlainTextEdit):
        view.clear()
        self._cursor = QTextCursor(view.document())
        self._plain = QTextCharFormat()
        self._bold = QTextCharFormat()
        self._bold.setFontWeight(QFont.Weight.Bold)
        self._title = QTextCharFormat(self._bold)
        self._title.setFontPointSize(view.font().pointSizeF() * 1.25)
        self._first = True

    def _block(self) -> None:
        if not self._first:
            self._cursor.insertBlock()
        self._first = False

    def title(self, text: str) -> None:
        self._block()
        self._cursor.insertText(text, self._title)

    def line(self, text: str) -> None:
        self._block()
        self._cursor.insertText(text, self._plain)

    def section(self, heading_text: str, body: str) -> None:
        self._block()
        self._cursor.insertBlock()
        self._cursor.insertText(heading_text, self._bold)
        for paragraph in body.splitlines() or [""]:
            self._cursor.insertBlock()
            self._cursor.insertText(paragraph, self._plain)


class RecordListPage(QWidget):
    """Subclasses give the models, the preview and the three actions."""

    def __init__(
        self,
        doc: PlanDocument,
        *,
        title: str,
        intro: str,
        table_name: str,
        search_hint: str,
        new_label: str,
        source,
        id_role: int,
        proxy: QSortFilterProxyModel | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        self.source = source
        # Without a proxy the source model filters (``set_text``) and sorts itself,
        # as a long list must: a proxy's sort calls back into Python at every step.
        self.proxy = proxy
        shown = source
        if proxy is not None:
            proxy.setParent(self)
            proxy.setSourceModel(source)
            proxy.setDynamicSortFilter(True)
            shown = proxy
        self._id_role = id_role
        self.setAccessibleName(title)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, parent=self))
        layout.addWidget(plain_label(intro, self))

        self.toolbar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(search_hint)
        self.search.setAccessibleName(search_hint)
        self.search.setClearButtonEnabled(True)
        self.toolbar.addWidget(self.search, 1)
        self.new_button = self._button(new_label)
        self.edit_button = self._button(self.tr("Edit"))
        self.delete_button = self._button(self.tr("Delete"))
        self.toolbar.addSpacing(12)
        for button in (self.new_button, self.edit_button, self.delete_button):
            self.toolbar.addWidget(button)
        layout.addLayout(self.toolbar)

        self.table = list_table(table_name)
        self.table.setModel(shown)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setHighlightSections(False)

        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

        delete_action = QAction(self.tr("Delete"), self.table)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)

        self.search.textChanged.connect(self._search_changed)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        # activated covers Enter and double-click, as the platform defines them.
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        shown.modelReset.connect(self._selection_changed)
        shown.layoutChanged.connect(self._selection_changed)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def finish_layout(self, *extra_filters: QWidget) -> None:
        """Adds filter widgets after the search field and sets the tab order."""
        for i, widget in enumerate(extra_filters, start=1):
            self.toolbar.insertWidget(i, widget)
        chain = [
            self.search,
            *extra_filters,
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.table,
            self.preview,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        self._selection_changed()

    def _search_changed(self, text: str) -> None:
        self.refilter(lambda: (self.proxy or self.source).set_text(text))

    def refilter(self, change) -> None:
        """Runs ``change`` (a new filter), keeping the selected entry selected while it
        is still shown: a model that filters itself resets, which drops the selection."""
        keep = self.selected_id()
        change()
        if keep is not None and not self.select_id(keep):
            self.table.clearSelection()
        self._selection_changed()

    # -- selection -----------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), index.parent()
        ):
            return None
        return index.data(self._id_role)

    def selected(self):
        """The selected entry, or None."""
        row = self.source.row_of(self.selected_id())
        return self.source.row_at(row) if row >= 0 else None

    def select_id(self, record_id: int | None) -> bool:
        row = self.source.row_of(record_id)
        if row < 0:
            return False
        index = self.source.index(row, 0)
        if self.proxy is not None:
            index = self.proxy.mapFromSource(index)
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def reload(self) -> None:
        """Refills the table from the store, keeping the selection when it can."""
        keep = self.selected_id()
        self.load_rows()
        if not self.select_id(keep):
            self.table.clearSelection()
        self._selection_changed()

    def _selection_changed(self) -> None:
        record = self.selected()
        self.edit_button.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None)
        if record is None:
            self.preview.setPlainText(
                self.tr("Nothing to show yet.")
                if self.source.total() == 0
                else self.tr("Select an entry to read it here.")
            )
        else:
            self.write_preview(PreviewWriter(self.preview), record)
        self.preview.moveCursor(QTextCursor.MoveOperation.Start)

    def resize_columns(
        self,
        stretch_column: int,
        widths: dict[int, int] | None = None,
        texts: dict[int, list[str]] | None = None,
    ) -> None:
        """One column takes the spare width; those in ``widths`` (in average
        characters, so they scale with the font) or ``texts`` (every value the column
        can show) can be resized by hand; the rest fit their contents.

        ``texts`` suits long lists: ``ResizeToContents`` measures up to 1,000 rows
        through ``data()`` each time the list changes.
        """
        header = self.table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        metrics = self.table.fontMetrics()
        style = self.table.style()
        padding = 2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin) + 24
        for column in range(self.source.columnCount()):
            if column == stretch_column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif widths and column in widths:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, widths[column] * char)
            elif texts and column in texts:
                heading_text = self.source.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
                widest = max(metrics.horizontalAdvance(t) for t in [heading_text, *texts[column]])
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, widest + padding)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # -- for subclasses ------------------------------------------------------------

    def load_rows(self) -> None:
        raise NotImplementedError

    def write_preview(self, writer: PreviewWriter, record) -> None:
        raise NotImplementedError

    def record_dialog(self, record) -> QDialog:
        """The editor, filled from ``record`` (None: a new entry)."""
        raise NotImplementedError

    def record_from(self, dialog: QDialog):
        """The entry as typed into ``dialog``."""
        raise NotImplementedError

    def save_command(self, new, old):
        """The command saving ``new`` (over ``old``, or as a new entry when None)."""
        raise NotImplementedError

    def delete_selected(self) -> None:
        raise NotImplementedError

    # -- editing -------------------------------------------------------------------

    def new_record(self) -> None:
        self._edit(None)

    def edit_selected(self) -> None:
        old = self.selected()
        if old is not None:
            self._edit(old)

    def _edit(self, old) -> None:
        """Shows the editor on ``old`` (None: a new entry) until it is saved or
        cancelled; a refused save (disk full, file locked) brings it back as typed."""

        def command(dialog):
            new = self.record_from(dialog)
            return self.save_command(new, old) if new != old else None

        saved = edit_until_saved(
            self.doc,
            lambda previous: self.record_dialog(self.record_from(previous) if previous else old),
            command,
        )
        if saved is not None:
            self.select_id(saved.new.id)
