"""Capaian, predikat, averages, last-year trend and Renstra progress (DOMAIN_RULES §1, §2, §7)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lkjip_xl.base.formatting import round_half_up
from lkjip_xl.contract.measure import Measure, letter_rank
from lkjip_xl.contract.records import Indicator, ScaleBand, Settings

NOT_MEASURABLE = "tidak dapat diukur"

# Permendagri 86/2017: (lower bound inclusive, label); a value above 100 falls in the top band.
PERMENDAGRI_86: tuple[tuple[float, str], ...] = (
    (91, "Sangat Tinggi"),
    (76, "Tinggi"),
    (66, "Sedang"),
    (51, "Rendah"),
    (float("-inf"), "Sangat Rendah"),
)


@dataclass(frozen=True)
class Capaian:
    """One capaian in percent. value is None when it cannot be measured; reason says why."""

    value: float | None
    uncapped: float | None = None
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.value is not None


def capaian(target: Measure, realisasi: Measure, polarity: str, settings: Settings) -> Capaian:
    """The capaian of one indicator, from unrounded inputs, by the workbook's settings."""
    if not target.available or not realisasi.available:
        missing = "target" if not target.available else "realisasi"
        return Capaian(None, reason=f"{missing} tidak tersedia")
    if target.number is None and target.letter is not None:  # a letter-only target ("BB")
        if realisasi.letter is None:
            return Capaian(None, reason="target berupa huruf, realisasi bukan huruf")
        wanted, reached = letter_rank(target.letter), letter_rank(realisasi.letter)
        return _capped(100.0 if reached >= wanted else reached / wanted * 100, settings)
    if target.number is None or realisasi.number is None:
        return Capaian(None, reason="realisasi bukan angka")
    t, r = target.number, realisasi.number
    if polarity == "negative":
        if t == 0:
            # "Jumlah temuan: 0": meeting a zero target is full achievement, anything above is none
            return _capped(100.0 if r <= 0 else 0.0, settings)
        if settings.negative_formula == "ratio":
            if r == 0:
                return Capaian(
                    None, reason="realisasi 0 tidak dapat dibagi (rumus Target/Realisasi)"
                )
            value = t / r * 100
        else:
            value = (2 * t - r) / t * 100
        return _capped(max(value, 0.0), settings)
    if t == 0:
        return Capaian(None, reason="target 0")
    return _capped(r / t * 100, settings)


def _capped(value: float, settings: Settings) -> Capaian:
    if settings.cap is not None and value > settings.cap:
        return Capaian(settings.cap, uncapped=value)
    return Capaian(value, uncapped=value)


def rating_bands(scale: Sequence[ScaleBand] | None) -> tuple[tuple[float, str], ...]:
    """The bands to rate with, highest first: the custom Skala sheet or Permendagri 86/2017."""
    if not scale:
        return PERMENDAGRI_86
    bands = sorted(((b.lower, b.label) for b in scale), reverse=True)
    # the lowest band also takes anything below its bound (a capaian is never negative anyway)
    return (*bands[:-1], (float("-inf"), bands[-1][1]))


def predikat(value: float | None, bands: tuple[tuple[float, str], ...] = PERMENDAGRI_86) -> str:
    """Rate a capaian as shown (rounded half up to 2 decimals), so the label matches the figure."""
    if value is None:
        return NOT_MEASURABLE
    shown = float(round_half_up(value, 2))
    for lower, label in bands:
        if shown >= lower:
            return label
    return bands[-1][1]


def mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def trend(current: Capaian, previous: Capaian, indicator: Indicator) -> str:
    """Meningkat / Menurun / Tetap: on capaian, else on realisasi respecting polarity."""
    if current.value is not None and previous.value is not None:
        a, b = float(round_half_up(current.value, 2)), float(round_half_up(previous.value, 2))
    elif indicator.realisasi.number is not None and indicator.realisasi_lalu.number is not None:
        a, b = indicator.realisasi.number, indicator.realisasi_lalu.number
        if indicator.polarity == "negative":
            a, b = -a, -b
    else:
        return ""
    if a > b:
        return "Meningkat"
    if a < b:
        return "Menurun"
    return "Tetap"


def renstra_progress(indicator: Indicator, settings: Settings) -> Capaian:
    """How far this year's realisasi has come towards the Renstra end target."""
    if not indicator.target_renstra.available:
        return Capaian(None, reason="target akhir Renstra tidak tersedia")
    no_cap = Settings(negative_formula=settings.negative_formula)  # progress is not capped
    return capaian(indicator.target_renstra, indicator.realisasi, indicator.polarity, no_cap)


def versus_standard(indicator: Indicator) -> str:
    """'di atas', 'di bawah' or 'sama dengan' the national standard, respecting polarity."""
    std, real = indicator.standar_nasional.number, indicator.realisasi.number
    if std is None or real is None:
        return ""
    if real == std:
        return "sama dengan"
    better = real < std if indicator.polarity == "negative" else real > std
    return "lebih baik dari" if better else "belum mencapai"
