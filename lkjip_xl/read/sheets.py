"""Finding the contract's sheets in an opened workbook: the one route by which every reader of a
workbook (the reader, carry forward) gets at a sheet and its located table.

A sheet under another name is never silently absent: when a contract sheet is missing and
another sheet's name contains its name or nearly matches it (`SKM 2023`, `skm1`, `Sheet SKM`,
`Anggaran (2)`), that sheet gets an error asking to rename it; when the contract sheet is
there too, such a copy gets a warning that it is not read. A sheet whose own name is a contract
sheet, a sheet the tool writes, or a `Tabel …` sheet is never taken for a copy. A hidden contract
sheet is read, with a note.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import SheetLayout
from lkjip_xl.contract.schema import (
    ALL_SHEETS,
    ANGGARAN_SHEET,
    FREE_TABLE_PREFIX,
    PETUNJUK_SHEET_NAME,
    SASARAN_SHEET,
    SKM_SHEET,
    TOOL_SHEET_NAMES,
    Kind,
    SheetSpec,
    normalize,
)
from lkjip_xl.read.cell_reader import error_value, scaled
from lkjip_xl.read.locate import Table, locate
from lkjip_xl.read.numbers import cell_number
from lkjip_xl.read.source import CellError, Grid, XlsxSource
from lkjip_xl.read.summary_rows import MEAN, SUBTOTAL, Candidate, SummaryRow, check_summary_rows

# Sheets whose reader checks its typed total rows itself (a budget tree, SKM answers, capaian).
_OWN_SUMMARY_CHECK = frozenset({ANGGARAN_SHEET.name, SKM_SHEET.name, SASARAN_SHEET.name})
_NEAR = 0.8  # difflib ratio above which two sheet names are one name mistyped


@dataclass
class ContractSheets:
    """An opened workbook seen through the contract: sheets by their contract name."""

    source: XlsxSource
    findings: list[Finding]
    layout: dict[str, SheetLayout] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._titles = {normalize(name): name for name in self.source.sheet_names}
        self._near = near_names(self.source.sheet_names)
        self._seen: set[str] = set()
        for spec_name, titles in self._near.items():
            present = normalize(spec_name) in self._titles
            for title in titles:
                if present:
                    state = " (tersembunyi)" if self.source.is_hidden(title) else ""
                    self.findings.append(
                        finding(
                            "sheet-near-duplicate",
                            title,
                            "A1",
                            found=title,
                            expected=spec_name,
                            state=state,
                        )
                    )
                else:
                    self.findings.append(
                        finding("sheet-misnamed", title, "A1", found=title, expected=spec_name)
                    )

    def grid(self, spec: SheetSpec) -> Grid | None:
        """The sheet's cells; None when it is absent (an error when the sheet is required)."""
        title = self._titles.get(normalize(spec.name))
        first = spec.name not in self._seen
        self._seen.add(spec.name)
        if title is None:
            if spec.required and first and spec.name not in self._near:
                self.findings.append(finding("sheet-missing", spec.name, "A1", sheet=spec.name))
            return None
        grid = self.source.grid(title)
        if grid.hidden and first:
            self.findings.append(finding("sheet-hidden", title, "A1", sheet=title))
        return grid

    def table(self, spec: SheetSpec) -> Table | None:
        """The sheet's located table, its layout remembered for writing derived values back."""
        grid = self.grid(spec)
        if grid is None:
            return None
        table = locate(grid, spec, self.findings)
        if table is not None:
            last = table.data_rows[-1] if table.data_rows else table.header_row
            self.layout[spec.name] = SheetLayout(
                grid.title, table.header_row, dict(table.columns), table.header_row + 1, last
            )
            if table.summary_rows and spec.name not in _OWN_SUMMARY_CHECK:
                check_column_sums(table, self.findings)
        return table

    def free_tables(self) -> list[Grid]:
        """The free `Tabel …` sheets, in workbook order; their error values are findings (the
        draft would print `#DIV/0!`)."""
        prefix = normalize(FREE_TABLE_PREFIX)
        grids = [
            self.source.grid(name)
            for name in self.source.sheet_names
            if normalize(name).startswith(prefix)
            and normalize(name) != normalize(PETUNJUK_SHEET_NAME)
        ]
        for grid in grids:
            for r, row in enumerate(grid.values, start=1):
                for c, v in enumerate(row, start=1):
                    if isinstance(v, CellError):
                        self.findings.append(error_value(grid.title, a1(r, c), v))
        return grids


