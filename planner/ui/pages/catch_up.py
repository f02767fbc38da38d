"""Pages that read long logs catch up with a change when next shown, not while hidden."""

from __future__ import annotations


class CatchUpWhenShown:
    """``refresh_now_or_later()`` reloads a shown page at once and marks a hidden one
    stale; the main window calls ``reload_if_stale()`` as it shows the page, so a
    change made elsewhere never waits on reading thousands of records out of sight."""

    _stale = False

    def refresh_now_or_later(self) -> None:
        if self.isHidden():  # type: ignore[attr-defined]  # the page is a QWidget
            self._stale = True
        else:
            self.reload()  # type: ignore[attr-defined]

    def reload_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()  # type: ignore[attr-defined]
