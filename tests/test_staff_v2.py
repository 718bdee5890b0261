# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""The version 2 reading rules (issue 13) on the version 2 sheets (issue 11), and data rows that
only look like the cases those rules catch: each as a named sample workbook built in the test."""

from __future__ import annotations

import io
import zipfile

import contract_filler
import openpyxl
import pytest
import xlsxwriter
from conftest import codes_at
from staff_workbooks import append_rows, cache_formulas, insert_rows, rename_sheet, set_cells
from v2_helpers import cell_of, image_data, png, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl import read_workbook
from lkjip_xl.contract.findings import CODES, Severity
from lkjip_xl.read.source import CellError, XlsxSource


@pytest.mark.parametrize("code", ["version-old", "renstra-target-text", "gambar-empty"])
def test_notes_of_the_v2_sheets_are_info(code):
    assert CODES[code].severity is Severity.INFO


def test_picture_placed_in_a_cell_is_no_error_value(tmp_path):
    """Excel caches '#VALUE!' for a picture placed in a cell (a rich value, `vm`) for readers
    that know no pictures; a true error value beside it is still one."""
    path = tmp_path / "gambar-di-sel-dan-galat.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Gambar")
    ws.write_row(0, 0, ["Bagian", "Gambar"])
    ws.write(1, 0, "Logo")
    ws.embed_image(1, 1, "logo.png", {"image_data": image_data(png())})
    ws.write_formula(2, 1, "=1/0", None, "#DIV/0!")
    book.close()
    with zipfile.ZipFile(path) as zf:
        assert b'vm="1"><v>#VALUE!</v>' in zf.read("xl/worksheets/sheet1.xml")
    with XlsxSource(path) as source:
        grid = source.grid("Gambar")
    assert not isinstance(grid.value(2, 2), CellError)
    assert grid.value(3, 2) == CellError("#DIV/0!", "=1/0")


def test_v2_workbook_with_pictures_in_cells_reads_clean(v2_workbook, tmp_path):
    """The whole v2 sample, its Gambar sheet rewritten by xlsxwriter with a picture in a cell."""
    path = _with_gambar_in_cell(v2_workbook, tmp_path / "v2-logo-di-sel.xlsx")
    result = read_workbook(path)
    assert not [f for f in result.findings if f.code == "cell-error-value"]
    assert result.ok, [(f.code, f.sheet, f.cell) for f in result.errors]
    assert [p.part for p in result.workbook.pictures] == ["logo"]


def test_error_value_in_a_v2_sheet_is_an_error_at_its_cell(v2_workbook):
    ref = cell_of(v2_workbook, "Renstra", 0, "Target 2024")
    cache_formulas(v2_workbook, "Renstra", {ref: ("1/0", "#DIV/0!")})
    result = read_workbook(v2_workbook)
    assert ("cell-error-value", "Renstra", ref) in codes_at(result.findings)


def test_near_named_v2_sheet_is_an_error_that_names_both(v2_workbook):
    rename_sheet(v2_workbook, "Pegawai", "Pegawai 2023")
    result = read_workbook(v2_workbook)
    assert ("sheet-misnamed", "Pegawai 2023", "A1") in codes_at(result.findings)
    assert result.workbook is None or result.workbook.staff == ()


def test_blank_row_inside_pegawai_ends_nothing(v2_workbook):
    staff = len(read_workbook(v2_workbook).workbook.staff)
    insert_rows(v2_workbook, "Pegawai", 4, [{}])  # a blank row between the 2nd and 3rd person
    result = read_workbook(v2_workbook)
    assert len(result.workbook.staff) == staff
    assert ("row-gap", "Pegawai", "A5") in codes_at(result.findings)


def test_jumlah_row_under_riwayat_anggaran_is_never_counted(v2_workbook):
    append_rows(
        v2_workbook,
        "Riwayat Anggaran",
        [{"Tahun": 2023, "Uraian": "Jumlah", "Pagu": 790_000_000, "Realisasi": 680_000_000}],
    )
    result = read_workbook(v2_workbook)
    assert "Jumlah" not in {b.uraian for b in result.workbook.budget_history}
    assert len(result.workbook.budget_history) == len(contract_filler.RIWAYAT_ANGGARAN)
    assert any(f.code in ("summary-row", "summary-mismatch") for f in result.findings)


def test_amounts_in_thousands_in_riwayat_anggaran_are_scaled(v2_workbook):
    rows = contract_filler.RIWAYAT_ANGGARAN
    set_cells(v2_workbook, "Riwayat Anggaran", {(1, "Pagu"): "Pagu (Rp 000)"})
    set_cells(v2_workbook, "Riwayat Anggaran", {(2, "Pagu (Rp 000)"): rows[0]["Pagu"] / 1000})
    result = read_workbook(v2_workbook)
    assert ("amount-unit-scaled", "Riwayat Anggaran", cell_of(v2_workbook, "Riwayat Anggaran", -1, "Pagu (Rp 000)")) in codes_at(result.findings)  # fmt: skip
    assert result.workbook.budget_history[0].pagu == rows[0]["Pagu"]


# --- rows that only look like the cases the rules catch ----------------------------------------


def test_jumlah_as_satuan_and_text_values_naming_columns_are_data(filled):
    """'Jumlah Inovasi' counted in 'Jumlah', a predikat indicator whose Satuan is 'Predikat':
    each row is an indicator, no typed total row and no second table (as in Kota Bangun)."""
    sasaran = [
        *contract_filler.SASARAN,
        {
            "Kode Sasaran": "S3",
            "Sasaran Strategis": "Tertibnya arsip",
            "Tingkat": "Sasaran",
            "Indikator Kinerja": "Predikat tata kelola arsip",
            "Satuan": "Predikat",
            "Target": "B",
            "Realisasi": "B",
            "Polaritas": "Positif",
        },
        {
            "Kode Sasaran": "S3",
            "Sasaran Strategis": "Tertibnya arsip",
            "Indikator Kinerja": "Jumlah inovasi",
            "Satuan": "Jumlah",
            "Target": 1,
            "Realisasi": 1,
            "Polaritas": "Positif",
        },
    ]
    path = filled("sasaran-satuan-jumlah-dan-predikat.xlsx", sheets={"Sasaran": sasaran})
    result = read_workbook(path)
    assert result.ok, [(f.code, f.cell) for f in result.errors]
    codes = {f.code for f in result.findings}
    assert not codes & {"table-second", "summary-row", "summary-mismatch"}
    assert len(result.workbook.indicators) == len(sasaran)


def test_narasi_section_named_sumber_daya_manusia_is_no_note(filled):
    path = filled("narasi-sumber-daya-manusia.xlsx")
    append_rows(path, "Narasi", [{"Bagian": "Sumber Daya Manusia"}, {"Bagian": "Isu Strategis"}])
    result = read_workbook(path)
    assert "row-note" not in {f.code for f in result.findings}


def _with_gambar_in_cell(source, target):
    """`source` written again by xlsxwriter, cell by cell, with a logo placed in Gambar B2."""
    values = openpyxl.load_workbook(source)
    book = xlsxwriter.Workbook(str(target))
    for name in values.sheetnames:
        ws = book.add_worksheet(name)
        if name == "Gambar":
            ws.write_row(0, 0, ["Bagian", "Gambar"])
            ws.write(1, 0, "Logo")
            ws.embed_image(1, 1, "logo.png", {"image_data": image_data(png())})
            continue
        for r, row in enumerate(values[name].iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    book.close()
    return target


@pytest.mark.parametrize(
    ("name", "row", "label_cell"),
    [
        ("jumlah-di-kolom-kode", {"Kode": "JUMLAH"}, "A7"),
        ("kode-dan-jumlah", {"Kode": "7.01", "Tingkat": "Program", "Uraian": "Jumlah"}, "C7"),
    ],
)
def test_total_row_is_one_whatever_its_kode_says(filled, name, row, label_cell):
    path = filled(f"anggaran-{name}.xlsx")
    append_rows(path, "Anggaran", [{**row, "Pagu": 190_000_000, "Realisasi": 165_000_000}])
    result = read_workbook(path)
    assert ("summary-row", "Anggaran", label_cell) in codes_at(result.findings)
    assert len(result.workbook.budget) == len(contract_filler.ANGGARAN)  # the row is not one


def test_two_identical_skm_respondents_are_both_counted(filled):
    """Two people may answer alike on the same day: no duplicate, unlike Anggaran rows."""
    path = filled("skm-dua-responden-sama.xlsx")
    ws = openpyxl.load_workbook(path)["SKM"]
    first = {ws.cell(1, c).value: ws.cell(2, c).value for c in range(1, ws.max_column + 1)}
    before = len(read_workbook(path).workbook.skm)
    append_rows(path, "SKM", [{h: v for h, v in first.items() if h and v is not None}])
    result = read_workbook(path)
    assert len(result.workbook.skm) == before + 1
    assert not [f for f in result.findings if "duplicate" in f.code]


def test_web_page_shows_notes_as_catatan_not_peringatan(filled, tmp_path, monkeypatch):
    from lkjip_xl.web import create_app

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    sasaran = [dict(r) for r in contract_filler.SASARAN]
    sasaran[0]["Target"] = "delapan puluh"  # an error, so the page lists every finding
    path = filled(
        "kecamatan-dengan-kata-dan-target-teks.xlsx",
        identitas={"Kecamatan": "Kecamatan Sukamaju"},
        sheets={"Sasaran": sasaran},
    )
    client = create_app(pdf=False).test_client()
    page = client.post(
        "/periksa",
        data={"berkas": (io.BytesIO(path.read_bytes()), "buku.xlsx")},
        content_type="multipart/form-data",
    )
    html = page.get_data(as_text=True)
    identitas = html[html.index("<h3>Sheet Identitas") :]
    row = identitas[: identitas.index("name-cleaned")]
    assert '<span class="badge info">Catatan</span>' in row[row.rindex("<tr") :]
    assert '<span class="badge error">Kesalahan</span>' in html
