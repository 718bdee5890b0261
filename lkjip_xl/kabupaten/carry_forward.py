"""Next year's workbook from this year's: what stays, what moves to "last year", what empties.

Values are copied as typed in the source cells (never re-formatted), so text a reader would
flag is carried too and nothing is lost; the new file is the current standard template.

- Identitas: kept, Tahun Laporan + 1, the two signing dates emptied.
- Sasaran: every indicator row kept; Target and Realisasi move to Target/Realisasi Tahun Lalu;
  this year's analysis (faktor pendukung, penghambat, solusi) emptied; Renstra target kept.
- Anggaran: codes, names, levels, links to sasaran and indicators kept; amounts and performance
  emptied; Realisasi moves to Realisasi Tahun Lalu.
- Belanja: kinds kept, Realisasi moves to Realisasi Tahun Lalu, amounts emptied.
- SKM: emptied (its extra answer columns stay). Unsur SKM, Skala: kept.
- Desa: names, status and area kept; population emptied (it changes every year).
- Narasi: the Gambaran Umum kept, the other parts emptied. Free 'Tabel …' sheets copied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.base.errors import BadValue
from lkjip_xl.base.files import refuse_overwrite
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding, has_errors
from lkjip_xl.contract.schema import (
    ANGGARAN_SHEET,
    BELANJA_SHEET,
    DESA_SHEET,
    IDENTITY_SHEET,
    NARASI_SHEET,
    NARRATIVE_PART,
    SASARAN_SHEET,
    SETTINGS,
    SKALA_SHEET,
    SKM_SHEET,
    UNSUR_SHEET,
    Kind,
    setting,
)
from lkjip_xl.read.kinds import parse_year
from lkjip_xl.read.locate import Table
from lkjip_xl.read.numbers import cell_number
from lkjip_xl.read.sheets import ContractSheets
from lkjip_xl.read.source import Grid, XlsxSource, is_blank
from lkjip_xl.write.template import Rows, write_template

# key → where its value goes next year (None: emptied). Keys not listed are kept as they are.
_MOVES: dict[str, dict[str, str | None]] = {
    SASARAN_SHEET.name: {
        "target": "target_lalu",
        "realisasi": "realisasi_lalu",
        "target_lalu": None,
        "realisasi_lalu": None,
        "faktor_pendukung": None,
        "faktor_penghambat": None,
        "solusi": None,
    },
    ANGGARAN_SHEET.name: {
        "realisasi": "realisasi_lalu",
        "realisasi_lalu": None,
        "pagu": None,
        "pagu_sebelum": None,
        "target_kinerja": None,
        "realisasi_kinerja": None,
    },
    BELANJA_SHEET.name: {
        "realisasi": "realisasi_lalu",
        "realisasi_lalu": None,
        "anggaran": None,
        "anggaran_sebelum": None,
    },
    DESA_SHEET.name: {"penduduk_l": None, "penduduk_p": None},
}
_KEPT_SHEETS = (SASARAN_SHEET, ANGGARAN_SHEET, BELANJA_SHEET, DESA_SHEET, UNSUR_SHEET, SKALA_SHEET)
_EMPTIED_SETTINGS = frozenset({"tanggal", "tanggal_pk"})
_KEPT_NARRATIVE = frozenset({"gambaran_umum"})


@dataclass
class CarryForward:
    output: Path | None  # None when nothing was written
    year: int | None
    kecamatan: str = ""
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.output is not None


def carry_forward(source: str | Path, output: str | Path) -> CarryForward:
    """Write next year's workbook from `source` to `output`; with errors, write nothing."""
    refuse_overwrite(output, source)
    findings: list[Finding] = []
    with XlsxSource(source) as src:
        sheets = ContractSheets(src, findings)
        identity_table = sheets.table(IDENTITY_SHEET)
        prefill, year = _identity(identity_table, findings) if identity_table else ({}, None)
        rows: dict[str, Rows] = {}
        for spec in _KEPT_SHEETS:
            table = sheets.table(spec)
            if table is not None:
                rows[spec.name] = _moved_rows(table)
        if sheets.grid(SKM_SHEET) is not None:
            rows[SKM_SHEET.name] = []
        rows[NARASI_SHEET.name] = _narrative_rows(sheets.table(NARASI_SHEET))
        extra_sheets = [(grid.title, _values(grid)) for grid in sheets.free_tables()]
    if has_errors(findings) or year is None:
        return CarryForward(None, None, findings=findings)
    prefill["tahun"] = year + 1
    write_template(output, prefill, rows, extra_sheets)
    kecamatan = str(prefill.get("kecamatan") or "")
    return CarryForward(Path(output), year + 1, kecamatan, findings)


