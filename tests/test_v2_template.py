"""The blank template carries every version 2 sheet, its dropdowns and its Petunjuk, from the
schema alone; read back with openpyxl."""

from __future__ import annotations

import openpyxl
import pytest

from lkjip_xl.contract.schema import CONTRACT_VERSION, DATA_SHEETS
from lkjip_xl.write.template import write_template

V2_SHEETS = (
    "Pegawai",
    "Renstra",
    "Riwayat",
    "Riwayat Anggaran",
    "Rencana Aksi",
    "PK Berjenjang",
    "Gambar",
)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("v2t") / "kosong.xlsx"
    write_template(path, {"tahun": 2025, "periode_renstra": "2021-2026", "kecamatan": "Batu Engau"})
    return openpyxl.load_workbook(path)


def validations(ws) -> dict[str, object]:
    """Header text → the data validation of its column's input cells."""
    headers = {c.column_letter: c.value for c in ws[1] if c.value}
    out = {}
    for dv in ws.data_validations.dataValidation:
        first = str(dv.sqref).split(":")[0]
        letters = first.rstrip("0123456789")
        if letters in headers:
            out[headers[letters]] = dv
    return out


def test_every_version_2_sheet_with_its_headers(book):
    assert CONTRACT_VERSION == "2"
    for name in V2_SHEETS:
        spec = next(s for s in DATA_SHEETS if s.name == name)
        headers = [c.value for c in book[name][1] if c.value]
        assert [c.header for c in spec.columns] == [
            h for h in headers if h in {c.header for c in spec.columns}
        ]
    assert book.sheetnames.index("Pegawai") > book.sheetnames.index("Desa")
    assert book.sheetnames[-1] == "Narasi"


def test_renstra_year_columns_follow_the_renstra_period(book):
    headers = [c.value for c in book["Renstra"][1] if c.value]
    years = [h for h in headers if h.startswith(("Target 2", "Pagu 2"))]
    assert years == [f"Target {y}" for y in range(2022, 2027)] + [
        f"Pagu {y}" for y in range(2022, 2027)
    ]
    assert (
        headers.index("Kondisi Awal") < headers.index("Target 2022") < headers.index("Target Akhir")
    )


def test_rencana_aksi_headers_read_on_one_row(book):
    headers = [c.value for c in book["Rencana Aksi"][1] if c.value]
    assert [h for h in headers if "TW" in h] == [
        *(f"Target TW {q}" for q in ("I", "II", "III", "IV")),
        *(f"Realisasi TW {q}" for q in ("I", "II", "III", "IV")),
    ]


@pytest.mark.parametrize(
    ("sheet", "header", "choices"),
    [
        ("Pegawai", "Pendidikan Terakhir", "Daftar_Pendidikan_Terakhir"),
        ("Pegawai", "Jenis Kelamin", "Daftar_Jenis_Kelamin"),
        ("Pegawai", "Status Kepegawaian", "Daftar_Status_Kepegawaian"),
        ("Rencana Aksi", "Kumulatif", "Daftar_Ya_atau_Tidak"),
    ],
)
def test_closed_vocabularies_are_dropdowns_that_refuse_other_text(book, sheet, header, choices):
    dv = validations(book[sheet])[header]
    assert (dv.type, dv.formula1) == ("list", choices)
    assert dv.errorStyle in (None, "stop")  # absent means stop: other text is refused


@pytest.mark.parametrize(("sheet", "header"), [("Gambar", "Bagian"), ("Narasi", "Bagian")])
def test_open_vocabularies_suggest_but_accept_other_text(book, sheet, header):
    dv = validations(book[sheet])[header]
    assert dv.type == "list" and dv.errorStyle == "information"


def test_lists_hold_the_vocabularies(book):
    names = {n: book.defined_names[n].attr_text for n in book.defined_names}
    ws = book["Daftar"]
    columns = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    col = columns["Pendidikan Terakhir"]
    assert [ws.cell(r, col).value for r in range(2, 12)] == [
        "SD",
        "SMP",
        "SMA/SMK",
        "D1",
        "D2",
        "D3",
        "D4",
        "S1",
        "S2",
        "S3",
    ]
    assert "Daftar_Letak" in names and "Daftar_Penomoran_Halaman" in names


def test_identitas_has_the_version_2_settings_with_their_defaults(book):
    ws = book["Identitas"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    assert values["Target Triwulan"] == "Per triwulan"
    assert values["Penomoran Halaman"] == "Romawi lalu Arab"
    assert values["Tahun Perjanjian Kinerja"] is None and values["Motto"] is None
    assert values["Versi Template"] == "2"
    labels = list(values)
    # the version 1 rows keep their places; the new ones come before the version row
    assert labels.index("Populasi Penerima Layanan") < labels.index("Tahun Perjanjian Kinerja")
    assert labels[-1] == "Versi Template"


def test_gambar_rows_have_room_for_a_picture(book):
    ws = book["Gambar"]
    assert ws.row_dimensions[2].height == 90
    assert ws.cell(2, 1).value is None  # no starter rows: a Bagian without a picture is reported


def test_petunjuk_explains_every_new_sheet_and_the_free_table_lines(book):
    text = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    for name in V2_SHEETS:
        assert f"Sheet '{name}'" in text
    for phrase in (
        "Judul: …",
        "Letak: Bab II",
        "Sumber: …",
        "Target <tahun>",
        "Analisis Sasaran S1",
    ):
        assert phrase in text, phrase
