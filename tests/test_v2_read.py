# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""Version 2 sheets read from a workbook filled through the contract, and every cross-sheet check
at the cell to correct (a new finding code, a hostile workbook that triggers it)."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ROOT, edit_cells
from contract_filler import PEGAWAI, PK_BERJENJANG, RENCANA_AKSI, RENSTRA, RIWAYAT
from v2_helpers import cell_of, found, make_v2, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl import read_workbook
from lkjip_xl.contract.measure import Measure


def test_v2_sample_reads_clean_with_every_sheet(v2_workbook):
    result = read_workbook(v2_workbook)
    assert result.ok, [f.message for f in result.errors]
    assert result.findings == [], [(f.code, f.cell, f.message) for f in result.findings]
    wb = result.workbook
    assert wb.identity.versi == "2"
    assert (wb.identity.motto, wb.identity.page_numbering) == (
        "Melayani dengan Hati",
        "per_chapter",
    )
    assert wb.identity.tahun_pk is None and wb.identity.pk_year == 2024
    assert wb.settings.quarterly == "per_quarter"

    camat, sekcam, kasi = wb.staff[:3]
    assert (camat.jabatan, camat.atasan, camat.golongan, camat.status) == (
        "Camat Sukamaju",
        "",
        "IV/b",
        "pns",
    )
    assert (sekcam.golongan, sekcam.status) == ("IV/a", "pns")  # status follows from golongan
    assert kasi.golongan == "III/d"  # "Penata Tk. I": the golongan follows from the pangkat
    assert [e.status for e in wb.staff[-2:]] == ["pppk", "non_asn"]

    ikm = wb.renstra[0]
    assert (ikm.kind, ikm.kondisi_awal.number, ikm.target(2024).number) == ("sasaran", 78, 82)
    # the blank template's own year columns plus the one the filler added (Target 2023)
    assert {2023, 2024, 2025, 2026} <= {y for y, _ in ikm.targets}
    assert [r.kind for r in wb.renstra] == ["sasaran", "sasaran", "tujuan", "kode", "kode"]
    assert wb.renstra[3].pagu_of(2025) == 160_000_000
    # the Sasaran sheet has no Target Akhir Renstra: Renstra gives it
    assert [i.target_renstra.number for i in wb.indicators[:2]] == [85, 8]

    assert [(h.tahun, h.kode_sasaran) for h in wb.history] == [
        (2022, "S1"),
        (2023, "S1"),
        (2022, "S2"),
    ]
    assert [(b.tahun, b.kode, b.pagu) for b in wb.budget_history] == [
        (2022, "", 600_000_000),
        (2023, "", 650_000_000),
        (2023, "7.01.02", 140_000_000),
    ]
    kinds = [(r.kind, r.cumulative) for r in wb.action_plan]
    assert kinds == [("indicator", True), ("action", None), ("indicator", None), ("action", None)]
    assert wb.action_plan[1].targets == (Measure(100),) * 4

    assert [c.kodes for c in wb.cascade] == [
        ("7.01.01",),
        ("7.01.02.2.01.01",),
        ("7.01.04",),
        ("7.01.01.1.02.01",),
    ]
    assert wb.cascade[2].target == Measure(text="23/14")  # printed as written, never compared
    assert set(wb.narrative) == {
        "landasan_hukum",
        "analisis_sasaran:S1",
        "analisis_program:7.01.02",
        "langkah_perbaikan",
    }
    assert wb.narrative["langkah_perbaikan"].splitlines() == [
        "1. Menambah petugas loket",
        "2. Memperbaiki ruang tunggu",
    ]
    assert [v.jumlah_kk for v in wb.villages] == [700, 560, 350]


def test_free_table_placed_with_its_two_row_header(v2_workbook):
    table = read_workbook(v2_workbook).workbook.free_tables[0]
    assert (table.title, table.placement, table.source) == (
        "Layanan PATEN per Triwulan",
        "bab_iii",
        "Seksi Pelayanan",
    )
    assert table.header_rows == (
        ("No", "Jenis Layanan", "Jumlah Layanan", "", "", "", "Jumlah"),
        ("", "", "TW I", "TW II", "TW III", "TW IV", ""),
    )
    assert table.headers == ("No", "Jenis Layanan", "TW I", "TW II", "TW III", "TW IV", "Jumlah")
    spans = {(m.first_row, m.last_row, m.first_col, m.last_col) for m in table.merges}
    assert spans == {(0, 1, 0, 0), (0, 1, 1, 1), (0, 0, 2, 5), (0, 1, 6, 6)}
    assert table.rows[-1] == ("", "Jumlah", "15", "14", "17", "25", "71")  # totals kept as shown


