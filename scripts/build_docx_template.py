"""Build docx_templates/lkjip_standar.docx: the default Jinja-tagged Word template of the LKjIP.

A kabupaten may copy and edit the result in Word (kop surat, wording) and pass it with
`lkjip report --template`. Tags follow docxtpl: `{{ x }}`, `{{r rich }}`, `{%p … %}` paragraph
blocks and `{%tr … %}` table-row loops. Tables come from their specs (lkjip_xl/report/specs.py)
and charts from their registry (lkjip_xl/report/charts.py): place one with `b.spec_table(spec)`
or `b.chart(name)` in its chapter below. Run: python scripts/build_docx_template.py [--kop]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph

from lkjip_xl.report import document_specs, specs
from lkjip_xl.report.charts import CHARTS
from lkjip_xl.report.context.front_matter import DRAFT_NOTE
from lkjip_xl.report.markers import PICTURE_NUMBER
from lkjip_xl.report.specs import ITEM, TableSpec

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docx_templates" / "lkjip_standar.docx"
OUTPUT_KOP = ROOT / "docx_templates" / "lkjip_kop_surat.docx"
PACKAGED = ROOT / "lkjip_xl" / "data" / "lkjip_standar.docx"  # the copy an installed lkjip uses
TABLE_CAPTION, CHART_CAPTION = "Keterangan Tabel", "Keterangan Grafik"
FONT = "Arial"
HEADER_FILL = "D9E2F3"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
CAMAT_SIGNATURE = ("{{ camat.jabatan }}", "{{ camat.nama }}", "{{ camat.pangkat }}")
SIGNING_SPACE = ("", "", "")  # blank lines above a name, to sign in


class Builder:
    """Appends the parts of the template to one python-docx Document, in reading order."""

    def __init__(self, kop: bool = False) -> None:
        self.doc = Document()
        self.kop = kop
        self._open: list[str] = []  # the conditions of the {%p if %} blocks being written
        self._styles()
        section = self.doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.orientation = WD_ORIENT.PORTRAIT
        section.left_margin, section.right_margin = Cm(3), Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
        # the cover's section: no page number (front matter and chapters start their own)

    # -- styles and fields ----------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles
        normal: Any = styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(11)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        _indonesian(self.doc)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for level, size in ((1, 14), (2, 12), (3, 11)):
            h: Any = styles[f"Heading {level}"]
            h.font.name, h.font.size, h.font.bold = FONT, Pt(size), True
            h.font.color.rgb = RGBColor(0, 0, 0)
            h.paragraph_format.space_before, h.paragraph_format.space_after = Pt(12), Pt(6)
            rfonts = h.element.rPr.find(qn("w:rFonts"))
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(attr), FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(theme), None)
        heading_1: Any = styles["Heading 1"]
        heading_1.paragraph_format.alignment = CENTER
        for name in (TABLE_CAPTION, CHART_CAPTION):
            st: Any = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = styles["Normal"]
            st.font.bold, st.font.size = True, Pt(10)
            st.paragraph_format.alignment = CENTER
            st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(6), Pt(4)
            st.paragraph_format.keep_with_next = True
        cell: Any = styles.add_style("Isi Tabel", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = styles["Normal"]
        cell.font.size = Pt(9)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.0
        for level in (1, 2, 3):  # kegiatan and sub kegiatan under their program (anggaran.py)
            indented: Any = styles.add_style(f"Isi Tabel Tingkat {level}", WD_STYLE_TYPE.PARAGRAPH)
            indented.base_style = cell
            indented.paragraph_format.left_indent = Cm(0.35 * level)

    def field(self, paragraph: Paragraph, instruction: str, placeholder: str) -> None:
        """A Word field (PAGE, TOC) marked dirty, so Word computes it on opening."""

        def fld(kind: str) -> Any:
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

    def section(self, prefix: str, number_format: str) -> None:
        """A new section on a new page, its footer numbered from 1 in `number_format`
        ('lowerRoman', 'decimal') after `prefix` ('{{ halaman_bab.II }}' prints 'II-' when the
        workbook numbers pages per chapter). numbering.py lets the chapters after the first
        continue the count unless pages are numbered per chapter."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.footer.is_linked_to_previous = False
        p = section.footer.paragraphs[0]
        p.alignment = CENTER
        p.add_run(f"LKjIP Kecamatan {{{{ kecamatan }}}} Tahun {{{{ tahun }}}} — halaman {prefix}")
        self.field(p, "PAGE", "1")
        for old in section._sectPr.findall(qn("w:pgNumType")):  # copied from the section before
            section._sectPr.remove(old)
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:fmt"), number_format)
        pg.set(qn("w:start"), "1")
        cols = section._sectPr.find(qn("w:cols"))
        if cols is not None:
            cols.addprevious(pg)  # the schema's order: pgNumType before cols
        else:
            section._sectPr.append(pg)

    # -- text ------------------------------------------------------------------------------

    def p(
        self,
        text: str = "",
        style: str | None = None,
        align: WD_ALIGN_PARAGRAPH | None = None,
        bold: bool = False,
        size: int | None = None,
        keep_next: bool = False,
    ) -> Paragraph:
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

    def tag(self, text: str) -> Paragraph:
        """A paragraph holding only a {%p … %} tag (docxtpl removes the paragraph)."""
        return self.doc.add_paragraph(text)

    def h(self, text: str, level: int) -> Paragraph:
        heading: Paragraph = self.doc.add_heading(text, level)
        return heading

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def rich_paragraphs(self, var: str, loop_name: str = "par") -> None:
        """One justified paragraph per item of a list of RichText."""
        with self.each(loop_name, var):
            self.p(f"{{{{r {loop_name} }}}}", align=JUSTIFY)

    def numbered(self, var: str, item: str, text: str) -> None:
        """One paragraph per item, numbered by the loop ('1. …')."""
        with self.each(item, var):
            self.p(f"{{{{ loop.index }}}}. {text}")

    @contextmanager
    def each(self, item: str, var: str) -> Iterator[None]:
        """The paragraphs written inside repeat once per item of `var`."""
        self.tag(f"{{%p for {item} in {var} %}}")
        yield
        self.tag("{%p endfor %}")

    @contextmanager
    def only_if(self, condition: str) -> Iterator[None]:
        """The paragraphs written inside are in the draft only when `condition` holds."""
        self.tag(f"{{%p if {condition} %}}")
        self._open.append(condition)
        yield
        self._open.pop()
        self.tag("{%p endif %}")

    def _own_condition(self, condition: str | None) -> AbstractContextManager[None]:
        """A table's or chart's own condition, unless the block being written already has it."""
        if condition is None or condition in self._open:
            return nullcontext()
        return self.only_if(condition)

    def caption(self, expr: str, chart: bool = False) -> None:
        self.p(f"{{{{ {expr} }}}}", style=CHART_CAPTION if chart else TABLE_CAPTION)

    def chart(self, name: str, item_text: str | None = None) -> None:
        """A chart of the registry with its caption, where the chart was drawn; a repeated
        chart once per item, each with its own caption (and `item_text`, a RichText
        expression, before it: the item's paragraph)."""
        chart = CHARTS[name]
        with self._own_condition(chart.shown_if), self.only_if(f"grafik.{name}"):
            if not chart.repeated:
                self.p(f"{{{{ grafik.{name} }}}}", align=CENTER, keep_next=True)
                self.caption(f"captions.{chart.caption_key}", chart=True)
                return
            with self.each("g", f"grafik.{name}"):
                if item_text:
                    self.p(f"{{{{r {item_text} }}}}", align=JUSTIFY, keep_next=True)
                self.p("{{ g.grafik }}", align=CENTER, keep_next=True)
                self.caption("g.keterangan", chart=True)

    def picture(self, part: str, caption: str) -> None:
        """A picture of the Gambar sheet with its caption, only when the workbook gives it."""
        with self._own_condition(f"gambar.{part}"):
            self.p(f"{{{{ gambar.{part} }}}}", align=CENTER, keep_next=True)
            self.p(f"Gambar {PICTURE_NUMBER} {caption}", align=CENTER, bold=True, size=10)

    def free_tables(self, chapter: str) -> None:
        """The free Tabel sheets placed in `chapter`, each spliced in at its marker."""
        with self.each("t", f"tabel_bab.{chapter}"):
            self.caption("t.caption")
            self.p("{{ t.penanda }}")

    def signature(self, title: str, name: str, rank: str) -> None:
        """The signature block on the right: place and date, title, name, rank and NIP."""
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        lines = [
            "{{ tempat }}, {{ tanggal }}",
            title,
            *SIGNING_SPACE,
            name,
            rank,
            "NIP. {{ camat.nip }}",
        ]
        self.cell_lines(table.rows[0].cells[1], lines, bold_line=name)

    def cell_lines(self, cell: _Cell, lines: list[str], bold_line: str | None = None) -> None:
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            para = cell.add_paragraph(line)
            if line == bold_line:
                para.runs[0].bold = True
                para.runs[0].underline = True
        for para in cell.paragraphs:
            para.alignment = CENTER
            para.paragraph_format.space_after = Pt(0)

    # -- tables ----------------------------------------------------------------------------

    def spec_table(self, spec: TableSpec) -> None:
        """A table of specs.py with its caption, inside its own condition."""
        with self._own_condition(spec.shown_if):
            if spec.caption:
                self.caption(spec.caption_var)
            self._table(spec)

    def _table(self, spec: TableSpec) -> None:
        """A repeated header row, one row per item of `spec.rows`, an optional total row."""
        cols, numeric = spec.columns, spec.numeric
        rows = 4 + (1 if spec.total else 0)  # header, loop start, item, loop end, [total]
        table = self.doc.add_table(rows=rows, cols=len(cols))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        header = table.rows[0]
        _repeat_header(header)
        for i, col in enumerate(cols):
            _cell_text(header.cells[i], col.header, bold=True, center=True, shade=HEADER_FILL)
        _cell_text(table.rows[1].cells[0], f"{{%tr for {ITEM} in {spec.rows} %}}")
        for i, col in enumerate(cols):
            _cell_text(table.rows[2].cells[i], col.tag, right=col.numeric)
        _cell_text(table.rows[3].cells[0], "{%tr endfor %}")
        for i, text in enumerate(spec.total):
            _cell_text(table.rows[4].cells[i], text, bold=True, right=i in numeric)
        for row in table.rows:  # a row is never split across two pages
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for i in numeric:  # a figure never wraps: 1.169.786.789 stays on one line
            for row in (table.rows[2], *table.rows[4:]):
                row.cells[i]._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
        table.autofit = False  # else Word and LibreOffice shrink columns to their content
        for i, col in enumerate(cols):
            table.columns[i].width = Cm(col.width_cm)
            for row in table.rows:
                row.cells[i].width = Cm(col.width_cm)
        self.doc.add_paragraph()


