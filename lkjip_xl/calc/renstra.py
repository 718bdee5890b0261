"""The Renstra matrix and the comparison of this year's realisation with it (seed 004 Tabel 2.5,
DOMAIN_RULES §7 (3)): each indicator's kondisi awal, this year's Renstra target and the end
target; capaian against this year's Renstra target, progress towards the end target.

Targets written as text (`22/14`) are printed as written and left out of every comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lkjip_xl.calc.indicators import Capaian, capaian
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import BudgetRow, Indicator, RenstraRow, Settings
from lkjip_xl.contract.schema import normalize


@dataclass(frozen=True)
class RenstraComparison:
    """One indicator of `Sasaran` beside its Renstra row."""

    kode_sasaran: str
    sasaran: str
    indikator: str
    satuan: str
    tingkat: str  # "sasaran" or "tujuan"
    kondisi_awal: Measure
    target_renstra: Measure | None  # this year's Renstra target; None: no column for the year
    target: Measure  # this year's target of the Perjanjian Kinerja (Sasaran)
    target_akhir: Measure
    realisasi: Measure
    capaian_renstra: Capaian  # realisasi against this year's Renstra target
    kemajuan: Capaian  # realisasi against the end target (not capped)


@dataclass(frozen=True)
class MatrixRow:
    kind: str  # "sasaran", "tujuan" or "kode"
    label: str  # Kode Sasaran, Tujuan, or the code
    uraian: str  # the program's name (code rows), else the sasaran or tujuan
    indikator: str
    satuan: str
    kondisi_awal: Measure
    targets: tuple[Measure | None, ...]  # one per year of the matrix; None: no column
    pagu: tuple[float | None, ...]
    target_akhir: Measure
    pagu_akhir: float | None
    penanggung_jawab: str


@dataclass(frozen=True)
class RenstraMatrix:
    years: tuple[int, ...]
    rows: tuple[MatrixRow, ...]
    pagu_total: tuple[float | None, ...]  # per year: code rows only, each subtree once
    pagu_akhir_total: float | None


def renstra_comparison(
    indicators: Sequence[Indicator],
    renstra: Sequence[RenstraRow],
    year: int | None,
    settings: Settings,
) -> tuple[RenstraComparison, ...]:
    """One comparison per indicator that the Renstra matrix lists, in `Sasaran` order."""
    by_sasaran = {
        (normalize(r.kode_sasaran), normalize(r.indikator)): r
        for r in renstra
        if r.kind == "sasaran"
    }
    by_tujuan = {normalize(r.indikator): r for r in renstra if r.kind == "tujuan"}
    no_cap = Settings(negative_formula=settings.negative_formula)  # progress is not capped
    out = []
    for ind in indicators:
        row = by_sasaran.get((normalize(ind.kode_sasaran), normalize(ind.indikator)))
        if row is None and ind.tingkat == "tujuan":
            row = by_tujuan.get(normalize(ind.indikator))
        if row is None:
            continue
        this_year = row.target(year) if year is not None else None
        end = ind.target_renstra if ind.target_renstra.available else row.target_akhir
        out.append(
            RenstraComparison(
                kode_sasaran=ind.kode_sasaran,
                sasaran=ind.sasaran,
                indikator=ind.indikator,
                satuan=ind.satuan or row.satuan,
                tingkat=ind.tingkat,
                kondisi_awal=row.kondisi_awal,
                target_renstra=this_year,
                target=ind.target,
                target_akhir=end,
                realisasi=ind.realisasi,
                capaian_renstra=_against(this_year, ind, settings),
                kemajuan=_against(end, ind, no_cap),
            )
        )
    return tuple(out)


def _against(target: Measure | None, ind: Indicator, settings: Settings) -> Capaian:
    if target is None or not target.available:
        reason = "target Renstra berupa teks" if target and target.text else "target tidak ada"
        return Capaian(None, reason=reason)
    return capaian(target, ind.realisasi, ind.polarity, settings)


def renstra_matrix(
    renstra: Sequence[RenstraRow], indicators: Sequence[Indicator], budget: Sequence[BudgetRow]
) -> RenstraMatrix:
    """The Matrik Renstra: every row with a target and pagu per year, and the pagu of the code
    rows summed per year (a code under another listed code is not counted again)."""
    years = tuple(sorted({y for r in renstra for y, _ in (*r.targets, *r.pagu)}))
    names = {b.kode: b.uraian for b in budget if b.kode}
    names.update((f"sasaran:{normalize(i.kode_sasaran)}", i.sasaran) for i in indicators)
    rows = tuple(
        MatrixRow(
            kind=r.kind,
            label={"sasaran": r.kode_sasaran, "tujuan": r.tujuan}.get(r.kind, r.kode),
            uraian=_uraian(r, names),
            indikator=r.indikator,
            satuan=r.satuan,
            kondisi_awal=r.kondisi_awal,
            targets=tuple(r.target(y) for y in years),
            pagu=tuple(r.pagu_of(y) for y in years),
            target_akhir=r.target_akhir,
            pagu_akhir=r.pagu_akhir,
            penanggung_jawab=r.penanggung_jawab,
        )
        for r in renstra
    )
    codes = {r.kode for r in renstra if r.kind == "kode"}
    tops = [
        r
        for r in renstra
        if r.kind == "kode" and not any(r.kode.startswith(c + ".") for c in codes if c != r.kode)
    ]
    return RenstraMatrix(
        years=years,
        rows=rows,
        pagu_total=tuple(_sum(r.pagu_of(y) for r in tops) for y in years),
        pagu_akhir_total=_sum(r.pagu_akhir for r in tops),
    )


def _uraian(row: RenstraRow, names: dict[str, str]) -> str:
    if row.kind == "kode":
        return row.uraian or names.get(row.kode, "")
    if row.kind == "sasaran":
        return names.get(f"sasaran:{normalize(row.kode_sasaran)}", "")
    return row.tujuan


def _sum(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None
