# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""`lkjip template --dari` on version 2 and version 1 workbooks: every new sheet carried
sensibly, the year just reported appended to `Riwayat` and `Riwayat Anggaran`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import xlsxwriter
from conftest import ROOT, sha256
from contract_filler import ANGGARAN_V2
from v2_helpers import image_data, jpeg, make_v2, png, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl import read_workbook
from lkjip_xl.cli import main
from lkjip_xl.contract.measure import Measure
from lkjip_xl.kabupaten.carry_forward import carry_forward

# What is left to do in a carried workbook is this year's numbers, nothing else.
THIS_YEARS_NUMBERS = {"budget-amount-missing", "value-blank", "skm-empty"}


def test_carry_a_version_2_workbook(v2_workbook, tmp_path, capsys):
    before = sha256(v2_workbook)
    out = tmp_path / "buku_2025.xlsx"
    assert main(["template", "--dari", str(v2_workbook), "-o", str(out)]) == 0
    assert sha256(v2_workbook) == before
    old, result = read_workbook(v2_workbook).workbook, read_workbook(out)
    new = result.workbook
    assert {f.code for f in result.findings} <= THIS_YEARS_NUMBERS, [
        (f.code, f.sheet, f.cell) for f in result.findings if f.code not in THIS_YEARS_NUMBERS
    ]
    assert (new.identity.tahun, new.identity.versi, new.identity.motto) == (
        2025,
        "2",
        old.identity.motto,
    )
    assert new.identity.page_numbering == old.identity.page_numbering

    # Riwayat: kept, and each indicator's target and realisasi of 2024 appended as typed
    assert new.history[: len(old.history)] == old.history
    appended = [
        (h.tahun, h.kode_sasaran, h.indikator, h.target, h.realisasi)
        for h in new.history[len(old.history) :]
    ]
    assert appended == [
        (2024, i.kode_sasaran, i.indikator, i.target, i.realisasi) for i in old.indicators
    ]
    assert appended[2][4] == Measure(text="-")  # "-" stays "-": not available, not zero

    # Riwayat Anggaran: kept, and 2024's totals of the unit and of each program appended
    assert new.budget_history[: len(old.budget_history)] == tuple(
        b.__class__(b.row, b.tahun, b.pagu, b.realisasi, b.kode, b.uraian)
        for b in old.budget_history
    )
    assert [(b.tahun, b.kode, b.pagu, b.realisasi) for b in new.budget_history[3:]] == [
        (2024, "", 690_000_000, 615_000_000),
        (2024, "7.01.01", 500_000_000, 450_000_000),
        (2024, "7.01.02", 150_000_000, 135_000_000),
        (2024, "7.01.04", 40_000_000, 30_000_000),
    ]

    # kept as they are
    assert new.staff == old.staff
    assert [(r.kind, r.indikator, r.target_akhir) for r in new.renstra] == [
        (r.kind, r.indikator, r.target_akhir) for r in old.renstra
    ]
    # the year columns come back in year order
    assert [dict(r.targets) for r in new.renstra] == [dict(r.targets) for r in old.renstra]
    given = [{y: v for y, v in r.pagu if v is not None} for r in old.renstra]
    assert [{y: v for y, v in r.pagu if v is not None} for r in new.renstra] == given
    assert [(c.jabatan, c.indikator, c.target, c.kodes) for c in new.cascade] == [
        (c.jabatan, c.indikator, c.target, c.kodes) for c in old.cascade
    ]
    assert all(c.pagu is None for c in new.cascade)  # next year's budget is new
    # Rencana Aksi: the plan stays, the year's realisations go
    assert [r.targets for r in new.action_plan] == [r.targets for r in old.action_plan]
    assert all(not m.available for r in new.action_plan for m in r.realisasi)
    assert all(r.pagu is None for r in new.action_plan)
    assert all(v.jumlah_kk is None and v.penduduk_l is None for v in new.villages)
    # Narasi: the office's own texts stay, the year's go
    assert set(new.narrative) == {"landasan_hukum"}
    assert new.free_tables == old.free_tables  # merges included


