"""Opening a file that should be an .xlsx workbook, and reading its sheets as grids.

Anything that is not a readable workbook (a missing path, zero bytes, a CSV or a .docx renamed
.xlsx, an old .xls, an encrypted workbook) raises WorkbookUnreadable with one Indonesian
sentence. Values come from python-calamine with cached formula results; formulas that were
never calculated are found separately, because they read as empty.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree
from python_calamine import CalamineWorkbook

from lkjip_xl.base.errors import WorkbookUnreadable
from lkjip_xl.contract.cells import parse_a1
from lkjip_xl.read.bounds import CellBudget, check_package, check_sheet

MAX_UNPACKED_BYTES = 400 * 2**20  # the 10,000-respondent benchmark workbook unpacks to ~30 MB
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_HAS_FORMULA = re.compile(rb"<(\w+:)?f[ >/]")
# A workbook is untrusted input: no entity expansion (billion laughs, local files), no network.
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def sniff(path: str | Path) -> None:
    """Raise WorkbookUnreadable unless `path` looks like an .xlsx workbook."""
    p = Path(path)
    if not p.exists():
        raise WorkbookUnreadable(f"Berkas '{p}' tidak ditemukan. Periksa nama dan foldernya.")
    if p.is_dir():
        raise WorkbookUnreadable(f"'{p}' adalah folder, bukan berkas buku kerja .xlsx.")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
            data_probe = head + fh.read(1 << 16) if head == _OLE2_MAGIC else head
    except OSError as exc:
        raise WorkbookUnreadable(f"Berkas '{p.name}' tidak dapat dibuka ({exc.strerror}).") from exc
    if not head:
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' kosong (0 byte). Simpan ulang buku kerja dari Excel lalu coba lagi."
        )
    if head == _OLE2_MAGIC:
        if _ENCRYPTION_STREAM in data_probe:
            raise WorkbookUnreadable(
                f"Berkas '{p.name}' dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                "(File > Info > Proteksi), simpan, lalu coba lagi."
            )
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' berformat Excel lama (.xls). Buka di Excel atau LibreOffice lalu "
            "simpan sebagai Buku Kerja Excel (.xlsx)."
        )
    if not head.startswith(b"PK"):
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' bukan buku kerja Excel (.xlsx); isinya tampak seperti teks atau CSV. "
            "Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)."
        )
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' rusak atau terpotong; simpan ulang dari Excel."
        ) from exc
    names = {i.filename for i in infos}
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb, or far beyond any kecamatan's workbook
        raise WorkbookUnreadable(
            f"Isi berkas '{p.name}' terlalu besar setelah dibuka ({unpacked // 2**20} MB; batas "
            f"{MAX_UNPACKED_BYTES // 2**20} MB). Hapus sheet yang tidak diperlukan lalu simpan ulang."
        )
    if "xl/workbook.xml" not in names:
        kind = "dokumen Word" if "word/document.xml" in names else "berkas ZIP lain"
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' adalah {kind}, bukan buku kerja Excel (.xlsx). Pilih buku kerja LKjIP yang benar."
        )
    check_package(p.name, infos)  # parts, part sizes, parts every Excel writes (bounds.py)


@dataclass
class Grid:
    """One sheet's cells: values, which cells are percent-formatted, and formulas with no cached result."""

    title: str
    values: list[list[object]]
    percent: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 1-based
    uncached: set[tuple[int, int]] = field(default_factory=set)

    @property
    def height(self) -> int:
        return len(self.values)

    def value(self, row: int, col: int) -> object:
        r = self.values[row - 1] if 0 < row <= len(self.values) else ()
        return r[col - 1] if 0 < col <= len(r) else None

    def number_format(self, row: int, col: int) -> str | None:
        """Only what the reader needs of a number format: whether it shows a percentage."""
        return "0%" if (row, col) in self.percent else None


