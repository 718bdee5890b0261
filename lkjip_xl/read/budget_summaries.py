"""Typed total rows of `Anggaran` checked against the budget tree.

A `Jumlah` row at the bottom gives the unit's totals; a `Sub Total` (or a `Jumlah` under each
program) gives one program's or kegiatan's, or those of the programs since the previous total
row. Each figure the row gives (pagu, realisasi, pagu sebelum perubahan, realisasi tahun lalu,
sisa, serapan) is compared with those candidates, from the rolled-up amounts, so a total row
typed as a `Program` can never double the budget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lkjip_xl.contract.findings import Finding
from lkjip_xl.contract.records import BudgetRow
from lkjip_xl.read.hierarchy import AMOUNT_FIELDS, rolled_up
from lkjip_xl.read.locate import Table
from lkjip_xl.read.summary_rows import SUBTOTAL, SUM, Candidate, SummaryRow, check_summary_rows

_NOUN = {
    "pagu": "jumlah pagu",
    "realisasi": "jumlah realisasi",
    "pagu_sebelum": "jumlah pagu sebelum perubahan",
    "realisasi_lalu": "jumlah realisasi tahun lalu",
    "sisa": "sisa anggaran",
    "serapan": "serapan",
}
Totals = Callable[[str], float | None]  # amount field → the group's total


def check_budget_summaries(
    table: Table, rows: Sequence[BudgetRow], findings: list[Finding]
) -> None:
    rolled = {f: rolled_up(rows, f) for f in AMOUNT_FIELDS}
    roots = [i for i, row in enumerate(rows) if row.parent is None]
    previous = {
        s.row: p.row if p else 0
        for p, s in zip([None, *table.summary_rows], table.summary_rows, strict=False)
    }

    def group_total(indexes: list[int]) -> Totals:
        def total(field: str) -> float | None:
            known = [v for v in (rolled[field][i] for i in indexes) if v is not None]
            return sum(known) if known else None

        return total

    def candidates(summary: SummaryRow, key: str) -> list[Candidate]:
        if summary.kind not in (SUM, SUBTOTAL):
            return []
        above = [i for i, row in enumerate(rows) if row.row < summary.row]
        groups: list[tuple[str, Totals]] = [
            ("seluruh program", group_total(roots)),
            (
                "program sejak baris jumlah sebelumnya",
                group_total(
                    [i for i in roots if previous[summary.row] < rows[i].row < summary.row]
                ),
            ),
        ]
        for level in ("program", "kegiatan"):
            nearest = next((i for i in reversed(above) if rows[i].level == level), None)
            if nearest is not None:
                groups.append((f"{level} '{rows[nearest].uraian}'", group_total([nearest])))
        if summary.kind == SUBTOTAL:
            groups = groups[1:] + groups[:1]
        return [
            Candidate(_figure(key, totals), f"{_NOUN[key]} {scope}") for scope, totals in groups
        ]

    columns = {
        key: (table.columns[key], table.headers.get(key, key))
        for key in _NOUN
        if key in table.columns
    }
    check_summary_rows(table.grid, table.summary_rows, columns, candidates, findings, table.scale)


def _figure(key: str, total: Totals) -> float | None:
    if key in AMOUNT_FIELDS:
        return total(key)
    pagu, realisasi = total("pagu"), total("realisasi")
    if pagu is None or realisasi is None:
        return None
    if key == "sisa":
        return pagu - realisasi
    return realisasi / pagu * 100 if pagu else None
