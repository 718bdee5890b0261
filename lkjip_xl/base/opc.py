"""Paths inside an Office package (OPC, the zip of an .xlsx or .docx): where a part's
relationships live and what a relationship target names. Used by the reader of the staff's
workbook and by the writer that patches it, so that both find the same parts."""

from __future__ import annotations

import posixpath


def rels_path(part: str) -> str:
    """The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve(part: str, target: str) -> str:
    """A relationship target, relative to its source part, as a package path."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
