"""Every table of the Word draft, declared once: its caption, its rows and its columns.

The template builder (scripts/build_docx_template.py) lays out each table from its spec, the
context (report/context/) gives each table's rows the spec's keys and each caption its text,
and tests/test_report_structure.py checks that the three agree. Adding a table to the draft:
declare it here, place it in the template builder with `b.spec_table(...)`, and give its rows
in the context under `rows` (when no existing rows fit).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from lkjip_xl.report.markers import TABLE_NUMBER

Align = Literal["left", "right"]
ITEM = "x"  # the loop variable of every table's row loop: {%tr for x in rows %}


@dataclass(frozen=True)
class Column:
    header: str  # may hold Jinja where the heading names a year: "Realisasi {{ tahun }}"
    key: str  # the row's key: the cell shows {{ x.key }}
    align: Align
    width_cm: float
    rich: bool = False  # the value is RichText (bold): the cell shows {{r x.key }}
    paragraph: bool = False  # a RichTextParagraph (its own style, indented): {{p x.key }}

    @property
    def numeric(self) -> bool:
        return self.align == "right"

    @property
    def tag(self) -> str:
        """The cell's Jinja tag."""
        if self.paragraph:
            return f"{{{{p {ITEM}.{self.key} }}}}"
        return f"{{{{r {ITEM}.{self.key} }}}}" if self.rich else f"{{{{ {ITEM}.{self.key} }}}}"


def text(header: str, key: str, width_cm: float, rich: bool = False) -> Column:
    return Column(header, key, "left", width_cm, rich)


def indented(header: str, key: str, width_cm: float) -> Column:
    """Text indented by its level in a tree (program > kegiatan > sub kegiatan) through its
    paragraph's style, so that a wrapped line keeps the indent."""
    return Column(header, key, "left", width_cm, paragraph=True)


def number(header: str, key: str, width_cm: float) -> Column:
    """A figure: right-aligned in its rows and in the total row."""
    return Column(header, key, "right", width_cm)


@dataclass(frozen=True)
class TableSpec:
    """One table: a header row, one row per item of `rows`, an optional total row.

    `caption` is the title after "Tabel n.n"; its `{fields}` are filled from the context, or,
    for a table repeated inside a block loop, from the block (whose key `block_caption` holds
    the caption). `shown_if` names the context value that decides whether the table is in the
    draft: the template wraps the table in that condition and its caption is empty when false.
    """

    name: str
    rows: str  # the context's list the rows come from: "desa", "skm.unsur", "s.indikator"
    columns: tuple[Column, ...]
    caption: str | None = None
    total: tuple[str, ...] = ()  # the total row's cells (Jinja), one per column
    shown_if: str | None = None
    block_caption: str | None = None  # "s.caption": the table repeats once per block

    def __post_init__(self) -> None:
        if self.total and len(self.total) != len(self.columns):
            raise ValueError(f"table {self.name}: the total row needs one cell per column")

    @property
    def caption_var(self) -> str:
        """Where the template reads the caption: "captions.desa", "s.caption"."""
        return self.block_caption or f"captions.{self.name}"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def numeric(self) -> frozenset[int]:
        """The indexes of the columns holding figures."""
        return frozenset(i for i, c in enumerate(self.columns) if c.numeric)

    def caption_text(self, fields: Mapping[str, object]) -> str:
        """The caption with its fields filled in, numbered after rendering (numbering.py)."""
        assert self.caption is not None, f"table {self.name} has no caption"
        return table_caption(self.caption.format_map(fields))


def table_caption(title: str) -> str:
    """'Tabel <marker> Title': numbering.py replaces the marker with the table's number."""
    return f"Tabel {TABLE_NUMBER} {title}"


DESA = TableSpec(
    "desa",
    "desa",
    (
        text("No", "no", 0.9),
        text("Desa/Kelurahan", "nama", 3.1),
        text("Status", "status", 1.8),
        number("Luas (km²)", "luas", 1.6),
        number("Laki-laki", "l", 1.8),
        number("Perempuan", "p", 2.2),
        number("Jumlah", "penduduk", 1.8),
        number("KK", "kk", 1.5),
    ),
    caption="Luas Wilayah dan Jumlah Penduduk Desa/Kelurahan Kecamatan {kecamatan}",
    total=(
        "",
        "Jumlah",
        "",
        "{{ desa_total.luas }}",
        "{{ desa_total.l }}",
        "{{ desa_total.p }}",
        "{{ desa_total.penduduk }}",
        "{{ desa_total.kk }}",
    ),
    shown_if="desa",
)


