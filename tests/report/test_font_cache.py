"""The fonts' glyph tables cached between exports: the same font as parsing the file,
each table read only when first used, and a missing, stale, damaged, hostile or
unwritable cache never stops an export."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from planner.paths import resource_path
from planner.report import font_cache
from planner.report.font_cache import cache_folder, load_font

FONT = resource_path("fonts", "DejaVuSans.ttf")
STORE_NAME = font_cache._store_name(FONT)


def _same_font(font: TTFont, parsed: TTFont) -> None:
    mine, theirs = vars(font), vars(parsed)
    assert set(mine) == set(theirs)
    for attr, value in theirs.items():
        if attr not in ("face", "encoding", "state"):
            assert mine[attr] == value, attr
    assert font.shapable == parsed.shapable
    assert vars(font.encoding) == vars(parsed.encoding)
    for attr in font_cache._TABLES:  # read from the cache now, as on first use
        getattr(font.face, attr)
    face = {k: v for k, v in vars(font.face).items() if k != "_pickled"}
    parsed_face = vars(parsed.face)
    assert set(face) == set(parsed_face)
    for attr, value in parsed_face.items():
        # A function made afresh by each parse, and the parser's read position (every
        # later read seeks first).
        if attr not in ("_pdfScale", "_pos"):
            assert face[attr] == value, attr
    assert font.face._pdfScale(1234) == parsed.face._pdfScale(1234)


def test_the_second_load_comes_from_the_cache_and_equals_parsing(monkeypatch):
    parsed = TTFont("Test", str(FONT))
    _same_font(load_font("Test", FONT), parsed)
    assert (cache_folder() / STORE_NAME).is_file()

    def parsed_again(*args):
        raise AssertionError("the file was parsed again although the cache was there")

    monkeypatch.setattr(font_cache, "_write", parsed_again)
    _same_font(load_font("Test", FONT), parsed)


def test_a_changed_font_file_is_parsed_again(monkeypatch, tmp_path):
    copy = tmp_path / FONT.name
    copy.write_bytes(FONT.read_bytes())
    load_font("Test", copy)
    os.utime(copy, ns=(copy.stat().st_atime_ns, copy.stat().st_mtime_ns + 10**9))
    written = []
    monkeypatch.setattr(font_cache, "_write", lambda *args: written.append(args))
    load_font("Test", copy)
    assert written


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps(("wrong key", {})),
        pickle.dumps((("old",), {"charToGlyph": {}})),
    ],
)
def test_a_damaged_or_stale_cache_is_parsed_again_and_replaced(content):
    load_font("Test", FONT)
    store = cache_folder() / STORE_NAME
    store.write_bytes(content)
    font = load_font("Test", FONT)
    _same_font(font, TTFont("Test", str(FONT)))
    assert store.read_bytes() != content


def test_a_cache_naming_code_is_never_run(tmp_path):
    marker = tmp_path / "ran"

    class Hostile:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    load_font("Test", FONT)
    store = cache_folder() / STORE_NAME
    store.write_bytes(pickle.dumps((font_cache._key(FONT), Hostile())))
    font = load_font("Test", FONT)
    assert not marker.exists()
    _same_font(font, TTFont("Test", str(FONT)))


def test_an_unwritable_cache_folder_still_exports(monkeypatch, tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setattr(font_cache, "cache_folder", lambda: blocker / "fonts")
    font = load_font("Test", FONT)
    _same_font(font, TTFont("Test", str(FONT)))


def test_a_missing_font_file_still_raises(tmp_path):
    with pytest.raises(OSError):
        load_font("Test", tmp_path / "gone.ttf")


def _tables_read(font: TTFont) -> set[str]:
    return set(font_cache._TABLES) - set(font.face._pickled)


def test_tables_are_read_from_the_cache_only_when_first_used():
    load_font("Test", FONT)
    font = load_font("Test", FONT)
    assert _tables_read(font) == set()
    assert font.stringWidth("Siân Okafor", 10) == TTFont("Ref", str(FONT)).stringWidth(
        "Siân Okafor", 10
    )
    assert _tables_read(font) == {"charWidths", "defaultWidth"}


def test_an_export_never_reads_an_unused_face_or_the_shaping_table(tmp_path, sample_plan):
    from planner.report.fonts import _FILES

    for name, filename in _FILES.items():  # the cache, as after the first export
        load_font(name, resource_path("fonts", filename))
    probe = (
        "import datetime as dt, sys\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from planner.demo import demo_plan\n"
        "from planner.report import export_pdf, font_cache\n"
        "from planner.report.fonts import BOLD_ITALIC, REGULAR\n"
        "export_pdf(demo_plan(dt.date(2026, 6, 15)), sys.argv[1])\n"
        "for name in (REGULAR, BOLD_ITALIC):\n"
        "    face = pdfmetrics.getFont(name).face\n"
        "    left = sorted(face._pickled)\n"
        "    read = [t for t in font_cache._TABLES if t not in left]\n"
        "    print(name, type(face).__name__, ','.join(read) or '-')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "plan.pdf")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    regular, bold_italic = result.stdout.split("\n")[:2]
    assert regular.split()[1] == "_CachedFace"
    assert set(regular.split()[2].split(",")) == {
        "charToGlyph",
        "charWidths",
        "defaultWidth",
        "hmetrics",
        "glyphPos",
    }
    assert bold_italic.split()[1:] == ["_CachedFace", "-"]


def test_a_damaged_table_means_parsing_the_file_for_all_of_them():
    load_font("Test", FONT)
    font = load_font("Test", FONT)
    font.face._pickled["charWidths"] = b"not a pickle"
    font.face._pickled["hmetrics"] = pickle.dumps({"wrong": "type"})
    _same_font(font, TTFont("Test", str(FONT)))
    assert font.face._pickled == {}


def test_threads_reading_a_table_at_once_all_get_it():
    from concurrent.futures import ThreadPoolExecutor

    load_font("Test", FONT)
    font = load_font("Test", FONT)
    with ThreadPoolExecutor(max_workers=8) as pool:
        widths = list(pool.map(lambda _: font.face.charWidths, range(32)))
    assert all(w is widths[0] for w in widths)
    assert widths[0] == TTFont("Ref", str(FONT)).face.charWidths
