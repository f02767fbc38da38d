"""The personal development plan as a CSV file, for pasting into an appraisal toolkit or
opening in Excel: UTF-8 with a byte-order mark, every cell safe from formula injection."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.domain.dates import short_date
from planner.domain.models import Plan
from planner.domain.pdp import PDP_COLUMNS, PdpRow, current_pdp, last_pdp
from planner.files import write_atomically

COLUMNS = (*PDP_COLUMNS, "Status or outcome", "Note")

# A spreadsheet runs a cell that starts with one of these as a formula (a CSV file
# from anyone could carry "=HYPERLINK(...)"); tab and carriage return start one in
# some programs too, and the full-width forms in some locales.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralised(text: str) -> str:
    """``text`` as a cell no spreadsheet will run: one that would start a formula (after
    any leading spaces) gets a leading apostrophe, as OWASP's advice on CSV injection
    has it. Excel shows the apostrophe in the cell, so the user sees exactly what was
    written with a mark that it was kept as text; the text itself is never changed."""
    if text.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def pdp_csv(plan: Plan, *, last_cycle: bool = False) -> tuple[bytes, int]:
    """The PDP (this cycle's, or with ``last_cycle`` the latest closed cycle's with its
    outcomes) as CSV bytes, and the number of rows.

    The byte-order mark tells Excel the file is UTF-8, so Welsh, Polish and Greek names
    open as written; the csv module quotes cells holding commas, quotes or newlines.
    """
    rows: list[PdpRow] = last_pdp(plan)[1] if last_cycle else current_pdp(plan)
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # Excel's dialect: quoted where needed, CRLF line ends
    writer.writerow(COLUMNS)
    for row in rows:
        cells = (row.need_in_full, row.action, short_date(row.completion), row.shown_by, row.status)
        writer.writerow([neutralised(cell) for cell in (*cells, row.note)])
    return out.getvalue().encode("utf-8-sig"), len(rows)


def write_pdp_csv(plan: Plan, path: Path, *, last_cycle: bool = False) -> int:
    """Writes the PDP to ``path`` whole or not at all, never over a database; returns
    the number of rows.

    Raises:
        planner.files.TargetError: ``path`` is a database or its folder is missing.
        OSError: as the system reports it.
    """
    data, count = pdp_csv(plan, last_cycle=last_cycle)
    write_atomically(Path(path), data)
    return count
