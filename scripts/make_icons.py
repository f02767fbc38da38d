"""Renders the application icon's PNG and ICO files from its SVG source.

    python scripts/make_icons.py

Writes ``resources/icons/leadership-planner-<size>.png`` for the sizes the window and
the Linux desktop use, and ``leadership-planner.ico`` (PNG-compressed entries, which
Windows Vista and later read) for the Windows executable and installer. Run it again
after changing ``leadership-planner.svg`` and commit what it writes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "leadership-planner.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows picks from these for the taskbar, Explorer's views and the installer.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE.name} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG as is (the format's header, a directory, the data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    directory = b""
    data = b""
    offset = len(header) + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        # A width or height of 256 is written as 0.
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        data += png
        offset += len(png)
    return header + directory + data


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: render_png(size) for size in PNG_SIZES}
    for size, png in pngs.items():
        (ICONS / f"leadership-planner-{size}.png").write_bytes(png)
    (ICONS / "leadership-planner.ico").write_bytes(
        ico_bytes({size: pngs[size] for size in ICO_SIZES})
    )
    del app
    print(f"Wrote {len(pngs)} PNG sizes and leadership-planner.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
