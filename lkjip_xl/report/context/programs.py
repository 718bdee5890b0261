"""BAB III: one paragraph per program and kegiatan of `Anggaran` (its indicator's target,
realisasi and capaian, its pagu, realisasi and serapan), replaced by the workbook's own text
where `Narasi` has `Analisis Program <kode>`."""

from __future__ import annotations

from docxtpl import RichText

from lkjip_xl.base.formatting import fmt_percent, fmt_rupiah
from lkjip_xl.calc.budget import BudgetLine
from lkjip_xl.contract.schema import BUDGET_LEVEL
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, draft, own, paragraphs


def program_analysis(src: Source) -> Context:
    items = []
    for line in src.results.budget:
        if line.level not in ("program", "kegiatan"):
            continue
        given = src.wb.narrative.get(f"analisis_program:{line.kode}") if line.kode else None
        text = [own(p) for p in paragraphs(given)] if given else [draft(_paragraph(line))]
        items.append(
            {
                "judul": _title(line),
                "kegiatan": line.level == "kegiatan",
                "paragraf": text,
            }
        )
    return {"analisis_program": items}


def _title(line: BudgetLine) -> RichText:
    rt = RichText()
    rt.add(f"{line.kode} {_named(line)}".strip(), bold=True)
    return rt


def _named(line: BudgetLine) -> str:
    """'Program Penunjang …', never 'Program Program Penunjang …'."""
    label, name = BUDGET_LEVEL.label_of(line.level), _name(line.uraian)
    return name if name.lower().startswith(label.lower()) else f"{label} {name}"


def _name(uraian: str) -> str:
    return uraian.title() if uraian.isupper() else uraian


def _paragraph(line: BudgetLine) -> str:
    parts = [_named(line)]
    if line.pagu is not None:
        parts.append(
            f"memiliki pagu {fmt_rupiah(line.pagu, cents=False)} dengan realisasi "
            f"{fmt_rupiah(line.realisasi, cents=False)} (serapan {fmt_percent(line.serapan)})"
        )
    text = " ".join(parts)
    if line.indikator:
        satuan = line.satuan.strip()
        pct = "%" if satuan.lower() in ("%", "persen") else ""
        plain = pct or satuan.lower() in ("", "nilai", "angka", "indeks")
        unit = "" if plain else f" {satuan.lower()}"  # units are lower case inside a sentence
        text += (
            f". Indikator “{line.indikator}” ditargetkan {line.target_kinerja}{pct}{unit} dan "
            f"terealisasi {line.realisasi_kinerja}{pct}{unit}"
        )
        if line.capaian_kinerja.value is not None:
            text += f", capaian {fmt_percent(line.capaian_kinerja.value)}"
    return text + "."
