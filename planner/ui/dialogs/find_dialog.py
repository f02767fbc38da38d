"""*Edit › Find in plan…*: words looked for across the whole plan, and a list of where
they are; choosing a result shows that goal, reflection or review."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.store.search import (
    ACTION,
    GOAL,
    PROGRESS,
    REFLECTION,
    SearchHit,
    SearchResult,
    excerpt,
    search_plan,
    search_plan_file,
)
from planner.ui.document import PlanDocument
from planner.ui.models.goals_model import format_date
from planner.ui.workers import run_task

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
LIMIT = 200
# Typing pauses this long before the plan is searched: one search per word, not per key.
PAUSE_MS = 250


def _one_line(text: str) -> str:
    return " ".join(text.split())


class FindDialog(QDialog):
    """Searches as the user types (off the GUI thread when the plan is a file) and
    emits ``hit_chosen`` with the result opened by Enter or a double-click."""

    hit_chosen = Signal(object)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(self.tr("Find in plan"))
        self._asked = 0  # the number of the newest search; older answers are dropped
        self._phrase = ""

        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Words to find"))
        self.field.setAccessibleName(self.tr("Find in plan"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.status = QLabel(self.tr("Type the words to find in your plan."), self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(2)
        self.status.setBuddy(self.results)
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("Open"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in buttons.buttons():
            # Enter opens through the field or the list; a default button would open twice.
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_current)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(lambda _text: self.timer.start())
        self.field.returnPressed.connect(self._field_entered)
        self.results.activated.connect(lambda _index: self.open_current())
        self.resize(640, 480)

    # -- searching ---------------------------------------------------------------

    def search_now(self) -> None:
        self.timer.stop()
        phrase = self.field.text().strip()
        self._asked += 1
        asked = self._asked
        self._phrase = phrase
        if not phrase:
            self._show(SearchResult([], False), asked)
            return
        path = self.doc.store.path
        if path is None:  # a plan in memory has only the window's connection
            self._show(search_plan(self.doc.store.db, phrase, LIMIT), asked)
            return
        self.status.setText(self.tr("Searching…"))
        run_task(
            lambda: search_plan_file(path, phrase, LIMIT),
            lambda result: self._show(result, asked),
            lambda _exc: self._failed(asked),
        )

    def _failed(self, asked: int) -> None:
        if asked == self._asked:
            self.status.setText(self.tr("The search could not be finished. Please try again."))

    def _show(self, result: SearchResult, asked: int) -> None:
        if asked != self._asked:
            return
        self.results.clear()
        for hit in result.hits:
            item = QListWidgetItem(self.describe(hit))
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if not self._phrase:
            message = self.tr("Type the words to find in your plan.")
        elif not result.hits:
            message = self.tr("Nothing found for “%s”.") % self._phrase
        elif result.more:
            message = self.tr("Showing the first %d found. Type more words to narrow it.") % len(
                result.hits
            )
        else:
            message = self.tr("%d found. Press Down to reach them, Enter to open one.") % len(
                result.hits
            )
        self.status.setText(message)
        if result.hits:
            self.results.setCurrentRow(0)

    # -- describing a result -----------------------------------------------------

    def describe(self, hit: SearchHit) -> str:
        """Two lines of plain text: what was found and where in it."""
        title = _one_line(hit.title)
        if hit.kind == GOAL:
            head = self.tr("Goal: %s") % title
        elif hit.kind == ACTION:
            head = self.tr("Action of the goal “%s”") % title
        elif hit.kind == PROGRESS:
            head = self.tr("Progress note on “%s”") % title
        elif hit.kind == REFLECTION:
            head = self.tr("Reflection: %s") % title
        else:
            head = self.tr("Review with %s") % title if title else self.tr("Review")
        details = []
        if hit.skill:
            details.append(self.doc.skill_name(hit.skill))
        if hit.date:
            details.append(format_date(hit.date))
        if hit.private:
            details.append(self.tr("Private"))
        if details:
            head += " · " + " · ".join(details)
        return f"{head}\n{self.field_name(hit.field)}: {excerpt(hit.text, self._phrase)}"

    def field_name(self, field: str) -> str:
        names = {
            "title": self.tr("Title"),
            "description": self.tr("Description"),
            "measure": self.tr("How you will know"),
            "support": self.tr("Support needed"),
            ACTION: self.tr("Action"),
            PROGRESS: self.tr("Note"),
            "section": self.tr("Reflection"),
            "notes": self.tr("Notes"),
            "agreed_actions": self.tr("Agreed actions"),
        }
        return names.get(field, field)

    # -- opening -----------------------------------------------------------------

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        return item.data(HIT_ROLE) if item is not None else None

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.hide()
            self.hit_chosen.emit(hit)

    def _field_entered(self) -> None:
        # Enter before the pause is over searches at once; once the results for
        # these words are in, it opens the highlighted one.
        if self.timer.isActive() or self._phrase != self.field.text().strip():
            self.search_now()
        else:
            self.open_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results.count()
        ):
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def start(self) -> None:
        """Shows the dialog with the field ready for new words."""
        if self.isVisible():
            self.raise_()  # already open, perhaps behind the window
        self.show()
        self.activateWindow()
        self.field.setFocus()
        self.field.selectAll()
