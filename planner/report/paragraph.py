"""reportlab's Paragraph, its lines broken once per width: a table measures each cell
and measures it again to draw it, and a block kept whole is measured before the frame
measures it, each time breaking the same lines at the same width."""

from __future__ import annotations

from reportlab.platypus import Paragraph as _Paragraph

# A millionth of a point: far below any difference a line break could turn on.
_SAME_WIDTH = 1e-6


class Paragraph(_Paragraph):
    """A Paragraph that keeps its size for the width it was last wrapped at.

    The line breaks depend only on the text, the style and the width, so wrapping
    again at that width gives the same size and the same lines to draw; a split may
    drop the lines, so after one the next wrap works them out again.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth, availHeight):
        last = self._wrapped_width
        # One width reaches a paragraph by different sums (the frame's, a table's
        # columns measured and then drawn), a rounding error apart.
        if last is not None and abs(availWidth - last) < _SAME_WIDTH:
            self.width = availWidth
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        # reportlab takes the width only when it breaks the lines: a width too narrow
        # for any text gives a refusal, which is not kept.
        self._wrapped_width = availWidth if getattr(self, "width", None) == availWidth else None
        return size

    def split(self, availWidth, availHeight):
        self._wrapped_width = None
        return super().split(availWidth, availHeight)
