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
    return {"tabel_bab": placed, "tabel_bebas": lampiran}
