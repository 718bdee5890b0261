"""`lkjip fill`: a copy of the workbook with every derived column filled in as values.

The copy is the staff's own file with a few parts patched (write/xlsx_package.py): the derived
cells of Sasaran and Anggaran written into those sheets' XML (a missing derived column added
after the last header), their styles appended to styles.xml, and two sheets the tool owns:
`Ringkasan` (headline figures, first) and `Perhitungan SKM` (laid out like the lampiran of seed
002, last). Every other part (the staff's formulas with their cached results, charts, pictures,
text boxes, sparklines, defined names) is copied byte for byte, so the copy validates again.
"""

from __future__ import annotations

from pathlib import Path

from lkjip_xl.base.files import atomic_path, refuse_overwrite
from lkjip_xl.base.formatting import fmt_date
from lkjip_xl.base.names import workbook_copy_name
from lkjip_xl.calc import Results
from lkjip_xl.calc.skm import SkmResult
from lkjip_xl.contract.records import Workbook
from lkjip_xl.contract.schema import (
    ANGGARAN_SHEET,
    SASARAN_SHEET,
    SKM_CALCULATION_SHEET_NAME,
    SUMMARY_SHEET_NAME,
    SheetSpec,
)
from lkjip_xl.write.xlsx_cells import CellValue, SheetCells
from lkjip_xl.write.xlsx_copy import OpenCopy, open_copy
from lkjip_xl.write.xlsx_new_sheet import NewSheet
from lkjip_xl.write.xlsx_styles import Look, Styles

SUMMARY_SHEET = SUMMARY_SHEET_NAME
SKM_SHEET = SKM_CALCULATION_SHEET_NAME
PERCENT_FORMAT = "#,##0.00"
AMOUNT_FORMAT = "#,##0"
_DERIVED = "D9D9D9"
_HEADER = Look(
    bold=True,
    font_color="FFFFFF",
    fill="1F4E79",
    border="BFBFBF",
    align=(("horizontal", "center"), ("vertical", "center"), ("wrapText", "1")),
)
_ADDED_HEADER = Look(bold=True, font_color="FFFFFF", fill="7F7F7F")
_BOLD = Look(bold=True)


def write_filled_copy(
    wb_model: Workbook, results: Results, source: str | Path, target: str | Path
) -> Path:
    """Write the filled copy; returns where (a name ending in .ods is written as .xlsx)."""
    target = workbook_copy_name(target)
    refuse_overwrite(target, source)
    with open_copy(source) as copy:
        styles = Styles(copy.package)
        _fill_sheet(copy, styles, wb_model, SASARAN_SHEET, _sasaran_values(results))
        _fill_sheet(copy, styles, wb_model, ANGGARAN_SHEET, _anggaran_values(results))
        summary = _summary_sheet(styles, wb_model, results)
        copy.package.put_sheet(SUMMARY_SHEET, summary.xml(), first=True)
        if results.skm is not None and wb_model.skm:
            skm = _skm_sheet(styles, wb_model, results.skm)
            copy.package.put_sheet(SKM_SHEET, skm.xml(), first=False)
        with atomic_path(target) as tmp:
            copy.package.save(tmp)
    return target


Row = tuple[int, dict[str, tuple[CellValue, str | None]]]  # (row, key → (value, number format))


def _sasaran_values(results: Results) -> list[Row]:
    return [
        (
            r.source.row,
            {
                "capaian": (r.capaian.value, PERCENT_FORMAT),
                "predikat": (r.predikat, None),
                "capaian_lalu": (r.capaian_lalu.value, PERCENT_FORMAT),
                "tren": (r.tren or None, None),
                "kemajuan_renstra": (r.kemajuan_renstra.value, PERCENT_FORMAT),
            },
        )
        for r in results.indicators
    ]


def _anggaran_values(results: Results) -> list[Row]:
    return [
        (
            line.row,
            {
                "sisa": (line.sisa, AMOUNT_FORMAT),
                "serapan": (line.serapan, PERCENT_FORMAT),
                "capaian_kinerja": (line.capaian_kinerja.value, PERCENT_FORMAT),
            },
        )
        for line in results.budget
    ]


def _fill_sheet(
    copy: OpenCopy, styles: Styles, model: Workbook, spec: SheetSpec, rows: list[Row]
) -> None:
    layout = model.layout[spec.name]
    part = copy.package.sheet_part(copy.sheet_name(layout.title))
    if part is None:
        return
    cells = SheetCells(copy.package.tree(part))
    columns = {
        c.key: layout.columns[c.key] for c in spec.derived_columns if c.key in layout.columns
    }
    next_col = max([*layout.columns.values(), cells.max_column()]) + 1
    for c in spec.derived_columns:  # a missing derived column is added after the last header
        if c.key not in columns:
            style = styles.style(cells.style_of(layout.header_row, next_col), _ADDED_HEADER)
            cells.set_value(layout.header_row, next_col, c.header, style)
            columns[c.key] = next_col
            next_col += 1
    for row, values in rows:
        for key, (value, number_format) in values.items():
            col = columns[key]
            look = Look(
                num_format=number_format if value is not None else None,
                fill=_DERIVED,
                fill_only_if_none=True,
            )
            style = styles.style(cells.style_of(row, col), look)
            cells.set_value(row, col, "-" if value is None else value, style)
    cells.fit_dimension()
    if cells.formula_removed:
        copy.package.drop_calc_chain()


