"""Bab II and the free tables in the draft: the Perjanjian Kinerja table with every indicator
(IKU and the others) and its summary sentence; a free `Tabel …` sheet placed by its Letak, with
its two-row header merged as typed, widths from its content, and a landscape page when wide."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import contract_filler
import pytest
from test_draft_bab_i import document, rows_of, table_after

from lkjip_xl import compute, read_workbook
from lkjip_xl.report.render import render_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WIDE = {
    "name": "Tabel Lebar",
    "lines": ["Judul: Layanan per Bulan", "Letak: Bab II", "Sumber: Seksi Pelayanan"],
    "header": [
        ["No", "Jenis Layanan", "Jumlah per Bulan", *[None] * 11, "Jumlah"],
        [
            None,
            None,
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "Mei",
            "Jun",
            "Jul",
            "Agu",
            "Sep",
            "Okt",
            "Nov",
            "Des",
            None,
        ],
    ],  # fmt: skip
    "merges": [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 14), (1, 15, 2, 15)],
    "rows": [[1, "Pengantar SKCK", *range(12), 1169786789]],
}


@pytest.fixture(scope="module")
def draft(blank_template, tmp_path_factory) -> tuple[bytes, Any]:
    folder = tmp_path_factory.mktemp("bab_ii")
    book = contract_filler.fill_v2(
        blank_template, folder / "buku.xlsx", tables=[contract_filler.TABEL_PATEN, WIDE]
    )
    read = read_workbook(book)
    assert read.workbook is not None and not read.errors, read.findings
    results = compute(read.workbook)
    out = render_report(read.workbook, results, folder / "draf.docx")
    return out.read_bytes(), results


def test_pk_table_carries_every_indicator_and_its_sentence(draft):
    data, results = draft
    doc = document(data)
    rows = rows_of(table_after(doc, "Perjanjian Kinerja Kecamatan"))
    assert rows[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Jenis", "Satuan", "Target"]
    assert len(rows) == 1 + len(results.indicators)
    assert [r[2] for r in rows[1:]].count(results.additional[0].source.indikator) == 1
    assert {r[3] for r in rows[1:]} == {"IKU", "Tambahan"}
    text = "\n".join(p.text for p in doc.paragraphs)
    n = len(results.sasaran)
    assert f"memuat {n} (" in text and "sasaran strategis dengan" in text


def _chapter_of_table(doc: Any, title: str) -> str:
    """The last Heading 1 before the caption naming `title`."""
    chapter = ""
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            chapter = p.text
        if p.text.startswith("Tabel ") and title in p.text:
            return chapter
    raise AssertionError(title)


def test_free_tables_go_where_their_letak_says(draft):
    doc = document(draft[0])
    assert _chapter_of_table(doc, "Layanan PATEN per Triwulan").startswith("BAB III")
    assert _chapter_of_table(doc, "Layanan per Bulan").startswith("BAB II ")
    lampiran = [p.text for p in doc.paragraphs if p.text.startswith("Tabel L.")]
    assert not any("PATEN" in t or "per Bulan" in t for t in lampiran)


def test_a_two_row_header_is_merged_as_typed(draft):
    table = table_after(document(draft[0]), "Layanan PATEN per Triwulan")
    tr = table._tbl.findall(f"{W}tr")
    first = tr[0].findall(f"{W}tc")
    assert len(first) == 4  # No, Jenis Layanan, Jumlah Layanan (over 4), Jumlah
    assert first[2].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "4"
    assert first[0].find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    assert [c.text for c in table.rows[1].cells][2:6] == ["TW I", "TW II", "TW III", "TW IV"]
    assert all(r.find(f"{W}trPr/{W}tblHeader") is not None for r in tr[:2])
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in tr)


def test_a_wide_free_table_gets_a_landscape_page_with_its_caption(draft):
    body = zipfile.ZipFile(io.BytesIO(draft[0])).read("word/document.xml").decode()
    at = body.index("Layanan per Bulan")
    before = body.rfind("<w:sectPr>", 0, at)
    after = body.index("<w:sectPr>", at)
    assert 'w:orient="landscape"' not in body[before : body.index("</w:sectPr>", before)]
    assert 'w:orient="landscape"' in body[after : body.index("</w:sectPr>", after)]
    assert body.index("<w:tbl>", at) < after  # the table sits in the landscape section
    doc = document(draft[0])
    table = table_after(doc, "Layanan per Bulan")
    widths = [int(g.get(f"{W}w")) for g in table._tbl.find(f"{W}tblGrid")]
    # the figure's column is wide enough for 1.169.786.789 on one line, the month columns for
    # their names
    assert widths[-1] >= 13 * 92 and min(widths[2:14]) >= 3 * 92
    assert "Sumber: Seksi Pelayanan" in "\n".join(p.text for p in doc.paragraphs)


def test_a_portrait_table_stays_portrait(draft):
    body = zipfile.ZipFile(io.BytesIO(draft[0])).read("word/document.xml").decode()
    at = body.index("Layanan PATEN per Triwulan")
    assert body.count('w:orient="landscape"') == 1 and body.index('w:orient="landscape"') < at
