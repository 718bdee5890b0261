"""Bab I of the draft from a version 2 workbook filled through the contract: landasan hukum,
the desa table with population by sex and its total row, the population and staff tables and
charts, the map and logo from Gambar, the struktur organisasi drawn from Pegawai, sistematika;
and a part without data left out cleanly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import contract_filler
import docx
import pytest
from lxml import etree
from v2_helpers import v2_variant

from lkjip_xl import compute, read_workbook
from lkjip_xl.report.render import render_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def _draft(template: Path, folder: Path, **fill: Any) -> tuple[bytes, Any]:
    book = v2_variant(template, folder / "buku.xlsx", **fill)
    read = read_workbook(book)
    assert read.workbook is not None and not read.errors, read.findings
    out = render_report(read.workbook, compute(read.workbook), folder / "draf.docx")
    return out.read_bytes(), read.workbook


@pytest.fixture(scope="module")
def v2_draft(blank_template, tmp_path_factory) -> tuple[bytes, Any]:
    folder = tmp_path_factory.mktemp("bab_i")
    return _draft(blank_template, folder, pictures=contract_filler.GAMBAR)


def document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def table_after(doc: Any, caption_start: str) -> Any:
    """The table following the caption that starts with `caption_start` (after its number)."""
    body = list(doc.element.body)
    for i, el in enumerate(body):
        if el.tag == f"{W}p":
            text = "".join(t.text or "" for t in el.iter(f"{W}t"))
            if text.startswith("Tabel ") and caption_start in text:
                nxt = next(e for e in body[i + 1 :] if e.tag == f"{W}tbl")
                return docx.table.Table(nxt, doc)
    raise AssertionError(f"no table captioned {caption_start!r}")


def rows_of(table: Any) -> list[list[str]]:
    return [[c.text.strip() for c in row.cells] for row in table.rows]


def body_text(doc: Any) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_desa_table_has_population_by_sex_and_the_total_row(v2_draft):
    rows = rows_of(table_after(document(v2_draft[0]), "Luas Wilayah dan Jumlah Penduduk"))
    assert rows[0] == [
        "No", "Desa/Kelurahan", "Status", "Luas (km²)", "Laki-laki", "Perempuan", "Jumlah", "KK"
    ]  # fmt: skip
    assert rows[1] == ["1", "Sukamaju", "Desa", "12,5", "1.200", "1.150", "2.350", "700"]
    assert rows[2][1:3] == ["Makmur Jaya", "Kelurahan"]
    assert rows[-1] == ["", "Jumlah", "", "40,5", "2.700", "2.680", "5.380", "1.610"]


def test_staff_tables_count_people(v2_draft):
    data, wb = v2_draft
    doc = document(data)
    people = [e for e in wb.staff if not e.vacant]
    for title in ("Golongan", "Tingkat Pendidikan", "Jenis Kelamin", "Status Kepegawaian"):
        rows = rows_of(table_after(doc, f"Berdasarkan {title}"))
        assert rows[0][1:] == ["Laki-laki", "Perempuan", "Jumlah", "Persen"]
        assert rows[-1][0] == "Jumlah" and rows[-1][3] == str(len(people))
        assert rows[-1][4] == "100,00%"
    sexes = rows_of(table_after(doc, "Berdasarkan Jenis Kelamin"))
    men = sum(e.jenis_kelamin == "l" for e in people)
    assert ["Laki-laki", str(men), "0", str(men)] == sexes[1][:4]


def charts_in_order(data: bytes) -> list[tuple[list[str], list[list[float]]]]:
    """Each chart's categories and series values, in the order the body shows them."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        body = etree.fromstring(zf.read("word/document.xml"))
        out = []
        for ref in body.iter(f"{{{C}}}chart"):
            rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            chart = etree.fromstring(zf.read("word/" + target[rid]))
            sers = list(chart.iter(f"{{{C}}}ser"))
            cats = [v.text for v in sers[0].find(f"{{{C}}}cat").iter(f"{{{C}}}v")]
            vals = [[float(v.text) for v in s.find(f"{{{C}}}val").iter(f"{{{C}}}v")] for s in sers]
            out.append((cats, vals))
    return out


