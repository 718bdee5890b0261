"""Bab I's people: population per desa (DOMAIN_RULES §12) and the staff tables by golongan,
pendidikan, jenis kelamin and status, with the sentences that introduce them."""

from __future__ import annotations

from docxtpl import RichText

from lkjip_xl.base.formatting import fmt_number, fmt_percent
from lkjip_xl.calc.population import Population, PopulationRow
from lkjip_xl.calc.staff import CountRow, StaffTables
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row, draft
from lkjip_xl.report.narrative import count_text


def population_context(src: Source) -> Context:
    pop = src.results.population
    rows = [_village_row(i, v) for i, v in enumerate(pop.villages, start=1)] if pop else []
    total = _village_row(0, pop.total) if pop and pop.total else _village_row(0, None)
    return {
        "desa": rows,
        "desa_total": total,
        "luas_total": total["luas"],  # a customised template of version 1 prints it
        "ada_penduduk": bool(pop and pop.has_population),
        "kalimat_penduduk": _population_sentence(src, pop),
    }


def _village_row(no: int, v: PopulationRow | None) -> Row:
    if v is None:
        return {k: "-" for k in ("no", "nama", "status", "luas", "l", "p", "penduduk", "kk")}
    return {
        "no": no,
        "nama": v.nama,
        "status": {"kelurahan": "Kelurahan", "desa": "Desa"}.get(v.status, ""),
        "luas": fmt_number(v.luas, None),
        "l": fmt_number(v.laki_laki, 0),
        "p": fmt_number(v.perempuan, 0),
        "penduduk": fmt_number(v.jumlah, 0),
        "kk": fmt_number(v.kk, 0),
    }


def _population_sentence(src: Source, pop: Population | None) -> list[RichText]:
    if pop is None or not pop.has_population or pop.total is None:
        return []
    t = pop.total
    text = (
        f"Jumlah penduduk Kecamatan {src.kecamatan} tahun {src.year} sebanyak "
        f"{fmt_number(t.jumlah, 0)} jiwa, terdiri dari {fmt_number(t.laki_laki, 0)} jiwa "
        f"laki-laki ({fmt_percent(_share(t.laki_laki, t.jumlah))}) dan "
        f"{fmt_number(t.perempuan, 0)} jiwa perempuan ({fmt_percent(_share(t.perempuan, t.jumlah))})"
    )
    if t.rasio_jenis_kelamin is not None:
        text += f", dengan rasio jenis kelamin {fmt_number(t.rasio_jenis_kelamin, 2)}"
    if t.kepadatan is not None:
        text += f" dan kepadatan {fmt_number(t.kepadatan, 2)} jiwa/km²"
    return [draft(text + ".")]


def _share(part: int | None, whole: int | None) -> float | None:
    return part / whole * 100 if part is not None and whole else None


STAFF_TABLES = ("golongan", "pendidikan", "jenis_kelamin", "status")


def staff_context(src: Source) -> Context:
    staff = src.results.staff
    tables = {name: _count_rows(getattr(staff, name)) if staff else [] for name in STAFF_TABLES}
    return {
        "pegawai": tables,
        "ada_pegawai": bool(staff and staff.total),
        "kalimat_pegawai": _staff_sentence(src, staff),
    }


def _count_rows(rows: tuple[CountRow, ...]) -> list[Row]:
    out = []
    for r in rows:
        label = RichText()
        label.add(r.label, bold=r.kind != "detail")
        out.append(
            {
                "uraian": label,
                "l": fmt_number(r.laki_laki, 0),
                "p": fmt_number(r.perempuan, 0),
                "jumlah": fmt_number(r.jumlah, 0),
                "persen": fmt_percent(r.persen),
            }
        )
    return out


def _staff_sentence(src: Source, staff: StaffTables | None) -> list[RichText]:
    if staff is None or not staff.total:
        return []
    by_status = [
        count_text(r.jumlah, "orang " + r.label)
        for r in staff.status
        if r.kind == "detail" and r.label != "Tidak diisi"
    ]
    text = (
        f"Sumber daya aparatur Kecamatan {src.kecamatan} tahun {src.year} berjumlah "
        f"{count_text(staff.total, 'orang')}"
    )
    if by_status:
        text += ", terdiri dari " + _join(by_status)
    if staff.vacant_posts:
        text += f"; {count_text(staff.vacant_posts, 'jabatan')} masih kosong"
    return [
        draft(
            text + ". Rinciannya menurut golongan, pendidikan, jenis kelamin dan status "
            "kepegawaian disajikan pada tabel dan grafik berikut."
        )
    ]


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
