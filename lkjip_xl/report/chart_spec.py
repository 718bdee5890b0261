"""A chart declared as data and style: kind, categories, series, number formats, axis range.

One `ChartSpec` is drawn twice: as a native, editable Word chart (native_chart.py, with its
embedded data workbook) and as inline SVG on the web page (web/svg_charts.py). It holds no
drawing code and imports nothing heavy, so the registry (charts.py) costs nothing to import.

Kinds: `bar` (horizontal bars), `column` (vertical bars), either of them *clustered* when it has
several series; `stacked_bar_100` (horizontal, each bar adds up to 100 %); `pie` (one series);
`line` (several series over the categories, e.g. years).

Number formats are Excel format codes (`#,##0.00`, `0"%"`): the decimal and thousands
separators shown are the viewer's (Word on an Indonesian Windows shows 101,12); a code written
the Indonesian way (`#.##0,00`) is not valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# The document's palette: blue, red for below target, grey for a comparison or reference.
BLUE, RED, GREY = "1F4E79", "C00000", "A6A6A6"
LIGHT_BLUE, LIGHT_RED = "9DC3E6", "F4B183"
ANSWER_COLOURS = (RED, LIGHT_RED, LIGHT_BLUE, BLUE)  # SKM answers 1 (tidak baik) … 4 (sangat baik)
PALETTE = (BLUE, GREY, LIGHT_BLUE, RED, LIGHT_RED, "548235", "BF9000", "7030A0")

FONT = "Arial"  # the document's font (scripts/build_docx_template.py)
FONT_PT = 9.0
TITLE_PT = 10.0
WIDTH_MM = 150.0
CHAR_MM = 1.75  # the mean width of a character of 9 pt Arial, for laying out category names

# Number formats used by the report's charts
PERCENT = '#,##0.00"%"'  # a value already in percent: 101.12 → 101,12%
PERCENT_AXIS = '0"%"'
DECIMAL_2 = "#,##0.00"
WHOLE = "#,##0"


class Kind(StrEnum):
    BAR = "bar"
    COLUMN = "column"
    STACKED_BAR_100 = "stacked_bar_100"
    PIE = "pie"
    LINE = "line"


@dataclass(frozen=True)
class Series:
    """One series: a value per category (None: no value), its colour, optionally a colour per
    point (bars red below target) — for a pie, the colour of each slice."""

    name: str
    values: tuple[float | None, ...]
    colour: str | None = None  # hex RRGGBB; None: the palette's next colour
    point_colours: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ChartSpec:
    """Everything needed to draw one chart; no drawing code."""

    kind: Kind
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    title: str = ""  # drawn inside the chart (the caption stays outside, in the document)
    number_format: str = "General"  # the values and their data labels
    axis_format: str | None = None  # the value axis; None: as the values
    value_title: str = ""  # the value axis's title
    axis_min: float | None = None
    axis_max: float | None = None
    major_unit: float | None = None
    gridlines: bool = False  # major gridlines of the value axis (dashed grey)
    data_labels: bool = True
    hide_labels_below: float | None = None  # no label on smaller values (thin stacked segments)
    pie_percent: bool = False  # pie labels show each slice's share instead of its value
    legend: bool | None = None  # None: when there are several series (or slices)
    height_mm: float | None = None  # None: from the number of categories
    width_mm: float = WIDTH_MM
    label: str = ""  # what tells a repeated chart from its siblings (the unsur's name)
    alt_text: str = field(default="", compare=False)  # what a screen reader says

    def __post_init__(self) -> None:
        if not self.series:
            raise ValueError("a chart needs at least one series")
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"series {s.name!r}: {len(s.values)} values, {len(self.categories)} categories"
                )
            if s.point_colours is not None and len(s.point_colours) != len(self.categories):
                raise ValueError(f"series {s.name!r}: one colour per point")
        if self.kind is Kind.PIE and len(self.series) != 1:
            raise ValueError("a pie chart has exactly one series")

    @property
    def value_axis_format(self) -> str:
        """The value axis's numbers: as declared, else a 100 % stack's shares (its axis runs
        0–1), else as the values."""
        if self.axis_format:
            return self.axis_format
        return "0%" if self.kind is Kind.STACKED_BAR_100 else self.number_format

    @property
    def horizontal(self) -> bool:
        return self.kind in (Kind.BAR, Kind.STACKED_BAR_100)

    @property
    def shows_legend(self) -> bool:
        if self.legend is not None:
            return self.legend
        return len(self.series) > 1 or self.kind is Kind.PIE

    @property
    def label_width(self) -> float:
        """Millimetres left of horizontal bars for the category names (which wrap within)."""
        longest = max((len(c) for c in self.categories), default=0)
        return min(self.width_mm * 0.4, longest * CHAR_MM + 4.0)

    def label_lines(self, category: str) -> int:
        """How many lines a category name takes beside horizontal bars."""
        per_line = max(1, int((self.label_width - 4.0) / CHAR_MM))
        return min(3, -(-len(category) // per_line))

    @property
    def top(self) -> float:
        """Millimetres above the plot: the chart's title, or a small margin."""
        return 10.0 if self.title else 3.0

    @property
    def bottom(self) -> float:
        """Millimetres below the plot: axis numbers, the axis title, the legend."""
        legend = 8.0 if self.shows_legend and self.kind is not Kind.PIE else 0.0
        return 7.0 + (5.0 if self.value_title else 0.0) + legend

    @property
    def height(self) -> float:
        """Millimetres: bars get room per category (and per series when clustered) and per
        line of a wrapped category name."""
        if self.height_mm is not None:
            return self.height_mm
        if self.kind is Kind.PIE:
            return 50.0
        if not self.horizontal:
            return 75.0 + self.top
        bars = 5.0 if self.kind is Kind.STACKED_BAR_100 else 5.0 * len(self.series)
        rows = sum(max(bars, 3.8 * self.label_lines(c)) + 3.0 for c in self.categories)
        return max(35.0, self.top + rows + self.bottom)

    def colour_of(self, index: int) -> str:
        """The colour of series `index`: its own, else the palette's."""
        own = self.series[index].colour
        return own or PALETTE[index % len(PALETTE)]
