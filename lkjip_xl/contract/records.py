"""The workbook's contents as typed, immutable records, after reading and before calculation.

Every record remembers the sheet row it came from, so that later checks and the
highlighted copy can point at the right cell. Records are built once by the reading layer
(the budget tree linked there too) and never changed afterwards: calculations only read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.schema import BUDGET_LEVEL, normalize


@dataclass(frozen=True)
class Settings:
    """The calculation settings of `Identitas`, as keys of their vocabularies."""

    scale: str = "permendagri86"
    skm_weight: str = "exact"
    negative_formula: str = "two_target"
    average_mode: str = "indicators"
    efficiency_rule: str = "ratio"
    cap: float | None = None
    population: int | None = None
    quarterly: str = "per_quarter"  # Rencana Aksi figures: per_quarter or cumulative


@dataclass(frozen=True)
class Identity:
    provinsi: str = ""
    kabupaten: str = ""
    kecamatan: str = ""
    tahun: int | None = None
    nama_camat: str = ""
    nip_camat: str = ""
    pangkat_camat: str = ""
    jabatan_atasan: str = ""
    nama_atasan: str = ""
    tempat: str = ""
    tanggal: dt.date | None = None
    tanggal_pk: dt.date | None = None  # None: the first working day of January (calc/pk.py)
    tahun_pk: int | None = None  # None: Tahun Laporan
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    situs: str = ""
    visi: str = ""
    misi: tuple[str, ...] = ()
    periode_renstra: str = ""
    nomor_iku: str = ""
    versi: str = ""
    motto: str = ""
    page_numbering: str = "roman_then_arabic"  # or per_chapter (I-1, II-1 …)

    @property
    def pk_year(self) -> int | None:
        """The year of the Perjanjian Kinerja bound into the report (default: Tahun Laporan)."""
        return self.tahun_pk or self.tahun


@dataclass(frozen=True)
class Indicator:
    row: int
    kode_sasaran: str
    sasaran: str
    indikator: str
    satuan: str
    target: Measure
    realisasi: Measure
    tujuan: str = ""
    tingkat: str = "sasaran"
    iku: bool = True
    polarity: str = "positive"
    formulasi: str = ""
    sumber_data: str = ""
    penanggung_jawab: str = ""
    target_lalu: Measure = field(default_factory=Measure)
    realisasi_lalu: Measure = field(default_factory=Measure)
    target_renstra: Measure = field(default_factory=Measure)
    standar_nasional: Measure = field(default_factory=Measure)
    faktor_pendukung: str = ""
    faktor_penghambat: str = ""
    solusi: str = ""


LEVELS = tuple(c.key for c in BUDGET_LEVEL.choices)  # program, kegiatan, sub_kegiatan: top first


@dataclass(frozen=True)
class BudgetRow:
    row: int
    level: str  # one of LEVELS
    uraian: str
    kode: str = ""
    pagu: float | None = None  # as given; None = to be summed from children
    realisasi: float | None = None
    kode_sasaran: str = ""  # as given; inherited from the parent when blank
    indikator: str = ""
    satuan: str = ""
    target_kinerja: Measure = field(default_factory=Measure)
    realisasi_kinerja: Measure = field(default_factory=Measure)
    polarity: str = "positive"
    pagu_sebelum: float | None = None
    realisasi_lalu: float | None = None
    sumber_dana: str = "APBD"
    penanggung_jawab: str = ""
    parent: int | None = None  # index into Workbook.budget of the row it belongs to
    children: tuple[int, ...] = ()  # indexes of the rows that belong to it

    @property
    def depth(self) -> int:
        return LEVELS.index(self.level)

    @property
    def level_label(self) -> str:
        return BUDGET_LEVEL.label_of(self.level)


@dataclass(frozen=True)
class SkmResponse:
    row: int
    answers: Mapping[str, int | None]  # "U1" → 1..4, None when left blank
    tanggal: dt.date | None = None
    jenis_layanan: str = ""
    jenis_kelamin: str = ""
    umur: int | None = None
    pendidikan: str = ""
    pekerjaan: str = ""
    saran: str = ""


@dataclass(frozen=True)
class SpendingRow:
    row: int
    kelompok: str
    jenis: str
    anggaran: float | None
    realisasi: float | None
    realisasi_lalu: float | None = None
    anggaran_sebelum: float | None = None


@dataclass(frozen=True)
class ScaleBand:
    row: int
    lower: float
    upper: float | None  # None = no upper limit
    label: str


@dataclass(frozen=True)
class Village:
    row: int
    nama: str
    status: str = "desa"
    luas: float | None = None
    penduduk_l: int | None = None
    penduduk_p: int | None = None
    jumlah_kk: int | None = None


@dataclass(frozen=True)
class CellMerge:
    """A merged block of a free table's header, in header coordinates (0-based, inclusive)."""

    first_row: int
    last_row: int
    first_col: int
    last_col: int


