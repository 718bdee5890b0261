"""The version 2 figures of `Results` as JSON-ready dicts (part of `results_to_dict`, schema 2):
staff, population, Renstra, several years, budget history, Perjanjian Kinerja, Rencana Aksi.

Numbers stay unrounded; a target or realisasi is a number, or its text when it carries a letter
or is text only ("B (61)", "23/14"); null where not available.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.calc import Results
from lkjip_xl.calc.budget_history import BudgetYear
from lkjip_xl.calc.pk import PerformanceAgreement, Signatory
from lkjip_xl.calc.staff import CountRow
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.schema import NA_TOKENS, normalize

_ROW_KIND = {"detail": "rincian", "subtotal": "subtotal", "total": "jumlah"}


def v2_figures(r: Results) -> dict[str, Any]:
    return {
        "pegawai": _staff(r),
        "penduduk": _population(r),
        "renstra": _renstra(r),
        "riwayat": [
            {
                "kode_sasaran": h.kode_sasaran,
                "indikator": h.indikator,
                "satuan": h.satuan,
                "tahun": [
                    {
                        "tahun": p.year,
                        "target": measure(p.target),
                        "realisasi": measure(p.realisasi),
                        "capaian": p.capaian.value,
                        "sumber": p.source,
                    }
                    for p in h.points
                ],
            }
            for h in r.history
        ],
        "riwayat_anggaran": _budget_history(r),
        "anggaran_tahun_lalu": _versus_last_year(r),
        "perjanjian_kinerja": [_agreement(a) for a in r.agreements],
        "rencana_aksi": [
            {
                "baris_sheet": line.source.row,
                "jenis": "indikator" if line.source.kind == "indicator" else "aksi",
                "kode_sasaran": line.source.kode_sasaran or None,
                "kode": line.source.kode or None,
                "indikator": line.source.indikator or None,
                "rencana_aksi": line.source.rencana_aksi or None,
                "target_tahunan": measure(line.annual),
                "cara_triwulan": line.mode,
                "triwulan": [
                    {
                        "triwulan": q.quarter,
                        "target": measure(q.target),
                        "realisasi": measure(q.realisasi),
                        "target_sampai_triwulan": measure(q.target_to_date),
                        "realisasi_sampai_triwulan": measure(q.realisasi_to_date),
                        "capaian_sampai_triwulan": q.capaian_to_date.value,
                    }
                    for q in line.quarters
                ],
                "pagu": line.source.pagu,
            }
            for line in r.action_plan
        ],
    }


def measure(m: Measure) -> float | str | None:
    """A number; the text as written when it carries a letter or is text to print ("23/14");
    null when not available ("-", "N/A", blank)."""
    if m.letter is not None:
        return m.text or m.letter
    if m.number is None and m.text and normalize(m.text) not in NA_TOKENS:
        return m.text
    return m.number


def _counts(rows: tuple[CountRow, ...]) -> list[dict[str, Any]]:
    return [
        {
            "uraian": c.label,
            "laki_laki": c.laki_laki,
            "perempuan": c.perempuan,
            "jumlah": c.jumlah,
            "persen": c.persen,
            "jenis": _ROW_KIND[c.kind],
        }
        for c in rows
    ]


def _staff(r: Results) -> dict[str, Any] | None:
    s = r.staff
    if s is None:
        return None
    return {
        "jumlah": s.total,
        "jabatan_lowong": s.vacant_posts,
        "golongan": _counts(s.golongan),
        "pendidikan": _counts(s.pendidikan),
        "jenis_kelamin": _counts(s.jenis_kelamin),
        "status": _counts(s.status),
    }


def _population(r: Results) -> dict[str, Any] | None:
    p = r.population
    if p is None:
        return None

    def row(v: Any) -> dict[str, Any]:
        return {
            "nama": v.nama,
            "luas": v.luas,
            "laki_laki": v.laki_laki,
            "perempuan": v.perempuan,
            "jumlah": v.jumlah,
            "jumlah_kk": v.kk,
            "rasio_jenis_kelamin": v.rasio_jenis_kelamin,
            "kepadatan": v.kepadatan,
            "persen": v.persen,
        }

    return {
        "desa": [row(v) for v in p.villages],
        "jumlah": row(p.total) if p.total else None,
    }


def _renstra(r: Results) -> dict[str, Any]:
    m = r.renstra_matrix
    return {
        "perbandingan": [
            {
                "kode_sasaran": c.kode_sasaran,
                "indikator": c.indikator,
                "satuan": c.satuan,
                "kondisi_awal": measure(c.kondisi_awal),
                "target_renstra_tahun_ini": None
                if c.target_renstra is None
                else measure(c.target_renstra),
                "target_pk": measure(c.target),
                "target_akhir": measure(c.target_akhir),
                "realisasi": measure(c.realisasi),
                "capaian_target_renstra": c.capaian_renstra.value,
                "kemajuan_target_akhir": c.kemajuan.value,
            }
            for c in r.renstra
        ],
        "matrik": None
        if m is None
        else {
            "tahun": list(m.years),
            "baris": [
                {
                    "jenis": row.kind,
                    "acuan": row.label,
                    "uraian": row.uraian,
                    "indikator": row.indikator,
                    "satuan": row.satuan,
                    "kondisi_awal": measure(row.kondisi_awal),
                    "target": [None if t is None else measure(t) for t in row.targets],
                    "pagu": list(row.pagu),
                    "target_akhir": measure(row.target_akhir),
                    "pagu_akhir": row.pagu_akhir,
                }
                for row in m.rows
            ],
            "jumlah_pagu": list(m.pagu_total),
            "jumlah_pagu_akhir": m.pagu_akhir_total,
        },
    }


def _years(years: tuple[BudgetYear, ...]) -> list[dict[str, Any]]:
    return [
        {"tahun": y.year, "pagu": y.pagu, "realisasi": y.realisasi, "serapan": y.serapan}
        for y in years
    ]


def _budget_history(r: Results) -> dict[str, Any] | None:
    h = r.budget_history
    if h is None:
        return None
    return {
        "kecamatan": _years(h.unit),
        "program": [
            {"kode": p.kode, "uraian": p.uraian, "tahun": _years(p.years)} for p in h.programs
        ],
    }


def _versus_last_year(r: Results) -> dict[str, Any] | None:
    v = r.budget_vs_last_year
    if v is None:
        return None
    return {
        "pagu": v.pagu,
        "realisasi": v.realisasi,
        "serapan": v.serapan,
        "pagu_tahun_lalu": v.pagu_lalu,
        "realisasi_tahun_lalu": v.realisasi_lalu,
        "serapan_tahun_lalu": v.serapan_lalu,
        "selisih_realisasi": v.selisih_realisasi,
        "pertumbuhan_realisasi": v.pertumbuhan,
        "program": [
            {
                "kode": c.kode or None,
                "uraian": c.uraian,
                "realisasi": c.realisasi,
                "realisasi_tahun_lalu": c.realisasi_lalu,
                "selisih": c.selisih,
                "pertumbuhan": c.pertumbuhan,
            }
            for c in v.programs
        ],
    }


def _signatory(s: Signatory) -> dict[str, str]:
    return {"nama": s.nama, "jabatan": s.jabatan, "pangkat": s.pangkat, "nip": s.nip}


def _agreement(a: PerformanceAgreement) -> dict[str, Any]:
    return {
        "camat": a.is_camat,
        "tahun": a.year,
        "tanggal": a.date.isoformat() if a.date else None,
        "tempat": a.place,
        "pihak_pertama": _signatory(a.pihak_pertama),
        "pihak_kedua": _signatory(a.pihak_kedua),
        "sasaran": [
            {
                "sasaran": t.sasaran,
                "indikator": t.indikator,
                "satuan": t.satuan,
                "target": measure(t.target),
                "iku": t.iku,
                "dari_tahun_laporan": t.from_this_year,
            }
            for t in a.targets
        ],
        "program": [
            {
                "kode": p.kode or None,
                "uraian": p.uraian,
                "pagu": p.pagu,
                "sumber_dana": p.sumber_dana,
                "bagian_pagu": p.share,
                "dari_tahun_laporan": p.from_this_year,
            }
            for p in a.programs
        ],
        "jumlah": a.jumlah,
    }
