"""A ChartSpec as the two parts of a native Word chart: its chart XML and its embedded workbook.

python-pptx writes both (`CategoryChartData.xml_bytes` and `.xlsx_blob`: the workbook's Sheet1
holds the categories in column A and one series per column, which the chart XML refers to as
`Sheet1!$B$2:$B$5`), and its `Chart` object styles the XML. Word and PowerPoint share the chart
format, so the same XML is a Word chart once attached to the document (chart_placeholder.py).

What python-pptx's defaults get wrong for a document, and is set here: 18 pt text (a slide's),
a series name shown as title on one-series charts, horizontal bars listed bottom-up, tilted
category names, and a border around the chart.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_MARK
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml import parse_xml
from pptx.util import Pt

from lkjip_xl.report.chart_spec import FONT, FONT_PT, GREY, TITLE_PT, ChartSpec, Kind

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKBOOK_RID = "rId1"  # the chart part's only relationship: its embedded workbook
LANGUAGE = "id-ID"
_AXIS_GREY = "808080"

_CHART_TYPES = {
    Kind.BAR: XL_CHART_TYPE.BAR_CLUSTERED,
    Kind.COLUMN: XL_CHART_TYPE.COLUMN_CLUSTERED,
    Kind.STACKED_BAR_100: XL_CHART_TYPE.BAR_STACKED_100,
    Kind.PIE: XL_CHART_TYPE.PIE,
    Kind.LINE: XL_CHART_TYPE.LINE_MARKERS,
}


def chart_parts(spec: ChartSpec) -> tuple[bytes, bytes]:
    """(chart XML, embedded .xlsx) of `spec`; the XML points to the workbook as `rId1`."""
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = spec.categories
    for s in spec.series:
        data.add_series(s.name, [None if v is None else excel_number(v) for v in s.values])
    space = parse_xml(data.xml_bytes(_CHART_TYPES[spec.kind]))
    chart = Chart(space, None)
    _text(chart, spec)
    _series(chart, spec)
    if spec.data_labels:
        _data_labels(chart, spec)
    if spec.kind is not Kind.PIE:
        _axes(chart, spec)
    _frame(space)
    space.get_or_add_externalData().rId = WORKBOOK_RID
    xml: bytes = etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml, data.xlsx_blob


def excel_number(value: float) -> float:
    """`value` to the 15 significant digits Excel keeps: xlsxwriter writes at most 16, so an
    unrounded 101.77049180327869 would read back from the workbook as …787, not as the chart's
    cached value."""
    return float(f"{value:.15g}")


def _text(chart: Chart, spec: ChartSpec) -> None:
    chart.font.name, chart.font.size = FONT, Pt(FONT_PT)
    chart.has_title = bool(spec.title)  # False also stops Word titling a chart with its series
    if spec.title:
        frame = chart.chart_title.text_frame
        frame.text = spec.title
        font = frame.paragraphs[0].font
        font.size, font.bold, font.name = Pt(TITLE_PT), True, FONT
    chart.has_legend = spec.shows_legend
    if spec.shows_legend:
        side = spec.kind is Kind.PIE  # a pie is round: its legend beside it, not below
        chart.legend.position = XL_LEGEND_POSITION.RIGHT if side else XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size, chart.legend.font.name = Pt(FONT_PT), FONT


def _series(chart: Chart, spec: ChartSpec) -> None:
    plot = chart.plots[0]
    if spec.kind in (Kind.BAR, Kind.COLUMN):
        plot.gap_width = 60
        plot.overlap = 0
    elif spec.kind is Kind.STACKED_BAR_100:
        plot.gap_width = 50
    if spec.kind is Kind.PIE:
        plot.vary_by_categories = True
    for i, (series, declared) in enumerate(zip(plot.series, spec.series, strict=True)):
        colour = spec.colour_of(i)
        if spec.kind is Kind.LINE:
            series.format.line.color.rgb = RGBColor.from_string(colour)
            series.format.line.width = Pt(2)
            series.smooth = False
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = RGBColor.from_string(colour)
            series.marker.format.line.color.rgb = RGBColor.from_string(colour)
        elif spec.kind is not Kind.PIE:
            _fill(series.format, colour)
            series.invert_if_negative = False
        for j, point_colour in enumerate(declared.point_colours or ()):
            _fill(series.points[j].format, point_colour)
            if spec.kind is Kind.PIE:
                series.points[j].format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _fill(fmt: Any, colour: str) -> None:
    fmt.fill.solid()
    fmt.fill.fore_color.rgb = RGBColor.from_string(colour)


def _data_labels(chart: Chart, spec: ChartSpec) -> None:
    """Labels per series: a series' own settings are what Word and LibreOffice both honour."""
    position = {
        Kind.STACKED_BAR_100: XL_LABEL_POSITION.CENTER,
        Kind.PIE: XL_LABEL_POSITION.OUTSIDE_END,
        Kind.LINE: XL_LABEL_POSITION.ABOVE,
    }.get(spec.kind, XL_LABEL_POSITION.OUTSIDE_END)
    hide_below = spec.hide_labels_below
    for i, (series, declared) in enumerate(zip(chart.plots[0].series, spec.series, strict=True)):
        labels = series.data_labels
        labels.font.size, labels.font.name = Pt(FONT_PT - 1), FONT
        if spec.kind is Kind.PIE and spec.pie_percent:
            labels.number_format, labels.number_format_is_linked = "0%", False
            labels.show_value, labels.show_percentage = False, True
        else:
            labels.number_format, labels.number_format_is_linked = spec.number_format, False
            labels.show_value = True
        labels.position = position
        if spec.kind is Kind.STACKED_BAR_100:  # inside the bar: light text on dark colours
            labels.font.color.rgb = RGBColor.from_string(_text_on(spec.colour_of(i)))
        hidden = [
            j
            for j, v in enumerate(declared.values)
            if v is None or (hide_below is not None and v < hide_below)
        ]
        _hide_point_labels(series._element, hidden)


