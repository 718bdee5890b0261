"""BAB IV Penutup: kesimpulan, permasalahan, saran."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_percent
from lkjip_xl.calc import Results
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context

SARAN = "Meningkatkan kualitas perencanaan, pengumpulan data kinerja dan koordinasi antar seksi."


def bab_iv(src: Source) -> Context:
    results, ident = src.results, src.identity
    conclusion = [
        nv.overall_sentence(results, ident),
        nv.budget_sentence(results, ident),
        nv.efficiency_sentence(results),
    ]
    return {
        "kesimpulan": src.passage("kesimpulan", "\n".join(conclusion)),
        "permasalahan": src.passage("permasalahan", _problems(results)),
        "saran": src.passage("saran", SARAN),
    }


def _problems(results: Results) -> str:
    """One line per indicator below target or not measured."""
    lines = [
        f"Indikator “{r.source.indikator}” belum mencapai target (capaian {fmt_percent(value)})."
        for r in results.indicators
        if (value := r.capaian.value) is not None and value < 100
    ]
    lines += [
        f"Indikator “{r.source.indikator}” belum dapat diukur."
        for r in results.indicators
        if not r.capaian.available
    ]
    return (
        "\n".join(lines)
        or "Seluruh indikator kinerja telah mencapai target; uraikan permasalahan lain di sini."
    )
