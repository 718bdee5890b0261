"""The `Rencana Aksi` sheet: indicator rows (Kode Sasaran + Indikator Kinerja) and, under them,
action rows (Kode + Rencana Aksi and/or an indicator), each with four quarters."""

from __future__ import annotations

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import ActionPlanRow
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.locate import Table

QUARTER_KEYS = tuple(f"target_tw{i}" for i in range(1, 5))
REALISED_KEYS = tuple(f"realisasi_tw{i}" for i in range(1, 5))


def read_action_plan(table: Table, findings: list[Finding]) -> tuple[ActionPlanRow, ...]:
    cells = CellReader(table, findings)
    rows = []
    for r in table.data_rows:
        kode_sasaran, kode = cells.text(r, "kode_sasaran"), cells.code(r, "kode")
        indikator, aksi = cells.text(r, "indikator"), cells.text(r, "rencana_aksi")
        if kode_sasaran and not kode:
            kind = "indicator"
        elif kode:
            kind = "action"
            if not aksi and not indikator:
                findings.append(
                    finding("plan-action-empty", cells.sheet, cells.ref(r, "kode"), value=kode)
                )
        else:
            col = table.columns.get("kode_sasaran") or table.columns.get("kode") or 1
            findings.append(finding("plan-row-kind", cells.sheet, a1(r, col)))
            continue
        cumulative = cells.choice(r, "kumulatif")
        rows.append(
            ActionPlanRow(
                row=r,
                kind=kind,
                kode_sasaran=kode_sasaran,
                indikator=indikator,
                kode=kode,
                rencana_aksi=aksi,
                satuan=cells.text(r, "satuan"),
                target=cells.measure(r, "target"),
                targets=tuple(cells.measure(r, k) for k in QUARTER_KEYS),
                realisasi=tuple(cells.measure(r, k) for k in REALISED_KEYS),
                cumulative=None if not cumulative else cumulative == "yes",
                penanggung_jawab=cells.text(r, "penanggung_jawab"),
                pagu=cells.amount(r, "pagu"),
            )
        )
    return tuple(rows)
