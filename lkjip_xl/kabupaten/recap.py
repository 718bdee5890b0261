"""The kabupaten's recap across kecamatan: rekap.xlsx (sortable, coloured, charted) and rekap.docx.

One row per workbook, failed ones included with their error counts, so that the coordinator
sees at a glance who is done and who must fix what. Figures come unrounded from each
workbook's `results_to_dict`; only the cell formats round them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook as XlsxWorkbook
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.base.cell_text import as_cell_text
from lkjip_xl.base.files import atomic_path
from lkjip_xl.base.formatting import fmt_number, fmt_percent, fmt_rupiah
from lkjip_xl.calc.indicators import predikat
from lkjip_xl.contract.schema import normalize
from lkjip_xl.kabupaten.outcome import OK, BatchItem

PREDIKAT_COLOURS = {  # Permendagri 86/2017 labels; a custom scale's labels stay uncoloured
    "Sangat Tinggi": "#63BE7B",
    "Tinggi": "#C6E0B4",
    "Sedang": "#FFEB84",
    "Rendah": "#F8CBAD",
    "Sangat Rendah": "#F8696B",
}
_FAILED_FILL = "#FDE9E7"


@dataclass(frozen=True)
class RecapRow:
    source: str
    kecamatan: str
    kabupaten: str
    tahun: int | None
    status: str
    errors: int
    warnings: int
    reason: str
    ikm: float | None = None
    mutu: str = ""
    capaian: float | None = None
    predikat: str = ""
    pagu: float | None = None
    realisasi: float | None = None
    serapan: float | None = None
    efisiensi: float | None = None  # average capaian IKU / serapan, the sasaran rule kecamatan-wide
    sasaran_efisien: str = ""  # "3 dari 4"
    capaian_iku: tuple[tuple[str, float | None], ...] = ()  # (indikator, capaian)
    # Rencana Aksi: (indikator, cumulative capaian to the end of TW I … TW IV), None: not reported
    progres_triwulan: tuple[tuple[str, tuple[float | None, ...]], ...] = ()


def recap_rows(items: list[BatchItem]) -> list[RecapRow]:
    return _flag_other_years([_row(i) for i in items])


def _flag_other_years(rows: list[RecapRow]) -> list[RecapRow]:
    """A workbook whose Tahun Laporan differs from most others' was likely sent back from last
    year: the coordinator reads it in the row's Masalah Utama."""
    years = Counter(r.tahun for r in rows if r.tahun)
    if len(years) < 2:
        return rows
    (usual, count), *_ = years.most_common()
    if count * 2 <= sum(years.values()):
        return rows
    flagged = []
    for r in rows:
        if r.tahun and r.tahun != usual:
            note = (
                f"Tahun Laporan {r.tahun}, buku kerja lain {usual}: mungkin buku kerja tahun lalu"
            )
            r = dataclasses.replace(r, reason="; ".join(x for x in (note, r.reason) if x))
        flagged.append(r)
    return flagged


def _row(item: BatchItem) -> RecapRow:
    row = RecapRow(
        source=item.source,
        kecamatan=item.kecamatan or Path(item.source).stem,  # by Identitas, failed ones too
        kabupaten=item.kabupaten,
        tahun=item.tahun,
        status=item.status,
        errors=item.errors,
        warnings=item.warnings,
        reason=item.reason,
    )
    data = item.figures
    if not data:
        return row
    skm, avg, total = data["skm"] or {}, data["rata_rata"], data["anggaran"]["total"]
    capaian, serapan = avg["capaian_iku"], total["serapan"]
    rated = [s for s in data["sasaran"] if s["kategori_efisiensi"]]
    return dataclasses.replace(
        row,
        kecamatan=data["identitas"]["kecamatan"] or row.kecamatan,
        kabupaten=data["identitas"]["kabupaten"],
        tahun=data["identitas"]["tahun"],
        ikm=skm.get("ikm"),
        mutu=skm.get("mutu") or "",
        capaian=capaian,
        predikat=avg["predikat_iku"] or "",
        pagu=total["pagu"],
        realisasi=total["realisasi"],
        serapan=serapan,
        efisiensi=capaian / serapan if capaian is not None and serapan else None,
        sasaran_efisien=(
            f"{sum(s['kategori_efisiensi'] == 'Efisien' for s in rated)} dari {len(rated)}"
            if rated
            else ""
        ),
        capaian_iku=tuple((i["indikator"], i["capaian"]) for i in data["indikator"] if i["iku"]),
        progres_triwulan=quarterly_progress(data),
    )


