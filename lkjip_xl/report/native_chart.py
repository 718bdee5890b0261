"""A ChartSpec as the two parts of a native Word chart: its chart XML and its embedded workbook.

python-pptx writes both (`CategoryChartData.xml_bytes` and `.xlsx_blob`: the workbook's Sheet1
holds the categories in column A and one series per column, which the chart XML refers to as
`Sheet1!$B$2:$B$5`). Word and PowerPoint share the chart format, so the same XML is a Word chart
once attached to the document (chart_placeholder.py).

The style is then set on that XML here, element by element in the order the schema requires
(Word refuses a chart whose elements are out of order). python-pptx's `Chart` object can set
the same, but it took 4–5 ms a chart through its element proxies (60 % of drawing the draft's
thirteen charts) and its import pulls in Pillow; the few elements below take a tenth of that.
What python-pptx's defaults get wrong for a document, and is set here: 18 pt text (a slide's),
a series name shown as title on one-series charts, horizontal bars listed bottom-up, tilted
category names, and a border around the chart.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE

from lkjip_xl.report.chart_spec import FONT, FONT_PT, GREY, TITLE_PT, ChartSpec, Kind

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKBOOK_RID = "rId1"  # the chart part's only relationship: its embedded workbook
LANGUAGE = "id-ID"
_AXIS_GREY = "808080"
_TEXT = "1C2733"
_DECLARE = f'xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}"'
_QUOTE = {'"': "&quot;"}  # number format codes quote their literal text

_CHART_TYPES = {
    Kind.BAR: XL_CHART_TYPE.BAR_CLUSTERED,
    Kind.COLUMN: XL_CHART_TYPE.COLUMN_CLUSTERED,
    Kind.STACKED_BAR_100: XL_CHART_TYPE.BAR_STACKED_100,
    Kind.PIE: XL_CHART_TYPE.PIE,
    Kind.LINE: XL_CHART_TYPE.LINE_MARKERS,
}
_LABEL_PLACE = {Kind.STACKED_BAR_100: "ctr", Kind.LINE: "t"}  # else outside the end

# The order of each element's children (ECMA-376 part 1, the chart schema), for the elements
# styled here; a child is inserted before the first sibling that the schema puts after it.
_ORDER = {
    "chartSpace": "date1904 lang roundedCorners AlternateContent style clrMapOvr pivotSource "
    "protection chart spPr txPr externalData printSettings userShapes extLst",
    "chart": "title autoTitleDeleted pivotFmts view3D floor sideWall backWall plotArea legend "
    "plotVisOnly dispBlanksAs showDLblsOverMax extLst",
    "barChart": "barDir grouping varyColors ser dLbls gapWidth overlap serLines axId extLst",
    "ser": "idx order tx spPr invertIfNegative pictureOptions marker explosion dPt dLbls "
    "trendline errBars cat val smooth shape extLst",
    "catAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark "
    "minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt crossBetween auto lblAlgn "
    "lblOffset majorUnit minorUnit tickLblSkip tickMarkSkip noMultiLvlLbl dispUnits extLst",
    "scaling": "logBase orientation max min extLst",
    "legend": "legendPos legendEntry layout overlay spPr txPr extLst",
}
_ORDER["valAx"] = _ORDER["catAx"]
_SEQUENCE = {parent: names.split() for parent, names in _ORDER.items()}


def chart_parts(spec: ChartSpec) -> tuple[bytes, bytes]:
    """(chart XML, embedded .xlsx) of `spec`; the XML points to the workbook as `rId1`."""
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = spec.categories
    for s in spec.series:
        data.add_series(s.name, [None if v is None else excel_number(v) for v in s.values])
    space = etree.fromstring(data.xml_bytes(_CHART_TYPES[spec.kind]))
    chart = space.find(_c("chart"))
    plot = chart.find(_c("plotArea"))
    _frame(space, spec)
    _title_and_legend(chart, spec)
    _series(plot, spec)
    if spec.kind is not Kind.PIE:
        _axes(plot, spec)
    if spec.horizontal:
        plot.insert(0, _plot_layout(spec))
    xml: bytes = etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml, data.xlsx_blob


def excel_number(value: float) -> float:
    """`value` to the 15 significant digits Excel keeps: xlsxwriter writes at most 16, so an
    unrounded 101.77049180327869 would read back from the workbook as …787, not as the chart's
    cached value."""
    return float(f"{value:.15g}")


# -- building blocks --------------------------------------------------------------------------


def _c(name: str) -> str:
    return f"{{{C}}}{name}"


def _xml(text: str) -> etree._Element:
    """One element from XML text using the c:, a: and r: prefixes."""
    return etree.fromstring(f"<x {_DECLARE}>{text}</x>")[0]


def _put(parent: etree._Element, child: etree._Element, replace: bool = True) -> None:
    """Insert `child` where the schema puts it among `parent`'s children, replacing one of the
    same name (unless `replace` is False: dPt and dLbl repeat)."""
    if replace:
        old = parent.find(child.tag)
        if old is not None:
            parent.replace(old, child)
            return
    sequence = _SEQUENCE[etree.QName(parent).localname]
    later = set(sequence[sequence.index(etree.QName(child).localname) + 1 :])
    for sibling in parent:
        if etree.QName(sibling).localname in later:
            sibling.addprevious(child)
            return
    parent.append(child)


def _val(name: str, value: object) -> etree._Element:
    return _xml(f'<c:{name} val="{value}"/>')


def _fill(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'


def _text_properties(
    size: float, colour: str = _TEXT, bold: bool = False, rotate: int | None = 0
) -> str:
    """`c:txPr`: the document's font at `size` points; `rotate` in 60,000ths of a degree."""
    rot = "" if rotate is None else f' rot="{rotate}" vert="horz"'
    return (
        f"<c:txPr><a:bodyPr{rot}/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{round(size * 100)}" b="{int(bold)}">{_fill(colour)}'
        f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:defRPr></a:pPr>'
        f'<a:endParaRPr lang="{LANGUAGE}"/></a:p></c:txPr>'
    )