def _indonesian(doc: DocumentObject) -> None:
    """The document's language is Indonesian: Word checks spelling in it, and charts and
    fields that follow the document's language format numbers the Indonesian way."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "id-ID")
    lang.set(qn("w:eastAsia"), "id-ID")


def _repeat_header(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cell_text(
    cell: _Cell,
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
        para.alignment = CENTER
    elif right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if shade:
        tc_pr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), shade)
        tc_pr.append(shd)


# -- the chapters, in reading order ---------------------------------------------------------


def cover(b: Builder) -> None:
    if b.kop:
        b.p("PEMERINTAH {{ kabupaten_upper }}", align=CENTER, bold=True, size=14)
        b.p("KECAMATAN {{ kecamatan_upper }}", align=CENTER, bold=True, size=16)
        b.p(
            "{{ kop.alamat }} {{ 'Telp. ' if kop.telepon }}{{ kop.telepon }} {{ kop.email }}",
            align=CENTER,
            size=9,
        )
        b.p("_" * 78, align=CENTER)
    for _ in range(3):
        b.p()
    b.p("{{ judul }}", align=CENTER, bold=True, size=18)
    b.p("TAHUN {{ tahun }}", align=CENTER, bold=True, size=18)
    b.p()
    with b.only_if("gambar.logo"):
        b.p("{{ gambar.logo }}", align=CENTER)
    for _ in range(5):
        b.p()
    b.p("PEMERINTAH {{ kabupaten_upper }}", align=CENTER, bold=True, size=14)
    b.p("KECAMATAN {{ kecamatan_upper }}", align=CENTER, bold=True, size=14)
    b.p("{{ tahun_terbit }}", align=CENTER, bold=True, size=14)


def front_matter(b: Builder) -> None:
    b.section("", "lowerRoman")
    heading = b.h("KATA PENGANTAR", 1)
    # the note on drafted text is a Word comment, not body text: it is never printed or signed
    b.doc.add_comment(heading.runs, text=DRAFT_NOTE, author="lkjip", initials="LK")
    b.rich_paragraphs("kata_pengantar")
    b.signature(*CAMAT_SIGNATURE)
    b.page_break()

    b.h("IKHTISAR EKSEKUTIF", 1)
    b.rich_paragraphs("ikhtisar")
    b.page_break()

    b.h("DAFTAR ISI", 1)
    b.field(
        b.p(),
        'TOC \\o "1-3" \\h \\z \\u',
        "Klik kanan lalu pilih Perbarui Bidang untuk menyusun daftar isi.",
    )
    for title, style in (("DAFTAR TABEL", TABLE_CAPTION), ("DAFTAR GRAFIK", CHART_CAPTION)):
        b.h(title, 1)
        b.field(b.p(), f'TOC \\h \\z \\t "{style},1"', "Klik kanan lalu pilih Perbarui Bidang.")


def bab_i(b: Builder) -> None:
    b.section("{{ halaman_bab.I }}", "decimal")
    b.h("BAB I PENDAHULUAN", 1)
    b.h("{{ bab_i_no.latar_belakang }} Latar Belakang", 2)
    b.rich_paragraphs("latar_belakang")
    b.h("{{ bab_i_no.landasan_hukum }} Landasan Hukum", 2)
    b.rich_paragraphs("landasan_hukum")
    b.h("{{ bab_i_no.maksud_tujuan }} Maksud dan Tujuan", 2)
    b.rich_paragraphs("maksud_tujuan")
    with b.only_if("bab_i_no.gambaran_umum"):
        b.h("{{ bab_i_no.gambaran_umum }} Gambaran Umum", 2)
        b.rich_paragraphs("gambaran_umum")
        b.picture("peta_wilayah", "Peta Wilayah Administratif Kecamatan {{ kecamatan }}")
        b.spec_table(specs.DESA)
        b.rich_paragraphs("kalimat_penduduk")
        b.chart("penduduk_jk")
        b.chart("penduduk_desa")
        b.free_tables("bab_i")
    b.h("{{ bab_i_no.kedudukan_tugas_fungsi }} Kedudukan, Tugas dan Fungsi", 2)
    b.rich_paragraphs("kedudukan_tugas_fungsi")
    with b.only_if("bab_i_no.struktur_organisasi"):
        b.h("{{ bab_i_no.struktur_organisasi }} Struktur Organisasi", 2)
        b.rich_paragraphs("struktur_organisasi")
        with b.only_if("gambar.struktur_organisasi"):
            b.picture("struktur_organisasi", "Struktur Organisasi Kecamatan {{ kecamatan }}")
        with b.only_if("not gambar.struktur_organisasi and bagan_struktur"):
            b.p("{{ bagan_struktur }}", align=CENTER, keep_next=True)
            b.p(
                f"Gambar {PICTURE_NUMBER} Struktur Organisasi Kecamatan {{{{ kecamatan }}}}",
                align=CENTER,
                bold=True,
                size=10,
            )
    with b.only_if("bab_i_no.sumber_daya_manusia"):
        b.h("{{ bab_i_no.sumber_daya_manusia }} Sumber Daya Aparatur", 2)
        b.rich_paragraphs("sumber_daya_manusia")
        b.rich_paragraphs("kalimat_pegawai")
        for table, chart in (
            (specs.PEGAWAI_GOLONGAN, "pegawai_golongan"),
            (specs.PEGAWAI_PENDIDIKAN, "pegawai_pendidikan"),
            (specs.PEGAWAI_JENIS_KELAMIN, "pegawai_jenis_kelamin"),
            (specs.PEGAWAI_STATUS, "pegawai_status"),
        ):
            b.spec_table(table)
            b.chart(chart)
    with b.only_if("isu_strategis"):
        b.h("{{ bab_i_no.isu_strategis }} Isu Strategis", 2)
        b.rich_paragraphs("isu_strategis")
    b.h("{{ bab_i_no.sistematika }} Sistematika Penulisan", 2)
    b.rich_paragraphs("sistematika")


def bab_ii(b: Builder) -> None:
    b.section("{{ halaman_bab.II }}", "decimal")
    b.h("BAB II PERENCANAAN KINERJA", 1)
    b.h("2.1 Rencana Strategis", 2)
    b.rich_paragraphs("rencana_strategis")
    b.p("Visi: {{ visi }}", keep_next=True)
    b.p("Misi:", keep_next=True)
    b.numbered("misi", "m", "{{ m }}")
    b.p("Tujuan:", keep_next=True)
    b.numbered("tujuan", "t", "{{ t }}")
    b.p("Sasaran strategis:", keep_next=True)
    with b.each("s", "sasaran_list"):
        b.p("{{ s.no }}. {{ s.sasaran }}")
    b.free_tables("bab_ii")
    b.h("2.2 Indikator Kinerja Utama", 2)
    b.p(
        "Indikator Kinerja Utama Kecamatan {{ kecamatan }} ditetapkan dengan Keputusan Camat "
        "Nomor {{ nomor_iku }} sebagai berikut."
    )
    b.spec_table(specs.IKU)
    b.h("2.3 Rencana Kerja Tahunan", 2)
    b.rich_paragraphs("rencana_kerja_tahunan")
    b.h("2.4 Perjanjian Kinerja", 2)
    b.rich_paragraphs("kalimat_pk")
    b.spec_table(specs.PK)
    b.spec_table(specs.PK_PROGRAM)


def bab_iii_capaian(b: Builder) -> None:
    """BAB III, 3.1: capaian, analysis per sasaran, SKM, efisiensi."""
    b.section("{{ halaman_bab.III }}", "decimal")
    b.h("BAB III AKUNTABILITAS KINERJA", 1)
    b.h("3.1 Capaian Kinerja", 2)
    b.p("{{ kalimat_metode }}", align=JUSTIFY)
    b.spec_table(specs.SKALA)
    b.h("{{ bab_iii_no.capaian }} Perbandingan Target dan Realisasi Kinerja", 3)
    b.spec_table(specs.CAPAIAN)
    b.p("{{r kalimat_rata_rata }}")
    b.chart("capaian")
    b.spec_table(specs.INDIKATOR_LAIN)

    b.h("{{ bab_iii_no.sasaran }} Analisis Capaian per Sasaran Strategis", 3)
    with b.each("s", "sasaran"):
        b.p("Sasaran {{ s.no }}: {{ s.sasaran }}", bold=True, keep_next=True)
        b.spec_table(specs.SASARAN)
        with b.each("x", "s.indikator"):
            b.p("{{r x.kalimat }}", align=JUSTIFY)
        b.p("{{r s.kalimat }}", align=JUSTIFY)
        with b.each("f", "s.faktor"):
            b.p("{{ f.judul }}: {{r f.teks }}", align=JUSTIFY)
        b.spec_table(specs.SASARAN_PROGRAM)

    with b.only_if("riwayat or renstra_banding"):
        b.h("{{ bab_iii_no.riwayat }} Perbandingan dengan Tahun Sebelumnya dan Target Renstra", 3)
        b.spec_table(specs.RIWAYAT)
        b.chart("riwayat")
        b.spec_table(specs.RENSTRA_BANDING)

    with b.only_if("analisis_program"):
        b.h("{{ bab_iii_no.program }} Analisis Program dan Kegiatan", 3)
        with b.each("a", "analisis_program"):
            with b.only_if("not a.kegiatan"):
                b.p("{{r a.judul }}", keep_next=True)
                b.rich_paragraphs("a.paragraf", "ap")
            with b.only_if("a.kegiatan"):  # a kegiatan under its program: indented, not spaced
                b.p("{{r a.judul }}", keep_next=True).paragraph_format.left_indent = Cm(1)
                with b.each("ap", "a.paragraf"):
                    b.p("{{r ap }}", align=JUSTIFY).paragraph_format.left_indent = Cm(1)

    with b.only_if("ada_skm"):
        b.h("{{ bab_iii_no.skm }} Survei Kepuasan Masyarakat", 3)
        b.p("{{r kalimat_skm }}", align=JUSTIFY)
        b.spec_table(specs.SKM)
        b.chart("ikm")
        b.chart("sebaran")
        b.chart("unsur", item_text="kalimat_unsur[loop.index0]")  # seed 004: text, then chart

    b.h("{{ bab_iii_no.efisiensi }} Efisiensi Penggunaan Sumber Daya", 3)
    b.p("{{ kalimat_metode_efisiensi }}", align=JUSTIFY)
    b.spec_table(specs.EFISIENSI)
    b.p("{{r kalimat_efisiensi }}", align=JUSTIFY)
    b.free_tables("bab_iii")


def bab_iii_anggaran(b: Builder) -> None:
    """BAB III, 3.2: the budget, spending by type, the perubahan."""
    b.h("3.2 Realisasi Anggaran", 2)
    b.p("{{r kalimat_anggaran }}", align=JUSTIFY)
    b.spec_table(specs.ANGGARAN)
    b.chart("serapan")
    b.spec_table(specs.BELANJA)
    with b.only_if("ada_perubahan"):
        b.spec_table(specs.PERUBAHAN)
        b.chart("perubahan")
    b.rich_paragraphs("kalimat_anggaran_lalu")
    b.spec_table(specs.ANGGARAN_LALU)
    b.spec_table(specs.ANGGARAN_TAHUNAN)
    b.chart("anggaran_tahunan")


def bab_iv(b: Builder) -> None:
    b.section("{{ halaman_bab.IV }}", "decimal")
    b.h("BAB IV PENUTUP", 1)
    b.h("4.1 Kesimpulan", 2)
    b.rich_paragraphs("kesimpulan")
    with b.only_if("permasalahan"):
        b.h("4.2 Permasalahan", 2)
        b.rich_paragraphs("permasalahan")
    b.h("{{ '4.3' if permasalahan else '4.2' }} Saran", 2)
    b.rich_paragraphs("saran")
    with b.only_if("langkah_perbaikan"):
        b.h("{{ '4.4' if permasalahan else '4.3' }} Langkah Perbaikan", 2)
        b.rich_paragraphs("langkah_perbaikan")
    b.signature(*CAMAT_SIGNATURE)
    b.section("{{ halaman_bab.L }}", "decimal")  # the Lampiran's
    # A TOC field limited to the Lampiran (\\b bookmark) is ignored by LibreOffice: the list
    # comes from the context instead
    b.p("DAFTAR LAMPIRAN", align=CENTER, bold=True, size=14)
    b.numbered("daftar_lampiran", "d", "{{ d }}")
    b.page_break()


def lampiran(b: Builder) -> None:
    b.h("LAMPIRAN", 1)
    b.h("Lampiran 1. Perjanjian Kinerja Tahun {{ tahun }}", 2)
    with b.each("k", "perjanjian"):
        perjanjian_kinerja(b)
    b.page_break()
    with b.only_if("rencana_aksi"):
        b.h("Lampiran {{ nomor_lampiran.rencana_aksi }}. Rencana Aksi dan Realisasinya", 2)
        b.p(
            "Target dan realisasi setiap triwulan (target / realisasi). Kumulatif: angka "
            "triwulan adalah nilai sampai triwulan itu.",
            size=9,
        )
        b.spec_table(document_specs.RENCANA_AKSI)
        b.page_break()
    b.h("Lampiran {{ nomor_lampiran.iku }}. Indikator Kinerja Utama", 2)
    b.spec_table(specs.LAMPIRAN_IKU)
    with b.only_if("ada_skm"):
        b.h("Lampiran {{ nomor_lampiran.skm }}. Perhitungan Survei Kepuasan Masyarakat", 2)
        b.p(
            "Bobot tiap unsur {{ skm.bobot }}; jumlah responden {{ skm.responden }}; IKM "
            "{{ skm.ikm }}, mutu {{ skm.mutu }} ({{ skm.kinerja }})."
        )
        b.spec_table(specs.LAMPIRAN_SKM)
        b.p("[[TABEL_RESPONDEN_SKM]]")  # the respondents' answers are spliced in here
    with b.each("t", "tabel_bebas"):
        b.caption("t.caption")
        b.p("{{ t.penanda }}")  # the free table is spliced in here


PLEDGE = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
PROMISES = (
    "Pihak pertama berjanji akan mewujudkan target kinerja sesuai lampiran perjanjian ini, dalam "
    "rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung "
    "jawab pihak pertama.",
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
    "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
    "pemberian penghargaan dan sanksi.",
)


def perjanjian_kinerja(b: Builder, k: str = "k") -> None:
    """One Perjanjian Kinerja (DOMAIN_RULES §11) of the loop variable `k`: the pledge page, then
    the lampiran of targets and of programs with the Jumlah, each page signed by both parties.
    The one definition of the form: the PK documents and the LKjIP's lampiran both use it."""
    b.p(f"{{{{ {k}.judul }}}}", align=CENTER, bold=True, size=12)
    b.p(f"{{{{ {k}.unit }}}}", align=CENTER, bold=True, size=12)
    b.p()
    b.p(PLEDGE, align=JUSTIFY)
    _party(b, f"{k}.pertama")
    b.p("selanjutnya disebut pihak pertama.")
    _party(b, f"{k}.kedua")
    b.p("selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.")
    for promise in PROMISES:
        b.p(promise, align=JUSTIFY)
    _agreement_signatures(b, k)
    b.page_break()
    b.p(f"LAMPIRAN {{{{ {k}.judul }}}}", align=CENTER, bold=True, size=12)
    b.p(f"{{{{ {k}.unit }}}}", align=CENTER, bold=True, size=12)
    b.p(f"{{{{ {k}.kabupaten }}}}", align=CENTER, bold=True, size=12)
    b.spec_table(document_specs.PK_TARGET)
    b.spec_table(document_specs.PK_PROGRAM)
    _agreement_signatures(b, k)
    b.tag("{%p if not loop.last %}")
    b.page_break()
    b.tag("{%p endif %}")


