"""The `Anggaran` sheet: Program → Kegiatan → Sub Kegiatan rows, read and linked into a tree."""

from __future__ import annotations

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import BudgetRow
from lkjip_xl.contract.schema import BUDGET_LEVEL
from lkjip_xl.read.budget_summaries import check_budget_summaries
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.hierarchy import tree
from lkjip_xl.read.locate import Table

_SEGMENTS_TO_LEVEL = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}


def read_budget(table: Table, findings: list[Finding]) -> tuple[BudgetRow, ...]:
    cells = CellReader(table, findings)
    rows: list[int] = []
    levels: list[str] = []
    codes: list[str] = []
    for r in table.data_rows:
        code = cells.code(r, "kode")
        level = _level(cells, r, code, findings)
        if level is not None:
            rows.append(r)
            levels.append(level)
            codes.append(code)
    # the budget rows' other cells a column at a time (their findings are sorted later)
    uraian = cells.texts(rows, "uraian")
    pagu, realisasi = cells.amounts(rows, "pagu"), cells.amounts(rows, "realisasi")
    kode_sasaran = cells.texts(rows, "kode_sasaran")
    indikator, satuan = cells.texts(rows, "indikator"), cells.texts(rows, "satuan")
    target_kinerja = cells.measures(rows, "target_kinerja")
    realisasi_kinerja = cells.measures(rows, "realisasi_kinerja")
    polarity = cells.choices(rows, "polaritas")
    pagu_sebelum = cells.amounts(rows, "pagu_sebelum")
    realisasi_lalu = cells.amounts(rows, "realisasi_lalu")
    sumber_dana = cells.texts(rows, "sumber_dana")
    penanggung_jawab = cells.texts(rows, "penanggung_jawab")
    parents, children = tree(levels, codes)
    linked = tuple(
        BudgetRow(
            row=r,
            level=levels[i],
            uraian=uraian[i],
            kode=codes[i],
            pagu=pagu[i],
            realisasi=realisasi[i],
            kode_sasaran=kode_sasaran[i],
            indikator=indikator[i],
            satuan=satuan[i],
            target_kinerja=target_kinerja[i],
            realisasi_kinerja=realisasi_kinerja[i],
            polarity=polarity[i],
            pagu_sebelum=pagu_sebelum[i],
            realisasi_lalu=realisasi_lalu[i],
            sumber_dana=sumber_dana[i],
            penanggung_jawab=penanggung_jawab[i],
            parent=parents[i],
            children=tuple(children[i]),
        )
        for i, r in enumerate(rows)
    )
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
