# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""The test-side XML cell editor (xlsx_cells) writes what openpyxl writes, and the helpers that
use it give the product the same workbook as their openpyxl versions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import contract_filler
import openpyxl
import pytest
import xlsx_cells
import xlsxwriter
from conftest import address, edit_cells
from contract_filler import PEGAWAI, RENSTRA, SASARAN
from lxml import etree
from staff_workbooks import insert_rows, rename_sheet, rename_sheet_openpyxl
from v2_helpers import V2_BASE_SHEETS, make_v2, v2_bytes  # noqa: F401

from lkjip_xl import read_workbook

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def sparse_workbook(path: Path) -> Path:
    """A small workbook as Excel-like writers save one: shared strings, styles, gaps."""
    wb = xlsxwriter.Workbook(str(path))
    bold = wb.add_format({"bold": True})
    when = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws = wb.add_worksheet("Data")
    ws.write_row(0, 0, ["Nama", "Jumlah", "Tanggal"], bold)
    ws.write(4, 0, "Budi")
    ws.write(4, 2, None, when)  # a styled empty cell
    ws.write(6, 1, 12)
    wb.add_worksheet("Lain").write(0, 0, "tetap")
    wb.close()
    return path


def test_every_value_kind_lands_in_its_cell_with_its_style(tmp_path):
    path = sparse_workbook(tmp_path / "jarang.xlsx")
    before = openpyxl.load_workbook(path)["Data"]
    styles = {ref: before[ref].style_id for ref in ("A1", "C5")}
    book = xlsx_cells.Book(path)
    ws = book.sheet("Data")
    edits = {
        "B2": 42,
        "B3": 0.1 + 0.2,
        "B4": True,
        "A2": "  spasi di depan",
        "A3": "#DIV/0!",
        "A4": "=B2*2",
        "A1": "Nama Baru",  # a styled header cell
        "C5": dt.date(2024, 2, 22),  # a date into a cell with a date format
        "A5": None,
        "D9": "baru",
    }
    for ref, value in edits.items():
        ws.set_ref(ref, value)
    ws.set_text(10, 1, "=SUM(B2:B3)")  # typed after an apostrophe: text, not a formula
    book.save(path)

    after = openpyxl.load_workbook(path)["Data"]
    assert after["B2"].value == 42
    assert after["B3"].value == 0.3  # 0.30000000000000004 to 16 digits, as openpyxl writes it
    assert after["B4"].value is True
    assert after["A2"].value == "  spasi di depan"
    assert (after["A3"].value, after["A3"].data_type) == ("#DIV/0!", "e")
    assert after["A4"].value == "=B2*2"
    assert after["A1"].value == "Nama Baru"
    assert after["C5"].value == dt.datetime(2024, 2, 22)
    assert after["A5"].value is None
    assert after["D9"].value == "baru"
    assert (after["A10"].value, after["A10"].data_type) == ("=SUM(B2:B3)", "s")
    assert after["B7"].value == 12 and after["B1"].value == "Jumlah"
    assert {ref: after[ref].style_id for ref in styles} == styles
    assert after["A1"].font.b and after["C5"].number_format == "dd/mm/yyyy"
    assert after.max_row == 10 and after.max_column == 4  # the dimension covers D9 and A10


def test_rows_and_cells_are_created_in_order_and_spans_widen(tmp_path):
    path = sparse_workbook(tmp_path / "jarang.xlsx")
    book = xlsx_cells.Book(path)
    ws = book.sheet("Data")
    for ref in ("B6", "A7", "F5", "A3", "Z2", "B5", "C20"):
        ws.set_ref(ref, ref)
    book.save(path)

    sheet = etree.fromstring(members(path)["xl/worksheets/sheet1.xml"])
    rows = sheet.find(f"{M}sheetData").findall(f"{M}row")
    numbers = [int(r.get("r")) for r in rows]
    assert numbers == sorted(numbers) == [1, 2, 3, 5, 6, 7, 20]
    for row in rows:
        cols = [xlsx_cells.split_ref(c.get("r"))[1] for c in row.findall(f"{M}c")]
        assert cols == sorted(cols) and len(cols) == len(set(cols))
        if row.get("spans"):
            lo, hi = (int(x) for x in row.get("spans").split(":"))
            assert lo <= min(cols) and max(cols) <= hi
    values = openpyxl.load_workbook(path)["Data"]
    for ref in ("B6", "A7", "F5", "A3", "Z2", "B5", "C20"):
        assert values[ref].value == ref
    assert values["A5"].value == "Budi" and values["B7"].value == 12


