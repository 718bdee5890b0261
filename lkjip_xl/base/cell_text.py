"""Text as every workbook and document the tool writes can hold it, and Excel's sheet-name rules.

XML 1.0 cannot hold most control characters (a cell may carry them as `_x0001_`, and text
pasted from other programs does): python-docx and openpyxl refuse them, so they are removed
where text is read and again where it is written. A writer that puts user text in a cell
writes it as text, never as a formula (`=`, `+`, `-`, `@` at the start stay letters).
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SHEET_NAME_MAX = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[/\\:*?\[\]]")


def without_control_characters(text: str) -> str:
    """`text` without the characters XML cannot hold (tab and line breaks stay)."""
    return _NOT_XML.sub("", text)


def as_cell_text(value: object) -> str:
    """A value as the text a writer puts in a cell: str(), without characters XML cannot hold.

    Write the result with a text-only call (xlsxwriter `write_string`; openpyxl a cell whose
    `data_type` is "s"), so that text starting with `=` stays text.
    """
    return without_control_characters(str(value))


def sheet_name_problem(name: str) -> str | None:
    """Why Excel would refuse `name` as a sheet name, in Indonesian (None when it is fine)."""
    if not name.strip():
        return "kosong"
    if len(name) > SHEET_NAME_MAX:
        return f"lebih dari {SHEET_NAME_MAX} karakter ({len(name)})"
    bad = _SHEET_NAME_FORBIDDEN.search(name)
    if bad:
        return f"memuat karakter '{bad.group()}' yang tidak boleh ada di nama sheet"
    if name.startswith("'") or name.endswith("'"):
        return "diawali atau diakhiri tanda petik (')"
    if _NOT_XML.search(name):
        return "memuat karakter kendali tak terlihat"
    return None