def test_carry_the_version_1_example_gives_version_2_with_history_started(tmp_path):
    v1 = tmp_path / "contoh_v1.xlsx"
    v1.write_bytes(
        subprocess.run(
            ["git", "show", "ea0b75e:workbook_templates/contoh_paser_belengkong_2023.xlsx"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    )
    out = tmp_path / "buku_2024.xlsx"
    carried = carry_forward(v1, out)
    assert carried.ok and carried.year == 2024
    result = read_workbook(out)
    assert result.workbook.identity.versi == "2"
    assert {f.code for f in result.findings} <= THIS_YEARS_NUMBERS
    history = result.workbook.history
    assert [(h.tahun, h.kode_sasaran, h.target.text or h.target.number) for h in history] == [
        (2023, "S1", "B (61)"),
        (2023, "S2", 84),
        (2023, "S3", 3),
        (2023, "S4", 100),
    ]
    assert history[0].realisasi == Measure(62.08, "B", "B (62,08)")
    assert [(b.tahun, b.pagu, b.realisasi) for b in result.workbook.budget_history] == [
        (2023, 7_310_830_014, 6_007_519_625)  # the unit's totals; no codes, so no program rows
    ]
    # every version 2 sheet is there, empty, ready to fill
    book = openpyxl.load_workbook(out, read_only=True)
    for sheet in ("Pegawai", "Renstra", "Rencana Aksi", "PK Berjenjang", "Gambar"):
        assert sheet in book.sheetnames


def test_history_is_not_appended_twice(v2_workbook, tmp_path):
    once = tmp_path / "2025.xlsx"
    assert carry_forward(v2_workbook, once).ok
    wb = openpyxl.load_workbook(once)  # staff set the year back, by mistake, and carry again
    ws = wb["Identitas"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Tahun Laporan")
    ws.cell(row, 2, 2024)
    wb.save(once)
    twice = tmp_path / "2025b.xlsx"
    assert carry_forward(once, twice).ok
    years = [(h.tahun, h.indikator) for h in read_workbook(twice).workbook.history]
    assert len(years) == len(set(years))


def test_an_unreadable_budget_is_not_appended_to_history(make_v2, tmp_path):
    budget = [dict(r) for r in ANGGARAN_V2]
    budget[2]["Pagu"] = "lima ratus juta"
    src = make_v2(sheets={"Anggaran": budget})
    carried = carry_forward(src, tmp_path / "depan.xlsx")
    assert carried.ok
    assert [(f.code, f.sheet) for f in carried.findings] == [
        ("carry-budget-history-skipped", "Anggaran")
    ]
    history = read_workbook(carried.output).workbook.budget_history
    assert [b.tahun for b in history] == [2022, 2023, 2023]  # nothing for 2024


def test_pictures_are_carried(v2_workbook, tmp_path):
    src = _with_pictures(
        v2_workbook, tmp_path / "bergambar.xlsx", {"Logo": png(6, 6), "Peta Wilayah": jpeg()}
    )
    before = read_workbook(src).workbook.pictures
    assert [p.bagian for p in before] == ["Logo", "Peta Wilayah"]
    carried = carry_forward(src, tmp_path / "depan.xlsx")
    after = read_workbook(carried.output).workbook.pictures
    assert [(p.bagian, p.part, p.format, p.data) for p in after] == [
        (p.bagian, p.part, p.format, p.data) for p in before
    ]


def _with_pictures(source: Path, path: Path, pictures: dict[str, bytes]) -> Path:
    """The workbook's values rewritten by xlsxwriter with pictures placed in the Gambar cells."""
    values = openpyxl.load_workbook(source)
    book = xlsxwriter.Workbook(str(path))
    for name in values.sheetnames:
        ws = book.add_worksheet(name)
        for r, row in enumerate(values[name].iter_rows(values_only=True)):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
        if name == "Gambar":
            for r, (bagian, data) in enumerate(pictures.items(), start=1):
                ws.write(r, 0, bagian)
                ws.embed_image(r, 1, f"g{r}", {"image_data": image_data(data)})
    book.close()
    return path
