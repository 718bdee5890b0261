"""Staff tables from `Pegawai` (DOMAIN_RULES §12): by golongan, pendidikan, jenis kelamin and status.

Each table counts people (vacant posts are not counted), split by sex, with each row's share of
the total. Golongan: each golongan present (I/a … IV/e) under its group's subtotal; PPPK and
Non ASN in rows of their own. A person whose ruang is unknown (only "III" given) counts in the
group's subtotal and, when the group also lists ruang, in a row of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lkjip_xl.contract.ranks import GOLONGAN_ORDER, GROUPS
from lkjip_xl.contract.records import Employee
from lkjip_xl.contract.schema import EDUCATION, EMPLOYMENT_STATUS

NOT_GIVEN = "Tidak diisi"


@dataclass(frozen=True)
class CountRow:
    label: str
    laki_laki: int
    perempuan: int
    jumlah: int  # includes those whose sex is not given
    persen: float | None  # share of the table's total, percent
    kind: str = "detail"  # "detail", "subtotal" or "total"


@dataclass(frozen=True)
class StaffTables:
    golongan: tuple[CountRow, ...]
    pendidikan: tuple[CountRow, ...]
    jenis_kelamin: tuple[CountRow, ...]
    status: tuple[CountRow, ...]
    total: int  # people counted (rows with a name)
    vacant_posts: int  # rows with a jabatan and no name


def staff_tables(staff: Sequence[Employee]) -> StaffTables:
    people = [e for e in staff if not e.vacant]
    total = len(people)
    return StaffTables(
        golongan=_golongan_table(people, total),
        pendidikan=_table(
            people,
            total,
            [(c.label, lambda e, k=c.key: e.pendidikan == k) for c in EDUCATION.choices]
            + [(NOT_GIVEN, lambda e: not e.pendidikan)],
        ),
        jenis_kelamin=_table(
            people,
            total,
            [
                ("Laki-laki", lambda e: e.jenis_kelamin == "l"),
                ("Perempuan", lambda e: e.jenis_kelamin == "p"),
                (NOT_GIVEN, lambda e: not e.jenis_kelamin),
            ],
        ),
        status=_table(
            people,
            total,
            [(c.label, lambda e, k=c.key: e.status == k) for c in EMPLOYMENT_STATUS.choices]
            + [(NOT_GIVEN, lambda e: not e.status)],
        ),
        total=total,
        vacant_posts=sum(1 for e in staff if e.vacant and e.jabatan),
    )


Rule = tuple[str, Callable[[Employee], bool]]


def _table(people: Sequence[Employee], total: int, rules: Iterable[Rule]) -> tuple[CountRow, ...]:
    """One row per rule that counts anyone, then the Jumlah row."""
    rows = [_row(label, [e for e in people if match(e)], total) for label, match in rules]
    kept = tuple(r for r in rows if r.jumlah)
    return (*kept, _row("Jumlah", people, total, "total")) if people else ()


def _row(label: str, members: Sequence[Employee], total: int, kind: str = "detail") -> CountRow:
    return CountRow(
        label,
        sum(1 for e in members if e.jenis_kelamin == "l"),
        sum(1 for e in members if e.jenis_kelamin == "p"),
        len(members),
        len(members) / total * 100 if total else None,
        kind,
    )


def _golongan_table(people: Sequence[Employee], total: int) -> tuple[CountRow, ...]:
    if not people:
        return ()
    pns = [e for e in people if e.status in ("pns", "") and e.golongan]
    rows: list[CountRow] = []
    for group in GROUPS:
        members = [e for e in pns if e.golongan.split("/")[0] == group]
        if not members:
            continue
        ruang = [g for g in GOLONGAN_ORDER if g.split("/")[0] == group]
        details = [_row(g, [e for e in members if e.golongan == g], total) for g in ruang]
        details = [d for d in details if d.jumlah]
        group_only = [e for e in members if e.golongan == group]
        if details and group_only:
            details.append(_row(f"{group} (ruang tidak diisi)", group_only, total))
        rows += details
        rows.append(_row(f"Golongan {group}", members, total, "subtotal"))
    rows += [
        r
        for r in (
            _row("PPPK", [e for e in people if e.status == "pppk"], total),
            _row("Non ASN", [e for e in people if e.status == "non_asn"], total),
            _row(
                "Tanpa golongan",
                [e for e in people if e.status in ("pns", "") and not e.golongan],
                total,
            ),
        )
        if r.jumlah
    ]
    rows.append(_row("Jumlah", people, total, "total"))
    return tuple(rows)
