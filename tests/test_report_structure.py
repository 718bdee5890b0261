"""The draft's structure: table specs, chart registry, context and template agree, and captions
are numbered in the order the (possibly reordered) template shows them."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import contract_filler
import docx
import pytest
from conftest import EXAMPLE, ROOT, edit_cells
from v2_helpers import v2_variant

from lkjip_xl import compute, read_workbook
from lkjip_xl.report.charts import CHARTS, PAGE_CHARTS, chart_specs, draw_charts
from lkjip_xl.report.context import build_context
from lkjip_xl.report.numbering import chapter_of
from lkjip_xl.report.render import render_document, save_document
from lkjip_xl.report.specs import TABLES, TableSpec

TEMPLATES = {
    "standar": ROOT / "docx_templates" / "lkjip_standar.docx",
    "kop": ROOT / "docx_templates" / "lkjip_kop_surat.docx",
}
CAPTION_STYLES = ("Keterangan Tabel", "Keterangan Grafik")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")

# The example's captions before numbering followed the template (no behaviour change).
EXAMPLE_CAPTIONS = [
    "Tabel 1.1 Luas Wilayah dan Jumlah Penduduk Desa/Kelurahan Kecamatan Paser Belengkong",
    "Tabel 1.2 Pegawai Kecamatan Paser Belengkong Berdasarkan Golongan",
    "Tabel 1.3 Pegawai Kecamatan Paser Belengkong Berdasarkan Tingkat Pendidikan",
    "Tabel 1.4 Pegawai Kecamatan Paser Belengkong Berdasarkan Jenis Kelamin",
    "Tabel 1.5 Pegawai Kecamatan Paser Belengkong Berdasarkan Status Kepegawaian",
    "Tabel 2.1 Indikator Kinerja Utama Kecamatan Paser Belengkong",
    "Tabel 2.2 Perjanjian Kinerja Kecamatan Paser Belengkong Tahun 2023",
    "Tabel 2.3 Program dan Anggaran Perjanjian Kinerja",
    "Tabel 3.1 Skala Nilai Predikat Capaian Kinerja",
    "Tabel 3.2 Capaian Indikator Kinerja Utama Tahun 2023",
    "Grafik 3.1 Capaian Indikator Kinerja terhadap Target 100%",
    "Tabel 3.3 Analisis Pencapaian Sasaran Strategis 1",
    "Tabel 3.4 Program dan Kegiatan Pendukung Sasaran 1",
    "Tabel 3.5 Analisis Pencapaian Sasaran Strategis 2",
    "Tabel 3.6 Program dan Kegiatan Pendukung Sasaran 2",
    "Tabel 3.7 Analisis Pencapaian Sasaran Strategis 3",
    "Tabel 3.8 Program dan Kegiatan Pendukung Sasaran 3",
    "Tabel 3.9 Analisis Pencapaian Sasaran Strategis 4",
    "Tabel 3.10 Program dan Kegiatan Pendukung Sasaran 4",
    "Tabel 3.11 Nilai Unsur Pelayanan Survei Kepuasan Masyarakat",
    "Grafik 3.2 Nilai Rata-rata per Unsur Pelayanan",
    "Grafik 3.3 Sebaran Jawaban Responden per Unsur",
    *(
        f"Grafik 3.{n} Penilaian Responden Berdasarkan {unsur}"
        for n, unsur in enumerate(
            (
                "Persyaratan",
                "Sistem, Mekanisme, dan Prosedur",
                "Waktu Penyelesaian",
                "Biaya/Tarif",
                "Produk Spesifikasi Jenis Pelayanan",
                "Kompetensi Pelaksana",
                "Perilaku Pelaksana",
                "Penanganan Pengaduan, Saran dan Masukan",
                "Sarana dan Prasarana",
            ),
            start=4,
        )
    ),
    "Tabel 3.12 Efisiensi Penggunaan Sumber Daya per Sasaran Strategis",
    "Tabel 3.13 Lembaga Kemasyarakatan",  # its Letak is Bab III
    "Tabel 3.14 Realisasi Anggaran Program, Kegiatan dan Sub Kegiatan",
    "Grafik 3.13 Serapan Anggaran per Program",
]


@pytest.fixture(scope="module")
def example() -> tuple[Any, Any, Any]:
    wb = read_workbook(EXAMPLE).workbook
    results = compute(wb)
    return wb, results, draw_charts(results)


def render(example: tuple[Any, Any, Any], template: Path | None = None) -> Any:
    wb, results, charts = example
    return docx.Document(
        io.BytesIO(save_document(render_document(wb, results, template, charts), wb))
    )


def captions_of(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name in CAPTION_STYLES]


def rows_of(ctx: dict[str, Any], spec: TableSpec) -> list[dict[str, Any]]:
    """The rows a spec's loop goes over; a block table's rows over every block ('s.program')."""
    head, _, rest = spec.rows.partition(".")
    if spec.block_caption:
        blocks = ctx["sasaran"] if head == "s" else pytest.fail(f"unknown block {head}")
        return [row for block in blocks for row in block[rest]]
    value = ctx[head]
    return value[rest] if rest else value


# -- specs, context and template agree ------------------------------------------------------


def _with_every_table(filled: Any) -> Path:
    """A workbook with what the example lacks: an extra indicator, spending by type."""
    sasaran = [
        *contract_filler.SASARAN,
        {
            "Kode Sasaran": "S1",
            "Sasaran Strategis": "Meningkatnya kualitas pelayanan publik",
            "IKU": "Tidak",
            "Indikator Kinerja": "Jumlah inovasi pelayanan",
            "Satuan": "inovasi",
            "Target": 2,
            "Realisasi": 3,
        },
    ]
    belanja = [
        {
            "Kelompok": "Belanja Operasi",
            "Jenis Belanja": "Belanja Pegawai",
            "Anggaran": 100_000_000,
            "Realisasi": 80_000_000,
        }
    ]
    return filled(sheets={"Sasaran": sasaran, "Belanja": belanja})


def test_every_row_the_context_builds_has_its_tables_keys(
    example, filled, blank_template, tmp_path
):
    wb, results, _ = example
    other = read_workbook(_with_every_table(filled)).workbook
    v2 = read_workbook(v2_variant(blank_template, tmp_path / "v2.xlsx")).workbook
    contexts = [build_context(b, compute(b)) for b in (other, v2)] + [build_context(wb, results)]
    for spec in TABLES:
        rows = [row for ctx in contexts for row in rows_of(ctx, spec)]
        assert rows, f"no rows for table {spec.name}: the check would be empty"
        for row in rows:
            missing = set(spec.keys) - set(row)
            assert not missing, f"table {spec.name}: rows lack {sorted(missing)}"


def test_every_caption_the_specs_and_charts_name_is_in_the_context(example):
    wb, results, _ = example
    captions = build_context(wb, results)["captions"]
    assert set(captions) == {s.name for s in TABLES if s.caption and not s.block_caption} | {
        c.caption_key for c in CHARTS.values() if not c.repeated
    }


@pytest.mark.parametrize("variant", TEMPLATES)
def test_built_template_holds_every_spec_and_chart(variant):
    document = docx.Document(TEMPLATES[variant])
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    paragraphs = {p.text for p in document.paragraphs}
    for spec in TABLES:
        assert f"{{%tr for x in {spec.rows} %}}" in cells, spec.name
        for column in spec.columns:
            assert column.header in cells and column.tag in cells, (spec.name, column.key)
        assert set(spec.total) <= cells | {""}, spec.name
        if spec.caption:
            assert f"{{{{ {spec.caption_var} }}}}" in paragraphs, spec.name
        if spec.shown_if:
            assert f"{{%p if {spec.shown_if} %}}" in paragraphs, spec.name
    for name, chart in CHARTS.items():
        if chart.repeated:
            assert f"{{%p for g in grafik.{name} %}}" in paragraphs
            assert {"{{ g.grafik }}", "{{ g.keterangan }}"} <= paragraphs
            continue
        assert f"{{{{ grafik.{name} }}}}" in paragraphs
        assert f"{{{{ captions.{chart.caption_key} }}}}" in paragraphs


@pytest.mark.parametrize("variant", TEMPLATES)
def test_committed_templates_are_what_the_script_builds(variant, tmp_path):
    out = tmp_path / "dibangun.docx"
    args = ["--kop"] if variant == "kop" else []
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_docx_template.py"), *args, "-o", str(out)],
        check=True,
        capture_output=True,
    )
    for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        with zipfile.ZipFile(out) as built, zipfile.ZipFile(TEMPLATES[variant]) as committed:
            assert built.read(part) == committed.read(part), f"rebuild {variant}: {part} differs"


def test_chart_registry_feeds_drawing_and_the_web_page(example):
    _, results, drawn = example
    assert list(drawn) == list(chart_specs(results)) == list(CHARTS)
    assert PAGE_CHARTS == ("capaian", "serapan", "ikm", "sebaran")
    from lkjip_xl.web import app

    assert app.PAGE_CHARTS == PAGE_CHARTS


# -- caption numbers ------------------------------------------------------------------------


def test_example_captions_keep_todays_numbers(example):
    assert captions_of(render(example)) == EXAMPLE_CAPTIONS


@pytest.mark.parametrize(
    ("heading", "chapter"),
    [
        ("BAB I PENDAHULUAN", "1"),
        ("BAB II PERENCANAAN KINERJA", "2"),
        ("BAB III AKUNTABILITAS KINERJA", "3"),
        ("BAB IV PENUTUP", "4"),
        ("Bab IX Lain-lain", "9"),
        ("BAB 5 TAMBAHAN", "5"),
        ("LAMPIRAN", "L"),
        ("Lampiran-lampiran", "L"),
        ("KATA PENGANTAR", None),
        ("BABAK BARU", None),
    ],
)
def test_chapter_of_a_heading(heading, chapter):
    assert chapter_of(heading) == chapter


def _body_paragraph(body: Any, text: str) -> Any:
    for el in body.iterchildren(f"{W}p"):
        if "".join(t.text or "" for t in el.iter(f"{W}t")) == text:
            return el
    raise AssertionError(f"no paragraph {text!r} in the template")


def _following(el: Any, count: int) -> list[Any]:
    """`el` and the `count - 1` body elements after it."""
    out = [el]
    while len(out) < count:
        out.append(out[-1].getnext())
    return out


def _edited_template(tmp_path: Path, edit_body: Any) -> Path:
    document = docx.Document(TEMPLATES["standar"])
    edit_body(document.element.body)
    path = tmp_path / "milik_kabupaten.docx"
    document.save(path)
    return path


def test_numbers_follow_two_tables_swapped_in_the_template(example, tmp_path):
    def pk_before_iku(body: Any) -> None:
        pk = _following(_body_paragraph(body, "{{ captions.pk }}"), 3)  # caption, table, space
        iku = _body_paragraph(body, "{{ captions.iku }}")
        for el in pk:
            iku.addprevious(el)

    captions = captions_of(render(example, _edited_template(tmp_path, pk_before_iku)))
    assert captions[5:8] == [
        "Tabel 2.1 Perjanjian Kinerja Kecamatan Paser Belengkong Tahun 2023",
        "Tabel 2.2 Indikator Kinerja Utama Kecamatan Paser Belengkong",
        "Tabel 2.3 Program dan Anggaran Perjanjian Kinerja",
    ]


def test_numbers_follow_a_table_moved_to_another_chapter(example, tmp_path):
    def desa_to_lampiran(body: Any) -> None:
        desa = _following(
            _body_paragraph(body, "{%p if desa %}"), 5
        )  # if, caption, table, _, endif
        lampiran = _body_paragraph(body, "LAMPIRAN")
        for el in reversed(desa):
            lampiran.addnext(el)

    captions = captions_of(render(example, _edited_template(tmp_path, desa_to_lampiran)))
    assert captions[0] == "Tabel 1.1 Pegawai Kecamatan Paser Belengkong Berdasarkan Golongan"
    assert captions[-1:] == [
        "Tabel L.1 Luas Wilayah dan Jumlah Penduduk Desa/Kelurahan Kecamatan Paser Belengkong",
    ]


def test_absent_parts_take_no_number(filled, tmp_path):
    path = filled(sheets={"SKM": []})  # no survey: its table and charts are left out
    wb = read_workbook(path).workbook
    results = compute(wb)
    document = docx.Document(io.BytesIO(save_document(render_document(wb, results), wb)))
    captions = captions_of(document)
    assert not any("Survei Kepuasan" in c or "Unsur" in c for c in captions)
    numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
    for caption in captions:
        kind, number = caption.split(" ")[:2]
        chapter, n = number.split(".")
        numbers[(kind, chapter)].append(int(n))
    assert numbers and all(ns == list(range(1, len(ns) + 1)) for ns in numbers.values())


def test_cell_text_cannot_forge_a_marker(filled, tmp_path):
    path = filled()
    edit_cells(
        path,
        "Sasaran",
        {
            ("Sasaran Strategis", 1): "[[TABEL_RESPONDEN_SKM]]",
            ("Indikator Kinerja", 1): "a\ue001b \ue003TABEL_RESPONDEN_SKM\ue003 c\ue002",
        },
    )
    wb = read_workbook(path).workbook
    results = compute(wb)
    tpl = render_document(wb, results)
    data = save_document(tpl, wb)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml").decode()
    assert not PRIVATE_USE.search(body)
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "[[TABEL_RESPONDEN_SKM]]" in text and "ab TABEL_RESPONDEN_SKM c" in text
    respondents = [
        t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["No", "U1"]
    ]
    assert len(respondents) == 1 and len(respondents[0].rows) == 1 + 4


def test_a_kabupaten_template_keeps_its_respondent_table_placeholder(example):
    """The placeholder text `[[TABEL_RESPONDEN_SKM]]` written in a template still places the
    table (customised templates copied from earlier versions carry it)."""
    document = render(example)
    texts = [p.text for p in document.paragraphs]
    assert "[[TABEL_RESPONDEN_SKM]]" not in texts
    skm_sheet = [
        t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["No", "U1"]
    ]
    assert len(skm_sheet) == 1
