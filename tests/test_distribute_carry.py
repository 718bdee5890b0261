"""The kabupaten's distribution of blank workbooks and next year's carry forward, on real files."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import EXAMPLE, address, codes_at, sha256
from staff_workbooks import delete_sheets

from lkjip_xl import compute, read_workbook
from lkjip_xl.base.names import file_stem
from lkjip_xl.cli import main
from lkjip_xl.contract.measure import Measure


def _list_workbook(path, rows, header=("Kecamatan", "Kabupaten/Kota", "Nama Camat")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Kecamatan"
    ws.append(["Daftar kecamatan Kabupaten Paser"])  # a title row above the header is fine
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


# --- distribute --------------------------------------------------------------------------------


def test_one_prefilled_workbook_per_kecamatan(tmp_path, capsys):
    daftar = _list_workbook(
        tmp_path / "daftar.xlsx",
        [
            ("Tanah Grogot", "Kabupaten Paser", "Drs. A", "19700101 199003 1 002", 2024, "x"),
            ("Muara Komam / Batu Sopang", "Kabupaten Paser", "B, S.Sos", None, 2024, None),
            ("Long Ikis", "Kabupaten Paser", None, None, 2024, None),
        ],
        header=(
            "Kecamatan",
            "Kabupaten/Kota",
            "Nama Camat",
            "NIP Camat",
            "Tahun Laporan",
            "Catatan",
        ),
    )
    out = tmp_path / "kirim"
    assert main(["template", "--daftar", str(daftar), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Catatan" in printed and "diabaikan" in printed  # the unknown column is named
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "LKjIP_Long_Ikis_2024.xlsx",
        "LKjIP_Muara_Komam_Batu_Sopang_2024.xlsx",
        "LKjIP_Tanah_Grogot_2024.xlsx",
    ]
    result = read_workbook(out / "LKjIP_Tanah_Grogot_2024.xlsx")
    ident = result.workbook.identity
    assert (ident.kecamatan, ident.kabupaten, ident.nama_camat, ident.tahun) == (
        "Tanah Grogot",
        "Kabupaten Paser",
        "Drs. A",
        2024,
    )
    assert ident.nip_camat.replace(" ", "") == "197001011990031002"
    other = read_workbook(out / "LKjIP_Long_Ikis_2024.xlsx").workbook.identity
    assert other.kecamatan == "Long Ikis" and other.nama_camat == ""


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (
            ("Nama", "Kabupaten/Kota"),
            [("Tanah Grogot", "Paser")],
            {("list-kecamatan-missing", "A1")},
        ),
        (
            ("Kecamatan", "Kabupaten/Kota"),
            [("Tanah Grogot", "Paser"), ("Long Ikis", "Paser"), ("tanah  grogot", "Paser")],
            {("list-duplicate", "A5")},
        ),
        (
            ("Kecamatan", "Kabupaten/Kota"),
            [("Tanah Grogot", "Paser"), (None, None), ("Long Ikis", "Paser")],
            {("list-row-empty", "A4")},
        ),
        (
            ("Kecamatan", "Kabupaten/Kota"),
            [("Tanah Grogot", "Paser"), (None, "Paser")],
            {("list-kecamatan-blank", "A4")},
        ),
        (
            ("Kecamatan", "Tahun Laporan"),
            [("Tanah Grogot", "dua ribu")],
            {("year-invalid", "B3")},
        ),
    ],
)
def test_bad_list_gives_findings_at_their_cells(tmp_path, capsys, header, rows, expected):
    daftar = _list_workbook(tmp_path / "daftar.xlsx", rows, header)
    out = tmp_path / "kirim"
    code = main(["template", "--daftar", str(daftar), "-o", str(out)])
    printed = capsys.readouterr().out
    from lkjip_xl.kabupaten.distribute import distribute

    found = {(f.code, f.cell) for f in distribute(daftar, out).findings}
    assert expected <= found
    errors = any(c not in ("list-row-empty", "list-column-unknown") for c, _ in expected)
    if errors:
        assert code == 1 and not out.exists()
        assert "Tidak ada buku kerja yang ditulis" in printed
    else:  # an empty row in the middle is only a warning: the rows around it are written
        assert code == 0 and len(list(out.iterdir())) == 2


def test_distribute_never_overwrites_a_returned_workbook(tmp_path, capsys):
    daftar = _list_workbook(tmp_path / "daftar.xlsx", [("Tanah Grogot", "Paser", "A")])
    out = tmp_path / "kirim"
    assert main(["template", "--daftar", str(daftar), "-o", str(out)]) == 0
    target = out / "LKjIP_Tanah_Grogot.xlsx"
    before = sha256(target)
    assert main(["template", "--daftar", str(daftar), "-o", str(out)]) == 1
    assert "output-exists" in capsys.readouterr().out
    assert sha256(target) == before


def test_a_list_that_is_no_workbook_exits_2(tmp_path, capsys):
    daftar = tmp_path / "daftar.xlsx"
    daftar.write_text("Kecamatan\nTanah Grogot\n")
    assert main(["template", "--daftar", str(daftar), "-o", str(tmp_path / "k")]) == 2
    assert "CSV" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Paser Belengkong", "Paser_Belengkong"),
        ("Tanah Grogot/Kota", "Tanah_Grogot_Kota"),
        ("../../etc/passwd", "etc_passwd"),
        ("Kécamatan  Ñ", "Kecamatan_N"),
        ("CON", "CON_"),
        ("???", "tanpa_nama"),
    ],
)
def test_safe_file_stems(text, stem):
    assert file_stem(text) == stem


# --- carry forward -----------------------------------------------------------------------------


def test_carry_forward_the_bundled_example(tmp_path, capsys):
    before = sha256(EXAMPLE)
    out = tmp_path / "buku_2024.xlsx"
    assert main(["template", "--dari", str(EXAMPLE), "-o", str(out)]) == 0
    assert "tahun 2024" in capsys.readouterr().out
    assert sha256(EXAMPLE) == before

    old = read_workbook(EXAMPLE).workbook
    result = read_workbook(out)
    new = result.workbook
    assert new.identity.tahun == old.identity.tahun + 1
    assert new.identity.kecamatan == old.identity.kecamatan
    assert new.identity.nip_camat == old.identity.nip_camat
    assert new.identity.misi == old.identity.misi
    assert new.identity.tanggal is None and new.identity.tanggal_pk is None
    assert new.settings == old.settings

    assert [i.indikator for i in new.indicators] == [i.indikator for i in old.indicators]
    for o, n in zip(old.indicators, new.indicators, strict=True):
        assert (n.target_lalu, n.realisasi_lalu) == (o.target, o.realisasi)
        assert n.target == n.realisasi == Measure()
        assert n.target_renstra == o.target_renstra
        assert (n.sasaran, n.kode_sasaran, n.satuan, n.polarity) == (
            o.sasaran,
            o.kode_sasaran,
            o.satuan,
            o.polarity,
        )
        assert n.faktor_pendukung == ""

    assert [(b.level, b.kode, b.uraian, b.kode_sasaran) for b in new.budget] == [
        (b.level, b.kode, b.uraian, b.kode_sasaran) for b in old.budget
    ]
    assert all(b.pagu is None for b in new.budget)
    assert [b.realisasi_lalu for b in new.budget] == [b.realisasi for b in old.budget]
    assert new.skm == ()
    assert new.skm_elements == old.skm_elements
    assert [v.nama for v in new.villages] == [v.nama for v in old.villages]
    assert [v.luas for v in new.villages] == [v.luas for v in old.villages]
    assert all(v.penduduk_l is None for v in new.villages)
    assert new.free_tables == old.free_tables

    # what is left to do is exactly this year's numbers: no other kind of finding
    assert {f.code for f in result.findings} <= {
        "budget-amount-missing",
        "value-blank",
        "skm-empty",
    }
    assert {f.sheet for f in result.findings if f.code == "value-blank"} == {"Sasaran"}


def test_carried_workbook_filled_for_the_new_year_reports_last_years_capaian(
    filled, tmp_path, capsys
):
    last_year = filled(
        sheets={
            "Sasaran": [
                {
                    "Kode Sasaran": "S1",
                    "Sasaran Strategis": "Meningkatnya kualitas pelayanan publik",
                    "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
                    "Satuan": "%",
                    "Target": 0.8,  # typed as 80% in a percent-formatted cell
                    "Realisasi": 0.88,
                }
            ]
        }
    )
    wb = openpyxl.load_workbook(last_year)
    ws = wb["Sasaran"]
    for header in ("Target", "Realisasi"):
        ws[address(ws, header, 1)].number_format = "0%"
    wb.save(last_year)

    out = tmp_path / "tahun_depan.xlsx"
    assert main(["template", "--dari", str(last_year), "-o", str(out)]) == 0
    carried = read_workbook(out).workbook
    assert carried.identity.tahun == 2025
    assert carried.indicators[0].target_lalu.number == pytest.approx(80)
    assert carried.indicators[0].realisasi_lalu.number == pytest.approx(88)

    # staff type this year's figures into the carried workbook, by header
    wb = openpyxl.load_workbook(out)
    for sheet, values in {
        "Sasaran": {"Target": [85], "Realisasi": [90]},
        "Anggaran": {
            "Pagu": [None, 1000, 500, None, 400],
            "Realisasi": [None, 900, 500, None, 300],
        },
    }.items():
        ws = wb[sheet]
        cols = {c.value: c.column for c in ws[1]}
        for header, column_values in values.items():
            for r, v in enumerate(column_values, start=2):
                if v is not None:
                    ws.cell(row=r, column=cols[header], value=v)
    ws = wb["SKM"]
    cols = {c.value: c.column for c in ws[1]}
    for r in range(2, 6):
        for i in range(1, 10):
            ws.cell(row=r, column=cols[f"U{i}"], value=4)
    wb.save(out)

    result = read_workbook(out)
    assert result.ok, [f.message for f in result.errors]
    indicator = compute(result.workbook).indicators[0]
    assert indicator.capaian.value == pytest.approx(90 / 85 * 100)
    assert indicator.capaian_lalu.value == pytest.approx(88 / 80 * 100)


def test_carry_forward_refuses_without_a_year_and_writes_nothing(filled, tmp_path, capsys):
    src = filled(identitas={"Tahun Laporan": None})
    out = tmp_path / "depan.xlsx"
    assert main(["template", "--dari", str(src), "-o", str(out)]) == 1
    assert not out.exists()
    assert "Tahun Laporan" in capsys.readouterr().out


def test_carry_forward_of_a_workbook_missing_sasaran(filled, tmp_path, capsys):
    src = delete_sheets(filled(), "Sasaran")
    out = tmp_path / "depan.xlsx"
    from lkjip_xl.kabupaten.carry_forward import carry_forward

    result = carry_forward(src, out)
    assert not result.ok and not out.exists()
    assert ("sheet-missing", "Sasaran", "A1") in codes_at(result.findings)


def test_carry_forward_never_writes_onto_its_input(tmp_path, capsys):
    copy = tmp_path / "buku.xlsx"
    copy.write_bytes(EXAMPLE.read_bytes())
    before = sha256(copy)
    assert main(["template", "--dari", str(copy), "-o", str(copy)]) == 3
    assert sha256(copy) == before


@pytest.mark.parametrize(("period", "warned"), [("2021 s.d. 2024", True), ("2021-2026", False)])
def test_carry_forward_warns_when_the_renstra_period_has_ended(filled, tmp_path, period, warned):
    from lkjip_xl.kabupaten.carry_forward import carry_forward

    src = filled(identitas={"Periode Renstra": period, "Tahun Laporan": 2024})
    result = carry_forward(src, tmp_path / "depan.xlsx")
    assert result.ok and result.year == 2025
    found = [f for f in result.findings if f.code == "renstra-period-ended"]
    assert bool(found) is warned
    if warned:
        assert found[0].sheet == "Identitas" and "2025" in found[0].message
