# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""The version 2 figures, from the sample workbook filled through the contract and from records:
staff and population tables, the Renstra comparison, several years, the budget over years and
against last year, the resolved Perjanjian Kinerja documents, the Rencana Aksi by quarter, and
their JSON form."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from v2_helpers import make_v2, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl import compute, read_workbook
from lkjip_xl.calc.pk import first_working_day_of_january
from lkjip_xl.calc.population import population
from lkjip_xl.calc.serialize import results_to_dict
from lkjip_xl.calc.staff import staff_tables
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.quarters import plan_fits, plan_mode
from lkjip_xl.contract.ranks import parse_rank
from lkjip_xl.contract.records import Employee, Village


@pytest.fixture
def v2(v2_workbook):
    wb = read_workbook(v2_workbook).workbook
    return wb, compute(wb)


def rows_of(table):
    return [(r.label, r.laki_laki, r.perempuan, r.jumlah, r.kind) for r in table]


def test_staff_tables_by_golongan_pendidikan_sex_and_status(v2):
    staff = v2[1].staff
    assert staff.total == 7 and staff.vacant_posts == 0
    assert rows_of(staff.golongan) == [
        ("II/c", 1, 0, 1, "detail"),
        ("Golongan II", 1, 0, 1, "subtotal"),
        ("III/c", 0, 1, 1, "detail"),
        ("III/d", 1, 0, 1, "detail"),  # "Penata Tk. I": golongan from the pangkat alone
        ("Golongan III", 1, 1, 2, "subtotal"),
        ("IV/a", 0, 1, 1, "detail"),
        ("IV/b", 1, 0, 1, "detail"),
        ("Golongan IV", 1, 1, 2, "subtotal"),
        ("PPPK", 0, 1, 1, "detail"),
        ("Non ASN", 1, 0, 1, "detail"),
        ("Jumlah", 4, 3, 7, "total"),
    ]
    assert rows_of(staff.pendidikan) == [
        ("SMA/SMK", 2, 0, 2, "detail"),
        ("D3", 0, 1, 1, "detail"),
        ("S1", 1, 2, 3, "detail"),
        ("S2", 1, 0, 1, "detail"),
        ("Jumlah", 4, 3, 7, "total"),
    ]
    assert [(r.label, r.jumlah) for r in staff.jenis_kelamin] == [
        ("Laki-laki", 4),
        ("Perempuan", 3),
        ("Jumlah", 7),
    ]
    assert [(r.label, r.jumlah) for r in staff.status] == [
        ("PNS", 5),
        ("PPPK", 1),
        ("Non ASN", 1),
        ("Jumlah", 7),
    ]
    assert staff.golongan[-1].persen == 100
    assert staff.pendidikan[2].persen == pytest.approx(3 / 7 * 100)


def test_a_group_alone_counts_in_its_subtotal_and_vacant_posts_not_at_all():
    staff = [
        Employee(2, "A", "Pelaksana", golongan="III", status="pns", jenis_kelamin="l"),
        Employee(3, "B", "Pelaksana", golongan="III/a", status="pns", jenis_kelamin="p"),
        Employee(4, "", "Kepala Seksi Trantib"),
        Employee(5, "C", "Pelaksana", golongan="III", status="pns"),
    ]
    tables = staff_tables(staff)
    assert rows_of(tables.golongan) == [
        ("III/a", 0, 1, 1, "detail"),
        ("III (ruang tidak diisi)", 1, 0, 2, "detail"),
        ("Golongan III", 1, 1, 3, "subtotal"),
        ("Jumlah", 1, 1, 3, "total"),
    ]
    assert (tables.total, tables.vacant_posts) == (3, 1)
    assert [(r.label, r.jumlah) for r in tables.jenis_kelamin] == [
        ("Laki-laki", 1),
        ("Perempuan", 1),
        ("Tidak diisi", 1),
        ("Jumlah", 3),
    ]


@pytest.mark.parametrize(
    ("text", "golongan", "conflict"),
    [
        ("Pembina Tk. I (IV/b)", "IV/b", ""),
        ("IV/b", "IV/b", ""),
        ("iv.b", "IV/b", ""),
        ("Pembina Tingkat I", "IV/b", ""),
        ("Penata Muda Tk.1", "III/b", ""),
        ("Juru", "I/c", ""),
        ("Pembina Utama Madya", "IV/d", ""),
        ("III", "III", ""),
        ("Gol. II", "II", ""),
        ("Pembina (IV/b)", "IV/b", "IV/a"),
    ],
)
def test_rank_text_to_golongan(text, golongan, conflict):
    rank = parse_rank(text)
    assert rank is not None and (rank.golongan, rank.conflict) == (golongan, conflict)


