"""Budget roll-up, serapan, perubahan, belanja per jenis (DOMAIN_RULES §5)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.calc.indicators import Capaian, capaian
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import BudgetRow, Settings, SpendingRow
from lkjip_xl.read.hierarchy import effective_sasaran, rolled_up


@dataclass(frozen=True)
class BudgetLine:
    row: int
    level: str
    depth: int
    kode: str
    uraian: str
    kode_sasaran: str  # effective (inherited) sasaran code
    pagu: float | None
    realisasi: float | None
    sisa: float | None
    serapan: float | None
    pagu_sebelum: float | None
    perubahan: float | None
    realisasi_lalu: float | None
    indikator: str
    satuan: str
    target_kinerja: str
    realisasi_kinerja: str
    capaian_kinerja: Capaian
    sumber_dana: str
    parent: int | None


@dataclass(frozen=True)
class BudgetTotals:
    pagu: float
    realisasi: float
    sisa: float
    serapan: float | None
    pagu_sebelum: float | None
    perubahan: float | None
    realisasi_lalu: float | None
    programs: int
    kegiatan: int
    sub_kegiatan: int


def serapan(pagu: float | None, realisasi: float | None) -> float | None:
    if pagu is None or realisasi is None or pagu == 0:
        return None
    return realisasi / pagu * 100


def compute_budget(
    rows: Sequence[BudgetRow], settings: Settings
) -> tuple[list[BudgetLine], BudgetTotals]:
    """Each row's amounts rolled up from its children, and the unit's totals (rows linked)."""
    amounts = {
        f: rolled_up(rows, f) for f in ("pagu", "realisasi", "pagu_sebelum", "realisasi_lalu")
    }
    sasaran = effective_sasaran(rows)
    lines = []
    for i, row in enumerate(rows):
        pagu, real = amounts["pagu"][i], amounts["realisasi"][i]
        before = amounts["pagu_sebelum"][i]
        lines.append(
            BudgetLine(
                row=row.row,
                level=row.level,
                depth=row.depth,
                kode=row.kode,
                uraian=row.uraian,
                kode_sasaran=sasaran[i],
                pagu=pagu,
                realisasi=real,
                sisa=None if pagu is None or real is None else pagu - real,
                serapan=serapan(pagu, real),
                pagu_sebelum=before,
                perubahan=None if pagu is None or before is None else pagu - before,
                realisasi_lalu=amounts["realisasi_lalu"][i],
                indikator=row.indikator,
                satuan=row.satuan,
                target_kinerja=_measure_text(row.target_kinerja),
                realisasi_kinerja=_measure_text(row.realisasi_kinerja),
                capaian_kinerja=capaian(
                    row.target_kinerja, row.realisasi_kinerja, row.polarity, settings
                )
                if row.indikator or row.target_kinerja.available
                else Capaian(None, reason="tanpa indikator"),
                sumber_dana=row.sumber_dana,
                parent=row.parent,
            )
        )
    tops = [line for line in lines if line.parent is None]
    pagu = sum(line.pagu or 0 for line in tops)
    real = sum(line.realisasi or 0 for line in tops)
    before = _sum_known(line.pagu_sebelum for line in tops)
    last = _sum_known(line.realisasi_lalu for line in tops)
    totals = BudgetTotals(
        pagu=pagu,
        realisasi=real,
        sisa=pagu - real,
        serapan=serapan(pagu, real),
        pagu_sebelum=before,
        perubahan=None if before is None else pagu - before,
        realisasi_lalu=last,
        programs=sum(r.level == "program" for r in rows),
        kegiatan=sum(r.level == "kegiatan" for r in rows),
        sub_kegiatan=sum(r.level == "sub_kegiatan" for r in rows),
    )
    return lines, totals


def serapan_by_sasaran(lines: list[BudgetLine]) -> dict[str, tuple[float, float, list[int]]]:
    """sasaran code → (pagu, realisasi, indexes of the linked rows), each linked subtree counted once."""
    out: dict[str, tuple[float, float, list[int]]] = {}
    for i, line in enumerate(lines):
        code = line.kode_sasaran
        if not code:
            continue
        parent_code = lines[line.parent].kode_sasaran if line.parent is not None else ""
        if parent_code == code:
            continue  # its parent already counts it
        pagu, real, idx = out.get(code, (0.0, 0.0, []))
        out[code] = (pagu + (line.pagu or 0), real + (line.realisasi or 0), [*idx, i])
    return out


@dataclass(frozen=True)
class SpendingLine:
    kelompok: str
    jenis: str
    anggaran: float | None
    realisasi: float | None
    serapan: float | None
    realisasi_lalu: float | None
    pertumbuhan: float | None  # growth against last year's realisasi, percent
    anggaran_sebelum: float | None
    perubahan: float | None
    is_subtotal: bool = False


def compute_spending(rows: Sequence[SpendingRow]) -> list[SpendingLine]:
    """Each jenis, a subtotal per kelompok after its rows, and a grand total last."""
    lines: list[SpendingLine] = []
    groups: dict[str, list[SpendingRow]] = {}
    for row in rows:
        groups.setdefault(row.kelompok, []).append(row)
    for kelompok, members in groups.items():
        lines += [_spending_line(kelompok, r.jenis, r) for r in members]
        lines.append(_spending_line(kelompok, f"Jumlah {kelompok}", _summed(members), True))
    if rows:
        lines.append(_spending_line("", "Total Belanja", _summed(rows), True))
    return lines


def _summed(rows: Sequence[SpendingRow]) -> SpendingRow:
    """One row holding the sums of `rows` (None where none of them has a figure)."""
    return SpendingRow(
        0,
        "",
        "",
        _sum_known(r.anggaran for r in rows),
        _sum_known(r.realisasi for r in rows),
        _sum_known(r.realisasi_lalu for r in rows),
        _sum_known(r.anggaran_sebelum for r in rows),
    )


def _spending_line(
    kelompok: str, jenis: str, row: SpendingRow, is_subtotal: bool = False
) -> SpendingLine:
    lalu, real = row.realisasi_lalu, row.realisasi
    growth = None if real is None or not lalu else (real - lalu) / lalu * 100
    before = row.anggaran_sebelum
    change = None if row.anggaran is None or before is None else row.anggaran - before
    return SpendingLine(
        kelompok,
        jenis,
        row.anggaran,
        real,
        serapan(row.anggaran, real),
        lalu,
        growth,
        before,
        change,
        is_subtotal,
    )


def _sum_known(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _measure_text(m: Measure) -> str:
    if not m.available:
        return m.text or "-"
    return m.text or fmt_number(m.number, None)
