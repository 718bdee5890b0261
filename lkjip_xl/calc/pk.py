"""The Perjanjian Kinerja documents, resolved (DOMAIN_RULES §11): the camat's, and one for each
pejabat of `PK Berjenjang`, each with both signatories, its targets and its programs with pagu.

The camat's PK lists every sasaran-level indicator of `Sasaran` (IKU and additional) and every
program of `Anggaran`; it is signed by the camat (Pihak Pertama) and the `Jabatan Atasan`
(Pihak Kedua). A pejabat's PK lists that pejabat's rows; it is signed by the pejabat and the
holder of the pejabat's `Atasan Langsung` (the camat when that is the camat's jabatan).
When `Tahun Perjanjian Kinerja` is not `Tahun Laporan`, targets and pagu come from Renstra's
columns of that year where they are given, else from this year's figures (`from_this_year`).
The date is `Tanggal Perjanjian Kinerja`, by default the first working day of January.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.calc.budget import BudgetLine
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.ranks import GOLONGAN_ORDER, pangkat_label
from lkjip_xl.contract.records import (
    CascadeRow,
    Employee,
    Identity,
    Indicator,
    RenstraRow,
    SheetLayout,
    camat_of,
)
from lkjip_xl.contract.schema import ANGGARAN_SHEET, SASARAN_SHEET, normalize


@dataclass(frozen=True)
class Signatory:
    nama: str
    jabatan: str
    pangkat: str = ""
    nip: str = ""


@dataclass(frozen=True)
class AgreementTarget:
    sasaran: str
    indikator: str
    satuan: str
    target: Measure  # a number, a SAKIP value, or text kept in .text ("23/14")
    kode_sasaran: str = ""
    iku: bool = True
    from_this_year: bool = False  # a next-year PK whose Renstra gives no target for that year


@dataclass(frozen=True)
class AgreementProgram:
    kode: str
    uraian: str
    level: str  # "program", "kegiatan" or "sub_kegiatan"
    pagu: float | None
    sumber_dana: str = "APBD"
    share: bool = False  # the pejabat's share of the code's pagu, not the whole
    from_this_year: bool = False
    row: int = 0  # the Anggaran row it comes from (0: none, a Renstra code)


@dataclass(frozen=True)
class PerformanceAgreement:
    year: int | None
    date: dt.date | None
    place: str
    pihak_pertama: Signatory
    pihak_kedua: Signatory
    targets: tuple[AgreementTarget, ...]
    programs: tuple[AgreementProgram, ...]
    jumlah: float | None  # the sum of the programs' pagu
    is_camat: bool


def first_working_day_of_january(year: int) -> dt.date:
    """2 January (1 January is Tahun Baru), or the Monday after when it falls on a weekend."""
    day = dt.date(year, 1, 2)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def agreements(
    identity: Identity,
    indicators: Sequence[Indicator],
    budget: Sequence[BudgetLine],
    renstra: Sequence[RenstraRow],
    staff: Sequence[Employee],
    cascade: Sequence[CascadeRow],
) -> tuple[PerformanceAgreement, ...]:
    """The camat's PK first, then each pejabat's in the order `PK Berjenjang` names them."""
    plan = _Plan(identity, renstra)
    camat = _camat(identity, staff)
    date = identity.tanggal_pk or (
        first_working_day_of_january(plan.pk_year) if plan.pk_year else None
    )
    camat_programs = tuple(plan.program(b) for b in budget if b.level == "program")
    out = [
        PerformanceAgreement(
            year=plan.pk_year,
            date=date,
            place=identity.tempat,
            pihak_pertama=camat,
            pihak_kedua=Signatory(identity.nama_atasan, identity.jabatan_atasan),
            targets=tuple(
                plan.target(i.sasaran, i.indikator, i.satuan, i.target, i.kode_sasaran, i.iku)
                for i in indicators
                if i.tingkat == "sasaran"
            ),
            programs=camat_programs,
            jumlah=_total(camat_programs),
            is_camat=True,
        )
    ]
    holders = {normalize(e.jabatan): e for e in reversed(staff) if e.jabatan and e.nama}
    camat_row = camat_of(staff)
    camat_jabatan = normalize(camat_row.jabatan) if camat_row else ""
    by_code = {b.kode: b for b in budget if b.kode}
    sasaran_of = {(normalize(i.kode_sasaran), normalize(i.indikator)): i for i in indicators}
    for jabatan, rows in _by_pejabat(cascade).items():
        pejabat, atasan = _signatories(
            jabatan, rows[0].jabatan, holders, camat, camat_jabatan, identity
        )
        programs = plan.cascade_programs(rows, by_code)
        out.append(
            PerformanceAgreement(
                year=plan.pk_year,
                date=date,
                place=identity.tempat,
                pihak_pertama=pejabat,
                pihak_kedua=atasan,
                targets=tuple(_cascade_target(r, sasaran_of) for r in rows),
                programs=programs,
                jumlah=_total(programs),
                is_camat=False,
            )
        )
    return tuple(out)


class _Plan:
    """Where a PK's figures come from: this year's, or Renstra's columns of the PK year."""

    def __init__(self, identity: Identity, renstra: Sequence[RenstraRow]) -> None:
        self.pk_year = identity.pk_year
        self.next_year = (
            identity.tahun is not None
            and self.pk_year is not None
            and self.pk_year != identity.tahun
        )
        self.targets = {
            (normalize(r.kode_sasaran), normalize(r.indikator)): r
            for r in renstra
            if r.kind == "sasaran"
        }
        self.codes = {r.kode: r for r in renstra if r.kind == "kode"}

    def target(
        self,
        sasaran: str,
        indikator: str,
        satuan: str,
        this_year: Measure,
        kode_sasaran: str,
        iku: bool,
    ) -> AgreementTarget:
        target, fallback = this_year, False
        if self.next_year and self.pk_year is not None:
            row = self.targets.get((normalize(kode_sasaran), normalize(indikator)))
            planned = row.target(self.pk_year) if row else None
            if planned is not None and (planned.available or planned.text):
                target = planned
            else:
                fallback = True
        return AgreementTarget(sasaran, indikator, satuan, target, kode_sasaran, iku, fallback)

    def pagu(self, kode: str, this_year: float | None) -> tuple[float | None, bool]:
        if not self.next_year or self.pk_year is None:
            return this_year, False
        row = self.codes.get(kode)
        planned = row.pagu_of(self.pk_year) if row else None
        return (planned, False) if planned is not None else (this_year, True)

    def program(self, line: BudgetLine) -> AgreementProgram:
        pagu, fallback = self.pagu(line.kode, line.pagu)
        return AgreementProgram(
            line.kode, line.uraian, line.level, pagu, line.sumber_dana, False, fallback, line.row
        )

    def cascade_programs(
        self, rows: Sequence[CascadeRow], by_code: dict[str, BudgetLine]
    ) -> tuple[AgreementProgram, ...]:
        """Each code once, in the order the pejabat's rows name them; a share where one is given."""
        shares = {r.kodes[0]: r.pagu for r in rows if r.pagu is not None and len(r.kodes) == 1}
        out = []
        for code in dict.fromkeys(c for r in rows for c in r.kodes):
            line = by_code.get(code)
            renstra_row = self.codes.get(code)
            if line is not None:
                uraian, level, sumber = line.uraian, line.level, line.sumber_dana
                full, fallback = self.pagu(code, line.pagu)
            else:
                uraian = renstra_row.uraian if renstra_row else ""
                level, sumber = _level_of(code), "APBD"
                year = self.pk_year
                full = renstra_row.pagu_of(year) if renstra_row and year else None
                fallback = False
            share = shares.get(code)
            out.append(
                AgreementProgram(
                    code,
                    uraian,
                    level,
                    share if share is not None else full,
                    sumber,
                    share is not None,
                    fallback and share is None,
                )
            )
        return tuple(out)


