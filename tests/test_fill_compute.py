"""lkjip fill and lkjip compute on workbooks filled through the contract."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import EXAMPLE, address, edit_cells, sha256

from lkjip_xl.cli import main


def compute_json(capsys, path) -> dict:
    assert main(["compute", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("bobot", "ikm"), [("1/jumlah unsur", 87.5), ("0,111", 87.4125)])
def test_compute_positive_negative_dash_program_sub_and_bobot(filled, capsys, bobot, ikm):
    path = filled(identitas={"Bobot Unsur SKM": bobot})
    data = compute_json(capsys, path)
    ind = {i["indikator"]: i for i in data["indikator"]}
    assert ind["Indeks Kepuasan Masyarakat"]["capaian"] == pytest.approx(110)
    assert ind["Indeks Kepuasan Masyarakat"]["tren"] == "Meningkat"  # 105 last year, 110 now
    assert ind["Angka kriminalitas"]["capaian"] == pytest.approx(80)  # (2·10 − 12)/10
    assert ind["Angka kriminalitas"]["predikat"] == "Tinggi"
    assert ind["Persentase konflik sosial tertangani"]["capaian"] is None
    assert ind["Persentase konflik sosial tertangani"]["predikat"] == "tidak dapat diukur"
    assert data["rata_rata"]["capaian_iku"] == pytest.approx(95)  # mean of 110 and 80, '-' left out
    sas = {s["kode"]: s for s in data["sasaran"]}
    assert sas["S2"]["capaian"] == pytest.approx(80)
    assert sas["S1"]["serapan"] == pytest.approx(90)  # 135 / 150 million
    assert sas["S2"]["serapan"] == pytest.approx(75)
    assert sas["S2"]["efisiensi"] == pytest.approx(80 / 75)
    total = data["anggaran"]["total"]
    assert (total["pagu"], total["realisasi"]) == (190_000_000, 165_000_000)
    programs = [b for b in data["anggaran"]["baris"] if b["tingkat"] == "Program"]
    assert [p["pagu"] for p in programs] == [150_000_000, 40_000_000]
    assert data["skm"]["ikm"] == pytest.approx(ikm)
    assert data["skm"]["unsur"][0]["nrr"] == pytest.approx(3.5)
    assert data["skm"]["responden"] == 4


def test_negative_ratio_setting_and_cap(filled, capsys):
    path = filled(
        identitas={"Rumus Polaritas Negatif": "Target/Realisasi", "Batas Atas Capaian (%)": 105}
    )
    ind = {i["indikator"]: i for i in compute_json(capsys, path)["indikator"]}
    assert ind["Angka kriminalitas"]["capaian"] == pytest.approx(10 / 12 * 100)
    assert ind["Indeks Kepuasan Masyarakat"]["capaian"] == 105
    assert ind["Indeks Kepuasan Masyarakat"]["capaian_tanpa_batas"] == pytest.approx(110)


def test_fill_writes_derived_values_and_summary_sheets(filled, tmp_path, capsys):
    path = filled()
    before = sha256(path)
    out = tmp_path / "hasil.xlsx"
    assert main(["fill", str(path), "-o", str(out)]) == 0
    assert sha256(path) == before
    wb = openpyxl.load_workbook(out)
    ws = wb["Sasaran"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    assert ws.cell(row=2, column=headers["Capaian (%)"]).value == pytest.approx(110)
    assert ws.cell(row=2, column=headers["Predikat"]).value == "Sangat Tinggi"
    assert ws.cell(row=3, column=headers["Capaian (%)"]).value == pytest.approx(80)
    assert ws.cell(row=4, column=headers["Capaian (%)"]).value == "-"
    assert ws.cell(row=4, column=headers["Predikat"]).value == "tidak dapat diukur"
    assert ws.cell(row=2, column=headers["Tren"]).value == "Meningkat"
    ang = wb["Anggaran"]
    h = {c.value: c.column for c in ang[1] if c.value}
    assert ang.cell(row=3, column=h["Sisa Anggaran"]).value == 10_000_000
    assert ang.cell(row=2, column=h["Serapan (%)"]).value == pytest.approx(90)
    assert ang.cell(row=2, column=h["Pagu"]).value is None  # staff's input is never rewritten
    assert wb.sheetnames[0] == "Ringkasan"
    summary = {
        r[0]: r[1]
        for r in wb["Ringkasan"].iter_rows(min_row=5, max_row=12, values_only=True)
        if r[0]
    }
    assert summary["Total pagu anggaran (Rp)"] == 190_000_000
    assert summary["Indeks Kepuasan Masyarakat (IKM)"] == pytest.approx(87.5)
    skm = [r for r in wb["Perhitungan SKM"].iter_rows(values_only=True)]
    assert ["Nilai/Unsur", *[14] * 9] == list(next(r for r in skm if r[0] == "Nilai/Unsur")[:10])
    # the filled copy reads back as the same workbook, without new findings
    assert main(["validate", str(out)]) == 0


def test_fill_keeps_staff_formatting_and_adds_missing_derived_column(filled, tmp_path):
    path = filled()
    wb = openpyxl.load_workbook(path)
    ws = wb["Sasaran"]
    indikator = address(ws, "Indikator Kinerja", 1)
    ws[indikator].font = openpyxl.styles.Font(bold=True, color="FF0000")
    derived = ("Capaian (%)", "Predikat", "Capaian Tahun Lalu (%)", "Tren", "Kemajuan Renstra (%)")
    columns = {c.value: c.column for c in ws[1] if c.value}
    for column in sorted((columns[h] for h in derived), reverse=True):
        ws.delete_cols(column)  # staff removed all derived columns
    assert not set(derived) & {c.value for c in ws[1]}
    wb.create_sheet("Catatan Kami")["A1"] = "jangan hilang"
    wb.save(path)
    out = tmp_path / "hasil.xlsx"
    assert main(["fill", str(path), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["Sasaran"]
    assert ws[indikator].font.bold and ws[indikator].font.color.rgb.endswith("FF0000")
    headers = {c.value: c.column for c in ws[1] if c.value}
    assert ws.cell(row=2, column=headers["Capaian (%)"]).value == pytest.approx(110)
    assert wb["Catatan Kami"]["A1"].value == "jangan hilang"


def test_fill_refuses_workbook_with_errors(filled, tmp_path, capsys):
    path = filled()
    edit_cells(path, "SKM", {("U1", 1): 9})
    out = tmp_path / "hasil.xlsx"
    assert main(["fill", str(path), "-o", str(out)]) == 1
    assert not out.exists()
    assert "skm-answer-invalid" in capsys.readouterr().out


def test_compute_with_errors_prints_findings_json(filled, capsys):
    path = filled()
    edit_cells(path, "SKM", {("U1", 1): 9})
    assert main(["compute", str(path)]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["valid"] is False and payload["findings"][0]["code"] == "skm-answer-invalid"


def test_bundled_example_matches_what_the_seed_got_right(capsys):
    data = compute_json(capsys, EXAMPLE)
    cap = [round(i["capaian"], 2) for i in data["indikator"]]
    assert cap == [101.77, 102.73, 100.0, 100.0]
    assert [
        i["capaian_tahun_lalu"] and round(i["capaian_tahun_lalu"], 2) for i in data["indikator"]
    ] == [None, 106.45, 66.67, 100.0]
    assert round(data["rata_rata"]["capaian_iku"], 2) == 101.12
    assert round(data["skm"]["ikm"], 2) == 86.29 and data["skm"]["mutu"] == "B"
    assert [round(u["nrr"], 2) for u in data["skm"]["unsur"]] == [
        3.22,
        3.39,
        3.27,
        3.94,
        3.32,
        3.36,
        3.53,
        3.34,
        3.74,
    ]
    total = data["anggaran"]["total"]
    assert (total["pagu"], total["realisasi"]) == (7_310_830_014, 6_007_519_625)
    assert round(total["serapan"], 2) == 82.17
    programs = [b for b in data["anggaran"]["baris"] if b["tingkat"] == "Program"]
    assert [p["pagu"] for p in programs] == [
        5_538_364_094,
        952_945_200,
        298_683_520,
        374_590_000,
        65_652_000,
        80_595_200,
    ]
    assert [round(p["serapan"], 2) for p in programs] == [78.88, 95.47, 83.24, 90.21, 95.43, 99.19]
    sas = {s["kode"]: s for s in data["sasaran"]}
    # what the seed got wrong (docs/SEED_002_CHECK.md): serapan per sasaran is summed, not averaged
    assert round(sas["S1"]["serapan"], 2) == 79.17 and round(sas["S3"]["serapan"], 2) == 90.99
    assert round(sas["S2"]["serapan"], 2) == 95.47 and round(sas["S4"]["serapan"], 2) == 83.24
    assert all(s["kategori_efisiensi"] == "Efisien" for s in data["sasaran"])
