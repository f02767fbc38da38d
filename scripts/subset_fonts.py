"""Makes the PDF's font files: DejaVu Sans cut down to the scripts and symbols a plan
uses, so that each export parses a fifth of the glyphs.

    pip install -e ".[fonts]"
    python scripts/subset_fonts.py [--source DIR]

``--source`` is a folder holding the full DejaVu Sans 2.37 faces (``DejaVuSans.ttf``,
``DejaVuSans-Bold.ttf``, ``DejaVuSans-Oblique.ttf``, ``DejaVuSans-BoldOblique.ttf``):
Debian's ``fonts-dejavu-core`` package (the default folder below) or the ``ttf`` folder
of a release from https://dejavu-fonts.github.io/. Writes the four subsets over the files
in ``resources/fonts`` with the same names; commit what it writes. fontTools is needed
here only: the app reads the files with reportlab.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/dejavu")
FACES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)
# Said in each face's version and unique-id names, so the files are never mistaken
# for the full fonts. The family keeps the name DejaVu Sans: the Bitstream Vera licence
# asks only that a modified font's name contain neither "Bitstream" nor "Vera".
MARK = "subset for Leadership Planner"

# The Unicode blocks kept: the Latin, Greek and Cyrillic scripts with the marks and
# symbols their writers use. A character outside them prints as a named stand-in
# (planner/report/text.py), as emoji and scripts DejaVu lacks always did.
BLOCKS = {
    "Basic Latin": (0x0020, 0x007E),
    "Latin-1 Supplement": (0x00A0, 0x00FF),
    "Latin Extended-A": (0x0100, 0x017F),
    "Latin Extended-B": (0x0180, 0x024F),
    # ɛ and ɔ of Akan and other West African names.
    "IPA Extensions": (0x0250, 0x02AF),
    "Spacing Modifier Letters": (0x02B0, 0x02FF),
    # Letters with more than one accent, as in Yoruba (ọ̀), are a letter and a mark.
    "Combining Diacritical Marks": (0x0300, 0x036F),
    "Greek and Coptic": (0x0370, 0x03FF),
    "Cyrillic": (0x0400, 0x04FF),
    "Cyrillic Supplement": (0x0500, 0x052F),
    # Welsh ẁ ẃ ẅ ỳ, Vietnamese.
    "Latin Extended Additional": (0x1E00, 0x1EFF),
    "General Punctuation": (0x2000, 0x206F),
    "Superscripts and Subscripts": (0x2070, 0x209F),
    "Currency Symbols": (0x20A0, 0x20CF),
    "Letterlike Symbols": (0x2100, 0x214F),
    "Number Forms": (0x2150, 0x218F),
    "Arrows": (0x2190, 0x21FF),
    # The report's box for an unprintable character; bullets pasted from documents.
    "Geometric Shapes": (0x25A0, 0x25FF),
    # ﬁ, ﬂ: ligatures copied from PDFs.
    "Alphabetic Presentation Forms (Latin)": (0xFB00, 0xFB06),
    "Replacement Character": (0xFFFD, 0xFFFD),
}


# From the symbol blocks, only what people type in notes (whole blocks would add 600
# glyphs, a third more to parse at every export): the report's minus sign and action
# boxes, comparisons, ticks and crosses, stars, hearts, a few pictographs.
SYMBOLS = (
    "\u2212\u2213\u2248\u2260\u2264\u2265\u221e\u221a\u2211\u2206\u2219\u2234\u2235\u2022"
    "\u2610\u2611\u2612\u2605\u2606\u263a\u2639\u263b\u2665\u2666\u2663\u2660\u2661\u2662"
    "\u266a\u266b\u260e\u2600\u2601\u2602\u2615\u26a0\u26a1\u2695\u2690\u2691"
    "\u2713\u2714\u2715\u2716\u2717\u2718\u2731\u2733\u2734\u2764\u2794\u279c"
)


def code_points() -> list[int]:
    """Every code point kept (a DejaVu face lacking some of them just skips those)."""
    kept = {c for first, last in BLOCKS.values() for c in range(first, last + 1)}
    return sorted(kept | {ord(ch) for ch in SYMBOLS})


def subset(source: Path, target: Path) -> int:
    """Writes the subset of ``source`` to ``target``; returns its number of glyphs."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    # Every name record (copyright, licence, trademark notices) stays as it was.
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    # The hinting keeps the glyphs drawn as before at small sizes on screen.
    options.hinting = True
    options.notdef_outline = True
    options.glyph_names = True
    # reportlab neither shapes nor kerns: the layout and math tables are never read.
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH", "FFTM", "kern"]
    font = TTFont(source)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=code_points())
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (3, 5):
            names.setName(
                f"{record.toUnicode()}; {MARK}",
                record.nameID,
                record.platformID,
                record.platEncID,
                record.langID,
            )
    font.save(target)
    return len(font.getGlyphOrder())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)
    missing = [face for face in FACES if not (args.source / face).is_file()]
    if missing:
        print(f"{args.source} lacks {', '.join(missing)}: name the full DejaVu Sans faces' "
              "folder with --source", file=sys.stderr)
        return 1
    for face in FACES:
        glyphs = subset(args.source / face, FONTS / face)
        print(f"{face}: {glyphs} glyphs, {(FONTS / face).stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
