"""Several years of each indicator (DOMAIN_RULES §7 (2); seed 004 Tabel 3.7): the past years of
`Riwayat`, last year from `Sasaran`'s Target/Realisasi Tahun Lalu when Riwayat lacks it, and
this year, each with its capaian."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_xl.calc.indicators import Capaian, capaian
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import HistoryRow, Indicator, Settings
from lkjip_xl.contract.schema import normalize


@dataclass(frozen=True)
class HistoryPoint:
    year: int
    target: Measure
    realisasi: Measure
    capaian: Capaian
    source: str  # "riwayat", "tahun_lalu" (Sasaran) or "tahun_ini"


@dataclass(frozen=True)
class IndicatorHistory:
    kode_sasaran: str
    sasaran: str
    indikator: str
    satuan: str
    polarity: str
    tingkat: str
    iku: bool
    points: tuple[HistoryPoint, ...]  # oldest first; this year last


def indicator_history(
    indicators: Sequence[Indicator],
    history: Sequence[HistoryRow],
    year: int | None,
    settings: Settings,
) -> tuple[IndicatorHistory, ...]:
    """Each indicator with at least one past year, in `Sasaran` order."""
    if year is None:
        return ()
    past: dict[tuple[str, str], dict[int, HistoryRow]] = {}
    for row in history:
        if row.tahun < year:
            key = (normalize(row.kode_sasaran), normalize(row.indikator))
            past.setdefault(key, {}).setdefault(row.tahun, row)
    out = []
    for ind in indicators:
        rows = past.get((normalize(ind.kode_sasaran), normalize(ind.indikator)), {})
        points = {
            y: _point(y, r.target, r.realisasi, "riwayat", ind, settings) for y, r in rows.items()
        }
        if ind.target_lalu.available or ind.realisasi_lalu.available:
            # Sasaran's own last year wins over a differing Riwayat row (checks_v2 warns)
            points[year - 1] = _point(
                year - 1, ind.target_lalu, ind.realisasi_lalu, "tahun_lalu", ind, settings
            )
        if not points:
            continue
        points[year] = _point(year, ind.target, ind.realisasi, "tahun_ini", ind, settings)
        out.append(
            IndicatorHistory(
                kode_sasaran=ind.kode_sasaran,
                sasaran=ind.sasaran,
                indikator=ind.indikator,
                satuan=ind.satuan,
                polarity=ind.polarity,
                tingkat=ind.tingkat,
                iku=ind.iku,
                points=tuple(points[y] for y in sorted(points)),
            )
        )
    return tuple(out)


def _point(
    year: int,
    target: Measure,
    realisasi: Measure,
    source: str,
    ind: Indicator,
    settings: Settings,
) -> HistoryPoint:
    return HistoryPoint(
        year, target, realisasi, capaian(target, realisasi, ind.polarity, settings), source
    )
