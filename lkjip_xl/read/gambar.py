"""The `Gambar` sheet: a picture per row (placed in the `Gambar` cell, or anchored over the row),
named by its `Bagian`: Logo, Peta Wilayah, Struktur Organisasi, or a lampiran caption.

A row with a Bagian and no picture is skipped (the blank template lists the usual rows); a
picture on no row with a Bagian is an error at its cell; only PNG and JPEG, each at most
MAX_PICTURE_BYTES, are read.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import Picture
from lkjip_xl.contract.schema import MAX_PICTURE_BYTES, PICTURE_PART
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.locate import Table
from lkjip_xl.read.package import Package, SheetPicture, sniff_image


def read_pictures(
    table: Table, workbook_path: str | Path, findings: list[Finding]
) -> tuple[Picture, ...]:
    cells = CellReader(table, findings)
    with Package(workbook_path) as package:
        found = package.pictures(table.grid.title, MAX_PICTURE_BYTES)
    by_row: dict[int, list[SheetPicture]] = defaultdict(list)
    for pic in found:
        by_row[pic.row].append(pic)
    # A row holding only a picture is blank to locate(), which ends the table there: read every
    # row below the header instead, so that no picture and no Bagian is lost.
    below = range(table.header_row + 1, max(table.grid.height, max(by_row, default=0)) + 1)
    bagian_of = {r: cells.text(r, "bagian") for r in below}
    pictures = []
    for row, pics in sorted(by_row.items()):
        bagian = bagian_of.get(row, "")
        first = pics[0]
        ref = a1(first.row, first.col)
        if not bagian:
            findings.extend(
                finding("gambar-no-bagian", cells.sheet, a1(p.row, p.col)) for p in pics
            )
            continue
        if len(pics) > 1:
            findings.append(
                finding("gambar-several", cells.sheet, ref, value=bagian, count=len(pics))
            )
            continue
        picture = _picture(first, row, ref, bagian, cells.sheet, findings)
        if picture is not None:
            pictures.append(picture)
    for row, bagian in bagian_of.items():
        if bagian and row not in by_row:
            findings.append(
                finding("gambar-empty", cells.sheet, cells.ref(row, "gambar"), value=bagian)
            )
    return tuple(pictures)


def _picture(
    pic: SheetPicture, row: int, ref: str, bagian: str, sheet: str, findings: list[Finding]
) -> Picture | None:
    if pic.data is None:
        if pic.size > MAX_PICTURE_BYTES:
            findings.append(
                finding(
                    "gambar-too-large",
                    sheet,
                    ref,
                    value=bagian,
                    size=f"{pic.size / 2**20:.1f}".replace(".", ","),
                    limit=MAX_PICTURE_BYTES // 2**20,
                )
            )
        else:
            findings.append(finding("gambar-unreadable", sheet, ref, value=bagian))
        return None
    kind = sniff_image(pic.data)
    if kind is None:
        findings.append(finding("gambar-format", sheet, ref, value=bagian))
        return None
    choice = PICTURE_PART.match(bagian)
    return Picture(row, ref, bagian, choice.key if choice else "", kind, pic.data)