def _party(b: Builder, who: str) -> None:
    """Nama and Jabatan of one party, aligned in a borderless table."""
    table = b.doc.add_table(rows=2, cols=3)
    table.autofit = False  # else Word and LibreOffice share the width out evenly
    for i, width in enumerate((2.5, 0.5, 12.5)):
        table.columns[i].width = Cm(width)
    for row, (label, key) in zip(
        table.rows, (("Nama", "nama"), ("Jabatan", "jabatan")), strict=True
    ):
        for cell, text, width in zip(
            row.cells, (label, ":", f"{{{{ {who}.{key} }}}}"), (2.5, 0.5, 12.5), strict=True
        ):
            cell.paragraphs[0].text = text
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
            cell.width = Cm(width)
        row.cells[2].paragraphs[0].runs[0].bold = True
        _keep_together(row)  # a long jabatan never leaves its name on the page before


def _agreement_signatures(b: Builder, k: str = "k") -> None:
    """The Perjanjian Kinerja's two signatures: pihak kedua (the atasan) on the left, pihak
    pertama on the right, each with pangkat and NIP where known."""
    b.p()
    row = b.doc.add_table(rows=1, cols=2).rows[0]
    _keep_together(row)
    left, right = row.cells
    for cell, who, first in (
        (left, "kedua", ""),
        (right, "pertama", f"{{{{ {k}.tempat }}}}, {{{{ {k}.tanggal }}}}"),
    ):
        name = f"{{{{ {k}.{who}.nama }}}}"
        b.cell_lines(
            cell,
            [
                first,
                f"Pihak {'Kedua' if who == 'kedua' else 'Pertama'},",
                f"{{{{ {k}.{who}.jabatan }}}}",
                *SIGNING_SPACE,
                name,
                f"{{{{ {k}.{who}.pangkat }}}}",
                f"{{{{ {k}.{who}.nip }}}}",
            ],
            bold_line=name,
        )
    b.p()


