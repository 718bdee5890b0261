"""Rendering the Word draft with docxtpl in a sandboxed, strict, autoescaped Jinja environment.

A value like `Sarana & Prasarana <Kantor>` or `{{ 7*7 }}` in a cell prints as written; a
template (a kabupaten may edit its own) cannot run code, and one that uses names the context
lacks is refused with the list of those names. After rendering, captions are numbered in the
order the document shows them (numbering.py); after saving, free tables and the SKM respondent
sheet, whose columns vary, are spliced in at their marker paragraphs (spliced_tables.py).
"""

from __future__ import annotations

import contextlib
import io
import marshal
import re
import sys
from collections.abc import Mapping, MutableMapping, Sequence
from pathlib import Path
from types import CodeType
from typing import Any

import docxtpl
import jinja2
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError, meta
from jinja2.nodes import Template as TemplateNode

from lkjip_xl.base.errors import (
    TemplateLimit,
    TemplateMemoryLimit,
    TemplateProblem,
    UnknownNames,
)
from lkjip_xl.base.files import atomic_path, refuse_overwrite
from lkjip_xl.calc import Results
from lkjip_xl.contract.records import Workbook
from lkjip_xl.report import markers, template_cache
from lkjip_xl.report import spliced_tables as wt
from lkjip_xl.report.chart_placeholder import DrawnChart, NativeChart
from lkjip_xl.report.charts import CHARTS, draw_charts
from lkjip_xl.report.context import build_context
from lkjip_xl.report.numbering import number_captions
from lkjip_xl.report.pictures import picture_context
from lkjip_xl.report.render_limits import render_limits
from lkjip_xl.report.sandbox import SANDBOX_VERSION, PlainDataEnvironment

DEFAULT_TEMPLATE = (
    Path(__file__).resolve().parent.parent.parent / "docx_templates" / "lkjip_standar.docx"
)
Charts = Mapping[str, Sequence[DrawnChart]]


def template_path(template: str | Path | None) -> Path:
    path = Path(template) if template else _packaged_template()
    if not path.is_file():
        raise TemplateProblem(f"Templat Word '{path}' tidak ditemukan.")
    return path


def _packaged_template() -> Path:
    packaged = Path(__file__).resolve().parent.parent / "data" / "lkjip_standar.docx"
    return packaged if packaged.is_file() else DEFAULT_TEMPLATE


class _CheckedEnvironment(PlainDataEnvironment):
    """Sandboxed (plain data only), strict and autoescaped; refuses a template part that reads
    unknown names (Jinja's globals are gone, so `range` or `lipsum` are unknown names too) or
    loads another template.

    docxtpl hands each part (body, headers, footers) to from_string; the names are checked on
    the same parse that is then compiled, so the check costs nothing extra. What a part compiles
    to, with the names it reads, is kept between runs (template_cache.py).
    """

    def __init__(self, known: frozenset[str] = frozenset()) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True)
        self.known = known

    def from_string(
        self,
        source: str | TemplateNode,
        globals: MutableMapping[str, Any] | None = None,  # noqa: A002 (jinja's name)
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str):
            return self._checked(source, globals, template_class)
        self.source = source
        name = template_cache.entry_name("jinja", _COMPILE_CONTEXT, source)
        compiled = _unmarshal(template_cache.load(name))
        if compiled is None:  # checked before it is stored: a cached entry passed the checks
            ast = self.parse(source)
            self.refuse_loading(ast)
            compiled = (frozenset(meta.find_undeclared_variables(ast)), self.compile(ast))
            template_cache.store(name, marshal.dumps((tuple(sorted(compiled[0])), compiled[1])))
        names, code = compiled
        missing = names - self.known
        if missing:
            raise UnknownNames(set(missing))
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)

    def _checked(
        self,
        ast: TemplateNode,
        globals: MutableMapping[str, Any] | None,  # noqa: A002
        template_class: type[Template] | None,
    ) -> Template:
        self.refuse_loading(ast)
        missing = meta.find_undeclared_variables(ast) - self.known
        if missing:
            raise UnknownNames(missing)
        return super().from_string(ast, globals, template_class)


