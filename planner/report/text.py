"""Turning user text into safe paragraph markup: escaped, newlines kept, and characters
the font cannot draw shown by name or as a neutral box; the dates the document prints."""

from __future__ import annotations

import datetime as dt
import html
import unicodedata

from planner.domain.dates import short_date as app_date
from planner.report.fonts import register_fonts
from planner.text import BIDI_CONTROLS


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: the same result as ``xml.sax.saxutils.escape``
    (the tests check it), without the 15-20 ms that module costs an export by importing
    ``urllib.request``, ``http.client`` and ``email``."""
    return html.escape(text, quote=False)


# What stands in for a character nothing here can draw: a neutral box, where the
# character has no name to show instead (control characters, unassigned code points).
BOX = "\u25a1"
MINUS = "\u2212"
# Invisible joiners and variation selectors (as in emoji sequences) carry no glyph of
# their own; dropping them avoids a row of stand-ins for one emoji.
# Bidi controls change nothing on a page reportlab lays out left to right, but in the
# PDF's bookmarks and title bar a viewer applies them: a right-to-left override
# would make a name there read as something else.
_INVISIBLE = {
    0x200B,
    0x200C,
    0x200D,
    0x2060,
    0xFEFF,
    *range(0xFE00, 0xFE10),
    *(ord(ch) for ch in BIDI_CONTROLS),
}
# Skin-tone modifiers only tint the emoji before them.
_MODIFIERS = range(0x1F3FB, 0x1F400)
_FLAG_LETTERS = range(0x1F1E6, 0x1F200)


def printable(text: str | None) -> str:
    """``text`` normalised (NFC), with what the bundled font cannot draw made visible.

    Newlines are kept; tabs become spaces. A symbol the font lacks (an emoji) prints as
    its Unicode name in brackets, e.g. ``[party popper]``; a run of letters in a script
    it lacks as ``[CJK text]``; a flag as ``[flag GB]``; control characters and
    anything else unnamed as a box. So the reader sees what was there, never "\ufffd".
    """
    if not text:
        return ""
    covered = register_fonts()
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if text.isascii() and text.isprintable():
        return text
    out: list[str] = []
    flag = ""
    for ch in text:
        code = ord(ch)
        if code in _FLAG_LETTERS:
            flag += chr(ord("A") + code - _FLAG_LETTERS[0])
            continue
        if flag:
            out.append(f"[flag {flag}]")
            flag = ""
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append("    ")
        elif code in _INVISIBLE or code in _MODIFIERS:
            continue
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(BOX)
        elif code not in covered:
            # Nothing is added for a letter continuing a run already named.
            if stand_in := _stand_in(ch, out):
                out.append(stand_in)
        else:
            out.append(ch)
    if flag:
        out.append(f"[flag {flag}]")
    return "".join(out)


def _stand_in(ch: str, out: list[str]) -> str:
    """The visible stand-in for one character the font lacks; letters and marks
    continuing a run of the same script add nothing (the run shows as one)."""
    name = unicodedata.name(ch, "")
    if not name:
        return BOX
    if unicodedata.category(ch)[0] in "LM":
        script = name.split()[0]
        script = script if script == "CJK" else script.capitalize()
        mark = f"[{script} text]"
        return "" if out and out[-1] == mark else mark
    return f"[{name.lower()}]"


def signed(number: int) -> str:
    """A change as ``+2``, ``\u22121`` (a true minus sign, not a hyphen) or ``0``."""
    if number > 0:
        return f"+{number}"
    return f"{MINUS}{-number}" if number < 0 else "0"


def markup(text: str | None) -> str:
    """User text as paragraph markup: escaped, with each newline kept as ``<br/>``."""
    return escape(printable(text).strip("\n")).replace("\n", "<br/>")


def inline(text: str | None) -> str:
    """One-line user text (a title, a name) as markup: escaped, line breaks and runs of
    spaces folded into single spaces."""
    return escape(" ".join(printable(text).split()))


def shorten(text: str | None, limit: int) -> str:
    """Printable ``text`` cut to ``limit`` characters with an ellipsis, for table cells
    that cannot split across pages (the full text appears elsewhere in the document)."""
    clean = " ".join(printable(text).split())
    if len(clean) <= limit:
        return clean
    return clean[: limit - 1].rstrip() + "…"


def blocks(text: str | None) -> list[str]:
    """User text split at blank lines into paragraph markup, one string per paragraph.

    Separate paragraphs lay out and split across pages much faster than one huge one.
    """
    clean = printable(text).strip()
    if not clean:
        return []
    parts = [piece for p in clean.split("\n\n") for piece in _pieces(p.strip("\n"))]
    return [escape(p).replace("\n", "<br/>") for p in parts if p.strip()]


# reportlab re-wraps a paragraph's remaining text at every page break, so a very long
# paragraph costs time in proportion to its length squared; pieces keep it linear.
PIECE_CHARS = 4000


def _pieces(text: str) -> list[str]:
    """Cuts a very long paragraph after a sentence (or at a space) every few thousand
    characters; shorter text comes back whole."""
    pieces = []
    while len(text) > PIECE_CHARS * 3 // 2:
        window = text[:PIECE_CHARS]
        cut = max(window.rfind(". "), window.rfind("\n"))
        if cut < PIECE_CHARS // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= PIECE_CHARS // 2 else PIECE_CHARS
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip(" ")
    pieces.append(text)
    return pieces


def short_date(day: dt.date | None) -> str:
    """The date as the whole document writes it: ``3 Jun 2026``, as the app does.

    One format throughout: the short month is unambiguous in every locale and fits
    table cells.
    """
    return app_date(day)


def escape_plain(text: str) -> str:
    """Escapes text that is already printable (e.g. from :func:`shorten`)."""
    return escape(text)
