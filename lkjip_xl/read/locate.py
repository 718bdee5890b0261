"""Finding a table inside a sheet: its header row, which column holds which key, its data rows.

The header row is the first of the first 10 rows whose cells match the sheet's required
headers; data rows run down to the first fully empty row. Every problem becomes a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.schema import ANSWER_HEADER, HEADER_SEARCH_ROWS, SheetSpec, normalize_header
from lkjip_xl.read.source import Grid, is_blank


@dataclass
class Table:
    """A located table: which column holds which key, and the data rows' range."""

    grid: Grid
    spec: SheetSpec
    header_row: int
    columns: dict[str, int]  # key → 1-based column
    answer_columns: dict[str, int] = field(default_factory=dict)  # SKM: "U1" → column
    data_rows: list[int] = field(default_factory=list)


def locate(grid: Grid, spec: SheetSpec, findings: list[Finding]) -> Table | None:
    """Find the header row and the data rows. Returns None when no header row is found."""
    best_row, best_hits = 0, 0
    required = [c for c in spec.columns if c.required]
    for r in range(1, min(HEADER_SEARCH_ROWS, grid.height) + 1):
        row_values = grid.values[r - 1]
        hits = {
            c.key for c in spec.columns if any(c.matches(v) for v in row_values if not is_blank(v))
        }
        if spec.extra_answer_columns:
            hits |= {
                normalize_header(v)
                for v in row_values
                if not is_blank(v) and ANSWER_HEADER.match(normalize_header(v))
            }
        if all(c.key in hits for c in required):
            best_row, best_hits = r, len(hits)
            break
        if len(hits) > best_hits:
            best_row, best_hits = r, len(hits)
    if best_hits == 0:
        expected = ", ".join(c.header for c in required) or ", ".join(
            c.header for c in spec.columns[:3]
        )
        findings.append(
            finding("header-not-found", grid.title, "A1", sheet=grid.title, expected=expected)
        )
        return None

    table = Table(grid, spec, best_row, {})
    for col, v in enumerate(grid.values[best_row - 1], start=1):
        if is_blank(v):
            continue
        key: str | None
        if spec.extra_answer_columns and ANSWER_HEADER.match(normalize_header(v)):
            key = normalize_header(v).upper()  # SKM answers U1, U2 … U10 …
        else:
            column = spec.column_for_header(v)  # a fixed column, or a year of a family
            key = column.key if column else None
        if key is None:
            findings.append(
                finding("column-extra", grid.title, a1(best_row, col), column=str(v).strip())
            )
            continue
        if key in table.columns or key in table.answer_columns:
            findings.append(
                finding("header-duplicate", grid.title, a1(best_row, col), column=str(v).strip())
            )
            continue
        if key[0] == "U" and key[1:].isdigit():
            table.answer_columns[key] = col
        else:
            table.columns[key] = col
    table.answer_columns = dict(sorted(table.answer_columns.items(), key=lambda kv: int(kv[0][1:])))
    for c in required:
        if c.key not in table.columns and c.key.upper() not in table.answer_columns:
            findings.append(
                finding(
                    "header-missing", grid.title, a1(best_row, 1), column=c.header, sheet=grid.title
                )
            )

    table.data_rows = _data_rows(grid, best_row, findings)
    return table


def _data_rows(grid: Grid, header_row: int, findings: list[Finding]) -> list[int]:
    rows: list[int] = []
    r = header_row + 1
    while r <= grid.height and not row_blank(grid, r):
        rows.append(r)
        r += 1
    # anything after the gap is reported, never silently lost
    in_block = False
    while r <= grid.height:
        if row_blank(grid, r):
            in_block = False
        elif not in_block:
            in_block = True
            col = next(i for i, v in enumerate(grid.values[r - 1], start=1) if not is_blank(v))
            findings.append(finding("row-after-gap", grid.title, a1(r, col), row=r))
        r += 1
    return rows


def row_blank(grid: Grid, r: int) -> bool:
    return all(is_blank(v) for v in grid.values[r - 1])
