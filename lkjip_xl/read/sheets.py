"""Finding the contract's sheets in an opened workbook: the one route by which every reader of a
workbook (the reader, carry forward) gets at a sheet and its located table."""

from __future__ import annotations

from dataclasses import dataclass, field

from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import SheetLayout
from lkjip_xl.contract.schema import FREE_TABLE_PREFIX, PETUNJUK_SHEET_NAME, SheetSpec, normalize
from lkjip_xl.read.locate import Table, locate
from lkjip_xl.read.source import Grid, XlsxSource


@dataclass
class ContractSheets:
    """An opened workbook seen through the contract: sheets by their contract name."""

    source: XlsxSource
    findings: list[Finding]
    layout: dict[str, SheetLayout] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._titles = {normalize(name): name for name in self.source.sheet_names}

    def grid(self, spec: SheetSpec) -> Grid | None:
        """The sheet's cells; None when it is absent (an error when the sheet is required)."""
        title = self._titles.get(normalize(spec.name))
        if title is None:
            if spec.required:
                self.findings.append(finding("sheet-missing", spec.name, "A1", sheet=spec.name))
            return None
        return self.source.grid(title)

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
        return table

    def free_tables(self) -> list[Grid]:
        """The free `Tabel …` sheets, in workbook order."""
        prefix = normalize(FREE_TABLE_PREFIX)
        return [
            self.source.grid(name)
            for name in self.source.sheet_names
            if normalize(name).startswith(prefix)
            and normalize(name) != normalize(PETUNJUK_SHEET_NAME)
        ]