def test_one_row_free_table_and_a_source_line_under_it(make_v2):
    table = {
        "name": "Tabel PADes",
        "lines": ["Letak: Lampiran"],
        "header": [["Desa", "Tahun 2022", "Tahun 2023"]],
        "merges": [],
        "rows": [["Pela", 3_600_000, 5_635_000], ["Sumber: Kecamatan, 2023"]],
    }
    read = read_workbook(make_v2(tables=[table])).workbook.free_tables[0]
    assert (read.title, read.placement, read.source) == ("PADes", "lampiran", "Kecamatan, 2023")
    assert read.header_rows == (("Desa", "Tahun 2022", "Tahun 2023"),) and read.merges == ()
    assert read.rows == (("Pela", "3.600.000", "5.635.000"),)


def test_unknown_table_placement_is_an_error_at_its_line(make_v2):
    table = {
        "name": "Tabel X",
        "lines": ["Letak: Bab V"],
        "header": [["A", "B"]],
        "merges": [],
        "rows": [[1, 2]],
    }
    result = read_workbook(make_v2(tables=[table]))
    assert found(result.findings, "table-placement-invalid") == [("Tabel X", "A1")]
    assert result.workbook.free_tables[0].placement == "lampiran"


def test_end_target_given_twice_and_different_warns_at_the_renstra_cell(make_v2):
    path = make_v2(
        sheets={
            "Sasaran": [{**row, "Target Akhir Renstra": 90} for row in _sasaran()[:1]]
            + _sasaran()[1:]
        }
    )
    result = read_workbook(path)
    assert found(result.findings, "renstra-end-target-differs") == [
        ("Renstra", cell_of(path, "Renstra", 0, "Target Akhir"))
    ]
    assert result.workbook.indicators[0].target_renstra.number == 90  # Sasaran's own wins


def _sasaran():
    from contract_filler import SASARAN_V2

    return list(SASARAN_V2)


def _replace(records, index, **changes):
    out = [dict(r) for r in records]
    out[index] = {**out[index], **changes}
    return out


