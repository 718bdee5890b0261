"""lkjip validate: every kind of bad input gives the right finding at the right cell, exit status, no traceback."""

from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest
from conftest import EXAMPLE, HEADER, address, cell_at, codes_at, edit_cells, sha256
from staff_workbooks import delete_sheets

from lkjip_xl import read_workbook
from lkjip_xl.cli import main


def nilai(label: str) -> tuple[str, str]:
    """Identitas: the Nilai cell of the row labelled `label`."""
    return ("Nilai", label)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_contract_filled_template_validates_clean(valid_workbook, capsys):
    code, out, _ = run(capsys, "validate", str(valid_workbook))
    assert code == 0, out
    result = read_workbook(valid_workbook)
    assert result.ok
    assert not result.errors


def test_bundled_example_validates_with_no_finding():
    result = read_workbook(EXAMPLE)
    assert result.ok
    assert result.findings == []
    assert len(result.workbook.indicators) == 4
    assert len(result.workbook.skm) == 196
    assert len(result.workbook.budget) == 52
    assert result.workbook.free_tables[0].title == "Lembaga Kemasyarakatan"


@pytest.mark.parametrize(
    ("sheet", "changes", "code", "where"),
    [
        ("SKM", {("U1", 2): 5}, "skm-answer-invalid", ("U1", 2)),
        ("SKM", {("U2", 1): 2.5}, "skm-answer-invalid", ("U2", 1)),
        ("SKM", {("U3", 3): "baik"}, "skm-answer-invalid", ("U3", 3)),
        ("SKM", {("U4", 1): 0}, "skm-answer-invalid", ("U4", 1)),
        ("Sasaran", {("Polaritas", 1): "Naik turun"}, "choice-invalid", ("Polaritas", 1)),
        ("Sasaran", {("IKU", 2): "Mungkin"}, "choice-invalid", ("IKU", 2)),
        ("Sasaran", {("Target", 1): "delapan puluh"}, "measure-invalid", ("Target", 1)),
        ("Sasaran", {("Indikator Kinerja", 2): None}, "value-required", ("Indikator Kinerja", 2)),
        (
            "Sasaran",
            {("Sasaran Strategis", 1): None, ("Kode Sasaran", 1): None},
            "value-required",
            ("Sasaran Strategis", 1),
        ),
        (
            "Sasaran",
            {
                ("Indikator Kinerja", 2): "Indeks Kepuasan Masyarakat",
                ("Kode Sasaran", 2): "S1",
                ("Sasaran Strategis", 2): "Meningkatnya kualitas pelayanan publik",
            },
            "indicator-duplicate",
            ("Indikator Kinerja", 2),
        ),
        ("Anggaran", {("Kode", 1): "7.01.0X1"}, "budget-code-invalid", ("Kode", 1)),
        ("Anggaran", {("Pagu", 1): 160_000_000}, "budget-parent-mismatch", ("Pagu", 1)),
        ("Anggaran", {("Realisasi", 2): 120_000_000}, "budget-over-pagu", ("Realisasi", 2)),
        ("Anggaran", {("Pagu", 3): -5}, "amount-negative", ("Pagu", 3)),
        ("Anggaran", {("Pagu", 2): "sejuta"}, "number-invalid", ("Pagu", 2)),
        ("Anggaran", {("Pagu", 2): 1e28}, "number-too-large", ("Pagu", 2)),
        ("Sasaran", {("Realisasi", 1): 1e27}, "number-too-large", ("Realisasi", 1)),
        ("Anggaran", {("Pagu", 2): None}, "budget-amount-missing", ("Pagu", 2)),
        ("Anggaran", {("Tingkat", 1): "Kegiatan"}, "budget-orphan", ("Uraian", 1)),
        ("Anggaran", {("Tingkat", 1): None}, "budget-level-missing", ("Tingkat", 1)),
        ("Identitas", {nilai("Tahun Laporan"): "dua ribu"}, "year-invalid", nilai("Tahun Laporan")),
        ("Identitas", {nilai("Tahun Laporan"): 23}, "year-invalid", nilai("Tahun Laporan")),
        ("Identitas", {nilai("NIP Camat"): "1966061319960310"}, "nip-invalid", nilai("NIP Camat")),
        ("Identitas", {nilai("NIP Camat"): 196606131996031001}, "nip-invalid", nilai("NIP Camat")),
        ("Identitas", {nilai("Versi Template"): "3"}, "version-mismatch", nilai("Versi Template")),
        ("Identitas", {nilai("Provinsi"): None}, "value-required", nilai("Provinsi")),
        (
            "Identitas",
            {nilai("Bobot Unsur SKM"): "1/10"},
            "choice-invalid",
            nilai("Bobot Unsur SKM"),
        ),
    ],
)
def test_bad_value_gives_error_at_its_cell(valid_workbook, capsys, sheet, changes, code, where):
    cell = cell_at(valid_workbook, sheet, *where)
    edit_cells(valid_workbook, sheet, changes)
    before = sha256(valid_workbook)
    exit_code, out, err = run(capsys, "validate", str(valid_workbook), "--format", "json")
    assert exit_code == 1
    assert "Traceback" not in out + err
    payload = json.loads(out)
    hits = [f for f in payload["findings"] if f["code"] == code]
    assert hits, payload["findings"]
    assert any(
        f["sheet"] == sheet and f["cell"] == cell and f["severity"] == "error" for f in hits
    ), hits
    assert all(f["message"] for f in hits)
    assert sha256(valid_workbook) == before  # the input is never written


