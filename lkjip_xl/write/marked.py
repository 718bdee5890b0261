"""The `--tandai` copy: the workbook with every problem cell highlighted and explained.

The copy keeps the staff's sheets as they are, fills each problem cell red (error) or yellow
(warning), puts the message in a cell comment, and adds a `Temuan` sheet listing every finding.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from lkjip_xl.base.files import atomic_path, refuse_overwrite
from lkjip_xl.contract.cells import parse_a1
from lkjip_xl.contract.findings import Finding, Severity

FINDINGS_SHEET = "Temuan"
_FILLS = {
    Severity.ERROR: PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE"),
    Severity.WARNING: PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C"),
}
_SEVERITY_ID = {Severity.ERROR: "Kesalahan", Severity.WARNING: "Peringatan"}


def write_marked_copy(source: str | Path, target: str | Path, findings: list[Finding]) -> Path:
    refuse_overwrite(target, source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(source)
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.sheet in wb.sheetnames and f.cell:
            by_cell.setdefault((f.sheet, f.cell), []).append(f)
    for (sheet, ref), items in by_cell.items():
        ws = wb[sheet]
        row, col = parse_a1(ref)
        cell = ws.cell(row=row, column=col)
        worst = Severity.ERROR if any(f.is_error for f in items) else Severity.WARNING
        cell.fill = _FILLS[worst]
        text = "\n".join(f"[{f.code}] {f.message}" for f in items)
        comment = Comment(text, "lkjip")
        comment.width, comment.height = 320, 40 + 18 * (len(text) // 45 + len(items))
        cell.comment = comment

    if FINDINGS_SHEET in wb.sheetnames:
        del wb[FINDINGS_SHEET]
    ws = wb.create_sheet(FINDINGS_SHEET, 0)
    ws.append(["Sheet", "Sel", "Jenis", "Kode", "Pesan"])
    for c in ws[1]:
        c.font = Font(bold=True)
    for f in findings:
        ws.append([f.sheet or "", f.cell or "", _SEVERITY_ID[f.severity], f.code, f.message])
        ws.cell(row=ws.max_row, column=3).fill = _FILLS[f.severity]
        ws.cell(row=ws.max_row, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDE", (14, 8, 12, 24, 90), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    for other in wb.worksheets:  # else Excel opens with several tabs grouped
        other.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return Path(target)
