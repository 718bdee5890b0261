"""Every derived figure of the LKjIP, computed once from unrounded inputs. No I/O here.

`compute(workbook)` returns a `Results`; `results_to_dict` gives its JSON form.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.calc.action_plan import ActionPlanLine, action_plan
from lkjip_xl.calc.budget import (
    BudgetLine,
    BudgetTotals,
    SpendingLine,
    compute_budget,
    compute_spending,
    serapan,
    serapan_by_sasaran,
)
from lkjip_xl.calc.budget_history import (
    BudgetHistory,
    BudgetVersusLastYear,
    budget_history,
    versus_last_year,
)
from lkjip_xl.calc.history import IndicatorHistory, indicator_history
from lkjip_xl.calc.indicators import (
    NOT_MEASURABLE,
    Capaian,
    capaian,
    mean,
    predikat,
    rating_bands,
    renstra_progress,
    trend,
    versus_standard,
)
from lkjip_xl.calc.pk import PerformanceAgreement, agreements
from lkjip_xl.calc.population import Population, population
from lkjip_xl.calc.renstra import (
    RenstraComparison,
    RenstraMatrix,
    renstra_comparison,
    renstra_matrix,
)
from lkjip_xl.calc.skm import SkmResult, compute_skm
from lkjip_xl.calc.staff import StaffTables, staff_tables
from lkjip_xl.contract.records import Indicator, Workbook

__all__ = [
    "NOT_MEASURABLE",
    "Capaian",
    "IndicatorResult",
    "Results",
    "SasaranResult",
    "compute",
]


@dataclass(frozen=True)
class IndicatorResult:
    source: Indicator
    capaian: Capaian
    predikat: str
    capaian_lalu: Capaian
    tren: str
    kemajuan_renstra: Capaian
    versus_standar: str


@dataclass(frozen=True)
class SasaranResult:
    code: str
    sasaran: str
    tujuan: str
    indicators: list[IndicatorResult]
    capaian: float | None  # mean over its available indicators
    predikat: str
    capaian_lalu: float | None
    pagu: float | None
    realisasi: float | None
    serapan: float | None
    efisiensi: float | None  # capaian % / serapan %
    efisien: str  # "Efisien", "Tidak Efisien" or ""
    programs: list[int]  # indexes into Results.budget of the linked programs/kegiatan


@dataclass(frozen=True)
class Results:
    indicators: list[IndicatorResult]
    sasaran: list[SasaranResult]  # sasaran-level IKU, in workbook order
    tujuan: list[IndicatorResult]  # tujuan-level indicators
    additional: list[IndicatorResult]  # IKU = Tidak
    capaian_iku: float | None
    predikat_iku: str
    capaian_additional: float | None
    skm: SkmResult | None
    budget: list[BudgetLine]
    budget_totals: BudgetTotals
    spending: list[SpendingLine]
    bands: tuple[tuple[float, str], ...]
    # Version 2 figures: empty (or for an empty sheet, empty tables) when the sheet is absent.
    staff: StaffTables | None = None  # None: no Pegawai rows
    population: Population | None = None  # None: no Desa rows
    renstra: tuple[RenstraComparison, ...] = ()
    renstra_matrix: RenstraMatrix | None = None  # None: no Renstra rows
    history: tuple[IndicatorHistory, ...] = ()
    budget_history: BudgetHistory | None = None
    budget_vs_last_year: BudgetVersusLastYear | None = None
    agreements: tuple[PerformanceAgreement, ...] = ()  # the camat's first
    action_plan: tuple[ActionPlanLine, ...] = ()


def compute(wb: Workbook) -> Results:
    settings = wb.settings
    bands = rating_bands(wb.scale)
    results = []
    for ind in wb.indicators:
        c = capaian(ind.target, ind.realisasi, ind.polarity, settings)
        c_last = capaian(ind.target_lalu, ind.realisasi_lalu, ind.polarity, settings)
        results.append(
            IndicatorResult(
                ind,
                c,
                predikat(c.value, bands),
                c_last,
                trend(c, c_last, ind),
                renstra_progress(ind, settings),
                versus_standard(ind),
            )
        )

    budget, totals = compute_budget(wb.budget, settings)
    by_sasaran = serapan_by_sasaran(budget)

    sasaran_level = [r for r in results if r.source.iku and r.source.tingkat == "sasaran"]
    groups: dict[str, list[IndicatorResult]] = {}
    for r in sasaran_level:
        groups.setdefault(r.source.kode_sasaran, []).append(r)
    sasaran = []
    for code, members in groups.items():
        avg = mean(m.capaian.value for m in members)
        avg_last = mean(m.capaian_lalu.value for m in members)
        pagu, real, idx = by_sasaran.get(code, (None, None, []))
        ser = serapan(pagu, real)
        ratio = None if avg is None or not ser else avg / ser
        sasaran.append(
            SasaranResult(
                code,
                members[0].source.sasaran,
                members[0].source.tujuan,
                members,
                avg,
                predikat(avg, bands),
                avg_last,
                pagu,
                real,
                ser,
                ratio,
                _efficient(avg, ser, ratio, settings.efficiency_rule),
                idx,
            )
        )

    if settings.average_mode == "targets":
        overall = mean(s.capaian for s in sasaran)
    else:
        overall = mean(r.capaian.value for r in sasaran_level)
    additional = [r for r in results if not r.source.iku]
    skm = None
    if wb.skm:
        skm = compute_skm(wb.skm, wb.skm_elements, settings.skm_weight, settings.population)
    return Results(
        indicators=results,
        sasaran=sasaran,
        tujuan=[r for r in results if r.source.iku and r.source.tingkat == "tujuan"],
        additional=additional,
        capaian_iku=overall,
        predikat_iku=predikat(overall, bands),
        capaian_additional=mean(r.capaian.value for r in additional),
        skm=skm,
        budget=budget,
        budget_totals=totals,
        spending=compute_spending(wb.spending),
        bands=bands,
        staff=staff_tables(wb.staff) if wb.staff else None,
        population=population(wb.villages) if wb.villages else None,
        renstra=renstra_comparison(wb.indicators, wb.renstra, wb.identity.tahun, settings),
        renstra_matrix=renstra_matrix(wb.renstra, wb.indicators, wb.budget) if wb.renstra else None,
        history=indicator_history(wb.indicators, wb.history, wb.identity.tahun, settings),
        budget_history=budget_history(wb.budget_history, budget, totals, wb.identity.tahun),
        budget_vs_last_year=versus_last_year(wb.budget_history, budget, totals, wb.identity.tahun),
        agreements=agreements(wb.identity, wb.indicators, budget, wb.renstra, wb.staff, wb.cascade),
        action_plan=action_plan(wb.action_plan, wb.indicators, settings),
    )


def _efficient(
    capaian_pct: float | None, serapan_pct: float | None, ratio: float | None, rule: str
) -> str:
    if capaian_pct is None or serapan_pct is None:
        return ""
    if rule == "threshold":
        return "Efisien" if capaian_pct >= 100 and serapan_pct < capaian_pct else "Tidak Efisien"
    return "Efisien" if ratio is not None and ratio >= 1 else "Tidak Efisien"
