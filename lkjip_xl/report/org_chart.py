"""The struktur organisasi as Word shapes: boxes and connecting lines in one group, editable in Word.

An organisation chart is no DrawingML chart. Of the three ways to draw one (shapes, a table
laid out as a tree, a picture) shapes were chosen after rendering all in LibreOffice: a group
(`wpg:wgp`) of text boxes (`wps:wsp` with `w:txbxContent`) and elbow lines renders as drawn,
stays one object on the page, and staff can move a box, retype a name or recolour it in Word.
A table cannot draw the lines between levels; a picture cannot be edited.

`org_chart(boxes)` takes the tree as a flat list of `Box(key, lines, parent)`; the result prints
in a template like a chart (`{{ struktur }}`) and is as inert (chart_placeholder.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lkjip_xl.report.chart_spec import BLUE, FONT

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
EMU_PER_MM = 36_000
# (half-points, mm per bold character, mm per line): 8 pt, smaller when a word does not fit
SIZES = ((16, 1.75, 3.6), (14, 1.5, 3.2), (12, 1.3, 2.8))
GAP_Y_MM = 9.0  # between levels: room for the elbow lines
FILL = "DEEAF6"


@dataclass(frozen=True)
class Box:
    """One box of the chart: its lines of text (position, name, NIP…) and its parent's key."""

    key: str
    lines: tuple[str, ...]
    parent: str | None = None


@dataclass(frozen=True)
class _Placed:
    box: Box
    x: float  # centre, mm
    y: float  # top, mm
    width: float
    height: float
    half_points: int  # the font size of its text


def layout(boxes: Sequence[Box], width_mm: float = 150.0) -> list[_Placed]:
    """Each box's place: leaves side by side in tree order, a parent centred over its children,
    one row per level."""
    children: dict[str | None, list[Box]] = {}
    keys = {b.key for b in boxes}
    for b in boxes:
        if b.parent is not None and b.parent not in keys:
            raise ValueError(f"box {b.key!r}: no box {b.parent!r} to hang from")
        children.setdefault(b.parent, []).append(b)
    roots = children.get(None, [])
    if len(roots) != 1:
        raise ValueError("an organisation chart has exactly one top box")
    depth: dict[str, int] = {}
    order: list[Box] = []  # the leaves, left to right

    def walk(box: Box, level: int) -> None:
        if box.key in depth:
            raise ValueError(f"box {box.key!r} is its own ancestor")
        depth[box.key] = level
        kids = children.get(box.key, [])
        if not kids:
            order.append(box)
        for kid in kids:
            walk(kid, level + 1)

    walk(roots[0], 0)
    if len(depth) != len(boxes):
        raise ValueError("every box must hang from the top box")
    slot = width_mm / len(order)
    box_width = min(45.0, slot * 0.88)
    inner = box_width - 2.5  # the text box's insets
    longest = max((len(w) for b in boxes for line in b.lines for w in line.split()), default=1)
    size = next((s for s in SIZES if longest * s[1] <= inner), SIZES[-1])
    chars = max(6, int(inner / size[1]))
    height = {b.key: _box_height(b, chars, size[2]) for b in boxes}
    levels = max(depth.values()) + 1
    # one height per level: a row of boxes reads as a rank
    row = [max(height[k] for k, d in depth.items() if d == level) for level in range(levels)]
    tops = [sum(row[:level]) + GAP_Y_MM * level for level in range(levels)]
    centre: dict[str, float] = {b.key: (i + 0.5) * slot for i, b in enumerate(order)}

    def place(box: Box) -> float:
        kids = children.get(box.key, [])
        if kids:
            xs = [place(kid) for kid in kids]
            centre[box.key] = (xs[0] + xs[-1]) / 2
        return centre[box.key]

    place(roots[0])
    return [
        _Placed(b, centre[b.key], tops[depth[b.key]], box_width, row[depth[b.key]], size[0])
        for b in boxes
    ]


