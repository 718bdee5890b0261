"""The standard LKjIP workbook, declared once.

Everything that knows a sheet name, a header, a setting label or an allowed value reads it
from here: the blank-template writer, the reader, the `Petunjuk` sheet and the generated
contract document (docs/KONTRAK_BUKU_KERJA.md). Headers and labels are Indonesian (they are
the public interface); `key` is the identifier the code uses for a column or setting: the
Indonesian term in snake case (`kode_sasaran`, `pagu`), since the domain has no English words
for most of them (the glossary at the end maps the terms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cached_property, lru_cache

CONTRACT_VERSION = "2"
# Versions still read as they are (every sheet added since is optional); an older one gets a
# finding that suggests `lkjip template --dari` to upgrade it.
READABLE_VERSIONS = frozenset({"1", "2"})


class Kind(Enum):
    """What a cell holds, which decides how it is parsed and validated."""

    TEXT = "teks"
    NUMBER = "angka"
    AMOUNT = "jumlah rupiah"
    MEASURE = "angka atau nilai huruf"  # a target/realisasi: 84, 82,17%, "B (61)", "BB", "-"
    INTEGER = "bilangan bulat"
    ANSWER = "jawaban 1–4"
    CHOICE = "pilihan"
    CODE = "kode rekening"
    DATE = "tanggal"
    YEAR = "tahun"


@dataclass(frozen=True)
class Choice:
    """One allowed value of a closed vocabulary, with spellings staff also type."""

    label: str
    key: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    name: str
    choices: tuple[Choice, ...]
    open: bool = False  # the list only suggests: other text is allowed (Gambar's Bagian, Narasi)

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.choices]

    def label_of(self, key: str) -> str:
        """The label staff see for a choice's key ('sub_kegiatan' → 'Sub Kegiatan')."""
        return next(c.label for c in self.choices if c.key == key)

    def match(self, text: str) -> Choice | None:
        wanted = normalize(text)
        for choice in self.choices:
            if wanted == normalize(choice.label) or wanted in {
                normalize(a) for a in choice.aliases
            }:
                return choice
        return None


@lru_cache(maxsize=8192)  # headers and labels repeat on every row and every read
def normalize(text: object) -> str:
    """Compare labels the way staff expect: case, spaces, line breaks and '*' do not matter."""
    s = str(text).replace("\u00a0", " ").replace("×", "x").replace("−", "-").replace("–", "-")
    s = re.sub(r"\s+", " ", s).strip().rstrip("*").strip().lower()
    return s


@lru_cache(maxsize=8192)
def normalize_header(text: object) -> str:
    """A header matches ignoring case, spaces, line breaks and a trailing unit in parentheses."""
    s = normalize(text)
    s = re.sub(r"\s*\([^()]*\)\s*$", "", s)
    return s.replace(" ", "")


POLARITY = Vocabulary(
    "Polaritas",
    (
        Choice("Positif", "positive", ("+", "naik", "maksimal", "maximize")),
        Choice("Negatif", "negative", ("-", "turun", "minimal", "minimize")),
    ),
)
YES_NO = Vocabulary(
    "IKU",
    (
        Choice("Ya", "yes", ("y", "iku", "utama", "1", "true")),
        Choice("Tidak", "no", ("t", "tambahan", "bukan", "0", "false")),
    ),
)
INDICATOR_LEVEL = Vocabulary(
    "Tingkat Indikator", (Choice("Sasaran", "sasaran"), Choice("Tujuan", "tujuan"))
)
BUDGET_LEVEL = Vocabulary(
    "Tingkat Anggaran",
    (
        Choice("Program", "program"),
        Choice("Kegiatan", "kegiatan"),
        Choice("Sub Kegiatan", "sub_kegiatan", ("subkegiatan", "sub-kegiatan", "sub keg")),
    ),
)
VILLAGE_STATUS = Vocabulary(
    "Status Desa", (Choice("Desa", "desa"), Choice("Kelurahan", "kelurahan"))
)
RATING_SCALE = Vocabulary(
    "Skala Capaian",
    (
        Choice("Permendagri 86/2017", "permendagri86", ("permendagri 86", "default", "bawaan")),
        Choice("Kustom", "custom", ("custom",)),
    ),
)
SKM_WEIGHT = Vocabulary(
    "Bobot Unsur SKM",
    (
        Choice("1/jumlah unsur", "exact", ("1/9", "1/n", "exact")),
        Choice("0,111", "0.111", ("0.111",)),
    ),
)
NEGATIVE_FORMULA = Vocabulary(
    "Rumus Polaritas Negatif",
    (
        Choice(
            "(2×Target − Realisasi)/Target",
            "two_target",
            (
                "(2xtarget-realisasi)/target",
                "(2 x target - realisasi)/target",
                "(target-(realisasi-target))/target",
            ),
        ),
        Choice("Target/Realisasi", "ratio", ("target / realisasi",)),
    ),
)
AVERAGE_MODE = Vocabulary(
    "Rata-rata Capaian",
    (
        Choice("Rata-rata indikator", "indicators", ("indikator",)),
        Choice("Rata-rata sasaran", "targets", ("sasaran",)),
    ),
)
EFFICIENCY_RULE = Vocabulary(
    "Rumus Efisiensi",
    (
        Choice("Capaian/Serapan", "ratio", ("rasio", "capaian / serapan")),
        Choice(
            "Capaian ≥ 100 dan Serapan < Capaian",
            "threshold",
            ("capaian >= 100 dan serapan < capaian", "ambang"),
        ),
    ),
)
NARRATIVE_PART = Vocabulary(
    "Bagian Narasi",
    tuple(
        Choice(label, key, aliases)
        for label, key, aliases in [
            ("Kata Pengantar", "kata_pengantar", ()),
            ("Ikhtisar Eksekutif", "ikhtisar", ("Ringkasan Eksekutif",)),
            ("Latar Belakang", "latar_belakang", ()),
            ("Landasan Hukum", "landasan_hukum", ("Dasar Hukum",)),
            ("Maksud dan Tujuan", "maksud_tujuan", ()),
            ("Gambaran Umum", "gambaran_umum", ()),
            (
                "Kedudukan, Tugas dan Fungsi",
                "kedudukan_tugas_fungsi",
                ("Kedudukan Tugas dan Fungsi", "Tugas Pokok dan Fungsi", "Tupoksi"),
            ),
            ("Struktur Organisasi", "struktur_organisasi", ()),
            ("Sumber Daya Manusia", "sumber_daya_manusia", ("Sumber Daya Aparatur", "SDM")),
            ("Isu Strategis", "isu_strategis", ("Isu-isu Strategis",)),
            ("Sistematika Penulisan", "sistematika", ("Sistematika Laporan",)),
            ("Rencana Strategis", "rencana_strategis", ("Renstra",)),
            ("Rencana Kerja Tahunan", "rencana_kerja_tahunan", ("RKT",)),
            ("Prestasi dan Penghargaan", "prestasi", ("Prestasi",)),
            ("Kesimpulan", "kesimpulan", ()),
            ("Permasalahan", "permasalahan", ()),
            ("Saran", "saran", ()),
            ("Langkah Perbaikan", "langkah_perbaikan", ("Perbaikan ke Depan", "Perbaikan Kedepan")),
        ]
    ),
    open=True,
)
# Parts written once per sasaran or program: "Analisis Sasaran S1", "Analisis Program 7.01.01".
NARRATIVE_PART_FAMILIES: tuple[tuple[str, str], ...] = (
    ("Analisis Sasaran", "analisis_sasaran"),
    ("Analisis Program", "analisis_program"),
    # the quarterly monitoring report's text: "Penghambat Triwulan II", "Tindak Lanjut Triwulan II"
    ("Penghambat Triwulan", "penghambat_triwulan"),
    ("Tindak Lanjut Triwulan", "tindak_lanjut_triwulan"),
)
QUARTER_NARRATIVE_FAMILIES = frozenset({"penghambat_triwulan", "tindak_lanjut_triwulan"})
QUARTER_NUMERALS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def narrative_part(text: str) -> str | None:
    """The key of a Narasi `Bagian`: a fixed part's key, or 'analisis_sasaran:S1' for a part
    of a family; None when the text names no part."""
    choice = NARRATIVE_PART.match(text)
    if choice is not None:
        return choice.key
    cleaned = re.sub(r"\s+", " ", str(text)).strip()
    for label, key in NARRATIVE_PART_FAMILIES:
        m = re.fullmatch(rf"{label}\s*[:\-]?\s*(\S.*)", cleaned, re.IGNORECASE)
        if m:
            return f"{key}:{m.group(1).strip()}"
    return None