class XlsxSource:
    """An opened workbook whose sheets are read on demand.

    Values come from python-calamine (about ten times faster than openpyxl). Calamine gives no
    number formats, so the two things the reader needs beyond values are found in the sheet XML
    itself: which cells carry a percent format, and which formulas have no cached result.
    """

    def __init__(self, path: str | Path) -> None:
        sniff(path)
        self.path = Path(path)
        try:
            self._wb = CalamineWorkbook.from_path(str(self.path))
            self._zip = zipfile.ZipFile(self.path)
        except Exception as exc:  # calamine raises its own kinds for a damaged package
            raise WorkbookUnreadable(
                f"Berkas '{self.path.name}' tidak dapat dibaca sebagai buku kerja ({type(exc).__name__}). "
                "Buka di Excel, simpan ulang sebagai .xlsx, lalu coba lagi."
            ) from exc
        self._sheet_paths = self._map_sheet_paths()
        self._budget = CellBudget()
        self._percent_styles = self._find_percent_styles()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._wb.sheet_names)

    def close(self) -> None:
        self._wb.close()
        self._zip.close()

    def __enter__(self) -> XlsxSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def grid(self, title: str) -> Grid:
        xml = self._sheet_xml(title)
        check_sheet(title, xml, self._budget)  # before calamine sizes its grid (bounds.py)
        try:
            rows = self._wb.get_sheet_by_name(title).to_python(skip_empty_area=False)
        except Exception as exc:
            raise WorkbookUnreadable(
                f"Sheet '{title}' di berkas '{self.path.name}' rusak ({type(exc).__name__}); "
                "simpan ulang buku kerja dari Excel."
            ) from exc
        # calamine's values as openpyxl gave them: blanks as None, whole floats as int
        # (inline rather than a function per cell: this loop meets every cell of the sheet)
        values: list[list[object]] = [
            [
                None
                if v == ""
                else int(v)
                if type(v) is float and v.is_integer() and -_EXACT < v < _EXACT
                else v
                for v in row
            ]
            for row in rows
        ]
        while values and all(is_blank(v) for v in values[-1]):
            values.pop()
        return Grid(title, values, self._percent_cells(xml), _uncached_formulas(xml))

    def _sheet_xml(self, title: str) -> bytes:
        part = self._sheet_paths.get(title)
        try:
            return self._zip.read(part) if part else b""
        except KeyError:
            return b""

    def _map_sheet_paths(self) -> dict[str, str]:
        """Sheet title → its XML part inside the package."""
        try:
            wb_xml = etree.fromstring(self._zip.read("xl/workbook.xml"), _SAFE_XML)
            rels_xml = etree.fromstring(self._zip.read("xl/_rels/workbook.xml.rels"), _SAFE_XML)
        except (KeyError, etree.XMLSyntaxError):
            return {}
        targets = {
            r.get("Id"): r.get("Target", "")
            for r in rels_xml.iter(f"{{{_NS_PKG_REL}}}Relationship")
        }
        paths = {}
        for sheet in wb_xml.iter(f"{{{_NS_MAIN}}}sheet"):
            target = targets.get(sheet.get(f"{{{_NS_REL}}}id"), "")
            if target.startswith("/"):
                paths[sheet.get("name")] = target.lstrip("/")
            elif target:
                paths[sheet.get("name")] = str(PurePosixPath("xl") / target)
        return paths

    def _find_percent_styles(self) -> frozenset[bytes]:
        """The cell style indexes (the `s` attribute) whose number format shows a percentage."""
        try:
            styles = etree.fromstring(self._zip.read("xl/styles.xml"), _SAFE_XML)
        except (KeyError, etree.XMLSyntaxError):
            return frozenset()
        percent_fmts = set(_BUILTIN_PERCENT_FORMATS)
        for fmt in styles.iter(f"{{{_NS_MAIN}}}numFmt"):
            if "%" in _strip_literals(fmt.get("formatCode", "")):
                percent_fmts.add(fmt.get("numFmtId"))
        xfs = styles.find(f"{{{_NS_MAIN}}}cellXfs")
        if xfs is None:
            return frozenset()
        return frozenset(
            str(i).encode()
            for i, xf in enumerate(xfs.iter(f"{{{_NS_MAIN}}}xf"))
            if xf.get("numFmtId") in percent_fmts
        )

    def _percent_cells(self, xml: bytes) -> set[tuple[int, int]]:
        if not self._percent_styles or not xml:
            return set()
        found = set()
        for attrs in _CELL_OPEN.findall(xml):
            style = _STYLE_ATTR.search(attrs)
            if style and style.group(1) in self._percent_styles:
                ref = _REF_ATTR.search(attrs)
                if ref:
                    found.add(parse_a1(ref.group(1).decode()))
        return found


_BUILTIN_PERCENT_FORMATS = ("9", "10")
_EXACT = 2**53  # floats beyond this are not exact integers
_CELL_OPEN = re.compile(rb"<(?:\w+:)?c\b([^>]*)>")
_STYLE_ATTR = re.compile(rb'\ss="(\d+)"')
_REF_ATTR = re.compile(rb'\sr="([A-Z]+\d+)"')


def _strip_literals(code: str) -> str:
    """A format code without its quoted text and escaped characters ("%" in quotes is no percent)."""
    return re.sub(r'"[^"]*"|\\.', "", code)


def _uncached_formulas(xml: bytes) -> set[tuple[int, int]]:
    """Formula cells with no cached value (never calculated), which read as empty."""
    if not xml or not _HAS_FORMULA.search(xml):
        return set()
    found = set()
    cells = etree.iterparse(
        io.BytesIO(xml), tag=f"{{{_NS_MAIN}}}c", resolve_entities=False, no_network=True
    )
    for _, cell in cells:
        f = cell.find(f"{{{_NS_MAIN}}}f")
        if f is not None:
            v = cell.find(f"{{{_NS_MAIN}}}v")
            if (v is None or not (v.text or "").strip()) and cell.get("t") != "inlineStr":
                found.add(parse_a1(cell.get("r")))
        cell.clear()
    return found


def is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())