HOSTILE = [
    # (name, sheets, sheet, record, header, code)
    (
        "camat name",
        {"Pegawai": _replace(PEGAWAI, 0, Nama="Budi Santoso")},
        "Pegawai",
        0,
        "Nama",
        "pegawai-camat-mismatch",
    ),
    (
        "camat nip",
        {"Pegawai": _replace(PEGAWAI, 0, NIP="197001011990031003")},
        "Pegawai",
        0,
        "NIP",
        "pegawai-camat-mismatch",
    ),
    (
        "unknown superior",
        {"Pegawai": _replace(PEGAWAI, 4, **{"Atasan Langsung": "Kasubag Keuangan"})},
        "Pegawai",
        4,
        "Atasan Langsung",
        "pegawai-atasan-unknown",
    ),
    (
        "second top",
        {"Pegawai": _replace(PEGAWAI, 6, **{"Atasan Langsung": None})},
        "Pegawai",
        6,
        "Atasan Langsung",
        "pegawai-camat-duplicate",
    ),
    (
        "bad nip",
        {"Pegawai": _replace(PEGAWAI, 1, NIP="1975050520000320")},
        "Pegawai",
        1,
        "NIP",
        "nip-invalid",
    ),
    (
        "renstra indicator",
        {"Renstra": _replace(RENSTRA, 1, **{"Indikator Kinerja": "Angka kejahatan"})},
        "Renstra",
        1,
        "Indikator Kinerja",
        "reference-indicator-unknown",
    ),
    (
        "renstra code",
        {"Renstra": _replace(RENSTRA, 1, **{"Kode Sasaran": "S9"})},
        "Renstra",
        1,
        "Kode Sasaran",
        "reference-indicator-unknown",
    ),
    (
        "renstra row",
        {"Renstra": _replace(RENSTRA, 1, **{"Kode Sasaran": None})},
        "Renstra",
        1,
        "Kode Sasaran",
        "renstra-row-kind",
    ),
    (
        "renstra uraian",
        {"Renstra": _replace(RENSTRA, 4, Uraian=None)},
        "Renstra",
        4,
        "Uraian",
        "renstra-uraian-required",
    ),
    (
        "history indicator",
        {"Riwayat": _replace(RIWAYAT, 2, **{"Indikator Kinerja": "Angka kejahatan"})},
        "Riwayat",
        2,
        "Indikator Kinerja",
        "reference-indicator-unknown",
    ),
    (
        "history year",
        {"Riwayat": _replace(RIWAYAT, 2, Tahun=2024)},
        "Riwayat",
        2,
        "Tahun",
        "history-year-invalid",
    ),
    (
        "history twice",
        {"Riwayat": [*RIWAYAT, dict(RIWAYAT[0])]},
        "Riwayat",
        3,
        "Tahun",
        "history-duplicate",
    ),
    (
        "plan indicator",
        {"Rencana Aksi": _replace(RENCANA_AKSI, 2, **{"Kode Sasaran": "S7"})},
        "Rencana Aksi",
        2,
        "Kode Sasaran",
        "reference-indicator-unknown",
    ),
    (
        "plan code",
        {"Rencana Aksi": _replace(RENCANA_AKSI, 1, Kode="7.01.02.2.01.09")},
        "Rencana Aksi",
        1,
        "Kode",
        "reference-code-unknown",
    ),
    (
        "plan kind",
        {"Rencana Aksi": _replace(RENCANA_AKSI, 3, Kode=None)},
        "Rencana Aksi",
        3,
        "Kode Sasaran",
        "plan-row-kind",
    ),
    (
        "plan empty",
        {"Rencana Aksi": _replace(RENCANA_AKSI, 3, **{"Rencana Aksi": None})},
        "Rencana Aksi",
        3,
        "Kode",
        "plan-action-empty",
    ),
    (
        "pk jabatan",
        {"PK Berjenjang": _replace(PK_BERJENJANG, 0, Jabatan="Sekcam")},
        "PK Berjenjang",
        0,
        "Jabatan",
        "reference-jabatan-unknown",
    ),
    (
        "pk indicator",
        {"PK Berjenjang": _replace(PK_BERJENJANG, 1, **{"Indikator Kinerja": "IKM"})},
        "PK Berjenjang",
        1,
        "Indikator Kinerja",
        "reference-indicator-unknown",
    ),
    (
        "pk code",
        {"PK Berjenjang": _replace(PK_BERJENJANG, 0, Kode="7.01.01; 7.01.09")},
        "PK Berjenjang",
        0,
        "Kode",
        "reference-code-unknown",
    ),
    (
        "pk nested",
        {"PK Berjenjang": _replace(PK_BERJENJANG, 3, Kode="7.01.01.1.02.01; 7.01.01")},
        "PK Berjenjang",
        3,
        "Kode",
        "cascade-codes-nested",
    ),
    (
        "pk share",
        {"PK Berjenjang": _replace(PK_BERJENJANG, 1, Pagu=120_000_000)},
        "PK Berjenjang",
        1,
        "Pagu",
        "cascade-pagu-over",
    ),
    (
        "pk share of two",
        {"PK Berjenjang": _replace(PK_BERJENJANG, 2, Kode="7.01.04; 7.01.01", Pagu=1000)},
        "PK Berjenjang",
        2,
        "Pagu",
        "cascade-pagu-several-codes",
    ),
    (
        "pk unnamed",
        {"Pegawai": _replace(PEGAWAI, 1, Nama=None, NIP=None)},
        "PK Berjenjang",
        0,
        "Jabatan",
        "cascade-signatory-missing",
    ),
]


@pytest.mark.parametrize(
    ("sheets", "sheet", "record", "header", "code"),
    [h[1:] for h in HOSTILE],
    ids=[h[0] for h in HOSTILE],
)
def test_each_bad_reference_is_an_error_at_its_cell(make_v2, sheets, sheet, record, header, code):
    path = make_v2(sheets=sheets)
    result = read_workbook(path)
    hits = [f for f in result.findings if f.code == code]
    assert hits, [(f.code, f.cell) for f in result.findings]
    assert (sheet, cell_of(path, sheet, record, header)) in [(f.sheet, f.cell) for f in hits]
    assert all(f.is_error for f in hits) and not result.ok
    assert all(f.message for f in hits)


