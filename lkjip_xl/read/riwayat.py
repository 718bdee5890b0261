"""The `Riwayat` sheet: an indicator's target and realisasi of a past year, one a row."""

from __future__ import annotations

from lkjip_xl.contract.findings import Finding
from lkjip_xl.contract.records import HistoryRow
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.locate import Table


def read_history(table: Table, findings: list[Finding]) -> tuple[HistoryRow, ...]:
    cells = CellReader(table, findings)
    rows = []
    for r in table.data_rows:
        year = cells.year(r, "tahun")
        if year is None:
            continue  # the finding says why (blank or not a year)
        rows.append(
            HistoryRow(
                row=r,
                tahun=year,
                kode_sasaran=cells.text(r, "kode_sasaran"),
                indikator=cells.text(r, "indikator"),
                target=cells.measure(r, "target"),
                realisasi=cells.measure(r, "realisasi"),
            )
        )
    return tuple(rows)
