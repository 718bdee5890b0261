"""`xl/styles.xml` of a workbook being patched: the styles the tool's cells need are appended,
the workbook's own are never changed (a cell keeps its font and border when the tool colours it).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from lkjip_xl.write.xlsx_package import NS_MAIN, Package

_M = f"{{{NS_MAIN}}}"
# SpreadsheetML's built-in number formats the tool uses (ids below 164 need no <numFmt>).
_BUILTIN_FORMATS = {
    "General": 0,
    "0": 1,
    "0.00": 2,
    "#,##0": 3,
    "#,##0.00": 4,
    "0%": 9,
    "0.00%": 10,
}
# Child order inside <styleSheet>, for adding a collection a minimal styles.xml lacks.
_STYLE_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles")


@dataclass(frozen=True)
class Look:
    """What the tool sets on a cell; None leaves the cell's own."""

    num_format: str | None = None
    fill: str | None = None  # RGB such as "D9D9D9"
    fill_only_if_none: bool = False  # keep the staff's colour when the cell has one
    bold: bool = False
    font_color: str | None = None
    font_size: float | None = None
    border: str | None = None  # thin border colour
    align: tuple[tuple[str, str], ...] | None = None  # (horizontal|vertical|wrapText, value)


class Styles:
    def __init__(self, package: Package) -> None:
        self.root = package.tree("xl/styles.xml")
        self._fmt_ids: dict[str, int] = {}
        self._fonts: dict[tuple[object, ...], int] = {}
        self._fills: dict[str, int] = {}
        self._borders: dict[str, int] = {}
        self._xfs: dict[tuple[int, Look], int] = {}

    def _collection(self, name: str) -> etree._Element:
        found = self.root.find(f"{_M}{name}")
        if found is not None:
            return found
        element = etree.Element(f"{_M}{name}")
        position = 0
        for i, child in enumerate(self.root):
            local = etree.QName(child).localname
            if local in _STYLE_ORDER and _STYLE_ORDER.index(local) < _STYLE_ORDER.index(name):
                position = i + 1
        self.root.insert(position, element)
        return element

    def _append(self, collection: str, element: etree._Element) -> int:
        parent = self._collection(collection)
        parent.append(element)
        parent.set("count", str(len(parent)))
        return len(parent) - 1

    def num_format(self, code: str) -> int:
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        if code not in self._fmt_ids:
            formats = self._collection("numFmts")
            existing = {f.get("formatCode"): int(f.get("numFmtId", "0")) for f in formats}
            if code in existing:
                self._fmt_ids[code] = existing[code]
            else:
                new_id = max([163, *existing.values()]) + 1
                element = etree.SubElement(formats, f"{_M}numFmt")
                element.set("numFmtId", str(new_id))
                element.set("formatCode", code)
                formats.set("count", str(len(formats)))
                self._fmt_ids[code] = new_id
        return self._fmt_ids[code]

    def _font(self, base_id: int, bold: bool, color: str | None, size: float | None) -> int:
        """The workbook's font `base_id` (its name and size) made bold, coloured or resized."""
        key = (base_id, bold, color, size)
        if key not in self._fonts:
            fonts = self._collection("fonts")
            base = fonts[base_id] if base_id < len(fonts) else None
            own = {etree.QName(c).localname: c for c in base} if base is not None else {}
            font = etree.Element(f"{_M}font")
            for local in _FONT_ORDER:  # the schema's order of a font's children
                if local == "b" and bold:
                    etree.SubElement(font, f"{_M}b")
                elif local == "sz" and size:
                    etree.SubElement(font, f"{_M}sz", val=_num(size))
                elif local == "color" and color:
                    etree.SubElement(font, f"{_M}color", rgb=f"FF{color}")
                elif local in own:
                    font.append(_copy(own[local]))
            self._fonts[key] = self._append("fonts", font)
        return self._fonts[key]

    def _fill(self, rgb: str) -> int:
        if rgb not in self._fills:
            fill = etree.Element(f"{_M}fill")
            pattern = etree.SubElement(fill, f"{_M}patternFill", patternType="solid")
            etree.SubElement(pattern, f"{_M}fgColor", rgb=f"FF{rgb}")
            etree.SubElement(pattern, f"{_M}bgColor", indexed="64")
            self._fills[rgb] = self._append("fills", fill)
        return self._fills[rgb]

    def _border(self, rgb: str) -> int:
        if rgb not in self._borders:
            border = etree.Element(f"{_M}border")
            for side in ("left", "right", "top", "bottom"):
                edge = etree.SubElement(border, f"{_M}{side}", style="thin")
                etree.SubElement(edge, f"{_M}color", rgb=f"FF{rgb}")
            etree.SubElement(border, f"{_M}diagonal")
            self._borders[rgb] = self._append("borders", border)
        return self._borders[rgb]

    def has_fill(self, xf_id: int) -> bool:
        """Whether a cell style shows a fill colour (not 'none' nor the reserved gray125)."""
        xf = self._xf(xf_id)
        fill_id = int(xf.get("fillId", "0")) if xf is not None else 0
        fills = self._collection("fills")
        if fill_id < 2 or fill_id >= len(fills):
            return False
        pattern = fills[fill_id].find(f"{_M}patternFill")
        return pattern is not None and pattern.get("patternType", "none") != "none"

    def _xf(self, xf_id: int) -> etree._Element | None:
        xfs = self._collection("cellXfs")
        return xfs[xf_id] if 0 <= xf_id < len(xfs) else None

    def style(self, base_id: int, look: Look) -> int:
        """A cell style: the cell's own (`base_id`) with what `look` sets; reused when asked twice."""
        key = (base_id, look)
        if key in self._xfs:
            return self._xfs[key]
        xfs = self._collection("cellXfs")
        if not len(xfs):
            etree.SubElement(xfs, f"{_M}xf", numFmtId="0", fontId="0", fillId="0", borderId="0")
        base = self._xf(base_id)
        xf = _copy(base) if base is not None else _copy(xfs[0])
        if look.num_format is not None:
            xf.set("numFmtId", str(self.num_format(look.num_format)))
            xf.set("applyNumberFormat", "1")
        if look.fill and not (look.fill_only_if_none and self.has_fill(base_id)):
            xf.set("fillId", str(self._fill(look.fill)))
            xf.set("applyFill", "1")
        if look.bold or look.font_color or look.font_size:
            base_font = int(xf.get("fontId", "0"))
            xf.set("fontId", str(self._font(base_font, look.bold, look.font_color, look.font_size)))
            xf.set("applyFont", "1")
        if look.border:
            xf.set("borderId", str(self._border(look.border)))
            xf.set("applyBorder", "1")
        if look.align:
            for old in xf.findall(f"{_M}alignment"):
                xf.remove(old)
            xf.insert(0, etree.Element(f"{_M}alignment", dict(look.align)))
            xf.set("applyAlignment", "1")
        self._xfs[key] = self._append("cellXfs", xf)
        return self._xfs[key]


def _copy(element: etree._Element) -> etree._Element:
    copied: etree._Element = etree.fromstring(etree.tostring(element))
    return copied


def _num(value: float | None) -> str:
    return "" if value is None else (str(int(value)) if float(value).is_integer() else str(value))


_FONT_ORDER = (
    "b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz",
    "color", "name", "family", "charset", "scheme",
)  # fmt: skip
