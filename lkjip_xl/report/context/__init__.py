"""The template context: every figure of the draft, formatted once, in Indonesian.

Templates only place values; they compute nothing. Drafted passages that staff should review are
RichText highlighted in yellow (`values.draft`); text the workbook gives is used as written. Each
part of the report has its own builder below; the names they give are the template's names (a
kabupaten's customised template relies on them: rename none).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from lkjip_xl.calc import Results
from lkjip_xl.contract.records import Workbook
from lkjip_xl.report import pictures as pictures_module
from lkjip_xl.report.charts import CHARTS
from lkjip_xl.report.context.anggaran import anggaran, efisiensi
from lkjip_xl.report.context.bab_i import bab_i, section_numbers
from lkjip_xl.report.context.bab_ii import bab_ii
from lkjip_xl.report.context.bab_iv import bab_iv
from lkjip_xl.report.context.capaian import capaian
from lkjip_xl.report.context.captions import captions
from lkjip_xl.report.context.comparisons import comparisons
from lkjip_xl.report.context.free_tables import free_tables
from lkjip_xl.report.context.front_matter import front_matter, identity
from lkjip_xl.report.context.indicators import indicators
from lkjip_xl.report.context.lampiran import lampiran
from lkjip_xl.report.context.programs import program_analysis
from lkjip_xl.report.context.sasaran import sasaran_analysis
from lkjip_xl.report.context.skm import skm
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context

BAB_III_PARTS = ("capaian", "sasaran", "riwayat", "program", "skm", "efisiensi")


def build_context(
    wb: Workbook,
    results: Results,
    charts: Mapping[str, object] | None = None,
    today: dt.date | None = None,
    pictures: Mapping[str, object] | None = None,
) -> Context:
    """The context of the draft; `charts` maps each chart's name to its placeholder, `pictures`
    each Gambar part to its picture (render.py; report/pictures.py)."""
    src = Source(wb, results, today or dt.date.today())
    rows = indicators(src)
    ctx: Context = {
        **identity(src),
        **front_matter(src),
        **bab_i(src),
        **bab_ii(src),
        **rows,
        **capaian(src),
        **sasaran_analysis(src, rows["iku"]),
        **skm(src),
        **efisiensi(src),
        **anggaran(src),
        **comparisons(src),
        **program_analysis(src),
        **bab_iv(src),
        **lampiran(src),
        **free_tables(src),  # after lampiran: its tabel_bebas keeps the Lampiran's only
        "gambar": dict(pictures or pictures_module.EMPTY),
        # None (a repeated chart: no item) where a chart is not drawn
        "grafik": {
            **{name: [] if chart.repeated else None for name, chart in CHARTS.items()},
            **(charts or {}),
        },
    }
    ctx["bab_iii_no"] = section_numbers(
        "3.1",
        {
            "riwayat": bool(ctx["riwayat"] or ctx["renstra_banding"]),
            "program": bool(ctx["analisis_program"]),
            "skm": bool(ctx["ada_skm"]),
        },
        BAB_III_PARTS,
    )
    ctx["captions"] = captions(ctx)
    return ctx


__all__ = ["Context", "build_context"]
