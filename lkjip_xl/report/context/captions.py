"""The captions of the tables and charts, each with a marker for its number.

The numbers are given after rendering, in the order the template shows the captions
(numbering.py). A caption is empty when its table or chart is not in the draft.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lkjip_xl.report.charts import CHARTS
from lkjip_xl.report.context.values import Context
from lkjip_xl.report.specs import captioned_in_context


def captions(ctx: Context) -> dict[str, str]:
    """`captions.<table>` and `captions.g_<chart>`, from the context's other values."""
    tables = {
        spec.name: spec.caption_text(ctx) if holds(ctx, spec.shown_if) else ""
        for spec in captioned_in_context()
    }
    charts = {
        chart.caption_key: chart.caption_text()
        if ctx["grafik"].get(name) and holds(ctx, chart.shown_if)
        else ""
        for name, chart in CHARTS.items()
        if not chart.repeated  # each item of a repeated chart carries its caption
    }
    return tables | charts


def holds(ctx: Mapping[str, Any], condition: str | None) -> bool:
    """Whether a template condition on a (dotted) context name is true: 'desa', 'skm.unsur'."""
    if condition is None:
        return True
    value: Any = ctx
    for part in condition.split("."):
        value = value[part]
    return bool(value)
