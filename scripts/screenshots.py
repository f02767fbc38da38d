"""Regenerates the README's screenshots from the sample plan.

Run: ``python scripts/screenshots.py [OUT_DIR]`` (under ``xvfb-run -a`` for a real X
screen, or with ``QT_QPA_PLATFORM=offscreen``). Writes PNGs of the overview, a skill
page, the goal editor and the reflection editor at 1280x800.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out_dir: Path) -> None:
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
        window.resize(1280, 800)
        window.show()

        def shoot(widget, name: str) -> None:
            for _ in range(3):
                app.processEvents()
            widget.grab().save(str(out_dir / name))
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
        window.close()
        window.store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/images"))
