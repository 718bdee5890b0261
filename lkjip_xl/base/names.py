"""File names made from what users typed (a kecamatan's name), safe on Windows, macOS and Linux."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_WINDOWS_RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        *(f"com{i}" for i in range(1, 10)),
        *(f"lpt{i}" for i in range(1, 10)),
    }
)
_MAX_LENGTH = 60


def file_stem(text: str, fallback: str = "tanpa_nama") -> str:
    """`Paser Belengkong` → `Paser_Belengkong`; `Tanah Grogot/Kota` → `Tanah_Grogot_Kota`.

    Accents are dropped, anything but letters, digits, '-' and '_' becomes one '_', and names
    Windows reserves (CON, NUL, …) get a trailing '_'. Never empty, never a path.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9-]+", "_", ascii_text).strip("_-")[:_MAX_LENGTH].strip("_-")
    if not stem:
        return fallback
    if stem.lower() in _WINDOWS_RESERVED:
        stem += "_"
    return stem


def workbook_copy_name(requested: str | Path) -> Path:
    """Where a workbook copy (fill, --tandai) is written: always .xlsx, so a name ending in
    .ods becomes .xlsx (the copies are patched SpreadsheetML)."""
    path = Path(requested)
    return path.with_suffix(".xlsx") if path.suffix.lower() == ".ods" else path


def copy_name_note(requested: str | Path) -> str:
    """The sentence that says an .ods name was written as .xlsx ('' when it was not)."""
    written = workbook_copy_name(requested)
    if written == Path(requested):
        return ""
    return (
        " (ditulis sebagai .xlsx, bukan .ods: salinan buku kerja selalu berformat Excel; "
        "LibreOffice membukanya juga)"
    )
