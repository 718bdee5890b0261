"""`lkjip batch`: a kabupaten's folder in, every draft, every finding and one recap out."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import cell_at
from docx import Document
from kabupaten_folder import GOOD, build

from lkjip_xl import compute, read_workbook
from lkjip_xl.cli import main
from lkjip_xl.kabupaten.batch import process_one, run_batch
from lkjip_xl.pipeline import DEFAULT_STAGES, Stages


@pytest.fixture(scope="module")
def kabupaten_folder(blank_template, filled_cache, tmp_path_factory):
    """The kabupaten's folder, built once for this module; tests only read it."""
    folder = tmp_path_factory.mktemp("kabupaten") / "masuk"
    return folder, build(blank_template, folder, filled_cache.fill)


def _contents(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def kabupaten(kabupaten_folder):
    """The shared folder and what is wrong with each file; fails the test that changes it."""
    folder, made = kabupaten_folder
    before = _contents(folder)
    yield folder, dict(made)
    assert _contents(folder) == before, "a test changed the shared kabupaten folder"


def test_batch_writes_drafts_findings_and_a_recap_naming_all(kabupaten, tmp_path, capsys):
    folder, made = kabupaten
    out = tmp_path / "keluar"
    assert main(["batch", str(folder), "-o", str(out), "--proses", "2"]) == 1
    printed = capsys.readouterr().out
    assert "Selesai: 6 buku kerja; 3 lengkap, 3 belum dapat diolah." in printed
    for name in made:
        assert name in printed
    assert "~$" not in printed

    for name in GOOD:
        stem = name.replace(" ", "_")
        draft = Document(str(out / stem / f"{stem}_draf_LKjIP.docx"))
        text = "\n".join(p.text for p in draft.paragraphs)
        assert f"KECAMATAN {name.upper()}" in text.upper()
        filled = openpyxl.load_workbook(out / stem / f"{stem}_terisi.xlsx", read_only=True)
        assert "Ringkasan" in filled.sheetnames
        assert not (out / stem / f"{stem}_ditandai.xlsx").exists()

    temuan = json.loads((out / "Muara_Komam" / "Muara_Komam_temuan.json").read_text("utf-8"))
    assert not temuan["valid"]
    target = cell_at(folder / "Muara Komam.xlsx", "Sasaran", "Target", 1)
    assert {(f["code"], f["sheet"], f["cell"]) for f in temuan["findings"]} >= {
        ("measure-invalid", "Sasaran", target)
    }
    assert (out / "Muara_Komam" / "Muara_Komam_ditandai.xlsx").exists()
    assert not (out / "Muara_Komam" / "Muara_Komam_draf_LKjIP.docx").exists()
    assert "Anggaran" in (out / "Kuaro" / "Kuaro_temuan.txt").read_text("utf-8")
    assert "CSV" in (out / "Pasir_Belengkong" / "Pasir_Belengkong_temuan.txt").read_text("utf-8")


def test_recap_has_one_row_per_workbook_with_the_computed_figures(kabupaten, tmp_path):
    folder, made = kabupaten
    out = tmp_path / "keluar"
    result = run_batch(folder, out, workers=1)
    assert [i.source for i in result.items] == sorted(made)

    wb = openpyxl.load_workbook(out / "rekap.xlsx")
    ws = wb["Rekap"]
    header_row = next(r for r in range(1, 6) if ws.cell(r, 1).value == "No")
    headers = [c.value for c in ws[header_row]]
    col = {h: i for i, h in enumerate(headers)}
    rows = {
        r[col["Berkas"]]: r
        for r in ws.iter_rows(min_row=header_row + 1, values_only=True)
        if r[col["Berkas"]]
    }
    assert set(rows) == set(made)
    for name in GOOD:
        figures = compute(read_workbook(folder / f"{name}.xlsx").workbook)
        row = rows[f"{name}.xlsx"]
        assert row[col["Kecamatan"]] == name
        assert row[col["Status"]] == "lengkap"
        assert row[col["IKM"]] == pytest.approx(figures.skm.ikm)
        assert row[col["Rata-rata Capaian IKU (%)"]] == pytest.approx(figures.capaian_iku)
        assert row[col["Serapan (%)"]] == pytest.approx(figures.budget_totals.serapan)
        assert row[col["Pagu (Rp)"]] == pytest.approx(figures.budget_totals.pagu)
        assert row[col["Capaian: Indeks Kepuasan Masyarakat"]] == pytest.approx(
            figures.indicators[0].capaian.value
        )
    bad = rows["Muara Komam.xlsx"]
    assert bad[col["Status"]] == "ada kesalahan" and bad[col["Kesalahan"]] >= 1
    assert bad[col["IKM"]] is None
    target = cell_at(folder / "Muara Komam.xlsx", "Sasaran", "Target", 1)
    assert f"Sasaran!{target}" in bad[col["Masalah Utama"]]
    assert rows["Pasir Belengkong.xlsx"][col["Status"]] == "tidak terbaca"

    assert ws.auto_filter.ref  # sortable
    rules = {
        rule.formula[0] if rule.formula else rule.type
        for cf in ws.conditional_formatting
        for rule in cf.rules
    }
    assert '"Sangat Tinggi"' in rules and "dataBar" in rules
    assert {cs.title for cs in wb.chartsheets} == {"Grafik Capaian", "Grafik IKM"}

    doc = Document(str(out / "rekap.docx"))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert set(GOOD) <= cells
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Dari 6 buku kerja kecamatan, 3 telah lengkap" in text
    assert "Kuaro.xlsx" in text


def test_all_good_exits_0_and_stale_outputs_are_removed(filled, tmp_path, capsys):
    folder, out = tmp_path / "masuk", tmp_path / "keluar"
    filled("masuk/Kuaro.xlsx", {"Kecamatan": "Kuaro"})
    assert main(["batch", str(folder), "-o", str(out)]) == 0
    assert (out / "Kuaro" / "Kuaro_draf_LKjIP.docx").exists()

    filled("masuk/Kuaro.xlsx", {"Kecamatan": "Kuaro"}, {"Anggaran": [{"Uraian": "X", "Pagu": -5}]})
    assert main(["batch", str(folder), "-o", str(out)]) == 1
    assert not (out / "Kuaro" / "Kuaro_draf_LKjIP.docx").exists()  # no draft beside new errors
    assert (out / "Kuaro" / "Kuaro_ditandai.xlsx").exists()


def _fails_for_long_ikis(wb):
    """A compute stage with a bug that shows for one workbook only."""
    if wb.identity.kecamatan == "Long Ikis":
        raise ZeroDivisionError("simulated")
    return compute(wb)


def test_a_bug_in_one_workbook_does_not_stop_the_others(kabupaten, tmp_path):
    folder, _ = kabupaten
    result = run_batch(
        folder, tmp_path / "keluar", workers=1, stages=Stages(compute=_fails_for_long_ikis)
    )
    by_name = {i.source: i for i in result.items}
    assert "kesalahan internal" in by_name["Long Ikis.xlsx"].reason
    assert (tmp_path / "keluar" / "Long_Ikis" / "Long_Ikis_galat.txt").exists()
    assert by_name["Tanah Grogot.xlsx"].ok and by_name["Batu Sopang.xlsx"].ok


def test_output_folder_must_differ_from_input(kabupaten, capsys):
    folder, _ = kabupaten
    assert main(["batch", str(folder), "-o", str(folder)]) == 3
    assert "Folder keluaran sama" in capsys.readouterr().err


def test_process_one_reports_an_empty_file(tmp_path):
    empty = tmp_path / "kosong.xlsx"
    empty.write_bytes(b"")
    item = process_one(str(empty), str(tmp_path / "out" / "kosong"))
    assert item.status == "tidak terbaca" and "0 byte" in item.reason


def _dies_on_kuaro(path: str, out: str, template=None, stages=DEFAULT_STAGES, pdf=False):
    """A worker the system kills mid-way (as the OOM killer would) for one workbook."""
    import os

    if path.endswith("Kuaro.xlsx"):
        os._exit(1)
    return process_one(path, out, template, stages, pdf)


def test_a_worker_killed_by_the_system_fails_only_its_own_workbook(kabupaten, tmp_path):
    folder, made = kabupaten
    result = run_batch(folder, tmp_path / "keluar", workers=2, worker=_dies_on_kuaro)
    by_name = {i.source: i for i in result.items}
    assert set(by_name) == set(made)
    assert "dihentikan sistem" in by_name["Kuaro.xlsx"].reason
    assert all(by_name[f"{name}.xlsx"].ok for name in GOOD)
    assert by_name["Muara Komam.xlsx"].status == "ada kesalahan"
