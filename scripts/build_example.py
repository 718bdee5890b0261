"""Build the bundled example workbooks from the TSV files beside this script.

workbook_templates/contoh_paser_belengkong_2023.xlsx from example_data/paser_belengkong_2023
(seed 002) and workbook_templates/contoh_kota_bangun_2023.xlsx from example_data/kota_bangun_2023
(seed 004); each is also copied into lkjip_xl/data/ (served by `lkjip serve`).

Each starts from the blank template (`lkjip template`) and is filled as staff would: numbers as
numbers, SAKIP values as text, one misi per line. A file `<sheet>.tsv` fills the sheet of that
name by header; `tabel_*.tsv` become free `Tabel …` sheets, where a first line `#Sheet: …`
names the sheet and a line `#Gabung: A1:A2 D1:O1` merges header cells (addresses counted from
the header's first row). Run: python scripts/build_example.py
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip_xl.base.errors import NotANumber  # noqa: E402
from lkjip_xl.base.files import atomic_path  # noqa: E402
from lkjip_xl.contract.schema import (  # noqa: E402
    GAMBAR_SHEET,
    NARASI_SHEET,
    SETTINGS,
    SKM_SHEET,
    Kind,
    sheet_spec,
)
from lkjip_xl.read.numbers import parse_number_text  # noqa: E402
from lkjip_xl.write.template import write_template  # noqa: E402

EXAMPLE_DATA = Path(__file__).resolve().parent / "example_data"
DATA = EXAMPLE_DATA / "paser_belengkong_2023"
OUTPUT = ROOT / "workbook_templates" / "contoh_paser_belengkong_2023.xlsx"
# data folder → bundled workbook
EXAMPLES = {
    DATA: OUTPUT,
    EXAMPLE_DATA / "kota_bangun_2023": ROOT / "workbook_templates" / "contoh_kota_bangun_2023.xlsx",
}
PACKAGED = ROOT / "lkjip_xl" / "data"  # served by `lkjip serve` from an installed copy
LIST_SEPARATOR = "|"  # one misi / one point per line inside a cell
# data file → sheet, in the order they are filled
SHEET_FILES = {
    "sasaran.tsv": "Sasaran",
    "anggaran.tsv": "Anggaran",
    "skm.tsv": "SKM",
    "desa.tsv": "Desa",
    "pegawai.tsv": "Pegawai",
    "renstra.tsv": "Renstra",
    "riwayat.tsv": "Riwayat",
    "riwayat_anggaran.tsv": "Riwayat Anggaran",
}


def read_tsv(name: str, data: Path = DATA) -> list[dict[str, str]]:
    with (data / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def typed(text: str, kind: Kind) -> object:
    """What staff would type: a number where a number belongs, else the text itself."""
    text = text.strip()
    if not text:
        return None
    if kind in (Kind.NUMBER, Kind.AMOUNT, Kind.INTEGER, Kind.MEASURE, Kind.ANSWER, Kind.YEAR):
        try:
            number = parse_number_text(text)
        except NotANumber:
            return text  # "B (61)"
        if number is None:
            return text  # "-"
        return int(number) if number.is_integer() else number
    if kind is Kind.DATE:
        d, m, y = (int(p) for p in text.split("/"))
        return dt.datetime(y, m, d)
    return text.replace(LIST_SEPARATOR, "\n")


def fill_sheet(ws: Worksheet, sheet_name: str, rows: list[dict[str, str]]) -> None:
    """Rows by header; a header the blank sheet lacks (a Renstra year) is added at the end."""
    spec = sheet_spec(sheet_name)
    header_cols = {cell.value: cell.column for cell in ws[1] if cell.value}
    for r, row in enumerate(rows, start=2):
        for header, text in row.items():
            column = spec.column_for_header(header)
            if column is None:
                continue  # a note kept only in the data file (e.g. SKM "Catatan")
            if header not in header_cols:
                header_cols[header] = ws.max_column + 1
                ws.cell(row=1, column=header_cols[header], value=header)
            ws.cell(row=r, column=header_cols[header], value=typed(text, column.kind))


def fill_narrative(ws: Worksheet, texts: dict[str, str]) -> None:
    """Each part's text beside its label; a part the blank sheet does not list is appended."""
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for part, text in texts.items():
        r = rows.get(part) or max(rows.values(), default=1) + 1
        rows[part] = r
        ws.cell(row=r, column=1, value=part)
        ws.cell(row=r, column=2, value=typed(text, Kind.TEXT))


