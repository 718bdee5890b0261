"""lkjip report: the generated .docx re-read with python-docx, for structure and figures."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from conftest import EXAMPLE, ROOT, edit_cells, sha256

from lkjip_xl import compute, read_workbook
from lkjip_xl.base.errors import TemplateProblem
from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.cli import main
from lkjip_xl.report.render import render_report


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def table_with_header(document, first_header: str, second: str | None = None):
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[0] == first_header and (second is None or header[1] == second):
            return table
    raise AssertionError(f"no table starting with {first_header!r}")


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("r") / "laporan.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def example_doc(example_docx):
    return docx.Document(example_docx)


def test_chapters_and_sections(example_doc):
    headings = [p.text for p in example_doc.paragraphs if p.style.name.startswith("Heading")]
    for expected in [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "DAFTAR GRAFIK",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "3.2 Realisasi Anggaran",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]:
        assert expected in headings


def test_every_computed_figure_is_in_the_draft(example_doc):
    text = all_text(example_doc)
    results = compute(read_workbook(EXAMPLE).workbook)
    for r in results.indicators:
        assert fmt_number(r.capaian.value) + "%" in text
    assert fmt_number(results.capaian_iku) + "%" in text
    assert fmt_number(results.skm.ikm) in text
    for e in results.skm.elements:
        assert fmt_number(e.nrr) in text
    for line in results.budget:
        assert fmt_number(line.pagu, 0) in text and fmt_number(line.realisasi, 0) in text
    for s in results.sasaran:
        assert fmt_number(s.efisiensi) in text
    assert "7.310.830.014" in text and "82,17" in text
    assert (
        "tujuh miliar tiga ratus sepuluh juta delapan ratus tiga puluh ribu empat belas rupiah"
        in text
    )
    assert "22 Februari 2024" in text


def test_no_figure_the_seed_got_wrong(example_doc):
    text = all_text(example_doc)
    assert (
        "89,03" not in text and "92,82" not in text
    )  # averaged serapan per sasaran (docs/SEED_002_CHECK.md)
    assert "79,17%" in text and "90,99%" in text
    assert "101,77%" in text


def test_budget_table_has_each_row_exactly_once(example_doc):
    wb = read_workbook(EXAMPLE).workbook
    table = table_with_header(example_doc, "Program / Kegiatan / Sub Kegiatan", "Pagu (Rp)")
    names = [row.cells[0].text.strip() for row in table.rows[1:]]
    assert len(table.rows) == 1 + len(wb.budget) + 1  # header, one per row, one total
    assert names[:-1] == [r.uraian for r in wb.budget]
    assert names.count("JUMLAH") == 1 and names[-1] == "JUMLAH"


def test_tables_captions_and_images(example_doc, example_docx):
    captions = [p.text for p in example_doc.paragraphs if p.style.name == "Keterangan Tabel"]
    charts = [p.text for p in example_doc.paragraphs if p.style.name == "Keterangan Grafik"]
    assert captions[0].startswith("Tabel 1.1") and any(
        c.startswith("Tabel 3.13 Lembaga")
        for c in captions  # placed by its Letak: Bab III
    )
    assert len(set(captions)) == len(captions)
    # none in Bab I (no population by sex; staff in one golongan group and one pendidikan);
    # Bab III: capaian, IKM, sebaran, one per unsur (9), serapan; no perubahan data
    assert [c.split(" ")[1] for c in charts] == [f"3.{n}" for n in range(1, 14)]
    with zipfile.ZipFile(example_docx) as zf:
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
        chart_parts = [n for n in zf.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)]
        settings = zf.read("word/settings.xml").decode()
        body = zf.read("word/document.xml").decode()
    assert not media and len(chart_parts) == len(charts) == 13  # native charts, no pictures
    assert "w:updateFields" in settings
    assert 'TOC \\o "1-3"' in body
    iku = table_with_header(example_doc, "No", "Sasaran")
    assert len(iku.rows) == 1 + 4
    lembaga = table_with_header(example_doc, "Desa", "BPD")
    assert len(lembaga.rows) == 16
    skm_sheet = table_with_header(example_doc, "No", "U1")
    assert len(skm_sheet.rows) == 197


def test_drafted_passages_are_marked_and_own_text_is_not(example_doc, example_docx):
    with zipfile.ZipFile(example_docx) as zf:
        body = zf.read("word/document.xml").decode()
    assert body.count('w:fill="FFF2CC"') >= 10
    saran = next(
        p
        for p in example_doc.paragraphs
        if p.text.startswith("Meningkatkan kompetensi sumber daya aparatur")
    )
    assert (
        'w:fill="FFF2CC"' not in saran._p.xml
    )  # the workbook's own Saran is used as written, unmarked


def test_hostile_values_come_out_literally(filled, tmp_path):
    path = filled()
    edit_cells(
        path,
        "Sasaran",
        {
            ("Sasaran Strategis", 1): "Sarana & Prasarana <Kantor>",
            ("Indikator Kinerja", 1): "{{ 7*7 }} {% if 1 %}x{% endif %}",
        },
    )
    out = tmp_path / "laporan.docx"
    assert main(["report", str(path), "-o", str(out)]) == 0
    text = all_text(docx.Document(out))
    assert "Sarana & Prasarana <Kantor>" in text
    assert "{{ 7*7 }} {% if 1 %}x{% endif %}" in text
    assert "BAB IV PENUTUP" in text  # nothing after the hostile value was lost


def test_workbook_with_errors_writes_no_draft(filled, tmp_path, capsys):
    path = filled()
    edit_cells(path, "SKM", {("U1", 1): 9})
    out = tmp_path / "laporan.docx"
    assert main(["report", str(path), "-o", str(out)]) == 1
    assert not out.exists()
    assert "skm-answer-invalid" in capsys.readouterr().out


def test_second_template_with_kop_renders_from_same_context(tmp_path):
    out = tmp_path / "kop.docx"
    assert (
        main(
            [
                "report",
                str(EXAMPLE),
                "-o",
                str(out),
                "--template",
                str(ROOT / "docx_templates" / "lkjip_kop_surat.docx"),
            ]
        )
        == 0
    )
    text = all_text(docx.Document(out))
    assert "Jalan Gunung Sari Nomor 71" in text and "kecpasirbelengkong@paserkab.go.id" in text


def test_template_with_unknown_names_is_refused(tmp_path):
    custom = docx.Document(ROOT / "docx_templates" / "lkjip_standar.docx")
    custom.add_paragraph("{{ nama_bupati_baru }} dan {{ kepala_dinas }}")
    path = tmp_path / "milik_kabupaten.docx"
    custom.save(path)
    result = read_workbook(EXAMPLE)
    with pytest.raises(TemplateProblem) as exc:
        render_report(result.workbook, compute(result.workbook), tmp_path / "x.docx", path)
    assert "kepala_dinas" in str(exc.value) and "nama_bupati_baru" in str(exc.value)
    assert not (tmp_path / "x.docx").exists()


def test_template_cannot_run_code(tmp_path):
    custom = docx.Document(ROOT / "docx_templates" / "lkjip_standar.docx")
    custom.add_paragraph("{{ kecamatan.__class__.__mro__[1].__subclasses__() }}")
    path = tmp_path / "jahat.docx"
    custom.save(path)
    result = read_workbook(EXAMPLE)
    with pytest.raises(TemplateProblem):
        render_report(result.workbook, compute(result.workbook), tmp_path / "x.docx", path)


def test_report_never_overwrites_input_and_writes_atomically(example_docx, capsys):
    before = sha256(EXAMPLE)
    assert main(["report", str(EXAMPLE), "-o", str(EXAMPLE)]) == 3
    assert sha256(EXAMPLE) == before
    # the module's draft (its report exited 0) is alone in its folder: no temporary file left
    assert sorted(p.name for p in example_docx.parent.iterdir()) == ["laporan.docx"]


def test_packaged_template_and_example_are_the_built_ones():
    assert (ROOT / "lkjip_xl" / "data" / "lkjip_standar.docx").read_bytes() == (
        ROOT / "docx_templates" / "lkjip_standar.docx"
    ).read_bytes()
    assert (ROOT / "lkjip_xl" / "data" / EXAMPLE.name).read_bytes() == EXAMPLE.read_bytes()


def test_belanja_and_perubahan_tables_and_chart(filled, tmp_path, capsys):
    anggaran = [
        {"Tingkat": "Program", "Uraian": "Program Pelayanan Publik", "Kode Sasaran": "S1"},
        {
            "Tingkat": "Sub Kegiatan",
            "Uraian": "Pelayanan PATEN",
            "Pagu": 120_000_000,
            "Realisasi": 90_000_000,
            "Pagu Sebelum Perubahan": 100_000_000,
        },
        {"Tingkat": "Program", "Uraian": "Program Ketenteraman", "Kode Sasaran": "S2"},
        {
            "Tingkat": "Sub Kegiatan",
            "Uraian": "Koordinasi Keamanan",
            "Pagu": 40_000_000,
            "Realisasi": 30_000_000,
            "Pagu Sebelum Perubahan": 50_000_000,
        },
    ]
    belanja = [
        {
            "Kelompok": "Belanja Operasi",
            "Jenis Belanja": "Belanja Pegawai",
            "Anggaran": 100_000_000,
            "Realisasi": 80_000_000,
            "Realisasi Tahun Lalu": 64_000_000,
        },
        {
            "Kelompok": "Belanja Modal",
            "Jenis Belanja": "Peralatan dan Mesin",
            "Anggaran": 60_000_000,
            "Realisasi": 40_000_000,
        },
    ]
    path = filled(sheets={"Anggaran": anggaran, "Belanja": belanja})
    assert main(["compute", str(path)]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["anggaran"]["total"]["perubahan"] == 10_000_000
    pegawai = next(b for b in data["belanja"] if b["jenis"] == "Belanja Pegawai")
    assert pegawai["pertumbuhan"] == pytest.approx(25)
    assert [b["jenis"] for b in data["belanja"] if b["subtotal"]][-1] == "Total Belanja"
    out = tmp_path / "laporan.docx"
    assert main(["report", str(path), "-o", str(out)]) == 0
    document = docx.Document(out)
    perubahan = table_with_header(
        document, "Program / Kegiatan / Sub Kegiatan", "Sebelum Perubahan (Rp)"
    )
    assert [c.text for c in perubahan.rows[-1].cells] == [
        "JUMLAH",
        "150.000.000",
        "160.000.000",
        "10.000.000",
    ]
    assert "(10.000.000)" in [
        c.text for c in perubahan.rows[4].cells
    ]  # berkurang shown in parentheses
    belanja_table = table_with_header(document, "Jenis Belanja")
    assert "25,00" in [c.text for c in belanja_table.rows[1].cells]
    charts = [p.text for p in document.paragraphs if p.style.name == "Keterangan Grafik"]
    assert any("Sebelum dan Sesudah Perubahan" in c for c in charts)


def test_an_output_folder_that_cannot_be_made_is_a_sentence_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "bukan_folder.txt"
    blocker.write_text("x")
    assert main(["report", str(EXAMPLE), "-o", str(blocker / "laporan.docx")]) == 3
    err = capsys.readouterr().err
    assert "tidak dapat dibuat" in err and "Traceback" not in err