def _keep_together(row: _Row) -> None:
    """A row (a signature block, a party's name) is never split over two pages."""
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _footer(b: Builder, text: str) -> None:
    """A document's own footer line, with the page number."""
    p = b.doc.sections[0].footer.paragraphs[0]
    for run in list(p.runs):
        run._r.getparent().remove(run._r)
    for child in list(p._p):
        if child.tag != qn("w:pPr"):
            p._p.remove(child)
    p.add_run(text)
    b.field(p, "PAGE", "1")


def pk_document() -> DocumentObject:
    """docx_templates/pk_standar.docx: the PKs of `perjanjian`, each on its own pages."""
    b = Builder()
    _footer(b, "Perjanjian Kinerja Kecamatan {{ kecamatan }} — halaman ")
    with b.each("k", "perjanjian"):
        perjanjian_kinerja(b)
    return _trimmed(b)


def triwulan_document() -> DocumentObject:
    """docx_templates/triwulan_standar.docx: the quarterly monitoring report (DOMAIN_RULES §10)."""
    b = Builder()
    _footer(b, "Pemantauan Rencana Aksi TW {{ tw }} Kecamatan {{ kecamatan }} — halaman ")
    for line in (
        "LAPORAN PEMANTAUAN RENCANA AKSI",
        "TRIWULAN {{ tw }} TAHUN {{ tahun }}",
        "KECAMATAN {{ kecamatan_upper }}",
        "{{ kabupaten_upper }}",
    ):
        b.p(line, align=CENTER, bold=True, size=12)
    b.p()
    b.p("{{ pengantar }}", align=JUSTIFY)
    b.p("A. Capaian Indikator Kinerja", bold=True, keep_next=True)
    b.spec_table(document_specs.TW_INDIKATOR)
    with b.only_if("ada_kumulatif"):
        b.p(
            "* Indikator kumulatif (mis. indeks): angka triwulan adalah nilai yang dicapai sampai "
            "triwulan itu; capaian memakai angka triwulan terakhir.",
            size=9,
        )
    with b.each("g", "grafik"):
        b.p("{{ g.grafik }}", align=CENTER)
    b.p("B. Kemajuan Rencana Aksi", bold=True, keep_next=True)
    b.spec_table(document_specs.TW_AKSI)
    b.p("C. Faktor Penghambat", bold=True, keep_next=True)
    b.rich_paragraphs("penghambat")
    b.p("D. Tindak Lanjut", bold=True, keep_next=True)
    b.rich_paragraphs("tindak_lanjut")
    table = b.doc.add_table(rows=1, cols=2)
    _keep_together(table.rows[0])
    b.cell_lines(
        table.rows[0].cells[1],
        [
            "{{ tempat }}, {{ tanggal }}",
            "{{ camat.jabatan }}",
            *SIGNING_SPACE,
            "{{ camat.nama }}",
            "{{ camat.pangkat }}",
            "{{ camat.nip }}",
        ],
        bold_line="{{ camat.nama }}",
    )
    return _trimmed(b)