def _staff_table(name: str, label: str, title: str) -> TableSpec:
    return TableSpec(
        f"pegawai_{name}",
        f"pegawai.{name}",
        (
            text(label, "uraian", 5.5, rich=True),
            number("Laki-laki", "l", 2.2),
            number("Perempuan", "p", 2.2),
            number("Jumlah", "jumlah", 2),
            number("Persen", "persen", 2),
        ),
        caption=f"Pegawai Kecamatan {{kecamatan}} Berdasarkan {title}",
        shown_if=f"pegawai.{name}",
    )


PEGAWAI_GOLONGAN = _staff_table("golongan", "Golongan", "Golongan")
PEGAWAI_PENDIDIKAN = _staff_table("pendidikan", "Pendidikan", "Tingkat Pendidikan")
PEGAWAI_JENIS_KELAMIN = _staff_table("jenis_kelamin", "Jenis Kelamin", "Jenis Kelamin")
PEGAWAI_STATUS = _staff_table("status", "Status Kepegawaian", "Status Kepegawaian")
IKU = TableSpec(
    "iku",
    "iku",
    (
        text("No", "no", 0.9),
        text("Sasaran", "sasaran", 3.0),
        text("Indikator Kinerja Utama", "indikator", 3.0),
        text("Formulasi Perhitungan", "formulasi", 3.3),
        text("Sumber Data", "sumber_data", 2.6),
        text("Penanggung Jawab", "penanggung_jawab", 2.6),
    ),
    caption="Indikator Kinerja Utama Kecamatan {kecamatan}",
)
PK = TableSpec(
    "pk",
    "pk_rows",
    (
        text("No", "no", 0.9),
        text("Sasaran Strategis", "sasaran", 4.4),
        text("Indikator Kinerja", "indikator", 4.9),
        text("Jenis", "jenis", 2.1),
        text("Satuan", "satuan", 1.6),
        number("Target", "target", 1.6),
    ),
    caption="Perjanjian Kinerja Kecamatan {kecamatan} Tahun {tahun}",
)
PK_PROGRAM = TableSpec(
    "pk_program",
    "program_pk",
    (
        text("No", "no", 1),
        text("Program", "uraian", 9),
        number("Anggaran (Rp)", "pagu", 3.5),
        text("Ket", "sumber_dana", 2),
    ),
    caption="Program dan Anggaran Perjanjian Kinerja",
    total=("", "Jumlah", "{{ total.pagu }}", ""),
)
SKALA = TableSpec(
    "skala",
    "skala",
    (text("Capaian", "batas", 5), text("Predikat", "predikat", 5)),
    caption="Skala Nilai Predikat Capaian Kinerja",
)
CAPAIAN = TableSpec(
    "capaian",
    "iku",
    (
        text("No", "no", 0.9),
        text("Sasaran Strategis", "sasaran", 3.4),
        text("Indikator", "indikator", 3.9),
        number("Target", "target", 1.8),
        number("Realisasi", "realisasi", 1.8),
        number("Capaian", "capaian", 1.8),
        text("Predikat", "predikat", 1.9),
    ),
    caption="Capaian Indikator Kinerja Utama Tahun {tahun}",
    total=("", "Rata-rata capaian IKU", "", "", "", "{{ rata_rata_iku }}", "{{ predikat_iku }}"),
)
INDIKATOR_LAIN = TableSpec(
    "indikator_lain",
    "indikator_lain",
    (
        text("No", "no", 0.9),
        text("Sasaran", "sasaran", 3.4),
        text("Indikator", "indikator", 3.9),
        number("Target", "target", 1.8),
        number("Realisasi", "realisasi", 1.8),
        number("Capaian", "capaian", 1.8),
        text("Predikat", "predikat", 1.9),
    ),
    caption="Capaian Indikator Kinerja Lainnya",
    shown_if="indikator_lain",
)
SASARAN = TableSpec(
    "sasaran",
    "s.indikator",
    (
        text("Indikator Kinerja", "indikator", 4.1),
        text("Satuan", "satuan", 1.6),
        number("Realisasi {{ tahun_lalu }}", "realisasi_lalu", 2),
        number("Capaian {{ tahun_lalu }}", "capaian_lalu", 2),
        number("Target {{ tahun }}", "target", 1.8),
        number("Realisasi {{ tahun }}", "realisasi", 2),
        number("Capaian {{ tahun }}", "capaian", 2),
    ),
    caption="Analisis Pencapaian Sasaran Strategis {no}",
    block_caption="s.caption",
    total=("Rata-rata", "", "", "{{ s.rata_rata_lalu }}", "", "", "{{ s.rata_rata }}"),
)
SASARAN_PROGRAM = TableSpec(
    "sasaran_program",
    "s.program",
    (
        indented("Program/Kegiatan", "uraian_paragraf", 4.6),
        text("Indikator", "indikator", 5.5),
        number("Target", "target", 1.8),
        number("Realisasi", "realisasi", 1.8),
        number("Capaian", "capaian", 1.8),
    ),
    caption="Program dan Kegiatan Pendukung Sasaran {no}",
    block_caption="s.program_caption",
    shown_if="s.program",
)
SKM = TableSpec(
    "skm",
    "skm.unsur",
    (
        text("Kode", "kode", 1.3),
        text("Unsur Pelayanan", "nama", 6.0),
        number("Jumlah Nilai", "jumlah", 2),
        number("NRR", "nrr", 1.6),
        number("NRR Tertimbang", "tertimbang", 2.2),
        text("Mutu", "mutu", 1.9),
    ),
    caption="Nilai Unsur Pelayanan Survei Kepuasan Masyarakat",
    total=(
        "",
        "IKM = Σ NRR tertimbang × 25 (bobot {{ skm.bobot }})",
        "",
        "",
        "{{ skm.jumlah_tertimbang }}",
        "{{ skm.ikm }} ({{ skm.mutu }})",
    ),
    shown_if="ada_skm",
)
EFISIENSI = TableSpec(
    "efisiensi",
    "efisiensi",
    (
        text("No", "no", 1),
        text("Sasaran Strategis", "sasaran", 5.9),
        number("Capaian Kinerja", "capaian", 2.2),
        number("Serapan Anggaran", "serapan", 2.2),
        number("Tingkat Efisiensi", "rasio", 2),
        text("Kategori", "kategori", 2.2),
    ),
    caption="Efisiensi Penggunaan Sumber Daya per Sasaran Strategis",
)
ANGGARAN = TableSpec(
    "anggaran",
    "anggaran",
    (
        indented("Program / Kegiatan / Sub Kegiatan", "uraian_paragraf", 5.6),
        number("Pagu (Rp)", "pagu", 2.8),
        number("Realisasi (Rp)", "realisasi", 2.8),
        number("Sisa (Rp)", "sisa", 2.6),
        number("Serapan (%)", "serapan", 1.7),
    ),
    caption="Realisasi Anggaran Program, Kegiatan dan Sub Kegiatan",
    total=(
        "JUMLAH",
        "{{ total.pagu }}",
        "{{ total.realisasi }}",
        "{{ total.sisa }}",
        "{{ total.serapan }}",
    ),
)
BELANJA = TableSpec(
    "belanja",
    "belanja",
    (
        text("Jenis Belanja", "jenis", 3.8),
        number("Anggaran (Rp)", "anggaran", 2.5),
        number("Realisasi (Rp)", "realisasi", 2.5),
        number("Serapan (%)", "serapan", 1.7),
        number("Realisasi {{ tahun_lalu }} (Rp)", "lalu", 2.5),
        number("Pertumbuhan (%)", "pertumbuhan", 2.5),
    ),
    caption="Realisasi Belanja menurut Jenis",
    shown_if="belanja",
)
PERUBAHAN = TableSpec(
    "perubahan",
    "anggaran",
    (
        indented("Program / Kegiatan / Sub Kegiatan", "uraian_paragraf", 6.5),
        number("Sebelum Perubahan (Rp)", "sebelum", 3),
        number("Sesudah Perubahan (Rp)", "pagu", 3),
        number("Bertambah / (Berkurang) (Rp)", "perubahan", 3),
    ),
    caption="Pagu Sebelum dan Sesudah Perubahan",
    total=("JUMLAH", "{{ total.sebelum }}", "{{ total.pagu }}", "{{ total.perubahan }}"),
    shown_if="ada_perubahan",
)
RIWAYAT = TableSpec(
    "riwayat",
    "riwayat",
    (
        text("Indikator Kinerja", "indikator", 6.4),
        text("Tahun", "tahun", 1.5),
        number("Target", "target", 2.4),
        number("Realisasi", "realisasi", 2.4),
        number("Capaian", "capaian", 2.2),
    ),
    caption="Perbandingan Realisasi Kinerja Beberapa Tahun",
    shown_if="riwayat",
)
RENSTRA_BANDING = TableSpec(
    "renstra_banding",
    "renstra_banding",
    (
        text("No", "no", 0.9),
        text("Indikator Kinerja", "indikator", 3.8),
        number("Kondisi Awal", "kondisi_awal", 1.7),
        number("Target Renstra {{ tahun }}", "target_renstra", 1.8),
        number("Target PK {{ tahun }}", "target", 1.6),
        number("Realisasi {{ tahun }}", "realisasi", 1.8),
        number("Target Akhir Renstra", "target_akhir", 1.7),
        number("Tingkat Kemajuan", "kemajuan", 2.1),
    ),
    caption="Perbandingan Realisasi dengan Target Renstra Tahun {tahun} dan Target Akhir Renstra",
    shown_if="renstra_banding",
)
ANGGARAN_LALU = TableSpec(
    "anggaran_lalu",
    "anggaran_lalu",
    (
        text("Program", "uraian", 5.0),
        number("Realisasi {{ tahun_lalu }} (Rp)", "lalu", 2.7),
        number("Realisasi {{ tahun }} (Rp)", "realisasi", 2.7),
        number("Selisih (Rp)", "selisih", 2.6),
        number("Pertumbuhan", "pertumbuhan", 2.5),
    ),
    caption="Realisasi Anggaran Tahun {tahun} Dibanding Tahun Sebelumnya",
    shown_if="anggaran_lalu",
)
ANGGARAN_TAHUNAN = TableSpec(
    "anggaran_tahunan",
    "anggaran_tahunan",
    (
        text("Tahun", "tahun", 1.6),
        number("Pagu (Rp)", "pagu", 3.6),
        number("Realisasi (Rp)", "realisasi", 3.6),
        number("Serapan", "serapan", 2.2),
    ),
    caption="Pagu dan Realisasi Anggaran Beberapa Tahun",
    shown_if="anggaran_tahunan",
)
MATRIK_RENSTRA = TableSpec(
    "matrik_renstra",
    "matrik_renstra",
    (
        text("No", "no", 0.9),
        text("Sasaran / Program", "uraian", 2.9),
        text("Indikator Kinerja (Satuan)", "indikator", 3.0),
        number("Kondisi Awal", "kondisi_awal", 1.7),
        *(number(f"{{{{ renstra_tahun[{i}] }}}}", f"t{i}", 1.1) for i in range(5)),
        number("Target Akhir", "target_akhir", 1.5),
    ),
    caption="Matrik Rencana Strategis Kecamatan {kecamatan} {periode_renstra}",
    shown_if="matrik_renstra",
)
LAMPIRAN_PK = TableSpec(
    "lampiran_pk",
    "iku",
    (
        text("No", "no", 1),
        text("Sasaran Strategis", "sasaran", 6),
        text("Indikator Kinerja", "indikator", 6.5),
        number("Target", "target", 2),
    ),
)
LAMPIRAN_IKU = TableSpec(
    "lampiran_iku",
    "iku",
    (
        text("No", "no", 1),
        text("Sasaran", "sasaran", 3.5),
        text("Indikator Kinerja Utama", "indikator", 3.6),
        text("Formulasi Perhitungan", "formulasi", 4.4),
        text("Sumber Data", "sumber_data", 3),
    ),
)
LAMPIRAN_SKM = TableSpec(
    "lampiran_skm",
    "skm.unsur",
    (
        text("Kode", "kode", 1.3),
        text("Unsur", "nama", 6),
        number("1 (%)", "s1", 1.6),
        number("2 (%)", "s2", 1.6),
        number("3 (%)", "s3", 1.6),
        number("4 (%)", "s4", 1.6),
        number("NRR", "nrr", 1.6),
    ),
    shown_if="ada_skm",
)

TABLES: tuple[TableSpec, ...] = (
    DESA,
    PEGAWAI_GOLONGAN,
    PEGAWAI_PENDIDIKAN,
    PEGAWAI_JENIS_KELAMIN,
    PEGAWAI_STATUS,
    IKU,
    PK,
    PK_PROGRAM,
    SKALA,
    CAPAIAN,
    INDIKATOR_LAIN,
    SASARAN,
    SASARAN_PROGRAM,
    SKM,
    EFISIENSI,
    ANGGARAN,
    BELANJA,
    PERUBAHAN,
    RIWAYAT,
    RENSTRA_BANDING,
    ANGGARAN_LALU,
    ANGGARAN_TAHUNAN,
    MATRIK_RENSTRA,
    LAMPIRAN_PK,
    LAMPIRAN_IKU,
    LAMPIRAN_SKM,
)


def captioned_in_context() -> Iterator[TableSpec]:
    """The tables whose caption the context gives in `captions` (not repeated inside a block)."""
    return (t for t in TABLES if t.caption and not t.block_caption)
