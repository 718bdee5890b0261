"""Cell comments (notes) added to a worksheet of a workbook being patched.

A note in SpreadsheetML is two parts: the text in `xl/commentsN.xml`, and its box in a legacy
VML drawing (`xl/drawings/vmlDrawingN.vml`), tied to the sheet by two relationships and a
`<legacyDrawing>` element. A sheet that already has notes (the staff's own, or form controls in
its VML drawing) keeps them: the tool's text is added to an existing note of the same cell, and
new boxes are added to the existing drawing as text, without parsing it (Excel's VML is not
always well-formed XML).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from lkjip_xl.contract.cells import a1
from lkjip_xl.write.xlsx_cells import xml_text
from lkjip_xl.write.xlsx_package import NS_MAIN, NS_REL, Package

_M = f"{{{NS_MAIN}}}"
REL_COMMENTS = f"{NS_REL}/comments"
REL_VML = f"{NS_REL}/vmlDrawing"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# CT_Worksheet's children after <legacyDrawing>, before which it must stand.
_AFTER_LEGACY = (
    "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
    "tableParts", "extLst",
)  # fmt: skip
_SHAPE_ID = re.compile(rb"_x0000_s(\d+)")
_IDMAP = re.compile(rb'<o:idmap[^>]*data="([\d,\s]+)"')
_SHAPETYPE = (
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
)


def add_notes(package: Package, sheet_part: str, notes: Mapping[tuple[int, int], str]) -> None:
    """Add each (row, column) → text as a note of that cell, by author 'lkjip'."""
    if not notes:
        return
    sheet = package.tree(sheet_part)
    fresh = _write_texts(package, sheet_part, notes)
    if fresh:
        _draw_boxes(package, sheet_part, sheet, fresh, notes)


def _write_texts(
    package: Package, sheet_part: str, notes: Mapping[tuple[int, int], str]
) -> list[tuple[int, int]]:
    """The texts into the comments part; returns the cells that had no note yet."""
    related = package.related(sheet_part, REL_COMMENTS)
    if related:
        part = related[0][1]
        root = package.tree(part)
    else:
        part = package.free_name("xl/comments{}.xml")
        root = etree.Element(f"{_M}comments", nsmap={None: NS_MAIN})
        etree.SubElement(root, f"{_M}authors")
        etree.SubElement(root, f"{_M}commentList")
        package.put(part, root)
        package.content_type(part, CT_COMMENTS)
        package.relate(sheet_part, REL_COMMENTS, part)
    authors = root.find(f"{_M}authors")
    if authors is None:
        authors = etree.Element(f"{_M}authors")
        root.insert(0, authors)
    names = [a.text for a in authors]
    if "lkjip" not in names:
        etree.SubElement(authors, f"{_M}author").text = "lkjip"
        names.append("lkjip")
    author = str(names.index("lkjip"))
    comment_list = root.find(f"{_M}commentList")
    if comment_list is None:
        comment_list = etree.SubElement(root, f"{_M}commentList")
    existing = {c.get("ref"): c for c in comment_list}
    fresh = []
    for (r, c), text in notes.items():
        ref = a1(r, c)
        comment = existing.get(ref)
        if comment is None:
            comment = etree.SubElement(comment_list, f"{_M}comment", ref=ref, authorId=author)
            etree.SubElement(comment, f"{_M}text")
            fresh.append((r, c))
            prefix = ""
        else:
            prefix = "\n\n"
        body = comment.find(f"{_M}text")
        if body is None:
            body = etree.SubElement(comment, f"{_M}text")
        run = etree.SubElement(body, f"{_M}r")
        t = etree.SubElement(run, f"{_M}t")
        t.text = xml_text(prefix + text)
        t.set(_XML_SPACE, "preserve")
    return fresh


def _draw_boxes(
    package: Package,
    sheet_part: str,
    sheet: etree._Element,
    cells: list[tuple[int, int]],
    notes: Mapping[tuple[int, int], str],
) -> None:
    legacy = sheet.find(f"{_M}legacyDrawing")
    vml_part = None
    if legacy is not None:
        rel_id = legacy.get(f"{{{NS_REL}}}id", "")
        vml_part = next((p for i, p in package.related(sheet_part, REL_VML) if i == rel_id), None)
    if vml_part is not None and package.has(vml_part):
        data = package.read(vml_part)
        next_id = max((int(n) for n in _SHAPE_ID.findall(data)), default=1024) + 1
        shapes = "".join(_shape(next_id + i, r, c, notes[(r, c)]) for i, (r, c) in enumerate(cells))
        if b"_x0000_t202" not in data:
            shapes = _SHAPETYPE + shapes
        end = data.rfind(b"</xml>")
        if end < 0:
            raise ValueError(f"{vml_part} is not a VML drawing")
        package.put(vml_part, data[:end] + shapes.encode("ascii") + data[end:])
        return
    block = _free_block(package)
    shapes = "".join(
        _shape(block * 1024 + 1 + i, r, c, notes[(r, c)]) for i, (r, c) in enumerate(cells)
    )
    vml = (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">'
        f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{block}"/></o:shapelayout>'
        f"{_SHAPETYPE}{shapes}</xml>"
    )
    vml_part = package.free_name("xl/drawings/vmlDrawing{}.vml")
    package.put(vml_part, vml.encode("ascii"))
    package.default_type("vml", CT_VML)
    rel_id = package.relate(sheet_part, REL_VML, vml_part)
    if legacy is None:
        legacy = etree.Element(f"{_M}legacyDrawing")
        _insert_before(sheet, legacy, _AFTER_LEGACY)
    legacy.set(f"{{{NS_REL}}}id", rel_id)


def _free_block(package: Package) -> int:
    """A block of 1024 shape ids no drawing of the workbook uses (VML ids are workbook-wide)."""
    used = {0}
    for entry in package.sheets():
        for _, part in package.related(entry.part, REL_VML):
            if package.has(part):
                for m in _IDMAP.findall(package.read(part)):
                    used |= {int(n) for n in re.split(rb"[,\s]+", m) if n}
    return max(used) + 1


def _shape(shape_id: int, r: int, c: int, text: str) -> str:
    lines = 3 + len(text) // 45 + text.count("\n")
    return (
        f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" '
        'style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:80pt;'
        'z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
        '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
        '<div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note">'
        "<x:MoveWithCells/><x:SizeWithCells/>"
        f"<x:Anchor>{c}, 15, {max(r - 2, 0)}, 10, {c + 4}, 15, {r - 1 + lines}, 4</x:Anchor>"
        f"<x:AutoFill>False</x:AutoFill><x:Row>{r - 1}</x:Row><x:Column>{c - 1}</x:Column>"
        "</x:ClientData></v:shape>"
    )


def _insert_before(parent: etree._Element, element: etree._Element, later: tuple[str, ...]) -> None:
    for i, child in enumerate(parent):
        if isinstance(child.tag, str) and etree.QName(child).localname in later:
            parent.insert(i, element)
            return
    parent.append(element)