def test_a_jabatan_held_by_two_people_cannot_sign_or_be_an_atasan(make_v2):
    """Two 'Sekretaris Camat': who signs their PK, and whose atasan is meant, is unknown."""
    second = {**PEGAWAI[1], "Nama": "Orang Kedua, S.H.", "NIP": "197001012000031002"}
    path = make_v2(sheets={"Pegawai": [*PEGAWAI, second]})
    result = read_workbook(path)
    sekcam = next(i for i, r in enumerate(PK_BERJENJANG) if r["Jabatan"] == "Sekretaris Camat")
    assert ("PK Berjenjang", cell_of(path, "PK Berjenjang", sekcam, "Jabatan")) in found(
        result.findings, "pk-jabatan-shared"
    )
    under = [i for i, r in enumerate(PEGAWAI) if r.get("Atasan Langsung") == "Sekretaris Camat"]
    assert found(result.findings, "pegawai-atasan-shared") == [
        ("Pegawai", cell_of(path, "Pegawai", i, "Atasan Langsung")) for i in under
    ]
    assert not result.ok


def test_a_loop_of_superiors_never_reaching_the_camat(make_v2):
    staff = _replace(PEGAWAI, 1, **{"Atasan Langsung": "Kepala Sub Bagian Program dan Keuangan"})
    path = make_v2(sheets={"Pegawai": staff})
    result = read_workbook(path)
    hits = [f for f in result.findings if f.code == "pegawai-chain-loop"]
    assert [(f.sheet, f.cell) for f in hits] == [
        ("Pegawai", cell_of(path, "Pegawai", 1, "Atasan Langsung"))
    ]
    assert (
        "Sekretaris Camat → Kepala Sub Bagian Program dan Keuangan → Sekretaris Camat"
        in hits[0].message
    )


def test_no_camat_row_is_an_error(make_v2):
    staff = [{**r, "Atasan Langsung": r.get("Atasan Langsung") or "Bupati"} for r in PEGAWAI[1:]]
    result = read_workbook(make_v2(sheets={"Pegawai": staff}))
    assert found(result.findings, "pegawai-camat-missing") == [("Pegawai", "A2")]


def test_a_vacant_post_is_in_the_chart_and_not_counted(make_v2):
    staff = [*PEGAWAI, {"Jabatan": "Kepala Seksi Trantib", "Atasan Langsung": "Camat Sukamaju"}]
    result = read_workbook(make_v2(sheets={"Pegawai": staff}))
    assert result.findings == []
    assert result.workbook.staff[-1].vacant


@pytest.mark.parametrize(
    ("pangkat", "code"),
    [("Letnan Satu", "pegawai-rank-unknown"), ("Pembina (IV/b)", "pegawai-rank-conflict")],
)
def test_an_unknown_or_contradictory_rank_warns(make_v2, pangkat, code):
    path = make_v2(sheets={"Pegawai": _replace(PEGAWAI, 2, **{"Pangkat/Golongan": pangkat})})
    result = read_workbook(path)
    assert found(result.findings, code) == [
        ("Pegawai", cell_of(path, "Pegawai", 2, "Pangkat/Golongan"))
    ]
    assert result.ok  # a warning: the staff tables leave the person out of golongan, nothing else


def test_text_targets_are_kept_and_noted(make_v2):
    path = make_v2(sheets={"Renstra": _replace(RENSTRA, 4, **{"Target 2025": "22/14"})})
    result = read_workbook(path)
    assert found(result.findings, "renstra-target-text") == [
        ("Renstra", cell_of(path, "Renstra", 4, "Target 2025"))
    ]
    assert result.ok
    assert result.workbook.renstra[4].target(2025) == Measure(text="22/14")


def test_quarterly_plan_that_fits_neither_reading_warns(make_v2):
    plan = _replace(RENCANA_AKSI, 3, **{"Target TW IV": 5})  # 3+3+3+5 = 14, TW IV 5; annual 12
    path = make_v2(sheets={"Rencana Aksi": plan})
    result = read_workbook(path)
    hits = [f for f in result.findings if f.code == "plan-quarters-mismatch"]
    assert [(f.sheet, f.cell) for f in hits] == [
        ("Rencana Aksi", cell_of(path, "Rencana Aksi", 3, "Target TW I"))
    ]
    assert "3; 3; 3; 5" in hits[0].message and "12" in hits[0].message
    assert result.ok