def test_unknown_rank_is_none():
    assert parse_rank("Letnan Satu") is None and parse_rank("") is None


def test_population_per_desa_and_total(v2):
    pop = v2[1].population
    sukamaju = pop.villages[0]
    assert (sukamaju.jumlah, sukamaju.kk) == (2350, 700)
    assert sukamaju.rasio_jenis_kelamin == pytest.approx(1200 / 1150 * 100)
    assert sukamaju.kepadatan == pytest.approx(2350 / 12.5)
    total = pop.total
    assert (total.laki_laki, total.perempuan, total.jumlah, total.kk, total.luas) == (
        2700,
        2680,
        5380,
        1610,
        40.5,
    )
    assert total.kepadatan == pytest.approx(5380 / 40.5)
    assert sum(v.persen for v in pop.villages) == pytest.approx(100)


def test_population_without_figures_has_no_jumlah():
    pop = population([Village(2, "A", luas=3.0), Village(3, "B", penduduk_l=10)])
    assert pop.villages[1].jumlah is None  # one sex only: no sum
    assert (pop.total.luas, pop.total.jumlah, pop.total.kepadatan) == (3.0, None, None)


def test_renstra_comparison_against_this_years_target_and_the_end_target(v2):
    comparison = {c.indikator: c for c in v2[1].renstra}
    ikm = comparison["Indeks Kepuasan Masyarakat"]
    assert (ikm.kondisi_awal.number, ikm.target_renstra.number, ikm.target_akhir.number) == (
        78,
        82,
        85,
    )
    assert ikm.capaian_renstra.value == pytest.approx(88 / 82 * 100)
    assert ikm.kemajuan.value == pytest.approx(88 / 85 * 100)
    crime = comparison["Angka kriminalitas"]  # negative: (2·10 − 12)/10
    assert crime.capaian_renstra.value == pytest.approx(80)
    assert "Persentase konflik sosial tertangani" not in comparison  # no Renstra row


def test_renstra_matrix_years_and_pagu_of_code_rows(v2):
    matrix = v2[1].renstra_matrix
    assert {2023, 2024, 2025, 2026} <= set(matrix.years)
    at = {y: i for i, y in enumerate(matrix.years)}
    code_rows = [r for r in matrix.rows if r.kind == "kode"]
    assert [(r.label, r.uraian) for r in code_rows] == [
        ("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"),  # from Anggaran
        ("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan"),
    ]
    assert matrix.pagu_total[at[2025]] == 160_000_000 + 60_000_000
    assert matrix.pagu_total[at[2024]] == 150_000_000
    assert matrix.pagu_akhir_total == 800_000_000


def test_several_years_per_indicator(v2):
    history = {h.indikator: h for h in v2[1].history}
    ikm = history["Indeks Kepuasan Masyarakat"]
    assert [(p.year, p.realisasi.number, p.source) for p in ikm.points] == [
        (2022, 82, "riwayat"),
        (2023, 84, "tahun_lalu"),
        (2024, 88, "tahun_ini"),
    ]
    assert [round(p.capaian.value, 2) for p in ikm.points] == [105.13, 105.0, 110.0]
    assert [p.year for p in history["Angka kriminalitas"].points] == [2022, 2023, 2024]
    assert "Persentase arsip tertata" not in history  # no past year at all


def test_budget_over_the_years_and_against_last_year(v2):
    results = v2[1]
    history = results.budget_history
    assert [(y.year, y.pagu, y.realisasi) for y in history.unit] == [
        (2022, 600_000_000, 540_000_000),
        (2023, 650_000_000, 550_000_000),
        (2024, 690_000_000, 615_000_000),
    ]
    program = history.programs[0]
    assert program.kode == "7.01.02"
    assert [(y.year, y.pagu) for y in program.years] == [(2023, 140_000_000), (2024, 150_000_000)]
    versus = results.budget_vs_last_year
    assert (versus.pagu_lalu, versus.realisasi_lalu) == (650_000_000, 550_000_000)
    assert versus.serapan_lalu == pytest.approx(550 / 650 * 100)
    assert versus.pertumbuhan == pytest.approx((615 - 550) / 550 * 100)
    changes = {c.kode: c for c in versus.programs}
    assert changes["7.01.02"].realisasi_lalu == 130_000_000  # 80 + 50 million, rolled up
    assert changes["7.01.02"].selisih == 5_000_000
    assert "7.01.04" not in changes  # no Realisasi Tahun Lalu given


