"""Layout a user notices: the window fits the screen, lists keep rows in view, long
text can be read to its end, and progress figures are drawn in one piece."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QScreen
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from planner.domain.models import Goal
from planner.store import PlanStore
from planner.ui.widgets.progress_delegate import ProgressBarDelegate

pytestmark = pytest.mark.gui


def _fits(window) -> bool:
    free = QApplication.primaryScreen().availableGeometry()
    return free.contains(window.frameGeometry())


@pytest.fixture
def no_saved_geometry():
    QSettings().remove("window/geometry")
    yield
    QSettings().remove("window/geometry")


def test_the_first_window_fits_the_screen_s_free_area(
    qtbot, window_over, db_path, no_saved_geometry
):
    window = window_over(db_path)
    qtbot.waitExposed(window)
    assert _fits(window), (window.frameGeometry(), QApplication.primaryScreen().availableGeometry())
    assert window.statusBar().isVisible()
    bar = window.statusBar().mapTo(window, QPoint(0, window.statusBar().height()))
    assert bar.y() <= window.height()


def test_a_saved_size_bigger_than_the_screen_and_off_it_is_brought_back(
    qtbot, window_over, db_path, no_saved_geometry
):
    first = window_over(db_path)
    first.setMinimumSize(QSize(0, 0))
    first.resize(3000, 2000)
    first.move(4000, 3000)
    QSettings().setValue("window/geometry", first.saveGeometry())
    first.hide()
    assert isinstance(QSettings().value("window/geometry"), QByteArray)

    window = window_over(db_path)
    qtbot.waitExposed(window)
    assert _fits(window), (window.frameGeometry(), QApplication.primaryScreen().availableGeometry())


@pytest.fixture
def one_goal_db(tmp_path, sample_plan):
    """A new plan: one goal, whose support text runs to many lines."""
    goal = dataclasses.replace(
        sample_plan.goals[0],
        progress=[],
        actions=[],
        support="\n".join(f"Support line {n}: protected time with the matron." for n in range(60)),
        measure="The team says so. " * 40,
    )
    plan = dataclasses.replace(sample_plan, goals=[goal], reflections=[], reviews=[])
    path = tmp_path / "one-goal.db"
    store = PlanStore.open(path)
    store.replace_plan(plan)
    store.close()
    return path, goal


def _skill_page_at(qtbot, window_over, path, goal: Goal, size: QSize):
    window = window_over(path, (size.width(), size.height()))
    qtbot.waitExposed(window)
    window.show_page(f"skill:{goal.skill}")
    page = window.current_skill_page()
    page.table.selectRow(0)
    qtbot.wait(20)
    return page


@pytest.mark.parametrize("size", [QSize(1366, 720), QSize(1280, 690)])
def test_a_new_plan_s_goals_list_shows_several_rows(qtbot, window_over, one_goal_db, size):
    page = _skill_page_at(qtbot, window_over, *one_goal_db, size)
    row = page.table.verticalHeader().defaultSectionSize()
    assert page.table.viewport().height() >= 4 * row
    # The selected goal's detail is on screen too, below the list.
    assert page.detail.isVisible() and page.detail.height() > 200


def test_long_support_text_can_be_read_to_its_end(qtbot, window_over, one_goal_db):
    page = _skill_page_at(qtbot, window_over, *one_goal_db, QSize(1366, 720))
    label = page.detail_smart
    assert "Support line 59" in label.text()
    # The label is as tall as its wrapped text (nothing cut off), inside a view that
    # scrolls to show all of it.
    assert label.height() >= label.heightForWidth(label.width())
    bar = page.smart_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    bottom = label.mapTo(page.smart_scroll.viewport(), QPoint(0, label.height()))
    assert bottom.y() <= page.smart_scroll.viewport().height()


def _paint_cell(percent: int, width: int = 160, height: int = 28) -> QImage:
    from PySide6.QtWidgets import QTableView

    from planner.ui.models.goals_model import PERCENT_ROLE, GoalTableModel

    class _Index:
        def data(self, role):
            return percent if role == PERCENT_ROLE else None

    view = QTableView()
    view.setModel(GoalTableModel())
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect.setRect(0, 0, width, height)
    option.widget = view
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    ProgressBarDelegate(view).paint(painter, option, _Index())
    painter.end()
    return image


def test_the_percentage_is_never_drawn_across_the_bar_s_fill(qtbot):
    highlight = QApplication.palette().highlight().color()
    full = _paint_cell(100)
    text_width = QFontMetrics(QApplication.font()).horizontalAdvance("100%")

    def near_highlight(x, y):
        c = full.pixelColor(x, y)
        return (
            abs(c.red() - highlight.red())
            + abs(c.green() - highlight.green())
            + abs(c.blue() - highlight.blue())
        ) < 60

    right = range(full.width() - text_width, full.width())
    fill_under_text = sum(near_highlight(x, y) for x in right for y in range(full.height()))
    assert fill_under_text == 0
    # Some of the figure is drawn there, in the text colour.
    dark = sum(full.pixelColor(x, y).lightness() < 128 for x in right for y in range(full.height()))
    assert dark > 0


def _due_text_fits(view, column) -> bool:
    metrics = view.fontMetrics()
    model = view.model()
    margin = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 2
    return all(
        metrics.horizontalAdvance(model.index(row, column).data()) + margin
        <= view.columnWidth(column)
        for row in range(model.rowCount())
    )


def test_the_due_column_of_a_new_action_shows_no_date_in_full(window, qtbot):
    from planner.ui.dialogs.goal_dialog import GoalDialog
    from planner.ui.models.actions_model import COL_DUE

    dialog = GoalDialog(window.doc, None, skill="learn-to-follow", parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.add_action_button, Qt.MouseButton.LeftButton)
    view = dialog.actions_view
    assert view.model().index(0, COL_DUE).data() == "No date"
    assert _due_text_fits(view, COL_DUE)
    dialog.reject()


def test_the_skill_page_s_due_column_fits_the_dates_of_every_goal_chosen_in_turn(window, qtbot):
    from planner.ui.models.actions_model import COL_DUE

    # The column once followed the first goal's dates and cut a later goal's wider ones.
    goal = window.store.goal(window.store.goal_summaries()[0].id, with_progress=False)
    goal.actions[0].due = None  # "No date", wider than any date in this font
    window.store.update_goal(goal)
    window.show_page(f"skill:{goal.skill}")
    page = window.current_skill_page()
    cut, shown = [], set()
    for row in [*range(page.table.model().rowCount()), 0]:
        page.table.selectRow(row)
        model = page.actions_model
        assert model.rowCount() > 0
        shown.update(model.index(r, COL_DUE).data() for r in range(model.rowCount()))
        if not _due_text_fits(page.actions_view, COL_DUE):
            cut.append(page.table.model().index(row, 0).data())
    assert cut == []
    assert "No date" in shown


@pytest.mark.parametrize("size", [QSize(1366, 690), QSize(1280, 650)])
def test_the_overview_never_lays_one_table_over_another(window, qtbot, size):
    window.resize(size)
    window.show_page("overview")
    page = window.pages["overview"]
    # The charts of change come a moment after the first paint; the page as it then
    # settles is what a person reads.
    qtbot.waitUntil(lambda: page.change is not None)
    qtbot.wait(20)
    shown = [
        page.greeting,
        page.skills_table,
        page.change,
        page.upcoming_table,
        page.recent_heading,
        page.recent_table,
        page.status_line,
    ]
    assert all(w.isVisible() for w in shown)

    def top(widget):
        return widget.mapTo(page, QPoint(0, 0)).y()

    for above, below in itertools.pairwise(shown):
        assert top(above) + above.height() <= top(below), (above, below)


def test_the_goal_s_history_can_be_widened_by_dragging_and_never_collapses(window, qtbot):
    from PySide6.QtTest import QTest

    window.show_page("skill:learn-to-follow")
    page = window.current_skill_page()
    page.table.selectRow(0)
    qtbot.wait(20)
    columns = page.detail_columns
    history = columns.widget(1)
    before = history.width()
    handle = columns.handle(1)
    middle = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    QTest.mouseMove(handle, QPoint(middle.x() - 150, middle.y()))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(middle.x() - 150, middle.y()))
    assert history.width() > before + 100
    # Dragged all the way, the goal's side keeps its actions in view.
    columns.setSizes([0, columns.width()])
    assert columns.widget(0).width() >= page.actions_view.minimumWidth()
    assert columns.sizes()[0] > 0


# 1920x1080 at 150 % lays out 1280x720; a taskbar takes about 40 of it.
SCALED_1080P_FREE = QRect(0, 0, 1280, 680)


def _dialogs(window):
    from planner.domain.export_privacy import flagged_entries
    from planner.ui.dialogs.about_dialog import AboutDialog
    from planner.ui.dialogs.add_to_goal_dialog import AddToGoalDialog
    from planner.ui.dialogs.assessment_dialog import AssessmentDialog
    from planner.ui.dialogs.example_goal_dialog import ExampleGoalDialog
    from planner.ui.dialogs.export_dialog import ExportOptionsDialog
    from planner.ui.dialogs.goal_dialog import GoalDialog
    from planner.ui.dialogs.progress_dialog import ProgressDialog
    from planner.ui.dialogs.reflection_dialog import ReflectionDialog
    from planner.ui.dialogs.review_dialog import ReviewDialog

    doc, store = window.doc, window.store
    goal = store.goal(store.goal_summaries()[0].id, with_progress=False)
    skills = [(s.id, s.name) for s in doc.framework.skills]
    flagged = flagged_entries(store.load_plan())
    assert flagged  # the export dialog as it lists entries to fix
    gibbs = ReflectionDialog(doc, parent=window)
    gibbs.model_combo.setCurrentIndex(gibbs.model_combo.findData("gibbs"))  # six sections
    return {
        "new goal": GoalDialog(doc, skill=goal.skill, parent=window),
        "edit goal": GoalDialog(doc, goal, parent=window),
        "log progress": ProgressDialog(doc, goal.id, parent=window),
        "self-assessment": AssessmentDialog(doc, parent=window),
        "reflection": ReflectionDialog(doc, store.reflections()[0], parent=window),
        "gibbs reflection": gibbs,
        "review": ReviewDialog(doc, parent=window),
        "export": ExportOptionsDialog(skills, 1, window, flagged),
        "about": AboutDialog(store.path, parent=window),
        "start from an example": ExampleGoalDialog(doc.framework.skills[0], parent=window),
        "add to a goal": AddToGoalDialog(doc, "Review the first rota together", parent=window),
    }


def test_every_dialog_with_its_frame_fits_a_1080p_screen_at_150_percent(
    qtbot, window_over, identifiable_db_path, monkeypatch
):
    from planner.ui.widgets.screen_fit import TYPICAL_FRAME

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(SCALED_1080P_FREE))
    window = window_over(identifiable_db_path)
    room = SCALED_1080P_FREE.size() - TYPICAL_FRAME
    too_big = {}
    for name, dialog in _dialogs(window).items():
        qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
        dialog.show()
        size = dialog.size()
        if size.width() > room.width() or size.height() > room.height():
            too_big[name] = size
        dialog.done(0)
    assert too_big == {}, room