# what shapes the compiled code besides the source: the versions, and this environment's kind
_COMPILE_CONTEXT = (
    f"{sys.version}|jinja2 {jinja2.__version__}|plain data {SANDBOX_VERSION}, strict, autoescaped|"
    f"{_CheckedEnvironment.__module__}"
)


def _unmarshal(data: bytes | None) -> tuple[frozenset[str], CodeType] | None:
    """A cached (names, code) entry, or None when absent or not one (damaged, foreign)."""
    if data is None:
        return None
    try:
        names, code = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(code, CodeType) or not all(isinstance(n, str) for n in names):
        return None
    return frozenset(names), code


class _CachedTemplate(DocxTemplate):  # type: ignore[misc]  # docxtpl is untyped
    """docxtpl's template whose XML clean-up (the same for the same template) is cached too."""

    def patch_xml(self, src_xml: str) -> str:
        name = template_cache.entry_name("docxtpl", _PATCH_CONTEXT, src_xml)
        cached = template_cache.load(name)
        if cached is not None:
            with contextlib.suppress(UnicodeDecodeError):
                return cached.decode("utf-8")
        patched: str = super().patch_xml(src_xml)
        template_cache.store(name, patched.encode("utf-8"))
        return patched


_PATCH_CONTEXT = f"docxtpl {getattr(docxtpl, '__version__', '?')}"


def jinja_env(known: frozenset[str] = frozenset()) -> PlainDataEnvironment:
    return _CheckedEnvironment(known)


def render_report(
    wb: Workbook,
    results: Results,
    output: str | Path,
    template: str | Path | None = None,
    charts: Charts | None = None,
) -> Path:
    """Write the LKjIP draft of a checked workbook to `output` (atomically)."""
    refuse_overwrite(output, wb.path)
    document = render_document(wb, results, template, charts)
    docx = save_document(document, wb)
    with atomic_path(output) as tmp:
        tmp.write_bytes(docx)
    return Path(output)


def save_document(tpl: DocxTemplate, wb: Workbook) -> bytes:
    """The .docx bytes of a rendered draft, with the variable tables spliced in at their markers."""
    buf = io.BytesIO()
    tpl.save(buf)
    style_id = _table_style_id(tpl)
    tables = {
        markers.free_table(i): wt.free_table(ft, style_id) for i, ft in enumerate(wb.free_tables)
    }
    tables[markers.SKM_RESPONDENTS] = wt.respondent_table(wb, style_id)
    return wt.splice_tables(buf.getvalue(), tables)


def render_document(
    wb: Workbook,
    results: Results,
    template: str | Path | None = None,
    charts: Charts | None = None,
) -> DocxTemplate:
    """The rendered draft, in memory (charts drawn unless given)."""
    path = template_path(template)
    try:
        tpl = _CachedTemplate(str(path))
        tpl.init_docx()  # docxtpl opens the file lazily: open it here, where its errors are caught
    except Exception as exc:  # a damaged or non-Word file
        raise TemplateProblem(
            f"Templat '{path.name}' bukan dokumen Word yang dapat dibaca ({type(exc).__name__})."
        ) from exc
    charts = draw_charts(results) if charts is None else charts
    context = build_context(
        wb, results, chart_context(tpl, charts), pictures=picture_context(tpl, wb)
    )
    env = jinja_env(frozenset(context))
    _mark_placeholders(tpl.get_docx())
    try:
        with render_limits():
            tpl.render(context, jinja_env=env, autoescape=True)
    except UnknownNames as exc:
        raise TemplateProblem(
            f"Templat '{path.name}' memakai nama yang tidak dikenal: {exc}. Periksa ejaan tag "
            "{{ … }} di templat; nama yang tersedia ada di templat bawaan lkjip_standar.docx."
        ) from exc
    except TemplateError as exc:
        raise TemplateProblem(_template_error(path, exc)) from exc
    except TemplateLimit as exc:
        raise TemplateProblem(_failure(path, env, exc, exc.reason)) from exc
    except RecursionError as exc:  # a macro that calls itself without end
        raise TemplateProblem(_failure(path, env, exc, "memanggil makro tanpa akhir")) from exc
    except MemoryError as exc:
        raise TemplateProblem(_failure(path, env, exc, TemplateMemoryLimit.reason)) from exc
    except Exception as exc:  # 1/0, a number too large for a float…: the template's doing
        reason = f"gagal dihitung ({type(exc).__name__}: {str(exc)[:120]})"
        raise TemplateProblem(_failure(path, env, exc, reason)) from exc
    number_captions(tpl.docx)
    _update_fields_on_open(tpl.docx)
    return tpl


