"""The report's charts, drawn with matplotlib (Agg) as PNG bytes at print quality (200 dpi),
and the registry that declares each chart once (`CHARTS`).

Adding a chart to the draft: write its draw function (Results -> PNG bytes, or None when there
is nothing to draw), add it to `CHARTS`, and place it in the template builder with
`b.chart(name)`. Drawing, the caption, the template tag and the web page all read `CHARTS`.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.calc import Results
from lkjip_xl.report.markers import CHART_NUMBER

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

DPI = 200
_BLUE, _GREY, _RED = "#1F4E79", "#A6A6A6", "#C00000"
_ANSWER_COLOURS = ("#C00000", "#F4B183", "#9DC3E6", "#1F4E79")


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _figure(size: tuple[float, float]) -> tuple[Figure, Axes]:
    # Imported here, not above: matplotlib takes half a second to import, and the web page and
    # the registry's readers import this module without drawing. Figure without pyplot: no
    # global state (safe in a web server's threads) and a third of the import time.
    from matplotlib.figure import Figure

    fig = Figure(figsize=size)
    return fig, fig.subplots()


def _formatter(decimals: int | None) -> FuncFormatter:
    """Axis numbers in the Indonesian format (1.000,5)."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: fmt_number(v, decimals))


def _wrap(labels: list[str], width: int = 28) -> list[str]:
    return ["\n".join(textwrap.wrap(label, width)[:3]) for label in labels]


def _labelled_bars(
    labels: list[str],
    values: list[float],
    colours: str | Sequence[str],
    xlabel: str,
    xmax: float,
    reference: float | None = None,
) -> bytes:
    """Horizontal bars, each labelled with its percentage, optionally with a reference line."""
    fig, ax = _figure((7.0, 0.55 * len(values) + 1.2))
    bars = ax.barh(labels, values, color=colours)
    if reference is not None:
        ax.axvline(reference, color=_GREY, linestyle="--", linewidth=1)
    ax.invert_yaxis()
    for bar, v in zip(bars, values, strict=True):
        ax.text(
            bar.get_width() + 1,
            bar.get_y() + bar.get_height() / 2,
            fmt_number(v) + "%",
            va="center",
            fontsize=8,
        )
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, xmax)
    ax.xaxis.set_major_formatter(_formatter(None))
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def capaian_chart(results: Results) -> bytes | None:
    rows = [(r.source.indikator, r.capaian.value) for r in results.indicators]
    measured = [(name, value) for name, value in rows if value is not None]
    if not measured:
        return None
    values = [value for _, value in measured]
    colours = [_BLUE if v >= 100 else _RED for v in values]
    return _labelled_bars(
        _wrap([name for name, _ in measured]),
        values,
        colours,
        "Capaian (%)",
        max(values + [100]) * 1.18,
        reference=100,
    )


def serapan_chart(results: Results) -> bytes | None:
    programs = [
        (b.uraian, b.serapan)
        for b in results.budget
        if b.level == "program" and b.serapan is not None
    ]
    if not programs:
        return None
    labels = _wrap([_program_name(uraian) for uraian, _ in programs], 34)
    values = [serapan for _, serapan in programs]
    return _labelled_bars(labels, values, _BLUE, "Serapan anggaran (%)", 118)


def _program_name(uraian: str) -> str:
    """Programs are often typed in capitals; a chart reads better in title case."""
    return uraian.title() if uraian.isupper() else uraian


