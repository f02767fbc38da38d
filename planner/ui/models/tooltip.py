"""Tooltips that show user text exactly as typed.

Qt guesses whether a tooltip is rich text, so a note starting with a tag would be
rendered as markup; escaping it inside an explicit rich-text wrapper prevents that.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that Qt renders literally, line breaks kept.

    Args:
        text: user text, possibly containing ``<`` or ``&``.

    Returns:
        Rich text whose visible content is exactly ``text``; empty for empty text.
    """
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