def chart_context(tpl: DocxTemplate, charts: Charts) -> dict[str, object]:
    """`grafik.<name>`: a chart's inert placeholder (None when not drawn); for a repeated chart
    a list of `{grafik, keterangan, label}`, one per item, each with its own caption."""
    out: dict[str, object] = {}
    for name, drawn in charts.items():
        chart = CHARTS[name]
        if chart.repeated:
            out[name] = [
                {
                    "grafik": NativeChart(tpl, d),
                    "keterangan": chart.caption_text(d.spec.label),
                    "label": d.spec.label,
                }
                for d in drawn
            ]
        else:
            out[name] = NativeChart(tpl, drawn[0]) if drawn else None
    return out


def _mark_placeholders(document: Document) -> None:
    """Turn the template's own placeholder text (`[[TABEL_RESPONDEN_SKM]]`) into its marker.

    Done before rendering, so only text written in the template becomes a marker; the same
    text coming from a cell is rendered later and stays text.
    """
    for t in document.element.body.iter(qn("w:t")):
        text = t.text or ""
        for placeholder, marker in markers.TEMPLATE_PLACEHOLDERS.items():
            if placeholder in text:
                t.text = text = text.replace(placeholder, marker)


def _table_style_id(tpl: DocxTemplate) -> str:
    """The id of the template's 'Table Grid' style (a kabupaten's template may have renamed it)."""
    try:
        return str(tpl.docx.styles["Table Grid"].style_id)
    except KeyError:
        return "TableGrid"


def _failure(path: Path, env: PlainDataEnvironment, exc: BaseException, reason: str) -> str:
    """One sentence: the template, what went wrong, and the text around where it happened."""
    around = env.place(_template_line(exc))
    where = f" di sekitar: «{around[:200]}»" if around else ""
    return (
        f"Templat '{path.name}' tidak dapat dipakai: templat {reason}{where}. Perbaiki tag "
        "{{ … }}/{% … %} di bagian itu atau pakai templat bawaan."
    )


def _template_line(exc: BaseException) -> int | None:
    """The line of the template (Jinja's rewritten traceback names it `<template>`) last run."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _template_error(path: Path, exc: TemplateError) -> str:
    around = " / ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
    where = f" di sekitar: «{around[:200]}»" if around else ""
    said = _in_indonesian(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    return f"Templat '{path.name}' tidak dapat dipakai: {said.rstrip('.')}{where}."


_JINJA_SAYS = (
    (re.compile(r"No filter named '(\w+)'.*"), r"filter '|\1' tidak tersedia di templat"),
    (re.compile(r"No test named '(\w+)'.*"), r"uji 'is \1' tidak tersedia di templat"),
    (re.compile(r"'(\w+)' is undefined"), r"nama '\1' tidak dikenal"),
    (re.compile(r"'.*' has no attribute '(\w+)'"), r"'\1' tidak ada di data itu"),
    (
        re.compile(r"(unexpected .*|expected token .*|Encountered unknown tag .*)"),
        r"tag ditulis salah (\1)",
    ),
)


def _in_indonesian(said: str) -> str:
    """Jinja's usual messages in the user's language (the rest are shown as Jinja wrote them)."""
    for pattern, replacement in _JINJA_SAYS:
        if pattern.fullmatch(said):
            return pattern.sub(replacement, said)
    return said


def _update_fields_on_open(document: Document) -> None:
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


__all__ = [
    "DEFAULT_TEMPLATE",
    "chart_context",
    "draw_charts",
    "jinja_env",
    "render_document",
    "render_report",
    "save_document",
    "template_path",
]
