"""Rendering the Word draft with docxtpl in a sandboxed, strict, autoescaped Jinja environment.

A value like `Sarana & Prasarana <Kantor>` or `{{ 7*7 }}` in a cell prints as written; a
template (a kabupaten may edit its own) cannot run code, and one that uses names the context
lacks is refused with the list of those names. Free tables and the SKM respondent sheet, whose
columns vary, are inserted with python-docx at their marker paragraphs after rendering.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..atomic import atomic_path, refuse_overwrite
from ..calc import Results
from ..errors import TemplateProblem
from ..model import FreeTable, Workbook
from . import charts as ch
from .context import build_context

DEFAULT_TEMPLATE = (
    Path(__file__).resolve().parent.parent.parent / "docx_templates" / "lkjip_standar.docx"
)
CHART_WIDTH = Mm(150)
SKM_MARKER = "[[TABEL_RESPONDEN_SKM]]"

CHARTS = {
    "capaian": ch.capaian_chart,
    "serapan": ch.serapan_chart,
    "ikm": ch.ikm_chart,
    "sebaran": ch.answer_share_chart,
    "perubahan": ch.perubahan_chart,
}


def template_path(template: str | Path | None) -> Path:
    path = Path(template) if template else _packaged_template()
    if not path.is_file():
        raise TemplateProblem(f"Templat Word '{path}' tidak ditemukan.")
    return path


def _packaged_template() -> Path:
    packaged = Path(__file__).resolve().parent.parent / "data" / "lkjip_standar.docx"
    return packaged if packaged.is_file() else DEFAULT_TEMPLATE


def jinja_env() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def draw_charts(results: Results) -> dict[str, bytes | None]:
    return {name: draw(results) for name, draw in CHARTS.items()}


def render_report(
    wb: Workbook,
    results: Results,
    output: str | Path,
    template: str | Path | None = None,
    charts: dict[str, bytes | None] | None = None,
) -> Path:
    """Write the LKjIP draft of a checked workbook to `output` (atomically)."""
    refuse_overwrite(output, wb.path)
    path = template_path(template)
    try:
        tpl = DocxTemplate(str(path))
    except Exception as exc:  # a damaged or non-Word file
        raise TemplateProblem(
            f"Templat '{path.name}' bukan dokumen Word yang dapat dibaca ({type(exc).__name__})."
        ) from exc
    charts = draw_charts(results) if charts is None else charts
    images = {
        k: (InlineImage(tpl, io.BytesIO(png), width=CHART_WIDTH) if png else None)
        for k, png in charts.items()
    }
    context = build_context(wb, results, images)
    env = jinja_env()
    try:
        missing = tpl.get_undeclared_template_variables(jinja_env=env, context=context)
    except TemplateError as exc:
        raise TemplateProblem(_template_error(path, exc)) from exc
    if missing:
        raise TemplateProblem(
            f"Templat '{path.name}' memakai nama yang tidak dikenal: {', '.join(sorted(missing))}. "
            "Periksa ejaan tag {{ … }} di templat; nama yang tersedia ada di templat bawaan lkjip_standar.docx."
        )
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except TemplateError as exc:
        raise TemplateProblem(_template_error(path, exc)) from exc
    document = tpl.docx
    _insert_tables(document, wb)
    _update_fields_on_open(document)
    with atomic_path(output) as tmp:
        tpl.save(str(tmp))
    return Path(output)


def _template_error(path: Path, exc: TemplateError) -> str:
    around = " / ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
    where = f" di sekitar: «{around[:200]}»" if around else ""
    return f"Templat '{path.name}' tidak dapat dipakai: {exc}{where}."


def _update_fields_on_open(document) -> None:
    """Ask Word to refresh the table of contents and the lists of tables and charts on opening."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    anchor = settings.find(qn("w:compat"))
    if anchor is None:
        anchor = settings.find(qn("w:rsids"))
    if anchor is not None:
        anchor.addprevious(el)
    else:
        settings.append(el)


def _insert_tables(document, wb: Workbook) -> None:
    markers = {f"[[TABEL_BEBAS_{i}]]": ft for i, ft in enumerate(wb.free_tables)}
    for paragraph in list(document.paragraphs):
        text = paragraph.text.strip()
        if text in markers:
            ft = markers[text]
            _table_after(
                document,
                paragraph,
                list(ft.headers),
                [list(r) for r in ft.rows],
                _numeric_columns(ft),
            )
        elif text == SKM_MARKER:
            codes = [c for c, _ in wb.skm_elements]
            rows = [
                [str(n), *[str(r.answers.get(c) or "-") for c in codes]]
                for n, r in enumerate(wb.skm or [], start=1)
            ]
            _table_after(document, paragraph, ["No", *codes], rows, set(range(len(codes) + 1)))
        else:
            continue
        paragraph._p.getparent().remove(paragraph._p)


def _numeric_columns(ft: FreeTable) -> set[int]:
    cols = set()
    for i in range(len(ft.headers)):
        values = [r[i] for r in ft.rows if i < len(r) and r[i] not in ("", "-")]
        if values and all(
            v.replace(".", "").replace(",", "").replace("%", "").isdigit() for v in values
        ):
            cols.add(i)
    return cols


def _table_after(
    document, paragraph, headers: list[str], rows: list[list[str]], numeric: set[int]
) -> None:
    """Insert a plain grid table after `paragraph`.

    The XML is written as one string and parsed once: building 10,000 rows cell by cell through
    python-docx takes minutes, this takes a fraction of a second.
    """
    style_id = document.styles["Table Grid"].style_id
    width = len(headers)
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id}"/>'
        '<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>',
        "<w:gridCol/>" * width,
        "</w:tblGrid>",
        _table_row(headers, header=True, numeric=numeric),
    ]
    parts.extend(
        _table_row(list(values[:width]) + [""] * (width - len(values)), False, numeric)
        for values in rows
    )
    parts.append("</w:tbl>")
    paragraph._p.addnext(parse_xml("".join(parts)))


def _table_row(values: list[str], header: bool, numeric: set[int]) -> str:
    row_pr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    cells = []
    for c, value in enumerate(values):
        align = "center" if header else ("right" if c in numeric else "")
        jc = f'<w:jc w:val="{align}"/>' if align else ""
        bold = "<w:b/>" if header else ""
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:pPr>'
            f'<w:spacing w:after="0"/>{jc}</w:pPr><w:r><w:rPr>{bold}<w:sz w:val="16"/></w:rPr>'
            f'<w:t xml:space="preserve">{_xml_text(value)}</w:t></w:r></w:p></w:tc>'
        )
    return f"<w:tr>{row_pr}{''.join(cells)}</w:tr>"


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    """Text safe inside <w:t>: escaped, without the control characters XML forbids."""
    return escape(_XML_ILLEGAL.sub("", value))
