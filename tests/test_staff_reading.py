"""Staff workbooks as they come back (issue 13): each way staff change the standard workbook,
as a named sample built in the test, gives the right finding at the right cell, and no wrong
figure reaches the draft.
"""

from __future__ import annotations

import datetime as dt
import json

import contract_filler
import openpyxl
import pytest
import xlsx_cells
from conftest import codes_at, edit_cells
from docx import Document
from staff_workbooks import (
    append_rows,
    cache_formulas,
    copy_sheet,
    insert_rows,
    rename_sheet,
    set_cells,
)

from lkjip_xl import read_workbook
from lkjip_xl.cli import main
from lkjip_xl.pipeline import read_checked

TOTAL_PAGU, TOTAL_REALISASI = 190_000_000, 165_000_000  # contract_filler's Anggaran


def run(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def compute(capsys, path) -> dict:
    code, out = run(capsys, "compute", path, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def message(findings, code: str) -> str:
    return next(f.message for f in findings if f.code == code)


# --- typed total and average rows --------------------------------------------------------------


def _typed_total(path):
    """A JUMLAH row typed under the budget with the Tingkat of a Program, as staff add one."""
    append_rows(
        path,
        "Anggaran",
        [
            {
                "Tingkat": "Program",
                "Uraian": "JUMLAH",
                "Pagu": TOTAL_PAGU,
                "Realisasi": TOTAL_REALISASI,
            }
        ],
    )


def test_jumlah_row_typed_as_program_is_checked_and_never_counted(filled, capsys):
    path = filled("anggaran-baris-jumlah-bertingkat-program.xlsx")
    _typed_total(path)
    result = read_workbook(path)
    assert result.ok, result.errors
    assert len(result.workbook.budget) == 5
    assert ("summary-row", "Anggaran", "C7") in codes_at(result.findings)
    total = compute(capsys, path)["anggaran"]["total"]
    assert (total["pagu"], total["realisasi"], total["jumlah_program"]) == (
        TOTAL_PAGU,
        TOTAL_REALISASI,
        2,
    )


def test_jumlah_row_with_a_wrong_figure_is_an_error_with_both_figures(filled):
    path = filled("anggaran-baris-jumlah-salah.xlsx")
    append_rows(path, "Anggaran", [{"Uraian": "Jumlah", "Pagu": 200_000_000}])
    result = read_workbook(path)
    assert ("summary-mismatch", "Anggaran", "E7") in codes_at(result.findings)
    text = message(result.findings, "summary-mismatch")
    assert "200.000.000" in text and "190.000.000" in text


def test_sub_total_rows_under_each_program_match_their_program(filled):
    path = filled("anggaran-sub-total-per-program.xlsx")
    insert_rows(
        path,
        "Anggaran",
        5,
        [{"Uraian": "Sub Total", "Pagu": 150_000_000, "Realisasi": 135_000_000}],
    )
    append_rows(
        path, "Anggaran", [{"Uraian": "Sub Total", "Pagu": 40_000_000, "Realisasi": 30_000_000}]
    )
    append_rows(
        path, "Anggaran", [{"Uraian": "TOTAL ANGGARAN KECAMATAN SUKAMAJU", "Pagu": TOTAL_PAGU}]
    )
    result = read_workbook(path)
    assert result.ok, result.errors
    assert sum(f.code == "summary-row" for f in result.findings) == 3
    assert len(result.workbook.budget) == 5


def test_skm_jumlah_and_nrr_rows_are_checked_not_respondents(filled):
    path = filled("skm-baris-jumlah-dan-nrr.xlsx")
    # 4 respondents answering 4,4,3,3 on every unsur: sum 14, NRR 3,5
    sums = {f"U{i}": 14 for i in range(1, 10)}
    append_rows(
        path, "SKM", [{"No": "Jumlah", **sums}, {"No": "NRR", **{k: 3.5 for k in sums}}], after=5
    )
    result = read_workbook(path)
    assert result.ok, result.errors
    assert len(result.workbook.skm) == 4
    assert {("summary-row", "SKM", "A6"), ("summary-row", "SKM", "A7")} <= codes_at(result.findings)
    append_rows(path, "SKM", [{"No": "Jumlah", "U3": 15}], after=7)
    result = read_workbook(path)
    assert ("summary-mismatch", "SKM", "J8") in codes_at(result.findings)


def test_rata_rata_capaian_row_is_no_fifth_indicator(filled, capsys):
    path = filled("sasaran-baris-rata-rata-capaian.xlsx")
    # capaian 110 (IKM) and 80 (kriminalitas); the third is '-' and left out: mean 95
    append_rows(path, "Sasaran", [{"Indikator Kinerja": "RATA-RATA CAPAIAN", "Realisasi": 95}])
    result = read_checked(path)
    assert result.ok, result.errors
    assert len(result.workbook.indicators) == 3
    assert ("summary-row", "Sasaran", "J5") in codes_at(result.findings)
    assert compute(capsys, path)["rata_rata"]["capaian_iku"] == pytest.approx(95)

    set_cells(path, "Sasaran", {(5, "Realisasi"): 97.5})
    code, out = run(capsys, "validate", path)
    assert code == 1
    assert "summary-mismatch" in out and "97,5" in out and "95" in out


def test_belanja_jumlah_row_is_checked_against_the_column_sum(filled):
    rows = [
        {
            "Kelompok": "Belanja Operasi",
            "Jenis Belanja": "Belanja Pegawai",
            "Anggaran": 100,
            "Realisasi": 90,
        },
        {"Jenis Belanja": "Belanja Barang dan Jasa", "Anggaran": 50, "Realisasi": 45},
        {"Jenis Belanja": "Jumlah Belanja Operasi", "Anggaran": 150, "Realisasi": 135},
        {
            "Kelompok": "Belanja Modal",
            "Jenis Belanja": "Belanja Peralatan",
            "Anggaran": 40,
            "Realisasi": 30,
        },
        {"Jenis Belanja": "JUMLAH", "Anggaran": 190, "Realisasi": 160},
    ]
    path = filled("belanja-baris-jumlah.xlsx", sheets={"Belanja": rows})
    result = read_workbook(path)
    assert len(result.workbook.spending) == 3
    assert ("summary-row", "Belanja", "B4") in codes_at(result.findings)
    assert ("summary-mismatch", "Belanja", "D6") in codes_at(result.findings)  # 165, not 160


# --- sheets under other names ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["SKM 2023", "skm1", "Sheet SKM"])
def test_renamed_skm_sheet_is_an_error_that_names_both(filled, capsys, tmp_path, name):
    path = rename_sheet(filled(f"skm-diganti-nama-{name.replace(' ', '_')}.xlsx"), "SKM", name)
    result = read_workbook(path)
    assert ("sheet-misnamed", name, "A1") in codes_at(result.findings)
    text = message(result.findings, "sheet-misnamed")
    assert f"'{name}'" in text and "'SKM'" in text
    draft = tmp_path / "draf.docx"
    assert run(capsys, "report", path, "-o", draft)[0] == 1
    assert not draft.exists()


def test_copy_beside_the_real_sheet_and_hidden_copy_are_warnings(filled):
    path = filled("anggaran-dengan-salinan.xlsx")
    copy_sheet(path, "Anggaran", "Anggaran (2)")
    copy_sheet(path, "SKM", "SKM lama", hidden=True)
    result = read_workbook(path)
    found = codes_at(result.findings)
    assert {
        ("sheet-near-duplicate", "Anggaran (2)", "A1"),
        ("sheet-near-duplicate", "SKM lama", "A1"),
    } <= found
    assert "tersembunyi" in next(f.message for f in result.findings if f.sheet == "SKM lama")
    assert result.ok


def test_contract_and_free_table_names_are_never_near_names(filled):
    path = filled("skm-dihapus-unsur-skm-dan-tabel-ada.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb["SKM"]
    wb.create_sheet("Tabel SKM per Bulan")["A1"] = "Bulan"
    wb.save(path)
    result = read_workbook(path)
    assert result.ok, result.errors
    assert result.workbook.skm is None
    assert not any(f.code.startswith("sheet-") for f in result.findings)


def test_hidden_contract_sheet_is_read_with_a_note(filled):
    path = filled("skm-tersembunyi.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["SKM"].sheet_state = "hidden"
    wb.save(path)
    result = read_workbook(path)
    assert result.ok
    assert len(result.workbook.skm) == 4
    assert ("sheet-hidden", "SKM", "A1") in codes_at(result.findings)
    assert not result.warnings


# --- units in amount headers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "factor"), [("(Rp 000)", 1000), ("(ribuan)", 1000), ("(Rp juta)", 1_000_000)]
)
def test_amounts_in_thousands_or_millions_are_scaled_with_a_warning(filled, capsys, unit, factor):
    rows = [
        {"Tingkat": "Program", "Uraian": "Program Pelayanan Publik"},
        {
            "Tingkat": "Sub Kegiatan",
            "Uraian": "Pelayanan PATEN",
            "Pagu": 7_310.83001,
            "Realisasi": 5_220.5,
        },
    ]
    path = filled(f"anggaran-satuan-{factor}.xlsx", sheets={"Anggaran": rows})
    set_cells(
        path, "Anggaran", {(1, "Pagu"): f"Pagu {unit}", (1, "Realisasi"): f"Realisasi {unit}"}
    )
    result = read_workbook(path)
    assert ("amount-unit-scaled", "Anggaran", "E1") in codes_at(result.findings)
    assert f"{factor:,}".replace(",", ".") in message(result.findings, "amount-unit-scaled")
    total = compute(capsys, path)["anggaran"]["total"]
    assert total["pagu"] == pytest.approx(7_310.83001 * factor)
    assert total["realisasi"] == pytest.approx(5_220.5 * factor)


def test_unknown_unit_in_an_amount_header_is_an_error(filled):
    path = filled("anggaran-satuan-usd.xlsx")
    set_cells(path, "Anggaran", {(1, "Pagu"): "Pagu (USD)"})
    result = read_workbook(path)
    assert ("amount-unit-unknown", "Anggaran", "E1") in codes_at(result.findings)
    assert "Pagu (Rp 000)" in message(result.findings, "amount-unit-unknown")


def test_rupiah_unit_is_plain_rupiah(filled, capsys):
    path = filled("anggaran-satuan-rp.xlsx")
    set_cells(path, "Anggaran", {(1, "Pagu"): "Pagu (Rp)", (1, "Realisasi"): "Realisasi (Rupiah)"})
    result = read_workbook(path)
    assert result.ok and not result.warnings
    assert compute(capsys, path)["anggaran"]["total"]["pagu"] == TOTAL_PAGU


# --- error values ------------------------------------------------------------------------------


def test_div0_cached_in_realisasi_is_an_error_naming_value_and_formula(filled):
    path = filled("sasaran-realisasi-div0.xlsx")
    cache_formulas(path, "Sasaran", {"J2": ("I2/0", "#DIV/0!")})
    result = read_workbook(path)
    found = codes_at(result.findings, "Sasaran")
    assert ("cell-error-value", "Sasaran", "J2") in found
    assert ("value-blank", "Sasaran", "J2") not in found  # never "kosong"
    text = message(result.findings, "cell-error-value")
    assert "#DIV/0!" in text and "=I2/0" in text


def test_ref_error_in_pagu_is_not_reported_as_empty(filled):
    path = filled("anggaran-pagu-ref.xlsx")
    cache_formulas(path, "Anggaran", {"E3": ("#REF!*2", "#REF!")})
    result = read_workbook(path)
    found = codes_at(result.findings, "Anggaran")
    assert ("cell-error-value", "Anggaran", "E3") in found
    assert ("budget-amount-missing", "Anggaran", "E3") not in found


def test_formula_with_cached_text_and_number_reads_as_its_result(filled):
    path = filled("sasaran-rumus-tersimpan.xlsx")
    cache_formulas(path, "Sasaran", {"J2": ("80+8", 88)})
    result = read_workbook(path)
    assert result.ok
    assert result.workbook.indicators[0].realisasi.number == 88


# --- blank rows, notes and a second table ------------------------------------------------------


def test_blank_row_inside_anggaran_and_skm_ends_nothing(filled, capsys):
    path = filled("anggaran-dan-skm-baris-kosong.xlsx")
    insert_rows(path, "Anggaran", 5, [{}])
    insert_rows(path, "SKM", 4, [{}])
    result = read_workbook(path)
    assert result.ok, result.errors
    assert len(result.workbook.budget) == 5
    assert len(result.workbook.skm) == 4
    found = codes_at(result.findings)
    assert {("row-gap", "Anggaran", "B6"), ("row-gap", "SKM", "H5")} <= found
    assert not result.warnings
    assert compute(capsys, path)["anggaran"]["total"]["pagu"] == TOTAL_PAGU


def test_source_note_under_the_table_is_a_note_not_data(filled):
    path = filled("anggaran-catatan-sumber.xlsx")
    append_rows(path, "Anggaran", [None, {"Kode": "Sumber: DPA Kecamatan Sukamaju 2024"}])
    append_rows(path, "Anggaran", [None, {"Uraian": "Camat Sukamaju"}])
    result = read_workbook(path)
    assert result.ok, result.errors
    assert len(result.workbook.budget) == 5
    assert {("row-note", "Anggaran", "A8"), ("row-note", "Anggaran", "C10")} <= codes_at(
        result.findings
    )


@pytest.mark.parametrize("first", ["Jenis Belanja", "Uraian"])
def test_second_table_below_the_first_is_an_error_at_its_first_row(filled, first):
    path = filled(f"anggaran-tabel-kedua-{first.replace(' ', '_')}.xlsx")
    second = [
        {"Uraian": first, "Pagu": "Anggaran", "Realisasi": "Realisasi"},
        {"Uraian": "Belanja Pegawai", "Pagu": 5, "Realisasi": 5},
    ]
    append_rows(path, "Anggaran", [None, *second])
    result = read_workbook(path)
    assert ("table-second", "Anggaran", "C8") in codes_at(result.findings)
    assert len(result.workbook.budget) == 5
    assert not result.ok


def test_repeated_header_row_is_skipped(filled):
    path = filled("skm-judul-berulang.xlsx")
    insert_rows(path, "SKM", 4, [{f"U{i}": f"U{i}" for i in range(1, 10)}])
    result = read_workbook(path)
    assert result.ok, result.errors
    assert len(result.workbook.skm) == 4
    assert ("row-header-repeat", "SKM", "H4") in codes_at(result.findings)


# --- duplicated rows and blocks ----------------------------------------------------------------


def test_sub_kegiatan_pasted_twice_is_an_error_at_the_copy(filled):
    path = filled("anggaran-sub-kegiatan-ganda.xlsx")
    insert_rows(
        path,
        "Anggaran",
        4,
        [
            {
                "Tingkat": "Sub Kegiatan",
                "Uraian": "Pelayanan PATEN",
                "Pagu": 100_000_000,
                "Realisasi": 90_000_000,
            }
        ],
    )
    result = read_workbook(path)
    assert ("budget-row-duplicate", "Anggaran", "C4") in codes_at(result.findings)
    assert "baris 3" in message(result.findings, "budget-row-duplicate")


def test_program_block_pasted_twice_is_one_error_at_the_repeated_block(filled):
    path = filled("anggaran-blok-program-ganda.xlsx")
    block = contract_filler.ANGGARAN[:3]  # the sample's first program block, pasted again
    append_rows(path, "Anggaran", block)
    result = read_workbook(path)
    errors = [f for f in result.errors if f.sheet == "Anggaran"]
    assert [(f.code, f.cell) for f in errors] == [("budget-block-duplicate", "C7")]
    assert "3 baris" in errors[0].message and "baris 2" in errors[0].message


def test_same_name_with_other_amounts_is_no_duplicate(filled):
    path = filled("anggaran-nama-sama-jumlah-beda.xlsx")
    insert_rows(
        path,
        "Anggaran",
        4,
        [
            {
                "Tingkat": "Sub Kegiatan",
                "Uraian": "Pelayanan PATEN",
                "Pagu": 5_000_000,
                "Realisasi": 5_000_000,
            }
        ],
    )
    result = read_workbook(path)
    assert result.ok, result.errors


def test_total_row_without_a_label_cannot_double_the_budget(filled):
    rows = [
        {"Tingkat": "Program", "Uraian": "Program A"},
        {"Tingkat": "Sub Kegiatan", "Uraian": "Sub A", "Pagu": 100, "Realisasi": 90},
        {"Tingkat": "Program", "Uraian": "Program B"},
        {"Tingkat": "Sub Kegiatan", "Uraian": "Sub B", "Pagu": 40, "Realisasi": 30},
        {"Tingkat": "Program", "Uraian": "Program C"},
        {"Tingkat": "Sub Kegiatan", "Uraian": "Sub C", "Pagu": 60, "Realisasi": 60},
        {
            "Tingkat": "Program",
            "Uraian": "Belanja langsung seluruh program di atas",
            "Pagu": 200,
            "Realisasi": 180,
        },
    ]
    path = filled("anggaran-jumlah-tanpa-label.xlsx", sheets={"Anggaran": rows})
    result = read_workbook(path)
    assert ("budget-total-as-row", "Anggaran", "C8") in codes_at(result.findings)


# --- names, NIP and amounts typed the way staff type them --------------------------------------


def test_kecamatan_typed_with_its_title_prints_once(filled, tmp_path, capsys):
    path = filled(
        "identitas-kecamatan-dengan-kata-kecamatan.xlsx",
        identitas={"Kecamatan": "Kecamatan Sukamaju"},
    )
    result = read_workbook(path)
    assert result.workbook.identity.kecamatan == "Sukamaju"
    assert ("name-cleaned", "Identitas", "B4") in codes_at(result.findings)
    draft = tmp_path / "draf.docx"
    assert run(capsys, "report", path, "-o", draft)[0] == 0
    text = "\n".join(p.text for p in Document(draft).paragraphs)
    assert "Kecamatan Sukamaju" in text and "Kecamatan Kecamatan" not in text


@pytest.mark.parametrize(
    ("typed", "read", "code"),
    [
        ("Kab. Paser", "Kabupaten Paser", "name-cleaned"),
        ("Pemerintah Kabupaten Paser", "Kabupaten Paser", "name-cleaned"),
        ("Paser", "Paser", "kabupaten-word-missing"),
        ("Kota Balikpapan", "Kota Balikpapan", None),
    ],
)
def test_kabupaten_keeps_its_word_because_the_draft_prints_it(filled, typed, read, code):
    path = filled(
        f"identitas-kabupaten-{read.replace(' ', '_')}.xlsx", identitas={"Kabupaten/Kota": typed}
    )
    result = read_workbook(path)
    assert result.workbook.identity.kabupaten == read
    codes = {f.code for f in result.findings if f.cell == "B3"}
    assert codes == ({code} if code else set())


def test_nip_typed_with_its_label_is_cleaned_with_a_note(filled):
    path = filled(
        "identitas-nip-dengan-awalan.xlsx", identitas={"NIP Camat": "NIP. 19660613 199603 1 001"}
    )
    result = read_workbook(path)
    assert result.ok
    assert result.workbook.identity.nip_camat == "19660613 199603 1 001"
    assert [f.code for f in result.findings if f.cell == "B7"] == ["nip-label-removed"]


def test_nip_with_other_signs_says_which_to_remove(filled):
    path = filled("identitas-nip-bertitik.xlsx", identitas={"NIP Camat": "19660613.199603.1.001"})
    result = read_workbook(path)
    assert [f.code for f in result.findings if f.cell == "B7"] == ["nip-characters"]
    assert "'.'" in message(result.findings, "nip-characters")


def test_rupiah_with_dash_cents_reads_without_a_false_empty(filled, capsys):
    path = filled("anggaran-rp-koma-strip.xlsx")
    set_cells(
        path, "Anggaran", {(3, "Pagu"): "Rp 100.000.000,-", (3, "Realisasi"): "Rp. 90.000.000,00"}
    )
    result = read_workbook(path)
    assert result.ok, result.errors
    assert result.workbook.budget[1].pagu == 100_000_000


def test_bad_amount_gets_one_finding_not_also_empty(filled):
    path = filled("anggaran-jumlah-teks.xlsx")
    set_cells(path, "Anggaran", {(3, "Pagu"): "seratus juta"})
    result = read_workbook(path)
    assert [f.code for f in result.findings if f.cell == "E3"] == ["number-invalid"]


def test_sipd_paste_codes_amounts_and_spaces(filled, capsys):
    rows = [
        {
            "Kode": "7.01.01.",
            "Uraian": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        },
        {
            "Kode": "7.01.01.2.01\u00a0",
            "Uraian": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        },
        {
            "Kode": " 7.01.01.2.01.0001 ",
            "Uraian": "Penyusunan Dokumen Perencanaan",
            "Pagu": "Rp\u00a05.220.000,00",
            "Realisasi": "5.220.000\u200b",
        },
    ]
    path = filled("anggaran-tempel-sipd.xlsx", sheets={"Anggaran": rows})
    result = read_workbook(path)
    assert result.ok, result.errors
    assert [r.level for r in result.workbook.budget] == ["program", "kegiatan", "sub_kegiatan"]
    assert compute(capsys, path)["anggaran"]["total"]["pagu"] == 5_220_000


# --- last year's workbook ----------------------------------------------------------------------


def test_last_years_figures_left_unchanged_are_flagged(filled):
    rows = [
        {"Kode Sasaran": "S1", "Sasaran Strategis": "Pelayanan", "Indikator Kinerja": "IKM", "Satuan": "nilai",
         "Target": 80, "Realisasi": 84, "Target Tahun Lalu": 80, "Realisasi Tahun Lalu": 84},
        {"Kode Sasaran": "S2", "Sasaran Strategis": "Ketertiban", "Indikator Kinerja": "Konflik tertangani", "Satuan": "%",
         "Target": 100, "Realisasi": "-", "Target Tahun Lalu": 100, "Realisasi Tahun Lalu": "-"},
    ]  # fmt: skip
    path = filled("sasaran-angka-tahun-lalu.xlsx", sheets={"Sasaran": rows})
    result = read_workbook(path)
    assert ("figures-last-year", "Sasaran", "I2") in codes_at(result.findings)
    assert "2 indikator" in message(result.findings, "figures-last-year")


def test_report_date_not_in_the_next_year_is_flagged(filled):
    path = filled(
        "identitas-tanggal-tahun-lalu.xlsx", identitas={"Tanggal Laporan": dt.date(2024, 2, 22)}
    )
    result = read_workbook(path)  # Tahun Laporan 2024: signed in 2025
    assert ("date-report-year", "Identitas", "B12") in codes_at(result.findings)
    ok = filled("identitas-tanggal-benar.xlsx", identitas={"Tanggal Laporan": dt.date(2025, 2, 22)})
    assert not read_workbook(ok).findings


def test_skm_dates_outside_the_year_are_counted_at_the_first(filled):
    rows = [
        {"Tanggal": dt.date(y, 3, 1), **{f"U{i}": 4 for i in range(1, 10)}}
        for y in (2024, 2023, 2023)
    ]
    path = filled("skm-tanggal-tahun-lalu.xlsx", sheets={"SKM": rows})
    result = read_workbook(path)
    assert ("skm-date-year", "SKM", "B3") in codes_at(result.findings)
    assert message(result.findings, "skm-date-year").startswith("2 tanggal")


# --- wrong units in a % indicator ---------------------------------------------------------------


def test_fraction_typed_for_a_percentage_is_a_warning(filled):
    rows = [
        {"Kode Sasaran": "S1", "Sasaran Strategis": "A", "Indikator Kinerja": "Persentase desa tertib", "Satuan": "%", "Target": 0.8, "Realisasi": 0.85},
        {"Kode Sasaran": "S1", "Sasaran Strategis": "A", "Indikator Kinerja": "Persentase layanan tepat waktu", "Satuan": "%", "Target": 90, "Realisasi": 92},
        {"Kode Sasaran": "S1", "Sasaran Strategis": "A", "Indikator Kinerja": "Persentase pengaduan selesai", "Satuan": "persen", "Target": 100, "Realisasi": 0.95},
        {"Kode Sasaran": "S1", "Sasaran Strategis": "A", "Indikator Kinerja": "Angka kemiskinan", "Satuan": "%", "Target": 1.2, "Realisasi": 1.1, "Polaritas": "Negatif"},
        {"Kode Sasaran": "S1", "Sasaran Strategis": "A", "Indikator Kinerja": "Pertumbuhan PADes", "Satuan": "%", "Target": 1.2, "Realisasi": 1.4},
    ]  # fmt: skip
    path = filled("sasaran-persen-sebagai-pecahan.xlsx", sheets={"Sasaran": rows})
    result = read_workbook(path)
    found = {f.cell for f in result.findings if f.code == "percent-unit-suspect"}
    # 0,8/0,85 beside 90 %, and 0,95 against a target of 100; never the true small rates
    assert found == {"I2", "J4"}
    assert "ketik 80" in next(f.message for f in result.findings if f.cell == "I2")


def test_small_true_percentages_alone_are_not_flagged(filled):
    rows = [
        {"Kode Sasaran": "S1", "Sasaran Strategis": "A", "Indikator Kinerja": "Persentase balita gizi buruk", "Satuan": "%", "Target": 0.5, "Realisasi": 0.4},
    ]  # fmt: skip
    path = filled("sasaran-persen-kecil-sah.xlsx", sheets={"Sasaran": rows})
    assert not any(f.code == "percent-unit-suspect" for f in read_workbook(path).findings)


# --- done when: none of these gives a draft with a wrong figure ----------------------------------


def _renamed_skm(path):
    rename_sheet(path, "SKM", "SKM 2023")


def _thousands(path):
    set_cells(
        path, "Anggaran", {(1, "Pagu"): "Pagu (Rp 000)", (1, "Realisasi"): "Realisasi (Rp 000)"}
    )
    book = xlsx_cells.Book(path)
    ws = book.sheet("Anggaran")
    for r in range(2, 7):
        for col in "EF":
            value = ws.value(*xlsx_cells.split_ref(f"{col}{r}"))
            if isinstance(value, int):
                ws.set_ref(f"{col}{r}", value / 1000)
    book.save(path)


def _error_value(path):
    cache_formulas(path, "Anggaran", {"E3": ("E2/0", "#DIV/0!")})


def _duplicated_block(path):
    append_rows(path, "Anggaran", [
        {"Tingkat": "Program", "Uraian": "Program Ketenteraman", "Kode Sasaran": "S2"},
        {"Tingkat": "Sub Kegiatan", "Uraian": "Koordinasi Keamanan", "Pagu": 40_000_000, "Realisasi": 30_000_000},
    ])  # fmt: skip


def _blank_rows(path):
    insert_rows(path, "Anggaran", 5, [{}])
    insert_rows(path, "SKM", 4, [{}])


def _kecamatan_title(path):
    edit_cells(path, "Identitas", {("Nilai", "Kecamatan"): "Kecamatan Sukamaju"})


def _last_year(path):
    set_cells(path, "Sasaran", {(3, "Target Tahun Lalu"): 10, (3, "Realisasi Tahun Lalu"): 12,
                                (4, "Target Tahun Lalu"): 100, (4, "Realisasi Tahun Lalu"): "-",
                                (2, "Realisasi Tahun Lalu"): 88})  # fmt: skip


@pytest.mark.parametrize(
    ("case", "edit", "draft"),
    [
        ("baris-jumlah", _typed_total, True),
        ("skm-diganti-nama", _renamed_skm, False),
        ("anggaran-ribuan", _thousands, True),
        ("nilai-galat", _error_value, False),
        ("blok-ganda", _duplicated_block, False),
        ("baris-kosong", _blank_rows, True),
        ("kecamatan-dengan-kata", _kecamatan_title, True),
        ("angka-tahun-lalu", _last_year, True),
    ],
)
def test_no_staff_workbook_gives_a_draft_with_a_wrong_figure(
    filled, tmp_path, capsys, case, edit, draft
):
    path = filled(f"buku-{case}.xlsx")
    edit(path)
    out = tmp_path / f"draf-{case}.docx"
    code, printed = run(capsys, "report", path, "-o", out)
    assert code == (0 if draft else 1), printed
    assert out.exists() == draft
    if not draft:
        return
    doc = Document(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "190.000.000" in text and "380.000.000" not in text and "190.000.000.000" not in text
    assert "87,50" in text  # the IKM of the 4 respondents, none lost to a blank row
    assert "Kecamatan Kecamatan" not in text
    data = compute(capsys, path)
    assert (data["anggaran"]["total"]["pagu"], data["anggaran"]["total"]["jumlah_program"]) == (
        TOTAL_PAGU,
        2,
    )
    assert len(data["indikator"]) == 3 and data["skm"]["responden"] == 4