EDUCATION = Vocabulary(
    "Pendidikan Terakhir",
    (
        Choice("SD", "sd", ("SR", "Sekolah Dasar")),
        Choice("SMP", "smp", ("SLTP", "MTs", "Sekolah Menengah Pertama")),
        Choice("SMA/SMK", "sma", ("SMA", "SMK", "SLTA", "MA", "SMU", "STM", "SMEA")),
        Choice("D1", "d1", ("D-I", "DI", "Diploma I")),
        Choice("D2", "d2", ("D-II", "DII", "Diploma II")),
        Choice("D3", "d3", ("D-III", "DIII", "Diploma III", "Sarjana Muda")),
        Choice("D4", "d4", ("D-IV", "DIV", "Diploma IV")),
        Choice("S1", "s1", ("S-1", "Sarjana", "Strata 1")),
        Choice("S2", "s2", ("S-2", "Magister", "Strata 2")),
        Choice("S3", "s3", ("S-3", "Doktor", "Strata 3")),
    ),
)
SEX = Vocabulary(
    "Jenis Kelamin",
    (
        Choice("L", "l", ("Laki-laki", "Laki laki", "Lk", "Pria")),
        Choice("P", "p", ("Perempuan", "Pr", "Wanita")),
    ),
)
EMPLOYMENT_STATUS = Vocabulary(
    "Status Kepegawaian",
    (
        Choice("PNS", "pns", ("ASN PNS", "Pegawai Negeri Sipil", "CPNS")),
        Choice("PPPK", "pppk", ("P3K", "ASN PPPK")),
        Choice(
            "Non ASN",
            "non_asn",
            ("Non-ASN", "NonASN", "Honorer", "Tenaga Honorer", "Kontrak", "THL", "PTT"),
        ),
    ),
)
PLACEMENT = Vocabulary(
    "Letak",
    (
        Choice("Bab I", "bab_i", ("Bab 1", "Pendahuluan")),
        Choice("Bab II", "bab_ii", ("Bab 2", "Perencanaan Kinerja")),
        Choice("Bab III", "bab_iii", ("Bab 3", "Akuntabilitas Kinerja")),
        Choice("Lampiran", "lampiran", ()),
    ),
)
YA_TIDAK = Vocabulary(
    "Ya atau Tidak",
    (
        Choice("Ya", "yes", ("y", "1", "true", "benar")),
        Choice("Tidak", "no", ("t", "0", "false", "bukan")),
    ),
)
QUARTERLY_MODE = Vocabulary(
    "Target Triwulan",
    (
        Choice("Per triwulan", "per_quarter", ("per tw", "triwulanan", "per triwulan")),
        Choice("Kumulatif", "cumulative", ("kumulatif", "akumulatif", "sampai dengan")),
    ),
)
PAGE_NUMBERING = Vocabulary(
    "Penomoran Halaman",
    (
        Choice("Romawi lalu Arab", "roman_then_arabic", ("romawi", "i, ii lalu 1, 2")),
        Choice("Per Bab", "per_chapter", ("per bab", "I-1", "bab")),
    ),
)
PICTURE_PART = Vocabulary(
    "Bagian Gambar",
    (
        Choice("Logo", "logo", ("Logo Kabupaten", "Lambang")),
        Choice("Peta Wilayah", "peta_wilayah", ("Peta", "Peta Kecamatan")),
        Choice("Struktur Organisasi", "struktur_organisasi", ("Bagan Struktur Organisasi",)),
    ),
    open=True,
)

VOCABULARIES = (
    POLARITY,
    YES_NO,
    INDICATOR_LEVEL,
    BUDGET_LEVEL,
    VILLAGE_STATUS,
    RATING_SCALE,
    SKM_WEIGHT,
    NEGATIVE_FORMULA,
    AVERAGE_MODE,
    EFFICIENCY_RULE,
    NARRATIVE_PART,
    EDUCATION,
    SEX,
    EMPLOYMENT_STATUS,
    PLACEMENT,
    YA_TIDAK,
    QUARTERLY_MODE,
    PAGE_NUMBERING,
    PICTURE_PART,
)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind = Kind.TEXT
    required: bool = False  # the header must be present
    value_required: bool = False  # and every data row needs a value
    vocabulary: Vocabulary | None = None
    default: str | None = None
    grouping: bool = False  # blank (or merged) means "same as the row above"
    derived: bool = False  # written by the tool, never read
    help: str = ""
    width: int = 14
    aliases: tuple[str, ...] = ()

    @cached_property
    def names(self) -> frozenset[str]:
        """The header and its aliases, normalised once: every header cell is matched against
        every column of its sheet."""
        return frozenset({normalize_header(self.header), *map(normalize_header, self.aliases)})

    def matches(self, header: object) -> bool:
        return normalize_header(header) in self.names


