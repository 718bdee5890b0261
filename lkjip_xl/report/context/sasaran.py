"""BAB III 3.1.2 Analisis capaian per sasaran strategis: one block per sasaran, each with its
indicators, drafted analysis, factors and the programs that support it."""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_xl.base.formatting import fmt_percent
from lkjip_xl.calc import SasaranResult
from lkjip_xl.calc.budget import BudgetLine
from lkjip_xl.contract.schema import BUDGET_LEVEL
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.anggaran import budget_paragraph
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row, draft, own
from lkjip_xl.report.specs import SASARAN, SASARAN_PROGRAM

FACTORS = (
    ("Faktor pendukung", "faktor_pendukung"),
    ("Faktor penghambat", "faktor_penghambat"),
    ("Solusi", "solusi"),
)


def sasaran_analysis(src: Source, iku: list[Row]) -> Context:
    """`iku`: the IKU rows (indicators.py); each block shows those of its sasaran."""
    blocks = [_block(src, n, s, iku) for n, s in enumerate(src.results.sasaran, start=1)]
    return {"sasaran": blocks}


def _block(src: Source, n: int, s: SasaranResult, iku: list[Row]) -> Row:
    programs = _program_rows(src.results.budget, s.programs)
    return {
        "no": n,
        "kode": s.code,
        "sasaran": s.sasaran,
        "indikator": [row for row in iku if row["kode"] == s.code],
        "caption": SASARAN.caption_text({"no": n}),
        "rata_rata": fmt_percent(s.capaian),
        "rata_rata_lalu": fmt_percent(s.capaian_lalu),
        "kalimat": draft(nv.sasaran_sentence(s, src.year)),
        "faktor": [{"judul": label, "teks": own(text)} for label, text in _factors(s)],
        "program": programs,
        "program_caption": SASARAN_PROGRAM.caption_text({"no": n}) if programs else "",
    }


def _factors(s: SasaranResult) -> list[tuple[str, str]]:
    """Each distinct factor text the sasaran's indicators give, in workbook order."""
    return [
        (label, text)
        for label, attr in FACTORS
        for text in dict.fromkeys(getattr(r.source, attr) for r in s.indicators)
        if text
    ]


def _program_rows(budget: Sequence[BudgetLine], linked: list[int]) -> list[Row]:
    """The linked programs and kegiatan with their performance indicators, top-down."""
    rows = []
    for idx in linked:
        subtree = [budget[idx]] + [b for b in budget if _descends(budget, b, idx)]
        rows += [
            {
                "uraian": b.uraian,
                "uraian_paragraf": budget_paragraph(b),
                "tingkat": BUDGET_LEVEL.label_of(b.level),
                "indikator": b.indikator or "-",
                "target": b.target_kinerja,
                "realisasi": b.realisasi_kinerja,
                "capaian": fmt_percent(b.capaian_kinerja.value),
                "is_program": b.level == "program",
            }
            for b in subtree
            if b.level != "sub_kegiatan" and (b.indikator or b.level == "program")
        ]
    return rows


def _descends(budget: Sequence[BudgetLine], line: BudgetLine, ancestor: int) -> bool:
    parent = line.parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = budget[parent].parent
    return False
