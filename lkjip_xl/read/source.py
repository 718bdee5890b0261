"""Opening a file that should be a workbook (.xlsx, or LibreOffice's .ods), and reading its sheets
as grids.

Anything that is not a readable workbook (a missing path, zero bytes, a CSV or a .docx renamed
.xlsx, an old .xls, an encrypted workbook) raises WorkbookUnreadable with one Indonesian
sentence. The kind is judged from the content, never the name (the web page saves every upload
as `buku.xlsx`). Values come from python-calamine with cached formula results; what calamine
cannot say (percent formats, formulas never calculated, error values such as #DIV/0!, which it
gives as empty, merged ranges of an .ods) is read from the sheet XML itself.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree
from python_calamine import CalamineWorkbook

from lkjip_xl.base.errors import WorkbookUnreadable
from lkjip_xl.base.opc import rels_path, resolve
from lkjip_xl.contract.cells import parse_a1
from lkjip_xl.read.bounds import CellBudget, check_extent, check_package, check_sheet
from lkjip_xl.read.ods_source import OdsSheetFacts, scan_ods

MAX_UNPACKED_BYTES = 400 * 2**20  # the 10,000-respondent benchmark workbook unpacks to ~30 MB
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
# bytes that any formula (<f>, <f t="shared" …>, <x:f>, <f/>) or error value (t="e") brings:
# "f>", "<f ", ":f ", "f/>"; they only mean the sheet is parsed to look closer. One pattern
# that starts with a literal letter is found fast by `re` (a few ms for the 10.000-row SKM
# sheet; four substring searches took 15). Text such as "efektif dan" is no sign: a sheet of
# inline strings is not parsed for it.
_FORMULA_SIGN = re.compile(rb"f(?:/?>|(?<=[<:]f) )")
_ERROR_SIGN = b't="e"'
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"')
# A workbook is untrusted input: no entity expansion (billion laughs, local files), no network.
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_WORKBOOK = "xl/workbook.xml"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

WorkbookKind = Literal["xlsx", "ods"]


def sniff(path: str | Path) -> WorkbookKind:
    """The kind of workbook at `path`; raise WorkbookUnreadable unless it is one we read."""
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
            names = {i.filename for i in infos}
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
            manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError) as exc:
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' rusak atau terpotong; simpan ulang dari Excel."
        ) from exc
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb, or far beyond any kecamatan's workbook
        raise WorkbookUnreadable(
            f"Isi berkas '{p.name}' terlalu besar setelah dibuka ({unpacked // 2**20} MB; batas "
            f"{MAX_UNPACKED_BYTES // 2**20} MB). Hapus sheet yang tidak diperlukan lalu simpan ulang."
        )
    if _WORKBOOK in names:
        check_package(p.name, infos)  # parts, part sizes, parts every Excel writes (bounds.py)
        return "xlsx"
    if mimetype.strip() == ODS_MIMETYPE and "content.xml" in names:
        if b"encryption-data" in manifest:
            raise WorkbookUnreadable(
                f"Berkas '{p.name}' dilindungi kata sandi. Buka di LibreOffice, simpan tanpa kata "
                "sandi (File > Simpan Sebagai, hapus centang 'Simpan dengan kata sandi'), lalu coba lagi."
            )
        return "ods"
    raise WorkbookUnreadable(
        f"Berkas '{p.name}' adalah {_zip_kind(names, mimetype)}, bukan buku kerja Excel (.xlsx). "
        "Pilih buku kerja LKjIP yang benar."
    )


def _zip_kind(names: set[str], mimetype: bytes) -> str:
    if "word/document.xml" in names:
        return "dokumen Word"
    if "xl/workbook.bin" in names:
        return "buku kerja biner Excel (.xlsb; simpan sebagai .xlsx)"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "dokumen teks OpenDocument (.odt)"
    return "berkas ZIP lain"


@dataclass(frozen=True)
class CellError:
    """An error value (#DIV/0!, #REF!, #N/A …) typed in a cell or cached by its formula.

    It stands in the grid where the value would be, so a cell holding one is never blank and
    never silently read as a number or a text."""

    value: str
    formula: str = ""

    def __str__(self) -> str:
        return self.value


@dataclass
class Grid:
    """One sheet's cells: values (error values as CellError), which cells are percent-formatted,
    which formulas have no cached result, the merged ranges, and whether the sheet is hidden."""

    title: str
    values: list[list[object]]
    percent: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 1-based
    uncached: set[tuple[int, int]] = field(default_factory=set)
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first col, last row, last col)
    hidden: bool = False

    @property
    def height(self) -> int:
        return len(self.values)

    def value(self, row: int, col: int) -> object:
        r = self.values[row - 1] if 0 < row <= len(self.values) else ()
        return r[col - 1] if 0 < col <= len(r) else None

    def number_format(self, row: int, col: int) -> str | None:
        """Only what the reader needs of a number format: whether it shows a percentage."""
        return "0%" if (row, col) in self.percent else None

    def error(self, row: int, col: int) -> CellError | None:
        v = self.value(row, col)
        return v if isinstance(v, CellError) else None


@dataclass(frozen=True)
class _SheetFacts:
    """What the sheet XML says beyond calamine's values."""

    percent: set[tuple[int, int]]
    uncached: set[tuple[int, int]]
    errors: dict[tuple[int, int], CellError]
    merged: tuple[tuple[int, int, int, int], ...]


def _bounded_ods(path: Path) -> dict[str, OdsSheetFacts]:
    """The facts of every table of an .ods, each table's extent checked against the limits of
    bounds.py (SheetTooLarge), and all of them together against the workbook's."""
    try:
        with zipfile.ZipFile(path) as zf:
            tables = scan_ods(zf.read("content.xml"))
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise WorkbookUnreadable(
            f"Berkas '{path.name}' rusak atau terpotong; simpan ulang dari LibreOffice."
        ) from exc
    total = CellBudget()
    for title, facts in tables.items():
        check_extent(title, facts.rows, facts.columns, facts.rows_at, facts.columns_at)
        total.spend_cells(title, facts.rows * facts.columns)
    return tables


class XlsxSource:
    """An opened workbook (.xlsx or .ods) whose sheets are read on demand.

    Values come from python-calamine (about ten times faster than openpyxl). Calamine gives no
    number formats and reads error values as empty, so those facts come from the sheet XML.
    """

    def __init__(self, path: str | Path) -> None:
        self.kind: WorkbookKind = sniff(path)
        self.path = Path(path)
        # calamine reads every table of an .ods as it opens it: measure them first
        self._ods: dict[str, OdsSheetFacts] | None = (
            _bounded_ods(self.path) if self.kind == "ods" else None
        )
        try:
            # from a file object, calamine judges the format by content (an .ods named .xlsx)
            self._file = self.path.open("rb")
            self._wb = CalamineWorkbook.from_filelike(self._file)
            self._zip = zipfile.ZipFile(self.path)
        except MemoryError:  # not a damaged file: the limits of the process that reads it
            raise
        except Exception as exc:  # calamine raises its own kinds for a damaged package
            raise WorkbookUnreadable(
                f"Berkas '{self.path.name}' tidak dapat dibaca sebagai buku kerja ({type(exc).__name__}). "
                "Buka di Excel, simpan ulang sebagai .xlsx, lalu coba lagi."
            ) from exc
        self._hidden = {
            m.name for m in self._wb.sheets_metadata if str(m.visible).split(".")[-1] != "Visible"
        }
        self._budget = CellBudget()
        if self.kind == "xlsx":
            self._sheet_paths = self._map_sheet_paths()
            self._percent_styles = self._find_percent_styles()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._wb.sheet_names)

    def is_hidden(self, title: str) -> bool:
        return title in self._hidden

    def close(self) -> None:
        self._wb.close()
        self._zip.close()
        self._file.close()

    def __enter__(self) -> XlsxSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def grid(self, title: str) -> Grid:
        xml = self._sheet_xml(title) if self.kind == "xlsx" else b""
        if self.kind == "xlsx":  # .ods: bounded by MAX_UNPACKED_BYTES only (content.xml)
            check_sheet(title, xml, self._budget)  # before calamine sizes its grid (bounds.py)
        try:
            rows = self._wb.get_sheet_by_name(title).to_python(skip_empty_area=False)
        except MemoryError:
            raise
        except Exception as exc:
            raise WorkbookUnreadable(
                f"Sheet '{title}' di berkas '{self.path.name}' rusak ({type(exc).__name__}); "
                "simpan ulang buku kerja dari Excel."
            ) from exc
        convert = _Converted().__getitem__  # through map: no Python step for a value seen before
        values: list[list[object]] = [list(map(convert, row)) for row in rows]
        facts = self._facts(title, xml)
        for (r, c), err in facts.errors.items():
            while len(values) < r:
                values.append([])
            row_values = values[r - 1]
            row_values.extend([None] * (c - len(row_values)))
            row_values[c - 1] = err
        while values and all(is_blank(v) for v in values[-1]):
            values.pop()
        return Grid(
            title, values, facts.percent, facts.uncached, facts.merged, self.is_hidden(title)
        )

    def _facts(self, title: str, xml: bytes) -> _SheetFacts:
        if self._ods is not None:
            ods = self._ods.get(title)
            if ods is None:
                return _SheetFacts(set(), set(), {}, ())
            errors = {pos: CellError(v, f) for pos, (v, f) in ods.errors.items()}
            return _SheetFacts(ods.percent, ods.uncached, errors, ods.merged)
        uncached, errors = _scan_formulas(xml)
        return _SheetFacts(self._percent_cells(xml), uncached, errors, _merged(xml))

    def _sheet_xml(self, title: str) -> bytes:
        part = self._sheet_paths.get(title)
        try:
            return self._zip.read(part) if part else b""
        except KeyError:
            return b""

    def _map_sheet_paths(self) -> dict[str, str]:
        """Sheet title → its XML part inside the package."""
        try:
            wb_xml = etree.fromstring(self._zip.read(_WORKBOOK), _SAFE_XML)
            rels_xml = etree.fromstring(self._zip.read(rels_path(_WORKBOOK)), _SAFE_XML)
        except (KeyError, etree.XMLSyntaxError):
            return {}
        targets = {
            r.get("Id"): r.get("Target", "")
            for r in rels_xml.iter(f"{{{_NS_PKG_REL}}}Relationship")
        }
        paths = {}
        for sheet in wb_xml.iter(f"{{{_NS_MAIN}}}sheet"):
            target = targets.get(sheet.get(f"{{{_NS_REL}}}id"), "")
            if target:
                paths[sheet.get("name")] = resolve(_WORKBOOK, target)
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
        if not any(b's="' + style + b'"' in xml for style in self._percent_styles):
            return set()  # no cell uses a percent style: no walk over every cell tag
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