@dataclass(frozen=True)
class ColumnFamily:
    """Columns named by a year, as many as the header row has: `Target 2024`, `Pagu 2025`.

    Each found column is read under the key `<key>_<year>` (`target_2024`).
    """

    key: str
    prefix: str
    kind: Kind
    help: str = ""
    width: int = 11

    def year_of(self, header: object) -> int | None:
        m = re.fullmatch(rf"{normalize_header(self.prefix)}(\d{{4}})", normalize_header(header))
        return int(m.group(1)) if m else None

    def year_of_key(self, key: str) -> int | None:
        m = re.fullmatch(rf"{self.key}_(\d{{4}})", key)
        return int(m.group(1)) if m else None

    def column(self, year: int) -> Column:
        return Column(
            f"{self.key}_{year}",
            f"{self.prefix} {year}",
            self.kind,
            help=self.help,
            width=self.width,
        )


@dataclass(frozen=True)
class SheetSpec:
    name: str
    title: str
    help: str
    columns: tuple[Column, ...]
    required: bool = False
    required_when: str = ""  # human explanation of a conditional requirement
    extra_answer_columns: bool = False  # SKM: U10, U11 … may follow
    protect: bool = False  # the blank template locks its derived columns
    template_rows: int = 200
    starter_rows: tuple[Mapping[str, object], ...] = ()  # rows the blank template lists already
    # Rows are records of a data table, so a typed total row, a note under the table and a
    # second table below it are recognised (a list of settings such as Identitas is not).
    records: bool = True
    families: tuple[ColumnFamily, ...] = ()  # year-named columns (Renstra: Target 2024 …)
    families_after: str = ""  # the blank template puts the year columns after this column
    row_height: float | None = None  # the blank template's data rows (Gambar: room for a picture)

    @property
    def derived_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.derived)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        for family in self.families:
            year = family.year_of_key(key)
            if year is not None:
                return family.column(year)
        raise KeyError(key)

    def column_for_header(self, header: object) -> Column | None:
        """The column a header names: one of the sheet's columns, or a year of a family."""
        wanted = normalize_header(header)
        for c in self.columns:
            if wanted in c.names:  # c.matches(header), the header normalised once
                return c
        for family in self.families:
            year = family.year_of(header)
            if year is not None:
                return family.column(year)
        return None

    def columns_of(self, keys: Iterable[str]) -> tuple[Column, ...]:
        """The sheet's columns, and the family columns among `keys` (as a table found them)."""
        own = {c.key for c in self.columns}
        extra = tuple(self.column(k) for k in keys if k not in own and self._family_key(k))
        return self.columns + extra

    def _family_key(self, key: str) -> bool:
        return any(f.year_of_key(key) is not None for f in self.families)


@dataclass(frozen=True)
class Setting:
    """One row of the `Identitas` sheet."""

    key: str
    label: str
    kind: Kind = Kind.TEXT
    required: bool = False
    vocabulary: Vocabulary | None = None
    default: str | None = None
    help: str = ""
    written_by_tool: bool = False
    aliases: tuple[str, ...] = ()

    def matches(self, label: object) -> bool:
        wanted = normalize(label)
        return wanted == normalize(self.label) or wanted in {normalize(a) for a in self.aliases}


SETTINGS: tuple[Setting, ...] = (
    Setting("provinsi", "Provinsi", required=True, help="Nama provinsi, mis. Kalimantan Timur."),
    Setting(
        "kabupaten",
        "Kabupaten/Kota",
        required=True,
        help="Mis. Kabupaten Paser.",
        aliases=("Kabupaten", "Kota"),
    ),
    Setting(
        "kecamatan",
        "Kecamatan",
        required=True,
        help="Nama kecamatan tanpa kata 'Kecamatan', mis. Paser Belengkong.",
    ),
    Setting(
        "tahun",
        "Tahun Laporan",
        Kind.YEAR,
        required=True,
        help="Tahun yang dilaporkan, 4 angka, mis. 2023.",
    ),
    Setting(
        "nama_camat",
        "Nama Camat",
        required=True,
        help="Lengkap dengan gelar, seperti ditandatangani.",
    ),
    Setting("nip_camat", "NIP Camat", required=True, help="18 angka; spasi boleh."),
    Setting("pangkat_camat", "Pangkat/Golongan Camat", help="Mis. Pembina Tk. I (IV/b)."),
    Setting("jabatan_atasan", "Jabatan Atasan", required=True, help="Mis. Bupati Paser."),
    Setting(
        "nama_atasan",
        "Nama Atasan",
        required=True,
        help="Nama atasan langsung yang menandatangani Perjanjian Kinerja.",
    ),
    Setting("tempat", "Tempat Penandatanganan", required=True, help="Mis. Batu Kajang."),
    Setting(
        "tanggal",
        "Tanggal Laporan",
        Kind.DATE,
        help="Tanggal laporan ditandatangani, mis. 22/02/2024.",
    ),
    Setting(
        "tanggal_pk",
        "Tanggal Perjanjian Kinerja",
        Kind.DATE,
        help="Tanggal Perjanjian Kinerja ditandatangani. Kosong = hari kerja pertama bulan "
        "Januari Tahun Perjanjian Kinerja (bukan tanggal laporan).",
    ),
    Setting("alamat", "Alamat Kantor", help="Untuk kop surat."),
    Setting("telepon", "Telepon", help="Untuk kop surat."),
    Setting("email", "Email", help="Untuk kop surat."),
    Setting("situs", "Situs Web", help="Untuk kop surat."),
    Setting("visi", "Visi", help="Visi kabupaten/kecamatan."),
    Setting("misi", "Misi", help="Satu misi per baris di dalam sel (Alt+Enter)."),
    Setting("periode_renstra", "Periode Renstra", help="Mis. 2021-2026."),
    Setting("nomor_iku", "Nomor Keputusan IKU", help="Nomor keputusan camat tentang IKU."),
    Setting(
        "skala",
        "Skala Capaian",
        Kind.CHOICE,
        vocabulary=RATING_SCALE,
        default="Permendagri 86/2017",
        help="Permendagri 86/2017 (bawaan) atau Kustom (isi sheet Skala).",
    ),
    Setting(
        "bobot_skm",
        "Bobot Unsur SKM",
        Kind.CHOICE,
        vocabulary=SKM_WEIGHT,
        default="1/jumlah unsur",
        help="1/jumlah unsur (bawaan, sesuai PermenPANRB 14/2017) atau 0,111 (seperti lembar Excel lama).",
    ),
    Setting(
        "rumus_negatif",
        "Rumus Polaritas Negatif",
        Kind.CHOICE,
        vocabulary=NEGATIVE_FORMULA,
        default="(2×Target − Realisasi)/Target",
        help="Rumus capaian indikator berpolaritas negatif.",
    ),
    Setting(
        "rata_rata",
        "Rata-rata Capaian",
        Kind.CHOICE,
        vocabulary=AVERAGE_MODE,
        default="Rata-rata indikator",
        help="Rata-rata capaian keseluruhan: atas semua IKU (bawaan) atau atas rata-rata tiap sasaran.",
    ),
    Setting(
        "rumus_efisiensi",
        "Rumus Efisiensi",
        Kind.CHOICE,
        vocabulary=EFFICIENCY_RULE,
        default="Capaian/Serapan",
        help="Capaian/Serapan ≥ 1 berarti efisien (bawaan), atau aturan ambang seperti sebagian laporan.",
    ),
    Setting(
        "batas_atas",
        "Batas Atas Capaian (%)",
        Kind.NUMBER,
        help="Opsional, mis. 120. Kosong = tanpa batas.",
    ),
    Setting(
        "populasi",
        "Populasi Penerima Layanan",
        Kind.INTEGER,
        help="Opsional: jumlah penerima layanan setahun, untuk memeriksa jumlah sampel SKM.",
    ),
    # Added in version 2, after the version 1 rows so that those keep their places.
    Setting(
        "tahun_pk",
        "Tahun Perjanjian Kinerja",
        Kind.YEAR,
        help="Tahun Perjanjian Kinerja yang dilampirkan. Kosong = Tahun Laporan. Tahun berikutnya: "
        "target dan pagu diambil dari kolom Target/Pagu tahun itu di sheet Renstra.",
    ),
    Setting(
        "target_triwulan",
        "Target Triwulan",
        Kind.CHOICE,
        vocabulary=QUARTERLY_MODE,
        default="Per triwulan",
        help="Rencana Aksi: Per triwulan (bawaan; empat triwulan dijumlah = target tahunan) atau "
        "Kumulatif (TW IV = target tahunan). Kolom Kumulatif di Rencana Aksi mengubahnya per baris.",
    ),
    Setting(
        "penomoran",
        "Penomoran Halaman",
        Kind.CHOICE,
        vocabulary=PAGE_NUMBERING,
        default="Romawi lalu Arab",
        help="Romawi lalu Arab (bawaan: i, ii … lalu 1, 2 …) atau Per Bab (I-1, II-1 …).",
    ),
    Setting("motto", "Motto", help="Opsional: dicetak di bawah judul sampul."),
    Setting(
        "versi", "Versi Template", help="Diisi oleh alat; jangan diubah.", written_by_tool=True
    ),
)


