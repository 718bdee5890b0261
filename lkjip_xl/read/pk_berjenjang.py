"""The `PK Berjenjang` sheet: one indicator of one pejabat's Perjanjian Kinerja a row."""

from __future__ import annotations

import re

from lkjip_xl.base.errors import BadValue
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import CascadeRow
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.kinds import parse_code
from lkjip_xl.read.lenient import lenient_measure
from lkjip_xl.read.locate import Table

_SEPARATORS = re.compile(r"[;\n,]+")


def read_cascade(table: Table, findings: list[Finding]) -> tuple[CascadeRow, ...]:
    cells = CellReader(table, findings)
    rows = []
    for r in table.data_rows:
        jabatan, indikator = cells.text(r, "jabatan"), cells.text(r, "indikator")
        if not jabatan or not indikator:
            continue  # value-required already says which
        rows.append(
            CascadeRow(
                row=r,
                jabatan=jabatan,
                indikator=indikator,
                target=lenient_measure(table, r, "target", findings),
                sasaran=cells.text(r, "sasaran"),
                satuan=cells.text(r, "satuan"),
                kode_sasaran=cells.text(r, "kode_sasaran"),
                kodes=_codes(cells, r, findings),
                pagu=cells.amount(r, "pagu"),
            )
        )
    return tuple(rows)


def _codes(cells: CellReader, r: int, findings: list[Finding]) -> tuple[str, ...]:
    """'7.01.01; 7.01.02.2.01' → each code checked like the Anggaran's `Kode` column."""
    text = cells.text(r, "kode")
    codes = []
    for part in (p.strip() for p in _SEPARATORS.split(text)):
        if not part:
            continue
        try:
            codes.append(parse_code(part, None, cells.table.spec.column("kode")))
        except BadValue as bad:
            findings.append(finding(bad.code, cells.sheet, cells.ref(r, "kode"), **bad.params))
    return tuple(dict.fromkeys(codes))
