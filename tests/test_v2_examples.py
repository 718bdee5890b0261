"""The bundled examples: both validate with no finding, the Kota Bangun one (seed 004) gives the
figures the seed got right, both rebuild from their data files and both still draft."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, ROOT

from lkjip_xl import compute, read_workbook
from lkjip_xl.cli import main

KOTA_BANGUN = ROOT / "workbook_templates" / "contoh_kota_bangun_2023.xlsx"


@pytest.fixture(scope="module")
def kota_bangun():
    result = read_workbook(KOTA_BANGUN)
    return result, compute(result.workbook)


@pytest.mark.parametrize("path", [EXAMPLE, KOTA_BANGUN], ids=["paser", "kota_bangun"])
def test_bundled_examples_validate_with_no_finding_and_are_packaged(path):
    result = read_workbook(path)
    assert result.ok and result.findings == [], [(f.code, f.cell) for f in result.findings]
    assert result.workbook.identity.versi == "2"
    packaged = ROOT / "lkjip_xl" / "data" / path.name
    assert packaged.read_bytes() == path.read_bytes()


def test_paser_carries_the_seeds_structure_and_legal_basis():
    wb = read_workbook(EXAMPLE).workbook
    assert wb.staff[0].nama == wb.identity.nama_camat and wb.staff[0].golongan == "IV/b"
    assert [e.jabatan for e in wb.staff if e.atasan == "Sekretaris Camat"] == [
        "Kepala Sub Bagian Program dan Keuangan",
        "Kepala Sub Bagian Kepegawaian dan Umum",
    ]
    assert all(e.vacant for e in wb.staff[1:])  # the seed names only the camat
    assert len(wb.narrative["landasan_hukum"].splitlines()) == 15
    assert wb.free_tables[0].placement == "bab_iii"


def test_kota_bangun_budget_matches_the_seed(kota_bangun):
    _, results = kota_bangun
    totals = results.budget_totals
    assert (totals.pagu, totals.realisasi, totals.pagu_sebelum) == (
        54_401_966_922,
        50_049_438_561,
        31_824_349_565,
    )
    assert round(totals.serapan, 2) == 92.00
    programs = [b for b in results.budget if b.level == "program"]
    assert [(p.pagu, p.realisasi) for p in programs] == [
        (10_806_306_938, 8_936_637_133),
        (38_261_863_564, 36_803_739_678),
        (4_801_710_420, 4_076_996_750),
        (467_086_000, 232_065_000),
        (65_000_000, 0),
    ]
    assert [round(p.serapan, 2) for p in programs] == [82.70, 96.19, 84.91, 49.68, 0.0]
    versus = results.budget_vs_last_year
    assert (versus.pagu_lalu, versus.realisasi_lalu) == (24_536_342_435, 22_547_389_944)
    assert round(versus.serapan_lalu, 2) == 91.89


def test_kota_bangun_staff_and_population_match_the_seed(kota_bangun):
    _, results = kota_bangun
    staff = results.staff
    by = {r.label: (r.laki_laki, r.perempuan, r.jumlah) for r in staff.pendidikan}
    assert by == {"SMA/SMK": (12, 3, 15), "S1": (17, 1, 18), "Jumlah": (29, 4, 33)}  # Tabel 1.3
    by = {r.label: (r.laki_laki, r.perempuan, r.jumlah) for r in staff.golongan}
    assert by == {  # Tabel 1.4
        "Golongan II": (10, 1, 11),
        "Golongan III": (17, 3, 20),
        "Golongan IV": (2, 0, 2),
        "Jumlah": (29, 4, 33),
    }
    villages = {v.nama: v.jumlah for v in results.population.villages}
    assert villages["Kota Bangun Ulu"] == 6084 and villages["Sangkuliman"] == 890  # Tabel 1.2
    total = results.population.total
    # the seed prints 12.647 / 11.914 / 24.561: its own rows add up to these
    assert (total.laki_laki, total.perempuan, total.jumlah) == (12_751, 11_976, 24_727)


def test_kota_bangun_capaian_renstra_and_history(kota_bangun):
    result, results = kota_bangun
    capaian = {i.source.indikator: i.capaian.value for i in results.indicators}
    assert capaian["Indeks Kepuasan Pelayanan Kecamatan"] == pytest.approx(111.352)  # Tabel 3.2
    assert capaian["Pertumbuhan Pendapatan Asli Desa"] == pytest.approx(22.43, abs=0.005)
    assert capaian["Penurunan Prevalensi Stunting"] == pytest.approx(123.64, abs=0.005)  # negative
    assert capaian["Pertumbuhan Pendapatan Asli Daerah Kewenangan Kecamatan"] is None  # N/A
    renstra = {c.indikator: c for c in results.renstra}
    pades = renstra["Pertumbuhan Pendapatan Asli Desa"]  # Tabel 2.5
    assert (pades.kondisi_awal.number, pades.target_renstra.number, pades.target_akhir.number) == (
        69.65,
        70,
        72.23,
    )
    ikm = next(h for h in results.history if h.tingkat == "tujuan")  # Tabel 3.7
    assert [(p.year, p.target.number, p.realisasi.number) for p in ikm.points] == [
        (2022, 71, 80.37),
        (2023, 75, 83.514),
    ]
    assert len(result.workbook.indicators) == 26  # the tujuan indicator and the PK's 25
    titles = [t.title for t in result.workbook.free_tables]
    assert any("PATEN" in t for t in titles) and any("APBDes" in t for t in titles)


def test_kota_bangun_rebuilds_to_the_same_content(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "build_example", ROOT / "scripts" / "build_example.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    data = ROOT / "scripts" / "example_data" / "kota_bangun_2023"
    rebuilt = read_workbook(build.build(tmp_path / "kb.xlsx", data)).workbook
    bundled = read_workbook(KOTA_BANGUN).workbook
    for field in (
        "identity",
        "indicators",
        "staff",
        "renstra",
        "history",
        "budget_history",
        "free_tables",
    ):
        assert getattr(rebuilt, field) == getattr(bundled, field), field
    assert [(r.uraian, r.pagu, r.realisasi) for r in rebuilt.budget] == [
        (r.uraian, r.pagu, r.realisasi) for r in bundled.budget
    ]


@pytest.mark.parametrize("path", [EXAMPLE, KOTA_BANGUN], ids=["paser", "kota_bangun"])
def test_both_examples_still_draft(path, tmp_path: Path, capsys):
    out = tmp_path / "draf.docx"
    assert main(["report", str(path), "-o", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    kecamatan = read_workbook(path).workbook.identity.kecamatan
    assert f"Kecamatan {kecamatan}" in text