def setting(key: str) -> Setting:
    for s in SETTINGS:
        if s.key == key:
            return s
    raise KeyError(key)


IDENTITY_SHEET = SheetSpec(
    "Identitas",
    "Identitas dan pengaturan",
    "Satu isian per baris: kolom Isian berisi nama isian, kolom Nilai berisi isinya. "
    "Isian bertanda wajib harus diisi.",
    (
        Column("label", "Isian", required=True, width=34),
        Column("value", "Nilai", required=True, width=60),
        Column("note", "Keterangan", width=60),
    ),
    required=True,
    records=False,
)

SASARAN_SHEET = SheetSpec(
    "Sasaran",
    "Perjanjian Kinerja: sasaran dan indikator",
    "Satu indikator per baris. Kolom Kode Sasaran, Tujuan dan Sasaran Strategis boleh dikosongkan "
    "atau digabung (merge) bila sama dengan baris di atasnya. Kolom berwarna abu-abu diisi oleh alat.",
    (
        Column(
            "kode_sasaran",
            "Kode Sasaran",
            required=True,
            grouping=True,
            width=10,
            help="Kode singkat sasaran, mis. S1. Kosong = sama dengan baris di atas.",
        ),
        Column(
            "tujuan",
            "Tujuan",
            grouping=True,
            width=28,
            help="Tujuan Renstra yang didukung sasaran ini.",
        ),
        Column(
            "sasaran",
            "Sasaran Strategis",
            required=True,
            value_required=True,
            grouping=True,
            width=34,
            help="Rumusan sasaran strategis.",
            aliases=("Sasaran",),
        ),
        Column(
            "tingkat",
            "Tingkat",
            Kind.CHOICE,
            vocabulary=INDICATOR_LEVEL,
            default="Sasaran",
            width=10,
            help="Sasaran (bawaan) atau Tujuan.",
        ),
        Column(
            "iku",
            "IKU",
            Kind.CHOICE,
            vocabulary=YES_NO,
            default="Ya",
            width=7,
            help="Ya = Indikator Kinerja Utama (bawaan); Tidak = indikator tambahan.",
        ),
        Column(
            "indikator",
            "Indikator Kinerja",
            required=True,
            value_required=True,
            width=40,
            help="Rumusan indikator kinerja.",
            aliases=("Indikator", "Indikator Kinerja Utama"),
        ),
        Column("satuan", "Satuan", required=True, width=10, help="Mis. %, nilai, kasus, dokumen."),
        Column(
            "polaritas",
            "Polaritas",
            Kind.CHOICE,
            vocabulary=POLARITY,
            default="Positif",
            width=10,
            help="Positif: makin tinggi makin baik (bawaan). Negatif: makin rendah makin baik.",
        ),
        Column(
            "target",
            "Target",
            Kind.MEASURE,
            required=True,
            width=11,
            help="Angka (84, 82,17, 100%), nilai SAKIP seperti B (61), atau '-' bila tidak ada.",
        ),
        Column(
            "realisasi",
            "Realisasi",
            Kind.MEASURE,
            required=True,
            width=11,
            help="Seperti Target. '-' atau N/A = belum dapat diukur.",
        ),
        Column("formulasi", "Formulasi Perhitungan", width=34, help="Cara menghitung indikator."),
        Column("sumber_data", "Sumber Data", width=24),
        Column("penanggung_jawab", "Penanggung Jawab", width=24),
        Column("target_lalu", "Target Tahun Lalu", Kind.MEASURE, width=11),
        Column("realisasi_lalu", "Realisasi Tahun Lalu", Kind.MEASURE, width=11),
        Column("target_renstra", "Target Akhir Renstra", Kind.MEASURE, width=11),
        Column("standar_nasional", "Standar Nasional", Kind.MEASURE, width=11),
        Column(
            "faktor_pendukung",
            "Faktor Pendukung",
            width=34,
            help="Penyebab keberhasilan (dipakai apa adanya).",
        ),
        Column(
            "faktor_penghambat",
            "Faktor Penghambat",
            width=34,
            help="Penyebab kegagalan/permasalahan.",
        ),
        Column("solusi", "Solusi", width=34, help="Solusi yang telah atau akan dilakukan."),
        Column("capaian", "Capaian (%)", Kind.NUMBER, derived=True, width=11),
        Column("predikat", "Predikat", derived=True, width=14),
        Column("capaian_lalu", "Capaian Tahun Lalu (%)", Kind.NUMBER, derived=True, width=11),
        Column("tren", "Tren", derived=True, width=11),
        Column("kemajuan_renstra", "Kemajuan Renstra (%)", Kind.NUMBER, derived=True, width=11),
    ),
    required=True,
    protect=True,
    template_rows=200,
)

