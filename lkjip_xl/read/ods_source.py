"""What an .ods sheet says beyond calamine's values, read from its `content.xml`.

calamine reads an .ods workbook's values, but, as for .xlsx, not which cells show a percentage
(`office:value-type="percentage"`), which formulas were never calculated (a `table:formula`
with no value type), which cells hold an error value (LibreOffice writes the result type
`calcext:value-type="error"` and the error text), nor the merged ranges
(`table:number-columns-spanned` / `table:number-rows-spanned`). Positions follow the ODF
rules: `number-rows-repeated` and `number-columns-repeated` repeat a row or a cell, a covered
cell takes its place in a merged range. An error produced by a file that writes no `calcext`
attribute (older or other producers) cannot be told from a text; it then reads as that text,
which is no number either, and is reported at its cell.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from lxml import etree

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_T = f"{{{_TABLE}}}"
_O = f"{{{_OFFICE}}}"
_ROW, _CELL, _COVERED = f"{_T}table-row", f"{_T}table-cell", f"{_T}covered-table-cell"
_MAX_SPREAD = 10_000  # a repeated block larger than this is an empty area, never a fact


@dataclass
class OdsSheetFacts:
    percent: set[tuple[int, int]] = field(default_factory=set)
    uncached: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)  # (value, formula)
    merged: tuple[tuple[int, int, int, int], ...] = ()
    # the farthest row and column of a cell holding something, repeats counted: what calamine
    # would allocate (bounds.py compares it with the limits before calamine opens the file)
    rows: int = 0
    columns: int = 0
    rows_at: tuple[int, int] = (0, 0)  # (row, column) of the cell that reaches `rows`
    columns_at: tuple[int, int] = (0, 0)  # … and of the one that reaches `columns`


def scan_ods(content_xml: bytes) -> dict[str, OdsSheetFacts]:
    """Sheet name → its facts, for every table of the document."""
    found: dict[str, OdsSheetFacts] = {}
    tables = etree.iterparse(
        io.BytesIO(content_xml),
        tag=f"{_T}table",
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    )
    for _, table in tables:
        name = table.get(f"{_T}name")
        if name is not None and name not in found:
            found[name] = _scan_table(table)
        table.clear()
    return found


def _scan_table(table: etree._Element) -> OdsSheetFacts:
    facts = OdsSheetFacts()
    merged: list[tuple[int, int, int, int]] = []
    r = 1
    for row in table.iter(_ROW):
        row_repeat = int(row.get(f"{_T}number-rows-repeated", "1"))
        c = 1
        for cell in row:
            if cell.tag not in (_CELL, _COVERED):
                continue
            col_repeat = int(cell.get(f"{_T}number-columns-repeated", "1"))
            if cell.tag == _CELL and len(cell.attrib) > (1 if col_repeat > 1 else 0):
                _note_cell(cell, r, c, row_repeat, col_repeat, facts, merged)
            if cell.tag == _CELL and (cell.get(f"{_O}value-type") or len(cell)):
                _note_extent(facts, r + row_repeat - 1, c + col_repeat - 1)
            c += col_repeat
        r += row_repeat
    facts.merged = tuple(merged)
    return facts


def _note_extent(facts: OdsSheetFacts, last_row: int, last_column: int) -> None:
    if last_row > facts.rows:
        facts.rows, facts.rows_at = last_row, (last_row, last_column)
    if last_column > facts.columns:
        facts.columns, facts.columns_at = last_column, (last_row, last_column)


def _note_cell(
    cell: etree._Element,
    r: int,
    c: int,
    row_repeat: int,
    col_repeat: int,
    facts: OdsSheetFacts,
    merged: list[tuple[int, int, int, int]],
) -> None:
    cols = int(cell.get(f"{_T}number-columns-spanned", "1"))
    rows = int(cell.get(f"{_T}number-rows-spanned", "1"))
    if cols > 1 or rows > 1:
        merged.append((r, c, r + rows - 1, c + cols - 1))
    value_type = cell.get(f"{_O}value-type")
    formula = cell.get(f"{_T}formula")
    kind = ""
    if cell.get(f"{{{_CALCEXT}}}value-type") == "error":
        kind = "error"
    elif value_type == "percentage":
        kind = "percent"
    elif formula is not None and value_type is None:
        kind = "uncached"
    if not kind or row_repeat * col_repeat > _MAX_SPREAD:
        return
    text = "".join(cell.itertext()).strip()
    for dr in range(row_repeat):
        for dc in range(col_repeat):
            pos = (r + dr, c + dc)
            if kind == "error":
                facts.errors[pos] = (text or "#ERR", _formula_text(formula))
            elif kind == "percent":
                facts.percent.add(pos)
            else:
                facts.uncached.add(pos)


def _formula_text(formula: str | None) -> str:
    """`of:=[.C2]*2` as staff see it in LibreOffice: `=C2*2`."""
    if not formula:
        return ""
    text = formula.split(":", 1)[1] if formula[:3].lower() == "of:" else formula
    return text.replace("[.", "").replace("[", "").replace("]", "").replace(":.", ":")
