"""Shared pieces of the version 2 tests: a workbook filled through the contract with every new
sheet (built once per session, copied per test), variants of it, and cell addresses by header."""

from __future__ import annotations

import io
import struct
import tempfile
import zlib
from pathlib import Path

import contract_filler
import openpyxl
import pytest
import xlsx_cells
from openpyxl.utils import get_column_letter

V2_BASE_SHEETS = {**contract_filler.V1_SHEETS, **contract_filler.V2_SHEETS}  # fill_v2's records
_BASES: dict[str, bytes] = {}


def v2_base(template: Path) -> bytes:
    """fill_v2's sample from `template`, filled with openpyxl once per process."""
    key = str(template)
    if key not in _BASES:
        with tempfile.TemporaryDirectory() as folder:
            built = contract_filler.fill_v2(template, Path(folder) / "v2.xlsx")
            _BASES[key] = built.read_bytes()
    return _BASES[key]


def v2_variant(template: Path, output: Path, **fill) -> Path:
    """What contract_filler.fill_v2(template, output, **fill) writes.

    Only records or Identitas values changed: patched into the sample (xlsx_cells, ~0,05 s
    instead of ~1,5 s); other free tables, pictures, or a value that route cannot write as
    openpyxl does: filled anew.
    """
    if fill.get("tables") is None and not fill.get("pictures"):
        try:
            return contract_filler.patch_records(
                v2_base(template),
                template,
                output,
                fill.get("identitas"),
                fill.get("sheets"),
                V2_BASE_SHEETS,
            )
        except xlsx_cells.NeedsOpenpyxl:
            pass
    return contract_filler.fill_v2(template, output, **fill)


@pytest.fixture(scope="session")
def v2_bytes(blank_template) -> bytes:
    return v2_base(blank_template)


@pytest.fixture
def v2_workbook(v2_bytes, tmp_path) -> Path:
    path = tmp_path / "buku_v2.xlsx"
    path.write_bytes(v2_bytes)
    return path


@pytest.fixture
def make_v2(blank_template, tmp_path):
    """A factory: the v2 sample with some sheets' records (or Identitas values) replaced."""

    def make(name: str = "varian.xlsx", identitas=None, sheets=None, tables=None) -> Path:
        return v2_variant(
            blank_template, tmp_path / name, identitas=identitas, sheets=sheets, tables=tables
        )

    return make


def cell_of(path: Path, sheet: str, record: int, header: str) -> str:
    """The A1 address of the `header` column in the `record`-th data row (0-based, row 2 on)."""
    try:
        values = xlsx_cells.Book(path).sheet(sheet).row_values(1)
        col = next(c for c, v in values.items() if str(v).strip() == header)
        return f"{get_column_letter(col)}{record + 2}"
    except StopIteration:
        raise ValueError(f"{header!r} is not a header of {sheet}") from None
    except xlsx_cells.NeedsOpenpyxl:
        pass
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    headers = next(ws.iter_rows(min_row=1, max_row=1, values_only=True))
    col = [str(h).strip() if h is not None else "" for h in headers].index(header) + 1
    return f"{get_column_letter(col)}{record + 2}"


def found(findings, code: str) -> list[tuple[str | None, str | None]]:
    return [(f.sheet, f.cell) for f in findings if f.code == code]


def png(width: int = 4, height: int = 3, color: bytes = b"\xff\x00\x00", pad: int = 0) -> bytes:
    """A real PNG (RGB), optionally padded after IEND (still a PNG by its magic bytes)."""
    raw = b"".join(b"\x00" + color * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
        + b"\x00" * pad
    )


def jpeg(width: int = 32, height: int = 16) -> bytes:
    """The smallest JPEG header xlsxwriter and a reader accept: SOI, JFIF, COM, SOF0, SOS, EOI."""
    jfif = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = (
        b"\xff\xc0\x00\x11\x08"
        + struct.pack(">HH", height, width)
        + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    )
    comment = b"\xff\xfe\x00\x12" + b"lkjip_xl uji foto"[:16]  # xlsxwriter wants >= 44 bytes
    sos = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"  # start of scan: where readers stop
    return b"\xff\xd8" + jfif + comment + sof + sos + b"\xff\xd9"


GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    + b"\x00" * 16
)


def image_data(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)