def test_the_camats_performance_agreement(v2):
    pk = v2[1].agreements[0]
    assert pk.is_camat and pk.year == 2024
    assert pk.date == dt.date(2024, 1, 2)  # no Tanggal Perjanjian Kinerja: first working day
    assert (pk.pihak_pertama.nama, pk.pihak_pertama.nip, pk.pihak_pertama.pangkat) == (
        "Drs. Budi Santoso, M.Si",
        "19700101 199003 1 002",
        "Pembina Tk. I (IV/b)",
    )
    assert pk.pihak_pertama.jabatan == "Camat Sukamaju"
    assert (pk.pihak_kedua.nama, pk.pihak_kedua.jabatan) == ("H. Ahmad Yani", "Bupati Contoh")
    assert [(t.indikator, t.target.number, t.iku) for t in pk.targets] == [
        ("Indeks Kepuasan Masyarakat", 80, True),
        ("Angka kriminalitas", 10, True),
        ("Persentase konflik sosial tertangani", 100, True),
        ("Persentase arsip tertata", 90, False),  # additional indicators are in the PK too
    ]
    assert [(p.kode, p.pagu) for p in pk.programs] == [
        ("7.01.01", 500_000_000),
        ("7.01.02", 150_000_000),
        ("7.01.04", 40_000_000),
    ]
    assert pk.jumlah == 690_000_000


def test_the_cascaded_agreements(v2):
    by_name = {a.pihak_pertama.nama: a for a in v2[1].agreements[1:]}
    sekcam = by_name["Sri Wahyuni, S.Sos"]
    assert (sekcam.pihak_pertama.jabatan, sekcam.pihak_pertama.pangkat) == (
        "Sekretaris Camat",
        "Pembina (IV/a)",  # typed "IV/a": the pangkat follows
    )
    assert sekcam.pihak_kedua.nama == "Drs. Budi Santoso, M.Si"
    kasi = by_name["Andi Pratama, S.IP"]
    assert [(t.sasaran, t.target) for t in kasi.targets] == [
        ("Meningkatnya kualitas pelayanan publik", Measure(80)),  # the camat's sasaran
        ("Menurunnya gangguan ketertiban", Measure(text="23/14")),
    ]
    assert [(p.kode, p.pagu, p.share) for p in kasi.programs] == [
        ("7.01.02.2.01.01", 60_000_000, True),
        ("7.01.04", 40_000_000, False),
    ]
    assert kasi.jumlah == 100_000_000
    kasubag = by_name["Rina Marlina, SE"]
    assert kasubag.pihak_kedua.nama == "Sri Wahyuni, S.Sos"  # her superior, not the camat
    assert kasubag.pihak_pertama.pangkat == "Penata (III/c)"


def test_next_years_agreement_takes_renstras_figures(make_v2):
    wb = read_workbook(make_v2(identitas={"Tahun Perjanjian Kinerja": 2025})).workbook
    pk = compute(wb).agreements[0]
    assert (pk.year, pk.date) == (2025, dt.date(2025, 1, 2))
    targets = {t.indikator: t for t in pk.targets}
    assert targets["Indeks Kepuasan Masyarakat"].target.number == 83  # Renstra's Target 2025
    assert not targets["Indeks Kepuasan Masyarakat"].from_this_year
    assert targets["Persentase arsip tertata"].from_this_year  # Renstra gives none: this year's
    programs = {p.kode: p for p in pk.programs}
    assert (programs["7.01.02"].pagu, programs["7.01.02"].from_this_year) == (160_000_000, False)
    assert programs["7.01.01"].from_this_year


def test_a_given_pk_date_wins(make_v2):
    wb = read_workbook(make_v2(identitas={"Tanggal Perjanjian Kinerja": "10/10/2024"})).workbook
    assert {a.date for a in compute(wb).agreements} == {dt.date(2024, 10, 10)}


@pytest.mark.parametrize(
    ("year", "day"),
    [(2023, dt.date(2023, 1, 2)), (2022, dt.date(2022, 1, 3)), (2021, dt.date(2021, 1, 4))],
)
def test_first_working_day_of_january(year, day):
    assert first_working_day_of_january(year) == day


def test_action_plan_by_quarter(v2):
    lines = v2[1].action_plan
    ikm = lines[0]  # Kumulatif = Ya: each quarter is the level reached
    assert ikm.mode == "cumulative"
    assert [q.capaian_to_date.value for q in ikm.quarters] == pytest.approx(
        [82 / 80 * 100, 85 / 80 * 100, 87 / 80 * 100, 88 / 80 * 100]
    )
    crime = lines[2]  # 3+3+2+2 = the annual 10: per triwulan, negative polarity
    assert (crime.mode, crime.polarity, crime.annual.number) == ("per_quarter", "negative", 10)
    to_date = [(q.target_to_date.number, q.realisasi_to_date.number) for q in crime.quarters]
    assert to_date == [(3, 4), (6, 7), (8, 10), (10, 12)]
    assert crime.quarters[3].capaian_to_date.value == pytest.approx((2 * 10 - 12) / 10 * 100)