def _identity(table: Table, findings: list[Finding]) -> tuple[dict[str, object], int | None]:
    grid = table.grid
    if "label" not in table.columns or "value" not in table.columns:
        return {}, None
    label_col, value_col = table.columns["label"], table.columns["value"]
    prefill: dict[str, object] = {}
    year, year_row = None, None
    rows: dict[str, int] = {}
    for r in table.data_rows:
        s = next((s for s in SETTINGS if s.matches(grid.value(r, label_col))), None)
        if s is None or s.written_by_tool or s.key in prefill:
            continue
        value = _cell(grid, r, value_col, s.kind)
        rows[s.key] = r
        if s.key == "tahun":
            year_row = r
            if not is_blank(value):
                try:
                    year = parse_year(value)
                except BadValue as bad:
                    findings.append(finding(bad.code, grid.title, a1(r, value_col), **bad.params))
        elif s.key not in _EMPTIED_SETTINGS and not is_blank(value):
            prefill[s.key] = value
    if (
        year is None
        and year_row is None
        or (year_row is not None and is_blank(grid.value(year_row, value_col)))
    ):
        findings.append(
            finding(
                "value-required",
                grid.title,
                a1(year_row or table.header_row + 1, value_col),
                column=setting("tahun").label,
                hint="Tahun berikutnya dihitung dari Tahun Laporan; isi tahun 4 angka, mis. 2023.",
            )
        )
    period = _RENSTRA_PERIOD.search(str(prefill.get("periode_renstra", "")))
    if year is not None and period and year + 1 > int(period.group(2)):
        findings.append(
            finding(
                "renstra-period-ended",
                grid.title,
                a1(rows["periode_renstra"], value_col),
                period=period.group(0),
                year=year + 1,
            )
        )
    return prefill, year


_RENSTRA_PERIOD = re.compile(r"(\d{4})\s*(?:-|–|—|/|s\.?\s?d\.?|sampai)\s*(\d{4})")  # 2021-2026


def _moved_rows(table: Table) -> Rows:
    grid, spec = table.grid, table.spec
    moves = _MOVES.get(spec.name, {})
    kinds = {c.key: c.kind for c in spec.columns}
    out: list[dict[str, object]] = []
    for r in table.data_rows:
        old = {key: _cell(grid, r, col, kinds[key]) for key, col in table.columns.items()}
        new = {key: value for key, value in old.items() if key not in moves}
        for key, target in moves.items():
            if target is not None and key in old:
                new[target] = old[key]
        out.append(new)
    return out


def _narrative_rows(table: Table | None) -> Rows:
    kept: dict[str, object] = {}
    if table is not None and {"bagian", "teks"} <= table.columns.keys():
        grid = table.grid
        for r in table.data_rows:
            choice = NARRATIVE_PART.match(str(grid.value(r, table.columns["bagian"]) or ""))
            text = grid.value(r, table.columns["teks"])
            if choice and choice.key in _KEPT_NARRATIVE and not is_blank(text):
                kept[choice.key] = text
    return [{"bagian": c.label, "teks": kept.get(c.key)} for c in NARRATIVE_PART.choices]


def _cell(grid: Grid, row: int, col: int, kind: Kind) -> object:
    """A cell's value as typed; a percent-formatted number becomes the percentage it shows."""
    value = grid.value(row, col)
    if kind in (Kind.MEASURE, Kind.NUMBER) and type(value) in (int, float):
        return cell_number(value, grid.number_format(row, col))  # the reader's percent rule
    return value


def _values(grid: Grid) -> list[list[object]]:
    return [list(row) for row in grid.values]
