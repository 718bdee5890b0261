"""`lkjip fill`: a copy of the workbook with every derived column filled in as values.

The staff's own cells, formatting and sheets are kept; only derived columns are written (added
at the end of the header row when a sheet lacks one), plus two sheets the tool owns:
`Ringkasan` (headline figures) and `Perhitungan SKM` (laid out like the lampiran of seed 002).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from lkjip_xl.base.files import atomic_path, refuse_overwrite
from lkjip_xl.base.formatting import fmt_date
from lkjip_xl.calc import Results
from lkjip_xl.calc.skm import SkmResult
from lkjip_xl.contract.records import Workbook
from lkjip_xl.contract.schema import ANGGARAN_SHEET, SASARAN_SHEET, SheetSpec

SUMMARY_SHEET = "Ringkasan"
SKM_SHEET = "Perhitungan SKM"
PERCENT_FORMAT = "#,##0.00"
AMOUNT_FORMAT = "#,##0"
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_DERIVED_FILL = PatternFill("solid", start_color="D9D9D9", end_color="D9D9D9")
_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def write_filled_copy(
    wb_model: Workbook, results: Results, source: str | Path, target: str | Path
) -> Path:
    refuse_overwrite(target, source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(source)
    _fill_sasaran(book, wb_model, results)
    _fill_anggaran(book, wb_model, results)
    for name in (SUMMARY_SHEET, SKM_SHEET):
        if name in book.sheetnames:
            del book[name]
    _write_summary(book.create_sheet(SUMMARY_SHEET, 0), wb_model, results)
    if results.skm is not None and wb_model.skm:
        _write_skm_sheet(book.create_sheet(SKM_SHEET), wb_model, results.skm)
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = False
    book.active = 0
    book.worksheets[0].sheet_view.tabSelected = True
    with atomic_path(target) as tmp:
        book.save(tmp)
    return Path(target)


def _derived_columns(ws: Worksheet, model: Workbook, spec: SheetSpec) -> dict[str, int]:
    """Where each derived column is; a missing one is added after the last header."""
    layout = model.layout[spec.name]
    columns = {
        c.key: layout.columns[c.key] for c in spec.derived_columns if c.key in layout.columns
    }
    next_col = max([*layout.columns.values(), ws.max_column]) + 1
    for c in spec.derived_columns:
        if c.key not in columns:
            cell = ws.cell(row=layout.header_row, column=next_col, value=c.header)
            cell.font, cell.fill = (
                _HEADER_FONT,
                PatternFill("solid", start_color="7F7F7F", end_color="7F7F7F"),
            )
            columns[c.key] = next_col
            next_col += 1
    return columns


CellValue = float | int | str | None  # what the tool writes into a cell (None shows "-")


def _put(
    ws: Worksheet, row: int, col: int, value: CellValue, number_format: str | None = None
) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = "-" if value is None else value
    if number_format and value is not None:
        cell.number_format = number_format
    if cell.fill is None or cell.fill.fill_type is None:
        cell.fill = _DERIVED_FILL


def _fill_sasaran(book: OpenpyxlWorkbook, model: Workbook, results: Results) -> None:
    layout = model.layout[SASARAN_SHEET.name]
    ws = book[layout.title]
    cols = _derived_columns(ws, model, SASARAN_SHEET)
    for r in results.indicators:
        row = r.source.row
        _put(ws, row, cols["capaian"], r.capaian.value, PERCENT_FORMAT)
        _put(ws, row, cols["predikat"], r.predikat)
        _put(ws, row, cols["capaian_lalu"], r.capaian_lalu.value, PERCENT_FORMAT)
        _put(ws, row, cols["tren"], r.tren or None)
        _put(ws, row, cols["kemajuan_renstra"], r.kemajuan_renstra.value, PERCENT_FORMAT)


def _fill_anggaran(book: OpenpyxlWorkbook, model: Workbook, results: Results) -> None:
    layout = model.layout[ANGGARAN_SHEET.name]
    ws = book[layout.title]
    cols = _derived_columns(ws, model, ANGGARAN_SHEET)
    for line in results.budget:
        _put(ws, line.row, cols["sisa"], line.sisa, AMOUNT_FORMAT)
        _put(ws, line.row, cols["serapan"], line.serapan, PERCENT_FORMAT)
        _put(ws, line.row, cols["capaian_kinerja"], line.capaian_kinerja.value, PERCENT_FORMAT)


def _header(ws: Worksheet, row: int, values: list[str]) -> None:
    for col, v in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=v)
        cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _write_summary(ws: Worksheet, model: Workbook, results: Results) -> None:
    ident = model.identity
    ws["A1"] = f"Ringkasan LKjIP Kecamatan {ident.kecamatan} Tahun {ident.tahun or ''}".strip()
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"{ident.kabupaten}, {ident.provinsi}. Dihitung oleh lkjip dari buku kerja ini."
    _header(ws, 4, ["Ukuran", "Nilai", "Keterangan"])
    t = results.budget_totals
    rows: list[tuple[str, CellValue, str | None, str]] = [
        ("Rata-rata capaian IKU (%)", results.capaian_iku, PERCENT_FORMAT, results.predikat_iku),
    ]
    if results.skm is not None and results.skm.ikm is not None:
        rows.append(
            (
                "Indeks Kepuasan Masyarakat (IKM)",
                results.skm.ikm,
                PERCENT_FORMAT,
                f"Mutu {results.skm.mutu} ({results.skm.kinerja}); {results.skm.respondents} responden; "
                f"bobot {results.skm.weight_label}",
            )
        )
    rows += [
        (
            "Total pagu anggaran (Rp)",
            t.pagu,
            AMOUNT_FORMAT,
            f"{t.programs} program, {t.kegiatan} kegiatan, {t.sub_kegiatan} sub kegiatan",
        ),
        ("Total realisasi anggaran (Rp)", t.realisasi, AMOUNT_FORMAT, ""),
        ("Sisa anggaran (Rp)", t.sisa, AMOUNT_FORMAT, ""),
        ("Serapan anggaran (%)", t.serapan, PERCENT_FORMAT, ""),
    ]
    if t.pagu_sebelum is not None:
        rows.append(("Pagu sebelum perubahan (Rp)", t.pagu_sebelum, AMOUNT_FORMAT, ""))
        rows.append(("Bertambah/(berkurang) (Rp)", t.perubahan, AMOUNT_FORMAT, ""))
    r = 5
    for label, value, fmt, note in rows:
        ws.cell(row=r, column=1, value=label)
        _put_plain(ws, r, 2, value, fmt)
        ws.cell(row=r, column=3, value=note)
        r += 1

    r += 1
    ws.cell(row=r, column=1, value="Capaian dan efisiensi per sasaran").font = _BOLD
    r += 1
    _header(
        ws,
        r,
        [
            "Sasaran",
            "Capaian (%)",
            "Predikat",
            "Pagu (Rp)",
            "Realisasi (Rp)",
            "Serapan (%)",
            "Tingkat Efisiensi",
            "Kategori",
        ],
    )
    for s in results.sasaran:
        r += 1
        ws.cell(row=r, column=1, value=f"{s.code}. {s.sasaran}")
        _put_plain(ws, r, 2, s.capaian, PERCENT_FORMAT)
        ws.cell(row=r, column=3, value=s.predikat)
        _put_plain(ws, r, 4, s.pagu, AMOUNT_FORMAT)
        _put_plain(ws, r, 5, s.realisasi, AMOUNT_FORMAT)
        _put_plain(ws, r, 6, s.serapan, PERCENT_FORMAT)
        _put_plain(ws, r, 7, s.efisiensi, PERCENT_FORMAT)
        ws.cell(row=r, column=8, value=s.efisien or "-")
    if ident.tanggal:
        ws.cell(row=r + 2, column=1, value=f"Tanggal laporan: {fmt_date(ident.tanggal)}")
    for col, width in zip("ABCDEFGH", (48, 18, 40, 18, 18, 12, 14, 14), strict=True):
        ws.column_dimensions[col].width = width


def _put_plain(ws: Worksheet, row: int, col: int, value: CellValue, fmt: str | None) -> None:
    cell = ws.cell(row=row, column=col, value="-" if value is None else value)
    if fmt and value is not None:
        cell.number_format = fmt


def _write_skm_sheet(ws: Worksheet, model: Workbook, skm: SkmResult) -> None:
    codes = [e.code for e in skm.elements]
    ws["A1"] = f"PERHITUNGAN SURVEI KEPUASAN MASYARAKAT TAHUN {model.identity.tahun or ''}".strip()
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"KECAMATAN {model.identity.kecamatan.upper()}"
    _header(ws, 4, ["Nomor Responden", *codes])
    r = 5
    for n, response in enumerate(model.skm or (), start=1):
        ws.cell(row=r, column=1, value=n)
        for c, code in enumerate(codes, start=2):
            ws.cell(row=r, column=c, value=response.answers.get(code))
        r += 1
    summary: list[tuple[str, list[CellValue], str | None]] = [
        ("Nilai/Unsur", [e.total for e in skm.elements], "0"),
        ("Jumlah jawaban", [e.answers for e in skm.elements], "0"),
        ("NRR/Unsur", [e.nrr for e in skm.elements], "0.00"),
        (
            f"NRR Tertimbang/Unsur (bobot {skm.weight_label})",
            [e.weighted for e in skm.elements],
            "0.000",
        ),
        ("Mutu unsur", [e.mutu for e in skm.elements], None),
    ]
    for label, values, fmt in summary:
        ws.cell(row=r, column=1, value=label).font = _BOLD
        for c, v in enumerate(values, start=2):
            _put_plain(ws, r, c, v, fmt)
        r += 1
    r += 1
    for label, value, fmt in (
        ("Jumlah NRR tertimbang", skm.nrr_weighted_sum, "0.0000"),
        ("IKM unit pelayanan (× 25)", skm.ikm, "0.00"),
        ("Mutu pelayanan", f"{skm.mutu} ({skm.kinerja})", None),
    ):
        ws.cell(row=r, column=1, value=label).font = _BOLD
        _put_plain(ws, r, 2, value, fmt)
        r += 1
    ws.column_dimensions["A"].width = 38
    for c in range(2, len(codes) + 2):
        ws.column_dimensions[get_column_letter(c)].width = 8
    ws.freeze_panes = "B5"