def iku_columns(rows: list[RecapRow]) -> list[str]:
    """Every IKU named by some kecamatan, in first-seen order (kabupaten IKU are usually shared)."""
    seen: dict[str, str] = {}
    for row in rows:
        for name, _ in row.capaian_iku:
            seen.setdefault(normalize(name), name)
    return list(seen.values())


def write_recap(items: list[BatchItem], out_dir: str | Path) -> list[Path]:
    rows = recap_rows(items)
    out_dir = Path(out_dir)
    return [
        write_recap_xlsx(rows, out_dir / "rekap.xlsx"),
        write_recap_docx(rows, out_dir / "rekap.docx"),
    ]


# --- rekap.xlsx ------------------------------------------------------------------------------

_FIXED = [  # header, width, RecapRow attribute, format name
    ("No", 5, None, "int"),
    ("Kecamatan", 22, "kecamatan", "text"),
    ("Berkas", 28, "source", "text"),
    ("Status", 14, "status", "text"),
    ("Kesalahan", 10, "errors", "int"),
    ("Peringatan", 11, "warnings", "int"),
    ("IKM", 9, "ikm", "dec"),
    ("Mutu", 6, "mutu", "text"),
    ("Rata-rata Capaian IKU (%)", 12, "capaian", "dec"),
    ("Predikat", 14, "predikat", "text"),
    ("Pagu (Rp)", 17, "pagu", "rp"),
    ("Realisasi (Rp)", 17, "realisasi", "rp"),
    ("Serapan (%)", 10, "serapan", "dec"),
    ("Efisiensi", 10, "efisiensi", "dec"),
    ("Sasaran Efisien", 11, "sasaran_efisien", "text"),
]


def write_recap_xlsx(rows: list[RecapRow], path: Path) -> Path:
    ikus = iku_columns(rows)
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(
            str(tmp), {"strings_to_formulas": False, "nan_inf_to_errors": True}
        )
        try:
            _write_xlsx(wb, rows, ikus)
            if any(row.progres_triwulan for row in rows):
                _progress_sheet(wb, rows)
        finally:
            wb.close()
    return path