def test_parent_mismatch_message_names_both_figures(valid_workbook):
    edit_cells(valid_workbook, "Anggaran", {("Pagu", 1): 150_000_600})
    f = next(
        f for f in read_workbook(valid_workbook).findings if f.code == "budget-parent-mismatch"
    )
    assert "150.000.600" in f.message and "150.000.000" in f.message and "600" in f.message


def test_missing_required_sheet(valid_workbook):
    delete_sheets(valid_workbook, "Anggaran")
    result = read_workbook(valid_workbook)
    assert ("sheet-missing", "Anggaran", "A1") in codes_at(result.findings)
    assert not result.ok


def test_missing_required_header(valid_workbook):
    edit_cells(valid_workbook, "Sasaran", {("Target", HEADER): "Sasaran Target"})
    result = read_workbook(valid_workbook)
    assert any(f.code == "header-missing" and "Target" in f.message for f in result.findings)


def test_custom_scale_with_gap_and_overlap(filled):
    path = filled(
        identitas={"Skala Capaian": "Kustom"},
        sheets={
            "Skala": [
                {"Batas Bawah (%)": 0, "Batas Atas (%)": 55, "Predikat": "Kurang"},
                {"Batas Bawah (%)": 55, "Batas Atas (%)": 75, "Predikat": "Cukup"},
                {"Batas Bawah (%)": 100, "Batas Atas (%)": None, "Predikat": "Baik"},
                {"Batas Bawah (%)": 70, "Batas Atas (%)": 80, "Predikat": "Tumpang"},
            ]
        },
    )
    codes = {f.code for f in read_workbook(path).findings}
    assert {"scale-gap", "scale-overlap"} <= codes


def test_custom_scale_without_sheet_is_an_error(filled):
    path = filled(identitas={"Skala Capaian": "Kustom"})
    delete_sheets(path, "Skala")
    assert "sheet-required-by-setting" in {f.code for f in read_workbook(path).findings}


def test_reading_rules_title_rows_reordered_columns_extra_column_merged_and_gap(
    tmp_path, valid_workbook
):
    """A sheet staff rearranged: title above the header, columns in another order, a column of
    their own, merged grouping cells, Indonesian number text and a row after a gap."""
    wb = openpyxl.load_workbook(valid_workbook)
    del wb["Sasaran"]
    ws = wb.create_sheet(" sasaran ")
    ws["A1"] = "PERJANJIAN KINERJA 2024"
    ws.append([])
    ws.append(
        [
            "Catatan Kami",
            "Realisasi",
            "Target",
            "Satuan",
            "Indikator\nKinerja",
            "Sasaran Strategis",
            "Kode Sasaran",
        ]
    )
    ws.append(["x", "82,17%", "80", "%", "Capaian A", "Sasaran satu", "S1"])
    ws.append([None, "1.234", "1.000", "unit", "Capaian B", None, None])
    ws.append([None, "N/A", "50", "unit", "Capaian C", "Sasaran dua", "S2"])
    ws.merge_cells("F4:F5")
    ws.append([])
    ws.append([None, "9", "9", "unit", "Tercecer", "Sasaran tiga", "S3"])
    wb.save(valid_workbook)
    result = read_workbook(valid_workbook)
    inds = result.workbook.indicators
    # version 2: a blank row does not end the table; the row after it is read, with a note
    assert [i.indikator for i in inds] == ["Capaian A", "Capaian B", "Capaian C", "Tercecer"]
    assert inds[0].realisasi.number == pytest.approx(82.17)
    assert inds[1].realisasi.number == 1234 and inds[1].target.number == 1000
    assert (
        inds[1].sasaran == "Sasaran satu" and inds[1].kode_sasaran == "S1"
    )  # merged/blank = same as above
    assert not inds[2].realisasi.available
    found = codes_at(result.findings, " sasaran ")
    assert ("column-extra", " sasaran ", "A3") in found
    assert ("row-gap", " sasaran ", "B8") in found
    assert result.ok


