"""Hostile workbooks built inside the tests from the example (nothing large is committed)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from conftest import EXAMPLE

IDENTITAS = "xl/worksheets/sheet3.xml"
SKM = "xl/worksheets/sheet6.xml"


def rewrite(
    target: Path,
    parts: dict[str, Callable[[bytes], bytes] | None],
    source: Path = EXAMPLE,
    add: dict[str, bytes] | None = None,
) -> Path:
    """A copy of `source` with some parts changed (None: left out) and some added."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            change = parts.get(info.filename, lambda data: data)
            if info.filename in parts and change is None:
                continue
            assert change is not None
            z.writestr(info.filename, change(zin.read(info.filename)))
        for name, data in (add or {}).items():
            z.writestr(name, data)
    return target


def append_rows(rows: bytes) -> Callable[[bytes], bytes]:
    """Append raw `<row>` XML at the end of a sheet's data."""
    return lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)


def one_far_value(target: Path, cell: str, sheet: str = IDENTITAS) -> Path:
    """The example with one more text value, in `cell` (e.g. XFD1048576)."""
    row = re.sub(r"[A-Z]+", "", cell)
    value = f'<row r="{row}"><c r="{cell}" t="inlineStr"><is><t>x</t></is></c></row>'
    return rewrite(target, {sheet: append_rows(value.encode())})
