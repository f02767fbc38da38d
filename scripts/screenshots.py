"""Regenerates the README's screenshots from the sample plan.

Run: ``python scripts/screenshots.py [OUT_DIR]`` (under ``xvfb-run -a`` for a real X
screen, or with ``QT_QPA_PLATFORM=offscreen``). Writes PNGs of the overview, a skill
page, the goal editor, the reflection editor, the reflections journal and the export
dialog at 1280x720: what a 1366x768 laptop with a taskbar, or a 1080p screen at 150%,
leaves for the window. The PNGs are written with 256 colours and the strongest compression.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out_dir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from planner.app import create_window
    from planner.demo import demo_plan
    from planner.store import PlanStore

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Settings (window geometry) go to the temp folder, not the user's.
        os.environ["XDG_CONFIG_HOME"] = tmp
        db = Path(tmp) / "demo.db"
        store = PlanStore.open(db)
        store.replace_plan(demo_plan(dt.date.today()))
        store.close()
        window = create_window(db)
        app = QApplication.instance()
        window.resize(1280, 720)
        window.show()

        def shoot(widget, name: str) -> None:
            for _ in range(3):
                app.processEvents()
            # A palette of 256 colours holds a screenshot of plain widgets without
            # visible change, at a quarter of the size.
            image = widget.grab().toImage().convertToFormat(
                QImage.Format.Format_Indexed8,
                Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
            )
            image.save(str(out_dir / name), "PNG", 0)
            print(out_dir / name)

        window.show_page("overview")
        shoot(window, "overview.png")
        window.show_page("skill:situational-awareness")
        shoot(window, "skill-page.png")

        from planner.ui.dialogs.goal_dialog import GoalDialog

        page = window.current_skill_page()
        goal = window.store.goal(page.current_goal_id(), with_progress=False)
        dialog = GoalDialog(window.doc, goal, parent=window)
        dialog.show()
        shoot(dialog, "goal-editor.png")
        dialog.close()

        from planner.ui.dialogs.reflection_dialog import ReflectionDialog

        reflection = window.store.reflections()[1]
        dialog = ReflectionDialog(window.doc, reflection, parent=window)
        dialog.show()
        shoot(dialog, "reflection-editor.png")
        dialog.close()
        window.show_page("reflections")
        shoot(window, "reflections.png")

        # The export dialog as it lists entries that may identify a patient: the
        # sample plan holds none, so a copy with two is checked.
        from planner.domain.export_privacy import flagged_entries
        from planner.ui.dialogs.export_dialog import ExportOptionsDialog

        plan = window.store.load_plan()
        plan.reflections[1].sections["what"] += " NHS number 943 476 5919."
        plan.reviews[0].notes += " Patient DOB 12/03/1961."
        copy = PlanStore.memory()
        copy.replace_plan(plan)
        flagged = flagged_entries(copy.load_plan())
        copy.close()
        skills = [(s.id, s.name) for s in window.doc.framework.skills]
        dialog = ExportOptionsDialog(skills, 1, window, flagged)
        dialog.show()
        shoot(dialog, "export-dialog.png")
        dialog.close()
        window.close()
        window.store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/images"))