def _by_pejabat(cascade: Sequence[CascadeRow]) -> dict[str, list[CascadeRow]]:
    out: dict[str, list[CascadeRow]] = {}
    for row in cascade:
        out.setdefault(normalize(row.jabatan), []).append(row)
    return out


def _signatories(
    jabatan: str,
    typed: str,
    holders: dict[str, Employee],
    camat: Signatory,
    camat_jabatan: str,
    identity: Identity,
) -> tuple[Signatory, Signatory]:
    """Pihak pertama (the pejabat) and pihak kedua (the holder of the pejabat's superior post;
    the camat as Identitas names them; the camat's own superior for the camat's rows)."""
    if jabatan and jabatan == camat_jabatan:
        return camat, Signatory(identity.nama_atasan, identity.jabatan_atasan)
    holder = holders.get(jabatan)
    if holder is None:
        return Signatory("", typed), Signatory("", "")
    superior = normalize(holder.atasan)
    if superior and superior == camat_jabatan:
        return _signatory(holder), camat
    if superior in holders:
        return _signatory(holder), _signatory(holders[superior])
    return _signatory(holder), Signatory("", holder.atasan)


def _cascade_target(
    row: CascadeRow, sasaran_of: dict[tuple[str, str], Indicator]
) -> AgreementTarget:
    camat = sasaran_of.get((normalize(row.kode_sasaran), normalize(row.indikator)))
    return AgreementTarget(
        sasaran=row.sasaran or (camat.sasaran if camat else ""),
        indikator=row.indikator,
        satuan=row.satuan or (camat.satuan if camat else ""),
        target=row.target,
        kode_sasaran=row.kode_sasaran,
        iku=camat.iku if camat else True,
    )


