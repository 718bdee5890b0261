"""The Rencana Aksi by quarter (DOMAIN_RULES §10): for each row, the figures to each quarter and
the capaian to date, read per triwulan (the quarters add up) or kumulatif (each quarter is the
running total, or the level reached for an index)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_xl.calc.indicators import Capaian, capaian
from lkjip_xl.contract.measure import NOT_AVAILABLE, Measure
from lkjip_xl.contract.quarters import PER_QUARTER, plan_mode
from lkjip_xl.contract.records import ActionPlanRow, Indicator, Settings
from lkjip_xl.contract.schema import normalize


@dataclass(frozen=True)
class QuarterFigures:
    quarter: int  # 1 … 4
    target: Measure  # the quarter's own figure, as given
    realisasi: Measure
    target_to_date: Measure  # to the end of this quarter (a sum, or the level when kumulatif)
    realisasi_to_date: Measure
    capaian_to_date: Capaian


@dataclass(frozen=True)
class ActionPlanLine:
    source: ActionPlanRow
    annual: Measure  # the annual target: the row's, else its indicator's in Sasaran
    polarity: str
    mode: str  # "per_quarter" or "cumulative"
    quarters: tuple[QuarterFigures, ...]


def action_plan(
    rows: Sequence[ActionPlanRow], indicators: Sequence[Indicator], settings: Settings
) -> tuple[ActionPlanLine, ...]:
    by_key = {(normalize(i.kode_sasaran), normalize(i.indikator)): i for i in indicators}
    out = []
    for row in rows:
        ind = by_key.get((normalize(row.kode_sasaran), normalize(row.indikator)))
        annual = row.target if row.target.available or ind is None else ind.target
        polarity = ind.polarity if ind is not None and row.kind == "indicator" else "positive"
        mode = plan_mode(row.targets, annual, row.cumulative, settings.quarterly)
        out.append(
            ActionPlanLine(row, annual, polarity, mode, _quarters(row, mode, polarity, settings))
        )
    return tuple(out)


def _quarters(
    row: ActionPlanRow, mode: str, polarity: str, settings: Settings
) -> tuple[QuarterFigures, ...]:
    out = []
    for q in range(1, 5):
        target = row.targets[q - 1] if len(row.targets) >= q else NOT_AVAILABLE
        real = row.realisasi[q - 1] if len(row.realisasi) >= q else NOT_AVAILABLE
        if mode == PER_QUARTER:
            # a quarter not yet reported has no running total (not the total of those before)
            t_to_date = _sum(row.targets[:q]) if target.available else NOT_AVAILABLE
            r_to_date = _sum(row.realisasi[:q]) if real.available else NOT_AVAILABLE
        else:
            t_to_date, r_to_date = target, real
        out.append(
            QuarterFigures(
                q,
                target,
                real,
                t_to_date,
                r_to_date,
                capaian(t_to_date, r_to_date, polarity, settings),
            )
        )
    return tuple(out)


def _sum(measures: Sequence[Measure]) -> Measure:
    """The sum of the quarters given so far; not available until one is."""
    numbers = [m.number for m in measures if m.number is not None]
    return Measure(number=sum(numbers)) if numbers else NOT_AVAILABLE


def progress(line: ActionPlanLine, quarter: int, settings: Settings) -> Capaian:
    """How far an action row has come to the end of `quarter`, against its annual target: the
    running total (per triwulan) or the level reached (kumulatif) over the year's target."""
    figures = line.quarters[quarter - 1]
    return capaian(line.annual, figures.realisasi_to_date, line.polarity, settings)


def quarter_name(quarter: int) -> str:
    """1 → 'I' … 4 → 'IV'."""
    return ("I", "II", "III", "IV")[quarter - 1]