def test_action_pagu_above_its_code_warns(make_v2):
    path = make_v2(sheets={"Rencana Aksi": _replace(RENCANA_AKSI, 3, Pagu=41_000_000)})
    result = read_workbook(path)
    assert found(result.findings, "plan-pagu-over") == [
        ("Rencana Aksi", cell_of(path, "Rencana Aksi", 3, "Pagu"))
    ]


def test_a_share_given_twice_differently_is_an_error(make_v2):
    cascade = [
        *PK_BERJENJANG,
        {
            **PK_BERJENJANG[1],
            "Indikator Kinerja": "Angka kriminalitas",
            "Kode Sasaran": "S2",
            "Pagu": 50_000_000,
        },
    ]
    path = make_v2(sheets={"PK Berjenjang": cascade})
    result = read_workbook(path)
    assert found(result.findings, "cascade-pagu-conflict") == [
        ("PK Berjenjang", cell_of(path, "PK Berjenjang", 4, "Pagu"))
    ]


def test_history_that_contradicts_last_year_in_sasaran_warns(make_v2):
    path = make_v2(sheets={"Riwayat": _replace(RIWAYAT, 1, Realisasi=83)})
    result = read_workbook(path)
    assert found(result.findings, "history-last-year-differs") == [
        ("Riwayat", cell_of(path, "Riwayat", 1, "Realisasi"))
    ]


def test_budget_history_code_unknown_needs_an_uraian(make_v2):
    rows = [{"Tahun": 2022, "Kode": "7.01.09", "Pagu": 1, "Realisasi": 1}]
    path = make_v2(sheets={"Riwayat Anggaran": rows})
    assert found(read_workbook(path).findings, "reference-code-unknown") == [
        ("Riwayat Anggaran", cell_of(path, "Riwayat Anggaran", 0, "Kode"))
    ]
    named = make_v2(
        "bernama.xlsx", sheets={"Riwayat Anggaran": [{**rows[0], "Uraian": "Program lama"}]}
    )
    assert read_workbook(named).findings == []


@pytest.mark.parametrize(
    ("bagian", "code"),
    [
        ("Analisis Sasaran S9", "narasi-reference-unknown"),
        ("Analisis Program 7.01.09", "narasi-reference-unknown"),
        ("Kata Penutup", "choice-invalid"),
    ],
)
def test_narrative_part_that_names_nothing_is_an_error(make_v2, bagian, code):
    path = make_v2(sheets={"Narasi": [{"Bagian": bagian, "Teks": "teks"}]})
    assert found(read_workbook(path).findings, code) == [("Narasi", "A2")]


def test_next_years_pk_without_renstra_figures_warns(make_v2):
    result = read_workbook(make_v2(identitas={"Tahun Perjanjian Kinerja": 2025}))
    hits = [f for f in result.findings if f.code == "pk-target-this-year"]
    # Renstra gives 2025 targets for S1 and S2 kriminalitas, not for konflik and arsip; pagu
    # 2025 for 7.01.02 only
    assert [h.message.split(" untuk ")[1].split(";")[0] for h in hits] == [
        "2 indikator",
        "2 program",
    ]
    assert result.ok


def test_a_version_1_workbook_still_reads(tmp_path):
    """The bundled example as committed on main is a version 1 workbook."""
    v1 = tmp_path / "contoh_v1.xlsx"
    v1.write_bytes(
        subprocess.run(
            ["git", "show", "ea0b75e:workbook_templates/contoh_paser_belengkong_2023.xlsx"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    )
    result = read_workbook(v1)
    assert result.ok
    assert [(f.code, f.cell) for f in result.findings] == [("version-old", "B29")]
    wb = result.workbook
    assert wb.staff == () and wb.renstra == () and wb.pictures == () and wb.history == ()
    assert len(wb.indicators) == 4 and wb.identity.versi == "1"


def test_an_incompatible_version_is_still_refused(v2_workbook):
    edit_cells(v2_workbook, "Identitas", {("Nilai", "Versi Template"): "3"})
    assert "version-mismatch" in {f.code for f in read_workbook(v2_workbook).errors}
