"""The private-use characters the draft carries between rendering and the passes after it.

Caption numbers and the places of spliced tables are marked with characters from Unicode's
private-use area (U+E000–U+F8FF). The reading layer removes that whole area from cell text
(`read.kinds.text_of`), so nothing a staff member types in the workbook can forge a marker: a
cell that says `[[TABEL_RESPONDEN_SKM]]` stays that text.
"""

from __future__ import annotations

from typing import Final

TABLE_NUMBER: Final = "\ue001"  # "Tabel \ue001 Judul" becomes "Tabel 3.2 Judul" (numbering.py)
CHART_NUMBER: Final = "\ue002"  # "Grafik \ue002 Judul" becomes "Grafik 3.1 Judul"
PICTURE_NUMBER: Final = "\ue004"  # "Gambar \ue004 Peta Wilayah" becomes "Gambar 1.1 Peta Wilayah"
SPLICE: Final = "\ue003"  # brackets a spliced table's name: "\ue003TABEL_BEBAS_0\ue003"

PRIVATE_USE: Final = ("\ue000", "\uf8ff")  # the range the reading layer strips, inclusive


def spliced(name: str) -> str:
    """The marker of a table inserted after rendering (spliced_tables.py) at its paragraph."""
    return f"{SPLICE}{name}{SPLICE}"


def free_table(index: int) -> str:
    """The marker of the workbook's `index`-th free 'Tabel …' sheet."""
    return spliced(f"TABEL_BEBAS_{index}")


SKM_RESPONDENTS: Final = spliced("TABEL_RESPONDEN_SKM")

# What a template writes as plain text where a spliced table goes. Only the template's own text
# is turned into the marker, before rendering (render.py); the same text in a cell stays text.
TEMPLATE_PLACEHOLDERS: Final = {"[[TABEL_RESPONDEN_SKM]]": SKM_RESPONDENTS}
