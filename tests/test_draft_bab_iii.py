"""Bab III additions from a version 2 workbook filled through the contract: several years per
indicator (table and a chart each), the Renstra comparison, one paragraph per program and
kegiatan (Narasi overrides one), one paragraph per SKM unsur, and the budget against last year
and over the years (table, sentence, chart)."""

from __future__ import annotations

from typing import Any

import pytest
from test_draft_bab_i import body_text, charts_in_order, document, rows_of, table_after
from v2_helpers import v2_variant

from lkjip_xl import compute, read_workbook
from lkjip_xl.report.render import render_report


@pytest.fixture(scope="module")
def draft(blank_template, tmp_path_factory) -> tuple[bytes, Any, Any]:
    folder = tmp_path_factory.mktemp("bab_iii")
    book = v2_variant(blank_template, folder / "buku.xlsx")
    read = read_workbook(book)
    assert read.workbook is not None and not read.errors, read.findings
    results = compute(read.workbook)
    out = render_report(read.workbook, results, folder / "draf.docx")
    return out.read_bytes(), read.workbook, results


def test_several_years_table_and_a_chart_per_indicator(draft):
    data, _, results = draft
    doc = document(data)
    rows = rows_of(table_after(doc, "Perbandingan Realisasi Kinerja Beberapa Tahun"))
    assert rows[0] == ["Indikator Kinerja", "Tahun", "Target", "Realisasi", "Capaian"]
    ikm = [r for r in rows if r[0] == "Indeks Kepuasan Masyarakat"]
    assert len(ikm) == 1
    at = rows.index(ikm[0])
    assert [r[1] for r in rows[at : at + 3]] == ["2022", "2023", "2024"]  # Riwayat, this year
    assert rows[at][2:4] == ["78", "82"]
    captions = [p.text for p in doc.paragraphs if "Target dan Realisasi Beberapa Tahun:" in p.text]
    with_history = [h for h in results.history if len(h.points) >= 2]
    assert len(captions) == len(with_history) and "Indeks Kepuasan Masyarakat" in captions[0]
    ikm_chart = next(c for c in charts_in_order(data) if c[0] == ["2022", "2023", "2024"])
    assert ikm_chart[1][0][:2] == [78.0, 80.0] and ikm_chart[1][1][:2] == [82.0, 84.0]


def test_renstra_comparison_has_this_years_and_the_end_target(draft):
    data, _, results = draft
    rows = rows_of(table_after(document(data), "Perbandingan Realisasi dengan Target Renstra"))
    assert len(rows) == 1 + len(results.renstra)
    assert rows[0][3].startswith("Target Renstra") and rows[0][6] == "Target Akhir Renstra"
    assert all("((" not in cell and "))" not in cell for row in rows for cell in row)


def test_one_paragraph_per_program_and_kegiatan_narasi_overrides(draft):
    data, wb, results = draft
    text = body_text(document(data))
    lines = [b for b in results.budget if b.level in ("program", "kegiatan")]
    for b in lines:
        assert f"{b.kode} " in text
    assert "Program ini mendukung pelayanan publik." in text  # Narasi Analisis Program 7.01.02
    first = next(b for b in lines if b.kode == "7.01.01")
    assert "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota memiliki pagu Rp" in text
    assert "Program Program" not in text and first.uraian in text


def test_skm_one_paragraph_per_unsur(draft):
    data, _, results = draft
    text = body_text(document(data))
    for e in results.skm.elements:
        assert f"Unsur {e.name} memperoleh nilai rata-rata" in text


def test_budget_against_last_year_and_over_the_years(draft):
    data, _, results = draft
    doc = document(data)
    text = body_text(doc)
    assert "dibanding realisasi tahun 2023 sebesar Rp 550.000.000" in text  # Riwayat Anggaran
    rows = rows_of(table_after(doc, "Pagu dan Realisasi Anggaran Beberapa Tahun"))
    assert rows[1] == ["2022", "600.000.000", "540.000.000", "90,00%"]
    assert [r[0] for r in rows[1:]] == ["2022", "2023", "2024"]
    last = rows_of(table_after(doc, "Dibanding Tahun Sebelumnya"))
    assert last[1][1] == "420.000.000"
    years = next(c for c in charts_in_order(data) if c[1][0][0] > 1e6 and c[0][0] == "2022")
    assert years[1][0][0] == 600_000_000.0