def _text_on(colour: str) -> str:
    """White on a dark fill, near-black on a light one (relative luminance, WCAG)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return "FFFFFF" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else "1C2733"


def _hide_point_labels(ser: Any, indexes: list[int]) -> None:
    """No label on these points (a 0 % slice or a sliver of a stacked bar would only clutter)."""
    if not indexes:
        return
    d_lbls = ser.get_or_add_dLbls()
    for i in reversed(indexes):
        d_lbl = etree.SubElement(d_lbls, f"{{{C}}}dLbl")
        etree.SubElement(d_lbl, f"{{{C}}}idx").set("val", str(i))
        etree.SubElement(d_lbl, f"{{{C}}}delete").set("val", "1")
        d_lbls.insert(0, d_lbl)  # c:dLbl elements come first in c:dLbls


def _axes(chart: Chart, spec: ChartSpec) -> None:
    values, categories = chart.value_axis, chart.category_axis
    if spec.axis_min is not None:
        values.minimum_scale = spec.axis_min
    if spec.axis_max is not None:
        values.maximum_scale = spec.axis_max
    if spec.major_unit is not None:
        values.major_unit = spec.major_unit
    values.has_major_gridlines = spec.gridlines
    if spec.gridlines:
        line = values.major_gridlines.format.line
        line.color.rgb, line.width = RGBColor.from_string(GREY), Pt(0.75)
        line.dash_style = MSO_LINE_DASH_STYLE.DASH
    values.has_minor_gridlines = False
    ticks = values.tick_labels
    ticks.number_format = spec.axis_format or spec.number_format
    ticks.number_format_is_linked = False
    ticks.font.size, ticks.font.name = Pt(FONT_PT - 1), FONT
    if spec.value_title:
        values.has_title = True
        frame = values.axis_title.text_frame
        frame.text = spec.value_title
        frame.paragraphs[0].font.size = Pt(FONT_PT - 1)
        frame.paragraphs[0].font.bold = False
    for axis in (values, categories):
        axis.format.line.color.rgb = RGBColor.from_string(_AXIS_GREY)
        axis.major_tick_mark = XL_TICK_MARK.NONE
        axis.minor_tick_mark = XL_TICK_MARK.NONE
    categories.tick_labels.font.size, categories.tick_labels.font.name = Pt(FONT_PT), FONT
    categories.has_major_gridlines = False
    _no_tilt(categories._element)
    if spec.horizontal:
        _plot_layout(chart, spec)
        # the first category on top: reverse the category axis, and keep the value axis at
        # the bottom by crossing it at the last category (CategoryAxis has no crosses property)
        categories.reverse_order = True
        crosses = values._element.find(f"{{{C}}}crosses")
        if crosses is not None:
            crosses.set("val", "max")


def _plot_layout(chart: Chart, spec: ChartSpec) -> None:
    """Place the bars so the category names get their share of the width and wrap within it
    (left to itself, LibreOffice gives long names half the chart and thin bars)."""
    width, height = spec.width_mm, spec.height
    box = {
        "x": spec.label_width / width,
        "y": spec.top / height,
        "w": 1 - (spec.label_width + 14.0) / width,  # room on the right for the labels
        "h": 1 - (spec.top + spec.bottom) / height,
    }
    fields = "".join(f'<c:{k} val="{v:.4f}"/>' for k, v in box.items())
    layout = etree.fromstring(
        f'<c:layout xmlns:c="{C}"><c:manualLayout><c:layoutTarget val="inner"/>'
        f'<c:xMode val="edge"/><c:yMode val="edge"/>{fields}</c:manualLayout></c:layout>'
    )
    plot_area = chart._chartSpace.chart.plotArea
    existing = plot_area.find(f"{{{C}}}layout")
    if existing is not None:
        plot_area.remove(existing)
    plot_area.insert(0, layout)


def _no_tilt(axis: Any) -> None:
    """Category names stay horizontal and wrap, instead of turning when they are long."""
    body = axis.find(f"{{{C}}}txPr/{{{A}}}bodyPr")
    if body is not None:
        body.set("rot", "0")
        body.set("vert", "horz")


def _frame(space: Any) -> None:
    """Square corners, no border, no fill: the chart sits on the page like the tables."""
    at = 1 if space[0].tag == f"{{{C}}}date1904" else 0  # the order the schema requires
    for name, value in (("roundedCorners", "0"), ("lang", LANGUAGE)):
        el = etree.Element(f"{{{C}}}{name}")
        el.set("val", value)
        space.insert(at, el)
    sp_pr = etree.fromstring(
        f'<c:spPr xmlns:c="{C}" xmlns:a="{A}"><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
    )
    space.find(f"{{{C}}}chart").addnext(sp_pr)
