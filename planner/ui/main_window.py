"""The main window: sidebar navigation, pages, the menus and toolbar, undo/redo."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME
from planner.domain.models import Framework, Profile
from planner.store import PlanStore
from planner.ui.document import PROFILE, PlanDocument
from planner.ui.widgets.screen_fit import frame_allowance, free_area

if TYPE_CHECKING:
    from planner.ui.pages.skill_page import SkillPage

PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
# The page shown when the window last closed ("overview", "skill:<id>", "reviews"...).
PAGE_SETTING = "window/page"


class _Flows:
    """The window's actions (``planner.ui.flows``), imported on first use: with their
    dialogs they would otherwise add a sixth of the start-up time."""

    def __getattr__(self, name: str):
        from planner.ui import flows

        return getattr(flows, name)


flows = _Flows()


class MainWindow(QMainWindow):
    """One window over one plan; ``set_store`` swaps the plan shown (e.g. the sample)."""

    # A background task of the window ended: its name ("pdf", "plan-export",
    # "plan-import") and its result, an exception, or None when the user stopped it.
    task_finished = Signal(str, object)

    def __init__(self, store: PlanStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.own_store = store
        self.doc: PlanDocument | None = None
        self.pages: dict[str, QWidget] = {}
        self.page_factories: dict[str, Callable[[], QWidget]] = {}
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(900, 600))
        self._create_actions()
        self._create_menus()
        self._create_toolbar()

        self.nav_model = QStandardItemModel(self)
        self.nav = QListView()
        self.nav.setModel(self.nav_model)
        self.nav.setAccessibleName(self.tr("Skills"))
        self.nav.setAccessibleDescription(self.tr("Sections of your plan"))
        self.nav.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nav.setMinimumWidth(220)
        self.nav.setMaximumWidth(340)
        self.nav.setSpacing(3)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.selectionModel().currentChanged.connect(self._on_nav_changed)
        self.stack = QStackedWidget()
        self.stack.currentChanged.connect(self._on_page_shown)

        self.banner = QWidget()
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(self.banner.backgroundRole().AlternateBase)
        banner_layout = QHBoxLayout(self.banner)
        self.banner_label = QLabel(
            self.tr("You are exploring a sample plan. Changes here do not touch your own plan.")
        )
        self.banner_button = QPushButton(self.tr("Start my own plan"))
        self.banner_button.setAccessibleName(self.tr("Start my own plan"))
        self.banner_button.clicked.connect(lambda: self.set_store(self.own_store))
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.banner_button)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([250, 1030])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar()
        self._restore_geometry()
        # The page the window was closed on, shown again if the plan still has it.
        self._start_page = QSettings().value(PAGE_SETTING)
        self.set_store(store)

    # -- actions, menus, toolbar -----------------------------------------------

    def _action(self, text: str, shortcut=None, slot=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.NativeText)})"
                if shortcut is not None
                else tip
            )
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        tr = self.tr
        self.new_goal_action = self._action(
            tr("New goal"),
            QKeySequence.StandardKey.New,
            lambda: flows.new_goal(self),
            tr("Set a new development goal"),
        )
        self.log_progress_action = self._action(
            tr("Log progress"),
            "Ctrl+L",
            lambda: flows.log_progress(self),
            tr("Record how far a goal has come"),
        )
        self.new_reflection_action = self._action(
            tr("New reflection"),
            "Ctrl+R",
            lambda: flows.new_reflection(self),
            tr("Write a structured reflection"),
        )
        self.assessment_action = self._action(
            tr("Self-assessment"),
            "Ctrl+Shift+A",
            lambda: flows.self_assessment(self),
            tr("Rate yourself on every skill"),
        )
        self.targets_action = self._action(
            tr("Set targets…"),
            None,
            lambda: flows.set_targets(self),
            tr("Choose the level you aim to reach this cycle"),
        )
        self.new_review_action = self._action(
            tr("New review"),
            "Ctrl+Shift+R",
            lambda: flows.new_review(self),
            tr("Record a review with your manager"),
        )
        self.new_cycle_action = self._action(
            tr("Start a new cycle…"),
            None,
            lambda: flows.start_new_cycle(self),
            tr("Close this cycle: record how each goal turned out and start the next"),
        )
        self.export_pdf_action = self._action(
            tr("Export PDF"),
            QKeySequence.StandardKey.Print,
            lambda: flows.export_pdf(self),
            tr("Export your development plan as a PDF for your manager"),
        )
        self.export_plan_action = self._action(
            tr("Export plan file…"),
            "Ctrl+Shift+E",
            lambda: flows.export_plan_file(self),
            tr("Save a copy of your whole plan to move it or keep it safe"),
        )
        self.export_calendar_action = self._action(
            tr("Export calendar (.ics)…"),
            None,
            lambda: flows.export_calendar(self),
            tr("Save your target dates, actions due and next review for Outlook"),
        )
        self.export_revalidation_action = self._action(
            tr("Export for revalidation…"),
            None,
            lambda: flows.export_revalidation(self),
            tr("Save your NMC revalidation record or appraisal record as a PDF"),
        )
        self.export_pdp_csv_action = self._action(
            tr("Export development plan as CSV…"),
            None,
            lambda: flows.export_pdp_csv(self),
            tr("Save this cycle's goals as a development plan table for an appraisal toolkit"),
        )
        self.import_plan_action = self._action(
            tr("Import plan file…"),
            QKeySequence.StandardKey.Open,
            lambda: flows.import_plan_file(self),
            tr("Replace this plan with a plan file"),
        )
        self.nudges_action = self._action(
            tr("Nudges…"),
            None,
            lambda: flows.nudge_kinds(self),
            tr("Choose which reminders the overview shows"),
        )
        self.find_action = self._action(
            tr("Find in plan…"),
            "Ctrl+Shift+F",
            lambda: flows.find_in_plan(self),
            tr("Find words in your goals, actions, notes, reflections and reviews"),
        )
        self.quit_action = self._action(tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.undo_action = self._action(
            tr("Undo"),
            QKeySequence.StandardKey.Undo,
            lambda: self.doc and self.doc.undo_stack.undo(),
        )
        self.redo_action = self._action(
            tr("Redo"),
            QKeySequence.StandardKey.Redo,
            lambda: self.doc and self.doc.undo_stack.redo(),
        )
        self.about_action = self._action(
            tr("About Leadership Planner"), None, lambda: flows.about(self)
        )
        self.data_action = self._action(
            tr("Where is my data?"), None, lambda: flows.where_is_my_data(self)
        )

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (
            self.export_pdf_action,
            self.export_plan_action,
            self.export_calendar_action,
            self.export_revalidation_action,
            self.export_pdp_csv_action,
            self.import_plan_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.nudges_action)
        plan_menu = bar.addMenu(self.tr("&Plan"))
        for action in (
            self.new_goal_action,
            self.log_progress_action,
            self.new_reflection_action,
            self.assessment_action,
            self.targets_action,
            self.new_review_action,
        ):
            plan_menu.addAction(action)
        plan_menu.addSeparator()
        plan_menu.addAction(self.new_cycle_action)
        self.go_menu = bar.addMenu(self.tr("&Go"))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.data_action)
        help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        for action in (
            self.new_goal_action,
            self.log_progress_action,
            self.new_reflection_action,
            self.assessment_action,
            self.export_pdf_action,
        ):
            self.toolbar.addAction(action)
            # Tool buttons take no accessible name from their action by themselves.
            self.toolbar.widgetForAction(action).setAccessibleName(action.text())
        self.toolbar.addSeparator()
        for action in (self.undo_action, self.redo_action):
            self.toolbar.addAction(action)
            self.toolbar.widgetForAction(action).setAccessibleName(action.text())

    # -- the plan shown ----------------------------------------------------------

    def set_store(self, store: PlanStore) -> None:
        if self.doc is not None:
            self.doc.changed.disconnect(self._on_changed)
            self.doc.deleteLater()
            old = self.doc.store
            # A sample plan being left is closed; the user's own plan stays open.
            if old is not self.own_store and old is not store:
                old.close()
        self.doc = PlanDocument(store, self)
        self.doc.changed.connect(self._on_changed)
        self.doc.failed.connect(self.show_problem)
        stack = self.doc.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Bound slots, not lambdas: Qt drops them with the window, whereas a lambda
        # would still run while the stack is torn down after the actions are gone.
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.banner.setVisible(store is not self.own_store)
        self.rebuild_pages()

    @Slot(str)
    def _on_undo_text(self, text: str) -> None:
        self._label_undo(self.undo_action, self.tr("Undo"), self.tr("Undo %s"), text)

    @Slot(str)
    def _on_redo_text(self, text: str) -> None:
        self._label_undo(self.redo_action, self.tr("Redo"), self.tr("Redo %s"), text)

    @staticmethod
    def _label_undo(action, short: str, full: str, text: str) -> None:
        # The menu names the action in full; the toolbar keeps its one word, so it
        # never changes width or cuts the label off; the tooltip has the rest.
        action.setText(full % text if text else short)
        action.setIconText(short)
        action.setToolTip(full % text if text else short)

    @property
    def store(self) -> PlanStore:
        return self.doc.store

    def has_plan(self) -> bool:
        return self.doc is not None and self.store.has_plan()

    def rebuild_pages(self, keep: str | None = None) -> None:
        """Builds the sidebar for the plan now shown; each page is built the first
        time it is shown, so start-up costs one page whatever the plan's size."""
        keep = keep or self.current_page_key() or self._take_start_page()
        while self.stack.count():
            page = self.stack.widget(0)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.page_factories.clear()
        self.nav_model.clear()
        self.go_menu.clear()
        plan_ready = self.has_plan()
        for action in (
            self.new_goal_action,
            self.log_progress_action,
            self.new_reflection_action,
            self.assessment_action,
            self.targets_action,
            self.new_review_action,
            self.new_cycle_action,
            self.nudges_action,
            self.export_pdf_action,
            self.export_plan_action,
            self.export_calendar_action,
            self.export_revalidation_action,
            self.export_pdp_csv_action,
            self.find_action,
        ):
            action.setEnabled(plan_ready)
        self.nav.setVisible(plan_ready)
        if not plan_ready:
            self._add_page("welcome", self.tr("Welcome"), self._welcome_page, nav=False)
            self.show_page("welcome")
            return
        from planner.ui.page_registry import journal_pages

        self._add_page("overview", self.tr("Overview"), self._overview_page)
        # The framework's own word: the Healthcare Leadership Model has "Dimensions".
        self._add_heading(self.doc.framework.part_plural.capitalize())
        for skill in self.doc.framework.skills:
            self._add_page(f"skill:{skill.id}", skill.name, lambda s=skill: self._skill_page(s))
        self._add_heading(self.tr("Journal"))
        for key, title, factory in journal_pages(self):
            self._add_page(key, title, factory)
        self._show_applicable_pages()
        self.show_page(keep if self._page_listed(keep) else "overview")

    def _take_start_page(self) -> str | None:
        """The page saved at the last close, once: only the first pages built use it."""
        page, self._start_page = self._start_page, None
        return page if isinstance(page, str) else None

    def _welcome_page(self) -> QWidget:
        from planner.frameworks import available_frameworks
        from planner.ui.pages.welcome_page import WelcomePage

        welcome = WelcomePage(available_frameworks())
        welcome.start_requested.connect(self._start_plan)
        welcome.sample_requested.connect(lambda: flows.open_sample(self))
        return welcome

    def _overview_page(self) -> QWidget:
        from planner.ui.pages.overview_page import OverviewPage

        overview = OverviewPage(self.doc)
        overview.skill_requested.connect(lambda sid: self.show_page(f"skill:{sid}"))
        overview.goal_requested.connect(self.show_goal)
        overview.assessment_requested.connect(lambda: flows.self_assessment(self))
        overview.page_requested.connect(self.show_page)
        overview.targets_requested.connect(lambda: flows.set_targets(self))
        overview.marked_goal_requested.connect(lambda mark: flows.goal_with_mark(self, mark))
        return overview

    def _skill_page(self, skill) -> QWidget:
        from planner.ui.pages.skill_page import SkillPage

        page = SkillPage(self.doc, skill)
        page.new_goal_requested.connect(lambda sid: flows.new_goal(self, sid))
        page.example_goal_requested.connect(lambda sid: flows.goal_from_example(self, sid))
        page.edit_goal_requested.connect(lambda gid: flows.edit_goal(self, gid))
        page.delete_goal_requested.connect(lambda gid: flows.delete_goal(self, gid))
        page.log_progress_requested.connect(lambda gid: flows.log_progress(self, gid))
        page.delete_progress_requested.connect(
            lambda gid, entry: flows.delete_progress(self, gid, entry)
        )
        page.action_toggled.connect(
            lambda aid, text, done: flows.toggle_action(self, aid, text, done)
        )
        page.targets_requested.connect(lambda sid: flows.set_targets(self, sid))
        return page

    def _add_heading(self, title: str) -> None:
        """A group label in the sidebar; not selectable, so arrow keys pass over it."""
        item = QStandardItem(title.upper())
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        item.setFont(font)
        item.setData(title, Qt.ItemDataRole.AccessibleTextRole)
        self.nav_model.appendRow(item)

    def _add_page(self, key: str, title: str, factory, *, nav: bool = True) -> None:
        self.page_factories[key] = factory
        if not nav:
            return
        item = QStandardItem(title)
        item.setData(key, PAGE_ROLE)
        item.setData(title, Qt.ItemDataRole.AccessibleTextRole)
        item.setToolTip(title)
        self.nav_model.appendRow(item)
        number = len(self.go_menu.actions()) + 1
        action = self.go_menu.addAction(title)
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _=False, k=key: self.show_page(k))

    def page(self, key: str) -> QWidget | None:
        """The page for ``key``, built now if it has not been shown yet."""
        if key not in self.pages:
            factory = self.page_factories.get(key)
            if factory is None:
                return None
            self.pages[key] = factory()
            self.stack.addWidget(self.pages[key])
        return self.pages[key]

    def page_keys(self) -> list[str]:
        return list(self.page_factories)

    def current_page_key(self) -> str | None:
        page = self.stack.currentWidget()
        for key, candidate in self.pages.items():
            if candidate is page:
                return key
        return None

    def current_skill_page(self) -> SkillPage | None:
        from planner.ui.pages.skill_page import SkillPage

        page = self.stack.currentWidget()
        return page if isinstance(page, SkillPage) else None

    def _on_page_shown(self, index: int) -> None:
        # Pages out of sight skip reloads after a change and catch up when shown.
        reload_if_stale = getattr(self.stack.widget(index), "reload_if_stale", None)
        if reload_if_stale is not None:
            reload_if_stale()

    def show_page(self, key: str) -> None:
        page = self.page(key)
        if page is None:
            return
        self.stack.setCurrentWidget(page)
        for row in range(self.nav_model.rowCount()):
            if self.nav_model.item(row).data(PAGE_ROLE) == key:
                index = self.nav_model.index(row, 0)
                if self.nav.currentIndex() != index:
                    self.nav.setCurrentIndex(index)
                break

    def show_goal(self, goal_id: int) -> None:
        summary = self.store.goal_summary(goal_id)
        if summary is None:
            return
        self.show_page(f"skill:{summary.skill}")
        page = self.current_skill_page()
        if page is not None:
            page.search.clear()
            page.status_filter.setCurrentIndex(0)
            page.select_goal(goal_id)

    def show_record(self, key: str, record_id: int) -> QWidget | None:
        """Shows the reflection or review ``record_id`` selected on page ``key``
        ("reflections", "reviews"), its filters cleared; the page when it is there."""
        self.show_page(key)
        page = self.pages.get(key)
        if page is None:
            return None
        page.search.clear()
        show_private = getattr(page, "show_private", None)
        if show_private is not None:
            show_private.setChecked(True)
        return page if page.select_id(record_id) else None

    def _on_nav_changed(self, current, _previous) -> None:
        key = current.data(PAGE_ROLE) if current.isValid() else None
        if key:
            page = self.page(key)
            if page is not None:
                self.stack.setCurrentWidget(page)

    def _on_changed(self, topic: str) -> None:
        if topic == PROFILE:
            self.setWindowTitle(self.plan_title())
            self._show_applicable_pages()

    def _show_applicable_pages(self) -> None:
        """Hides the sidebar entries (and Go menu items) of pages that do not apply to
        this user, e.g. revalidation without a regulator; hidden rather than rebuilt,
        so the page being edited keeps its focus."""
        from planner.ui.page_registry import page_applies

        profile = self.doc.profile if self.has_plan() else None
        regulator = profile.regulator if profile else ""
        actions = {action.text(): action for action in self.go_menu.actions()}
        for row in range(self.nav_model.rowCount()):
            item = self.nav_model.item(row)
            key = item.data(PAGE_ROLE)
            if key is None:
                continue
            shown = page_applies(key, regulator)
            self.nav.setRowHidden(row, not shown)
            if item.text() in actions:
                actions[item.text()].setVisible(shown)
            if not shown and self.current_page_key() == key:
                self.show_page("overview")

    def _page_listed(self, key: str | None) -> bool:
        """Whether ``key`` is a page of this plan that the sidebar shows."""
        if key not in self.page_factories:
            return False
        for row in range(self.nav_model.rowCount()):
            if self.nav_model.item(row).data(PAGE_ROLE) == key:
                return not self.nav.isRowHidden(row)
        return True

    def plan_title(self) -> str:
        profile = self.doc.profile if self.doc else None
        return f"{profile.name} — {APP_NAME}" if profile and profile.name else APP_NAME

    def _start_plan(self, profile: Profile, framework: Framework) -> None:
        if not self.doc.start_plan(profile, framework):
            return  # the document has said why
        self.rebuild_pages("overview")
        self.nav.setFocus()  # the welcome page and its focused field are gone
        self.setWindowTitle(self.plan_title())

    def show_problem(self, message: str) -> None:
        from planner.ui.dialogs.questions import tell

        tell(self, self.tr("Not saved"), message)

    # -- window state ------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Keeps the whole window, frame and status bar included, on the screen's
        free area (above a taskbar): a size saved on a bigger screen, or the default
        size on a 1366x768 laptop, would otherwise hang off it."""
        free = free_area(self)
        if free is None:
            return
        allowance = frame_allowance(self)
        extra_w, extra_h = allowance.width(), allowance.height()
        self.setMinimumSize(
            QSize(min(900, free.width() - extra_w), min(600, free.height() - extra_h))
        )
        width = min(self.width(), free.width() - extra_w)
        height = min(self.height(), free.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), free.left()), free.right() + 1 - width - extra_w)
        y = min(max(self.y(), free.top()), free.bottom() + 1 - height - extra_h)
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        page = self.current_page_key()
        # The welcome page is shown only while there is no plan: it says nothing of
        # where a plan was left.
        if page not in (None, "welcome"):
            settings.setValue(PAGE_SETTING, page)
        # The last chance to protect the work: a backup if anything changed.
        from planner.ui.lifecycle import backup_on_close

        backup_on_close(self)
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        self.setWindowTitle(self.plan_title())
        super().showEvent(event)
