"""The budget's Program → Kegiatan → Sub Kegiatan tree, linked once when the sheet is read.

With codes the parent is the row whose code is the longest proper prefix (program = first 3
segments, kegiatan = first 5). Without, it is the nearest row above of a higher level, so a
Sub Kegiatan may sit straight under its Program. A row of a lower level without a parent is an
orphan (a finding of the checks).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lkjip_xl.contract.records import LEVELS, BudgetRow

AMOUNT_FIELDS = ("pagu", "realisasi", "pagu_sebelum", "realisasi_lalu")


def link(rows: Sequence[BudgetRow]) -> tuple[BudgetRow, ...]:
    """The same rows with each row's parent and children set."""
    parents, children = tree([row.level for row in rows], [row.kode for row in rows])
    return tuple(
        dataclasses.replace(row, parent=parents[i], children=tuple(children[i]))
        for i, row in enumerate(rows)
    )


def tree(levels: Sequence[str], codes: Sequence[str]) -> tuple[list[int | None], list[list[int]]]:
    """Each row's parent (an index, or None) and children, from the rows' levels and codes
    (the budget rows are built once, already linked)."""
    depths = [LEVELS.index(level) for level in levels]
    first_by_code: dict[str, int] = {}
    for i, code in enumerate(codes):
        if code:
            first_by_code.setdefault(code, i)
    parents = [_parent(levels, codes, depths, i, first_by_code) for i in range(len(levels))]
    children: list[list[int]] = [[] for _ in levels]
    for i, parent in enumerate(parents):
        if parent is not None:
            children[parent].append(i)
    return parents, children


def _parent(
    levels: Sequence[str],
    codes: Sequence[str],
    depths: Sequence[int],
    i: int,
    first_by_code: dict[str, int],
) -> int | None:
    if levels[i] == "program":
        return None
    depth = depths[i]
    if not codes[i]:
        return next((j for j in range(i - 1, -1, -1) if depths[j] < depth), None)
    segments = codes[i].split(".")
    for n in (5, 3):
        if n < len(segments):
            candidate = first_by_code.get(".".join(segments[:n]))
            if candidate is not None and depths[candidate] < depth:
                return candidate
    return None


def orphans(rows: Sequence[BudgetRow]) -> list[int]:
    """Indexes of the linked rows below program level that belong to no row."""
    return [i for i, row in enumerate(rows) if row.level != "program" and row.parent is None]


def rolled_up(rows: Sequence[BudgetRow], field: str) -> list[float | None]:
    """Each row's amount: a leaf's own, a parent's the sum of its children (blank counts 0 when a sibling has one)."""
    result: list[float | None] = [None] * len(rows)

    def value(i: int) -> float | None:
        row = rows[i]
        if not row.children:
            own: float | None = getattr(row, field)
            result[i] = own
            return own
        known = [v for v in (value(c) for c in row.children) if v is not None]
        result[i] = sum(known) if known else None
        return result[i]

    for i, row in enumerate(rows):
        if row.parent is None:
            value(i)
    return result


def effective_sasaran(rows: Sequence[BudgetRow]) -> list[str]:
    """The sasaran code each row serves: its own, or inherited from the nearest ancestor."""
    codes = []
    for row in rows:
        code = row.kode_sasaran
        parent = row.parent
        while not code and parent is not None:
            code = rows[parent].kode_sasaran
            parent = rows[parent].parent
        codes.append(code)
    return codes
