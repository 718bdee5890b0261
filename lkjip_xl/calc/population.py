"""Population per desa and in total (DOMAIN_RULES §12): jumlah = laki-laki + perempuan,
rasio jenis kelamin = L / P × 100, kepadatan = jumlah / luas (jiwa/km²) when luas is given."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lkjip_xl.contract.records import Village


@dataclass(frozen=True)
class PopulationRow:
    nama: str
    status: str  # "desa" or "kelurahan"; "" on the total row
    luas: float | None
    laki_laki: int | None
    perempuan: int | None
    jumlah: int | None  # None unless both sexes are given
    kk: int | None
    rasio_jenis_kelamin: float | None
    kepadatan: float | None
    persen: float | None  # share of the kecamatan's population


@dataclass(frozen=True)
class Population:
    villages: tuple[PopulationRow, ...]
    total: PopulationRow | None  # None when no desa gives any figure

    @property
    def has_population(self) -> bool:
        return self.total is not None and self.total.jumlah is not None


def population(villages: Sequence[Village]) -> Population:
    sums = _Sums(
        _sum_area(v.luas for v in villages),
        _sum_count(v.penduduk_l for v in villages),
        _sum_count(v.penduduk_p for v in villages),
        _sum_count(v.jumlah_kk for v in villages),
    )
    grand = _jumlah(sums.l, sums.p)
    rows = tuple(
        _row(v.nama, v.status, v.luas, v.penduduk_l, v.penduduk_p, v.jumlah_kk, grand)
        for v in villages
    )
    any_figure = any(x is not None for x in (sums.luas, sums.l, sums.p, sums.kk))
    total = _row("Jumlah", "", sums.luas, sums.l, sums.p, sums.kk, grand) if any_figure else None
    return Population(rows, total)


@dataclass(frozen=True)
class _Sums:
    luas: float | None
    l: int | None  # noqa: E741 (laki-laki)
    p: int | None
    kk: int | None


def _row(
    nama: str,
    status: str,
    luas: float | None,
    lk: int | None,
    pr: int | None,
    kk: int | None,
    grand: int | None,
) -> PopulationRow:
    jumlah = _jumlah(lk, pr)
    return PopulationRow(
        nama=nama,
        status=status,
        luas=luas,
        laki_laki=lk,
        perempuan=pr,
        jumlah=jumlah,
        kk=kk,
        rasio_jenis_kelamin=lk / pr * 100 if lk is not None and pr else None,
        kepadatan=jumlah / luas if jumlah is not None and luas else None,
        persen=jumlah / grand * 100 if jumlah is not None and grand else None,
    )


def _jumlah(lk: int | None, pr: int | None) -> int | None:
    return None if lk is None or pr is None else lk + pr


def _sum_area(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _sum_count(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None
