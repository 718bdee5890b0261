"""BAB III 3.1.3 Survei Kepuasan Masyarakat, and its calculation in the lampiran."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.calc.skm import ElementResult, SkmResult
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row, draft


def skm(src: Source) -> Context:
    k = src.results.skm
    survey = _survey(k) if k is not None and k.ikm is not None else None
    return {
        "ada_skm": survey is not None,
        "skm": survey or _no_survey(),
        "kalimat_skm": draft(nv.skm_sentence(src.results)),
        # one per unsur chart (charts.element_charts: the unsur with answers), in its order
        "kalimat_unsur": [draft(_element_sentence(e)) for e in k.elements if e.answers]
        if survey and k
        else [],
    }


def _element_sentence(e: ElementResult) -> str:
    """One short paragraph per unsur (seed 004): its NRR, mutu and how respondents answered."""
    good = e.shares[3] + e.shares[4]
    text = f"Unsur {e.name} memperoleh nilai rata-rata {fmt_number(e.nrr)}"
    if e.mutu:
        text += f" dengan mutu {e.mutu} ({e.kinerja.lower()})" if e.kinerja else f" ({e.mutu})"
    return (
        text + f"; {fmt_number(good)}% jawaban responden menilai baik atau sangat baik dan "
        f"{fmt_number(e.shares[1] + e.shares[2])}% menilai kurang baik atau tidak baik."
    )


def _survey(k: SkmResult) -> Context:
    return {
        "unsur": [_element_row(e) for e in k.elements],
        "ikm": fmt_number(k.ikm),
        "mutu": k.mutu,
        "kinerja": k.kinerja,
        "responden": fmt_number(k.respondents, 0),
        "bobot": k.weight_label,
        "jumlah_tertimbang": fmt_number(k.nrr_weighted_sum, 3),
    }


def _no_survey() -> Context:
    return {
        "unsur": [],
        "ikm": "-",
        "mutu": "-",
        "kinerja": "-",
        "responden": "0",
        "bobot": "-",
        "jumlah_tertimbang": "-",
    }


def _element_row(e: ElementResult) -> Row:
    return {
        "kode": e.code,
        "nama": e.name,
        "jumlah": fmt_number(e.total, 0),
        "nrr": fmt_number(e.nrr),
        "tertimbang": fmt_number(e.weighted, 3),
        "mutu": e.mutu,
        "kinerja": e.kinerja,
        "s1": fmt_number(e.shares[1]),
        "s2": fmt_number(e.shares[2]),
        "s3": fmt_number(e.shares[3]),
        "s4": fmt_number(e.shares[4]),
    }