def test_shared_strings_and_untouched_members_stay_byte_for_byte(tmp_path):
    path = sparse_workbook(tmp_path / "jarang.xlsx")
    original = members(path)
    edit_path = tmp_path / "diubah.xlsx"
    book = xlsx_cells.Book(path)
    book.sheet("Data").set_ref("A5", "Sinta")  # was the shared string "Budi"
    book.sheet("Data").set_ref("A6", "Nama")  # a text the shared table already holds
    book.save(edit_path)

    edited = members(edit_path)
    assert list(edited) == list(original)
    changed = {name for name in original if edited[name] != original[name]}
    assert changed == {"xl/worksheets/sheet1.xml"}
    assert members(path) == original  # the input is left alone
    wb = openpyxl.load_workbook(edit_path)
    assert [c.value for c in wb["Data"][1]] == ["Nama", "Jumlah", "Tanggal"]
    assert (wb["Data"]["A5"].value, wb["Data"]["A6"].value) == ("Sinta", "Nama")
    assert wb["Lain"]["A1"].value == "tetap"
    sst = etree.fromstring(edited["xl/sharedStrings.xml"])
    assert int(sst.get("uniqueCount")) == len(sst.findall(f"{M}si"))
    assert int(sst.get("count")) >= int(sst.get("uniqueCount"))


def test_a_date_in_a_cell_without_date_format_is_left_to_openpyxl(valid_workbook):
    book = xlsx_cells.Book(valid_workbook)
    with pytest.raises(xlsx_cells.NeedsOpenpyxl):
        book.sheet("Sasaran").set_ref("J2", dt.date(2024, 1, 1))
    edit_cells(valid_workbook, "Sasaran", {("Realisasi", 1): dt.date(2024, 1, 1)})
    cell = openpyxl.load_workbook(valid_workbook)["Sasaran"]["J2"]
    assert cell.value == dt.datetime(2024, 1, 1) and cell.is_date


def read_same(path: Path) -> tuple[object, list]:
    result = read_workbook(path)
    return dataclasses.replace(result.workbook, path=""), list(result.findings)


def openpyxl_edit(path: Path, edits: dict[str, dict]) -> None:
    """conftest.edit_cells as it was written with openpyxl, for several sheets in one save."""
    wb = openpyxl.load_workbook(path)
    for sheet, changes in edits.items():
        ws = wb[sheet]
        refs = {key: address(ws, *key) for key in changes}
        for key, value in changes.items():
            ws[refs[key]] = value
    wb.save(path)


EDITS = {  # text in number cells, a formula, a number and a blank, a date and padded text, a row
    "Sasaran": {
        ("Realisasi", 1): "-",
        ("Target", 2): "sepuluh",
        ("Kode Sasaran", 4): "S3",
        ("Indikator Kinerja", 4): "Baru",
    },
    "Anggaran": {("Pagu", 2): "=60000000+40000000"},
    "SKM": {("U1", 2): 7, ("U2", 3): None},
    "Identitas": {
        ("Nilai", "Tanggal Laporan"): dt.date(2024, 2, 22),
        ("Nilai", "Kecamatan"): " Maju ",
    },
}


def test_xml_edits_read_as_the_same_openpyxl_edits(filled):
    by_xml, by_openpyxl = filled("xml.xlsx"), filled("openpyxl.xlsx")
    book = xlsx_cells.Book(by_xml)
    for sheet, changes in EDITS.items():
        ws = book.sheet(sheet)
        for key, value in changes.items():
            ws.set(*xlsx_cells.address(ws, *key), value)  # no fallback: the XML route itself
    book.save(by_xml)
    openpyxl_edit(by_openpyxl, EDITS)
    workbook, findings = read_same(by_xml)
    # every sheet's edit is one the reader has something to say about
    assert {f.sheet for f in findings} >= {"Sasaran", "Anggaran", "SKM"}
    assert (workbook, findings) == read_same(by_openpyxl)


def openpyxl_insert_rows(path: Path, inserts: list[tuple[str, int, list[dict]]]) -> None:
    """staff_workbooks.insert_rows as it was written with openpyxl, several in one save."""
    wb = openpyxl.load_workbook(path)
    for sheet, at, rows in inserts:
        ws = wb[sheet]
        cols = {str(c.value).strip(): c.column for c in ws[1] if c.value is not None}
        ws.insert_rows(at, len(rows))
        for i, record in enumerate(rows):
            for header, value in record.items():
                ws.cell(row=at + i, column=cols[header], value=value)
    wb.save(path)


INSERTS = [  # a blank row, a Jumlah row and a blank, a title row above the header
    ("Anggaran", 4, [{}]),
    ("SKM", 3, [{"U1": "Jumlah", "U2": 15}, {}]),
    ("Sasaran", 1, [{"Kode Sasaran": "Capaian Kinerja 2024"}]),
]
RENAMES = [("SKM", "SKM 2023", False), ("Belanja", "Belanja lama", True)]


