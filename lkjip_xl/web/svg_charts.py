"""The page's charts as inline SVG, drawn on the server from the draft's ChartSpecs.

No script and no picture file: the SVG is part of the page (the Content-Security-Policy stays
strict), styled with presentation attributes only (CSP forbids inline `style`). Numbers are shown
the Indonesian way (101,12%), from the spec's Excel number format.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Iterator

from markupsafe import Markup, escape

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.report.chart_spec import CHAR_MM, FONT, ChartSpec, Kind

_Scale = Callable[[float], float]
PX = 4.0  # pixels per millimetre of the Word chart: the SVG keeps the draft's proportions
FONT_PX = 12.0
_TEXT = "#1c2733"
_AXIS = "#808080"
_GRID = "#a6a6a6"


def svg(spec: ChartSpec) -> Markup:
    """One chart as an `<svg>` element that scales to the width of its container."""
    width, height = spec.width_mm * PX, spec.height * PX
    parts = list(_body(spec, width, height))
    title = spec.alt_text or spec.title or "Grafik"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" aria-label="{escape(title)}" font-family="{FONT}, Liberation Sans, '
        f'sans-serif" font-size="{FONT_PX:.0f}" fill="{_TEXT}" class="chart">'
        f"<title>{escape(title)}</title>"
    )
    return Markup(head + "".join(parts) + "</svg>")


def _body(spec: ChartSpec, width: float, height: float) -> Iterator[str]:
    if spec.title:
        yield _text(width / 2, 8 * PX * 0.7, spec.title, anchor="middle", bold=True)
    if spec.kind is Kind.PIE:
        yield from _pie(spec, width, height)
    elif spec.horizontal:
        yield from _bars(spec, width, height)
    else:
        yield from _columns(spec, width, height)
    if spec.shows_legend:
        yield from _legend(spec, width, height)


# --- horizontal bars ---------------------------------------------------------------------


def _bars(spec: ChartSpec, width: float, height: float) -> Iterator[str]:
    left = spec.label_width * PX
    right = width - (14.0 * PX if spec.data_labels and spec.kind is Kind.BAR else 4 * PX)
    top, bottom = spec.top * PX, height - spec.bottom * PX
    low, high = _range(spec)
    x = _scale(low, high, left, right)
    yield from _value_grid(spec, low, high, lambda v: (x(v), top, x(v), bottom), bottom, "x")
    rows = [max(5.0, 3.8 * spec.label_lines(c)) + 3.0 for c in spec.categories]
    unit = (bottom - top) / sum(rows)
    y = top
    stacked = spec.kind is Kind.STACKED_BAR_100
    for i, category in enumerate(spec.categories):
        row = rows[i] * unit
        yield from _wrapped(left - 6, y + row / 2, category, spec)
        band = row * 0.7
        totals = sum(s.values[i] or 0.0 for s in spec.series) if stacked else 1.0
        start = 0.0
        count = 1 if stacked else len(spec.series)
        for j, series in enumerate(spec.series):
            value = series.values[i]
            if value is None:
                continue
            colour = _colour(spec, j, i)
            bar_y = y + (row - band) / 2 + (0 if stacked else j * band / count)
            thick = band / count
            if stacked:
                share = value / totals * 100 if totals else 0.0
                x0, x1 = x(start), x(start + share)
                start += share
            else:
                x0, x1 = x(max(low, 0.0)), x(value)
            yield _rect(min(x0, x1), bar_y, abs(x1 - x0), thick, colour)
            if spec.data_labels and not _hidden(spec, value):
                label = _format(value, spec.number_format)
                if stacked:
                    yield _text((x0 + x1) / 2, bar_y + thick / 2, label, "middle", _on(colour))
                else:
                    yield _text(x1 + 4, bar_y + thick / 2, label)
        y += row
    yield _line(left, top, left, bottom)


# --- columns and lines -------------------------------------------------------------------


def _columns(spec: ChartSpec, width: float, height: float) -> Iterator[str]:
    left = (14.0 + (5.0 if spec.value_title else 0.0)) * PX
    right, top, bottom = width - 4 * PX, (spec.top + 4) * PX, height - spec.bottom * PX
    low, high = _range(spec)
    y = _scale(low, high, bottom, top)
    yield from _value_grid(spec, low, high, lambda v: (left, y(v), right, y(v)), left, "y")
    if spec.value_title:
        mid = (top + bottom) / 2
        yield (
            f'<text x="{4 * PX:.1f}" y="{mid:.1f}" text-anchor="middle" font-size="11" '
            f'transform="rotate(-90 {4 * PX:.1f} {mid:.1f})">{escape(spec.value_title)}</text>'
        )
    slot = (right - left) / max(1, len(spec.categories))
    for i, category in enumerate(spec.categories):
        centre = left + slot * (i + 0.5)
        for k, line in enumerate(textwrap.wrap(category, max(4, int(slot / PX / CHAR_MM)))[:2]):
            yield _text(centre, bottom + 14 + k * 13, line, "middle")
    if spec.kind is Kind.LINE:
        yield from _lines(spec, left, slot, y)
    else:
        band = slot * 0.65
        thick = band / len(spec.series)
        for i in range(len(spec.categories)):
            for j, series in enumerate(spec.series):
                value = series.values[i]
                if value is None:
                    continue
                x0 = left + slot * i + (slot - band) / 2 + j * thick
                y0, y1 = y(max(low, 0.0)), y(value)
                yield _rect(x0, min(y0, y1), thick, abs(y1 - y0), _colour(spec, j, i))
                if spec.data_labels:
                    label = _format(value, spec.number_format)
                    yield _text(x0 + thick / 2, y1 - 5, label, "middle")
    yield _line(left, bottom, right, bottom)


def _lines(spec: ChartSpec, left: float, slot: float, y: _Scale) -> Iterator[str]:
    for j, series in enumerate(spec.series):
        colour = _colour(spec, j, None)
        points = [
            (left + slot * (i + 0.5), y(v)) for i, v in enumerate(series.values) if v is not None
        ]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        yield f'<polyline points="{path}" fill="none" stroke="#{colour}" stroke-width="3"/>'
        for (px, py), value in zip(
            points, [v for v in series.values if v is not None], strict=True
        ):
            yield f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="#{colour}"/>'
            if spec.data_labels:
                yield _text(px, py - 9, _format(value, spec.number_format), "middle")


# --- pie ---------------------------------------------------------------------------------


def _pie(spec: ChartSpec, width: float, height: float) -> Iterator[str]:
    series = spec.series[0]
    values = [max(v or 0.0, 0.0) for v in series.values]
    total = sum(values)
    radius = min(height / 2 - 8 * PX, width * 0.3)
    cx, cy = width * 0.32, height / 2
    angle = -math.pi / 2  # from twelve o'clock, clockwise, as Word and LibreOffice draw
    for i, value in enumerate(values):
        if not total or not value:
            continue
        sweep = value / total * 2 * math.pi
        colour = _colour(spec, 0, i)
        if value == total:
            yield f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" fill="#{colour}"/>'
        else:
            yield _slice(cx, cy, radius, angle, sweep, colour)
        if spec.data_labels and not _hidden(spec, value):
            mid = angle + sweep / 2
            lx, ly = cx + math.cos(mid) * radius * 1.18, cy + math.sin(mid) * radius * 1.18
            label = (
                fmt_number(value / total * 100, 0) + "%"
                if spec.pie_percent
                else _format(value, spec.number_format)
            )
            yield _text(lx, ly, label, "middle")
        angle += sweep


def _slice(cx: float, cy: float, r: float, start: float, sweep: float, colour: str) -> str:
    x0, y0 = cx + r * math.cos(start), cy + r * math.sin(start)
    x1, y1 = cx + r * math.cos(start + sweep), cy + r * math.sin(start + sweep)
    large = 1 if sweep > math.pi else 0
    return (
        f'<path d="M{cx:.1f},{cy:.1f} L{x0:.1f},{y0:.1f} A{r:.1f},{r:.1f} 0 {large} 1 '
        f'{x1:.1f},{y1:.1f} Z" fill="#{colour}" stroke="#ffffff" stroke-width="1.5"/>'
    )


# --- shared pieces -----------------------------------------------------------------------


def _legend(spec: ChartSpec, width: float, height: float) -> Iterator[str]:
    if spec.kind is Kind.PIE:
        names = list(spec.categories)
        colours = [_colour(spec, 0, i) for i in range(len(names))]
        x, y = width * 0.66, height / 2 - len(names) * 9
        for i, (name, colour) in enumerate(zip(names, colours, strict=True)):
            yield _rect(x, y + i * 18 - 5, 10, 10, colour)
            yield _text(x + 15, y + i * 18, name)
        return
    names = [s.name for s in spec.series]
    step = width / (len(names) + 1)
    y = height - 4 * PX
    for i, name in enumerate(names):
        x = step * (i + 0.5)
        yield _rect(x, y - 5, 10, 10, _colour(spec, i, None))
        yield _text(x + 15, y, name)


def _scale(low: float, high: float, start: float, end: float) -> _Scale:
    """Value → pixel, linearly from [low, high] onto [start, end]."""
    span = (high - low) or 1.0
    return lambda v: start + (v - low) / span * (end - start)


def _range(spec: ChartSpec) -> tuple[float, float]:
    if spec.kind is Kind.STACKED_BAR_100:
        return 0.0, 100.0
    values = [v for s in spec.series for v in s.values if v is not None]
    low = spec.axis_min if spec.axis_min is not None else min([0.0, *values])
    high = spec.axis_max if spec.axis_max is not None else _nice(max([low + 1.0, *values]) * 1.1)
    return low, high


def _nice(value: float) -> float:
    """A round axis end at or above `value`: 1, 2 or 5 times a power of ten."""
    power = 10 ** math.floor(math.log10(value)) if value > 0 else 1.0
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _value_grid(
    spec: ChartSpec,
    low: float,
    high: float,
    line: Callable[[float], tuple[float, float, float, float]],
    edge: float,
    axis: str,
) -> Iterator[str]:
    """Tick numbers along the value axis, and the gridlines where the spec asks for them."""
    unit = 20.0 if spec.kind is Kind.STACKED_BAR_100 else spec.major_unit or _nice(high - low) / 5
    fmt = spec.value_axis_format
    count = int(round((high - low) / unit))
    for k in range(count + 1):
        value = low + k * unit
        if value > high + 1e-9:
            break
        x0, y0, x1, y1 = line(value)
        if spec.gridlines and k > 0:
            yield (
                f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" '
                f'stroke="{_GRID}" stroke-dasharray="6 4"/>'
            )
        shown = value / 100 if spec.kind is Kind.STACKED_BAR_100 else value
        label = _format(shown, fmt)
        if axis == "x":
            yield _text(x0, edge + 16, label, "middle", size=11)
        else:
            yield _text(edge - 6, y0, label, "end", size=11)


def _wrapped(x: float, y: float, text: str, spec: ChartSpec) -> Iterator[str]:
    per_line = max(1, int((spec.label_width - 4.0) / CHAR_MM))
    lines = textwrap.wrap(text, per_line)[:3] or [""]
    first = y - (len(lines) - 1) * 7
    for k, line in enumerate(lines):
        yield _text(x, first + k * 14, line, "end")


def _colour(spec: ChartSpec, series: int, point: int | None) -> str:
    own = spec.series[series].point_colours
    if own is not None and point is not None:
        return own[point]
    return spec.colour_of(series)


def _hidden(spec: ChartSpec, value: float) -> bool:
    return spec.hide_labels_below is not None and value < spec.hide_labels_below


def _on(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return "#ffffff" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else _TEXT


def _rect(x: float, y: float, w: float, h: float, colour: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#{colour}"/>'


def _line(x0: float, y0: float, x1: float, y1: float) -> str:
    return f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y1:.1f}" stroke="{_AXIS}"/>'


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    colour: str | None = None,
    bold: bool = False,
    size: float | None = None,
) -> str:
    extra = f' fill="{colour}"' if colour else ""
    extra += ' font-weight="bold"' if bold else ""
    extra += f' font-size="{size:.0f}"' if size else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" dominant-baseline="middle"'
        f"{extra}>{escape(text)}</text>"
    )


_FORMAT = re.compile(
    r'^(?P<number>[#0,]*0(?:\.(?P<decimals>0+))?)(?P<percent>%?)(?:"(?P<suffix>[^"]*)")?$'
)


def format_value(value: float, code: str) -> str:
    """An Excel number format code applied the Indonesian way: `#,##0.00"%"` → 101,12%."""
    match = _FORMAT.match(code.strip())
    if match is None:  # "General" and anything unusual: as the draft prints numbers
        return fmt_number(value, None)
    decimals = len(match["decimals"] or "")
    if match["percent"]:
        return fmt_number(value * 100, decimals) + "%"
    return fmt_number(value, decimals) + (match["suffix"] or "")


_format = format_value
