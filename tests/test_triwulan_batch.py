# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""The kabupaten side of the year: `lkjip batch --pk` and `--tw N` write each kecamatan's PK
documents or quarterly report (instead of the draft), and the recap gains the sheet
'Progres Triwulan' (per kecamatan and quarter, the cumulative capaian, coloured by predikat;
text written as text)."""

from __future__ import annotations

from pathlib import Path

import contract_filler
import docx
import openpyxl
import pytest
import xlsx_cells
from v2_helpers import make_v2, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl.cli import main


@pytest.fixture
def folder(make_v2, tmp_path) -> Path:
    """Two kecamatan: Sukamaju with TW I and TW II reported, and '=Tanah Merah' (a name Excel
    would take for a formula) with TW I only; neither has the year's realisasi yet."""
    inbox = tmp_path / "masuk"
    inbox.mkdir()

    def plan(reported: int) -> list[dict]:
        drop = {f"Realisasi TW {q}" for q in ("I", "II", "III", "IV")[reported:]}
        return [{k: v for k, v in r.items() if k not in drop} for r in contract_filler.RENCANA_AKSI]

    sasaran = [{k: v for k, v in r.items() if k != "Realisasi"} for r in contract_filler.SASARAN_V2]
    for name, kecamatan, reported in (("a.xlsx", "Sukamaju", 2), ("b.xlsx", "=Tanah Merah", 1)):
        made = make_v2(
            name,
            identitas={"Kecamatan": kecamatan},
            sheets={"Rencana Aksi": plan(reported), "Sasaran": sasaran},
        )
        made.rename(inbox / name)
    _as_text(inbox / "b.xlsx", "Identitas", "=Tanah Merah")
    return inbox


def _as_text(path: Path, sheet: str, value: str) -> None:
    """Store `value` as text where the filler wrote it (openpyxl took it for a formula)."""
    book = xlsx_cells.Book(path)
    ws = book.sheet(sheet)
    for row, values in list(ws.rows()):
        for col, found in values.items():
            if found == value:
                ws.set_text(row, col, value)
    book.save(path)


def test_batch_pk_writes_every_kecamatan_pk_documents(folder, tmp_path, capsys):
    out = tmp_path / "keluar"
    assert main(["batch", str(folder), "-o", str(out), "--pk", "--proses", "1"]) == 0
    assert "Lengkap (Perjanjian Kinerja ditulis):" in capsys.readouterr().out
    for name in ("a", "b"):
        pks = sorted(p.name for p in (out / name / "PK").glob("*.docx"))
        assert len(pks) == 5 and pks[0] == "PK_00_Gabungan.docx"
        assert not list((out / name).glob("*_draf_LKjIP.docx"))
    camat = out / "a" / "PK" / "PK_01_Camat_Sukamaju.docx"
    text = "\n".join(p.text for p in docx.Document(str(camat)).paragraphs)
    assert "KECAMATAN SUKAMAJU" in text


def test_batch_tw2_writes_reports_and_the_progress_sheet(folder, tmp_path):
    out = tmp_path / "keluar"
    # b.xlsx has no TW II realisasi: its report is refused, with the cells to fill
    assert main(["batch", str(folder), "-o", str(out), "--tw", "2", "--proses", "1"]) == 1
    assert (out / "a" / "a_triwulan_2.docx").is_file()
    assert not (out / "b" / "b_triwulan_2.docx").exists()
    assert "triwulan-realisasi-missing" in (out / "b" / "b_temuan.txt").read_text("utf-8")

    out1 = tmp_path / "keluar_tw1"
    assert main(["batch", str(folder), "-o", str(out1), "--tw", "1", "--proses", "1"]) == 0
    ws = openpyxl.load_workbook(out1 / "rekap.xlsx")["Progres Triwulan"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    by_key = {(r[1], r[2]): r[3:7] for r in rows}
    ikm = by_key[("Sukamaju", "Indeks Kepuasan Masyarakat")]
    assert ikm[0] == pytest.approx(82 / 80 * 100) and ikm[1] == pytest.approx(85 / 80 * 100)
    assert ikm[2] is None and ikm[3] is None  # not reported yet: blank, not a made-up figure
    crime = by_key[("Sukamaju", "Angka kriminalitas")]
    assert crime[1] == pytest.approx((2 * 6 - 7) / 6 * 100)  # negative, per triwulan, to TW II
    # the name that looks like a formula is text
    cell = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "=Tanah Merah")[1]
    assert cell.data_type == "s"
    # coloured by predikat: 106,25 % is Sangat Tinggi (green), 83,33 % Tinggi
    fills = {
        ws.cell(row=c.row, column=5).fill.fgColor.rgb
        for (c,) in ws.iter_rows(min_row=4, max_col=1)
        if ws.cell(row=c.row, column=2).value == "Sukamaju"
    }
    assert {"FF63BE7B", "FFC6E0B4"} <= fills
