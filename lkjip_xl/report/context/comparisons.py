"""BAB III comparisons beyond this year: each indicator over several years (`Riwayat`), this
year's and the end Renstra target (`Renstra`), and the budget against last year and over the
years (`Riwayat Anggaran`). A part without its sheet's data is an empty list (left out)."""

from __future__ import annotations

from docxtpl import RichText

from lkjip_xl.base.formatting import fmt_number, fmt_percent, fmt_rupiah
from lkjip_xl.calc.budget_history import BudgetVersusLastYear
from lkjip_xl.calc.history import IndicatorHistory
from lkjip_xl.contract.measure import Measure
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row, draft, signed


def comparisons(src: Source) -> Context:
    results = src.results
    return {
        "riwayat": _history_rows(results.history),
        "renstra_banding": [
            {
                "no": i,
                "indikator": r.indikator,
                "satuan": r.satuan,
                "kondisi_awal": _value(r.kondisi_awal, r.satuan),
                "target_renstra": _value(r.target_renstra, r.satuan),
                "target": _value(r.target, r.satuan),
                "realisasi": _value(r.realisasi, r.satuan),
                "target_akhir": _value(r.target_akhir, r.satuan),
                "capaian_renstra": fmt_percent(r.capaian_renstra.value),
                "kemajuan": fmt_percent(r.kemajuan.value),
            }
            for i, r in enumerate(results.renstra, start=1)
        ],
        **_budget_context(src),
        **_matrix(src),
    }


MATRIX_YEARS = 5  # the Renstra's years shown: the last five up to the end of the period


def _matrix(src: Source) -> Context:
    """The Matrik Renstra (Lampiran): each row's target per year, five years wide."""
    m = src.results.renstra_matrix
    if m is None:
        return {"matrik_renstra": [], "renstra_tahun": [""] * MATRIX_YEARS}
    shown = list(range(len(m.years)))[-MATRIX_YEARS:]
    years = [str(m.years[i]) for i in shown] + [""] * (MATRIX_YEARS - len(shown))
    rows = []
    for n, r in enumerate(m.rows, start=1):
        targets = [_value(r.targets[i], r.satuan) for i in shown]
        targets += [""] * (MATRIX_YEARS - len(targets))
        rows.append(
            {
                "no": n,
                "uraian": r.uraian,
                "indikator": f"{r.indikator} ({r.satuan})" if r.satuan else r.indikator,
                "kondisi_awal": _value(r.kondisi_awal, r.satuan),
                **{f"t{i}": t for i, t in enumerate(targets)},
                "target_akhir": _value(r.target_akhir, r.satuan),
            }
        )
    return {"matrik_renstra": rows, "renstra_tahun": years}


def _value(m: Measure | None, satuan: str) -> str:
    """A target as written; a letter target with its number reads 'BB (nilai 70)', never
    nested brackets."""
    if m is None:
        return "-"
    if m.letter and m.number is not None:
        return f"{m.letter} (nilai {fmt_number(m.number, None)})"
    return nv.value_text(m, satuan)


def from_riwayat(h: IndicatorHistory) -> bool:
    """Whether `Riwayat` gives a year of the indicator: without it, last year's figures are
    already in the sasaran's table, and a table or chart of two years would repeat them."""
    return len(h.points) >= 2 and any(p.source == "riwayat" for p in h.points)


def _history_rows(history: tuple[IndicatorHistory, ...]) -> list[Row]:
    """One row per indicator and year, the indicator named on its first year only."""
    rows: list[Row] = []
    for h in history:
        if not from_riwayat(h):
            continue
        for k, p in enumerate(h.points):
            rows.append(
                {
                    "indikator": h.indikator if k == 0 else "",
                    "tahun": str(p.year),
                    "target": _value(p.target, h.satuan),
                    "realisasi": _value(p.realisasi, h.satuan),
                    "capaian": fmt_percent(p.capaian.value),
                }
            )
    return rows


def _budget_context(src: Source) -> Context:
    results = src.results
    bh, vs = results.budget_history, results.budget_vs_last_year
    years = list(bh.unit) if bh else []
    return {
        "anggaran_tahunan": [
            {
                "tahun": str(y.year),
                "pagu": fmt_number(y.pagu, 0),
                "realisasi": fmt_number(y.realisasi, 0),
                "serapan": fmt_percent(y.serapan),
            }
            for y in years
        ],
        "anggaran_lalu": [
            {
                "uraian": c.uraian,
                "realisasi": fmt_number(c.realisasi, 0),
                "lalu": fmt_number(c.realisasi_lalu, 0),
                "selisih": signed(c.selisih),
                "pertumbuhan": fmt_percent(c.pertumbuhan),
            }
            for c in (vs.programs if vs else ())
        ],
        "kalimat_anggaran_lalu": _versus_sentence(src, vs),
    }


def _versus_sentence(src: Source, vs: BudgetVersusLastYear | None) -> list[RichText]:
    if vs is None or vs.realisasi_lalu is None:
        return []
    year = src.year
    last = year - 1 if year else None
    if vs.pertumbuhan is None:
        change = "tetap"
    elif vs.pertumbuhan > 0:
        change = f"naik {fmt_percent(vs.pertumbuhan)}"
    elif vs.pertumbuhan < 0:
        change = f"turun {fmt_percent(-vs.pertumbuhan)}"
    else:
        change = "tetap"
    text = (
        f"Realisasi anggaran tahun {year} sebesar {fmt_rupiah(vs.realisasi, cents=False)}, "
        f"{change} dibanding realisasi tahun {last} sebesar "
        f"{fmt_rupiah(vs.realisasi_lalu, cents=False)}"
    )
    if vs.serapan is not None and vs.serapan_lalu is not None:
        trend = (
            "meningkat"
            if vs.serapan > vs.serapan_lalu
            else ("menurun" if vs.serapan < vs.serapan_lalu else "tetap")
        )
        text += (
            f"; serapan anggaran {trend} dari {fmt_percent(vs.serapan_lalu)} menjadi "
            f"{fmt_percent(vs.serapan)}"
        )
    return [draft(text + ".")]
