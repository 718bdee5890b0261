"""Where each free `Tabel …` sheet goes: the chapter its `Letak` names (Bab I, II, III) or the
Lampiran. Each item carries its caption and the marker paragraph where render.py splices the
table (spliced_tables.py lays it out)."""

from __future__ import annotations

from lkjip_xl.report import markers
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row
from lkjip_xl.report.specs import table_caption

CHAPTERS = ("bab_i", "bab_ii", "bab_iii")


def free_tables(src: Source) -> Context:
    """`tabel_bab.<chapter>` for the chapters; `tabel_bebas` (the Lampiran's) keeps only the
    tables placed there (or placed nowhere this draft knows)."""
    placed: dict[str, list[Row]] = {chapter: [] for chapter in CHAPTERS}
    lampiran: list[Row] = []
    for i, ft in enumerate(src.wb.free_tables):
        item = {
            "judul": ft.title,
            "caption": table_caption(ft.title),
            "penanda": markers.free_table(i),
        }
        placed.get(ft.placement, lampiran).append(item)
    return {
        "tabel_bab": placed,
        "tabel_bebas": lampiran,
        "daftar_lampiran": _appendices(src, [t["judul"] for t in lampiran]),
    }


def _appendices(src: Source, free: list[str]) -> list[str]:
    """The Lampiran's parts in the order the template gives them (Daftar Lampiran)."""
    results = src.results
    year = src.year or ""
    parts = [f"Perjanjian Kinerja Tahun {year}", "Indikator Kinerja Utama"]
    if results.skm is not None and results.skm.ikm is not None:
        parts.append("Perhitungan Survei Kepuasan Masyarakat")
    parts += free
    if results.renstra_matrix is not None:
        parts.append("Matrik Rencana Strategis")
    parts += [p.bagian for p in src.wb.pictures if not p.part]
    return parts
