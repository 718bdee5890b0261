"""How far each sheet really reaches, measured from its XML before any cell is read.

A reader that trusts a sheet's `<dimension>` or a cell's reference allocates the whole rectangle
up to the farthest cell: one value in `XFD1048576` is a grid of 17 billion cells. So before
python-calamine reads a sheet, its XML is streamed and scanned (bytes, not a parse: about
0,02 s for the 10.000-respondent benchmark sheet) for the rows and columns that actually hold a
value, counting cells that carry no reference where they fall; a sheet past a limit is refused
with a finding that says which cell is too far and what to delete. The package itself is
bounded too: the number of parts and the size of each part once unpacked.

The limits are far above any kecamatan's workbook (the large benchmark: 10.000 SKM rows, 17
columns) and keep the worst workbook under the upload cap within a few hundred megabytes.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from lkjip_xl.base.cell_text import sheet_name_problem, without_control_characters
from lkjip_xl.base.errors import SheetTooLarge, WorkbookUnreadable
from lkjip_xl.contract.cells import column_letter
from lkjip_xl.contract.findings import Finding, finding

MAX_ROWS = 50_000  # five times the large benchmark's SKM sheet
MAX_COLUMNS = 256  # column IV, the old Excel's last; the widest contract sheet uses 25
MAX_CELLS = 2_000_000  # cells in the rectangle from A1 to the farthest value of one sheet
MAX_WORKBOOK_CELLS = 3_000_000  # cells in all the sheets read (the large benchmark: ~250.000)
MAX_PART_BYTES = 100 * 2**20  # one unpacked XML part (a 50.000-row sheet is about 25 MB)
MAX_PARTS = 2_000  # parts in the package (a workbook with 30 sheets and pictures has ~80)
_WRITTEN_BY_EVERY_EXCEL = ("[Content_Types].xml", "xl/styles.xml")
_TAG = re.compile(rb"<(?:\w+:)?(row|c)(\s[^>]*)?>")
_ROW_ATTR = re.compile(rb'\sr="(\d+)"')
_REF_ATTR = re.compile(rb'\sr="([A-Za-z]{1,4})(\d+)"')
_REF = re.compile(rb"([A-Z]{1,4})(\d+)")
_CELL_REFS = re.compile(rb'<c r="([A-Z]{1,4})(\d+)"')
# These scan every cell of a sheet, so they are written for the speed of `re`: each pattern
# starts with a literal (found fast; one pattern for both kinds of tag is 3× slower), and a
# lookahead turns the usual cell away at its first bytes (`<c r="A1"`).
# a cell tag whose first attribute is not its reference, or a prefixed cell tag (x:c)
_UNREFERENCED = re.compile(rb'<c(?! r=")(?:>|/>|\s(?!r="))')
_PREFIXED_CELL = re.compile(rb"<\w+:c[\s>/]")
_MAYBE_PREFIXED_CELL = re.compile(rb":c[\s>/]")  # a cheap first look for _PREFIXED_CELL
# a cell past column Z, or with a row number of five digits from 50000 on, or six or more
_FAR_OR_WIDE = re.compile(rb'<c r="[A-Z](?=[A-Z]|\d{5})(?:[A-Z]|[5-9]\d{4}|[1-9]\d{5})')


@dataclass(frozen=True)
class Extent:
    """The farthest row and column holding a cell, how many cells (Extent() for a sheet known
    to be within the limits without counting), and the first cell past a limit."""

    rows: int = 0
    columns: int = 0
    cells: int = 0
    too_far: tuple[int, int] | None = None  # (row, column) of the first cell past a limit


def check_package(name: str, infos: list[zipfile.ZipInfo]) -> None:
    """Raise WorkbookUnreadable for a package with too many parts or an XML part too large."""
    if len(infos) > MAX_PARTS:
        raise WorkbookUnreadable(
            f"Berkas '{name}' berisi {len(infos)} bagian (batas {MAX_PARTS}). Hapus sheet, gambar "
            "atau objek yang tidak diperlukan, simpan ulang dari Excel, lalu coba lagi."
        )
    names = {info.filename for info in infos}
    missing = [part for part in _WRITTEN_BY_EVERY_EXCEL if part not in names]
    if "xl/workbook.xml" in names and missing:  # a copy of it could not be written later
        raise WorkbookUnreadable(
            f"Berkas '{name}' tidak lengkap: bagian '{missing[0]}' tidak ada (berkas ini tidak "
            "disimpan oleh Excel atau LibreOffice). Buka di Excel, simpan ulang sebagai .xlsx, "
            "lalu coba lagi."
        )
    for info in infos:
        if info.filename.endswith(".xml") and info.file_size > MAX_PART_BYTES:
            raise WorkbookUnreadable(
                f"Bagian '{info.filename}' di berkas '{name}' berukuran "
                f"{info.file_size // 2**20} MB setelah dibuka (batas {MAX_PART_BYTES // 2**20} MB). "
                "Hapus baris yang tidak diperlukan atau pindahkan data lama ke berkas lain, simpan, "
                "lalu coba lagi."
            )


def sheet_name_findings(names: list[str]) -> list[Finding]:
    """An error for each sheet name Excel would refuse (a hostile or hand-edited package):
    writing a copy of such a workbook would fail, so it is named before anything is written."""
    found = []
    for name in names:
        reason = sheet_name_problem(name)
        if reason is not None:
            shown = without_control_characters(name)
            found.append(finding("sheet-name-invalid", shown, None, sheet=shown, reason=reason))
    return found


class CellBudget:
    """The cells a workbook may hold across all the sheets read (each within its own limits)."""

    def __init__(self, limit: int | None = None) -> None:
        self.left = MAX_WORKBOOK_CELLS if limit is None else limit

    def spend(self, title: str, xml: bytes) -> None:
        self.spend_cells(title, xml.count(b"<c ") + xml.count(b"<c>"))

    def spend_cells(self, title: str, cells: int) -> None:
        self.left -= cells
        if self.left < 0:
            raise SheetTooLarge(
                finding(
                    "workbook-too-large",
                    title,
                    "A1",
                    sheet=title,
                    cells=f"{MAX_WORKBOOK_CELLS:,}".replace(",", "."),
                )
            )


def check_sheet(title: str, xml: bytes, budget: CellBudget | None = None) -> None:
    """Raise SheetTooLarge (carrying its finding) when the sheet reaches past a limit, or the
    workbook's sheets read so far hold more cells than `budget` allows."""
    unreferenced = _unreferenced(xml)
    if budget is not None:  # cell tags: `<c …>`, and `<c>` only where the scan above found one
        budget.spend_cells(title, xml.count(b"<c ") + (xml.count(b"<c>") if unreferenced else 0))
    extent = _scanned(xml) if unreferenced else _measured(xml)
    if extent.too_far is not None:
        _refuse(title, *extent.too_far)


