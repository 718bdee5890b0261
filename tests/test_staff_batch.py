"""The batch recap names every kecamatan by its Identitas name, failed ones too (issue 13, item 4)."""

from __future__ import annotations

import contract_filler
import openpyxl
from docx import Document
from staff_workbooks import delete_sheets, workbook_rows, write_ods

from lkjip_xl.kabupaten.batch import batch_summary, run_batch


def recap_names(out) -> dict[str, tuple[str, str]]:
    """File name → (Kecamatan, Masalah Utama) of each row of rekap.xlsx."""
    ws = openpyxl.load_workbook(out / "rekap.xlsx")["Rekap"]
    header = [c.value for c in ws[3]]
    col = {h: i for i, h in enumerate(header)}
    return {
        row[col["Berkas"]]: (row[col["Kecamatan"]], row[col["Masalah Utama"]] or "")
        for row in ws.iter_rows(min_row=4, values_only=True)
        if row[col["Berkas"]]
    }


def test_recap_names_each_workbook_by_its_identitas(blank_template, filled_cache, tmp_path):
    folder, out = tmp_path / "masuk", tmp_path / "keluar"
    folder.mkdir()
    fill = filled_cache.fill  # contract_filler.fill's workbooks, each built once per session
    fill(blank_template, folder / "final_revisi (2).xlsx", {"Kecamatan": "Long Ikis"})
    rows = [dict(r) for r in contract_filler.SASARAN]
    rows[0]["Target"] = "delapan puluh"
    fill(
        blank_template,
        folder / "kiriman_wa_0812.xlsx",
        {"Kecamatan": "Kecamatan Muara Komam"},
        {"Sasaran": rows},
    )
    no_budget = fill(blank_template, folder / "tanpa anggaran.xlsx", {"Kecamatan": "Kuaro"})
    delete_sheets(no_budget, "Anggaran")
    last_year = fill(
        blank_template, tmp_path / "lalu.xlsx", {"Kecamatan": "Batu Sopang", "Tahun Laporan": 2023}
    )
    write_ods(folder / "batu sopang.ods", workbook_rows(last_year))
    fill(blank_template, folder / "tg.xlsx", {"Kecamatan": "Tanah Grogot"})
    (folder / "rusak.xlsx").write_text("bukan buku kerja")

    result = run_batch(folder, out, workers=1)
    names = recap_names(out)
    assert {file: kec for file, (kec, _) in names.items()} == {
        "final_revisi (2).xlsx": "Long Ikis",
        "kiriman_wa_0812.xlsx": "Muara Komam",  # failed, named by Identitas (its title removed)
        "tanpa anggaran.xlsx": "Kuaro",  # a required sheet missing: Identitas still read
        "batu sopang.ods": "Batu Sopang",
        "tg.xlsx": "Tanah Grogot",
        "rusak.xlsx": "rusak",  # no Identitas to read: the file name
    }
    assert names["batu sopang.ods"][1].startswith("Tahun Laporan 2023, buku kerja lain 2024")
    assert "2023" not in names["tg.xlsx"][1]

    failed = [p.text for p in Document(str(out / "rekap.docx")).paragraphs if "(" in p.text]
    assert any(t.startswith("Kecamatan Muara Komam (kiriman_wa_0812.xlsx)") for t in failed)
    summary = batch_summary(result, out)
    assert "Kecamatan Kuaro (tanpa anggaran.xlsx)" in summary
    assert "Kecamatan Batu Sopang (batu sopang.ods)" in summary
