"""The rows of the indicator tables: the IKU (Bab II, Bab III, lampiran) and the others."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_percent
from lkjip_xl.calc import IndicatorResult
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row, draft


def indicators(src: Source) -> Context:
    results = src.results
    iku = [r for r in results.indicators if r.source.iku and r.source.tingkat == "sasaran"]
    others = [*results.tujuan, *results.additional]
    agreed = [*iku, *others]  # the Perjanjian Kinerja carries every indicator, IKU first
    return {
        "pk_rows": [
            {**_row(i, r, src.year), "jenis": "IKU" if r.source.iku else "Tambahan"}
            for i, r in enumerate(agreed, start=1)
        ],
        "iku": [_iku_row(i, r, src.year) for i, r in enumerate(iku, start=1)],
        "indikator_lain": [_row(i, r, src.year) for i, r in enumerate(others, start=1)],
    }


def _iku_row(no: int, r: IndicatorResult, year: int | None) -> Row:
    """An IKU row carries what the IKU, PK, capaian and per-sasaran tables show."""
    ind = r.source
    return {
        **_row(no, r, year),
        "kode": ind.kode_sasaran,
        "polaritas": "Negatif" if ind.polarity == "negative" else "Positif",
        "formulasi": ind.formulasi or "-",
        "sumber_data": ind.sumber_data or "-",
        "penanggung_jawab": ind.penanggung_jawab or "-",
        "realisasi_lalu": nv.value_text(ind.realisasi_lalu, ind.satuan),
        "capaian_lalu": fmt_percent(r.capaian_lalu.value),
        "tren": r.tren or "-",
    }


def _row(no: int, r: IndicatorResult, year: int | None) -> Row:
    """What every indicator row shows: the indicator, its target, realisasi and capaian."""
    ind = r.source
    return {
        "no": no,
        "sasaran": ind.sasaran,
        "indikator": ind.indikator,
        "satuan": ind.satuan,
        "target": nv.value_text(ind.target, ind.satuan),
        "realisasi": nv.value_text(ind.realisasi, ind.satuan),
        "capaian": fmt_percent(r.capaian.value),
        "predikat": r.predikat,
        "kalimat": draft(nv.indicator_sentence(r, year)),
    }
