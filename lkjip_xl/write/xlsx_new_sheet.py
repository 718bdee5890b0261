"""A sheet of the tool's own (Ringkasan, Perhitungan SKM, Temuan) written directly as worksheet
XML: cells with values and style indexes of the workbook's styles.xml, column widths and a
frozen pane. Written directly rather than through a second library so its styles are the
workbook's own, with no index to remap.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from lkjip_xl.contract.cells import a1, column_letter
from lkjip_xl.write.xlsx_cells import CellValue, xml_text
from lkjip_xl.write.xlsx_package import NS_MAIN, NS_REL


class NewSheet:
    def __init__(self) -> None:
        self.cells: dict[int, dict[int, tuple[CellValue, int]]] = {}
        self.widths: dict[int, float] = {}
        self.freeze: tuple[int, int] | None = None  # the first unfrozen (row, column)

    def put(self, r: int, c: int, value: CellValue, style: int = 0) -> None:
        self.cells.setdefault(r, {})[c] = (value, style)

    def width(self, c: int, width: float) -> None:
        self.widths[c] = width

    @property
    def last_row(self) -> int:
        return max(self.cells, default=0)

    def xml(self) -> bytes:
        parts = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
            f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">',
        ]
        rows = sorted(self.cells)
        cols = max((max(r) for r in self.cells.values() if r), default=1)
        parts.append(f'<dimension ref="A1:{a1(max(rows, default=1), cols)}"/>')
        parts.append('<sheetViews><sheetView workbookViewId="0">')
        if self.freeze:
            r, c = self.freeze
            attrs = []
            if c > 1:
                attrs.append(f'xSplit="{c - 1}"')
            if r > 1:
                attrs.append(f'ySplit="{r - 1}"')
            pane = "bottomRight" if r > 1 and c > 1 else "bottomLeft" if r > 1 else "topRight"
            parts.append(
                f'<pane {" ".join(attrs)} topLeftCell="{a1(r, c)}" activePane="{pane}" state="frozen"/>'
            )
        parts.append('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>')
        if self.widths:
            parts.append("<cols>")
            for c in sorted(self.widths):
                parts.append(f'<col min="{c}" max="{c}" width="{self.widths[c]}" customWidth="1"/>')
            parts.append("</cols>")
        parts.append("<sheetData>")
        for r in rows:
            parts.append(f'<row r="{r}">')
            for c in sorted(self.cells[r]):
                parts.append(_cell(r, c, *self.cells[r][c]))
            parts.append("</row>")
        parts.append("</sheetData>")
        parts.append(
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        )
        parts.append("</worksheet>")
        return "".join(parts).encode("utf-8")


def _cell(r: int, c: int, value: CellValue, style: int) -> str:
    ref = f"{column_letter(c)}{r}"
    s = f' s="{style}"' if style else ""
    if value is None:
        return f'<c r="{ref}"{s}/>'
    if isinstance(value, str):
        text = escape(xml_text(value))
        space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    number = float(value)
    if not math.isfinite(number):
        return f'<c r="{ref}"{s}/>'
    shown = repr(value) if isinstance(value, int) else repr(number)
    return f'<c r="{ref}"{s}><v>{shown}</v></c>'