def add_free_table(wb: openpyxl.Workbook, path: Path) -> None:
    """A `Tabel …` sheet from a TSV: directive lines, header, rows; numbers typed as numbers."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh, delimiter="\t"))
    title = lines[0][0].removeprefix("#Sheet:").strip()
    merges = [
        line[0].removeprefix("#Gabung:").split() for line in lines if line[0].startswith("#Gabung:")
    ]
    body = [line for line in lines[1:] if not line[0].startswith("#")]
    ws = wb.create_sheet(title)
    header_row = next(i for i, line in enumerate(body, start=1) if not _directive(line))
    for line in body:
        ws.append([_table_cell(v) for v in line])
    for ref in (m for group in merges for m in group):
        first, last = ref.split(":")
        ws.merge_cells(f"{_shift(first, header_row - 1)}:{_shift(last, header_row - 1)}")
    _lay_out(ws, header_row)


def _lay_out(ws: Worksheet, header_row: int) -> None:
    """As a careful clerk leaves a sheet: columns as wide as their content (within reason),
    thousands separated, '-' aligned with the figures, headers bold and wrapped."""
    spanning = {
        (r, c)
        for m in ws.merged_cells.ranges
        if m.max_col > m.min_col
        for r in range(m.min_row, m.max_row + 1)
        for c in range(m.min_col, m.max_col + 1)
    }
    for column in ws.iter_cols(min_row=header_row):
        widths = [
            len(str(c.value)) + (4 if c.row <= header_row + 1 else 2)
            for c in column
            if c.value is not None and (c.row, c.column) not in spanning
        ]
        letter = get_column_letter(column[0].column)
        ws.column_dimensions[letter].width = min(max(widths, default=6), 40)
        for cell in column:
            if isinstance(cell.value, int):
                cell.number_format = "#,##0"
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
            elif cell.value == "-":
                cell.alignment = Alignment(horizontal="right")
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=header_row, max_row=header_row + 1):
        lines = 1
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
            width = ws.column_dimensions[get_column_letter(cell.column)].width or 8
            lines = max(lines, -(-len(str(cell.value or "")) // int(width)))
        ws.row_dimensions[row[0].row].height = 15 * lines
    # printed on one page wide, landscape when the table is wide
    total = sum(
        (ws.column_dimensions[get_column_letter(c)].width or 8) for c in range(1, ws.max_column + 1)
    )
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if total > 90 else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _directive(line: list[str]) -> bool:
    return bool(re.match(r"^(Judul|Letak|Sumber)\s*:", line[0])) and not any(line[1:])


def _shift(ref: str, rows: int) -> str:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert m, ref
    return f"{m.group(1)}{int(m.group(2)) + rows}"


def _table_cell(text: str) -> object:
    """A figure as a number (1.234.567 or 95,47), anything else as text."""
    if re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?|\d+(,\d+)?", text):
        return typed(text, Kind.NUMBER)
    return text or None


def build(output: Path = OUTPUT, data: Path = DATA) -> Path:
    identity = {row["Isian"]: row["Nilai"] for row in read_tsv("identitas.tsv", data)}
    prefill = {
        "tahun": int(identity["Tahun Laporan"]),
        "periode_renstra": identity.get("Periode Renstra", ""),
    }
    with tempfile.TemporaryDirectory() as tmp:
        blank = Path(tmp) / "kosong.xlsx"
        write_template(blank, prefill)
        wb = openpyxl.load_workbook(blank)

    ws = wb["Identitas"]
    by_label = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for label, text in identity.items():
        setting = next(s for s in SETTINGS if s.label == label)
        ws.cell(row=by_label[label], column=2, value=typed(text, setting.kind))

    for name, sheet in SHEET_FILES.items():
        if (data / name).exists():
            fill_sheet(wb[sheet], sheet, read_tsv(name, data))
    if not (data / "skm.tsv").exists():
        del wb[SKM_SHEET.name]  # no respondents in the seed: no IKM is computed, none is drafted
    texts = {row["Bagian"]: row["Teks"] for row in read_tsv("narasi.tsv", data)}
    fill_narrative(wb[NARASI_SHEET.name], texts)
    # the seeds carry no pictures: leave the Gambar sheet without rows
    gambar = wb[GAMBAR_SHEET.name]
    for r in range(2, gambar.max_row + 1):
        gambar.cell(row=r, column=1, value=None)
    for path in sorted(data.glob("tabel_*.tsv")):
        add_free_table(wb, path)

    with atomic_path(output) as tmp_out:
        wb.save(tmp_out)
    return output


if __name__ == "__main__":
    for folder, target in EXAMPLES.items():
        print(f"Ditulis: {build(target, folder)}")
        packaged = PACKAGED / target.name
        packaged.write_bytes(target.read_bytes())
        print(f"Ditulis: {packaged}")
