"""Cells of an .xlsx read and patched in the sheet XML, as openpyxl would write them.

Why: a contract workbook pre-formats ~99.000 cells over its sheets, so one openpyxl load and
save costs ~0,8 s, while the product reads the same file in 0,04 s. The tests change a few
cells at a time; this module changes them in the sheet XML (lxml) and copies every other zip
member byte for byte.

Like contract_filler, it imports nothing from lkjip_xl: it knows only the xlsx format.

What it writes, cell by cell, is what openpyxl writes for the same assignment: a string inline
(`t="inlineStr"`, so sharedStrings.xml, when there is one, stays untouched and the file looks
like one openpyxl saved), a number as `%.16g` with `t="n"`, a boolean `t="b"`, an error code
`t="e"`, `=…` as `<f>` with an empty cached value, None (or "") as a cell without value; the
cell's style (`s`) is kept. A value it cannot write the same way (a date in a cell without a
date format, a time, text with characters XML forbids, NaN) raises NeedsOpenpyxl, and the
helpers make that edit with openpyxl instead.

Beyond cell values, the edits staff make that openpyxl writes simply: rows inserted (cells move
down, as ws.insert_rows), a sheet renamed or hidden (workbook.xml and that sheet's print and
filter names), text that reads like a formula kept as text, and a formula with the cached
result Excel saves (which openpyxl cannot write). Everything else structural stays openpyxl's.
test_xlsx_cells.py holds each of these against openpyxl and against the product's reading.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import io
import math
import os
import posixpath
import re
import tempfile
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from lxml import etree
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import to_excel

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_M = f"{{{MAIN}}}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_REF = re.compile(r"([A-Z]+)(\d+)$")


class NeedsOpenpyxl(Exception):
    """This edit is not one the XML route writes exactly as openpyxl: make it with openpyxl."""


def split_ref(ref: str) -> tuple[int, int]:
    """'C12' -> (12, 3): row, column."""
    match = _REF.match(ref.replace("$", "").upper())
    if not match:
        raise ValueError(f"not an A1 reference: {ref!r}")
    return int(match.group(2)), column_index_from_string(match.group(1))


@functools.cache
def _column_number(letters: str) -> int:
    return column_index_from_string(letters)


def _column(ref: str) -> int:
    """The column of an A1 reference: 'C12' -> 3 (cached by letters: sheets hold many)."""
    return _column_number(ref.rstrip("0123456789"))


def ref_of(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _text_of(node: etree._Element) -> str:
    """The text of a shared or inline string: its runs, without phonetic (rPh) runs."""
    return "".join(t.text or "" for t in node.iter(f"{_M}t") if t.getparent().tag != f"{_M}rPh")


def _number(text: str) -> int | float:
    # as openpyxl's reader casts
    return float(text) if any(c in text for c in ".Ee") else int(text)


class Book:
    """An .xlsx opened once: sheets read and patched, saved as a new file."""

    def __init__(self, source: Path | bytes) -> None:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._sheets: dict[str, Sheet] = {}
        self._shared: list[str] | None = None
        self._date_styles: set[int] | None = None
        self._workbook = workbook = etree.fromstring(self._zip.read("xl/workbook.xml"))
        self._workbook_changed = False
        pr = workbook.find(f"{_M}workbookPr")
        self.date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        rels = etree.fromstring(self._zip.read("xl/_rels/workbook.xml.rels"))
        self._targets = {
            r.get("Id"): (r.get("Type", "").rsplit("/", 1)[-1], self._part(r.get("Target", "")))
            for r in rels.iter(f"{_PKG}Relationship")
        }
        self._parts = {
            s.get("name"): self._targets[s.get(f"{_REL}id")][1] for s in workbook.iter(f"{_M}sheet")
        }

    @staticmethod
    def _part(target: str) -> str:
        return target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)

    @property
    def sheet_names(self) -> list[str]:
        return list(self._parts)

    def sheet(self, name: str) -> Sheet:
        if name not in self._sheets:
            part = self._parts[name]  # KeyError, as openpyxl's wb[name]
            self._sheets[name] = Sheet(self, name, part, self._zip.read(part))
        return self._sheets[name]

    def rename(self, old: str, new: str, hidden: bool = False) -> None:
        """What openpyxl's `ws.title = new` (and sheet_state) writes: the sheet's name, and the
        print titles, print area and filter range it writes for that sheet under the new name.
        Other names and formulas keep the old name, as openpyxl leaves them."""
        sheets = list(self._workbook.iter(f"{_M}sheet"))
        index = next(i for i, s in enumerate(sheets) if s.get("name") == old)
        sheets[index].set("name", new)
        if hidden:
            sheets[index].set("state", "hidden")
        own = ("_xlnm._FilterDatabase", "_xlnm.Print_Titles", "_xlnm.Print_Area")
        quoted = "'" + new.replace("'", "''") + "'!"
        for name in self._workbook.iter(f"{_M}definedName"):
            if name.get("localSheetId") == str(index) and name.get("name") in own and name.text:
                text = name.text.replace("'" + old.replace("'", "''") + "'!", quoted)
                name.text = re.sub(rf"(?<![\w'.]){re.escape(old)}!", quoted, text)
        self._parts[new] = self._parts.pop(old)
        if old in self._sheets:
            self._sheets[new] = self._sheets.pop(old)
            self._sheets[new].name = new
        self._workbook_changed = True

    def shared_strings(self) -> list[str]:
        if self._shared is None:
            parts = [p for kind, p in self._targets.values() if kind == "sharedStrings"]
            if not parts:
                self._shared = []
            else:
                sst = etree.fromstring(self._zip.read(parts[0]))
                self._shared = [_text_of(si) for si in sst.iterchildren(f"{_M}si")]
        return self._shared

    def is_date_style(self, style: int) -> bool:
        if self._date_styles is None:
            parts = [p for kind, p in self._targets.values() if kind == "styles"]
            styles = etree.fromstring(self._zip.read(parts[0]))
            custom = {
                int(f.get("numFmtId", "0")): f.get("formatCode", "")
                for f in styles.iter(f"{_M}numFmt")
            }
            xfs = styles.find(f"{_M}cellXfs")
            self._date_styles = set()
            for i, xf in enumerate([] if xfs is None else xfs.iterchildren(f"{_M}xf")):
                fmt_id = int(xf.get("numFmtId", "0"))
                code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, "General"))
                if is_date_format(code):
                    self._date_styles.add(i)
        return style in self._date_styles

    def save(self, path: Path) -> Path:
        """Write the workbook to `path` (a temporary file first, then replaced)."""
        path = Path(path)
        edited = {s.part: s.to_bytes() for s in self._sheets.values() if s.changed}
        if self._workbook_changed:
            edited["xl/workbook.xml"] = etree.tostring(
                self._workbook, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".xlsx_cells-", suffix=".xlsx")
        try:
            with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as out:
                for info in self._zip.infolist():
                    data = edited.get(info.filename)
                    out.writestr(info, self._zip.read(info) if data is None else data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path


class Sheet:
    """One worksheet's cells: values as openpyxl reads them, assignments as it writes them."""

    def __init__(self, book: Book, name: str, part: str, xml: bytes) -> None:
        self.book, self.name, self.part, self.changed = book, name, part, False
        self._declaration = xml.lstrip().startswith(b"<?xml")
        self._standalone = b"standalone" in xml[:200]
        self.root = etree.fromstring(xml)
        self._data = self.root.find(f"{_M}sheetData")
        if self._data is None:
            raise NeedsOpenpyxl(f"{part}: no sheetData")
        self._rows: dict[int, etree._Element] = {}
        self._cells: dict[int, dict[int, etree._Element]] = {}  # a row's cells, on first use
        for row in self._data.iterchildren(f"{_M}row"):
            if row.get("r") is None:
                raise NeedsOpenpyxl(f"{part}: a row without its number")
            self._rows[int(row.get("r"))] = row
        self._row_numbers = sorted(self._rows)

    # --- reading ------------------------------------------------------------------------------

    def _row_cells(self, row: int) -> dict[int, etree._Element]:
        if row not in self._cells:
            cells: dict[int, etree._Element] = {}
            if row in self._rows:
                for c in self._rows[row].iterchildren(f"{_M}c"):
                    if c.get("r") is None:
                        raise NeedsOpenpyxl(f"{self.part}: a cell without its reference")
                    cells[_column(c.get("r"))] = c
            self._cells[row] = cells
        return self._cells[row]

    def value(self, row: int, col: int) -> object:
        cell = self._row_cells(row).get(col)
        return None if cell is None else self._value_of(cell)

    def _value_of(self, c: etree._Element) -> object:
        formula = c.find(f"{_M}f")
        if formula is not None and formula.text:
            return "=" + formula.text
        kind = c.get("t", "n")
        if kind == "inlineStr":
            inline = c.find(f"{_M}is")
            return None if inline is None else _text_of(inline)
        v = c.find(f"{_M}v")
        if v is None or v.text is None:
            return None
        if kind == "s":
            return self.book.shared_strings()[int(v.text)]
        if kind == "b":
            return v.text in ("1", "true")
        if kind in ("str", "e"):
            return v.text
        return _number(v.text)

    def row_values(self, row: int) -> dict[int, object]:
        """The cells of a row that hold a value, column -> value."""
        values = {col: self._value_of(c) for col, c in sorted(self._row_cells(row).items())}
        return {col: v for col, v in values.items() if v is not None}

    def rows(self, min_row: int = 1) -> Iterator[tuple[int, dict[int, object]]]:
        for number in self._row_numbers[bisect.bisect_left(self._row_numbers, min_row) :]:
            yield number, self.row_values(number)

    def headers(self, row: int = 1) -> dict[str, int]:
        """Header text -> column, as `{str(c.value).strip(): c.column for c in ws[row]}`: the
        last of two equal headers wins."""
        return {str(v).strip(): col for col, v in self.row_values(row).items()}

    @property
    def row_numbers(self) -> list[int]:
        return list(self._row_numbers)

    def last_row(self) -> int:
        """The last row holding a value other than "" (1 when there is none)."""
        for number in reversed(self._row_numbers):
            if any(v != "" for v in self.row_values(number).values()):
                return number
        return 1

    # --- writing ------------------------------------------------------------------------------

    def set(self, row: int, col: int, value: object) -> None:
        cell = self._cell(row, col)
        style = int(cell.get("s", "0"))
        kind, children = self._encode(value, style)
        for child in list(cell):
            cell.remove(child)
        if kind is None:
            cell.attrib.pop("t", None)
        else:
            cell.set("t", kind)
        for child in children:
            cell.append(child)
        self.changed = True

    def set_text(self, row: int, col: int, text: str) -> None:
        """`text` stored as text even when it reads like a formula ('=…'), as Excel stores what
        is typed after an apostrophe and openpyxl writes a cell given data_type 's'."""
        if ILLEGAL_CHARACTERS_RE.search(text):
            raise NeedsOpenpyxl("characters XML forbids: openpyxl refuses them")
        cell = self._cell(row, col)
        for child in list(cell):
            cell.remove(child)
        cell.set("t", "inlineStr")
        cell.append(_inline(text[:32767]))
        self.changed = True

    def set_ref(self, ref: str, value: object) -> None:
        self.set(*split_ref(ref), value)

    def _encode(self, value: object, style: int) -> tuple[str | None, list[etree._Element]]:
        if value is None or value == "":
            return None, []
        if isinstance(value, bool):
            return "b", [_element("v", "1" if value else "0")]
        if isinstance(value, int | float | Decimal):
            if not math.isfinite(value):
                raise NeedsOpenpyxl(f"{value!r} is written empty by openpyxl")
            return "n", [_element("v", f"{value:.16g}")]
        if isinstance(value, str):
            value = value[:32767]
            if ILLEGAL_CHARACTERS_RE.search(value):
                raise NeedsOpenpyxl("characters XML forbids: openpyxl refuses them")
            if len(value) > 1 and value.startswith("="):
                return None, [_element("f", value[1:]), _element("v", "")]  # <v></v>, as openpyxl
            if value in ERROR_CODES:
                return "e", [_element("v", value)]
            return "inlineStr", [_inline(value)]
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime | dt.time):
            return self._date(value, style)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            return self._date(value, style)
        raise NeedsOpenpyxl(f"{type(value).__name__} is written by openpyxl")

    def _date(self, value: dt.date, style: int) -> tuple[str, list[etree._Element]]:
        # openpyxl gives a cell without a date format one: a style change this module leaves
        # to openpyxl
        if self.book.date1904 or not self.book.is_date_style(style):
            raise NeedsOpenpyxl("a date in a cell without a date format")
        return "n", [_element("v", f"{to_excel(value):.16g}")]

    def set_cached(self, row: int, col: int, formula: str, result: object) -> None:
        """A formula with its cached result, as Excel saves it (openpyxl cannot): a result like
        '#DIV/0!' is an error value (t="e"), other text t="str", a number plain."""
        cell = self._cell(row, col)
        for child in list(cell):
            cell.remove(child)
        text = str(result)
        cell.attrib.pop("t", None)
        if text.startswith("#"):
            cell.set("t", "e")
        elif isinstance(result, str):
            cell.set("t", "str")
        cell.append(_element("f", formula))
        cell.append(_element("v", text))
        self.changed = True

    def insert_rows(self, at: int, count: int) -> None:
        """What openpyxl's ws.insert_rows(at, count) writes: every cell from row `at` on moves
        down with its value and style; row heights, merges, validations and formulas stay."""
        for tag in ("mergeCells", "hyperlinks", "drawing", "legacyDrawing"):
            if self.root.find(f"{_M}{tag}") is not None:
                raise NeedsOpenpyxl(f"{self.name}: a {tag} openpyxl would handle")
        for row in sorted((r for r in self._rows if r >= at), reverse=True):
            cells = self._row_cells(row)
            if not cells:
                continue
            target = self._row(row + count)  # empty: the rows below have moved already
            moved = self._row_cells(row + count)
            for col, cell in sorted(cells.items()):
                cell.set("r", ref_of(row + count, col))
                target.append(cell)  # lxml moves the element out of its old row
                moved[col] = cell
            cells.clear()
            for element in (self._rows[row], target):
                element.attrib.pop("spans", None)
        dimension = self.root.find(f"{_M}dimension")
        if dimension is not None and ":" in dimension.get("ref", ""):
            first, last = dimension.get("ref").split(":")
            r1, c1 = split_ref(first)
            r2, c2 = split_ref(last)
            r1 = r1 + count if r1 >= at else r1
            r2 = r2 + count if r2 >= at else r2
            dimension.set("ref", f"{ref_of(r1, c1)}:{ref_of(r2, c2)}")
        self.changed = True

    def _row(self, row: int) -> etree._Element:
        if row not in self._rows:
            element = etree.Element(f"{_M}row", r=str(row))
            at = bisect.bisect_left(self._row_numbers, row)
            if at < len(self._row_numbers):
                self._rows[self._row_numbers[at]].addprevious(element)
            else:
                self._data.append(element)
            self._row_numbers.insert(at, row)
            self._rows[row] = element
        return self._rows[row]

    def _cell(self, row: int, col: int) -> etree._Element:
        cells = self._row_cells(row)
        self._row(row)
        if col in cells:
            return cells[col]
        element = etree.Element(f"{_M}c", r=ref_of(row, col))
        later = [c for c in cells if c > col]
        if later:
            cells[min(later)].addprevious(element)
        else:
            self._rows[row].append(element)  # after the row's last cell (an extLst never sits here)
        cells[col] = element
        self._widen(row, col)
        return element

    def _widen(self, row: int, col: int) -> None:
        """Keep the row's `spans` and the sheet's `dimension` covering a new cell."""
        spans = self._rows[row].get("spans")
        if spans and ":" in spans:
            lo, hi = (int(x) for x in spans.split(":"))
            self._rows[row].set("spans", f"{min(lo, col)}:{max(hi, col)}")
        dimension = self.root.find(f"{_M}dimension")
        if dimension is None:
            return
        ref = dimension.get("ref", "A1")
        first, _, last = ref.partition(":")
        (r1, c1), (r2, c2) = split_ref(first), split_ref(last or first)
        r1, c1, r2, c2 = min(r1, row), min(c1, col), max(r2, row), max(c2, col)
        dimension.set("ref", f"{ref_of(r1, c1)}:{ref_of(r2, c2)}")

    def to_bytes(self) -> bytes:
        if self._declaration:
            return etree.tostring(
                self.root,
                xml_declaration=True,
                encoding="UTF-8",
                standalone=True if self._standalone else None,
            )
        return etree.tostring(self.root, encoding="UTF-8")


