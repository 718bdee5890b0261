"""The documents of the year beside the LKjIP: the Perjanjian Kinerja (one per pejabat and one
combined, in signing order) and the quarterly monitoring report. Each is rendered from its own
small docxtpl template (scripts/build_docx_template.py writes them) in the same sandboxed,
strict Jinja environment as the draft."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from lkjip_xl.base.errors import TemplateProblem, UnknownNames
from lkjip_xl.base.files import atomic_path, refuse_overwrite
from lkjip_xl.base.names import file_stem
from lkjip_xl.calc import Results
from lkjip_xl.calc.action_plan import ActionPlanLine, quarter_name
from lkjip_xl.contract.records import Workbook
from lkjip_xl.report.chart_placeholder import NativeChart, draw
from lkjip_xl.report.chart_spec import BLUE, GREY, ChartSpec, Kind, Series
from lkjip_xl.report.context.pk import agreement_contexts
from lkjip_xl.report.context.triwulan import triwulan_context
from lkjip_xl.report.render import _CachedTemplate as CachedTemplate
from lkjip_xl.report.render import jinja_env

# CachedTemplate: the draft's template class, its XML clean-up cached between runs (one class
# for every template of the tool; render.py keeps the name private)
_ROOT = Path(__file__).resolve().parent.parent
PK_TEMPLATE = "pk_standar.docx"
TRIWULAN_TEMPLATE = "triwulan_standar.docx"
COMBINED_PK = "PK_00_Gabungan.docx"


def template_file(name: str) -> Path:
    """The packaged template, else the repository's copy."""
    for path in (_ROOT / "data" / name, _ROOT.parent / "docx_templates" / name):
        if path.is_file():
            return path
    raise TemplateProblem(f"Templat Word '{name}' tidak ditemukan.")


def pk_file_names(results: Results) -> list[str]:
    """One file per agreement, numbered in signing order and named after the jabatan."""
    return [
        f"PK_{i:02d}_{file_stem(a.pihak_pertama.jabatan, 'pejabat')}.docx"
        for i, a in enumerate(results.agreements, start=1)
    ]


def render_pk(wb: Workbook, results: Results, folder: str | Path) -> list[Path]:
    """Write every PK to `folder` (one .docx each) and the combined one; return the paths,
    the combined document first."""
    out = Path(folder)
    contexts = agreement_contexts(results.agreements, wb.identity)
    jobs = [(out / COMBINED_PK, contexts)]
    jobs += [(out / n, [c]) for n, c in zip(pk_file_names(results), contexts, strict=True)]
    for path, _ in jobs:
        refuse_overwrite(path, wb.path)
    written = []
    for path, items in jobs:
        _write(
            _render(
                template_file(PK_TEMPLATE),
                _fixed({"perjanjian": items, "kecamatan": wb.identity.kecamatan}),
            ),
            path,
        )
        written.append(path)
    return written


def earlier_pk_files(folder: str | Path, written: list[Path]) -> list[Path]:
    """PK documents in `folder` that this run did not write: an earlier run's, for a pejabat
    who is no longer in the workbook. They are left alone (one may be the signed copy); the
    command names them so that nobody prints an outdated agreement."""
    fresh = {path.name for path in written}
    return sorted(
        path
        for path in Path(folder).glob("PK_[0-9][0-9]_*")
        if path.suffix in (".docx", ".pdf") and path.name not in fresh
    )


def _fixed(context: dict[str, Any]) -> Callable[[DocxTemplate], dict[str, Any]]:
    """A context that does not depend on the template (no chart in it)."""
    return lambda _tpl: context


def render_triwulan(
    wb: Workbook,
    results: Results,
    quarter: int,
    output: str | Path,
    today: dt.date | None = None,
) -> Path:
    """Write the monitoring report of `quarter` (1 … 4) to `output`."""
    refuse_overwrite(output, wb.path)

    def context(tpl: DocxTemplate) -> dict[str, Any]:
        charts = [
            {"grafik": NativeChart(tpl, draw(spec)), "judul": spec.title}
            for spec in quarter_charts(results, quarter)
        ]
        return triwulan_context(wb, results, quarter, charts, today or dt.date.today())

    _write(_render(template_file(TRIWULAN_TEMPLATE), context), Path(output))
    return Path(output)


def quarter_charts(results: Results, quarter: int) -> list[ChartSpec]:
    """Per indicator of `Rencana Aksi` with figures, target against realisasi to date over the
    four quarters (realisasi up to `quarter` only)."""
    out = []
    for line in results.action_plan:
        if line.source.kind != "indicator":
            continue
        spec = _quarter_chart(line, quarter)
        if spec is not None:
            out.append(spec)
    return out


def _quarter_chart(line: ActionPlanLine, quarter: int) -> ChartSpec | None:
    targets = tuple(q.target_to_date.number for q in line.quarters)
    real = tuple(
        q.realisasi_to_date.number if q.quarter <= quarter else None for q in line.quarters
    )
    if all(v is None for v in targets + real):
        return None  # a SAKIP letter or text: nothing to draw
    return ChartSpec(
        Kind.COLUMN,
        tuple(f"TW {quarter_name(q)}" for q in range(1, 5)),
        (
            Series("Target s.d. triwulan", targets, GREY),
            Series("Realisasi s.d. triwulan", real, BLUE),
        ),
        title=line.source.indikator,
        number_format="General",
        legend=True,
        axis_min=0,
        height_mm=70,
    )


def _render(template: Path, context_of: Callable[[DocxTemplate], dict[str, Any]]) -> bytes:
    """The rendered document's bytes; `context_of` gets the template (a chart attaches to it)."""
    try:
        tpl = CachedTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # a damaged or non-Word file
        raise TemplateProblem(
            f"Templat '{template.name}' bukan dokumen Word yang dapat dibaca ({type(exc).__name__})."
        ) from exc
    context = context_of(tpl)
    try:
        tpl.render(context, jinja_env=jinja_env(frozenset(context)), autoescape=True)
    except UnknownNames as exc:
        raise TemplateProblem(
            f"Templat '{template.name}' memakai nama yang tidak dikenal: {exc}."
        ) from exc
    except TemplateError as exc:
        raise TemplateProblem(f"Templat '{template.name}' tidak dapat dipakai: {exc}.") from exc
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def _write(data: bytes, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
