"""Build docx_templates/lkjip_standar.docx: the default Jinja-tagged Word template of the LKjIP.

A kabupaten may copy and edit the result in Word (kop surat, wording) and pass it with
`lkjip report --template`. Tags follow docxtpl: `{{ x }}`, `{{r rich }}`, `{%p … %}` paragraph
blocks and `{%tr … %}` table-row loops. Run: python scripts/build_docx_template.py [--kop]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docx_templates" / "lkjip_standar.docx"
OUTPUT_KOP = ROOT / "docx_templates" / "lkjip_kop_surat.docx"
PACKAGED = ROOT / "lkjip_xl" / "data" / "lkjip_standar.docx"  # the copy an installed lkjip uses
TABLE_CAPTION, CHART_CAPTION = "Keterangan Tabel", "Keterangan Grafik"
FONT = "Arial"


class Builder:
    def __init__(self, kop: bool = False) -> None:
        self.doc = Document()
        self.kop = kop
        self._styles()
        section = self.doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.orientation = WD_ORIENT.PORTRAIT
        section.left_margin, section.right_margin = Cm(3), Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
        self._footer_page_number(section)

    # -- styles and fields ----------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(11)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for level, size in ((1, 14), (2, 12), (3, 11)):
            h = styles[f"Heading {level}"]
            h.font.name, h.font.size, h.font.bold = FONT, Pt(size), True
            h.font.color.rgb = RGBColor(0, 0, 0)
            h.paragraph_format.space_before, h.paragraph_format.space_after = Pt(12), Pt(6)
            rfonts = h.element.rPr.find(qn("w:rFonts"))
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(attr), FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(theme), None)
        styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for name in (TABLE_CAPTION, CHART_CAPTION):
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = styles["Normal"]
            st.font.bold, st.font.size = True, Pt(10)
            st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(6), Pt(4)
            st.paragraph_format.keep_with_next = True
        cell = styles.add_style("Isi Tabel", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = styles["Normal"]
        cell.font.size = Pt(9)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.0

    def _field(self, paragraph, instruction: str, placeholder: str) -> None:
        def fld(kind: str):
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                el.set(qn("w:dirty"), "true")
            run = OxmlElement("w:r")
            run.append(el)
            return run

        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        instr_run = OxmlElement("w:r")
        instr_run.append(instr)
        text_run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = placeholder
        text_run.append(t)
        for el in (fld("begin"), instr_run, fld("separate"), text_run, fld("end")):
            paragraph._p.append(el)

    def _footer_page_number(self, section) -> None:
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("LKjIP Kecamatan {{ kecamatan }} Tahun {{ tahun }} — halaman ")
        self._field(p, "PAGE", "1")

    # -- text ------------------------------------------------------------------------------

    def p(
        self,
        text: str = "",
        style: str | None = None,
        align=None,
        bold: bool = False,
        size: int | None = None,
        keep_next: bool = False,
    ):
        para = self.doc.add_paragraph(style=style)
        if text:
            run = para.add_run(text)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
        if align is not None:
            para.alignment = align
        if keep_next:
            para.paragraph_format.keep_with_next = True
        return para

    def tag(self, text: str):
        """A paragraph holding only a {%p … %} tag (docxtpl removes the paragraph)."""
        return self.doc.add_paragraph(text)

    def h(self, text: str, level: int):
        return self.doc.add_heading(text, level)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def rich_paragraphs(self, var: str, loop_name: str = "par") -> None:
        self.tag(f"{{%p for {loop_name} in {var} %}}")
        para = self.p(f"{{{{r {loop_name} }}}}")
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self.tag("{%p endfor %}")

    def caption(self, expr: str, chart: bool = False) -> None:
        self.p(f"{{{{ {expr} }}}}", style=CHART_CAPTION if chart else TABLE_CAPTION)

    def image(self, key: str) -> None:
        self.p(f"{{{{ grafik.{key} }}}}", align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)

    def signature(
        self, title_expr: str, name_expr: str, extra: list[str], date_line: bool = True
    ) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell = table.rows[0].cells[1]
        lines = (
            (["{{ tempat }}, {{ tanggal }}"] if date_line else [])
            + [title_expr, "", "", "", name_expr]
            + extra
        )
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            para = cell.add_paragraph(line)
            if line == name_expr:
                para.runs[0].bold = True
                para.runs[0].underline = True
        for para in cell.paragraphs:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.space_after = Pt(0)

    # -- tables ----------------------------------------------------------------------------

    def table(
        self,
        headers: list[str],
        cells: list[str],
        loop: str,
        widths: list[float],
        numeric: set[int] = frozenset(),
        total: list[str] | None = None,
        item: str = "x",
    ) -> None:
        """A table with a repeated header row, one row per item of `loop`, and an optional total row."""
        rows = 4 + (1 if total else 0)  # header, loop start, item, loop end, [total]
        table = self.doc.add_table(rows=rows, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = table.rows[0]
        _repeat_header(header)
        for i, text in enumerate(headers):
            _cell_text(header.cells[i], text, bold=True, center=True, shade="D9E2F3")
        _cell_text(table.rows[1].cells[0], f"{{%tr for {item} in {loop} %}}")
        for i, text in enumerate(cells):
            _cell_text(table.rows[2].cells[i], text, right=i in numeric)
        _cell_text(table.rows[3].cells[0], "{%tr endfor %}")
        if total:
            for i, text in enumerate(total):
                _cell_text(table.rows[4].cells[i], text, bold=True, right=i in numeric)
        table.autofit = False  # else Word and LibreOffice shrink columns to their content
        for i, w in enumerate(widths):
            table.columns[i].width = Cm(w)
            for row in table.rows:
                row.cells[i].width = Cm(w)
        self.doc.add_paragraph()


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cell_text(
    cell,
    text: str,
    bold: bool = False,
    center: bool = False,
    right: bool = False,
    shade: str | None = None,
) -> None:
    para = cell.paragraphs[0]
    para.style = "Isi Tabel"
    run = para.add_run(text)
    run.bold = bold
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if shade:
        tc_pr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), shade)
        tc_pr.append(shd)


def build(kop: bool = False) -> Document:
    b = Builder(kop)
    C = WD_ALIGN_PARAGRAPH.CENTER

    # Cover
    if kop:
        b.p("PEMERINTAH {{ kabupaten_upper }}", align=C, bold=True, size=14)
        b.p("KECAMATAN {{ kecamatan_upper }}", align=C, bold=True, size=16)
        b.p(
            "{{ kop.alamat }} {{ 'Telp. ' if kop.telepon }}{{ kop.telepon }} {{ kop.email }}",
            align=C,
            size=9,
        )
        b.p("_" * 78, align=C)
    for _ in range(5):
        b.p()
    b.p("{{ judul }}", align=C, bold=True, size=18)
    b.p("TAHUN {{ tahun }}", align=C, bold=True, size=18)
    for _ in range(8):
        b.p()
    b.p("PEMERINTAH {{ kabupaten_upper }}", align=C, bold=True, size=14)
    b.p("KECAMATAN {{ kecamatan_upper }}", align=C, bold=True, size=14)
    b.p("{{ tahun_terbit }}", align=C, bold=True, size=14)
    b.page_break()

    b.p("{{ catatan_draf }}", size=9)
    b.h("KATA PENGANTAR", 1)
    b.rich_paragraphs("kata_pengantar")
    b.signature(
        "{{ camat.jabatan }}", "{{ camat.nama }}", ["{{ camat.pangkat }}", "NIP. {{ camat.nip }}"]
    )
    b.page_break()

    b.h("IKHTISAR EKSEKUTIF", 1)
    b.rich_paragraphs("ikhtisar")
    b.page_break()

    b.h("DAFTAR ISI", 1)
    b._field(
        b.p(),
        'TOC \\o "1-3" \\h \\z \\u',
        "Klik kanan lalu pilih Perbarui Bidang untuk menyusun daftar isi.",
    )
    b.h("DAFTAR TABEL", 1)
    b._field(
        b.p(), f'TOC \\h \\z \\t "{TABLE_CAPTION},1"', "Klik kanan lalu pilih Perbarui Bidang."
    )
    b.h("DAFTAR GRAFIK", 1)
    b._field(
        b.p(), f'TOC \\h \\z \\t "{CHART_CAPTION},1"', "Klik kanan lalu pilih Perbarui Bidang."
    )
    b.page_break()

    # BAB I
    b.h("BAB I PENDAHULUAN", 1)
    b.h("1.1 Latar Belakang", 2)
    b.rich_paragraphs("latar_belakang")
    b.h("1.2 Maksud dan Tujuan", 2)
    b.rich_paragraphs("maksud_tujuan")
    b.h("1.3 Gambaran Umum", 2)
    b.rich_paragraphs("gambaran_umum")
    b.tag("{%p if desa %}")
    b.caption("captions.desa")
    b.table(
        ["No", "Desa/Kelurahan", "Status", "Luas (km²)", "Penduduk"],
        ["{{ x.no }}", "{{ x.nama }}", "{{ x.status }}", "{{ x.luas }}", "{{ x.penduduk }}"],
        "desa",
        [1.2, 6, 2.5, 2.5, 2.5],
        numeric={3, 4},
        total=["", "Jumlah", "", "{{ luas_total }}", ""],
    )
    b.tag("{%p endif %}")
    b.p("[Tempatkan bagan struktur organisasi kecamatan di sini.]", align=C)
    b.h("1.4 Isu Strategis", 2)
    b.rich_paragraphs("isu_strategis")
    b.page_break()

    # BAB II
    b.h("BAB II PERENCANAAN KINERJA", 1)
    b.h("2.1 Visi dan Misi", 2)
    b.p("Visi: {{ visi }}")
    b.p("Misi:")
    b.tag("{%p for m in misi %}")
    b.p("{{ loop.index }}. {{ m }}")
    b.tag("{%p endfor %}")
    b.h("2.2 Tujuan dan Sasaran", 2)
    b.p("Tujuan:")
    b.tag("{%p for t in tujuan %}")
    b.p("{{ loop.index }}. {{ t }}")
    b.tag("{%p endfor %}")
    b.p("Sasaran strategis:")
    b.tag("{%p for s in sasaran_list %}")
    b.p("{{ s.no }}. {{ s.sasaran }}")
    b.tag("{%p endfor %}")
    b.h("2.3 Indikator Kinerja Utama", 2)
    b.p(
        "Indikator Kinerja Utama Kecamatan {{ kecamatan }} ditetapkan dengan Keputusan Camat Nomor {{ nomor_iku }} "
        "sebagai berikut."
    )
    b.caption("captions.iku")
    b.table(
        [
            "No",
            "Sasaran",
            "Indikator Kinerja Utama",
            "Formulasi Perhitungan",
            "Sumber Data",
            "Penanggung Jawab",
        ],
        [
            "{{ x.no }}",
            "{{ x.sasaran }}",
            "{{ x.indikator }}",
            "{{ x.formulasi }}",
            "{{ x.sumber_data }}",
            "{{ x.penanggung_jawab }}",
        ],
        "iku",
        [1, 3.2, 3.2, 3.6, 2.8, 2.6],
    )
    b.h("2.4 Perjanjian Kinerja", 2)
    b.p(
        "Perjanjian Kinerja Kecamatan {{ kecamatan }} Tahun {{ tahun }} memuat sasaran, indikator dan target berikut."
    )
    b.caption("captions.pk")
    b.table(
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"],
        ["{{ x.no }}", "{{ x.sasaran }}", "{{ x.indikator }}", "{{ x.satuan }}", "{{ x.target }}"],
        "iku",
        [1, 5, 5.5, 2, 2],
        numeric={4},
    )
    b.caption("captions.pk_program")
    b.table(
        ["No", "Program", "Anggaran (Rp)", "Ket"],
        ["{{ x.no }}", "{{ x.uraian }}", "{{ x.pagu }}", "{{ x.sumber_dana }}"],
        "program_pk",
        [1, 9, 3.5, 2],
        numeric={2},
        total=["", "Jumlah", "{{ total.pagu }}", ""],
    )
    b.page_break()

    # BAB III A
    b.h("BAB III AKUNTABILITAS KINERJA", 1)
    b.h("3.1 Capaian Kinerja", 2)
    b.p(
        "Capaian indikator berpolaritas positif dihitung dengan rumus Realisasi / Target × 100%; indikator "
        "berpolaritas negatif (makin rendah makin baik) dengan rumus (2 × Target − Realisasi) / Target × 100%, "
        "kecuali pengaturan buku kerja menentukan lain. Predikat capaian memakai skala berikut."
    )
    b.caption("captions.skala")
    b.table(["Capaian", "Predikat"], ["{{ x.batas }}", "{{ x.predikat }}"], "skala", [5, 5])
    b.h("3.1.1 Perbandingan Target dan Realisasi Kinerja", 3)
    b.caption("captions.capaian")
    b.table(
        ["No", "Sasaran Strategis", "Indikator", "Target", "Realisasi", "Capaian", "Predikat"],
        [
            "{{ x.no }}",
            "{{ x.sasaran }}",
            "{{ x.indikator }}",
            "{{ x.target }}",
            "{{ x.realisasi }}",
            "{{ x.capaian }}",
            "{{ x.predikat }}",
        ],
        "iku",
        [1, 4, 4.4, 1.8, 1.8, 1.8, 2],
        numeric={3, 4, 5},
        total=[
            "",
            "Rata-rata capaian IKU",
            "",
            "",
            "",
            "{{ rata_rata_iku }}",
            "{{ predikat_iku }}",
        ],
    )
    b.p("{{r kalimat_rata_rata }}")
    b.tag("{%p if grafik.capaian %}")
    b.image("capaian")
    b.caption("captions.g_capaian", chart=True)
    b.tag("{%p endif %}")
    b.tag("{%p if indikator_lain %}")
    b.caption("captions.indikator_lain")
    b.table(
        ["No", "Sasaran", "Indikator", "Target", "Realisasi", "Capaian", "Predikat"],
        [
            "{{ x.no }}",
            "{{ x.sasaran }}",
            "{{ x.indikator }}",
            "{{ x.target }}",
            "{{ x.realisasi }}",
            "{{ x.capaian }}",
            "{{ x.predikat }}",
        ],
        "indikator_lain",
        [1, 4, 4.4, 1.8, 1.8, 1.8, 2],
        numeric={3, 4, 5},
    )
    b.tag("{%p endif %}")

    b.h("3.1.2 Analisis Capaian per Sasaran Strategis", 3)
    b.tag("{%p for s in sasaran %}")
    b.p("Sasaran {{ s.no }}: {{ s.sasaran }}", bold=True, keep_next=True)
    b.caption("s.caption")
    b.table(
        [
            "Indikator Kinerja",
            "Satuan",
            "Realisasi {{ tahun_lalu }}",
            "Capaian {{ tahun_lalu }}",
            "Target {{ tahun }}",
            "Realisasi {{ tahun }}",
            "Capaian {{ tahun }}",
        ],
        [
            "{{ x.indikator }}",
            "{{ x.satuan }}",
            "{{ x.realisasi_lalu }}",
            "{{ x.capaian_lalu }}",
            "{{ x.target }}",
            "{{ x.realisasi }}",
            "{{ x.capaian }}",
        ],
        "s.indikator",
        [4.6, 1.6, 2, 2, 1.8, 2, 2],
        numeric={2, 3, 4, 5, 6},
        total=["Rata-rata", "", "", "{{ s.rata_rata_lalu }}", "", "", "{{ s.rata_rata }}"],
    )
    b.tag("{%p for x in s.indikator %}")
    b.p("{{r x.kalimat }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    b.tag("{%p endfor %}")
    b.p("{{r s.kalimat }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    b.tag("{%p for f in s.faktor %}")
    b.p("{{ f.judul }}: {{r f.teks }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    b.tag("{%p endfor %}")
    b.tag("{%p if s.program %}")
    b.caption("s.program_caption")
    b.table(
        ["Program/Kegiatan", "Indikator", "Target", "Realisasi", "Capaian"],
        [
            "{{ x.uraian }}",
            "{{ x.indikator }}",
            "{{ x.target }}",
            "{{ x.realisasi }}",
            "{{ x.capaian }}",
        ],
        "s.program",
        [5, 6, 1.8, 1.8, 1.8],
        numeric={2, 3, 4},
    )
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")

    b.tag("{%p if ada_skm %}")
    b.h("3.1.3 Survei Kepuasan Masyarakat", 3)
    b.p("{{r kalimat_skm }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    b.caption("captions.skm")
    b.table(
        ["Kode", "Unsur Pelayanan", "Jumlah Nilai", "NRR", "NRR Tertimbang", "Mutu"],
        [
            "{{ x.kode }}",
            "{{ x.nama }}",
            "{{ x.jumlah }}",
            "{{ x.nrr }}",
            "{{ x.tertimbang }}",
            "{{ x.mutu }}",
        ],
        "skm.unsur",
        [1.3, 6.5, 2, 1.6, 2.2, 1.4],
        numeric={2, 3, 4},
        total=[
            "",
            "IKM = Σ NRR tertimbang × 25 (bobot {{ skm.bobot }})",
            "",
            "",
            "{{ skm.jumlah_tertimbang }}",
            "{{ skm.ikm }} ({{ skm.mutu }})",
        ],
    )
    b.tag("{%p if grafik.ikm %}")
    b.image("ikm")
    b.caption("captions.g_ikm", chart=True)
    b.tag("{%p endif %}")
    b.tag("{%p if grafik.sebaran %}")
    b.image("sebaran")
    b.caption("captions.g_sebaran", chart=True)
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.h("3.1.4 Efisiensi Penggunaan Sumber Daya", 3)
    b.p(
        "Tingkat efisiensi = persentase capaian kinerja sasaran / persentase serapan anggaran program yang mendukungnya; "
        "nilai ≥ 1 berarti efisien."
    )
    b.caption("captions.efisiensi")
    b.table(
        [
            "No",
            "Sasaran Strategis",
            "Capaian Kinerja",
            "Serapan Anggaran",
            "Tingkat Efisiensi",
            "Kategori",
        ],
        [
            "{{ x.no }}",
            "{{ x.sasaran }}",
            "{{ x.capaian }}",
            "{{ x.serapan }}",
            "{{ x.rasio }}",
            "{{ x.kategori }}",
        ],
        "efisiensi",
        [1, 6, 2.2, 2.2, 2, 2.2],
        numeric={2, 3, 4},
    )
    b.p("{{r kalimat_efisiensi }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    # BAB III B
    b.h("3.2 Realisasi Anggaran", 2)
    b.p("{{r kalimat_anggaran }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    b.caption("captions.anggaran")
    b.table(
        [
            "Program / Kegiatan / Sub Kegiatan",
            "Pagu (Rp)",
            "Realisasi (Rp)",
            "Sisa (Rp)",
            "Serapan (%)",
        ],
        ["{{r x.uraian }}", "{{ x.pagu }}", "{{ x.realisasi }}", "{{ x.sisa }}", "{{ x.serapan }}"],
        "anggaran",
        [7.2, 2.6, 2.6, 2.4, 1.6],
        numeric={1, 2, 3, 4},
        total=[
            "JUMLAH",
            "{{ total.pagu }}",
            "{{ total.realisasi }}",
            "{{ total.sisa }}",
            "{{ total.serapan }}",
        ],
    )
    b.tag("{%p if grafik.serapan %}")
    b.image("serapan")
    b.caption("captions.g_serapan", chart=True)
    b.tag("{%p endif %}")
    b.tag("{%p if belanja %}")
    b.caption("captions.belanja")
    b.table(
        [
            "Jenis Belanja",
            "Anggaran (Rp)",
            "Realisasi (Rp)",
            "Serapan (%)",
            "Realisasi {{ tahun_lalu }} (Rp)",
            "Pertumbuhan (%)",
        ],
        [
            "{{ x.jenis }}",
            "{{ x.anggaran }}",
            "{{ x.realisasi }}",
            "{{ x.serapan }}",
            "{{ x.lalu }}",
            "{{ x.pertumbuhan }}",
        ],
        "belanja",
        [5, 2.6, 2.6, 1.6, 2.6, 2],
        numeric={1, 2, 3, 4, 5},
    )
    b.tag("{%p endif %}")
    b.tag("{%p if ada_perubahan %}")
    b.caption("captions.perubahan")
    b.table(
        [
            "Program / Kegiatan / Sub Kegiatan",
            "Sebelum Perubahan (Rp)",
            "Sesudah Perubahan (Rp)",
            "Bertambah/(Berkurang) (Rp)",
        ],
        ["{{r x.uraian }}", "{{ x.sebelum }}", "{{ x.pagu }}", "{{ x.perubahan }}"],
        "anggaran",
        [7.4, 3, 3, 3],
        numeric={1, 2, 3},
        total=["JUMLAH", "{{ total.sebelum }}", "{{ total.pagu }}", "{{ total.perubahan }}"],
    )
    b.tag("{%p if grafik.perubahan %}")
    b.image("perubahan")
    b.caption("captions.g_perubahan", chart=True)
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")
    b.page_break()

    # BAB IV
    b.h("BAB IV PENUTUP", 1)
    b.h("4.1 Kesimpulan", 2)
    b.rich_paragraphs("kesimpulan")
    b.h("4.2 Permasalahan", 2)
    b.rich_paragraphs("permasalahan")
    b.h("4.3 Saran", 2)
    b.rich_paragraphs("saran")
    b.signature(
        "{{ camat.jabatan }}", "{{ camat.nama }}", ["{{ camat.pangkat }}", "NIP. {{ camat.nip }}"]
    )
    b.page_break()

    # Lampiran
    b.h("LAMPIRAN", 1)
    b.h("Lampiran 1. Perjanjian Kinerja Tahun {{ tahun }}", 2)
    b.p(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
        "pada hasil, kami yang bertanda tangan di bawah ini:",
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    b.p("Nama: {{ camat.nama }}; Jabatan: {{ camat.jabatan }}, selanjutnya disebut pihak pertama.")
    b.p(
        "Nama: {{ atasan.nama }}; Jabatan: {{ atasan.jabatan }}, selaku atasan langsung pihak pertama, selanjutnya "
        "disebut pihak kedua."
    )
    b.p(
        "Pihak pertama berjanji mewujudkan target kinerja dalam lampiran ini; pihak kedua melakukan supervisi dan "
        "evaluasi atas capaiannya.",
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )
    b.table(
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        ["{{ x.no }}", "{{ x.sasaran }}", "{{ x.indikator }}", "{{ x.target }}"],
        "iku",
        [1, 6, 6.5, 2],
        numeric={3},
    )
    table = b.doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    for cell, lines in (
        (left, ["Pihak Kedua,", "{{ atasan.jabatan }}", "", "", "", "{{ atasan.nama }}"]),
        (
            right,
            [
                "{{ tempat }}, {{ tanggal_pk }}",
                "Pihak Pertama,",
                "{{ camat.jabatan }}",
                "",
                "",
                "",
                "{{ camat.nama }}",
                "NIP. {{ camat.nip }}",
            ],
        ),
    ):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
        for para in cell.paragraphs:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.paragraph_format.space_after = Pt(0)
    b.page_break()
    b.h("Lampiran 2. Indikator Kinerja Utama", 2)
    b.table(
        ["No", "Sasaran", "Indikator Kinerja Utama", "Formulasi Perhitungan", "Sumber Data"],
        [
            "{{ x.no }}",
            "{{ x.sasaran }}",
            "{{ x.indikator }}",
            "{{ x.formulasi }}",
            "{{ x.sumber_data }}",
        ],
        "iku",
        [1, 3.6, 3.6, 4.4, 3],
    )
    b.tag("{%p if ada_skm %}")
    b.h("Lampiran 3. Perhitungan Survei Kepuasan Masyarakat", 2)
    b.p(
        "Bobot tiap unsur {{ skm.bobot }}; jumlah responden {{ skm.responden }}; IKM {{ skm.ikm }}, mutu "
        "{{ skm.mutu }} ({{ skm.kinerja }})."
    )
    b.table(
        ["Kode", "Unsur", "1 (%)", "2 (%)", "3 (%)", "4 (%)", "NRR"],
        [
            "{{ x.kode }}",
            "{{ x.nama }}",
            "{{ x.s1 }}",
            "{{ x.s2 }}",
            "{{ x.s3 }}",
            "{{ x.s4 }}",
            "{{ x.nrr }}",
        ],
        "skm.unsur",
        [1.3, 6, 1.6, 1.6, 1.6, 1.6, 1.6],
        numeric={2, 3, 4, 5, 6},
    )
    b.p("[[TABEL_RESPONDEN_SKM]]")
    b.tag("{%p endif %}")
    b.tag("{%p for t in tabel_bebas %}")
    b.caption("t.caption")
    b.p("{{ t.penanda }}")
    b.tag("{%p endfor %}")
    return b.doc


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--kop", action="store_true", help="the variant with a kop surat on the cover"
    )
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    out = args.output or (OUTPUT_KOP if args.kop else OUTPUT)
    out.parent.mkdir(parents=True, exist_ok=True)
    build(kop=args.kop).save(out)
    print(f"Ditulis: {out}")
    if out == OUTPUT:
        PACKAGED.parent.mkdir(exist_ok=True)
        PACKAGED.write_bytes(out.read_bytes())
        print(f"Ditulis: {PACKAGED}")


if __name__ == "__main__":
    sys.exit(main())