def test_percent_formatted_cell_counts_in_percent(valid_workbook):
    wb = openpyxl.load_workbook(valid_workbook)
    ws = wb["Sasaran"]
    ref = address(ws, "Realisasi", 1)
    ws[ref] = 0.88
    ws[ref].number_format = "0%"
    wb.save(valid_workbook)
    assert read_workbook(valid_workbook).workbook.indicators[0].realisasi.number == pytest.approx(
        88
    )


def test_formula_without_cached_value_is_an_error(valid_workbook):
    # openpyxl saves no cached result
    pagu = edit_cells(valid_workbook, "Anggaran", {("Pagu", 2): "=60000000+40000000"})["Pagu", 2]
    result = read_workbook(valid_workbook)
    assert ("formula-no-cache", "Anggaran", pagu) in codes_at(result.findings)
    assert "simpan ulang" in next(
        f.message for f in result.findings if f.code == "formula-no-cache"
    )


def test_formula_with_cached_value_is_read(valid_workbook, tmp_path):
    """A formula saved by Excel carries its result; the reader uses it."""
    edit_cells(valid_workbook, "Anggaran", {("Pagu", 2): "=60000000+40000000"})
    patched = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(valid_workbook) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/") and b"60000000+40000000" in data:
                data = data.replace(
                    b"<f>60000000+40000000</f><v></v>", b"<f>60000000+40000000</f><v>100000000</v>"
                )
                data = data.replace(
                    b"<f>60000000+40000000</f></c>", b"<f>60000000+40000000</f><v>100000000</v></c>"
                )
            dst.writestr(item, data)
    result = read_workbook(patched)
    assert result.ok, result.findings
    assert result.workbook.budget[1].pagu == 100_000_000


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "kosong"),
        (b"No;Nama\n1;Budi\n", "CSV"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 100
            + "EncryptionInfo".encode("utf-16-le")
            + b"\x00" * 100,
            "kata sandi",
        ),
    ],
)
def test_files_that_are_not_workbooks_exit_2(tmp_path, capsys, content, fragment):
    path = tmp_path / "buku.xlsx"
    path.write_bytes(content)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 2
    assert fragment in err
    assert "Traceback" not in out + err
    assert path.read_bytes() == content


def test_docx_renamed_xlsx_and_missing_path_exit_2(tmp_path, capsys):
    docx = tmp_path / "laporan.xlsx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("[Content_Types].xml", "<Types/>")
    code, _, err = run(capsys, "validate", str(docx))
    assert code == 2 and "dokumen Word" in err
    code, _, err = run(capsys, "validate", str(tmp_path / "tidak-ada.xlsx"))
    assert code == 2 and "tidak ditemukan" in err


def test_tandai_writes_marked_copy_and_leaves_input_alone(valid_workbook, tmp_path, capsys):
    answer = edit_cells(valid_workbook, "SKM", {("U1", 2): 7})["U1", 2]
    # a blank Satuan: a warning
    satuan = edit_cells(valid_workbook, "Sasaran", {("Satuan", 1): None})["Satuan", 1]
    before = sha256(valid_workbook)
    marked = tmp_path / "diperiksa.xlsx"
    code, out, _ = run(capsys, "validate", str(valid_workbook), "--tandai", str(marked))
    assert code == 1
    assert sha256(valid_workbook) == before
    wb = openpyxl.load_workbook(marked)
    cell = wb["SKM"][answer]
    assert cell.fill.start_color.rgb.endswith("FFC7CE")
    assert "skm-answer-invalid" in cell.comment.text
    assert wb["Sasaran"][satuan].fill.start_color.rgb.endswith("FFEB9C")
    assert wb.sheetnames[0] == "Temuan"
    listed = [row[3] for row in wb["Temuan"].iter_rows(min_row=2, values_only=True)]
    assert "skm-answer-invalid" in listed and "value-blank" in listed


def test_tandai_refuses_to_overwrite_input(valid_workbook, capsys):
    before = sha256(valid_workbook)
    code, _, err = run(capsys, "validate", str(valid_workbook), "--tandai", str(valid_workbook))
    assert code == 3 and "menimpa" in err
    assert sha256(valid_workbook) == before


def test_table_output_is_readable_indonesian(valid_workbook, capsys):
    answer = edit_cells(valid_workbook, "SKM", {("U1", 2): 7})["U1", 2]
    code, out, _ = run(capsys, "validate", str(valid_workbook))
    assert code == 1
    assert "SKM" in out and answer in out and "KESALAHAN" in out
    assert "Ditemukan 1 kesalahan" in out


def test_warnings_alone_exit_0(valid_workbook, capsys):
    edit_cells(valid_workbook, "SKM", {("U1", 2): None})  # blank answer: a warning, left out of NRR
    code, out, _ = run(capsys, "validate", str(valid_workbook), "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert payload["valid"] is True
    assert [f["code"] for f in payload["findings"]] == ["skm-answer-blank"]
