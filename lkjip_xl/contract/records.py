"""The workbook's contents as typed, immutable records, after reading and before calculation.

Every record remembers the sheet row it came from, so that later checks and the
highlighted copy can point at the right cell. Records are built once by the reading layer
(the budget tree linked there too) and never changed afterwards: calculations only read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.schema import BUDGET_LEVEL


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
    tanggal_pk: dt.date | None = None
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    situs: str = ""
    visi: str = ""
    misi: tuple[str, ...] = ()
    periode_renstra: str = ""
    nomor_iku: str = ""
    versi: str = ""


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


@dataclass(frozen=True)
class FreeTable:
    sheet: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


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


@dataclass(frozen=True)
class SheetLayout:
    title: str  # the sheet's name as spelled in the file
    header_row: int
    columns: Mapping[str, int]  # key → 1-based column
    first_row: int
    last_row: int  # last data row (== header_row when empty)