def _rich(text: str, size: float, bold: bool, rotate: int = 0) -> str:
    """`c:tx` holding one run of text, for a chart or axis title."""
    return (
        f'<c:tx><c:rich><a:bodyPr rot="{rotate}" vert="horz"/><a:lstStyle/><a:p><a:pPr>'
        f'<a:defRPr sz="{round(size * 100)}" b="{int(bold)}"/></a:pPr><a:r>'
        f'<a:rPr lang="{LANGUAGE}" sz="{round(size * 100)}" b="{int(bold)}">{_fill(_TEXT)}'
        f'<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:rPr>'
        f"<a:t>{escape(text)}</a:t></a:r></a:p></c:rich></c:tx>"
    )


# -- the parts of the chart ---------------------------------------------------------------------


def _frame(space: etree._Element, spec: ChartSpec) -> None:
    """Square corners, no border, no fill, the document's font, the workbook's link."""
    _put(space, _val("lang", LANGUAGE))
    _put(space, _val("roundedCorners", 0))
    _put(space, _xml("<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"))
    _put(space, _xml(_text_properties(FONT_PT)))
    link = f'<c:externalData r:id="{WORKBOOK_RID}"><c:autoUpdate val="0"/></c:externalData>'
    _put(space, _xml(link))


def _title_and_legend(chart: etree._Element, spec: ChartSpec) -> None:
    # without a title of its own Word titles a one-series chart with the series' name
    if spec.title:
        _put(
            chart,
            _xml(f'<c:title>{_rich(spec.title, TITLE_PT, True)}<c:overlay val="0"/></c:title>'),
        )
    _put(chart, _val("autoTitleDeleted", 0 if spec.title else 1))
    given = chart.find(_c("legend"))  # python-pptx gives line charts one
    if given is not None:
        chart.remove(given)
    if spec.shows_legend:
        side = "r" if spec.kind is Kind.PIE else "b"  # a pie is round: its legend beside it
        legend = (
            f'<c:legend><c:legendPos val="{side}"/><c:overlay val="0"/>'
            f"{_text_properties(FONT_PT)}</c:legend>"
        )
        _put(chart, _xml(legend))


def _series(plot: etree._Element, spec: ChartSpec) -> None:
    group = plot[0]  # barChart, pieChart or lineChart (the layout is added after)
    if spec.kind in (Kind.BAR, Kind.COLUMN, Kind.STACKED_BAR_100):
        _put(group, _val("gapWidth", 50 if spec.kind is Kind.STACKED_BAR_100 else 60))
        _put(group, _val("overlap", 100 if spec.kind is Kind.STACKED_BAR_100 else 0))
    for i, (ser, declared) in enumerate(zip(group.iter(_c("ser")), spec.series, strict=True)):
        colour = spec.colour_of(i)
        if spec.kind is Kind.LINE:
            line = f'<a:ln w="28575" cap="rnd">{_fill(colour)}<a:round/></a:ln>'
            _put(ser, _xml(f"<c:spPr>{line}</c:spPr>"))
            marker = (
                '<c:marker><c:symbol val="circle"/><c:size val="6"/>'
                f"<c:spPr>{_fill(colour)}<a:ln>{_fill(colour)}</a:ln></c:spPr></c:marker>"
            )
            _put(ser, _xml(marker))
            _put(ser, _val("smooth", 0))
        elif spec.kind is not Kind.PIE:
            _put(ser, _xml(f"<c:spPr>{_fill(colour)}</c:spPr>"))
            _put(ser, _val("invertIfNegative", 0))
        edge = '<a:ln w="12700">' + _fill("FFFFFF") + "</a:ln>" if spec.kind is Kind.PIE else ""
        for j, point_colour in enumerate(declared.point_colours or ()):
            point = f'<c:dPt><c:idx val="{j}"/><c:spPr>{_fill(point_colour)}{edge}</c:spPr></c:dPt>'
            _put(ser, _xml(point), replace=False)
        if spec.data_labels:
            _put(ser, _data_labels(spec, i))