def _write_xlsx(wb: XlsxWorkbook, rows: list[RecapRow], ikus: list[str]) -> None:
    fmt = {
        "header": wb.add_format(
            {
                "bold": True,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
                "bg_color": "#1F4E79",
                "font_color": "white",
                "border": 1,
            }
        ),
        "text": wb.add_format({"border": 1, "valign": "top", "text_wrap": True}),
        "int": wb.add_format({"border": 1, "valign": "top", "num_format": "0"}),
        "dec": wb.add_format({"border": 1, "valign": "top", "num_format": "#,##0.00"}),
        "rp": wb.add_format({"border": 1, "valign": "top", "num_format": "#,##0"}),
        "total": wb.add_format({"bold": True, "top": 2, "num_format": "#,##0"}),
        "total_dec": wb.add_format({"bold": True, "top": 2, "num_format": "#,##0.00"}),
        "title": wb.add_format({"bold": True, "font_size": 13, "font_color": "#1F4E79"}),
        "note": wb.add_format({"italic": True, "font_color": "#595959"}),
    }
    ws = wb.add_worksheet("Rekap")
    headers = [h for h, *_ in _FIXED] + [f"Capaian: {name}" for name in ikus] + ["Masalah Utama"]
    first = 2  # rows 0-1: title and note
    ws.write_string(0, 0, as_cell_text(_title(rows)), fmt["title"])
    ws.write(
        1,
        0,
        "Urutkan dengan tombol filter di baris judul. Warna Predikat: skala Permendagri 86/2017; "
        "baris merah muda = buku kerja masih ada kesalahan.",
        fmt["note"],
    )
    for col, header in enumerate(headers):  # IKU names come from the workbooks
        ws.write_string(first, col, as_cell_text(header), fmt["header"])
    for col, (_, width, _, _) in enumerate(_FIXED):
        ws.set_column(col, col, width)
    ws.set_column(len(_FIXED), len(_FIXED) + len(ikus) - 1, 14)
    ws.set_column(len(headers) - 1, len(headers) - 1, 50)
    ws.set_row(first, 45)

    for n, row in enumerate(rows, start=1):
        r = first + n
        for col, (_, _, attr, kind) in enumerate(_FIXED):
            value = n if attr is None else getattr(row, attr)
            _cell(ws, r, col, value, fmt[kind])
        by_name = {normalize(name): value for name, value in row.capaian_iku}
        for k, name in enumerate(ikus):
            _cell(ws, r, len(_FIXED) + k, by_name.get(normalize(name)), fmt["dec"])
        _cell(ws, r, len(headers) - 1, row.reason, fmt["text"])
    last = first + len(rows)
    ws.autofilter(first, 0, last, len(headers) - 1)
    ws.freeze_panes(first + 1, 2)

    status_col = _col("Status")
    ws.conditional_format(
        first + 1,
        0,
        last,
        len(headers) - 1,
        {
            "type": "formula",
            "criteria": f'=${xl_col_to_name(status_col)}{first + 2}<>"{OK}"',
            "format": wb.add_format({"bg_color": _FAILED_FILL}),
        },
    )
    predikat_col = _col("Predikat")
    for label, colour in PREDIKAT_COLOURS.items():
        ws.conditional_format(
            first + 1,
            predikat_col,
            last,
            predikat_col,
            {
                "type": "cell",
                "criteria": "==",
                "value": f'"{label}"',
                "format": wb.add_format({"bg_color": colour}),
            },
        )
    serapan_col = _col("Serapan (%)")
    ws.conditional_format(
        first + 1, serapan_col, last, serapan_col, {"type": "data_bar", "bar_color": "#9DC3E6"}
    )
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(first)
    ws.set_footer("&CHalaman &P dari &N")
    _totals(ws, rows, last + 2, fmt)
    _charts(wb, rows, first, last)
    ws.activate()


def _totals(ws: Worksheet, rows: list[RecapRow], r: int, fmt: dict[str, Format]) -> None:
    """Kabupaten totals below the table (outside the filter range, so sorting leaves them be)."""
    done = [x for x in rows if x.pagu is not None]
    pagu = sum(x.pagu or 0 for x in done)
    realisasi = sum(x.realisasi or 0 for x in done)
    ikms = [x.ikm for x in done if x.ikm is not None]
    capaian = [x.capaian for x in done if x.capaian is not None]
    ws.write(r, 1, f"Kabupaten ({len(done)} dari {len(rows)} kecamatan lengkap)", fmt["total"])
    ws.write(r, _col("Kesalahan"), sum(x.errors for x in rows), fmt["total"])
    ws.write(r, _col("Peringatan"), sum(x.warnings for x in rows), fmt["total"])
    if ikms:
        ws.write(r, _col("IKM"), sum(ikms) / len(ikms), fmt["total_dec"])
    if capaian:
        ws.write(
            r, _col("Rata-rata Capaian IKU (%)"), sum(capaian) / len(capaian), fmt["total_dec"]
        )
    if done:
        ws.write(r, _col("Pagu (Rp)"), pagu, fmt["total"])
        ws.write(r, _col("Realisasi (Rp)"), realisasi, fmt["total"])
    if pagu:
        ws.write(r, _col("Serapan (%)"), realisasi / pagu * 100, fmt["total_dec"])


