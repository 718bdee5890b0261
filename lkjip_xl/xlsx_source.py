"""Opening a file that should be an .xlsx workbook, and reading its sheets as grids.

Anything that is not a readable workbook (a missing path, zero bytes, a CSV or a .docx renamed
.xlsx, an old .xls, an encrypted workbook) raises WorkbookUnreadable with one Indonesian
sentence. Values come from openpyxl's read-only mode with cached formula results; formulas
that were never calculated are found separately, because openpyxl reads them as empty.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from .cells import parse_a1
from .errors import WorkbookUnreadable

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_HAS_FORMULA = re.compile(rb"<(\w+:)?f[ >/]")
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
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' rusak atau terpotong; simpan ulang dari Excel."
        ) from exc
    if "xl/workbook.xml" not in names:
        kind = "dokumen Word" if "word/document.xml" in names else "berkas ZIP lain"
        raise WorkbookUnreadable(
            f"Berkas '{p.name}' adalah {kind}, bukan buku kerja Excel (.xlsx). Pilih buku kerja LKjIP yang benar."
        )


@dataclass
class Grid:
    """One sheet's cells: values, number formats, and formulas with no cached result."""

    title: str
    values: list[list[object]]
    formats: list[list[str | None]]
    uncached: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 1-based

    @property
    def height(self) -> int:
        return len(self.values)

    def value(self, row: int, col: int) -> object:
        r = self.values[row - 1] if 0 < row <= len(self.values) else ()
        return r[col - 1] if 0 < col <= len(r) else None

    def number_format(self, row: int, col: int) -> str | None:
        r = self.formats[row - 1] if 0 < row <= len(self.formats) else ()
        return r[col - 1] if 0 < col <= len(r) else None


class XlsxSource:
    """An opened workbook whose sheets are read on demand, each at most once."""

    def __init__(self, path: str | Path) -> None:
        sniff(path)
        self.path = Path(path)
        import openpyxl

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
                self._wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged package
            raise WorkbookUnreadable(
                f"Berkas '{self.path.name}' tidak dapat dibaca sebagai buku kerja ({type(exc).__name__}). "
                "Buka di Excel, simpan ulang sebagai .xlsx, lalu coba lagi."
            ) from exc
        self._sheet_paths = self._map_sheet_paths()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._wb.sheetnames)

    def close(self) -> None:
        self._wb.close()

    def __enter__(self) -> XlsxSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def grid(self, title: str) -> Grid:
        ws = self._wb[title]
        ws.reset_dimensions()  # never trust the <dimension> record some writers get wrong
        values: list[list[object]] = []
        formats: list[list[str | None]] = []
        for row in ws.iter_rows():
            values.append([c.value for c in row])
            formats.append([getattr(c, "number_format", None) for c in row])
        while values and all(is_blank(v) for v in values[-1]):
            values.pop()
            formats.pop()
        return Grid(title, values, formats, self._uncached_formulas(title))

    def _map_sheet_paths(self) -> dict[str, str]:
        """Sheet title → its XML part inside the package."""
        try:
            with zipfile.ZipFile(self.path) as zf:
                wb_xml = etree.fromstring(zf.read("xl/workbook.xml"))
                rels_xml = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
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

    def _uncached_formulas(self, title: str) -> set[tuple[int, int]]:
        part = self._sheet_paths.get(title)
        if not part:
            return set()
        with zipfile.ZipFile(self.path) as zf:
            try:
                data = zf.read(part)
            except KeyError:
                return set()
        if not _HAS_FORMULA.search(data):
            return set()
        found = set()
        for _, cell in etree.iterparse(io.BytesIO(data), tag=f"{{{_NS_MAIN}}}c"):
            f = cell.find(f"{{{_NS_MAIN}}}f")
            if f is not None:
                v = cell.find(f"{{{_NS_MAIN}}}v")
                if (v is None or not (v.text or "").strip()) and cell.get("t") != "inlineStr":
                    found.add(parse_a1(cell.get("r")))
            cell.clear()
        return found


def is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())