def _box_height(box: Box, chars: int, line_mm: float) -> float:
    lines = sum(max(1, -(-len(line) // chars)) for line in box.lines) or 1
    return lines * line_mm + 3.0


def group_xml(boxes: Sequence[Box], width_mm: float = 150.0, drawing_id: int = 9_000) -> str:
    """The `<wp:inline>` holding the whole chart as one group of shapes."""
    placed = layout(boxes, width_mm)
    by_key = {p.box.key: p for p in placed}
    height_mm = max(p.y + p.height for p in placed)
    ids = iter(range(drawing_id + 1, drawing_id + 10_000))
    shapes = [_connector(parent, kids, ids) for parent, kids in _families(placed, by_key)]
    shapes += [_text_box(p, next(ids)) for p in placed]
    cx, cy = _emu(width_mm), _emu(height_mm)
    return (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{WP}" xmlns:a="{A}" '
        f'xmlns:w="{W}" xmlns:wps="{WPS}" xmlns:wpg="{WPG}">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{drawing_id}" name="Struktur Organisasi {drawing_id}" '
        'descr="Bagan struktur organisasi"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPG}"><wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></wpg:grpSpPr>'
        + "".join(shapes)
        + "</wpg:wgp></a:graphicData></a:graphic></wp:inline>"
    )


def _families(
    placed: list[_Placed], by_key: dict[str, _Placed]
) -> list[tuple[_Placed, list[_Placed]]]:
    kids: dict[str, list[_Placed]] = {}
    for p in placed:
        if p.box.parent is not None:
            kids.setdefault(p.box.parent, []).append(p)
    return [(by_key[key], members) for key, members in kids.items()]


def _connector(parent: _Placed, kids: list[_Placed], ids: Iterator[int]) -> str:
    """Elbow lines: down from the parent, across above its children, down to each child."""
    bus = min(k.y for k in kids) - GAP_Y_MM / 2
    segments = [(parent.x, parent.y + parent.height, parent.x, bus)]
    left, right = min(k.x for k in kids), max(k.x for k in kids)
    if right > left:
        segments.append((left, bus, right, bus))
    segments += [(k.x, bus, k.x, k.y) for k in kids]
    return "".join(_line(*s, next(ids)) for s in segments)


def _line(x0: float, y0: float, x1: float, y1: float, shape_id: int) -> str:
    x, y = min(x0, x1), min(y0, y1)
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name="Garis {shape_id}"/><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="{_emu(x)}" y="{_emu(y)}"/>'
        f'<a:ext cx="{_emu(abs(x1 - x0))}" cy="{_emu(abs(y1 - y0))}"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f'<a:ln w="12700"><a:solidFill><a:srgbClr val="{BLUE}"/></a:solidFill></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp>"
    )


def _text_box(p: _Placed, shape_id: int) -> str:
    left, width = p.x - p.width / 2, p.width
    paragraphs = "".join(
        _paragraph(line, i == 0, p.half_points) for i, line in enumerate(p.box.lines)
    )
    name = quoteattr(f"Kotak {p.box.lines[0] if p.box.lines else p.box.key}")
    return (
        f"<wps:wsp><wps:cNvPr id={quoteattr(str(shape_id))} name={name}/><wps:cNvSpPr/>"
        f'<wps:spPr><a:xfrm><a:off x="{_emu(left)}" y="{_emu(p.y)}"/>'
        f'<a:ext cx="{_emu(width)}" cy="{_emu(p.height)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{FILL}"/></a:solidFill>'
        f'<a:ln w="12700"><a:solidFill><a:srgbClr val="{BLUE}"/></a:solidFill></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="36000" tIns="18000" rIns="36000" '
        'bIns="18000" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
    )


def _paragraph(text: str, bold: bool, half_points: int) -> str:
    weight = "<w:b/>" if bold else ""
    return (
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>{weight}'
        f'<w:sz w:val="{half_points}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t>'
        "</w:r></w:p>"
    )


def _emu(mm: float) -> int:
    return round(mm * EMU_PER_MM)


class OrgChart:
    """The inert placeholder of an organisation chart: it prints, nothing else."""

    __slots__ = ("__run_xml",)

    def __init__(self, boxes: Sequence[Box], width_mm: float = 150.0) -> None:
        xml = group_xml(boxes, width_mm)  # drawn now: a bad tree fails before rendering
        self.__run_xml = (
            f'</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'
        )

    def __html__(self) -> str:
        return self.__run_xml

    def __str__(self) -> str:
        return self.__run_xml

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return "<struktur organisasi>"