def _summary_sheet(styles: Styles, model: Workbook, results: Results) -> NewSheet:
    ident = model.identity
    ws = NewSheet()
    title = styles.style(0, Look(bold=True, font_size=14))
    ws.put(
        1,
        1,
        f"Ringkasan LKjIP Kecamatan {ident.kecamatan} Tahun {ident.tahun or ''}".strip(),
        title,
    )
    ws.put(2, 1, f"{ident.kabupaten}, {ident.provinsi}. Dihitung oleh lkjip dari buku kerja ini.")
    header = styles.style(0, _HEADER)
    for c, text in enumerate(["Ukuran", "Nilai", "Keterangan"], start=1):
        ws.put(4, c, text, header)
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
        ws.put(r, 1, label)
        _put_plain(ws, styles, r, 2, value, fmt)
        ws.put(r, 3, note or None)
        r += 1

    r += 1
    ws.put(r, 1, "Capaian dan efisiensi per sasaran", styles.style(0, _BOLD))
    r += 1
    headers = [
        "Sasaran",
        "Capaian (%)",
        "Predikat",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Serapan (%)",
        "Tingkat Efisiensi",
        "Kategori",
    ]
    for c, text in enumerate(headers, start=1):
        ws.put(r, c, text, header)
    for s in results.sasaran:
        r += 1
        ws.put(r, 1, f"{s.code}. {s.sasaran}")
        _put_plain(ws, styles, r, 2, s.capaian, PERCENT_FORMAT)
        ws.put(r, 3, s.predikat or None)
        _put_plain(ws, styles, r, 4, s.pagu, AMOUNT_FORMAT)
        _put_plain(ws, styles, r, 5, s.realisasi, AMOUNT_FORMAT)
        _put_plain(ws, styles, r, 6, s.serapan, PERCENT_FORMAT)
        _put_plain(ws, styles, r, 7, s.efisiensi, PERCENT_FORMAT)
        ws.put(r, 8, s.efisien or "-")
    if ident.tanggal:
        ws.put(r + 2, 1, f"Tanggal laporan: {fmt_date(ident.tanggal)}")
    for c, width in enumerate((48, 18, 40, 18, 18, 12, 14, 14), start=1):
        ws.width(c, width)
    return ws


def _put_plain(
    ws: NewSheet, styles: Styles, row: int, col: int, value: CellValue, fmt: str | None
) -> None:
    style = styles.style(0, Look(num_format=fmt)) if fmt and value is not None else 0
    ws.put(row, col, "-" if value is None else value, style)


def _skm_sheet(styles: Styles, model: Workbook, skm: SkmResult) -> NewSheet:
    codes = [e.code for e in skm.elements]
    ws = NewSheet()
    ws.put(
        1,
        1,
        f"PERHITUNGAN SURVEI KEPUASAN MASYARAKAT TAHUN {model.identity.tahun or ''}".strip(),
        styles.style(0, Look(bold=True, font_size=13)),
    )
    ws.put(2, 1, f"KECAMATAN {model.identity.kecamatan.upper()}")
    header = styles.style(0, _HEADER)
    for c, text in enumerate(["Nomor Responden", *codes], start=1):
        ws.put(4, c, text, header)
    r = 5
    for n, response in enumerate(model.skm or (), start=1):
        ws.put(r, 1, n)
        for c, code in enumerate(codes, start=2):
            ws.put(r, c, response.answers.get(code))
        r += 1
    bold = styles.style(0, _BOLD)
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
        ws.put(r, 1, label, bold)
        for c, v in enumerate(values, start=2):
            _put_plain(ws, styles, r, c, v, fmt)
        r += 1
    r += 1
    for label, value, fmt in (
        ("Jumlah NRR tertimbang", skm.nrr_weighted_sum, "0.0000"),
        ("IKM unit pelayanan (× 25)", skm.ikm, "0.00"),
        ("Mutu pelayanan", f"{skm.mutu} ({skm.kinerja})", None),
    ):
        ws.put(r, 1, label, bold)
        _put_plain(ws, styles, r, 2, value, fmt)
        r += 1
    ws.width(1, 38)
    for c in range(2, len(codes) + 2):
        ws.width(c, 8)
    ws.freeze = (5, 2)
    return ws
