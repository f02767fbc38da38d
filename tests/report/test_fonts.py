"""The bundled fonts are subsets of DejaVu Sans: they draw every character the app itself
prints and the scripts a plan's writers use, and what they leave out prints as a stand-in."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from planner import planfile
from planner.demo import demo_plan
from planner.paths import resource
from planner.report.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from planner.report.text import printable
from tests.report.conftest import TODAY, build

REPORT_SOURCE = Path(__file__).resolve().parents[2] / "planner" / "report"


def _face(name: str) -> set[int]:
    register_fonts()
    return set(pdfmetrics.getFont(name).face.charToGlyph)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in _strings(key) + _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _report_strings() -> list[str]:
    """Every string literal in the report's code (its headings, labels and symbols)."""
    found = []
    for path in REPORT_SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]
    return found


def _framework_strings() -> list[str]:
    folder = resource("frameworks")
    files = [item for item in folder.iterdir() if item.name.endswith(".json")]
    assert len(files) >= 3
    return [s for item in files for s in _strings(json.loads(item.read_text("utf-8")))]


def _missing(texts: list[str], face: set[int]) -> set[str]:
    # What the report prints goes through printable() first, which drops invisible
    # joiners and turns control characters into a box; the rest must be drawn.
    return {
        ch
        for text in texts
        for ch in text
        if ch.isprintable() and not ch.isascii() and ord(ch) not in face and ch != "\ufe0f"
    }


@pytest.mark.parametrize("face", [REGULAR, BOLD])
def test_every_character_of_the_frameworks_demo_plan_and_report_is_in_the_font(face):
    covered = _face(face)
    demo = _strings(json.loads(planfile.dumps(demo_plan(TODAY), exported_at="fixed")))
    report = _report_strings()
    # The report's own symbols are in that list: the box, the minus, the action boxes.
    assert {"\u25a1", "\u2212", "\u2610", "\u2611", "\u2192", "\u2026", "\u2022"} <= {
        ch for text in report for ch in text
    }
    assert _missing(_framework_strings(), covered) == set()
    assert _missing(demo, covered) == set()
    assert _missing(report, covered) == set()


def test_the_four_faces_cover_the_same_characters_latin_greek_and_cyrillic_whole():
    regular = _face(REGULAR)
    assert _face(BOLD) == _face(ITALIC) == _face(BOLD_ITALIC) == regular
    blocks = {
        "Latin-1": range(0xA0, 0x100),
        "Latin Extended-A": range(0x100, 0x180),
        "Greek": set(range(0x391, 0x3CA)) - {0x3A2},  # 0x3A2 is unassigned
        "Cyrillic": range(0x410, 0x450),
    }
    for name, block in blocks.items():
        assert set(block) <= regular, name
    # Welsh ŵ ŷ ẁ ẃ ẅ ỳ, Polish, Yoruba's marks, currency, arrows, ticks.
    assert {ord(ch) for ch in "ŵŷẁẃẅỳąęłńśźżọ\u0300€₹→✓½≤"} <= regular
    # Subsets: the scripts DejaVu also draws but reportlab cannot shape are left out.
    assert not {ord(ch) for ch in "مרא"} & regular
    assert len(regular) < 2500


def test_letters_of_a_script_left_out_print_once_as_the_scripts_name():
    assert printable("مرحبا بكم שלום") == "[Arabic text] [Arabic text] [Hebrew text]"
    assert printable("한국어 and ไทย") == "[Hangul text] and [Thai text]"
    assert printable("Łódź Αθήνα Київ ŵŷ") == "Łódź Αθήνα Київ ŵŷ"


def test_arabic_cjk_and_emoji_in_a_plan_print_as_stand_ins_in_the_pdf():
    plan = demo_plan(TODAY)
    plan.goals[0].title = "Team talk مرحبا 漢字 🎉 Łukasz Ελένη"
    plan.profile.name = "Gwenllïan ŵ ŷ Наталья"

    pdf, _ = build(plan)

    assert "Team talk [Arabic text] [CJK text] [party popper] Łukasz Ελένη" in pdf.text
    assert "Gwenllïan ŵ ŷ Наталья" in pdf.pages[0]
    assert "\ufffd" not in pdf.text
