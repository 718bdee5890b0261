"""The `Anggaran` sheet: Program → Kegiatan → Sub Kegiatan rows, read and linked into a tree."""

from __future__ import annotations

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import BudgetRow
from lkjip_xl.contract.schema import BUDGET_LEVEL
from lkjip_xl.read.budget_summaries import check_budget_summaries
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.hierarchy import link
from lkjip_xl.read.locate import Table

_SEGMENTS_TO_LEVEL = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}


def read_budget(table: Table, findings: list[Finding]) -> tuple[BudgetRow, ...]:
    cells = CellReader(table, findings)
    rows = []
    for r in table.data_rows:
        code = cells.code(r, "kode")
        level = _level(cells, r, code, findings)
        if level is None:
            continue
        rows.append(
            BudgetRow(
                row=r,
                level=level,
                uraian=cells.text(r, "uraian"),
                kode=code,
                pagu=cells.amount(r, "pagu"),
                realisasi=cells.amount(r, "realisasi"),
                kode_sasaran=cells.text(r, "kode_sasaran"),
                indikator=cells.text(r, "indikator"),
                satuan=cells.text(r, "satuan"),
                target_kinerja=cells.measure(r, "target_kinerja"),
                realisasi_kinerja=cells.measure(r, "realisasi_kinerja"),
                polarity=cells.choice(r, "polaritas"),
                pagu_sebelum=cells.amount(r, "pagu_sebelum"),
                realisasi_lalu=cells.amount(r, "realisasi_lalu"),
                sumber_dana=cells.text(r, "sumber_dana"),
                penanggung_jawab=cells.text(r, "penanggung_jawab"),
            )
        )
    linked = link(rows)
    if table.summary_rows:
        check_budget_summaries(table, linked, findings)
    return linked


def _level(cells: CellReader, r: int, code: str, findings: list[Finding]) -> str | None:
    """The row's level: from its code when it has one, else from Tingkat; None when neither."""
    given = cells.choice(r, "tingkat") or None
    if code:
        from_code = _SEGMENTS_TO_LEVEL.get(code.count(".") + 1)
        if from_code is None:
            findings.append(
                finding("budget-code-invalid", cells.sheet, cells.ref(r, "kode"), value=code)
            )
        else:
            if given and given != from_code:
                findings.append(
                    finding(
                        "budget-level-conflict",
                        cells.sheet,
                        cells.ref(r, "tingkat"),
                        level=BUDGET_LEVEL.label_of(given),
                        code=code,
                        code_level=BUDGET_LEVEL.label_of(from_code),
                    )
                )
            return from_code
    if given is None and cells.is_blank(r, "kode") and cells.is_blank(r, "tingkat"):
        col = cells.table.columns.get("tingkat") or cells.table.columns.get("kode") or 1
        findings.append(finding("budget-level-missing", cells.sheet, a1(r, col)))
    return given
