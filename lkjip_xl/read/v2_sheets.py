"""The sheets added in contract version 2, read in one place for read_model.

Every one is optional: an absent sheet gives an empty tuple. The Renstra matrix also completes
`Sasaran`: an indicator's blank Target Akhir Renstra is taken from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.contract.findings import Finding
from lkjip_xl.contract.records import (
    ActionPlanRow,
    BudgetHistoryRow,
    CascadeRow,
    Employee,
    FreeTable,
    HistoryRow,
    Indicator,
    Picture,
    RenstraRow,
)
from lkjip_xl.contract.schema import (
    GAMBAR_SHEET,
    PEGAWAI_SHEET,
    PK_BERJENJANG_SHEET,
    RENCANA_AKSI_SHEET,
    RENSTRA_SHEET,
    RIWAYAT_ANGGARAN_SHEET,
    RIWAYAT_SHEET,
)
from lkjip_xl.read.free_tables import read_free_table
from lkjip_xl.read.gambar import read_pictures
from lkjip_xl.read.package import Package
from lkjip_xl.read.pegawai import read_staff
from lkjip_xl.read.pk_berjenjang import read_cascade
from lkjip_xl.read.rencana_aksi import read_action_plan
from lkjip_xl.read.renstra import read_renstra, with_end_targets
from lkjip_xl.read.riwayat import read_history
from lkjip_xl.read.riwayat_anggaran import read_budget_history
from lkjip_xl.read.sheets import ContractSheets


@dataclass(frozen=True)
class V2Sheets:
    indicators: tuple[Indicator, ...]  # Sasaran's, end targets completed from Renstra
    staff: tuple[Employee, ...] = ()
    renstra: tuple[RenstraRow, ...] = ()
    history: tuple[HistoryRow, ...] = ()
    budget_history: tuple[BudgetHistoryRow, ...] = ()
    action_plan: tuple[ActionPlanRow, ...] = ()
    cascade: tuple[CascadeRow, ...] = ()
    pictures: tuple[Picture, ...] = ()
    free_tables: tuple[FreeTable, ...] = ()


def read_v2_sheets(
    sheets: ContractSheets, indicators: tuple[Indicator, ...], findings: list[Finding]
) -> V2Sheets:
    pegawai = sheets.table(PEGAWAI_SHEET)
    renstra_table = sheets.table(RENSTRA_SHEET)
    renstra = read_renstra(renstra_table, findings) if renstra_table else ()
    if renstra_table is not None:
        indicators = with_end_targets(
            indicators, renstra, renstra_table.grid.title, renstra_table.columns, findings
        )
    riwayat = sheets.table(RIWAYAT_SHEET)
    riwayat_anggaran = sheets.table(RIWAYAT_ANGGARAN_SHEET)
    rencana_aksi = sheets.table(RENCANA_AKSI_SHEET)
    pk = sheets.table(PK_BERJENJANG_SHEET)
    gambar = sheets.table(GAMBAR_SHEET)
    return V2Sheets(
        indicators=indicators,
        staff=read_staff(pegawai, findings) if pegawai else (),
        renstra=renstra,
        history=read_history(riwayat, findings) if riwayat else (),
        budget_history=read_budget_history(riwayat_anggaran, findings) if riwayat_anggaran else (),
        action_plan=read_action_plan(rencana_aksi, findings) if rencana_aksi else (),
        cascade=read_cascade(pk, findings) if pk else (),
        pictures=read_pictures(gambar, sheets.source.path, findings) if gambar else (),
        free_tables=_free_tables(sheets, findings),
    )


def _free_tables(sheets: ContractSheets, findings: list[Finding]) -> tuple[FreeTable, ...]:
    grids = sheets.free_tables()
    if not grids:
        return ()
    with Package(sheets.source.path) as package:
        tables = [read_free_table(g, package.merges(g.title), findings) for g in grids]
    return tuple(t for t in tables if t is not None)