ANGGARAN_SHEET = SheetSpec(
    "Anggaran",
    "Anggaran: Program, Kegiatan, Sub Kegiatan",
    "Satu baris per program, kegiatan atau sub kegiatan, berurutan seperti DPA. Isi Kode "
    "(mis. 7.01.01.2.06.04) atau Tingkat. Jumlah diisi pada tingkat terendah; jumlah induk boleh "
    "dikosongkan (dijumlahkan oleh alat) atau diisi (diperiksa oleh alat).",
    (
        Column(
            "kode",
            "Kode",
            Kind.CODE,
            width=18,
            help="Kode Permendagri 90/2019: program 3 bagian, kegiatan 5, sub kegiatan 6.",
        ),
        Column(
            "tingkat",
            "Tingkat",
            Kind.CHOICE,
            vocabulary=BUDGET_LEVEL,
            width=13,
            help="Program, Kegiatan atau Sub Kegiatan (wajib bila Kode kosong).",
        ),
        Column(
            "uraian",
            "Uraian",
            required=True,
            value_required=True,
            width=48,
            help="Nama program/kegiatan/sub kegiatan.",
            aliases=("Program / Kegiatan / Sub Kegiatan", "Nama"),
        ),
        Column(
            "kode_sasaran",
            "Kode Sasaran",
            width=10,
            help="Sasaran yang didukung program ini; anak mewarisi.",
        ),
        Column(
            "pagu",
            "Pagu",
            Kind.AMOUNT,
            required=True,
            width=17,
            help="Pagu anggaran (setelah perubahan), rupiah.",
            aliases=("Anggaran", "Target Anggaran"),
        ),
        Column(
            "realisasi",
            "Realisasi",
            Kind.AMOUNT,
            required=True,
            width=17,
            help="Realisasi anggaran, rupiah. 0 boleh.",
        ),
        Column(
            "indikator",
            "Indikator Kinerja",
            width=34,
            help="Indikator program/kegiatan (opsional).",
        ),
        Column("satuan", "Satuan", width=9),
        Column("target_kinerja", "Target Kinerja", Kind.MEASURE, width=10),
        Column("realisasi_kinerja", "Realisasi Kinerja", Kind.MEASURE, width=10),
        Column(
            "polaritas", "Polaritas", Kind.CHOICE, vocabulary=POLARITY, default="Positif", width=10
        ),
        Column(
            "pagu_sebelum",
            "Pagu Sebelum Perubahan",
            Kind.AMOUNT,
            width=17,
            help="Pagu murni sebelum APBD-Perubahan (opsional).",
        ),
        Column("realisasi_lalu", "Realisasi Tahun Lalu", Kind.AMOUNT, width=17),
        Column("sumber_dana", "Sumber Dana", default="APBD", width=10),
        Column("penanggung_jawab", "Penanggung Jawab", width=20),
        Column("sisa", "Sisa Anggaran", Kind.AMOUNT, derived=True, width=17),
        Column("serapan", "Serapan (%)", Kind.NUMBER, derived=True, width=10),
        Column("capaian_kinerja", "Capaian Kinerja (%)", Kind.NUMBER, derived=True, width=10),
    ),
    required=True,
    protect=True,
    template_rows=400,
)

SKM_SHEET = SheetSpec(
    "SKM",
    "Survei Kepuasan Masyarakat: jawaban responden",
    "Satu responden per baris. U1 sampai U9 diisi angka bulat 1 (tidak baik) sampai 4 (sangat baik). "
    "Unsur tambahan boleh ditambahkan sebagai kolom U10, U11, dan seterusnya.",
    (
        Column("no", "No", Kind.INTEGER, width=6),
        Column("tanggal", "Tanggal", Kind.DATE, width=11),
        Column("jenis_layanan", "Jenis Layanan", width=22),
        Column("jenis_kelamin", "Jenis Kelamin", width=10),
        Column("umur", "Umur", Kind.INTEGER, width=7),
        Column("pendidikan", "Pendidikan", width=11),
        Column("pekerjaan", "Pekerjaan", width=14),
        *(Column(f"u{i}", f"U{i}", Kind.ANSWER, required=True, width=5) for i in range(1, 10)),
        Column("saran", "Saran/Masukan", width=40, aliases=("Saran", "Masukan")),
    ),
    required_when="wajib bila laporan memuat IKM",
    extra_answer_columns=True,
    template_rows=600,
)

DEFAULT_SKM_ELEMENTS: tuple[tuple[str, str], ...] = (
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
    ("U9", "Sarana dan Prasarana"),
)


UNSUR_SHEET = SheetSpec(
    "Unsur SKM",
    "Nama unsur SKM",
    "Nama tiap unsur pelayanan menurut kuesioner. Bila sheet ini tidak ada, dipakai sembilan unsur "
    "PermenPANRB 14/2017. Sesuaikan bila urutan kuesioner berbeda (mis. Sarana dan Pengaduan tertukar).",
    (
        Column("kode", "Kode", required=True, value_required=True, width=8),
        Column("nama", "Nama Unsur", required=True, value_required=True, width=50),
    ),
    template_rows=15,
    starter_rows=tuple({"kode": code, "nama": name} for code, name in DEFAULT_SKM_ELEMENTS),
)

BELANJA_SHEET = SheetSpec(
    "Belanja",
    "Belanja menurut jenis",
    "Anggaran dan realisasi per jenis belanja (Belanja Pegawai, Barang dan Jasa, Modal, …).",
    (
        Column(
            "kelompok",
            "Kelompok",
            required=True,
            grouping=True,
            width=18,
            help="Belanja Operasi, Belanja Modal, …",
        ),
        Column("jenis", "Jenis Belanja", required=True, value_required=True, width=34),
        Column("anggaran", "Anggaran", Kind.AMOUNT, required=True, width=17),
        Column("realisasi", "Realisasi", Kind.AMOUNT, required=True, width=17),
        Column("realisasi_lalu", "Realisasi Tahun Lalu", Kind.AMOUNT, width=17),
        Column("anggaran_sebelum", "Anggaran Sebelum Perubahan", Kind.AMOUNT, width=17),
    ),
    template_rows=30,
)

SKALA_SHEET = SheetSpec(
    "Skala",
    "Skala predikat capaian (kustom)",
    "Dipakai bila Skala Capaian = Kustom. Satu pita per baris; batas bawah termasuk, batas atas tidak. "
    "Batas Atas kosong pada pita teratas = tanpa batas. Pita tidak boleh berlubang atau bertumpuk.",
    (
        Column(
            "bawah", "Batas Bawah (%)", Kind.NUMBER, required=True, value_required=True, width=14
        ),
        Column("atas", "Batas Atas (%)", Kind.NUMBER, required=True, width=14),
        Column("predikat", "Predikat", required=True, value_required=True, width=34),
    ),
    required_when="wajib bila Skala Capaian = Kustom",
    template_rows=10,
)

