"""The lampiran: the workbook's free 'Tabel …' sheets (the Perjanjian Kinerja, IKU and SKM
appendices reuse the rows of Bab II and Bab III)."""

from __future__ import annotations

from lkjip_xl.report import markers
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context
from lkjip_xl.report.specs import table_caption


def lampiran(src: Source) -> Context:
    """Each free table's caption and its marker paragraph, where render.py splices the table."""
    return {
        "tabel_bebas": [
            {
                "judul": title,
                "caption": table_caption(title),
                "penanda": markers.free_table(i),
            }
            for i, title in enumerate(ft.title for ft in src.wb.free_tables)
        ],
    }