def test_population_and_staff_charts_carry_the_figures(v2_draft):
    data, wb = v2_draft
    doc = document(data)
    captions = [p.text for p in doc.paragraphs if p.style.name == "Keterangan Grafik"]
    bab_i = [c for c in captions if c.startswith("Grafik 1.")]
    assert bab_i[:2] == [
        "Grafik 1.1 Persentase Penduduk Menurut Jenis Kelamin",
        "Grafik 1.2 Penduduk Menurut Desa/Kelurahan dan Jenis Kelamin",
    ]
    assert "Grafik 1.3 Jumlah Pegawai Berdasarkan Golongan" in bab_i
    charts = charts_in_order(data)
    assert charts[0] == (["Laki-laki", "Perempuan"], [[2700.0, 2680.0]])
    assert charts[1] == (
        ["Sukamaju", "Makmur Jaya", "Tanjung Sari"],
        [[1200.0, 900.0, 600.0], [1150.0, 950.0, 580.0]],
    )
    people = [e for e in wb.staff if not e.vacant]
    education = charts[3]
    assert sum(education[1][0]) == len(people)


def test_landasan_hukum_from_narasi_and_struktur_drawn_from_pegawai(v2_draft):
    data, wb = v2_draft
    text = body_text(document(data))
    assert "Peraturan Bupati Contoh Nomor 12 Tahun 2021 tentang Renstra Kecamatan" in text
    assert "Peraturan Menteri PANRB Nomor 88 Tahun 2021" not in text  # Narasi gives the list
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "wpg:wgp" in xml  # the struktur organisasi, drawn as shapes
    camat = next(e for e in wb.staff if not e.atasan)
    assert camat.nama in xml and "1.6 Struktur Organisasi" in text


def test_gambar_pictures_are_placed(v2_draft):
    data, _ = v2_draft
    doc = document(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
    assert len(media) >= 2  # the logo and the map (lampiran pictures go to the Lampiran)
    text = body_text(doc)
    assert "Gambar 1.1 Peta Wilayah Administratif Kecamatan" in text  # numbered per chapter
    assert "Gambar 1.2 Struktur Organisasi Kecamatan" in text
    cover = doc.paragraphs[:12]
    assert any(p._p.xpath(".//pic:pic") for p in cover)  # the logo, on the cover


def test_sistematika_names_the_chapters(v2_draft):
    text = body_text(document(v2_draft[0]))
    for chapter in ("BAB I Pendahuluan", "BAB II Perencanaan Kinerja", "BAB IV Penutup"):
        assert chapter in text


def test_without_v2_data_bab_i_leaves_its_parts_out(blank_template, tmp_path):
    data, _ = _draft(
        blank_template,
        tmp_path,
        sheets={"Pegawai": [], "Desa": [], "Narasi": [], "PK Berjenjang": []},
    )
    doc = document(data)
    text = body_text(doc)
    assert "uraikan" not in text
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    bab_i = headings[: headings.index(next(h for h in headings if h.startswith("2.")))]
    assert bab_i == [
        "1.1 Latar Belakang",
        "1.2 Landasan Hukum",
        "1.3 Maksud dan Tujuan",
        "1.4 Kedudukan, Tugas dan Fungsi",
        "1.5 Sistematika Penulisan",
    ]
    assert "Peraturan Menteri PANRB Nomor 88 Tahun 2021" in text  # the default list
    assert "Berdasarkan Golongan" not in text and "wpg:wgp" not in doc.element.xml


def test_a_version_1_workbook_still_reports(filled, tmp_path):
    book = filled("versi1.xlsx")  # contract_filler.fill's workbook, from the session's cache
    read = read_workbook(book)
    assert read.workbook is not None and not read.errors, read.findings
    out = render_report(read.workbook, compute(read.workbook), tmp_path / "draf.docx")
    doc = document(out.read_bytes())
    text = body_text(doc)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "BAB IV PENUTUP" in headings and "uraikan" not in text
    assert "Berdasarkan Golongan" not in text and "Matrik Rencana Strategis" not in headings
    assert "Peraturan Menteri PANRB Nomor 88 Tahun 2021" in text