class _Converted(dict[object, object]):
    """calamine's values as openpyxl gave them: blanks as None, whole floats as int.

    Looked up for every cell of a sheet: a value met before (an answer 3.0, a repeated text)
    is one dict lookup, and only a new one costs a call. Only texts and
    floats are kept, never 0 or 1, nor floats too large to be exact: a key equal to a value
    of another type (True == 1 == 1.0, 2**60 == 2.0**60) must never answer for it."""

    def __init__(self) -> None:
        super().__init__({"": None})

    def __missing__(self, v: object) -> object:
        if type(v) is float:
            exact = -_EXACT < v < _EXACT
            whole = int(v) if exact and v.is_integer() else v
            if exact and v != 0 and v != 1:
                self[v] = whole
            return whole
        if type(v) is str:
            self[v] = v
        return v


def _strip_literals(code: str) -> str:
    """A format code without its quoted text and escaped characters ("%" in quotes is no percent)."""
    return re.sub(r'"[^"]*"|\\.', "", code)


def _scan_formulas(xml: bytes) -> tuple[set[tuple[int, int]], dict[tuple[int, int], CellError]]:
    """Formula cells with no cached value (never calculated, which read as empty), and cells
    holding an error value (which calamine also gives as empty)."""
    uncached: set[tuple[int, int]] = set()
    errors: dict[tuple[int, int], CellError] = {}
    if _ERROR_SIGN not in xml and _FORMULA_SIGN.search(xml) is None:
        return uncached, errors  # most sheets: no formula and no error value, no parse
    cells = etree.iterparse(
        io.BytesIO(xml), tag=f"{{{_NS_MAIN}}}c", resolve_entities=False, no_network=True
    )
    for _, cell in cells:
        f = cell.find(f"{{{_NS_MAIN}}}f")
        v = cell.find(f"{{{_NS_MAIN}}}v")
        cached = "" if v is None else (v.text or "").strip()
        ref = cell.get("r")
        if ref:
            if cell.get("vm") is not None:
                pass  # a rich value (a picture placed in the cell): #VALUE! only to old readers
            elif cell.get("t") == "e" and cached:
                formula = (f.text or "").strip() if f is not None else ""
                errors[parse_a1(ref)] = CellError(cached, f"={formula}" if formula else "")
            elif f is not None and not cached and cell.get("t") != "inlineStr":
                uncached.add(parse_a1(ref))
        cell.clear()
    return uncached, errors


def _merged(xml: bytes) -> tuple[tuple[int, int, int, int], ...]:
    if b"mergeCell" not in xml:
        return ()
    ranges = []
    for first, last in _MERGE.findall(xml):
        r1, c1 = parse_a1(first.decode())
        r2, c2 = parse_a1(last.decode()) if last else (r1, c1)
        ranges.append((r1, c1, r2, c2))
    return tuple(ranges)


def is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())