@dataclass(frozen=True)
class FreeTable:
    """A `Tabel …` sheet as shown: its header (one or two rows, merges kept) and its rows."""

    sheet: str
    title: str
    headers: tuple[str, ...]  # one name per column: the lowest header text of each column
    rows: tuple[tuple[str, ...], ...]
    placement: str = "lampiran"  # a PLACEMENT key: bab_i, bab_ii, bab_iii or lampiran
    source: str = ""  # the "Sumber: …" line, printed under the table
    header_rows: tuple[tuple[str, ...], ...] = ()  # the header as laid out ("" under a merge)
    merges: tuple[CellMerge, ...] = ()


@dataclass(frozen=True)
class Employee:
    """One row of `Pegawai`. A row without a name is a vacant post (in the chart, not counted)."""

    row: int
    nama: str
    jabatan: str
    nip: str = ""
    atasan: str = ""  # the superior's Jabatan; blank for the camat
    pangkat: str = ""  # as typed: "Pembina Tk. I (IV/b)", "IV/b" or "Pembina Tk. I"
    golongan: str = ""  # "IV/b", a group alone ("III") when only that is known, or ""
    pendidikan: str = ""  # an EDUCATION key, "" when not given
    jenis_kelamin: str = ""  # "l", "p" or ""
    status: str = ""  # "pns", "pppk", "non_asn"; "" when not given (PNS when a golongan is)

    @property
    def vacant(self) -> bool:
        return not self.nama


def camat_of(staff: Iterable[Employee]) -> Employee | None:
    """The camat's row of `Pegawai`: the Jabatan that starts with 'Camat', else the first row
    without an Atasan Langsung."""
    rows = [e for e in staff if e.jabatan]
    named = next((e for e in rows if normalize(e.jabatan).startswith("camat")), None)
    return named or next((e for e in rows if not e.atasan), None)


@dataclass(frozen=True)
class RenstraRow:
    """One indicator of the Renstra matrix: of a sasaran, of a tujuan, or of a budget code."""

    row: int
    kind: str  # "sasaran" (Kode Sasaran), "tujuan" (Tujuan, no code) or "kode" (a budget code)
    indikator: str
    kode_sasaran: str = ""
    tujuan: str = ""
    kode: str = ""
    uraian: str = ""
    satuan: str = ""
    kondisi_awal: Measure = field(default_factory=Measure)
    targets: tuple[tuple[int, Measure], ...] = ()  # (year, target) in column order
    pagu: tuple[tuple[int, float | None], ...] = ()  # (year, pagu)
    target_akhir: Measure = field(default_factory=Measure)
    pagu_akhir: float | None = None
    penanggung_jawab: str = ""

    def target(self, year: int) -> Measure | None:
        """The target of `year`; None when the matrix has no column for it."""
        return next((m for y, m in self.targets if y == year), None)

    def pagu_of(self, year: int) -> float | None:
        return next((p for y, p in self.pagu if y == year), None)


@dataclass(frozen=True)
class HistoryRow:
    """One indicator's target and realisasi of a past year (`Riwayat`)."""

    row: int
    tahun: int
    kode_sasaran: str
    indikator: str
    target: Measure = field(default_factory=Measure)
    realisasi: Measure = field(default_factory=Measure)


