"""An .xlsx package opened for patching: the filled and marked copies are the staff's own file
with a few parts changed, never a workbook rebuilt by a library.

Loading a workbook into openpyxl and saving it again drops what openpyxl does not model (charts,
pictures, text boxes, sparklines and other Excel extensions) and the cached results of every
formula, so the copy then fails its own validation. Here the zip is copied entry by entry; only
the parts the tool writes are parsed (lxml, no entity expansion, no network) and written back:
the sheets it writes cells into, `xl/styles.xml`, `xl/workbook.xml` with its relationships and
`[Content_Types].xml` when a sheet is added, and comment parts. Every other part is copied
byte for byte.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lkjip_xl.base.opc import rels_path, resolve

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_WORKSHEET = f"{NS_REL}/worksheet"
REL_CALC_CHAIN = f"{NS_REL}/calcChain"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_SAFE_XML = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False
)


def parse_xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _SAFE_XML)


def to_bytes(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


@dataclass(frozen=True)
class SheetEntry:
    name: str
    part: str
    element: etree._Element  # the <sheet> of xl/workbook.xml


class Package:
    """The parts of an .xlsx: read on demand, parsed once, written back only when changed."""

    def __init__(self, path: str | Path) -> None:
        self._zip = zipfile.ZipFile(path)
        self._infos = self._zip.infolist()
        self._names = {i.filename for i in self._infos}
        self._trees: dict[str, etree._Element] = {}
        self._data: dict[str, bytes] = {}  # parts replaced or added as bytes
        self._added: list[str] = []
        self._removed: set[str] = set()

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- parts ------------------------------------------------------------------------------

    def has(self, part: str) -> bool:
        return part not in self._removed and (
            part in self._names or part in self._data or part in self._trees
        )

    def read(self, part: str) -> bytes:
        if part in self._trees:
            return to_bytes(self._trees[part])
        if part in self._data:
            return self._data[part]
        return self._zip.read(part)

    def tree(self, part: str) -> etree._Element:
        """The part parsed, to be changed in place; it is written back on save."""
        if part not in self._trees:
            self._trees[part] = parse_xml(self.read(part))
            self._data.pop(part, None)
        return self._trees[part]

    def peek(self, part: str) -> etree._Element:
        """The part parsed, to read only: it is not written back unless changed through tree()."""
        if part in self._trees:
            return self._trees[part]
        return parse_xml(self.read(part))

    def put(self, part: str, data: bytes | etree._Element) -> None:
        if not (part in self._names or part in self._data or part in self._trees):
            self._added.append(part)
        self._removed.discard(part)
        if isinstance(data, bytes):
            self._trees.pop(part, None)
            self._data[part] = data
        else:
            self._data.pop(part, None)
            self._trees[part] = data

    def remove(self, part: str) -> None:
        self._removed.add(part)
        self._trees.pop(part, None)
        self._data.pop(part, None)

    def free_name(self, pattern: str) -> str:
        """The first unused part name of a pattern with one {} for a number."""
        n = 1
        while self.has(pattern.format(n)) or pattern.format(n) in self._names:
            n += 1
        return pattern.format(n)

    def save(self, target: str | Path) -> None:
        """Write the package: unchanged parts byte for byte, in their original order."""
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in self._infos:
                name = info.filename
                if name in self._removed:
                    continue
                if name in self._trees or name in self._data:
                    out.writestr(_same_entry(info), self.read(name))
                else:
                    out.writestr(_same_entry(info), self._zip.read(name))
            for name in self._added:
                if name not in self._removed:
                    entry = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
                    entry.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo is stored otherwise
                    out.writestr(entry, self.read(name))

    # -- relationships and content types ---------------------------------------------------

    def relationships(self, part: str) -> etree._Element:
        path = rels_path(part)
        if not self.has(path):
            self.put(
                path, etree.Element(f"{{{NS_PKG_REL}}}Relationships", nsmap={None: NS_PKG_REL})
            )
        return self.tree(path)

    def related(self, part: str, rel_type: str) -> list[tuple[str, str]]:
        """(id, target part) of each relationship of a type from a part."""
        path = rels_path(part)
        if not self.has(path):
            return []
        return [
            (r.get("Id", ""), resolve(part, r.get("Target", "")))
            for r in self.peek(path).iter(f"{{{NS_PKG_REL}}}Relationship")
            if r.get("Type") == rel_type and r.get("TargetMode") != "External"
        ]

    def relate(self, part: str, rel_type: str, target: str) -> str:
        """Add a relationship from `part` to the package path `target`; returns its id."""
        rels = self.relationships(part)
        taken = {r.get("Id") for r in rels}
        numbers = [int(m.group(1)) for i in taken if i and (m := re.fullmatch(r"rId(\d+)", i))]
        n = max(numbers, default=0) + 1
        while f"rId{n}" in taken:
            n += 1
        rel = etree.SubElement(rels, f"{{{NS_PKG_REL}}}Relationship")
        rel.set("Id", f"rId{n}")
        rel.set("Type", rel_type)
        rel.set("Target", posixpath.relpath(target, posixpath.dirname(part)))
        return f"rId{n}"

    def unrelate(self, part: str, rel_id: str) -> None:
        rels = self.relationships(part)
        for rel in list(rels):
            if rel.get("Id") == rel_id:
                rels.remove(rel)

    def content_type(self, part: str, content_type: str) -> None:
        """Declare a part's content type (an Override), unless its extension's default says it."""
        types = self.tree("[Content_Types].xml")
        name = "/" + part
        for o in types.iter(f"{{{NS_CT}}}Override"):
            if o.get("PartName") == name:
                o.set("ContentType", content_type)
                return
        override = etree.SubElement(types, f"{{{NS_CT}}}Override")
        override.set("PartName", name)
        override.set("ContentType", content_type)

    def default_type(self, extension: str, content_type: str) -> None:
        types = self.tree("[Content_Types].xml")
        if any(
            d.get("Extension", "").lower() == extension for d in types.iter(f"{{{NS_CT}}}Default")
        ):
            return
        default = etree.Element(f"{{{NS_CT}}}Default")
        default.set("Extension", extension)
        default.set("ContentType", content_type)
        types.insert(0, default)

    def forget_type(self, part: str) -> None:
        types = self.tree("[Content_Types].xml")
        for o in list(types.iter(f"{{{NS_CT}}}Override")):
            if o.get("PartName") == "/" + part:
                types.remove(o)

    # -- the workbook's sheets ---------------------------------------------------------------

    @property
    def workbook_part(self) -> str:
        return "xl/workbook.xml"

    def sheets(self) -> list[SheetEntry]:
        """The workbook's sheets in tab order, with their parts."""
        wb = self.peek(self.workbook_part)
        targets = dict(self.related(self.workbook_part, REL_WORKSHEET))
        found = []
        for sheet in wb.iter(f"{{{NS_MAIN}}}sheet"):
            part = targets.get(sheet.get(f"{{{NS_REL}}}id", ""))
            if part:
                found.append(SheetEntry(sheet.get("name", ""), part, sheet))
        return found

    def sheet_part(self, name: str) -> str | None:
        return next((s.part for s in self.sheets() if s.name == name), None)

    def put_sheet(self, name: str, xml: bytes, first: bool) -> None:
        """Write a sheet of the tool's own: its content replaced when the workbook has one by
        that name (a copy of a copy), else a new sheet, first in tab order or last."""
        existing = next((s for s in self.sheets() if s.name == name), None)
        if existing is not None:
            self.put(existing.part, xml)
            if self.has(rels_path(existing.part)):
                self.remove(rels_path(existing.part))  # its old drawings are not ours to keep
            return
        part = self.free_name("xl/worksheets/sheet{}.xml")
        self.put(part, xml)
        self.content_type(part, CT_WORKSHEET)
        rel_id = self.relate(self.workbook_part, REL_WORKSHEET, part)
        wb = self.tree(self.workbook_part)
        sheets = wb.find(f"{{{NS_MAIN}}}sheets")
        assert sheets is not None, "xl/workbook.xml without <sheets>"
        ids = [int(s.get("sheetId", "0")) for s in sheets]
        sheet = etree.Element(f"{{{NS_MAIN}}}sheet")
        sheet.set("name", name)
        sheet.set("sheetId", str(max(ids, default=0) + 1))
        sheet.set(f"{{{NS_REL}}}id", rel_id)
        if first:
            sheets.insert(0, sheet)
            _shift_sheet_indexes(wb)
        else:
            sheets.append(sheet)

    def drop_calc_chain(self) -> None:
        """Remove the calculation chain (Excel rebuilds it): it would list formulas the tool
        replaced with values, which Excel reports as damage."""
        for rel_id, part in self.related(self.workbook_part, REL_CALC_CHAIN):
            self.unrelate(self.workbook_part, rel_id)
            self.remove(part)
            self.forget_type(part)


def _shift_sheet_indexes(wb: etree._Element) -> None:
    """After a sheet is put first: sheet-scoped names and the open tab keep pointing at theirs."""
    for name in wb.iter(f"{{{NS_MAIN}}}definedName"):
        local = name.get("localSheetId")
        if local is not None and local.isdigit():
            name.set("localSheetId", str(int(local) + 1))
    for view in wb.iter(f"{{{NS_MAIN}}}workbookView"):
        active = view.get("activeTab")
        view.set("activeTab", str(int(active) + 1 if active and active.isdigit() else 1))


def _same_entry(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = info.external_attr
    return entry