DESA_SHEET = SheetSpec(
    "Desa",
    "Desa/Kelurahan",
    "Satu desa/kelurahan per baris, untuk gambaran umum kecamatan: luas, penduduk laki-laki dan "
    "perempuan (jumlah, rasio jenis kelamin dan kepadatan dihitung alat), jumlah KK.",
    (
        Column(
            "nama",
            "Nama Desa/Kelurahan",
            required=True,
            value_required=True,
            width=28,
            aliases=("Nama Desa", "Desa"),
        ),
        Column(
            "status", "Status", Kind.CHOICE, vocabulary=VILLAGE_STATUS, default="Desa", width=11
        ),
        Column("luas", "Luas (km2)", Kind.NUMBER, width=11, aliases=("Luas",)),
        Column("penduduk_l", "Penduduk Laki-laki", Kind.INTEGER, width=12),
        Column("penduduk_p", "Penduduk Perempuan", Kind.INTEGER, width=12),
        Column("jumlah_kk", "Jumlah KK", Kind.INTEGER, width=10, help="Jumlah kepala keluarga."),
    ),
    template_rows=60,
)

NARASI_SHEET = SheetSpec(
    "Narasi",
    "Narasi laporan",
    "Teks Anda sendiri untuk bagian laporan. Bagian yang kosong dibuatkan draf dari angka-angka "
    "bila ada bawaannya (ditandai di Word untuk disunting), selain itu dilewati. Satu sel boleh "
    "berisi beberapa paragraf (Alt+Enter); baris yang diawali '- ' atau '1. ' menjadi butir daftar. "
    "Analisis per sasaran dan per program: tulis Bagian 'Analisis Sasaran S1' (Kode Sasaran) atau "
    "'Analisis Program 7.01.01' (Kode program di sheet Anggaran). Laporan triwulan: tulis "
    "Bagian 'Penghambat Triwulan II' dan 'Tindak Lanjut Triwulan II' (I sampai IV).",
    (
        Column(
            "bagian",
            "Bagian",
            vocabulary=NARRATIVE_PART,
            required=True,
            value_required=True,
            width=26,
            help="Nama bagian laporan, atau 'Analisis Sasaran <Kode Sasaran>' / "
            "'Analisis Program <Kode>'.",
        ),
        Column("teks", "Teks", required=True, width=100),
    ),
    template_rows=60,
    starter_rows=tuple({"bagian": label} for label in NARRATIVE_PART.labels),
)

PEGAWAI_SHEET = SheetSpec(
    "Pegawai",
    "Pegawai dan struktur organisasi",
    "Satu orang per baris, camat di baris pertama. Atasan Langsung diisi Jabatan atasannya "
    "persis seperti tertulis di kolom Jabatan (kosong untuk camat). Dari sheet ini alat "
    "menyusun tabel dan grafik pegawai menurut golongan, pendidikan, jenis kelamin dan status, "
    "bagan struktur organisasi, serta nama, NIP dan pangkat penanda tangan Perjanjian Kinerja. "
    "Jabatan tanpa nama dibaca sebagai jabatan lowong (ada di bagan, tidak dihitung sebagai pegawai).",
    (
        Column("nama", "Nama", required=True, width=30, help="Nama lengkap dengan gelar."),
        Column(
            "nip",
            "NIP",
            width=22,
            help="18 angka (spasi boleh); kosong untuk Non ASN. Ketik dengan tanda petik di depan "
            "agar tidak berubah menjadi angka.",
        ),
        Column(
            "jabatan",
            "Jabatan",
            required=True,
            value_required=True,
            width=44,
            help="Mis. Camat, Sekretaris Camat, Kepala Seksi Pemerintahan, Pelaksana.",
        ),
        Column(
            "atasan",
            "Atasan Langsung",
            width=44,
            help="Jabatan atasan langsung, sama persis dengan kolom Jabatan baris atasan; kosong "
            "untuk camat.",
        ),
        Column(
            "pangkat",
            "Pangkat/Golongan",
            width=24,
            help="Mis. Pembina Tk. I (IV/b), IV/b, atau pangkatnya saja (Pembina Tk. I); golongan "
            "ditentukan dari pangkat.",
            aliases=("Pangkat", "Golongan", "Pangkat / Golongan", "Gol"),
        ),
        Column(
            "pendidikan",
            "Pendidikan Terakhir",
            Kind.CHOICE,
            vocabulary=EDUCATION,
            width=12,
            aliases=("Pendidikan",),
        ),
        Column(
            "jenis_kelamin",
            "Jenis Kelamin",
            Kind.CHOICE,
            vocabulary=SEX,
            width=9,
            aliases=("L/P", "JK"),
        ),
        Column(
            "status",
            "Status Kepegawaian",
            Kind.CHOICE,
            vocabulary=EMPLOYMENT_STATUS,
            width=13,
            help="Kosong dengan golongan terisi = PNS.",
            aliases=("Status", "Status Pegawai"),
        ),
    ),
    template_rows=120,
)

RENSTRA_SHEET = SheetSpec(
    "Renstra",
    "Matrik Renstra: target dan pagu per tahun",
    "Satu indikator per baris. Indikator sasaran: isi Kode Sasaran dan Indikator Kinerja persis "
    "seperti di sheet Sasaran. Indikator tujuan: isi Tujuan dan Indikator Kinerja (tanpa kode). "
    "Program/kegiatan/sub kegiatan: isi Kode (Uraian wajib bila kode itu tidak ada di sheet "
    "Anggaran) dan indikatornya sendiri. Tambahkan satu kolom 'Target <tahun>' (dan bila perlu "
    "'Pagu <tahun>') untuk setiap tahun Renstra. Teks yang bukan angka atau nilai huruf (mis. "
    "22/14) dicetak apa adanya dan tidak dibandingkan.",
    (
        Column("kode_sasaran", "Kode Sasaran", width=10, help="Kode Sasaran di sheet Sasaran."),
        Column("tujuan", "Tujuan", width=28, help="Untuk indikator tujuan (tanpa kode)."),
        Column(
            "kode",
            "Kode",
            Kind.CODE,
            width=16,
            help="Kode program/kegiatan/sub kegiatan (Permendagri 90/2019).",
        ),
        Column(
            "uraian",
            "Uraian",
            width=34,
            help="Nama program/kegiatan; wajib bila kodenya tidak ada di sheet Anggaran.",
        ),
        Column(
            "indikator",
            "Indikator Kinerja",
            required=True,
            value_required=True,
            width=38,
            aliases=("Indikator",),
        ),
        Column("satuan", "Satuan", width=10),
        Column(
            "kondisi_awal",
            "Kondisi Awal",
            Kind.MEASURE,
            width=11,
            help="Capaian pada tahun awal Renstra.",
            aliases=("Data Awal",),
        ),
        Column(
            "target_akhir",
            "Target Akhir",
            Kind.MEASURE,
            width=11,
            aliases=("Target Akhir Renstra",),
        ),
        Column("pagu_akhir", "Pagu Akhir", Kind.AMOUNT, width=17),
        Column("penanggung_jawab", "Penanggung Jawab", width=22),
    ),
    families_after="kondisi_awal",
    families=(
        ColumnFamily(
            "target", "Target", Kind.MEASURE, "Target tahun itu (angka, nilai huruf, atau teks)."
        ),
        ColumnFamily(
            "pagu", "Pagu", Kind.AMOUNT, "Pagu tahun itu, rupiah (baris kode saja dijumlahkan).", 17
        ),
    ),
    template_rows=120,
)

