"""The smaller sheets: `Belanja`, `Skala`, `Desa`, `Narasi`, and the free `Tabel …` sheets."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.findings import Finding
from lkjip_xl.contract.records import FreeTable, ScaleBand, SpendingRow, Village
from lkjip_xl.contract.schema import FREE_TABLE_PREFIX
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.kinds import strip_markers, text_of
from lkjip_xl.read.locate import Table
from lkjip_xl.read.source import Grid, is_blank


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
        )
        for r in table.data_rows
    )


def read_narrative(table: Table, findings: list[Finding]) -> dict[str, str]:
    """Part key → the staff's text, line breaks kept (they separate paragraphs)."""
    cells = CellReader(table, findings)
    narrative = {}
    for r in table.data_rows:
        part, text = cells.choice(r, "bagian"), cells.text(r, "teks")
        if part and text:
            narrative[part] = strip_markers(str(table.grid.value(r, table.columns["teks"]))).strip()
    return narrative


def read_free_table(grid: Grid) -> FreeTable | None:
    """A `Tabel …` sheet as it is: first non-empty row = headers, every cell as shown."""
    rows = [r for r in grid.values if not all(is_blank(v) for v in r)]
    if not rows:
        return None
    width = max(i + 1 for r in rows for i, v in enumerate(r) if not is_blank(v))
    header = tuple(text_of(v) for v in rows[0][:width]) + ("",) * max(0, width - len(rows[0]))
    body = tuple(tuple(_free_cell(v) for v in (list(r) + [None] * width)[:width]) for r in rows[1:])
    title = strip_markers(grid.title[len(FREE_TABLE_PREFIX) :]).strip(" -_:") or strip_markers(
        grid.title
    )
    return FreeTable(grid.title, title, header, body)


def _free_cell(v: object) -> str:
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, int | float):
        return fmt_number(v, decimals=None)
    return text_of(v)
