"""What `{{ grafik.<name> }}` prints: a native Word chart, placed like docxtpl's InlineImage.

When the template prints the placeholder, the chart part (`word/charts/chartN.xml`) and its
embedded workbook (`word/embeddings/…xlsx`) are added to the part being rendered (the body, a
header or a footer: `tpl.current_rendering_part`), and the placeholder's text is the run XML
`<w:drawing><wp:inline>…<c:chart r:id="…"/>`. A kabupaten's template needs no change: the tag is
the one that placed a picture before.

The placeholder is inert: a template can print it and test it (`{%p if grafik.x %}`), nothing
else. The template object, the document and its package are held only by a closure in a
name-mangled slot, and the sandboxed Jinja environment refuses every name starting with `_`,
so `{{ grafik.capaian.tpl.docx.save(…) }}` cannot reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part

from lkjip_xl.report.chart_spec import ChartSpec
from lkjip_xl.report.native_chart import WORKBOOK_RID, A, C, R, chart_parts

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_MM = 36_000
_DOC_PR_BASE = 5_000  # drawing ids in headers are not renumbered by docxtpl: keep them apart


@dataclass(frozen=True)
class DrawnChart:
    """A chart's spec and its two parts, drawn once (they do not depend on the template)."""

    spec: ChartSpec
    xml: bytes
    workbook: bytes


def draw(spec: ChartSpec) -> DrawnChart:
    return DrawnChart(spec, *chart_parts(spec))


class InertPlaceholder:
    """What a template may do with a drawing: print it (its run XML, made when printed, in the
    part being rendered) and test it. Subclasses give the closure and the label."""

    __slots__ = ("__run_xml",)
    label = "<placeholder>"

    def __init__(self, run_xml: Callable[[], str]) -> None:
        self.__run_xml = run_xml

    def __html__(self) -> str:  # Jinja with autoescape prints this, unescaped
        return self.__run_xml()

    def __str__(self) -> str:
        return self.__run_xml()

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return self.label


class NativeChart(InertPlaceholder):
    """The inert placeholder of one drawn chart in one template."""

    __slots__ = ()
    label = "<grafik>"

    def __init__(self, tpl: Any, drawn: DrawnChart) -> None:
        super().__init__(lambda: _attach(tpl.current_rendering_part, drawn))


def _attach(part: Any, drawn: DrawnChart) -> str:
    """Add the chart and its workbook to `part`; return the run that shows the chart."""
    package = part.package
    chart_part = Part(
        package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, drawn.xml, package
    )
    rid = part.relate_to(chart_part, RT.CHART)
    workbook = Part(
        package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"),
        CT.SML_SHEET,
        drawn.workbook,
        package,
    )
    if chart_part.relate_to(workbook, RT.PACKAGE) != WORKBOOK_RID:  # a fresh part: its first rel
        raise AssertionError("the chart's workbook relationship must be rId1")
    number = int(chart_part.partname.idx or 1)
    return (
        "</w:t></w:r><w:r><w:drawing>"
        + inline_xml(rid, drawn.spec, _DOC_PR_BASE + number, f"Grafik {number}")
        + '</w:drawing></w:r><w:r><w:t xml:space="preserve">'
    )


def inline_xml(rid: str, spec: ChartSpec, doc_pr_id: int, name: str) -> str:
    """`<wp:inline>` holding the chart; it declares its namespaces (a Word-made template's body
    may not declare `c:`)."""
    cx, cy = round(spec.width_mm * EMU_PER_MM), round(spec.height * EMU_PER_MM)
    descr = quoteattr(spec.alt_text or spec.title or "Grafik")
    return (
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{WP}" xmlns:a="{A}" '
        f'xmlns:c="{C}" xmlns:r="{R}">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{doc_pr_id}" name={quoteattr(name)} descr={descr}/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{rid}"/></a:graphicData></a:graphic>'
        "</wp:inline>"
    )
