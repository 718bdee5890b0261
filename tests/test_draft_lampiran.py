"""The Lampiran parts from version 2 sheets: the Daftar Lampiran, the Matrik Renstra (five
years of targets), a free table whose Letak is Lampiran and the Gambar pictures there."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import contract_filler
import pytest
from test_draft_bab_i import body_text, document, rows_of, table_after

from lkjip_xl import compute, read_workbook
from lkjip_xl.report.render import render_report

LAMPIRAN_TABLE = {
    "name": "Tabel Sarana",
    "lines": ["Judul: Sarana Kantor", "Letak: Lampiran"],
    "header": [["No", "Sarana", "Jumlah"]],
    "merges": [],
    "rows": [[1, "Komputer", 12], [2, "Kendaraan dinas", 3]],
}


@pytest.fixture(scope="module")
def draft(blank_template, tmp_path_factory) -> tuple[bytes, Any]:
    folder = tmp_path_factory.mktemp("lampiran")
    book = contract_filler.fill_v2(
        blank_template,
        folder / "buku.xlsx",
        tables=[contract_filler.TABEL_PATEN, LAMPIRAN_TABLE],
        pictures=contract_filler.GAMBAR,
    )
    read = read_workbook(book)
    assert read.workbook is not None and not read.errors, read.findings
    results = compute(read.workbook)
    return render_report(read.workbook, results, folder / "draf.docx").read_bytes(), results


def test_daftar_lampiran_lists_the_parts(draft):
    text = body_text(document(draft[0]))
    listed = text[text.index("DAFTAR LAMPIRAN") :].split("\n")[1:8]
    assert "1. Perjanjian Kinerja Tahun 2024" in listed
    assert "4. Sarana Kantor" in listed  # after PK, IKU, SKM
    assert "5. Matrik Rencana Strategis" in listed
    assert "6. Dokumentasi Pelayanan PATEN" in listed


def test_matrik_renstra_has_a_row_per_renstra_row(draft):
    data, results = draft
    rows = rows_of(table_after(document(data), "Matrik Rencana Strategis"))
    matrix = results.renstra_matrix
    assert len(rows) == 1 + len(matrix.rows)
    shown = [str(y) for y in matrix.years][-5:]
    assert rows[0][4 : 4 + len(shown)] == shown
    assert rows[1][2].startswith(matrix.rows[0].indikator)


def test_lampiran_table_and_picture_are_in_the_lampiran(draft):
    doc = document(draft[0])
    captions = [p.text for p in doc.paragraphs if p.text.startswith("Tabel L.")]
    assert any("Sarana Kantor" in c for c in captions)
    rows = rows_of(table_after(doc, "Sarana Kantor"))
    assert rows[1:] == [["1", "Komputer", "12"], ["2", "Kendaraan dinas", "3"]]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "Dokumentasi Pelayanan PATEN" in headings
    with zipfile.ZipFile(io.BytesIO(draft[0])) as zf:
        assert len([n for n in zf.namelist() if n.startswith("word/media/")]) == 3
