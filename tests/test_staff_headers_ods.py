"""Headers on two rows, and workbooks saved in LibreOffice's own format (.ods)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from conftest import codes_at, sha256
from staff_workbooks import OdsCell, workbook_rows, write_ods

from lkjip_xl import read_workbook
from lkjip_xl.cli import main


def run(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def replace_sheet(path, name: str, rows: list[list[object]], merges: list[str]) -> None:
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(name)
    del wb[name]
    ws = wb.create_sheet(name, index)
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)


FIXED = ["Kode Sasaran", "Sasaran Strategis", "Indikator Kinerja", "Satuan"]
DATA = [
    ["S1", "Meningkatnya pelayanan", "Indeks Kepuasan Masyarakat", "nilai", 80, 88, 80, 84],
    ["S2", "Menurunnya gangguan", "Angka kriminalitas", "kasus", 10, 12, None, None],
]


def test_two_row_header_with_group_cells_is_read_by_joining(filled):
    path = filled("sasaran-judul-dua-baris.xlsx")
    rows = [
        [*FIXED, "Tahun 2024", None, "Tahun Lalu", None],
        [None, None, None, None, "Target", "Realisasi", "Target", "Realisasi"],
        *DATA,
    ]
    replace_sheet(path, "Sasaran", rows, ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:H1"])
    result = read_workbook(path)
    assert result.ok, result.errors
    first = result.workbook.indicators[0]
    assert len(result.workbook.indicators) == 2
    assert (first.target.number, first.realisasi.number) == (80, 88)
    assert (first.target_lalu.number, first.realisasi_lalu.number) == (
        80,
        84,
    )  # "Target Tahun Lalu"


def test_unreadable_two_row_header_names_both_rows(filled):
    path = filled("sasaran-judul-dua-baris-tw.xlsx")
    quarters = ["TW I", "TW II", "TW III", "TW IV"]
    rows = [
        [*FIXED, "Target", None, None, None, "Realisasi", None, None, None],
        [None, None, None, None, *quarters, *quarters],
        ["S1", "Pelayanan", "IKM", "nilai", 20, 40, 60, 80, 22, 41, 60, 88],
    ]
    replace_sheet(path, "Sasaran", rows, ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:H1", "I1:L1"])
    result = read_workbook(path)
    assert ("header-two-rows", "Sasaran", "E1") in codes_at(result.findings)
    text = next(f.message for f in result.findings if f.code == "header-two-rows")
    assert "baris 1 dan 2" in text and "'Target' di atas 'TW I'" in text and "satu baris" in text
    assert not any(f.code == "header-missing" for f in result.findings)  # never "tidak ada"


def test_header_typed_one_row_too_low_says_where_it_is(filled):
    path = filled("sasaran-judul-realisasi-turun.xlsx")
    rows = [
        [*FIXED, "Target", None],
        [None, None, None, None, None, "Realisasi"],
        ["S1", "Pelayanan", "IKM", "nilai", 80, 88],
    ]
    replace_sheet(path, "Sasaran", rows, [])
    result = read_workbook(path)
    assert ("header-other-row", "Sasaran", "F2") in codes_at(result.findings)


# --- .ods --------------------------------------------------------------------------------------


def test_ods_workbook_reads_as_the_same_workbook(filled, tmp_path, capsys):
    xlsx = filled("buku-untuk-ods.xlsx")
    ods = write_ods(tmp_path / "buku-libreoffice.ods", workbook_rows(xlsx), hidden=("Daftar",))
    assert run(capsys, "validate", ods)[0] == 0
    a, b = read_workbook(xlsx).workbook, read_workbook(ods).workbook
    assert a.indicators == b.indicators and a.budget == b.budget and a.skm == b.skm
    # named .xlsx (as the web page saves an upload), its content decides
    renamed = tmp_path / "buku.xlsx"
    shutil.copy(ods, renamed)
    assert read_workbook(renamed).workbook.budget == a.budget


def test_ods_percent_error_and_merged_cells(filled, tmp_path):
    rows = workbook_rows(filled("buku-untuk-ods-khusus.xlsx"))
    sasaran = rows["Sasaran"]
    sasaran[1][9] = OdsCell(0.88, percent=True)  # J2: 88 % shown, 0,88 stored
    sasaran[2][9] = OdsCell(error="#DIV/0!", formula="=[.I3]/0")  # J3
    sasaran[1][2] = OdsCell(sasaran[1][2], span=(1, 1))
    ods = write_ods(tmp_path / "sasaran-persen-dan-galat.ods", rows)
    result = read_workbook(ods)
    assert result.workbook.indicators[0].realisasi.number == pytest.approx(88)
    assert ("cell-error-value", "Sasaran", "J3") in codes_at(result.findings)
    assert "=I3/0" in next(f.message for f in result.findings if f.code == "cell-error-value")


def test_fill_and_tandai_of_an_ods_write_xlsx(filled, tmp_path, capsys):
    ods = write_ods(tmp_path / "buku.ods", workbook_rows(filled("buku-ods-isi.xlsx")))
    before = sha256(ods)
    code, out = run(capsys, "fill", ods, "-o", tmp_path / "hasil.ods")
    assert code == 0, out
    written = tmp_path / "hasil.xlsx"
    assert not (tmp_path / "hasil.ods").exists()
    assert str(written) in out and ".xlsx" in out
    assert zipfile.is_zipfile(written)
    assert run(capsys, "validate", written)[0] == 0
    wb = openpyxl.load_workbook(written)
    assert wb.sheetnames[0] == "Ringkasan"
    assert wb["Sasaran"]["U2"].value == pytest.approx(110)

    bad = write_ods(
        tmp_path / "buku-salah.ods",
        {**workbook_rows(filled("buku-ods-salah.xlsx")), "SKM": [["U1"], [7]]},
    )
    code, out = run(capsys, "validate", bad, "--tandai", tmp_path / "ditandai.ods")
    assert code == 1
    marked = openpyxl.load_workbook(tmp_path / "ditandai.xlsx")
    assert marked.sheetnames[0] == "Temuan"
    assert "skm-answer-invalid" in marked["SKM"]["A2"].comment.text
    assert sha256(ods) == before


def test_other_opendocument_files_are_named_for_what_they_are(tmp_path, capsys):
    odt = tmp_path / "laporan.xlsx"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    code, out = run(capsys, "validate", odt)
    assert code == 2 and "OpenDocument" in out and "berkas ZIP lain" not in out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_workbook_saved_by_libreoffice_as_ods_validates(filled, tmp_path, capsys):
    xlsx = filled("buku-disimpan-libreoffice.xlsx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    ods = tmp_path / "buku-disimpan-libreoffice.ods"
    code, out = run(capsys, "compute", ods, "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["anggaran"]["total"]["pagu"] == 190_000_000
    assert data["skm"]["responden"] == 4
