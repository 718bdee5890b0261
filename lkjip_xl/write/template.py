"""The blank standard workbook, written with xlsxwriter from the schema.

Every sheet of the contract with its headers, dropdowns for the closed vocabularies, numeric
validation with Indonesian alerts, derived columns shaded and locked (sheet protection without a
password, input cells explicitly unlocked), frozen header rows, A4 print setup, and a
`Petunjuk` sheet generated from the same schema.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from lkjip_xl.base.cell_text import as_cell_text
from lkjip_xl.base.errors import TemplateWriteError
from lkjip_xl.base.files import atomic_path
from lkjip_xl.contract.records import Picture
from lkjip_xl.contract.schema import (
    ALL_SHEETS,
    ANSWER_HEADER,
    CONTRACT_VERSION,
    IDENTITY_SHEET,
    PETUNJUK_SHEET_NAME,
    SETTINGS,
    UNSUR_SHEET,
    VOCABULARIES,
    Column,
    Kind,
    SheetSpec,
    Vocabulary,
)
from lkjip_xl.read.kinds import KIND_RULES

LIST_SHEET = "Daftar"
_HEADER_BLUE = "#1F4E79"
_DERIVED_GREY = "#D9D9D9"


Rows = Sequence[Mapping[str, object]]  # one mapping per data row: column key → cell value


@dataclass(frozen=True)
class CopiedSheet:
    """A sheet copied as it is (a free 'Tabel' sheet): its values and merged blocks (1-based,
    first row, first column, last row, last column)."""

    title: str
    values: list[list[object]]
    merges: tuple[tuple[int, int, int, int], ...] = ()


def write_template(
    path: str | Path,
    prefill: dict[str, object] | None = None,
    rows: dict[str, Rows] | None = None,
    extra_sheets: Sequence[CopiedSheet] = (),
) -> Path:
    """Write the standard workbook to `path` (atomically).

    `prefill` maps Identitas keys to values; `rows` gives data rows per sheet name (carry
    forward; a `Picture` value is placed over its cell); `extra_sheets` are copied as they are
    (free 'Tabel' sheets, their merges kept).
    """
    with atomic_path(path) as tmp:
        wb = xlsxwriter.Workbook(
            str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False}
        )
        try:
            _TemplateBuilder(wb, prefill or {}, rows or {}, extra_sheets).build()
        finally:
            wb.close()
    return Path(path)


class _TemplateBuilder:
    def __init__(
        self,
        wb: xlsxwriter.Workbook,
        prefill: dict[str, object],
        rows: dict[str, Rows],
        extra_sheets: Sequence[CopiedSheet],
    ) -> None:
        self.wb = wb
        self.prefill = prefill
        self.rows = rows
        self.extra_sheets = extra_sheets
        f = wb.add_format
        self.fmt = {
            "title": f({"bold": True, "font_size": 14, "font_color": _HEADER_BLUE}),
            "h2": f({"bold": True, "font_size": 12, "font_color": _HEADER_BLUE}),
            "header": f(
                {
                    "bold": True,
                    "text_wrap": True,
                    "valign": "vcenter",
                    "align": "center",
                    "bg_color": _HEADER_BLUE,
                    "font_color": "white",
                    "border": 1,
                    "locked": True,
                }
            ),
            "header_derived": f(
                {
                    "bold": True,
                    "text_wrap": True,
                    "valign": "vcenter",
                    "align": "center",
                    "bg_color": "#7F7F7F",
                    "font_color": "white",
                    "border": 1,
                    "locked": True,
                }
            ),
            "wrap": f({"text_wrap": True, "valign": "top"}),
            "bold_wrap": f({"text_wrap": True, "valign": "top", "bold": True}),
            "label_required": f(
                {"bold": True, "valign": "top", "locked": True, "bg_color": "#F2F2F2", "border": 1}
            ),
            "label": f({"valign": "top", "locked": True, "bg_color": "#F2F2F2", "border": 1}),
            "note": f(
                {
                    "italic": True,
                    "font_color": "#595959",
                    "text_wrap": True,
                    "valign": "top",
                    "locked": True,
                }
            ),
            "derived": f(
                {"bg_color": _DERIVED_GREY, "locked": True, "border": 1, "border_color": "#BFBFBF"}
            ),
        }
        self._input_formats: dict[tuple[Kind, bool], object] = {}
        self.list_ranges: dict[str, str] = {}

    def build(self) -> None:
        petunjuk = self.wb.add_worksheet(PETUNJUK_SHEET_NAME)
        self._write_lists()
        self._write_identity()
        for spec in ALL_SHEETS:
            if spec is not IDENTITY_SHEET:
                self._write_data_sheet(spec)
        for sheet in self.extra_sheets:
            ws = self.wb.add_worksheet(sheet.title)
            merged = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in sheet.merges}
            for r, row in enumerate(sheet.values):
                for c, value in enumerate(row):
                    end = merged.get((r + 1, c + 1))
                    if end is not None:
                        ws.merge_range(r, c, end[0] - 1, end[1] - 1, None)
                    _write_value(ws, r, c, value, None)
        self._write_petunjuk(petunjuk)
        petunjuk.activate()

    # -- shared pieces --------------------------------------------------------------------

    def input_format(self, kind: Kind, text: bool = False) -> Format:
        """The unlocked input-cell format of a kind (`text`: keep digits as typed, e.g. a NIP)."""
        key = (kind, text)
        if key not in self._input_formats:
            rule = KIND_RULES[kind]
            props: dict[str, object] = {
                "locked": False,
                "border": 1,
                "border_color": "#BFBFBF",
                "valign": "top",
            }
            num_format = "@" if text else rule.excel_format
            if num_format:
                props["num_format"] = num_format
            if rule.wrap:
                props["text_wrap"] = True
            self._input_formats[key] = self.wb.add_format(props)
        return self._input_formats[key]

    def _write_lists(self) -> None:
        ws = self.wb.add_worksheet(LIST_SHEET)
        for col, vocab in enumerate(VOCABULARIES):
            ws.write(0, col, vocab.name)
            for row, label in enumerate(vocab.labels, start=1):
                ws.write_string(row, col, label)
            name = "Daftar_" + "".join(ch if ch.isalnum() else "_" for ch in vocab.name)
            first, last = (
                xl_rowcol_to_cell(1, col, True, True),
                xl_rowcol_to_cell(len(vocab.labels), col, True, True),
            )
            self.wb.define_name(name, f"='{LIST_SHEET}'!{first}:{last}")
            self.list_ranges[vocab.name] = f"={name}"
        ws.hide()

    def _validate(
        self,
        ws: Worksheet,
        first_row: int,
        col: int,
        last_row: int,
        kind: Kind,
        header: str,
        vocabulary: Vocabulary | None,
        help_text: str,
    ) -> None:
        options: dict[str, object] = {
            "input_title": header[:32],
            "input_message": (help_text or header)[:255],
            "error_title": "Isian tidak sah",
        }
        if vocabulary is not None:
            options.update(
                validate="list",
                source=self.list_ranges[vocabulary.name],
                error_message=f"Pilih dari daftar: {', '.join(vocabulary.labels)}"[:255],
            )
            if vocabulary.open:  # the list only suggests: any other text is accepted
                options.update(
                    error_type="information",
                    error_message=f"Bukan salah satu dari: {', '.join(vocabulary.labels)}. "
                    "Teks lain boleh bila memang dimaksud."[:255],
                )
        else:
            options.update(KIND_RULES[kind].validation)
        if ws.data_validation(first_row, col, last_row, col, options) != 0:
            raise TemplateWriteError(f"data validation rejected for {header}: {options}")

    # -- Identitas ------------------------------------------------------------------------

    def _write_identity(self) -> None:
        spec = IDENTITY_SHEET
        ws = self.wb.add_worksheet(spec.name)
        for col, column in enumerate(spec.columns):
            ws.write(0, col, column.header, self.fmt["header"])
            ws.set_column(col, col, column.width)
        ws.set_row(0, 20)
        for i, s in enumerate(SETTINGS, start=1):
            ws.write_string(i, 0, s.label, self.fmt["label_required" if s.required else "label"])
            note = ("Wajib diisi. " if s.required else "") + s.help
            ws.write_string(i, 2, note, self.fmt["note"])
            ws.set_row(
                i, _row_height([(note, spec.columns[2].width), (s.label, spec.columns[0].width)])
            )
            value = self.prefill.get(s.key)
            if s.written_by_tool:
                ws.write_string(i, 1, CONTRACT_VERSION, self.fmt["label"])
                continue
            cell_format = self.input_format(
                s.kind, text=s.key == "nip_camat"
            )  # an 18-digit NIP must stay text
            if value is None and s.default:
                value = s.default
            if value is None:
                ws.write_blank(i, 1, None, cell_format)
            else:
                _write_value(ws, i, 1, value, cell_format)
            self._validate(ws, i, 1, i, s.kind, s.label, s.vocabulary, s.help)
        ws.set_row(SETTINGS.index(next(s for s in SETTINGS if s.key == "misi")) + 1, 75)
        ws.freeze_panes(1, 1)
        self._print_setup(ws, landscape=False, repeat=True)
        ws.protect("", {"format_columns": True, "format_rows": True})

    # -- data sheets ----------------------------------------------------------------------

    def _write_data_sheet(self, spec: SheetSpec) -> None:
        ws = self.wb.add_worksheet(spec.name)
        rows = self.rows.get(spec.name)
        columns = self._with_families(spec) + self._extra_answer_columns(spec)
        spare = 5 if spec.row_height else 50  # tall picture rows: a few spare ones are enough
        last_row = max(spec.template_rows, len(rows or ()) + spare)
        for col, column in enumerate(columns):
            header_fmt = self.fmt["header_derived" if column.derived else "header"]
            ws.write_string(0, col, column.header, header_fmt)
            ws.set_column(col, col, column.width)
            if column.derived:
                for r in range(1, last_row + 1):
                    ws.write_blank(r, col, None, self.fmt["derived"])
                continue
            fmt = self.input_format(column.kind)
            for r in range(1, last_row + 1):
                ws.write_blank(r, col, None, fmt)  # unlocked, even under sheet protection
            self._validate(
                ws, 1, col, last_row, column.kind, column.header, column.vocabulary, _help(column)
            )
        ws.set_row(0, 32)
        if spec.row_height:
            for r in range(1, last_row + 1):
                ws.set_row(r, spec.row_height)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, 0, len(columns) - 1)
        self._write_rows(ws, columns, spec.starter_rows if rows is None else rows, spec)
        self._print_setup(ws, landscape=len(columns) > 6, repeat=True)
        if spec.protect:
            ws.protect(
                "",
                {
                    "insert_rows": True,
                    "delete_rows": True,
                    "sort": True,
                    "autofilter": True,
                    "format_columns": True,
                    "format_rows": True,
                },
            )

    def _extra_answer_columns(self, spec: SheetSpec) -> tuple[Column, ...]:
        """SKM answer columns beyond U9 that the carried-forward `Unsur SKM` sheet names."""
        if not spec.extra_answer_columns:
            return ()
        known = {c.header for c in spec.columns}
        codes = [
            str(r.get("kode", "")).strip().upper() for r in self.rows.get(UNSUR_SHEET.name, [])
        ]
        return tuple(
            Column(code.lower(), code, Kind.ANSWER, width=5)
            for code in codes
            if ANSWER_HEADER.match(code.lower()) and code not in known
        )

    def _with_families(self, spec: SheetSpec) -> tuple[Column, ...]:
        """The sheet's columns with its year columns (`Target 2024` …): the years the carried
        rows have, else the years around the report year."""
        if not spec.families:
            return spec.columns
        rows = self.rows.get(spec.name) or ()
        years = sorted(
            {y for row in rows for k in row for f in spec.families if (y := f.year_of_key(k))}
        ) or _default_years(self.prefill)
        family = tuple(f.column(y) for f in spec.families for y in years)
        keys = [c.key for c in spec.columns]
        at = keys.index(spec.families_after) + 1 if spec.families_after in keys else len(keys)
        return spec.columns[:at] + family + spec.columns[at:]

    def _write_rows(
        self, ws: Worksheet, columns: tuple[Column, ...], rows: Rows, spec: SheetSpec
    ) -> None:
        for r, row in enumerate(rows, start=1):
            for col, column in enumerate(columns):
                value = row.get(column.key)
                if isinstance(value, Picture):
                    _insert_picture(ws, r, col, value, column.width, spec.row_height or 15)
                elif value is not None and not column.derived:
                    _write_value(ws, r, col, value, self.input_format(column.kind))

    def _print_setup(self, ws: Worksheet, landscape: bool, repeat: bool) -> None:
        ws.set_paper(9)  # A4
        if landscape:
            ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        if repeat:
            ws.repeat_rows(0)
        ws.set_footer("&CHalaman &P dari &N")

    # -- Petunjuk -------------------------------------------------------------------------

    def _write_petunjuk(self, ws: Worksheet) -> None:
        for col, width in enumerate(_PETUNJUK_WIDTHS):
            ws.set_column(col, col, width)
        for row, (text, style) in enumerate(petunjuk_lines()):
            if isinstance(text, list):  # a row of the column tables
                cell_format = self.fmt["header" if style == "table_header" else "wrap"]
                for col, cell in enumerate(text):
                    ws.write_string(row, col, cell, cell_format)
                if style == "table":
                    ws.set_row(row, _row_height(list(zip(text, _PETUNJUK_WIDTHS, strict=True))))
            else:
                ws.merge_range(row, 0, row, 3, text, self.fmt[style])
                if style == "wrap":
                    ws.set_row(row, _row_height([(text, sum(_PETUNJUK_WIDTHS))]))
        self._print_setup(ws, landscape=False, repeat=False)


_PETUNJUK_WIDTHS = (26, 9, 22, 70)  # 'angka atau nilai huruf' on one line


def _write_value(
    ws: Worksheet, row: int, col: int, value: object, cell_format: Format | None
) -> None:
    """Write a value with its own type: numbers stay numbers, dates dates, the rest text."""
    if value is None:
        ws.write_blank(row, col, None, cell_format)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, cell_format)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, cell_format)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(row, col, value, cell_format)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), cell_format)
    else:  # text stays text ('=HYPERLINK(…)' too), without characters XML cannot hold
        ws.write_string(row, col, as_cell_text(value), cell_format)


def _default_years(prefill: Mapping[str, object]) -> list[int]:
    """The Renstra years of the blank template: those of Periode Renstra ('2021-2026' → 2022 …
    2026, the first year being the baseline), else five years around the report year."""
    period = re.search(r"(\d{4})\s*\D{1,5}\s*(\d{4})", str(prefill.get("periode_renstra") or ""))
    if period:
        first, last = int(period.group(1)), int(period.group(2))
        if 0 < last - first <= 7:
            return list(range(first + 1 if last - first == 5 else first, last + 1))
    year = prefill.get("tahun")
    report_year = year if isinstance(year, int) else dt.date.today().year - 1
    return list(range(report_year - 1, report_year + 4))


def _insert_picture(
    ws: Worksheet, row: int, col: int, picture: Picture, width_chars: int, height_pt: float
) -> None:
    """A carried picture over its cell, scaled down to fit it, moving and sizing with the cell
    (an anchored picture: Excel and LibreOffice both show it)."""
    width, height = image_size(picture.data)
    box_w, box_h = width_chars * 7 + 5, height_pt * 4 / 3  # pixels, as Excel counts them
    scale = min(1.0, box_w / width, box_h / height) if width and height else 1.0
    ws.insert_image(
        row,
        col,
        f"gambar_{row}.{'png' if picture.format == 'png' else 'jpg'}",
        {
            "image_data": io.BytesIO(picture.data),
            "x_scale": scale,
            "y_scale": scale,
            "object_position": 1,
            "description": picture.bagian,
        },
    )


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels of a PNG or JPEG; (0, 0) when the header says nothing."""
    if data.startswith(b"\x89PNG") and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    i = 2
    while i + 9 < len(data) and data[i] == 0xFF:
        marker, length = data[i + 1], int.from_bytes(data[i + 2 : i + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # a start of frame
            return int.from_bytes(data[i + 7 : i + 9], "big"), int.from_bytes(
                data[i + 5 : i + 7], "big"
            )
        i += 2 + length
    return 0, 0


def _row_height(cells: list[tuple[str, int]]) -> float:
    """Points for a row whose wrapped texts fit their column widths (Excel/LibreOffice do not autofit on open)."""
    lines = (
        max(max(1, -(-len(text) // max(1, int(width * 1.05)))) for text, width in cells)
        if cells
        else 1
    )
    return 15.0 * lines


def _help(column: Column) -> str:
    parts = [column.help] if column.help else []
    if column.vocabulary:
        parts.append("Pilihan: " + ", ".join(column.vocabulary.labels) + ".")
    return " ".join(parts) or column.header


PetunjukLine = tuple[str | list[str], str]  # (a text, or a table row's cells; its style)


def petunjuk_lines() -> list[PetunjukLine]:
    """The Petunjuk sheet's content as (text, style) lines; also used by the docs generator."""
    lines: list[PetunjukLine] = [
        ("Petunjuk pengisian buku kerja LKjIP", "title"),
        (
            f"Versi template {CONTRACT_VERSION}. Sheet yang tidak diperlukan boleh dibiarkan kosong: bagian "
            "laporannya dilewati. Isi setiap sheet sesuai judul kolomnya. Jangan mengganti nama sheet "
            "atau judul kolom; urutan kolom boleh diubah dan kolom sendiri boleh ditambahkan (diabaikan). "
            "Kolom berjudul abu-abu diisi oleh alat (lkjip fill). Angka boleh diketik seperti 1.234.567 atau 82,17; "
            "'-' atau N/A berarti tidak ada. Periksa buku kerja dengan: lkjip validate buku.xlsx",
            "wrap",
        ),
        ("", "wrap"),
        ("Irama setahun: satu buku kerja untuk semua dokumen", "h2"),
        *((text, "wrap") for text in YEAR_RHYTHM),
        ("", "wrap"),
    ]
    for spec in ALL_SHEETS:
        need = "wajib" if spec.required else (spec.required_when or "opsional")
        lines.append((f"Sheet '{spec.name}' ({need}): {spec.title}", "h2"))
        lines.append((spec.help, "wrap"))
        if spec is IDENTITY_SHEET:
            lines.append((["Isian", "Wajib", "Jenis isi", "Keterangan"], "table_header"))
            for s in SETTINGS:
                extra = f" Pilihan: {', '.join(s.vocabulary.labels)}." if s.vocabulary else ""
                lines.append(
                    ([s.label, "ya" if s.required else "", s.kind.value, s.help + extra], "table")
                )
        else:
            lines.append((["Kolom", "Wajib", "Jenis isi", "Keterangan"], "table_header"))
            for c in spec.columns:
                need_col = "diisi alat" if c.derived else ("ya" if c.required else "")
                lines.append(
                    (
                        [
                            c.header,
                            need_col,
                            c.kind.value,
                            _help(c) if (c.help or c.vocabulary) else "",
                        ],
                        "table",
                    )
                )
            for f in spec.families:
                lines.append(
                    (
                        [
                            f"{f.prefix} <tahun>",
                            "",
                            f.kind.value,
                            f"{f.help} Satu kolom per tahun, mis. '{f.prefix} 2024'.",
                        ],
                        "table",
                    )
                )
        lines.append(("", "wrap"))
    lines.append(("Sheet yang namanya diawali 'Tabel' (opsional, boleh banyak)", "h2"))
    lines.extend((text, "wrap") for text in FREE_TABLE_HELP)
    return lines


YEAR_RHYTHM = (
    "1. Januari: isi Identitas, target di sheet Sasaran dan Anggaran (pagu), Pegawai dan PK "
    "Berjenjang. Realisasi belum diperlukan. Buat Perjanjian Kinerja camat dan setiap pejabat: "
    "lkjip pk buku.xlsx -o folder_pk/",
    "2. Setiap triwulan: isi Rencana Aksi (target TW I–IV sejak Januari, realisasi triwulan itu), "
    "serta Penghambat Triwulan … dan Tindak Lanjut Triwulan … di sheet Narasi. Buat laporan "
    "pemantauan: lkjip triwulan buku.xlsx --tw 2 -o pemantauan_tw2.docx",
    "3. Akhir tahun: isi realisasi di sheet Sasaran dan Anggaran, SKM dan narasi. Buat draf "
    "LKjIP (dengan Perjanjian Kinerja dan Rencana Aksi di lampirannya): "
    "lkjip report buku.xlsx -o draf.docx",
    "4. Tahun berikutnya: lkjip template --dari buku.xlsx -o buku_tahun_depan.xlsx membawa "
    "identitas, indikator dan struktur anggaran; lalu mulai lagi dari langkah 1.",
)

FREE_TABLE_HELP = (
    "Tabel bebas yang dimuat apa adanya di laporan (mis. 'Tabel PATEN', 'Tabel Lembaga "
    "Kemasyarakatan'), angka dan baris jumlahnya tidak diperiksa alat.",
    "Di atas judul kolom, di kolom A, boleh ada baris: 'Judul: …' (judul tabel; bawaan sisa nama "
    "sheet), 'Letak: Bab I', 'Letak: Bab II', 'Letak: Bab III' atau 'Letak: Lampiran' (tempat "
    "tabel di laporan; bawaan Lampiran), dan 'Sumber: …' (dicetak di bawah tabel).",
    "Baris pertama sesudahnya = judul kolom. Judul kolom boleh dua baris: sel kelompok yang "
    "digabung (merge) di atas sub-judulnya (mis. 'Target' di atas 'TW I … TW IV'); gabungan itu "
    "dipertahankan di Word. Tabel yang terlalu lebar mendapat halaman mendatar sendiri.",
)
