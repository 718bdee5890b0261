"""Build workbook_templates/contoh_paser_belengkong_2023.xlsx from the TSV files beside this script.

It starts from the blank template (`lkjip template`) and fills it as staff would: numbers as
numbers, SAKIP values as text, one misi per line. Run: python scripts/build_example.py
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip_xl.base.errors import NotANumber  # noqa: E402
from lkjip_xl.base.files import atomic_path  # noqa: E402
from lkjip_xl.contract.schema import SETTINGS, Kind, sheet_spec  # noqa: E402
from lkjip_xl.read.numbers import parse_number_text  # noqa: E402
from lkjip_xl.write.template import write_template  # noqa: E402

DATA = Path(__file__).resolve().parent / "example_data" / "paser_belengkong_2023"
OUTPUT = ROOT / "workbook_templates" / "contoh_paser_belengkong_2023.xlsx"
PACKAGED = (
    ROOT / "lkjip_xl" / "data" / OUTPUT.name
)  # served by `lkjip serve` from an installed copy
LIST_SEPARATOR = "|"  # one misi / one point per line inside a cell


def read_tsv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
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


def fill_sheet(ws, sheet_name: str, rows: list[dict[str, str]]) -> None:
    spec = sheet_spec(sheet_name)
    header_cols = {cell.value: cell.column for cell in ws[1] if cell.value}
    for r, row in enumerate(rows, start=2):
        for header, text in row.items():
            if header not in header_cols:
                continue  # a note kept only in the data file (e.g. SKM "Catatan")
            column = next(c for c in spec.columns if c.header == header)
            ws.cell(row=r, column=header_cols[header], value=typed(text, column.kind))


def build(output: Path = OUTPUT) -> Path:
    identity = {row["Isian"]: row["Nilai"] for row in read_tsv("identitas.tsv")}
    with tempfile.TemporaryDirectory() as tmp:
        blank = Path(tmp) / "kosong.xlsx"
        write_template(blank)
        wb = openpyxl.load_workbook(blank)

    ws = wb["Identitas"]
    by_label = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for label, text in identity.items():
        setting = next(s for s in SETTINGS if s.label == label)
        ws.cell(row=by_label[label], column=2, value=typed(text, setting.kind))

    fill_sheet(wb["Sasaran"], "Sasaran", read_tsv("sasaran.tsv"))
    fill_sheet(wb["Anggaran"], "Anggaran", read_tsv("anggaran.tsv"))
    fill_sheet(wb["SKM"], "SKM", read_tsv("skm.tsv"))
    fill_sheet(wb["Desa"], "Desa", read_tsv("desa.tsv"))

    narasi = wb["Narasi"]
    texts = {row["Bagian"]: row["Teks"] for row in read_tsv("narasi.tsv")}
    for r in range(2, narasi.max_row + 1):
        part = narasi.cell(row=r, column=1).value
        if part in texts:
            narasi.cell(row=r, column=2, value=typed(texts[part], Kind.TEXT))

    lembaga = wb.create_sheet("Tabel Lembaga Kemasyarakatan")
    rows = read_tsv("tabel_lembaga.tsv")
    lembaga.append(list(rows[0].keys()))
    for row in rows:
        lembaga.append([typed(v, Kind.INTEGER) if k != "Desa" else v for k, v in row.items()])

    with atomic_path(output) as tmp_out:
        wb.save(tmp_out)
    return output


if __name__ == "__main__":
    print(f"Ditulis: {build()}")
    PACKAGED.write_bytes(OUTPUT.read_bytes())
    print(f"Ditulis: {PACKAGED}")
