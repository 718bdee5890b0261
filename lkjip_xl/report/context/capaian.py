"""BAB III 3.1 Capaian Kinerja: the predikat scale and the average capaian of the IKU."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number, fmt_percent
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, draft

Bands = tuple[tuple[float, str], ...]


def capaian(src: Source) -> Context:
    results = src.results
    return {
        "rata_rata_iku": fmt_percent(results.capaian_iku),
        "predikat_iku": results.predikat_iku,
        "kalimat_rata_rata": draft(nv.overall_sentence(results, src.identity)),
        "skala": [
            {"batas": band_text(results.bands, i), "predikat": label}
            for i, (_, label) in enumerate(results.bands)
        ],
    }


def band_text(bands: Bands, i: int) -> str:
    """The range of the i-th band (best first): '≥ 91%', '76% s.d. < 91%', '< 51%'."""
    lower = bands[i][0]
    upper = bands[i - 1][0] if i > 0 else None
    if lower == float("-inf"):
        return f"< {fmt_number(upper, None)}%"
    if upper is None:
        return f"≥ {fmt_number(lower, None)}%"
    return f"{fmt_number(lower, None)}% s.d. < {fmt_number(upper, None)}%"
