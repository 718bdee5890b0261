"""The report's charts, drawn with matplotlib (Agg) as PNG bytes at print quality (200 dpi)."""

from __future__ import annotations

import io
import textwrap

# Figure without pyplot: no global state (safe in a web server's threads) and a third of the
# import time.
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.calc import Results

DPI = 200
_BLUE, _GREY, _RED = "#1F4E79", "#A6A6A6", "#C00000"
_ANSWER_COLOURS = ("#C00000", "#F4B183", "#9DC3E6", "#1F4E79")
_ID = FuncFormatter(lambda v, _pos: fmt_number(v, None))


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _figure(size: tuple[float, float]):
    fig = Figure(figsize=size)
    return fig, fig.subplots()


def _wrap(labels: list[str], width: int = 28) -> list[str]:
    return ["\n".join(textwrap.wrap(label, width)[:3]) for label in labels]


def _labelled_bars(
    labels: list[str],
    values: list[float],
    colours,
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
    ax.xaxis.set_major_formatter(_ID)
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def capaian_chart(results: Results) -> bytes | None:
    rows = [r for r in results.indicators if r.capaian.available]
    if not rows:
        return None
    values = [r.capaian.value for r in rows]
    colours = [_BLUE if v >= 100 else _RED for v in values]
    return _labelled_bars(
        _wrap([r.source.indikator for r in rows]),
        values,
        colours,
        "Capaian (%)",
        max(values + [100]) * 1.18,
        reference=100,
    )


def serapan_chart(results: Results) -> bytes | None:
    programs = [b for b in results.budget if b.level == "program" and b.serapan is not None]
    if not programs:
        return None
    labels = _wrap([_program_name(p.uraian) for p in programs], 34)
    return _labelled_bars(labels, [p.serapan for p in programs], _BLUE, "Serapan anggaran (%)", 118)


def _program_name(uraian: str) -> str:
    """Programs are often typed in capitals; a chart reads better in title case."""
    return uraian.title() if uraian.isupper() else uraian


def ikm_chart(results: Results) -> bytes | None:
    skm = results.skm
    if skm is None or skm.ikm is None:
        return None
    elements = [e for e in skm.elements if e.nrr is not None]
    fig, ax = _figure((7.0, 3.4))
    codes = [e.code for e in elements]
    values = [e.nrr for e in elements]
    bars = ax.bar(codes, values, color=_BLUE)
    for bar, v in zip(bars, values, strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, v + 0.04, fmt_number(v), ha="center", fontsize=8)
    ax.set_ylim(1, 4.3)
    ax.set_ylabel("Nilai rata-rata (NRR)")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_number(v, 1)))
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
    ax.xaxis.set_major_formatter(_ID)
    ax.tick_params(labelsize=8)
    ax.legend(ncol=4, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def perubahan_chart(results: Results) -> bytes | None:
    programs = [b for b in results.budget if b.level == "program" and b.pagu_sebelum is not None]
    if not programs:
        return None
    fig, ax = _figure((7.0, 0.6 * len(programs) + 1.4))
    labels = _wrap([_program_name(p.uraian) for p in programs], 34)
    y = range(len(programs))
    ax.barh(
        [i - 0.2 for i in y],
        [p.pagu_sebelum for p in programs],
        height=0.4,
        color=_GREY,
        label="Sebelum perubahan",
    )
    ax.barh(
        [i + 0.2 for i in y],
        [p.pagu for p in programs],
        height=0.4,
        color=_BLUE,
        label="Setelah perubahan",
    )
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_ID)
    ax.set_xlabel("Pagu (Rp)")
    ax.tick_params(labelsize=8)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
