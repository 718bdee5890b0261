"""What each output needs beyond a readable workbook, as findings at their cells.

The year has three documents from one workbook (DOMAIN_RULES §10, §11): the Perjanjian Kinerja
in January (targets, no realisasi yet), the quarterly report (realisasi up to its quarter) and
the LKjIP at year end (every realisasi). A blank realisasi is therefore no error of the
workbook itself; it is one for the document that needs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import SheetLayout, Workbook
from lkjip_xl.contract.schema import ANGGARAN_SHEET, RENCANA_AKSI_SHEET, SASARAN_SHEET

_QUARTER_NAMES = ("I", "II", "III", "IV")
# The findings a blank realisasi cell gives while reading (an error in Anggaran, a warning in
# Sasaran): what a document made before the year's end does not need.
_BLANK_CODES = frozenset({"budget-amount-missing", "value-blank"})


def _realisasi_cells(wb: Workbook) -> set[tuple[str, str]]:
    """(sheet, A1) of every data row's Realisasi cell in Sasaran and Anggaran."""
    out: set[tuple[str, str]] = set()
    for spec in (SASARAN_SHEET, ANGGARAN_SHEET):
        layout = wb.layout.get(spec.name)
        col = layout.columns.get("realisasi") if layout else None
        if layout is None or col is None:
            continue
        out.update((spec.name, a1(r, col)) for r in range(layout.first_row, layout.last_row + 1))
    return out


def without_realisasi_gaps(wb: Workbook, findings: Sequence[Finding]) -> list[Finding]:
    """The findings that still matter for a document made before any realisasi (the PK, the
    quarterly report): those about a blank Realisasi cell of Sasaran or Anggaran are left out."""
    cells = _realisasi_cells(wb)
    return [f for f in findings if not (f.code in _BLANK_CODES and (f.sheet, f.cell) in cells)]


def for_report(wb: Workbook, findings: Sequence[Finding]) -> list[Finding]:
    """The findings of the year-end LKjIP: when no indicator of Sasaran has a realisasi yet (a
    January workbook), each blank Realisasi there is an error, not a warning."""
    layout = wb.layout.get(SASARAN_SHEET.name)
    col = layout.columns.get("realisasi") if layout else None
    if col is None or not wb.indicators or any(i.realisasi.available for i in wb.indicators):
        return list(findings)
    blank = [i for i in wb.indicators if not i.realisasi.available and not i.realisasi.text]
    cells = {a1(i.row, col) for i in blank}
    kept = [
        f
        for f in findings
        if not (f.code == "value-blank" and f.sheet == SASARAN_SHEET.name and f.cell in cells)
    ]
    return kept + [
        finding("realisasi-missing", SASARAN_SHEET.name, a1(i.row, col), sheet=SASARAN_SHEET.name)
        for i in blank
    ]


def for_quarter(wb: Workbook, quarter: int) -> list[Finding]:
    """The errors that stop the report of `quarter`: no indicator row in Rencana Aksi, or an
    indicator row without a realisasi in a quarter up to this one."""
    layout: SheetLayout | None = wb.layout.get(RENCANA_AKSI_SHEET.name)
    rows = [r for r in wb.action_plan if r.kind == "indicator"]
    if layout is None or not rows:
        return [finding("triwulan-plan-empty", RENCANA_AKSI_SHEET.name, "A1")]
    out = []
    for q in range(1, quarter + 1):
        col = layout.columns.get(f"realisasi_tw{q}")
        for row in rows:
            given = row.realisasi[q - 1] if len(row.realisasi) >= q else None
            if col is not None and (given is None or not (given.available or given.text)):
                out.append(
                    finding(
                        "triwulan-realisasi-missing",
                        RENCANA_AKSI_SHEET.name,
                        a1(row.row, col),
                        quarter=_QUARTER_NAMES[q - 1],
                    )
                )
    return out