def _inline(value: str) -> etree._Element:
    """<is><t>value</t></is>, with xml:space="preserve" where openpyxl sets it."""
    text = _element("t", value)
    if value.strip() and value != value.strip():
        text.set(_XML_SPACE, "preserve")
    inline = _element("is", None)
    inline.append(text)
    return inline


def _element(tag: str, text: str | None) -> etree._Element:
    element = etree.Element(f"{_M}{tag}")
    element.text = text
    return element


# --- cells by header text --------------------------------------------------------------------


def _text(value: object) -> str | None:
    return None if value is None else str(value).strip()


def address(sheet: Sheet, header: str, row: int | str) -> tuple[int, int]:
    """(row, column) of (header, row), as conftest.address finds it in openpyxl: the header row is
    the first row with a cell whose text is `header`; `row` is a data-row number under it or the
    label in the header row's first used column."""
    for number, values in sheet.rows():
        for col, value in values.items():
            if _text(value) == header:
                if isinstance(row, int):
                    return number + row, col
                key = min(values)
                for below, cells in sheet.rows(number + 1):
                    if _text(cells.get(key)) == row:
                        return below, col
                raise KeyError(f"{sheet.name}: no row labelled {row!r}")
    raise KeyError(f"{sheet.name}: no header {header!r}")