@pytest.mark.parametrize(
    ("quarters", "annual", "fits", "mode"),
    [
        ((25, 25, 25, 25), 100, True, "per_quarter"),
        ((25, 50, 75, 100), 100, True, "cumulative"),
        ((80, 80, 80, 80), 80, True, "cumulative"),
        ((10, 20, 30, 30), 100, False, "per_quarter"),  # fits neither: the setting decides
        ((None, None, None, None), 100, None, "per_quarter"),
    ],
)
def test_quarterly_readings(quarters, annual, fits, mode):
    measures = tuple(Measure(q) if q is not None else Measure() for q in quarters)
    assert plan_fits(measures, Measure(annual)) is fits
    assert plan_mode(measures, Measure(annual), None, "per_quarter") == mode


def test_compute_json_schema_2_carries_the_new_figures(v2):
    wb, results = v2
    data = json.loads(json.dumps(results_to_dict(wb, results)))
    assert data["schema_version"] == 2
    assert data["pegawai"]["jumlah"] == 7
    assert data["pegawai"]["golongan"][-1] == {
        "uraian": "Jumlah",
        "laki_laki": 4,
        "perempuan": 3,
        "jumlah": 7,
        "persen": 100.0,
        "jenis": "jumlah",
    }
    assert data["penduduk"]["jumlah"]["jumlah"] == 5380
    assert data["renstra"]["perbandingan"][0]["target_renstra_tahun_ini"] == 82
    assert [t["tahun"] for t in data["riwayat"][0]["tahun"]] == [2022, 2023, 2024]
    assert data["riwayat_anggaran"]["kecamatan"][-1]["pagu"] == 690_000_000
    assert data["anggaran_tahun_lalu"]["realisasi_tahun_lalu"] == 550_000_000
    camat = data["perjanjian_kinerja"][0]
    assert camat["camat"] and camat["tanggal"] == "2024-01-02" and camat["jumlah"] == 690_000_000
    kasi = data["perjanjian_kinerja"][2]
    assert kasi["sasaran"][1]["target"] == "23/14"
    assert [p["bagian_pagu"] for p in kasi["program"]] == [True, False]
    assert [r["jenis"] for r in data["rencana_aksi"]] == ["indikator", "aksi", "indikator", "aksi"]
    # version 1 keys are unchanged
    assert data["rata_rata"]["capaian_iku"] == pytest.approx(results.capaian_iku)


def test_without_version_2_sheets_the_new_figures_are_empty(valid_workbook):
    wb = read_workbook(valid_workbook).workbook
    results = compute(wb)
    assert results.staff is None and results.population is None and results.renstra == ()
    assert results.budget_history.unit == ()
    # several years still show last year, from Sasaran's Target/Realisasi Tahun Lalu
    assert [p.source for p in results.history[0].points] == ["tahun_lalu", "tahun_ini"]
    assert len(results.agreements) == 1  # the camat's PK comes from Sasaran and Anggaran
    data = results_to_dict(wb, results)
    assert (
        data["pegawai"] is None and data["penduduk"] is None and data["renstra"]["matrik"] is None
    )


@pytest.mark.parametrize(
    ("measure", "json_value"),
    [
        (Measure(82.5), 82.5),
        (Measure(61, "B", "B (61)"), "B (61)"),
        (Measure(None, "BB", "BB"), "BB"),
        (Measure(text="23/14"), "23/14"),  # printed as written
        (Measure(text="N/A"), None),  # not available
        (Measure(text="-"), None),
        (Measure(), None),
    ],
)
def test_json_form_of_a_target(measure, json_value):
    from lkjip_xl.calc.serialize_v2 import measure as to_json

    assert to_json(measure) == json_value


def test_the_camats_own_rows_in_pk_berjenjang_are_signed_by_the_camat_and_the_bupati(make_v2):
    from contract_filler import PK_BERJENJANG

    rows = [
        *PK_BERJENJANG,
        {"Jabatan": "Camat Sukamaju", "Indikator Kinerja": "Inovasi", "Target": 1},
    ]
    wb = read_workbook(make_v2(sheets={"PK Berjenjang": rows})).workbook
    pk = compute(wb).agreements[-1]
    assert (pk.pihak_pertama.nama, pk.pihak_kedua.nama) == (
        "Drs. Budi Santoso, M.Si",
        "H. Ahmad Yani",
    )
    assert not pk.is_camat  # still a cascaded document: the camat's own PK is the first one
