"""The budget over the years (`Riwayat Anggaran` and this year; seed 004 Tabel 3.15–3.16) and
against last year (seed 002: "serapan 82,17% … turun dari 91,91%"), for the unit and, where
codes or `Realisasi Tahun Lalu` allow, per program."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_xl.calc.budget import BudgetLine, BudgetTotals, serapan
from lkjip_xl.contract.records import BudgetHistoryRow


@dataclass(frozen=True)
class BudgetYear:
    year: int
    pagu: float | None
    realisasi: float | None
    serapan: float | None


@dataclass(frozen=True)
class ProgramHistory:
    kode: str
    uraian: str
    years: tuple[BudgetYear, ...]  # oldest first; this year last when the program still runs


@dataclass(frozen=True)
class BudgetHistory:
    unit: tuple[BudgetYear, ...]  # past years, then this year; () without a past year
    programs: tuple[ProgramHistory, ...]


@dataclass(frozen=True)
class BudgetChange:
    """One program's realisasi against last year's (Anggaran's `Realisasi Tahun Lalu`)."""

    kode: str
    uraian: str
    realisasi: float | None
    realisasi_lalu: float
    selisih: float | None
    pertumbuhan: float | None  # percent


@dataclass(frozen=True)
class BudgetVersusLastYear:
    pagu: float
    realisasi: float
    serapan: float | None
    pagu_lalu: float | None  # from Riwayat Anggaran's row of last year (None: not given)
    realisasi_lalu: float | None  # that row, else the sum of the programs' Realisasi Tahun Lalu
    serapan_lalu: float | None
    selisih_realisasi: float | None
    pertumbuhan: float | None  # realisasi growth, percent
    programs: tuple[BudgetChange, ...]


def budget_history(
    rows: Sequence[BudgetHistoryRow],
    lines: Sequence[BudgetLine],
    totals: BudgetTotals,
    year: int | None,
) -> BudgetHistory:
    past = [r for r in rows if year is None or r.tahun < year]
    unit_rows = {r.tahun: r for r in reversed(past) if not r.kode}
    unit = [_year(y, r.pagu, r.realisasi) for y, r in sorted(unit_rows.items())]
    if unit and year is not None:
        unit.append(_year(year, totals.pagu, totals.realisasi))
    programs = []
    current = {line.kode: line for line in lines if line.kode and line.level == "program"}
    codes = list(dict.fromkeys(r.kode for r in past if r.kode))
    for code in codes:
        by_year = {r.tahun: r for r in reversed(past) if r.kode == code}
        years = [_year(y, r.pagu, r.realisasi) for y, r in sorted(by_year.items())]
        line = current.get(code)
        if line is not None and year is not None:
            years.append(_year(year, line.pagu, line.realisasi))
        uraian = line.uraian if line else next((r.uraian for r in past if r.kode == code), "")
        programs.append(ProgramHistory(code, uraian, tuple(years)))
    return BudgetHistory(tuple(unit), tuple(programs))


def versus_last_year(
    rows: Sequence[BudgetHistoryRow],
    lines: Sequence[BudgetLine],
    totals: BudgetTotals,
    year: int | None,
) -> BudgetVersusLastYear:
    last = next((r for r in rows if year is not None and r.tahun == year - 1 and not r.kode), None)
    pagu_lalu = last.pagu if last else None
    realisasi_lalu = last.realisasi if last else totals.realisasi_lalu
    changes = tuple(
        BudgetChange(
            line.kode,
            line.uraian,
            line.realisasi,
            line.realisasi_lalu,
            _difference(line.realisasi, line.realisasi_lalu),
            _growth(line.realisasi, line.realisasi_lalu),
        )
        for line in lines
        if line.level == "program" and line.realisasi_lalu is not None
    )
    return BudgetVersusLastYear(
        pagu=totals.pagu,
        realisasi=totals.realisasi,
        serapan=totals.serapan,
        pagu_lalu=pagu_lalu,
        realisasi_lalu=realisasi_lalu,
        serapan_lalu=serapan(pagu_lalu, realisasi_lalu),
        selisih_realisasi=_difference(totals.realisasi, realisasi_lalu),
        pertumbuhan=_growth(totals.realisasi, realisasi_lalu),
        programs=changes,
    )


def _year(year: int, pagu: float | None, realisasi: float | None) -> BudgetYear:
    return BudgetYear(year, pagu, realisasi, serapan(pagu, realisasi))


def _difference(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else now - before


def _growth(now: float | None, before: float | None) -> float | None:
    return None if now is None or not before else (now - before) / before * 100
