"""An .ods workbook as an .xlsx, so that `fill` and `--tandai` can write into it.

The copies are always .xlsx (the XML they patch is SpreadsheetML). From an .ods the copy
carries what the reader reads: every sheet's values as they were calculated, which cells show a
percentage (0,8 shown as 80 % still reads 80), dates, merged ranges and hidden sheets. The
formulas themselves, the formatting, pictures and charts of the .ods are not carried over:
the copy is for reading the figures and the findings (the command says so when it writes one).
A sheet name Excel cannot take (over 31 characters, or with `[]:*?/\\`) is shortened or
cleaned; the names used are returned so that findings still point at their sheet.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import xlsxwriter

from lkjip_xl.read.source import CellError, XlsxSource


def ods_as_xlsx(source: str | Path, target: Path) -> dict[str, str]:
    """Write the .ods workbook `source` as the .xlsx `target`; returns each sheet's new name."""
    names: dict[str, str] = {}
    with XlsxSource(source) as src:
        options = {
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        }
        book = xlsxwriter.Workbook(str(target), options)
        try:
            percent = book.add_format({"num_format": "0.##%"})
            date = book.add_format({"num_format": "dd/mm/yyyy"})
            for name in src.sheet_names:
                grid = src.grid(name)
                names[name] = _excel_name(name, set(names.values()))
                ws = book.add_worksheet(names[name])
                for r, row in enumerate(grid.values):
                    for c, value in enumerate(row):
                        if value is None:
                            continue
                        if isinstance(value, CellError):
                            ws.write_string(r, c, value.value)
                        elif isinstance(value, bool):
                            ws.write_boolean(r, c, value)
                        elif isinstance(value, int | float):
                            fmt = percent if (r + 1, c + 1) in grid.percent else None
                            ws.write_number(r, c, value, fmt)
                        elif isinstance(value, dt.datetime | dt.date):
                            ws.write_datetime(r, c, value, date)
                        else:
                            ws.write_string(r, c, str(value))
                for r1, c1, r2, c2 in grid.merged:
                    if (r1, c1) != (r2, c2):
                        first = grid.value(r1, c1)
                        ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, None)
                        if first is not None and not isinstance(first, CellError):
                            ws.write(r1 - 1, c1 - 1, first)
                if grid.hidden:
                    ws.hide()
        finally:
            book.close()
    return names


def _excel_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'")[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        candidate, n = f"{base[:28]}_{n}", n + 1
    return candidate