DOCUMENTS = {"pk_standar.docx": pk_document, "triwulan_standar.docx": triwulan_document}


def write_documents() -> None:
    """The PK and quarterly templates, beside the draft's and packaged with it."""
    for name, make in DOCUMENTS.items():
        for path in (OUTPUT.parent / name, PACKAGED.parent / name):
            path.parent.mkdir(parents=True, exist_ok=True)
            make().save(str(path))
            print(f"Ditulis: {path}")


def lampiran_tables(b: Builder) -> None:
    """The Lampiran's parts from version 2 sheets: the Matrik Renstra and the Gambar pictures
    (after the issue-14 lampiran: PK forms, IKU, SKM, free tables)."""
    with b.only_if("matrik_renstra"):
        b.h("Matrik Rencana Strategis", 2)
        b.spec_table(specs.MATRIK_RENSTRA)
    with b.each("g", "gambar.lampiran"):
        b.h("{{ g.keterangan }}", 2)
        b.p("{{ g.gambar }}", align=CENTER)


CHAPTERS = (
    cover,
    front_matter,
    bab_i,
    bab_ii,
    bab_iii_capaian,
    bab_iii_anggaran,
    bab_iv,
    lampiran,
    lampiran_tables,
)


# Parts of python-docx's blank document that a draft does not need: a picture of an empty page
# (shown as the file's preview) and Word 2010's duplicate of the styles; 22 KB of each draft.
_UNNEEDED = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)


def build(kop: bool = False) -> DocumentObject:
    b = Builder(kop)
    for chapter in CHAPTERS:
        chapter(b)
    return _trimmed(b)


def _trimmed(b: Builder) -> DocumentObject:
    for rels in (b.doc.part.package.rels, b.doc.part.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in _UNNEEDED]:
            del rels[rid]
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
    build(kop=args.kop).save(str(out))
    print(f"Ditulis: {out}")
    if out == OUTPUT:
        PACKAGED.parent.mkdir(exist_ok=True)
        PACKAGED.write_bytes(out.read_bytes())
        print(f"Ditulis: {PACKAGED}")
        write_documents()


if __name__ == "__main__":
    main()