@dataclass(frozen=True)
class BudgetHistoryRow:
    """The unit's (no code) or one program's pagu and realisasi of a past year."""

    row: int
    tahun: int
    pagu: float | None
    realisasi: float | None
    kode: str = ""
    uraian: str = ""


@dataclass(frozen=True)
class ActionPlanRow:
    """One row of `Rencana Aksi`: an indicator row or an action row under it."""

    row: int
    kind: str  # "indicator" or "action"
    kode_sasaran: str = ""
    indikator: str = ""
    kode: str = ""
    rencana_aksi: str = ""
    satuan: str = ""
    target: Measure = field(default_factory=Measure)  # the annual target (action rows)
    targets: tuple[Measure, ...] = ()  # TW I … TW IV
    realisasi: tuple[Measure, ...] = ()
    cumulative: bool | None = None  # the row's Kumulatif column; None = the Identitas setting
    penanggung_jawab: str = ""
    pagu: float | None = None


@dataclass(frozen=True)
class CascadeRow:
    """One indicator of one pejabat's Perjanjian Kinerja (`PK Berjenjang`)."""

    row: int
    jabatan: str
    indikator: str
    target: Measure  # text that is no number is kept in .text and printed as written
    sasaran: str = ""  # blank: the camat's sasaran of the indicator
    satuan: str = ""
    kode_sasaran: str = ""
    kodes: tuple[str, ...] = ()
    pagu: float | None = None  # this pejabat's share of the code's pagu


@dataclass(frozen=True)
class Picture:
    """A PNG or JPEG placed on a `Gambar` row (in the cell, or anchored over it)."""

    row: int
    cell: str  # A1 reference of the picture's cell
    bagian: str  # as typed: the caption of a lampiran figure
    part: str  # "logo", "peta_wilayah", "struktur_organisasi", or "" for a lampiran figure
    format: str  # "png" or "jpeg"
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class TypedFigure:
    """A figure typed on a summary row (`Rata-rata capaian` under the indicators) that can be
    checked only once the figures are computed; the row itself is never read as data."""

    sheet: str
    cell: str
    row: int
    label: str
    column: str  # the header as the staff wrote it
    value: float


@dataclass(frozen=True)
class Workbook:
    """Everything the report needs, as read from one workbook."""

    path: str
    identity: Identity
    settings: Settings
    indicators: tuple[Indicator, ...]
    budget: tuple[BudgetRow, ...]  # linked: each row's parent and children are set
    skm: tuple[SkmResponse, ...] | None  # None: no SKM sheet
    skm_elements: tuple[tuple[str, str], ...]  # (code, name) in column order
    spending: tuple[SpendingRow, ...]
    scale: tuple[ScaleBand, ...] | None  # None: the default Permendagri 86/2017 scale
    villages: tuple[Village, ...]
    narrative: Mapping[str, str]
    free_tables: tuple[FreeTable, ...]
    # Where each sheet's columns were found, for writing derived values back: sheet → key → column.
    layout: Mapping[str, SheetLayout] = field(default_factory=dict)
    typed_averages: tuple[TypedFigure, ...] = ()  # typed average rows of Sasaran, to check
    # Version 2 sheets; empty when a sheet is absent (every one is optional).
    staff: tuple[Employee, ...] = ()
    renstra: tuple[RenstraRow, ...] = ()
    history: tuple[HistoryRow, ...] = ()
    budget_history: tuple[BudgetHistoryRow, ...] = ()
    action_plan: tuple[ActionPlanRow, ...] = ()
    cascade: tuple[CascadeRow, ...] = ()
    pictures: tuple[Picture, ...] = ()


@dataclass(frozen=True)
class SheetLayout:
    title: str  # the sheet's name as spelled in the file
    header_row: int
    columns: Mapping[str, int]  # key → 1-based column
    first_row: int
    last_row: int  # last data row (== header_row when empty)