def _data_labels(spec: ChartSpec, index: int) -> etree._Element:
    """The labels of one series (a series' own labels are what Word and LibreOffice both
    honour); none on missing values and on those below `hide_labels_below`."""
    declared = spec.series[index]
    hide = spec.hide_labels_below
    hidden = "".join(
        f'<c:dLbl><c:idx val="{j}"/><c:delete val="1"/></c:dLbl>'
        for j, v in enumerate(declared.values)
        if v is None or (hide is not None and v < hide)
    )
    percent = spec.kind is Kind.PIE and spec.pie_percent
    code = "0%" if percent else spec.number_format
    colour = _TEXT
    if spec.kind is Kind.STACKED_BAR_100:  # inside the bar: light text on dark colours
        colour = _text_on(spec.colour_of(index))
    place = _LABEL_PLACE.get(spec.kind, "outEnd")
    return _xml(
        f'<c:dLbls>{hidden}<c:numFmt formatCode="{escape(code, _QUOTE)}" '
        'sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        f"{_text_properties(FONT_PT - 1, colour)}"
        f'<c:dLblPos val="{place}"/><c:showLegendKey val="0"/>'
        f'<c:showVal val="{int(not percent)}"/><c:showCatName val="0"/>'
        f'<c:showSerName val="0"/><c:showPercent val="{int(percent)}"/>'
        f'<c:showBubbleSize val="0"/><c:showLeaderLines val="{int(percent)}"/></c:dLbls>'
    )


def _text_on(colour: str) -> str:
    """White on a dark fill, near-black on a light one (relative luminance, WCAG)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return "FFFFFF" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 else _TEXT


def _axes(plot: etree._Element, spec: ChartSpec) -> None:
    values, categories = plot.find(_c("valAx")), plot.find(_c("catAx"))
    line = f'<c:spPr><a:ln w="9525">{_fill(_AXIS_GREY)}</a:ln></c:spPr>'
    for axis in (values, categories):
        _put(axis, _val("majorTickMark", "none"))
        _put(axis, _val("minorTickMark", "none"))
        _put(axis, _xml(line))
    # the value axis: range, numbers, gridlines, title
    scaling = values.find(_c("scaling"))
    _put(scaling, _val("orientation", "minMax"))
    if spec.axis_max is not None:
        _put(scaling, _val("max", spec.axis_max))
    if spec.axis_min is not None:
        _put(scaling, _val("min", spec.axis_min))
    if spec.major_unit is not None:
        _put(values, _val("majorUnit", spec.major_unit))
    grid = values.find(_c("majorGridlines"))
    if grid is not None:
        values.remove(grid)
    if spec.gridlines:
        dashed = f'<a:ln w="9525">{_fill(GREY)}<a:prstDash val="dash"/></a:ln>'
        _put(values, _xml(f"<c:majorGridlines><c:spPr>{dashed}</c:spPr></c:majorGridlines>"))
    code = escape(spec.value_axis_format, _QUOTE)
    _put(values, _xml(f'<c:numFmt formatCode="{code}" sourceLinked="0"/>'))
    _put(values, _xml(_text_properties(FONT_PT - 1)))
    if spec.value_title:
        turn = 0 if spec.horizontal else -5_400_000  # beside upright columns: read upwards
        title = _rich(spec.value_title, FONT_PT - 1, False, turn)
        _put(values, _xml(f'<c:title>{title}<c:overlay val="0"/></c:title>'))
    # the category axis: names upright, so long ones wrap instead of tilting
    _put(categories, _xml(_text_properties(FONT_PT)))
    if spec.horizontal:
        # the first category on top: reverse the category axis, and keep the value axis at
        # the bottom by crossing it at the last category
        _put(categories.find(_c("scaling")), _val("orientation", "maxMin"))
        _put(values, _val("crosses", "max"))


def _plot_layout(spec: ChartSpec) -> etree._Element:
    """Place the bars so the category names get their share of the width and wrap within it
    (left to itself, LibreOffice gives long names half the chart and thin bars)."""
    width, height = spec.width_mm, spec.height
    outside = spec.data_labels and spec.kind is Kind.BAR  # room on the right for the labels
    box = {
        "x": spec.label_width / width,
        "y": spec.top / height,
        "w": 1 - (spec.label_width + (14.0 if outside else 4.0)) / width,
        "h": 1 - (spec.top + spec.bottom) / height,
    }
    fields = "".join(f'<c:{k} val="{v:.4f}"/>' for k, v in box.items())
    return _xml(
        '<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/>'
        f'<c:yMode val="edge"/>{fields}</c:manualLayout></c:layout>'
    )
