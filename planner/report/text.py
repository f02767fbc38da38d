"""Turning user text into safe paragraph markup: escaped, newlines kept, and characters
the font cannot draw replaced by a visible mark instead of an empty box."""

from __future__ import annotations

import datetime as dt
import html
import unicodedata

from planner.report.fonts import register_fonts


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: the same result as ``xml.sax.saxutils.escape``
    (the tests check it), without the 15-20 ms that module costs an export by importing
    ``urllib.request``, ``http.client`` and ``email``."""
    return html.escape(text, quote=False)


REPLACEMENT = "\ufffd"
# Invisible joiners and variation selectors (as in emoji sequences) carry no glyph of
# their own; dropping them avoids a row of replacement marks for one emoji.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10)}


def printable(text: str | None) -> str:
    """``text`` normalised (NFC) with unprintable characters replaced or dropped.

    Newlines are kept; tabs become spaces; other control characters and each run of
    characters the bundled font lacks become one U+FFFD, so the reader can see that
    something was there.
    """
    if not text:
        return ""
    covered = register_fonts()
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append("    ")
        elif code in _INVISIBLE:
            continue
        elif code < 0x20 or 0x7F <= code < 0xA0 or code not in covered:
            # One mark per run, so an emoji sequence (base, skin tone...) shows as one.
            if not out or out[-1] != REPLACEMENT:
                out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


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


def long_date(day: dt.date | None) -> str:
    """``3 June 2026``: the form NHS letters use, unambiguous in every locale."""
    return f"{day.day} {day:%B %Y}" if day else ""


def short_date(day: dt.date | None) -> str:
    """``3 Jun 2026`` for tables."""
    return f"{day.day} {day:%b %Y}" if day else ""


def escape_plain(text: str) -> str:
    """Escapes text that is already printable (e.g. from :func:`shorten`)."""
    return escape(text)
