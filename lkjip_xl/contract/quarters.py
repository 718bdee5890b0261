"""How four quarterly figures relate to an annual one (DOMAIN_RULES §10).

Per triwulan: the four add up to the annual figure. Kumulatif: each quarter is already the
running total (or the level reached, for an index), so TW IV is the annual figure. Both the
reader (a plan that fits neither is a warning) and the calculations use these rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_xl.contract.measure import Measure

PER_QUARTER = "per_quarter"
CUMULATIVE = "cumulative"
_TOLERANCE = 1e-6


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(1.0, abs(a), abs(b))


def fits_per_quarter(quarters: Sequence[Measure], annual: Measure) -> bool:
    numbers = [q.number for q in quarters if q.number is not None]
    if annual.number is None or not numbers:
        return False
    return _close(sum(numbers), annual.number)


def fits_cumulative(quarters: Sequence[Measure], annual: Measure) -> bool:
    last = next((q for q in reversed(quarters) if q.available), None)
    if last is None or len(quarters) < 4 or not quarters[3].available:
        return False
    if annual.letter is not None and annual.number is None:
        return last.letter == annual.letter
    return (
        last.number is not None and annual.number is not None and _close(last.number, annual.number)
    )


def plan_mode(
    quarters: Sequence[Measure], annual: Measure, explicit: bool | None, setting: str
) -> str:
    """Per triwulan or kumulatif: the row's own Kumulatif column, else what the figures fit,
    else the Identitas setting. A SAKIP letter is always a level (kumulatif)."""
    if explicit is not None:
        return CUMULATIVE if explicit else PER_QUARTER
    if annual.letter is not None or any(q.letter for q in quarters):
        return CUMULATIVE
    per_quarter, cumulative = fits_per_quarter(quarters, annual), fits_cumulative(quarters, annual)
    if per_quarter != cumulative:
        return PER_QUARTER if per_quarter else CUMULATIVE
    return setting


def plan_fits(quarters: Sequence[Measure], annual: Measure) -> bool | None:
    """Whether a plan fits either reading; None when it cannot be judged (no annual target, or
    no quarterly figure)."""
    if not annual.available or not any(q.available for q in quarters):
        return None
    return fits_per_quarter(quarters, annual) or fits_cumulative(quarters, annual)