RIWAYAT_SHEET = SheetSpec(
    "Riwayat",
    "Riwayat capaian indikator tahun-tahun lalu",
    "Satu indikator per tahun per baris: target dan realisasi tahun-tahun sebelum Tahun Laporan, "
    "untuk tabel dan grafik perbandingan beberapa tahun. Kode Sasaran dan Indikator Kinerja persis "
    "seperti di sheet Sasaran. 'lkjip template --dari' menambahkan tahun yang baru dilaporkan.",
    (
        Column("tahun", "Tahun", Kind.YEAR, required=True, value_required=True, width=8),
        Column("kode_sasaran", "Kode Sasaran", required=True, value_required=True, width=10),
        Column(
            "indikator",
            "Indikator Kinerja",
            required=True,
            value_required=True,
            width=44,
            aliases=("Indikator",),
        ),
        Column("target", "Target", Kind.MEASURE, required=True, width=11),
        Column("realisasi", "Realisasi", Kind.MEASURE, required=True, width=11),
    ),
    template_rows=200,
)

RIWAYAT_ANGGARAN_SHEET = SheetSpec(
    "Riwayat Anggaran",
    "Riwayat pagu dan realisasi anggaran tahun-tahun lalu",
    "Satu tahun per baris: pagu dan realisasi seluruh kecamatan. Baris dengan Kode berisi satu "
    "program (Uraian wajib bila kodenya tidak ada lagi di sheet Anggaran). 'lkjip template --dari' "
    "menambahkan tahun yang baru dilaporkan.",
    (
        Column("tahun", "Tahun", Kind.YEAR, required=True, value_required=True, width=8),
        Column(
            "kode",
            "Kode",
            Kind.CODE,
            width=16,
            help="Kosong = seluruh kecamatan; kode program = program itu.",
        ),
        Column("uraian", "Uraian", width=40, help="Nama program (bila Kode diisi)."),
        Column("pagu", "Pagu", Kind.AMOUNT, required=True, width=18, aliases=("Anggaran",)),
        Column("realisasi", "Realisasi", Kind.AMOUNT, required=True, width=18),
    ),
    template_rows=60,
)

_QUARTERS = ("I", "II", "III", "IV")

RENCANA_AKSI_SHEET = SheetSpec(
    "Rencana Aksi",
    "Rencana Aksi: rencana dan pemantauan per triwulan",
    "Dua jenis baris dalam satu tabel. Baris indikator: Kode Sasaran dan Indikator Kinerja persis "
    "seperti di sheet Sasaran, dengan target dan realisasi tiap triwulan. Baris aksi di bawahnya: "
    "Kode program/kegiatan/sub kegiatan, Rencana Aksi (apa yang dikerjakan) dan/atau indikatornya, "
    "satuan, target tahunan, jadwal per triwulan, penanggung jawab, pagu. Isian Target Triwulan di "
    "Identitas menentukan arti angka triwulan (per triwulan atau kumulatif); kolom Kumulatif "
    "mengubahnya untuk satu baris (mis. indeks seperti IKM).",
    (
        Column("kode_sasaran", "Kode Sasaran", width=9),
        Column(
            "indikator",
            "Indikator Kinerja",
            width=36,
            aliases=("Indikator",),
        ),
        Column(
            "kode",
            "Kode",
            Kind.CODE,
            width=16,
            help="Kode program/kegiatan/sub kegiatan di sheet Anggaran atau Renstra.",
        ),
        Column("rencana_aksi", "Rencana Aksi", width=36, help="Apa yang akan dikerjakan."),
        Column("satuan", "Satuan", width=9),
        Column("target", "Target", Kind.MEASURE, width=10, help="Target tahunan (baris aksi)."),
        *(
            Column(f"target_tw{i}", f"Target TW {q}", Kind.MEASURE, required=True, width=11)
            for i, q in enumerate(_QUARTERS, start=1)
        ),
        *(
            Column(f"realisasi_tw{i}", f"Realisasi TW {q}", Kind.MEASURE, width=11)
            for i, q in enumerate(_QUARTERS, start=1)
        ),
        Column(
            "kumulatif",
            "Kumulatif",
            Kind.CHOICE,
            vocabulary=YA_TIDAK,
            width=10,
            help="Ya: angka triwulan adalah nilai sampai triwulan itu (mis. indeks). Kosong = isian "
            "Target Triwulan di Identitas.",
        ),
        Column("penanggung_jawab", "Penanggung Jawab", width=22),
        Column(
            "pagu", "Pagu", Kind.AMOUNT, width=16, help="Opsional; tidak melebihi pagu kodenya."
        ),
    ),
    template_rows=150,
)

PK_BERJENJANG_SHEET = SheetSpec(
    "PK Berjenjang",
    "Perjanjian Kinerja berjenjang: satu indikator seorang pejabat per baris",
    "Untuk Perjanjian Kinerja sekretaris camat, kepala seksi, kepala sub bagian …. Jabatan persis "
    "seperti di sheet Pegawai; pihak kedua adalah Atasan Langsungnya. Sasaran kosong = sasaran "
    "camat untuk indikator itu (isi Kode Sasaran). Kode: satu atau beberapa kode program/kegiatan/"
    "sub kegiatan dipisah titik koma; Pagu diisi bila pejabat ini hanya memegang sebagian pagu kode itu.",
    (
        Column("jabatan", "Jabatan", required=True, value_required=True, width=30),
        Column("sasaran", "Sasaran", width=34, aliases=("Sasaran Strategis",)),
        Column(
            "indikator",
            "Indikator Kinerja",
            required=True,
            value_required=True,
            width=36,
            aliases=("Indikator",),
        ),
        Column("satuan", "Satuan", width=9),
        Column(
            "target",
            "Target",
            Kind.MEASURE,
            required=True,
            value_required=True,
            width=10,
            help="Angka, nilai huruf, atau teks yang dicetak apa adanya (mis. 23/14).",
        ),
        Column(
            "kode_sasaran",
            "Kode Sasaran",
            width=9,
            help="Diisi bila indikator ini diambil dari Perjanjian Kinerja camat.",
        ),
        Column(
            "kode",
            "Kode",
            width=22,
            help="Kode program/kegiatan/sub kegiatan, beberapa dipisah ';' (tidak boleh bertingkat, "
            "mis. program dan kegiatannya sendiri).",
        ),
        Column(
            "pagu",
            "Pagu",
            Kind.AMOUNT,
            width=16,
            help="Bagian pagu pejabat ini (satu kode); kosong = seluruh pagu kode.",
        ),
    ),
    template_rows=150,
)

