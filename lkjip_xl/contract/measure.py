"""A target or realisation as the contract defines it: a number, a SAKIP letter, both, or nothing."""

from __future__ import annotations

from dataclasses import dataclass

# SAKIP evaluation letters, best first (DOMAIN_RULES §3).
SAKIP_LETTERS = ("AA", "A", "BB", "B", "CC", "C", "D")


@dataclass(frozen=True)
class Measure:
    """A target or realisation: a number, a SAKIP letter, or both ("B (61)"), or nothing."""

    number: float | None = None
    letter: str | None = None
    text: str = ""

    @property
    def available(self) -> bool:
        return self.number is not None or self.letter is not None

    @property
    def letter_only(self) -> bool:
        return self.number is None and self.letter is not None


NOT_AVAILABLE = Measure()


def letter_rank(letter: str) -> int:
    """Higher is better: D=1 … AA=7."""
    return len(SAKIP_LETTERS) - SAKIP_LETTERS.index(letter.upper())
