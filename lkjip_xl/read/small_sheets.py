"""The smaller sheets: `Belanja`, `Skala`, `Desa` (`Narasi`: narrative.py; `Tabel …`: free_tables.py)."""

from __future__ import annotations

from lkjip_xl.contract.findings import Finding
from lkjip_xl.contract.records import ScaleBand, SpendingRow, Village
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.locate import Table


def read_spending(table: Table, findings: list[Finding]) -> tuple[SpendingRow, ...]:
    cells = CellReader(table, findings)
    return tuple(
        SpendingRow(
            r,
            cells.text(r, "kelompok"),
            cells.text(r, "jenis"),
            cells.amount(r, "anggaran"),
            cells.amount(r, "realisasi"),
            cells.amount(r, "realisasi_lalu"),
            cells.amount(r, "anggaran_sebelum"),
        )
        for r in table.data_rows
    )


def read_scale(table: Table, findings: list[Finding]) -> tuple[ScaleBand, ...]:
    cells = CellReader(table, findings)
    bands = []
    for r in table.data_rows:
        lower, upper = cells.number(r, "bawah"), cells.number(r, "atas")
        label = cells.text(r, "predikat")
        if lower is not None and label:
            bands.append(ScaleBand(r, lower, upper, label))
    return tuple(bands)


def read_villages(table: Table, findings: list[Finding]) -> tuple[Village, ...]:
    cells = CellReader(table, findings)
    return tuple(
        Village(
            r,
            cells.text(r, "nama"),
            cells.choice(r, "status"),
            cells.number(r, "luas"),
            cells.integer(r, "penduduk_l"),
            cells.integer(r, "penduduk_p"),
            cells.integer(r, "jumlah_kk"),
        )
        for r in table.data_rows
    )
