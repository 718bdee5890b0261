"""What the cell values leave out, read from a sheet's parts inside the .xlsx package: merged
cells, and pictures (anchored over cells, or placed in a cell).

Pictures come two ways. Anchored: the sheet's drawing part (`xl/drawings/drawingN.xml`) holds
`xdr:twoCellAnchor`/`xdr:oneCellAnchor` elements whose `xdr:from` names the top-left cell and
whose `xdr:pic` embeds an image relationship. Placed in a cell (Excel 365 "Place in Cell"): the
cell carries `vm="n"`, which leads through `xl/metadata.xml` to a rich value in
`xl/richData/rdrichvalue.xml` whose `_rvRel:LocalImageIdentifier` indexes
`xl/richData/richValueRel.xml`, whose relationship names the image part.

A workbook is untrusted input: XML is parsed without entities or network, and a picture larger
than the caller's limit is reported by size, never read into memory.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lkjip_xl.base.opc import rels_path, resolve
from lkjip_xl.contract.cells import parse_a1

_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RICH = "http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"
_RICH_REL = "http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel"
_LOCAL_IMAGE_KEY = "_rvRel:LocalImageIdentifier"


@dataclass(frozen=True)
class SheetPicture:
    """A picture found on a sheet: its top-left cell (1-based), and its bytes unless too large."""

    row: int
    col: int
    name: str  # the part name inside the package, e.g. xl/media/image1.png
    size: int  # bytes, as stored in the package
    data: bytes | None  # None when larger than the limit or missing from the package


@dataclass(frozen=True)
class Merge:
    first_row: int
    first_col: int
    last_row: int
    last_col: int


class Package:
    """The parts of one .xlsx package that the cell grid does not carry."""

    def __init__(self, path: str | Path) -> None:
        self._zip = zipfile.ZipFile(path)
        self._names = set(self._zip.namelist())
        self._sheet_parts = self._map_sheet_parts()
        self._images: dict[str, bytes] = {}  # one image anchored many times is read once

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- merged cells ---------------------------------------------------------------------------

    def merges(self, sheet: str) -> list[Merge]:
        root = self._xml(self._sheet_parts.get(sheet, ""))
        if root is None:
            return []
        out = []
        for m in root.iter(f"{{{_MAIN}}}mergeCell"):
            ref = m.get("ref", "")
            if ":" not in ref:
                continue
            try:
                (r1, c1), (r2, c2) = (parse_a1(part) for part in ref.split(":"))
            except ValueError:
                continue
            out.append(Merge(r1, c1, r2, c2))
        return out

    # -- pictures -------------------------------------------------------------------------------

    def pictures(self, sheet: str, max_bytes: int) -> list[SheetPicture]:
        """Every picture on the sheet, anchored or placed in a cell, in reading order."""
        part = self._sheet_parts.get(sheet)
        if part is None:
            return []
        found = self._anchored(part, max_bytes) + self._in_cells(part, max_bytes)
        return sorted(found, key=lambda p: (p.row, p.col))

    def _anchored(self, sheet_part: str, max_bytes: int) -> list[SheetPicture]:
        out = []
        for drawing in self._related(sheet_part, "/drawing"):
            root = self._xml(drawing)
            if root is None:
                continue
            targets = self._relationships(drawing)
            for anchor in root:
                tag = etree.QName(anchor).localname
                if tag not in ("twoCellAnchor", "oneCellAnchor"):
                    continue  # an absoluteAnchor sits over no cell
                start = anchor.find(f"{{{_XDR}}}from")
                blip = anchor.find(f".//{{{_XDR}}}pic//{{{_A}}}blip")
                if start is None or blip is None:
                    continue  # a shape or chart, not a picture
                row = _int(start.findtext(f"{{{_XDR}}}row")) + 1
                col = _int(start.findtext(f"{{{_XDR}}}col")) + 1
                target = targets.get(blip.get(f"{{{_REL}}}embed", ""), "")
                out.append(self._picture(row, col, target, max_bytes))
        return out

    def _in_cells(self, sheet_part: str, max_bytes: int) -> list[SheetPicture]:
        images = self._rich_value_images()
        if not images:
            return []
        out = []
        root = self._xml(sheet_part)
        if root is None:
            return []
        for cell in root.iter(f"{{{_MAIN}}}c"):
            vm = cell.get("vm")
            if vm is None or not vm.isdigit():
                continue
            target = images.get(int(vm))
            if target is None:
                continue  # a rich value that is no picture (a linked data type)
            try:
                row, col = parse_a1(cell.get("r", ""))
            except ValueError:
                continue
            out.append(self._picture(row, col, target, max_bytes))
        return out

    def _rich_value_images(self) -> dict[int, str]:
        """vm index (1-based) → image part, for every rich value that is a local image."""
        metadata = self._xml("xl/metadata.xml")
        values = self._xml("xl/richData/rdrichvalue.xml")
        structures = self._xml("xl/richData/rdrichvaluestructure.xml")
        rels = self._xml("xl/richData/richValueRel.xml")
        if metadata is None or values is None or structures is None or rels is None:
            return {}
        # the position of the image key in each structure that has one
        key_index: dict[int, int] = {}
        for i, s in enumerate(structures.iter(f"{{{_RICH}}}s")):
            keys = [k.get("n") for k in s.iter(f"{{{_RICH}}}k")]
            if _LOCAL_IMAGE_KEY in keys:
                key_index[i] = keys.index(_LOCAL_IMAGE_KEY)
        rel_targets = self._relationships("xl/richData/richValueRel.xml")
        rel_ids = [r.get(f"{{{_REL}}}id", "") for r in rels.iter(f"{{{_RICH_REL}}}rel")]
        image_of_value: dict[int, str] = {}
        for i, rv in enumerate(values.iter(f"{{{_RICH}}}rv")):
            index = key_index.get(_int(rv.get("s")))
            fields = [v.text or "" for v in rv.iter(f"{{{_RICH}}}v")]
            if index is None or index >= len(fields):
                continue
            rel = _int(fields[index], -1)
            if 0 <= rel < len(rel_ids):
                image_of_value[i] = rel_targets.get(rel_ids[rel], "")
        # valueMetadata block n (vm = n+1) → futureMetadata block → rich value index
        future = metadata.find(f"{{{_MAIN}}}futureMetadata[@name='XLRICHVALUE']")
        future_values = (
            [_int(b.get("i")) for b in future.iter(f"{{{_RICH}}}rvb")] if future is not None else []
        )
        out = {}
        value_meta = metadata.find(f"{{{_MAIN}}}valueMetadata")
        if value_meta is None:
            return {}
        for n, block in enumerate(value_meta.iter(f"{{{_MAIN}}}bk"), start=1):
            rc = block.find(f"{{{_MAIN}}}rc")
            if rc is None:
                continue
            v = _int(rc.get("v"))
            if 0 <= v < len(future_values) and future_values[v] in image_of_value:
                out[n] = image_of_value[future_values[v]]
        return out

    def _picture(self, row: int, col: int, target: str, max_bytes: int) -> SheetPicture:
        if target not in self._names:
            return SheetPicture(row, col, target, 0, None)
        size = self._zip.getinfo(target).file_size
        if size > max_bytes:
            return SheetPicture(row, col, target, size, None)
        if target not in self._images:
            self._images[target] = self._zip.read(target)
        return SheetPicture(row, col, target, size, self._images[target])

    # -- package plumbing ---------------------------------------------------------------------

    def _xml(self, part: str) -> etree._Element | None:
        if part not in self._names:
            return None
        try:
            return etree.fromstring(self._zip.read(part), _SAFE_XML)
        except etree.XMLSyntaxError:
            return None

    def _relationships(self, part: str) -> dict[str, str]:
        """Relationship id → target part (resolved against `part`'s folder) of one part."""
        root = self._xml(rels_path(part))
        if root is None:
            return {}
        return {
            rel.get("Id", ""): resolve(part, rel.get("Target", ""))
            for rel in root.iter(f"{{{_PKG_REL}}}Relationship")
            if rel.get("TargetMode") != "External"
        }

    def _related(self, part: str, type_suffix: str) -> list[str]:
        root = self._xml(rels_path(part))
        if root is None:
            return []
        targets = self._relationships(part)
        return [
            targets[rel.get("Id", "")]
            for rel in root.iter(f"{{{_PKG_REL}}}Relationship")
            if rel.get("Type", "").endswith(type_suffix) and rel.get("Id", "") in targets
        ]

    def _map_sheet_parts(self) -> dict[str, str]:
        """Sheet title → its XML part (the same mapping the cell reader makes)."""
        workbook = self._xml("xl/workbook.xml")
        if workbook is None:
            return {}
        targets = self._relationships("xl/workbook.xml")
        return {
            sheet.get("name", ""): targets.get(sheet.get(f"{{{_REL}}}id", ""), "")
            for sheet in workbook.iter(f"{{{_MAIN}}}sheet")
        }


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text or "")
    except ValueError:
        return default


def sniff_image(data: bytes) -> str | None:
    """'png' or 'jpeg' from the file's magic bytes; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None