def ikm_chart(results: Results) -> bytes | None:
    skm = results.skm
    if skm is None or skm.ikm is None:
        return None
    elements = [(e.code, e.nrr) for e in skm.elements if e.nrr is not None]
    fig, ax = _figure((7.0, 3.4))
    codes = [code for code, _ in elements]
    values = [nrr for _, nrr in elements]
    bars = ax.bar(codes, values, color=_BLUE)
    for bar, v in zip(bars, values, strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, v + 0.04, fmt_number(v), ha="center", fontsize=8)
    ax.set_ylim(1, 4.3)
    ax.set_ylabel("Nilai rata-rata (NRR)")
    ax.yaxis.set_major_formatter(_formatter(1))
    ax.set_title(f"IKM {fmt_number(skm.ikm)} (mutu {skm.mutu}, {skm.kinerja})", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def answer_share_chart(results: Results) -> bytes | None:
    skm = results.skm
    if skm is None or not skm.elements:
        return None
    fig, ax = _figure((7.0, 0.42 * len(skm.elements) + 1.4))
    labels = _wrap([f"{e.code} {e.name}" for e in skm.elements], 36)
    left = [0.0] * len(skm.elements)
    names = {1: "Tidak baik", 2: "Kurang baik", 3: "Baik", 4: "Sangat baik"}
    for answer in (1, 2, 3, 4):
        widths = [e.shares[answer] for e in skm.elements]
        ax.barh(
            labels,
            widths,
            left=left,
            color=_ANSWER_COLOURS[answer - 1],
            label=f"{answer} {names[answer]}",
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Persentase jawaban (%)")
    ax.xaxis.set_major_formatter(_formatter(None))
    ax.tick_params(labelsize=8)
    ax.legend(ncol=4, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def perubahan_chart(results: Results) -> bytes | None:
    programs = [
        (b.uraian, b.pagu_sebelum, b.pagu)
        for b in results.budget
        if b.level == "program" and b.pagu_sebelum is not None
    ]
    if not programs:
        return None
    fig, ax = _figure((7.0, 0.6 * len(programs) + 1.4))
    labels = _wrap([_program_name(uraian) for uraian, _, _ in programs], 34)
    y = range(len(programs))
    ax.barh(
        [i - 0.2 for i in y],
        [before for _, before, _ in programs],
        height=0.4,
        color=_GREY,
        label="Sebelum perubahan",
    )
    ax.barh(
        [i + 0.2 for i in y],
        [after or 0.0 for _, _, after in programs],  # a program dropped in the perubahan
        height=0.4,
        color=_BLUE,
        label="Setelah perubahan",
    )
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_formatter(None))
    ax.set_xlabel("Pagu (Rp)")
    ax.tick_params(labelsize=8)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


@dataclass(frozen=True)
class Chart:
    """One chart of the draft: `{{ grafik.<name> }}` and its caption `{{ captions.g_<name> }}`."""

    name: str
    title: str  # the caption after "Grafik n.n"
    draw: Callable[[Results], bytes | None]
    on_page: bool  # the web page's results show it too
    shown_if: str | None = None  # a context value that must hold too, as for a table (specs.py)

    @property
    def caption_key(self) -> str:
        return f"g_{self.name}"

    def caption_text(self) -> str:
        """'Grafik <marker> Title'; the marker is numbered after rendering (numbering.py)."""
        return f"Grafik {CHART_NUMBER} {self.title}"


CHARTS: dict[str, Chart] = {
    c.name: c
    for c in (
        Chart(
            "capaian", "Capaian Indikator Kinerja terhadap Target 100%", capaian_chart, on_page=True
        ),
        Chart("serapan", "Serapan Anggaran per Program", serapan_chart, on_page=True),
        Chart(
            "ikm",
            "Nilai Rata-rata per Unsur Pelayanan",
            ikm_chart,
            on_page=True,
            shown_if="ada_skm",
        ),
        Chart(
            "sebaran",
            "Sebaran Jawaban Responden per Unsur",
            answer_share_chart,
            on_page=True,
            shown_if="ada_skm",
        ),
        Chart(
            "perubahan",
            "Pagu Program Sebelum dan Sesudah Perubahan",
            perubahan_chart,
            on_page=False,
        ),
    )
}
PAGE_CHARTS = tuple(name for name, chart in CHARTS.items() if chart.on_page)


def draw_charts(results: Results) -> dict[str, bytes | None]:
    """Every chart's PNG (None where there is nothing to draw), by name."""
    return {name: chart.draw(results) for name, chart in CHARTS.items()}