def check_extent(
    title: str, rows: int, columns: int, rows_at: tuple[int, int], columns_at: tuple[int, int]
) -> None:
    """Raise SheetTooLarge when a sheet measured elsewhere (an .ods table, whose repeated rows
    and cells are counted by ods_source.py) reaches past a limit; the finding names the cell
    that reaches farthest down (`rows_at`), or across (`columns_at`) when only the width is."""
    if not _within(rows, columns):
        wide_only = rows <= MAX_ROWS and columns > MAX_COLUMNS
        _refuse(title, *(columns_at if wide_only else rows_at))


def _refuse(title: str, row: int, column: int) -> None:
    cell = f"{column_letter(min(column, 16384))}{row}"
    raise SheetTooLarge(
        finding(
            "sheet-too-large",
            title,
            cell,
            sheet=title,
            cell=cell,
            rows=f"{MAX_ROWS:,}".replace(",", "."),
            columns=column_letter(MAX_COLUMNS),
            cells=f"{MAX_CELLS:,}".replace(",", "."),
        )
    )


def measure(data: bytes) -> Extent:
    """The extent of a sheet's XML. The usual sheet (every cell names its position, in columns
    A–Z, rows below MAX_ROWS) is recognised by a few regex scans; any other is measured exactly."""
    return _scanned(data) if _unreferenced(data) else _measured(data)


def _measured(data: bytes) -> Extent:
    """The extent of a sheet whose every cell tag starts with its reference."""
    first = _FAR_OR_WIDE.search(data)
    if first is None:
        return Extent()  # within the limits: at most MAX_ROWS × 26 cells
    ref = _REF.match(data, first.start() + len(b'<c r="'))
    row, column = (int(ref.group(2)), _column_number(ref.group(1))) if ref else (1, 16385)
    if row > MAX_ROWS or column > MAX_COLUMNS:  # the first cell past a limit: no need to go on
        return Extent(row, column, 1, (row, column))
    return _referenced(data)


def _unreferenced(data: bytes) -> bool:
    """Whether some cell tag does not start with its reference (or is prefixed: x:c)."""
    if _UNREFERENCED.search(data) is not None:
        return True
    return _MAYBE_PREFIXED_CELL.search(data) is not None and _PREFIXED_CELL.search(data) is not None


def _referenced(data: bytes) -> Extent:
    """Every cell names its position (as Excel and most writers save): read the references."""
    refs = _CELL_REFS.findall(data)
    if not refs:
        return Extent()
    rows = max(int(r) for _, r in refs)
    letters = max(set(c for c, _ in refs), key=lambda c: (len(c), c))
    extent = Extent(rows, _column_number(letters), len(refs))
    if _within(extent.rows, extent.columns):
        return extent
    far = max(refs, key=lambda ref: (int(ref[1]), len(ref[0]), ref[0]))
    if extent.rows <= MAX_ROWS:
        far = next(ref for ref in refs if ref[0] == letters)
    return Extent(extent.rows, extent.columns, extent.cells, (int(far[1]), _column_number(far[0])))


def _scanned(data: bytes) -> Extent:
    """Cells without a reference take the next position: walk every row and cell tag."""
    row = column = rows = columns = cells = 0
    for match in _TAG.finditer(data):
        attrs = match.group(2) or b""
        if match.group(1) == b"row":
            found = _ROW_ATTR.search(attrs)
            row, column = (int(found.group(1)) if found else row + 1), 0
            continue
        ref = _REF_ATTR.search(attrs)
        column = _column_number(ref.group(1)) if ref else column + 1
        if ref:
            row = int(ref.group(2))
        cells += 1
        rows, columns = max(rows, row), max(columns, column)
        if not _within(rows, columns):
            return Extent(rows, columns, cells, (row, column))
    return Extent(rows, columns, cells)


def _within(rows: int, columns: int) -> bool:
    return rows <= MAX_ROWS and columns <= MAX_COLUMNS and rows * columns <= MAX_CELLS


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n
