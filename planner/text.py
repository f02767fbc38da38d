"""Text safe to show on a terminal: control characters taken out."""

from __future__ import annotations

import unicodedata

# Invisible characters that reorder or hide what follows them (right-to-left
# overrides and isolates, zero-width marks): shown on a terminal they can make a
# name read as something else.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def printable(text: str) -> str:
    """``text`` with control characters (bell, escape sequences, line breaks, bidi
    overrides) replaced by "?", so one message stays one line that means what it says.
    """
    return "".join(
        "?" if unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS else ch for ch in str(text)
    )