# --- near names -----------------------------------------------------------------------------


def near_names(titles: Iterable[str]) -> dict[str, list[str]]:
    """Contract sheet name → the workbook's sheets that look like it under another name."""
    titles = list(titles)
    own = {normalize(s.name) for s in ALL_SHEETS} | {
        normalize(n) for n in (PETUNJUK_SHEET_NAME, *TOOL_SHEET_NAMES)
    }
    prefix = normalize(FREE_TABLE_PREFIX)
    near: dict[str, list[str]] = {}
    for title in titles:
        name = normalize(title)
        if name in own or name.startswith(prefix):
            continue
        scored = [(_likeness(spec.name, name), spec.name) for spec in ALL_SHEETS]
        score, spec_name = max(scored)
        if score > 0:
            near.setdefault(spec_name, []).append(title)
    return near


def _likeness(spec_name: str, name: str) -> float:
    """How much a sheet name looks like a contract sheet's: 0 when not at all."""
    wanted = _squash(normalize(spec_name))
    got = _squash(name)
    if not got:
        return 0.0
    if wanted in got:
        return 1.0 + len(wanted) / 100  # the longest contract name contained wins ("Unsur SKM")
    ratio = difflib.SequenceMatcher(None, wanted, got).ratio()
    return ratio if ratio >= _NEAR and len(wanted) >= 4 else 0.0


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text)


# --- typed total rows of the simpler sheets ---------------------------------------------------


def check_column_sums(table: Table, findings: list[Finding]) -> None:
    """Compare a typed total (or average) row's figures with the column's sum (or mean) over the
    data rows: all rows, the rows above it, or the block since the previous total row."""
    grid, spec = table.grid, table.spec
    numeric = {
        c.key: (table.columns[c.key], table.headers.get(c.key, c.header))
        for c in spec.columns
        if c.key in table.columns and c.kind in (Kind.AMOUNT, Kind.NUMBER, Kind.INTEGER)
    }
    values: dict[str, list[tuple[int, float]]] = {key: [] for key in numeric}
    for key, (col, _) in numeric.items():
        for r in table.data_rows:
            try:
                v = cell_number(grid.value(r, col), grid.number_format(r, col))
            except Exception:
                continue
            if v is not None:
                factor = table.scale.get(key)
                values[key].append((r, scaled(v, factor) if factor else v))
    starts = {s.row: prev.row if prev else 0 for prev, s in _pairs(table.summary_rows)}

    def candidates(summary: SummaryRow, key: str) -> list[Candidate]:
        column = values[key]
        whole = [v for _, v in column]
        above = [v for r, v in column if r < summary.row]
        block = [v for r, v in column if starts[summary.row] < r < summary.row]
        if summary.kind == MEAN:
            return [
                Candidate(_mean(whole), "rata-rata seluruh baris"),
                Candidate(_mean(block), "rata-rata baris di atasnya"),
            ]
        found = [
            Candidate(sum(whole) if whole else None, "jumlah seluruh baris"),
            Candidate(sum(above) if above else None, "jumlah baris di atasnya"),
            Candidate(sum(block) if block else None, "jumlah baris sejak baris jumlah sebelumnya"),
        ]
        return found[::-1] if summary.kind == SUBTOTAL else found

    check_summary_rows(grid, table.summary_rows, numeric, candidates, findings, table.scale)


def _pairs(rows: list[SummaryRow]) -> list[tuple[SummaryRow | None, SummaryRow]]:
    return list(zip([None, *rows[:-1]], rows, strict=True))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
