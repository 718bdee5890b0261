"""BAB III 3.1.4 Efisiensi and 3.2 Realisasi Anggaran: the budget tree, totals, spending by type."""

from __future__ import annotations

from docxtpl import RichText, RichTextParagraph

from lkjip_xl.base.formatting import fmt_number, fmt_percent, fmt_rupiah, terbilang
from lkjip_xl.calc.budget import BudgetLine, BudgetTotals, SpendingLine
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row, draft, signed


def efisiensi(src: Source) -> Context:
    return {
        "efisiensi": [
            {
                "no": n,
                "sasaran": s.sasaran,
                "capaian": fmt_percent(s.capaian),
                "serapan": fmt_percent(s.serapan),
                "rasio": fmt_number(s.efisiensi),
                "kategori": s.efisien or "-",
            }
            for n, s in enumerate(src.results.sasaran, start=1)
        ],
        "kalimat_efisiensi": draft(nv.efficiency_sentence(src.results)),
    }


def anggaran(src: Source) -> Context:
    results = src.results
    totals = results.budget_totals
    return {
        "anggaran": [_budget_row(b) for b in results.budget],
        "total": _totals(totals),
        "ada_perubahan": totals.pagu_sebelum is not None,
        "kalimat_anggaran": draft(nv.budget_sentence(results, src.identity)),
        "belanja": [_spending_row(s) for s in results.spending],
    }


def _budget_row(b: BudgetLine) -> Row:
    return {
        "uraian": _indented(b),  # kept for kabupaten templates that print it
        "uraian_paragraf": budget_paragraph(b),
        "tingkat": b.level,
        "kode": b.kode or "",
        "pagu": fmt_number(b.pagu, 0),
        "realisasi": fmt_number(b.realisasi, 0),
        "sisa": fmt_number(b.sisa, 0),
        "serapan": fmt_number(b.serapan),
        "sebelum": fmt_number(b.pagu_sebelum, 0),
        "perubahan": signed(b.perubahan),
        "is_program": b.level == "program",
        "is_kegiatan": b.level == "kegiatan",
    }


LEVEL_STYLES = ("IsiTabel", "IsiTabelTingkat1", "IsiTabelTingkat2", "IsiTabelTingkat3")


def budget_paragraph(b: BudgetLine) -> RichTextParagraph:
    """The uraian in a paragraph indented by the template's style of its depth, programs bold."""
    rt = RichText()
    rt.add(b.uraian, bold=b.level == "program")
    return RichTextParagraph(rt, parastyle=LEVEL_STYLES[min(b.depth, len(LEVEL_STYLES) - 1)])


def _indented(b: BudgetLine) -> RichText:
    """The uraian indented by its depth in the tree, programs in bold."""
    rt = RichText()
    rt.add(("    " * b.depth) + b.uraian, bold=b.level == "program")
    return rt


def _totals(t: BudgetTotals) -> Context:
    return {
        "pagu": fmt_number(t.pagu, 0),
        "realisasi": fmt_number(t.realisasi, 0),
        "sisa": fmt_number(t.sisa, 0),
        "serapan": fmt_number(t.serapan),
        "pagu_rp": fmt_rupiah(t.pagu),
        "terbilang": terbilang(t.pagu),
        "sebelum": fmt_number(t.pagu_sebelum, 0),
        "perubahan": signed(t.perubahan),
    }


def _spending_row(s: SpendingLine) -> Row:
    return {
        "jenis": s.jenis,
        "anggaran": fmt_number(s.anggaran, 0),
        "realisasi": fmt_number(s.realisasi, 0),
        "serapan": fmt_number(s.serapan),
        "lalu": fmt_number(s.realisasi_lalu, 0),
        "pertumbuhan": fmt_number(s.pertumbuhan),
        "is_subtotal": s.is_subtotal,
    }