def test_rows_inserted_and_sheets_renamed_in_the_xml_read_as_openpyxl_did_them(filled):
    """One workbook per route (each openpyxl save costs ~0,8 s): rows inserted into three
    sheets, then two sheets renamed, one of them hidden."""
    by_xml, by_openpyxl = filled("xml.xlsx"), filled("openpyxl.xlsx")
    for sheet, at, rows in INSERTS:
        insert_rows(by_xml, sheet, at, rows)
    openpyxl_insert_rows(by_openpyxl, INSERTS)
    for old, new, hidden in RENAMES:
        rename_sheet(by_xml, old, new, hidden)
        rename_sheet_openpyxl(by_openpyxl, old, new, hidden)

    workbook, findings = read_same(by_xml)
    assert {f.sheet for f in findings} >= {"SKM 2023", "Anggaran"}  # a title row is no finding
    assert (workbook, findings) == read_same(by_openpyxl)
    xml_wb, openpyxl_wb = (openpyxl.load_workbook(p) for p in (by_xml, by_openpyxl))
    for sheet in ("Anggaran", "SKM 2023", "Sasaran"):
        xml_rows = [[(c.value, c.style_id) for c in row] for row in xml_wb[sheet].iter_rows()]
        openpyxl_rows = [[(c.value, c.style_id) for c in r] for r in openpyxl_wb[sheet].iter_rows()]
        assert xml_rows == openpyxl_rows, sheet
    assert xml_wb.sheetnames == openpyxl_wb.sheetnames
    assert [ws.sheet_state for ws in xml_wb] == [ws.sheet_state for ws in openpyxl_wb]
    assert sorted((n, v.attr_text) for ws in xml_wb for n, v in ws.defined_names.items()) == sorted(
        (n, v.attr_text) for ws in openpyxl_wb for n, v in ws.defined_names.items()
    )
    assert xml_wb["SKM 2023"].print_title_rows == openpyxl_wb["SKM 2023"].print_title_rows


def test_a_cached_formula_result_is_written_as_excel_saves_it(filled):
    from staff_workbooks import cache_formulas

    path = filled()
    cache_formulas(path, "Sasaran", {"J2": ("I2/0", "#DIV/0!"), "J3": ("5+7", 12)})
    cache_formulas(path, "Sasaran", {"G2": ('"ni"&"lai"', "nilai")})
    sheet = etree.fromstring(members(path)["xl/worksheets/sheet4.xml"])
    cells = {c.get("r"): c for c in sheet.iter(f"{M}c")}
    shown = {
        ref: (cells[ref].get("t"), cells[ref].findtext(f"{M}f"), cells[ref].findtext(f"{M}v"))
        for ref in ("J2", "J3", "G2")
    }
    assert shown == {
        "J2": ("e", "I2/0", "#DIV/0!"),
        "J3": (None, "5+7", "12"),
        "G2": ("str", '"ni"&"lai"', "nilai"),
    }
    values = openpyxl.load_workbook(path, data_only=True)["Sasaran"]
    assert (values["J2"].value, values["J3"].value, values["G2"].value) == ("#DIV/0!", 12, "nilai")


def test_a_filled_variant_patched_reads_as_one_filled_anew(filled, blank_template, tmp_path):
    identitas = {"Kecamatan": None, "Tahun Laporan": 2023, "Skala Capaian": None}
    sheets = {"Sasaran": SASARAN[1:], "SKM": [{"U1": 4}, {"U1": 2, "U9": 3}]}
    patched = filled("tambal.xlsx", identitas=identitas, sheets=sheets)
    anew = contract_filler.fill(blank_template, tmp_path / "baru.xlsx", identitas, sheets)
    assert read_same(patched) == read_same(anew)
    assert openpyxl.load_workbook(patched)["Sasaran"]["A4"].value is None  # old S2 row cleared


def test_a_v2_variant_patched_reads_as_one_filled_anew(make_v2, blank_template, tmp_path):
    identitas = {"Motto": None, "Penomoran Halaman": "Romawi lalu Arab"}
    sheets = {"Renstra": RENSTRA[1:], "Pegawai": PEGAWAI[:3], "Desa": []}
    patched = make_v2("tambal.xlsx", identitas=identitas, sheets=sheets)
    anew = contract_filler.fill_v2(blank_template, tmp_path / "baru.xlsx", identitas, sheets)
    assert read_same(patched) == read_same(anew)
    renstra = openpyxl.load_workbook(patched)["Renstra"]
    blank = openpyxl.load_workbook(blank_template)["Renstra"]
    # the base's added "Target 2023" column is gone, as in a workbook filled without it
    assert [c.value for c in renstra[1] if c.value] == [c.value for c in blank[1] if c.value]
    assert set(V2_BASE_SHEETS) >= set(sheets)
