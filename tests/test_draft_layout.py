"""Layout and language of the draft: pages numbered i, ii … then 1, 2 … (or per chapter, I-1),
none on the cover; rows never split and figures never wrap; the draft note is not body text;
counts written the Indonesian way, 'tetap' not 'sama', no nested brackets, method text from the
workbook's settings, the PK dated from Tanggal Perjanjian Kinerja; no '(uraikan …)'."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from v2_helpers import v2_variant

from lkjip_xl import compute, read_workbook
from lkjip_xl.report.render import render_report
from lkjip_xl.report.specs import TABLES


def _draft(template: Any, folder: Any, **fill: Any) -> Any:
    book = v2_variant(template, folder / "buku.xlsx", **fill)
    read = read_workbook(book)
    assert read.workbook is not None and not read.errors, read.findings
    out = render_report(read.workbook, compute(read.workbook), folder / "draf.docx")
    return docx.Document(io.BytesIO(out.read_bytes()))


@pytest.fixture(scope="module")
def doc(blank_template, tmp_path_factory) -> Any:
    folder = tmp_path_factory.mktemp("tata_letak")
    return _draft(blank_template, folder, identitas={"Penomoran Halaman": "Romawi lalu Arab"})


def _page_numbering(document: Any) -> list[tuple[str | None, str | None, str]]:
    out = []
    for s in document.sections:
        pg = s._sectPr.find(qn("w:pgNumType"))
        fmt = None if pg is None else pg.get(qn("w:fmt"))
        start = None if pg is None else pg.get(qn("w:start"))
        footer = "".join(p.text for p in s.footer.paragraphs) if s.footer else ""
        out.append((fmt, start, footer))
    return out


def test_cover_unnumbered_front_matter_roman_body_from_one(doc):
    sections = _page_numbering(doc)
    assert sections[0][2] == ""  # the cover
    assert sections[1][:2] == ("lowerRoman", "1")
    body = [s for s in sections if s[0] == "decimal"]
    assert body[0][1] == "1" and all(s[1] is None for s in body[1:])  # one count from BAB I
    assert all("halaman 1" in s[2] for s in body)


def test_pages_per_chapter_when_the_workbook_says_so(blank_template, tmp_path):
    per_bab = _draft(blank_template, tmp_path)  # the sample numbers pages per chapter
    body = [s for s in _page_numbering(per_bab) if s[0] == "decimal"]
    assert [s[1] for s in body] == ["1"] * len(body)
    footers = [re.search(r"halaman (\S+)-", s[2]).group(1) for s in body]
    assert footers == ["I", "II", "III", "IV", "L"]


def test_rows_never_split_and_figures_never_wrap(doc):
    for table in doc.tables[2:]:  # after the signature tables of the front matter
        rows = table._tbl.findall(qn("w:tr"))
        if len(rows) < 2:
            continue
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    budget = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Program / Keg"))
    pagu = budget.rows[1].cells[1]._tc
    assert pagu.find(f"{qn('w:tcPr')}/{qn('w:noWrap')}") is not None
    # kegiatan and sub kegiatan indented by their paragraph's style, not by spaces
    styles = [row.cells[0].paragraphs[0].style.name for row in budget.rows[1:-1]]
    assert styles[0] == "Isi Tabel" and "Isi Tabel Tingkat 1" in styles
    assert "Isi Tabel Tingkat 2" in styles
    assert not any(row.cells[0].text.startswith(" ") for row in budget.rows[1:])


def test_the_draft_note_is_not_body_text(doc):
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Teks berlatar kuning" not in text
    notes = [c.text for c in doc.comments]  # a Word comment on the Kata Pengantar
    assert any(n.startswith("Teks berlatar kuning adalah draf") for n in notes)
    assert "uraikan" not in text.lower()


def test_language(doc):
    text = "\n".join(p.text for p in doc.paragraphs)
    assert re.search(r"\d+ \([a-z ]+\) (program|sasaran strategis|indikator)", text)
    assert "capaian tahun ini sama" not in text
    assert not re.search(r"\([^()]*\([^()]*\)[^()]*\)", text)  # no bracket inside a bracket
    assert "(2 × Target − Realisasi) / Target × 100%" in text


def test_method_text_follows_the_settings(blank_template, tmp_path):
    other = _draft(
        blank_template,
        tmp_path,
        identitas={
            "Rumus Polaritas Negatif": "Target/Realisasi",
            "Rumus Efisiensi": "Capaian ≥ 100 dan Serapan < Capaian",
        },
    )
    text = "\n".join(p.text for p in other.paragraphs)
    assert "dengan rumus Target / Realisasi × 100%" in text
    assert "(2 × Target − Realisasi)" not in text
    assert "dinilai efisien bila capaian kinerjanya paling sedikit 100%" in text


def test_pk_dated_from_tanggal_perjanjian_kinerja(blank_template, tmp_path):
    dated = _draft(blank_template, tmp_path, identitas={"Tanggal Perjanjian Kinerja": "2024-01-08"})
    text = "\n".join(c.text for t in dated.tables for row in t.rows for c in row.cells)
    assert "8 Januari 2024" in text


BOLD = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")  # Arial's metrics


@pytest.mark.skipif(not BOLD.is_file(), reason="Liberation Sans (Arial's metrics) not installed")
def test_table_headers_never_break_inside_a_word_and_fit_the_page():
    from PIL import ImageFont

    font = ImageFont.truetype(str(BOLD), 90)  # 9 pt bold, ten times larger for precision
    padding_cm = 0.38  # the cell's left and right margins
    for spec in TABLES:
        assert sum(c.width_cm for c in spec.columns) <= 15.55, spec.name  # A4 less margins
        for column in spec.columns:
            words = re.sub(r"\{\{.*?\}\}", "2023", column.header).split()
            longest = max(font.getlength(w) for w in words) / 10 / 28.35 + padding_cm
            assert longest <= column.width_cm, (spec.name, column.header)


def test_a_capaian_that_fell_while_the_realisasi_rose_says_both():
    from conftest import EXAMPLE

    from lkjip_xl.report.narrative import indicator_sentence

    results = compute(read_workbook(EXAMPLE).workbook)
    ikm = next(r for r in results.indicators if "Kepuasan Masyarakat" in r.source.indikator)
    text = indicator_sentence(ikm, 2023)
    assert "capaian tahun ini menurun, walaupun realisasinya membaik" in text  # 85,16 → 86,29
