"""The `Riwayat Anggaran` sheet: the unit's (or one program's) pagu and realisasi of a past year."""

from __future__ import annotations

from lkjip_xl.contract.findings import Finding
from lkjip_xl.contract.records import BudgetHistoryRow
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.locate import Table


def read_budget_history(table: Table, findings: list[Finding]) -> tuple[BudgetHistoryRow, ...]:
    cells = CellReader(table, findings)
    rows = []
    for r in table.data_rows:
        year = cells.year(r, "tahun")
        if year is None:
            continue  # the finding says why (blank or not a year)
        rows.append(
            BudgetHistoryRow(
                row=r,
                tahun=year,
                pagu=cells.amount(r, "pagu"),
                realisasi=cells.amount(r, "realisasi"),
                kode=cells.code(r, "kode"),
                uraian=cells.text(r, "uraian"),
            )
        )
    return tuple(rows)
