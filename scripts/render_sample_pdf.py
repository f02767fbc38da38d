"""Renders the sample plan's PDF to PNG pages, to look at the layout as a reader would.

Usage: python scripts/render_sample_pdf.py OUT_FOLDER [--dpi 60] [--include-private]

Creates the demo plan in a temporary database, exports it with the command line, then
turns every page into OUT_FOLDER/page-NN.png with pdftoppm (from poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PDF and page images")
    parser.add_argument("--dpi", type=int, default=60, help="resolution of the images")
    parser.add_argument("--include-private", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils.", file=sys.stderr)
        return 1
    from planner.cli import run

    args.out.mkdir(parents=True, exist_ok=True)
    pdf = args.out / "sample-plan.pdf"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        if run(["demo", "--db", str(db)]) != 0:
            return 1
        command = ["export-pdf", "--db", str(db), "--out", str(pdf)]
        if args.include_private:
            command.append("--include-private")
        started = time.perf_counter()
        if run(command) != 0:
            return 1
        print(f"Export took {time.perf_counter() - started:.2f} s")
    for old in args.out.glob("page-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(args.dpi), str(pdf), str(args.out / "page")], check=True
    )
    pages = sorted(args.out.glob("page-*.png"))
    print(f"{len(pages)} pages rendered into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
