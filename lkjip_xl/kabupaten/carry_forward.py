"""Next year's workbook from this year's: what stays, what moves to "last year", what empties,
and the year just reported appended to the history sheets.

Values are copied as typed in the source cells (never re-formatted), so text a reader would
flag is carried too and nothing is lost; the new file is the current standard template (a
version 1 workbook comes out as version 2, with `Riwayat` started).

- Identitas: kept, Tahun Laporan + 1; the two signing dates and Tahun Perjanjian Kinerja emptied.
- Sasaran: every indicator row kept; Target and Realisasi move to Target/Realisasi Tahun Lalu;
  this year's analysis (faktor pendukung, penghambat, solusi) emptied; Renstra target kept.
- Anggaran: codes, names, levels, links to sasaran and indicators kept; amounts and performance
  emptied; Realisasi moves to Realisasi Tahun Lalu.
- Belanja: kinds kept, Realisasi moves to Realisasi Tahun Lalu, amounts emptied.
- SKM: emptied (its extra answer columns stay). Unsur SKM, Skala: kept.
- Desa: names, status and area kept; population and KK emptied (they change every year).
- Pegawai, Renstra, Gambar (pictures included): kept.
- Riwayat: kept, and each indicator's Target and Realisasi of the year just reported appended.
- Riwayat Anggaran: kept, and the unit's total pagu and realisasi of that year appended (and
  each program's, when the Anggaran has codes).
- Rencana Aksi: rows and quarterly targets kept; realisations and pagu emptied.
- PK Berjenjang: kept; the pagu shares emptied (next year's budget is new).
- Narasi: the parts that describe the office (gambaran umum, landasan hukum, kedudukan …) kept,
  the year's own parts emptied. Free 'Tabel …' sheets copied, merged cells included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.base.errors import BadValue
from lkjip_xl.base.files import refuse_overwrite
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding, has_errors
from lkjip_xl.contract.records import Indicator
from lkjip_xl.contract.schema import (
    ANGGARAN_SHEET,
    BELANJA_SHEET,
    DESA_SHEET,
    GAMBAR_SHEET,
    IDENTITY_SHEET,
    NARASI_SHEET,
    NARRATIVE_PART,
    PEGAWAI_SHEET,
    PK_BERJENJANG_SHEET,
    RENCANA_AKSI_SHEET,
    RENSTRA_SHEET,
    RIWAYAT_ANGGARAN_SHEET,
    RIWAYAT_SHEET,
    SASARAN_SHEET,
    SETTINGS,
    SKALA_SHEET,
    SKM_SHEET,
    UNSUR_SHEET,
    Kind,
    narrative_part,
    normalize,
    setting,
)
from lkjip_xl.read.anggaran import read_budget
from lkjip_xl.read.bounds import sheet_name_findings
from lkjip_xl.read.gambar import read_pictures
from lkjip_xl.read.hierarchy import rolled_up
from lkjip_xl.read.kinds import parse_year
from lkjip_xl.read.locate import Table
from lkjip_xl.read.numbers import cell_number
from lkjip_xl.read.package import Package
from lkjip_xl.read.sasaran import read_indicators
from lkjip_xl.read.sheets import ContractSheets
from lkjip_xl.read.source import Grid, XlsxSource, is_blank
from lkjip_xl.write.template import CopiedSheet, Rows, write_template

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
    DESA_SHEET.name: {"penduduk_l": None, "penduduk_p": None, "jumlah_kk": None},
    RENCANA_AKSI_SHEET.name: {
        **{f"realisasi_tw{i}": None for i in range(1, 5)},
        "pagu": None,
    },
    PK_BERJENJANG_SHEET.name: {"pagu": None},
}
_KEPT_SHEETS = (
    SASARAN_SHEET,
    ANGGARAN_SHEET,
    BELANJA_SHEET,
    DESA_SHEET,
    UNSUR_SHEET,
    SKALA_SHEET,
    PEGAWAI_SHEET,
    RENSTRA_SHEET,
    RIWAYAT_SHEET,
    RIWAYAT_ANGGARAN_SHEET,
    RENCANA_AKSI_SHEET,
    PK_BERJENJANG_SHEET,
)
_EMPTIED_SETTINGS = frozenset({"tanggal", "tanggal_pk", "tahun_pk"})
# Narasi parts that describe the office rather than the year: they stay.
_KEPT_NARRATIVE = frozenset(
    {
        "gambaran_umum",
        "landasan_hukum",
        "kedudukan_tugas_fungsi",
        "struktur_organisasi",
        "rencana_strategis",
        "sistematika",
    }
)


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
        findings.extend(sheet_name_findings(src.sheet_names))  # its free sheets are copied
        if has_errors(findings):
            return CarryForward(None, None, findings=findings)
        sheets = ContractSheets(src, findings)
        identity_table = sheets.table(IDENTITY_SHEET)
        prefill, year = _identity(identity_table, findings) if identity_table else ({}, None)
        rows: dict[str, Rows] = {}
        tables: dict[str, Table] = {}
        for spec in _KEPT_SHEETS:
            table = sheets.table(spec)
            if table is not None:
                tables[spec.name] = table
                rows[spec.name] = _moved_rows(table)
        if sheets.grid(SKM_SHEET) is not None:
            rows[SKM_SHEET.name] = []
        rows[NARASI_SHEET.name] = _narrative_rows(sheets.table(NARASI_SHEET))
        gambar = sheets.table(GAMBAR_SHEET)
        if gambar is not None:
            rows[GAMBAR_SHEET.name] = _picture_rows(gambar, Path(source))
        if year is not None:
            rows[RIWAYAT_SHEET.name] = [
                *rows.get(RIWAYAT_SHEET.name, []),
                *_history_rows(tables.get(SASARAN_SHEET.name), year, rows.get(RIWAYAT_SHEET.name)),
            ]
            rows[RIWAYAT_ANGGARAN_SHEET.name] = [
                *rows.get(RIWAYAT_ANGGARAN_SHEET.name, []),
                *_budget_history_rows(tables.get(ANGGARAN_SHEET.name), year, findings),
            ]
        extra_sheets = _free_tables(sheets, Path(source))
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
    kinds = {c.key: c.kind for c in spec.columns_of(table.columns)}
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
            key = narrative_part(str(grid.value(r, table.columns["bagian"]) or ""))
            text = grid.value(r, table.columns["teks"])
            if key in _KEPT_NARRATIVE and not is_blank(text):
                kept[key] = text
    return [{"bagian": c.label, "teks": kept.get(c.key)} for c in NARRATIVE_PART.choices]


def _picture_rows(table: Table, source: Path) -> Rows:
    """Each row's Bagian, with its picture when it has one (placed again over the cell)."""
    pictures = {p.row: p for p in read_pictures(table, source, [])}
    column = table.columns.get("bagian")
    out: list[dict[str, object]] = []
    for r in table.data_rows:
        bagian = table.grid.value(r, column) if column else None
        if not is_blank(bagian):
            out.append({"bagian": bagian, "gambar": pictures.get(r)})
    return out