GAMBAR_SHEET = SheetSpec(
    "Gambar",
    "Gambar: logo, peta wilayah, struktur organisasi, lampiran",
    "Tempel gambar (PNG atau JPEG) di sel kolom Gambar pada barisnya: Excel > Sisipkan > Gambar > "
    "Tempatkan di Sel, atau gambar yang diletakkan di atas sel itu. Bagian: Logo (sampul dan kop), "
    "Peta Wilayah (gambaran umum), Struktur Organisasi (menggantikan bagan yang digambar alat), "
    "atau teks lain yang menjadi judul gambar di lampiran. Baris tanpa gambar dilewati.",
    (
        Column(
            "bagian",
            "Bagian",
            vocabulary=PICTURE_PART,
            required=True,
            width=30,
            help="Logo, Peta Wilayah, Struktur Organisasi, atau judul gambar lampiran.",
        ),
        Column("gambar", "Gambar", required=True, width=50, help="Tempel gambarnya di sel ini."),
    ),
    template_rows=10,
    row_height=90,
)

DATA_SHEETS: tuple[SheetSpec, ...] = (
    SASARAN_SHEET,
    ANGGARAN_SHEET,
    SKM_SHEET,
    UNSUR_SHEET,
    BELANJA_SHEET,
    SKALA_SHEET,
    DESA_SHEET,
    PEGAWAI_SHEET,
    RENSTRA_SHEET,
    RIWAYAT_SHEET,
    RIWAYAT_ANGGARAN_SHEET,
    RENCANA_AKSI_SHEET,
    PK_BERJENJANG_SHEET,
    GAMBAR_SHEET,
    NARASI_SHEET,
)
ALL_SHEETS: tuple[SheetSpec, ...] = (IDENTITY_SHEET, *DATA_SHEETS)

PETUNJUK_SHEET_NAME = "Petunjuk"
# Sheets the tool writes into its copies (fill: Ringkasan, Perhitungan SKM; --tandai: Temuan);
# the reader never takes one for a misnamed contract sheet.
SUMMARY_SHEET_NAME = "Ringkasan"
SKM_CALCULATION_SHEET_NAME = "Perhitungan SKM"
FINDINGS_SHEET_NAME = "Temuan"
TOOL_SHEET_NAMES = (SUMMARY_SHEET_NAME, SKM_CALCULATION_SHEET_NAME, FINDINGS_SHEET_NAME)
FREE_TABLE_PREFIX = "Tabel"
# Lines above a free table's header, in column A: "Judul: …", "Letak: Bab II", "Sumber: …".
FREE_TABLE_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("judul", "Judul"),
    ("letak", "Letak"),
    ("sumber", "Sumber"),
)
MAX_PICTURE_BYTES = 10 * 2**20  # a scanned page is ~1 MB; beyond this, ask for a smaller file
HEADER_SEARCH_ROWS = 10
ANSWER_HEADER = re.compile(r"^u(\d+)$")

# Words that mean "not available" wherever a number belongs.
NA_TOKENS = frozenset({"", "-", "n/a", "na", "—", "–", "n.a.", "n.a", "tidak ada"})


def sheet_spec(name: str) -> SheetSpec:
    for spec in ALL_SHEETS:
        if spec.name == name:
            return spec
    raise KeyError(name)


# Indonesian terms and the English words the code uses for them (rendered into the docs).
_GLOSSARY: tuple[tuple[str, str], ...] = (
    ("anggaran", "budget"),
    ("capaian", "achievement (realisasi against target, %)"),
    ("efisiensi", "efficiency (capaian % / serapan %)"),
    ("IKM (Indeks Kepuasan Masyarakat)", "public satisfaction index, 25–100"),
    ("IKU (Indikator Kinerja Utama)", "key performance indicator"),
    ("kegiatan", "activity (second budget level)"),
    ("kemajuan Renstra", "progress towards the five-year plan's end target"),
    ("LKjIP", "annual government performance report"),
    ("buku kerja", "workbook"),
    (
        "daftar kecamatan",
        "the kabupaten's list used to distribute workbooks (kabupaten/distribute.py)",
    ),
    ("draf", "draft (the Word report before it is edited and signed)"),
    ("rekap", "recap across kecamatan (kabupaten/recap.py)"),
    ("tahun lalu / tahun berikutnya", "last year / next year (kabupaten/carry_forward.py)"),
    ("temuan", "finding: a problem at a sheet and cell"),
    ("ditandai", "marked: the copy with problem cells highlighted (write/marked.py)"),
    ("mutu pelayanan", "service quality grade A–D"),
    ("NRR (nilai rata-rata)", "mean answer of one SKM element"),
    ("pagu", "budget ceiling"),
    ("perjanjian kinerja (PK)", "performance agreement between camat and bupati"),
    ("polaritas", "polarity: whether higher is better"),
    ("predikat", "rating label of a capaian"),
    ("realisasi", "actual value (performance or spending)"),
    ("Renstra", "five-year strategic plan"),
    ("sasaran strategis", "strategic objective"),
    ("serapan", "budget absorption (realisasi / pagu, %)"),
    ("sisa anggaran", "unspent budget"),
    ("SKM", "public satisfaction survey"),
    ("sub kegiatan", "sub-activity (lowest budget level)"),
    ("tren", "trend against last year"),
    ("unsur", "survey element (U1…U9)"),
    ("pegawai", "staff member (read/pegawai.py: Employee)"),
    (
        "pangkat / golongan",
        "civil-service rank / grade, e.g. Pembina Tk. I = IV/b (contract/ranks.py)",
    ),
    ("jabatan, atasan langsung", "position, direct superior's position (the org chart)"),
    ("jabatan lowong", "a position listed without a name: in the org chart, not counted as staff"),
    ("Renstra: kondisi awal, target akhir", "five-year plan: baseline, end target"),
    ("riwayat", "history: past years' figures (Riwayat, Riwayat Anggaran)"),
    ("rencana aksi, triwulan (TW)", "action plan, quarter"),
    ("PK berjenjang", "cascaded performance agreements of the camat's officials (calc/pk.py)"),
    ("pihak pertama / pihak kedua", "the official who promises / the superior who supervises"),
    (
        "penduduk, rasio jenis kelamin, kepadatan",
        "population, sex ratio (L/P×100), density per km²",
    ),
    ("tabel bebas, letak", "free table sheet ('Tabel …'), where the draft places it"),
)
GLOSSARY = tuple(sorted(_GLOSSARY, key=lambda term: term[0].lower()))