def _camat(identity: Identity, staff: Sequence[Employee]) -> Signatory:
    """The camat as Identitas names them; the pangkat from `Pegawai` when Identitas has none."""
    row = camat_of(staff)
    pangkat = identity.pangkat_camat or (_pangkat(row) if row else "")
    jabatan = f"Camat {identity.kecamatan}".strip()
    return Signatory(identity.nama_camat, jabatan, pangkat, identity.nip_camat)


def _signatory(e: Employee) -> Signatory:
    return Signatory(e.nama, e.jabatan, _pangkat(e), e.nip)


def _pangkat(e: Employee) -> str:
    """As typed, or 'Penata (III/c)' when only the golongan was typed."""
    if e.golongan in GOLONGAN_ORDER and e.pangkat.replace(" ", "").upper() in (
        e.golongan.upper(),
        e.golongan.replace("/", ".").upper(),
    ):
        return pangkat_label(e.golongan)
    return e.pangkat


def _level_of(code: str) -> str:
    return {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}.get(code.count(".") + 1, "program")


def _total(programs: Sequence[AgreementProgram]) -> float | None:
    known = [p.pagu for p in programs if p.pagu is not None]
    return sum(known) if known else None


def fallback_findings(
    agreements: Sequence[PerformanceAgreement],
    indicators: Sequence[Indicator],
    wb_layout: Mapping[str, SheetLayout],
) -> list[Finding]:
    """A warning at the cell whose this-year figure stands in a next-year PK (Renstra gives none
    for that year): the camat's targets (Sasaran Target) and programs' pagu (Anggaran Pagu)."""
    if not agreements or not agreements[0].is_camat:
        return []
    camat = agreements[0]
    out = []
    rows = {(normalize(i.kode_sasaran), normalize(i.indikator)): i.row for i in indicators}
    target_col = _column(wb_layout, SASARAN_SHEET.name, "target")
    for t in camat.targets:
        row = rows.get((normalize(t.kode_sasaran), normalize(t.indikator)))
        if t.from_this_year and row and target_col:
            out.append(
                finding(
                    "pk-from-this-year",
                    SASARAN_SHEET.name,
                    a1(row, target_col),
                    year=camat.year,
                    what="Target",
                    name=t.indikator,
                    value=t.target.text or fmt_number(t.target.number, None),
                )
            )
    pagu_col = _column(wb_layout, ANGGARAN_SHEET.name, "pagu")
    for p in camat.programs:
        if p.from_this_year and p.row and pagu_col:
            out.append(
                finding(
                    "pk-from-this-year",
                    ANGGARAN_SHEET.name,
                    a1(p.row, pagu_col),
                    year=camat.year,
                    what="Pagu",
                    name=p.uraian or p.kode,
                    value=fmt_number(p.pagu, 0),
                )
            )
    return out


def _column(layout: Mapping[str, SheetLayout], sheet: str, key: str) -> int | None:
    found = layout.get(sheet)
    return found.columns.get(key) if found is not None else None