def _history_rows(
    sasaran: Table | None, year: int, existing: Rows | None
) -> list[dict[str, object]]:
    """Each indicator's Target and Realisasi of the year just reported, as typed, unless
    `Riwayat` already has that indicator-year."""
    if sasaran is None:
        return []
    indicators: tuple[Indicator, ...] = read_indicators(sasaran, [])
    have = {
        (
            str(r.get("tahun")),
            normalize(r.get("kode_sasaran") or ""),
            normalize(r.get("indikator") or ""),
        )
        for r in existing or ()
    }
    grid, columns = sasaran.grid, sasaran.columns
    out: list[dict[str, object]] = []
    for ind in indicators:
        if (str(year), normalize(ind.kode_sasaran), normalize(ind.indikator)) in have:
            continue
        out.append(
            {
                "tahun": year,
                "kode_sasaran": ind.kode_sasaran,
                "indikator": ind.indikator,
                "target": _typed(grid, ind.row, columns.get("target")),
                "realisasi": _typed(grid, ind.row, columns.get("realisasi")),
            }
        )
    return out


def _budget_history_rows(
    anggaran: Table | None, year: int, findings: list[Finding]
) -> list[dict[str, object]]:
    """The unit's total pagu and realisasi of the year just reported, and each program's when
    programs have codes; nothing (with a warning) while an amount cannot be read."""
    if anggaran is None:
        return []
    read_findings: list[Finding] = []
    budget = read_budget(anggaran, read_findings)
    if not budget:
        return []
    if has_errors(read_findings):
        findings.append(
            finding(
                "carry-budget-history-skipped",
                anggaran.grid.title,
                a1(anggaran.header_row, 1),
                year=year,
            )
        )
        return []
    pagu, realisasi = rolled_up(budget, "pagu"), rolled_up(budget, "realisasi")
    tops = [i for i, row in enumerate(budget) if row.parent is None]
    out: list[dict[str, object]] = [
        {
            "tahun": year,
            "pagu": sum(pagu[i] or 0 for i in tops),
            "realisasi": sum(realisasi[i] or 0 for i in tops),
        }
    ]
    out += [
        {
            "tahun": year,
            "kode": budget[i].kode,
            "uraian": budget[i].uraian,
            "pagu": pagu[i],
            "realisasi": realisasi[i],
        }
        for i in tops
        if budget[i].kode and budget[i].level == "program"
    ]
    return out


def _free_tables(sheets: ContractSheets, source: Path) -> list[CopiedSheet]:
    grids = sheets.free_tables()
    if not grids:
        return []
    with Package(source) as package:
        return [
            CopiedSheet(
                grid.title,
                _values(grid),
                tuple(
                    (m.first_row, m.first_col, m.last_row, m.last_col)
                    for m in package.merges(grid.title)
                ),
            )
            for grid in grids
        ]


def _typed(grid: Grid, row: int, col: int | None) -> object:
    if col is None:
        return None
    return _cell(grid, row, col, Kind.MEASURE)


def _cell(grid: Grid, row: int, col: int, kind: Kind) -> object:
    """A cell's value as typed; a percent-formatted number becomes the percentage it shows."""
    value = grid.value(row, col)
    if kind in (Kind.MEASURE, Kind.NUMBER) and type(value) in (int, float):
        return cell_number(value, grid.number_format(row, col))  # the reader's percent rule
    return value


def _values(grid: Grid) -> list[list[object]]:
    return [list(row) for row in grid.values]
