"""Survei Kepuasan Masyarakat: NRR per unsur, IKM and mutu (PermenPANRB 14/2017, DOMAIN_RULES §4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from lkjip_xl.base.formatting import round_half_up
from lkjip_xl.contract.records import SkmResponse
from lkjip_xl.contract.sampling import minimum_sample
from lkjip_xl.contract.schema import SKM_SHEET

LEGACY_WEIGHT = 0.111

# (lowest IKM inclusive, mutu, kinerja unit), rated on the IKM rounded half up to 2 decimals.
MUTU_BANDS: tuple[tuple[float, str, str], ...] = (
    (88.31, "A", "Sangat Baik"),
    (76.61, "B", "Baik"),
    (65.00, "C", "Kurang Baik"),
    (float("-inf"), "D", "Tidak Baik"),
)


def mutu(ikm: float) -> tuple[str, str]:
    shown = float(round_half_up(ikm, 2))
    for lower, grade, label in MUTU_BANDS:
        if shown >= lower:
            return grade, label
    raise AssertionError("unreachable: the last band has no lower bound")


@dataclass(frozen=True)
class ElementResult:
    code: str
    name: str
    answers: int
    total: int
    nrr: float | None
    weighted: float | None
    counts: dict[int, int]  # answer 1..4 → how many
    shares: dict[int, float]  # answer 1..4 → percent of answers
    mutu: str = ""
    kinerja: str = ""


@dataclass(frozen=True)
class GroupResult:
    column: str
    value: str
    respondents: int
    share: float
    ikm: float | None


@dataclass(frozen=True)
class SkmResult:
    respondents: int
    weight: float
    weight_label: str
    elements: list[ElementResult]
    ikm: float | None
    mutu: str
    kinerja: str
    population: int | None = None
    minimum_sample: int | None = None
    groups: dict[str, list[GroupResult]] = field(default_factory=dict)

    @property
    def nrr_weighted_sum(self) -> float | None:
        return None if self.ikm is None else self.ikm / 25


# The respondent columns the IKM is broken down by (their headers come from the schema).
GROUP_KEYS = ("jenis_layanan", "jenis_kelamin", "pendidikan", "pekerjaan")


def compute_skm(
    responses: Sequence[SkmResponse],
    elements: Sequence[tuple[str, str]],
    weight_setting: str,
    population: int | None = None,
    with_groups: bool = True,
) -> SkmResult:
    k = len(elements)
    weight = LEGACY_WEIGHT if weight_setting == "0.111" else 1 / k
    weight_label = "0,111" if weight_setting == "0.111" else f"1/{k}"
    results = []
    for code, name in elements:
        given = [a for a in (r.answers.get(code) for r in responses) if a is not None]
        counts = Counter(given)
        n, total = len(given), sum(given)
        nrr = total / n if n else None
        weighted = None if nrr is None else nrr * weight
        grade, label = mutu(nrr * 25) if nrr is not None else ("", "")
        results.append(
            ElementResult(
                code,
                name,
                n,
                total,
                nrr,
                weighted,
                {a: counts.get(a, 0) for a in (1, 2, 3, 4)},
                {a: (counts.get(a, 0) / n * 100 if n else 0.0) for a in (1, 2, 3, 4)},
                grade,
                label,
            )
        )
    weights = [e.weighted for e in results if e.weighted is not None]
    ikm = sum(weights) * 25 if weights and len(weights) == len(results) else None
    grade, label = mutu(ikm) if ikm is not None else ("", "")
    groups = _groups(responses, elements, weight_setting) if with_groups else {}
    return SkmResult(
        len(responses),
        weight,
        weight_label,
        results,
        ikm,
        grade,
        label,
        population,
        minimum_sample(population) if population else None,
        groups,
    )


def _groups(
    responses: Sequence[SkmResponse], elements: Sequence[tuple[str, str]], weight_setting: str
) -> dict[str, list[GroupResult]]:
    out: dict[str, list[GroupResult]] = {}
    for key in GROUP_KEYS:
        label = SKM_SHEET.column(key).header
        values: Counter[str] = Counter(getattr(r, key) for r in responses if getattr(r, key))
        if not values:
            continue
        rows = []
        for value, count in sorted(values.items(), key=lambda kv: (-kv[1], kv[0])):
            members = [r for r in responses if getattr(r, key) == value]
            sub = compute_skm(members, elements, weight_setting, with_groups=False)
            rows.append(GroupResult(label, value, count, count / len(responses) * 100, sub.ikm))
        out[label] = rows
    return out
