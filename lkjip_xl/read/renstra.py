"""The `Renstra` sheet: the Renstra matrix, one indicator a row, a `Target <year>` (and optional
`Pagu <year>`) column per year, and the end target it gives to `Sasaran`.

No cell inherits from the row above: each row names what it measures. A row is an indicator of a
sasaran (Kode Sasaran), of a tujuan (Tujuan, no code), or of a budget code (Kode).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import Indicator, RenstraRow
from lkjip_xl.contract.schema import normalize
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.lenient import lenient_measure
from lkjip_xl.read.locate import Table


def read_renstra(table: Table, findings: list[Finding]) -> tuple[RenstraRow, ...]:
    cells = CellReader(table, findings)
    years = _family_years(table, "target")
    pagu_years = _family_years(table, "pagu")
    rows = []
    for r in table.data_rows:
        kode_sasaran, tujuan = cells.text(r, "kode_sasaran"), cells.text(r, "tujuan")
        kode = cells.code(r, "kode")
        kind = "sasaran" if kode_sasaran else "kode" if kode else "tujuan" if tujuan else ""
        if not kind:
            col = table.columns.get("kode_sasaran") or table.columns.get("indikator") or 1
            findings.append(finding("renstra-row-kind", cells.sheet, a1(r, col)))
            continue

        def target(key: str, row: int = r) -> Measure:
            return lenient_measure(table, row, key, findings, "renstra-target-text")

        rows.append(
            RenstraRow(
                row=r,
                kind=kind,
                indikator=cells.text(r, "indikator"),
                kode_sasaran=kode_sasaran,
                tujuan=tujuan,
                kode=kode,
                uraian=cells.text(r, "uraian"),
                satuan=cells.text(r, "satuan"),
                kondisi_awal=target("kondisi_awal"),
                targets=tuple((y, target(f"target_{y}")) for y in years),
                pagu=tuple((y, cells.amount(r, f"pagu_{y}")) for y in pagu_years),
                target_akhir=target("target_akhir"),
                pagu_akhir=cells.amount(r, "pagu_akhir"),
                penanggung_jawab=cells.text(r, "penanggung_jawab"),
            )
        )
    return tuple(rows)


def _family_years(table: Table, key: str) -> list[int]:
    """The years of a family's columns, in the order the sheet has them."""
    found = []
    for k, _col in sorted(table.columns.items(), key=lambda kv: kv[1]):
        prefix, _, year = k.rpartition("_")
        if prefix == key and year.isdigit() and len(year) == 4:
            found.append(int(year))
    return found


def with_end_targets(
    indicators: Sequence[Indicator],
    renstra: Sequence[RenstraRow],
    renstra_sheet: str,
    renstra_columns: dict[str, int],
    findings: list[Finding],
) -> tuple[Indicator, ...]:
    """Each indicator with its Target Akhir Renstra taken from the Renstra matrix when the
    `Sasaran` cell is blank; when both are given and differ, the `Sasaran` one stays (warning)."""
    end = {
        (normalize(row.kode_sasaran), normalize(row.indikator)): row
        for row in renstra
        if row.kind == "sasaran" and row.target_akhir.available
    }
    tujuan = {
        normalize(row.indikator): row
        for row in renstra
        if row.kind == "tujuan" and row.target_akhir.available
    }
    out = []
    for ind in indicators:
        row = end.get((normalize(ind.kode_sasaran), normalize(ind.indikator)))
        if row is None and ind.tingkat == "tujuan":
            row = tujuan.get(normalize(ind.indikator))
        if row is None:
            out.append(ind)
        elif not ind.target_renstra.available:
            out.append(dataclasses.replace(ind, target_renstra=row.target_akhir))
        else:
            if not _same(ind.target_renstra, row.target_akhir):
                findings.append(
                    finding(
                        "renstra-end-target-differs",
                        renstra_sheet,
                        a1(row.row, renstra_columns.get("target_akhir", 1)),
                        renstra=_shown(row.target_akhir),
                        sasaran=_shown(ind.target_renstra),
                        row=ind.row,
                    )
                )
            out.append(ind)
    return tuple(out)


def _same(a: Measure, b: Measure) -> bool:
    return a.number == b.number and a.letter == b.letter


def _shown(m: Measure) -> str:
    if m.text:
        return m.text
    return "" if m.number is None else f"{m.number:g}".replace(".", ",")
