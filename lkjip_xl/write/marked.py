"""The `--tandai` copy: the workbook with every problem cell highlighted and explained.

The copy is the staff's own file with a few parts patched (write/xlsx_package.py): each problem
cell keeps its font, border and number format and gets a fill, red (error), yellow (warning) or
blue (note), and its messages as a cell note; a `Temuan` sheet listing every finding comes first.
Everything else the staff made is copied byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from lkjip_xl.base.files import atomic_path, refuse_overwrite
from lkjip_xl.base.names import workbook_copy_name
from lkjip_xl.contract.cells import parse_a1
from lkjip_xl.contract.findings import Finding, Severity
from lkjip_xl.contract.schema import FINDINGS_SHEET_NAME
from lkjip_xl.write.xlsx_cells import SheetCells
from lkjip_xl.write.xlsx_comments import add_notes
from lkjip_xl.write.xlsx_copy import open_copy
from lkjip_xl.write.xlsx_new_sheet import NewSheet
from lkjip_xl.write.xlsx_package import Package
from lkjip_xl.write.xlsx_styles import Look, Styles

FINDINGS_SHEET = FINDINGS_SHEET_NAME
FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7"}
_SEVERITY_ID = {
    Severity.ERROR: "Kesalahan",
    Severity.WARNING: "Peringatan",
    Severity.INFO: "Catatan",
}
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def write_marked_copy(source: str | Path, target: str | Path, findings: list[Finding]) -> Path:
    """Write the marked copy; returns where (a name ending in .ods is written as .xlsx)."""
    target = workbook_copy_name(target)
    refuse_overwrite(target, source)
    with open_copy(source) as copy:
        package = copy.package
        styles = Styles(package)
        parts = {entry.name: entry.part for entry in package.sheets()}
        by_sheet: dict[str, dict[tuple[int, int], list[Finding]]] = {}
        for f in findings:
            sheet = copy.sheet_name(f.sheet or "")
            if sheet in parts and f.cell:
                try:
                    place = parse_a1(f.cell)
                except ValueError:
                    continue
                by_sheet.setdefault(sheet, {}).setdefault(place, []).append(f)
        for sheet, cells in by_sheet.items():
            _mark_sheet(package, styles, parts[sheet], cells)
        package.put_sheet(FINDINGS_SHEET, _findings_sheet(styles, findings).xml(), first=True)
        with atomic_path(target) as tmp:
            package.save(tmp)
    return target


def _mark_sheet(
    package: Package, styles: Styles, part: str, cells: dict[tuple[int, int], list[Finding]]
) -> None:
    sheet = SheetCells(package.tree(part))
    notes = {}
    for (r, c), items in sorted(cells.items()):
        worst = next(s for s in _ORDER if any(f.severity is s for f in items))
        sheet.set_style(r, c, styles.style(sheet.style_of(r, c), Look(fill=FILLS[worst])))
        notes[(r, c)] = "\n".join(f"[{f.code}] {f.message}" for f in items)
    sheet.fit_dimension()
    add_notes(package, part, notes)


def _findings_sheet(styles: Styles, findings: list[Finding]) -> NewSheet:
    ws = NewSheet()
    bold = styles.style(0, Look(bold=True))
    for c, text in enumerate(["Sheet", "Sel", "Jenis", "Kode", "Pesan"], start=1):
        ws.put(1, c, text, bold)
    wrap = styles.style(0, Look(align=(("wrapText", "1"), ("vertical", "top"))))
    fills = {s: styles.style(0, Look(fill=rgb)) for s, rgb in FILLS.items()}
    for r, f in enumerate(findings, start=2):
        ws.put(r, 1, f.sheet or "")
        ws.put(r, 2, f.cell or "")
        ws.put(r, 3, _SEVERITY_ID[f.severity], fills[f.severity])
        ws.put(r, 4, f.code)
        ws.put(r, 5, f.message, wrap)
    for c, width in enumerate((14, 8, 12, 24, 90), start=1):
        ws.width(c, width)
    ws.freeze = (2, 1)
    return ws