def _charts(wb: XlsxWorkbook, rows: list[RecapRow], first: int, last: int) -> None:
    """Chart sheets reading the Rekap cells (they follow a re-sort)."""
    if not rows:
        return
    categories = ["Rekap", first + 1, _col("Kecamatan"), last, _col("Kecamatan")]
    chart = wb.add_chart({"type": "bar"})
    for header, colour in (("Rata-rata Capaian IKU (%)", "#1F4E79"), ("Serapan (%)", "#A6A6A6")):
        col = _col(header)
        chart.add_series(
            {
                "name": ["Rekap", first, col],
                "categories": categories,
                "values": ["Rekap", first + 1, col, last, col],
                "fill": {"color": colour},
                "data_labels": {"value": True, "num_format": "#,##0.0"},
            }
        )
    chart.set_title({"name": "Capaian IKU dan Serapan Anggaran per Kecamatan"})
    chart.set_x_axis({"name": "%", "min": 0})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom"})
    wb.add_chartsheet("Grafik Capaian").set_chart(chart)

    ikm = wb.add_chart({"type": "bar"})
    col = _col("IKM")
    ikm.add_series(
        {
            "name": "IKM",
            "categories": categories,
            "values": ["Rekap", first + 1, col, last, col],
            "fill": {"color": "#2E75B6"},
            "data_labels": {"value": True, "num_format": "#,##0.00"},
        }
    )
    ikm.set_title({"name": "Indeks Kepuasan Masyarakat per Kecamatan"})
    ikm.set_x_axis({"min": 25, "max": 100})
    ikm.set_y_axis({"reverse": True})
    ikm.set_legend({"none": True})
    wb.add_chartsheet("Grafik IKM").set_chart(ikm)


def quarterly_progress(data: dict[str, Any]) -> tuple[tuple[str, tuple[float | None, ...]], ...]:
    """Each indicator row of a kecamatan's Rencana Aksi with its capaian to date per quarter."""
    return tuple(
        (
            line["indikator"] or "",
            tuple(q["capaian_sampai_triwulan"] for q in line["triwulan"]),
        )
        for line in data.get("rencana_aksi", [])
        if line["jenis"] == "indikator"
    )


PROGRESS_SHEET = "Progres Triwulan"


def _progress_sheet(wb: XlsxWorkbook, rows: list[RecapRow]) -> None:
    """Per kecamatan and indicator, the cumulative capaian to the end of each quarter, each cell
    coloured by its predikat (Permendagri 86/2017); a quarter not yet reported stays blank."""
    ws = wb.add_worksheet(PROGRESS_SHEET)
    base = {"border": 1, "valign": "top"}
    header = wb.add_format(
        {**base, "bold": True, "text_wrap": True, "bg_color": "#1F4E79", "font_color": "white"}
    )
    text = wb.add_format({**base, "text_wrap": True})
    number = {
        label: wb.add_format({**base, "num_format": "#,##0.00", "bg_color": colour})
        for label, colour in PREDIKAT_COLOURS.items()
    }
    plain = wb.add_format({**base, "num_format": "#,##0.00"})
    ws.write_string(0, 0, "Capaian kumulatif Rencana Aksi per triwulan (%)", header)
    heads = ["No", "Kecamatan", "Indikator Kinerja", *(f"s.d. TW {q}" for q in _QUARTERS)]
    for c, (head, width) in enumerate(zip(heads, (5, 22, 44, 11, 11, 11, 11), strict=True)):
        ws.write_string(2, c, head, header)
        ws.set_column(c, c, width)
    r = 3
    for row in rows:
        for name, values in row.progres_triwulan:
            _cell(ws, r, 0, r - 2, text)
            ws.write_string(r, 1, row.kecamatan, text)  # text, never a formula
            ws.write_string(r, 2, name, text)
            for c, value in enumerate(values, start=3):
                colour = number.get(predikat(value)) if value is not None else None
                _cell(ws, r, c, value, colour or plain)
            r += 1
    ws.freeze_panes(3, 3)


