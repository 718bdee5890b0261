"""Results as one JSON-ready dict: unrounded numbers as JSON numbers, null where not available.

Documented with an example in docs/COMPUTE_JSON.md.
"""

from __future__ import annotations

from typing import Any

from lkjip_xl.calc import Capaian, IndicatorResult, Results
from lkjip_xl.calc.serialize_v2 import v2_figures
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import Workbook
from lkjip_xl.contract.schema import BUDGET_LEVEL

SCHEMA_VERSION = 2  # 2: the version 2 figures (serialize_v2.py) added; nothing removed


def results_to_dict(wb: Workbook, r: Results) -> dict[str, Any]:
    ident = wb.identity
    return {
        "schema_version": SCHEMA_VERSION,
        "identitas": {
            "provinsi": ident.provinsi,
            "kabupaten": ident.kabupaten,
            "kecamatan": ident.kecamatan,
            "tahun": ident.tahun,
            "nama_camat": ident.nama_camat,
        },
        "pengaturan": {
            "skala": wb.settings.scale,
            "bobot_skm": wb.settings.skm_weight,
            "rumus_negatif": wb.settings.negative_formula,
            "rata_rata": wb.settings.average_mode,
            "rumus_efisiensi": wb.settings.efficiency_rule,
            "batas_atas": wb.settings.cap,
        },
        "indikator": [_indicator(i) for i in r.indicators],
        "sasaran": [
            {
                "kode": s.code,
                "sasaran": s.sasaran,
                "tujuan": s.tujuan,
                "indikator": [i.source.indikator for i in s.indicators],
                "capaian": s.capaian,
                "predikat": s.predikat,
                "capaian_tahun_lalu": s.capaian_lalu,
                "pagu": s.pagu,
                "realisasi_anggaran": s.realisasi,
                "serapan": s.serapan,
                "efisiensi": s.efisiensi,
                "kategori_efisiensi": s.efisien or None,
                "program": [r.budget[i].uraian for i in s.programs],
            }
            for s in r.sasaran
        ],
        "rata_rata": {
            "capaian_iku": r.capaian_iku,
            "predikat_iku": r.predikat_iku,
            "capaian_indikator_tambahan": r.capaian_additional,
        },
        "skm": _skm(r),
        "anggaran": {
            "baris": [
                {
                    "baris_sheet": b.row,
                    "tingkat": BUDGET_LEVEL.label_of(b.level),
                    "kode": b.kode or None,
                    "uraian": b.uraian,
                    "kode_sasaran": b.kode_sasaran or None,
                    "pagu": b.pagu,
                    "realisasi": b.realisasi,
                    "sisa": b.sisa,
                    "serapan": b.serapan,
                    "pagu_sebelum_perubahan": b.pagu_sebelum,
                    "perubahan": b.perubahan,
                    "indikator": b.indikator or None,
                    "capaian_kinerja": b.capaian_kinerja.value,
                }
                for b in r.budget
            ],
            "total": {
                "pagu": r.budget_totals.pagu,
                "realisasi": r.budget_totals.realisasi,
                "sisa": r.budget_totals.sisa,
                "serapan": r.budget_totals.serapan,
                "pagu_sebelum_perubahan": r.budget_totals.pagu_sebelum,
                "perubahan": r.budget_totals.perubahan,
                "jumlah_program": r.budget_totals.programs,
                "jumlah_kegiatan": r.budget_totals.kegiatan,
                "jumlah_sub_kegiatan": r.budget_totals.sub_kegiatan,
            },
        },
        "belanja": [
            {
                "kelompok": s.kelompok,
                "jenis": s.jenis,
                "anggaran": s.anggaran,
                "realisasi": s.realisasi,
                "serapan": s.serapan,
                "realisasi_tahun_lalu": s.realisasi_lalu,
                "pertumbuhan": s.pertumbuhan,
                "subtotal": s.is_subtotal,
            }
            for s in r.spending
        ],
        **v2_figures(r),
    }


def _measure(m: Measure) -> float | str | None:
    if m.letter_only or (m.letter and m.number is not None):
        return m.text
    return m.number


def _capaian(c: Capaian) -> float | None:
    return c.value


def _indicator(i: IndicatorResult) -> dict[str, Any]:
    s = i.source
    return {
        "baris_sheet": s.row,
        "kode_sasaran": s.kode_sasaran,
        "sasaran": s.sasaran,
        "indikator": s.indikator,
        "satuan": s.satuan,
        "iku": s.iku,
        "tingkat": s.tingkat,
        "polaritas": s.polarity,
        "target": _measure(s.target),
        "realisasi": _measure(s.realisasi),
        "capaian": _capaian(i.capaian),
        "capaian_tanpa_batas": i.capaian.uncapped,
        "predikat": i.predikat,
        "alasan_tidak_terukur": i.capaian.reason or None,
        "target_tahun_lalu": _measure(s.target_lalu),
        "realisasi_tahun_lalu": _measure(s.realisasi_lalu),
        "capaian_tahun_lalu": _capaian(i.capaian_lalu),
        "tren": i.tren or None,
        "target_akhir_renstra": _measure(s.target_renstra),
        "kemajuan_renstra": _capaian(i.kemajuan_renstra),
    }


def _skm(r: Results) -> dict[str, Any] | None:
    if r.skm is None:
        return None
    k = r.skm
    return {
        "responden": k.respondents,
        "bobot": k.weight,
        "bobot_label": k.weight_label,
        "ikm": k.ikm,
        "mutu": k.mutu,
        "kinerja": k.kinerja,
        "populasi": k.population,
        "sampel_minimal": k.minimum_sample,
        "unsur": [
            {
                "kode": e.code,
                "nama": e.name,
                "jumlah_jawaban": e.answers,
                "jumlah_nilai": e.total,
                "nrr": e.nrr,
                "nrr_tertimbang": e.weighted,
                "mutu": e.mutu,
                "kinerja": e.kinerja,
                "sebaran": {
                    str(a): {"jumlah": e.counts[a], "persen": e.shares[a]} for a in (1, 2, 3, 4)
                },
            }
            for e in k.elements
        ],
        "kelompok": {
            label: [
                {"nilai": g.value, "responden": g.respondents, "persen": g.share, "ikm": g.ikm}
                for g in rows
            ]
            for label, rows in k.groups.items()
        },
    }
