"""Reading a filled workbook into the typed records, sheet by sheet, collecting findings.

Only cell-level problems are found here (types, vocabularies, required values); problems
between rows or sheets are in checks.py. Each sheet has its reader module.
"""

from __future__ import annotations

from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import Identity, ScaleBand, Settings, Workbook
from lkjip_xl.contract.schema import (
    ANGGARAN_SHEET,
    BELANJA_SHEET,
    DESA_SHEET,
    IDENTITY_SHEET,
    NARASI_SHEET,
    SASARAN_SHEET,
    SKALA_SHEET,
    SKM_SHEET,
    UNSUR_SHEET,
)
from lkjip_xl.read.anggaran import read_budget
from lkjip_xl.read.identity import read_identity
from lkjip_xl.read.narrative import read_narrative
from lkjip_xl.read.sasaran import read_indicators, typed_averages
from lkjip_xl.read.sheets import ContractSheets
from lkjip_xl.read.skm import read_elements, read_responses
from lkjip_xl.read.small_sheets import read_scale, read_spending, read_villages
from lkjip_xl.read.source import XlsxSource
from lkjip_xl.read.v2_sheets import V2Sheets, read_v2_sheets


def read_model(source: XlsxSource) -> tuple[Workbook | None, list[Finding]]:
    """Read every sheet of the contract. Returns (None, findings) when a required sheet is unusable."""
    findings: list[Finding] = []
    sheets = ContractSheets(source, findings)
    identity_grid = sheets.grid(IDENTITY_SHEET)
    identity, settings = (
        read_identity(identity_grid, findings) if identity_grid else (Identity(), Settings())
    )
    sasaran = sheets.table(SASARAN_SHEET)
    indicators = read_indicators(sasaran, findings) if sasaran else ()
    anggaran = sheets.table(ANGGARAN_SHEET)
    budget = read_budget(anggaran, findings) if anggaran else ()
    skm_table = sheets.table(SKM_SHEET)
    skm = read_responses(skm_table, findings) if skm_table else None
    elements = read_elements(sheets.table(UNSUR_SHEET), skm_table, findings)
    belanja = sheets.table(BELANJA_SHEET)
    desa = sheets.table(DESA_SHEET)
    narasi = sheets.table(NARASI_SHEET)
    scale = _scale(sheets, settings, findings)
    v2: V2Sheets = read_v2_sheets(sheets, indicators, findings)
    if identity_grid is None or sasaran is None or anggaran is None:
        return None, findings
    codes = {ind.kode_sasaran for ind in indicators}, {row.kode for row in budget if row.kode}
    workbook = Workbook(
        path=str(source.path),
        identity=identity,
        settings=settings,
        indicators=v2.indicators,
        budget=budget,
        skm=skm,
        skm_elements=elements,
        spending=read_spending(belanja, findings) if belanja else (),
        scale=scale,
        villages=read_villages(desa, findings) if desa else (),
        narrative=read_narrative(narasi, findings, *codes) if narasi else {},
        free_tables=v2.free_tables,
        layout=sheets.layout,
        typed_averages=typed_averages(sasaran, findings),
        staff=v2.staff,
        renstra=v2.renstra,
        history=v2.history,
        budget_history=v2.budget_history,
        action_plan=v2.action_plan,
        cascade=v2.cascade,
        pictures=v2.pictures,
    )
    return workbook, findings


def _scale(
    sheets: ContractSheets, settings: Settings, findings: list[Finding]
) -> tuple[ScaleBand, ...] | None:
    """The custom rating bands; None means the default scale (a Skala sheet counts only when
    the setting asks for it, and is then required)."""
    skala = sheets.table(SKALA_SHEET)
    if settings.scale != "custom":
        return None
    if skala is None:
        findings.append(
            finding(
                "sheet-required-by-setting",
                SKALA_SHEET.name,
                "A1",
                sheet=SKALA_SHEET.name,
                reason="Skala Capaian = Kustom",
            )
        )
        return None
    return read_scale(skala, findings)