_QUARTERS = ("I", "II", "III", "IV")


def _cell(ws: Worksheet, r: int, c: int, value: object, cell_format: Format | None) -> None:
    if value is None or value == "":
        ws.write_blank(r, c, None, cell_format)
    elif isinstance(value, int | float):
        ws.write_number(r, c, value, cell_format)
    else:  # a kecamatan's text stays text ('=1+1' too), without characters XML cannot hold
        ws.write_string(r, c, as_cell_text(value), cell_format)


def _col(header: str) -> int:
    return next(i for i, (h, *_) in enumerate(_FIXED) if h == header)


def _title(rows: list[RecapRow]) -> str:
    """'Rekapitulasi LKjIP Kecamatan, Kabupaten Paser, Tahun 2023', from the kecamatan's own identities."""
    parts = ["Rekapitulasi LKjIP Kecamatan"]
    kabupaten = sorted({r.kabupaten for r in rows if r.kabupaten})
    years = sorted({r.tahun for r in rows if r.tahun})
    if len(kabupaten) == 1:
        parts.append(kabupaten[0])
    if years:
        parts.append("Tahun " + "/".join(str(y) for y in years))
    return ", ".join(parts)


# --- rekap.docx ------------------------------------------------------------------------------


def write_recap_docx(rows: list[RecapRow], path: Path) -> Path:
    """A short table for the kabupaten's own report, to edit in Word."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    doc.add_heading(_title(rows), level=1)
    done = [r for r in rows if r.capaian is not None or r.pagu is not None]
    failed = [r for r in rows if r.status != OK]
    doc.add_paragraph(_summary_sentence(rows, done, failed))
    headers = ["No", "Kecamatan", "IKM (Mutu)", "Capaian IKU", "Predikat", "Pagu", "Serapan"]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for n, r in enumerate(done, start=1):
        values = [
            str(n),
            r.kecamatan,
            f"{fmt_number(r.ikm)} ({r.mutu})" if r.ikm is not None else "-",
            fmt_percent(r.capaian) if r.capaian is not None else "-",
            r.predikat or "-",
            fmt_rupiah(r.pagu) if r.pagu is not None else "-",
            fmt_percent(r.serapan) if r.serapan is not None else "-",
        ]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    widths = [Mm(10), Mm(50), Mm(28), Mm(28), Mm(32), Mm(50), Mm(24)]
    for i, table_row in enumerate(table.rows):
        for c, cell in enumerate(table_row.cells):
            cell.width = widths[c]
            for p in cell.paragraphs:
                if i and c >= 2 and c != 4:  # figures right-aligned, like every LKjIP table
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in p.runs:
                    run.font.size = Pt(9)
    if failed:
        doc.add_paragraph()
        doc.add_paragraph("Buku kerja yang belum dapat diolah:")
        for r in failed:
            named = (
                f"Kecamatan {r.kecamatan} ({r.source})"
                if r.kecamatan != Path(r.source).stem
                else r.source
            )
            doc.add_paragraph(f"{named}: {r.reason}", style="List Bullet")
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path


def _summary_sentence(rows: list[RecapRow], done: list[RecapRow], failed: list[RecapRow]) -> str:
    text = f"Dari {len(rows)} buku kerja kecamatan, {len(done)} telah lengkap dan diolah"
    if failed:
        text += f", {len(failed)} masih memiliki kesalahan"
    capaian = [r.capaian for r in done if r.capaian is not None]
    if capaian:
        text += f". Rata-rata capaian IKU antarkecamatan {fmt_percent(sum(capaian) / len(capaian))}"
    pagu = sum(r.pagu or 0 for r in done)
    if pagu:
        realisasi = sum(r.realisasi or 0 for r in done)
        text += (
            f"; total pagu {fmt_rupiah(pagu)} dengan realisasi {fmt_rupiah(realisasi)} "
            f"({fmt_percent(realisasi / pagu * 100)})"
        )
    return text + "."
