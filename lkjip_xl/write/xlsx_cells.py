"""Cells of one worksheet's XML, written in place: a value, a style, nothing else of the sheet
changes (its other cells and their formulas, drawings, conditional formats, extensions).

Text is written as an inline string (`t="inlineStr"`), never as a formula. Overwriting the
first cell of a shared formula hands the formula on to the next cell that shares it, translated
to its place, so the staff's other formula cells keep working.
"""

from __future__ import annotations

import math
import re

from lxml import etree

from lkjip_xl.contract.cells import a1, column_index, parse_a1
from lkjip_xl.write.xlsx_package import NS_MAIN

_M = f"{{{NS_MAIN}}}"
_REF = re.compile(r"^([A-Z]+)(\d+)$")
CellValue = float | int | str | None
# Characters XML 1.0 cannot carry (a cell may hold any of them); dropped from written text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Worksheet children that come after <sheetData>, for creating it in a sheet that lacks one.
_AFTER_SHEET_DATA = ("sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


class SheetCells:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        data = root.find(f"{_M}sheetData")
        if data is None:
            data = etree.Element(f"{_M}sheetData")
            cols = root.find(f"{_M}cols")
            anchor = cols if cols is not None else root.find(f"{_M}sheetFormatPr")
            if anchor is not None:
                anchor.addnext(data)
            else:
                root.insert(0, data)
        self.data = data
        self.formula_removed = False
        self._rows: dict[int, etree._Element] = {}
        last = 0
        for row in data.iterfind(f"{_M}row"):
            r = int(row.get("r") or last + 1)
            row.set("r", str(r))
            self._rows[r] = row
            last = r
        self._col_styles = self._column_styles()

    # -- finding and making cells ---------------------------------------------------------------

    def _row(self, r: int) -> etree._Element:
        row = self._rows.get(r)
        if row is None:
            row = etree.Element(f"{_M}row", r=str(r))
            later = [n for n in self._rows if n > r]
            if later:
                self._rows[min(later)].addprevious(row)
            else:
                self.data.append(row)
            self._rows[r] = row
        return row

    def cell(self, r: int, c: int) -> etree._Element:
        row = self._row(r)
        row.attrib.pop("spans", None)  # an optional hint that a new cell would contradict
        ref = a1(r, c)
        last = 0
        for cell in row.iterfind(f"{_M}c"):
            cell_ref = cell.get("r")
            col = column_index(_REF.match(cell_ref).group(1)) if cell_ref else last + 1  # type: ignore[union-attr]
            if not cell_ref:
                cell.set("r", a1(r, col))
            if col == c:
                return cell
            if col > c:
                new = etree.Element(f"{_M}c", r=ref)
                style = self._default_style(row, c)
                if style:
                    new.set("s", str(style))
                cell.addprevious(new)
                return new
            last = col
        new = etree.SubElement(row, f"{_M}c", r=ref)
        style = self._default_style(row, c)
        if style:
            new.set("s", str(style))
        return new

    def style_of(self, r: int, c: int) -> int:
        cell = self.cell(r, c)
        return int(cell.get("s", "0"))

    def _default_style(self, row: etree._Element, c: int) -> int:
        """The style a cell has before it is written: its row's, else its column's."""
        if row.get("customFormat") in ("1", "true") and row.get("s"):
            return int(row.get("s", "0"))
        return self._col_styles.get(c, 0)

    def _column_styles(self) -> dict[int, int]:
        styles: dict[int, int] = {}
        cols = self.root.find(f"{_M}cols")
        for col in cols if cols is not None else ():
            style = col.get("style")
            if style:
                for c in range(int(col.get("min", "1")), min(int(col.get("max", "1")), 16384) + 1):
                    styles[c] = int(style)
        return styles

    # -- writing ------------------------------------------------------------------------------

    def set_style(self, r: int, c: int, style: int) -> None:
        self.cell(r, c).set("s", str(style))

    def set_value(self, r: int, c: int, value: CellValue, style: int | None = None) -> None:
        cell = self.cell(r, c)
        self._release_formula(cell)
        for child in list(cell):
            cell.remove(child)
        cell.attrib.pop("t", None)
        if style is not None:
            cell.set("s", str(style))
        if value is None:
            return
        if isinstance(value, str):
            cell.set("t", "inlineStr")
            inline = etree.SubElement(cell, f"{_M}is")
            text = etree.SubElement(inline, f"{_M}t")
            text.text = xml_text(value)
            if value != value.strip() or "\n" in value:
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            return
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"not a cell number: {value!r}")
        etree.SubElement(cell, f"{_M}v").text = (
            repr(value) if isinstance(value, int) else repr(number)
        )

    def _release_formula(self, cell: etree._Element) -> None:
        f = cell.find(f"{_M}f")
        if f is None:
            return
        self.formula_removed = True
        if f.get("t") == "shared" and f.get("ref") and (f.text or "").strip():
            self._hand_on_shared(cell, f)

    def _hand_on_shared(self, master: etree._Element, f: etree._Element) -> None:
        """The first other cell sharing the formula becomes its master, the formula moved there."""
        from openpyxl.formula.translate import Translator

        si = f.get("si")
        others = [
            c
            for c in self.data.iter(f"{_M}c")
            if c is not master
            and (g := c.find(f"{_M}f")) is not None
            and g.get("t") == "shared"
            and g.get("si") == si
        ]
        if not others:
            return
        heir = others[0]
        heir_f = heir.find(f"{_M}f")
        assert heir_f is not None
        origin = master.get("r", "A1")
        heir_ref = heir.get("r", "A1")
        heir_f.text = Translator(f"={f.text}", origin=origin).translate_formula(heir_ref)[1:]
        positions = [parse_a1(c.get("r", "A1")) for c in others]
        rows, cols = [p[0] for p in positions], [p[1] for p in positions]
        heir_f.set("ref", f"{a1(min(rows), min(cols))}:{a1(max(rows), max(cols))}")

    # -- the sheet as a whole ------------------------------------------------------------------

    def max_column(self) -> int:
        """The rightmost column that holds a cell (as openpyxl's max_column)."""
        best = 0
        for row in self.data.iterfind(f"{_M}row"):
            cells = row.findall(f"{_M}c")
            if not cells:
                continue
            # cells stand in column order: the last one is the row's rightmost (a cell without
            # `r` is at its position)
            ref = cells[-1].get("r")
            m = _REF.match(ref) if ref else None
            best = max(best, column_index(m.group(1)) if m else len(cells))
        return best

    def fit_dimension(self) -> None:
        """Widen the `<dimension>` record to the cells written (openpyxl's read-only mode
        trusts it)."""
        dimension = self.root.find(f"{_M}dimension")
        rows = [r for r, row in self._rows.items() if len(row)]
        if dimension is None or not rows:
            return
        first, _, last = dimension.get("ref", "A1").partition(":")
        try:
            r1, c1 = parse_a1(first)
            r2, c2 = parse_a1(last or first)
        except ValueError:
            r1, c1, r2, c2 = 1, 1, 1, 1
        dimension.set(
            "ref",
            f"{a1(min(r1, min(rows)), c1)}:{a1(max(r2, max(rows)), max(c2, self.max_column()))}",
        )
