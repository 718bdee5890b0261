"""The budget's Program → Kegiatan → Sub Kegiatan tree, and its amounts rolled up.

With codes the parent is the row whose code is the longest proper prefix (program = first 3
segments, kegiatan = first 5). Without, it is the nearest row above of a higher level, so a
Sub Kegiatan may sit straight under its Program.
"""

from __future__ import annotations

from lkjip_xl.contract.records import LEVEL_LABELS, BudgetRow

AMOUNT_FIELDS = ("pagu", "realisasi", "pagu_sebelum", "realisasi_lalu")


def link(rows: list[BudgetRow]) -> list[int]:
    """Set parent/children on every row. Returns the indexes of rows left without a parent."""
    by_code = {}
    for i, row in enumerate(rows):
        row.parent, row.children = None, []
        if row.kode:
            by_code.setdefault(row.kode, i)
    orphans = []
    for i, row in enumerate(rows):
        if row.level == "program":
            continue
        parent = None
        if row.kode:
            segments = row.kode.split(".")
            for n in (5, 3):
                if n < len(segments):
                    candidate = by_code.get(".".join(segments[:n]))
                    if candidate is not None and rows[candidate].depth < row.depth:
                        parent = candidate
                        break
        else:
            for j in range(i - 1, -1, -1):
                if rows[j].depth < row.depth:
                    parent = j
                    break
        if parent is None:
            orphans.append(i)
        else:
            row.parent = parent
            rows[parent].children.append(i)
    return orphans


def rolled_up(rows: list[BudgetRow], field: str) -> list[float | None]:
    """Each row's amount: a leaf's own, a parent's the sum of its children (blank counts 0 when a sibling has one)."""
    result: list[float | None] = [None] * len(rows)

    def value(i: int) -> float | None:
        row = rows[i]
        if not row.children:
            result[i] = getattr(row, field)
            return result[i]
        parts = [value(c) for c in row.children]
        known = [p for p in parts if p is not None]
        result[i] = sum(known) if known else None
        return result[i]

    for i, row in enumerate(rows):
        if row.parent is None:
            value(i)
    return result


def effective_sasaran(rows: list[BudgetRow]) -> list[str]:
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


def level_label(row: BudgetRow) -> str:
    return LEVEL_LABELS[row.level]
