"""lkjip template: the blank workbook read back with openpyxl."""

from __future__ import annotations

import warnings

import openpyxl
import pytest
from conftest import address

from lkjip_xl.cli import main
from lkjip_xl.contract.schema import ALL_SHEETS, CONTRACT_VERSION, SETTINGS
from lkjip_xl.write.template import petunjuk_lines, write_template


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("t") / "kosong.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # xlsxwriter only warns when it drops a validation
        assert (
            main(["template", "-o", str(path), "--kecamatan", "Batu Engau", "--tahun", "2025"]) == 0
        )
    return openpyxl.load_workbook(path)


def test_every_contract_sheet_with_its_headers(book):
    for spec in ALL_SHEETS:
        ws = book[spec.name]
        years = [c.value for c in ws[1] if any(f.year_of(c.value) for f in spec.families)]
        headers = [c.value for c in ws[1] if c.value not in years]  # Renstra: Target 2024 …
        assert headers[: len(spec.columns)] == [c.header for c in spec.columns]
    assert book.sheetnames[0] == "Petunjuk"


def test_identitas_rows_prefill_and_version(book):
    ws = book["Identitas"]
    values = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
        for r in range(2, ws.max_row + 1)
    }
    assert list(values) == [s.label for s in SETTINGS]
    assert values["Kecamatan"] == "Batu Engau"
    assert values["Tahun Laporan"] == 2025
    assert values["Versi Template"] == CONTRACT_VERSION
    assert values["Skala Capaian"] == "Permendagri 86/2017"


def test_dropdowns_and_numeric_validation(book):
    ws = book["Sasaran"]
    dv = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    polaritas = next(v for k, v in dv.items() if k.startswith(address(ws, "Polaritas", 1)))
    assert polaritas.type == "list" and polaritas.formula1 == "Daftar_Polaritas"
    skm = {str(v.sqref): v for v in book["SKM"].data_validations.dataValidation}
    u1 = next(v for k, v in skm.items() if k.startswith(address(book["SKM"], "U1", 1)))
    assert (u1.type, u1.formula1, u1.formula2) == ("whole", "1", "4")
    assert "1, 2, 3 atau 4" in u1.error
    assert (
        book.defined_names["Daftar_Polaritas"].attr_text.endswith("$A$2:$A$3")
        or "Daftar" in book.defined_names["Daftar_Polaritas"].attr_text
    )


def test_derived_columns_locked_inputs_unlocked_sheet_protected(book):
    ws = book["Sasaran"]
    assert ws.protection.sheet and not ws.protection.password
    headers = {c.value: c.column_letter for c in ws[1]}
    assert ws[f"{headers['Capaian (%)']}2"].protection.locked is True
    assert ws[f"{headers['Target']}2"].protection.locked is False
    assert ws[f"{headers['Target']}200"].protection.locked is False
    assert ws.freeze_panes == "A2"
    assert ws.page_setup.paperSize == 9


def test_petunjuk_explains_every_sheet(book):
    text = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    for spec in ALL_SHEETS:
        assert f"Sheet '{spec.name}'" in text
    assert len(petunjuk_lines()) > 40


def test_template_refuses_directory(tmp_path, capsys):
    assert main(["template", "-o", str(tmp_path)]) == 3
    assert "folder" in capsys.readouterr().err


def test_write_is_atomic_no_temp_left(tmp_path):
    write_template(tmp_path / "a.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]
