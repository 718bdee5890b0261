"""The public Python API; the CLI, the web page and any other front end call only these.

Heavy modules (docxtpl, openpyxl, xlsxwriter) are imported on first use, so checking a
workbook starts fast and a web server does not pay for what a request does not need.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkjip_xl.calc import Results, compute
from lkjip_xl.calc.serialize import results_to_dict
from lkjip_xl.contract.records import Workbook
from lkjip_xl.pipeline import DEFAULT_STAGES, Processed, Stages, Wanted, checked_for, process
from lkjip_xl.pipeline import read_checked as read_workbook
from lkjip_xl.read.validate import ReadResult

if TYPE_CHECKING:  # the names below, for readers and type checkers; imported on first use
    from lkjip_xl.kabupaten.batch import find_workbooks, run_batch
    from lkjip_xl.kabupaten.carry_forward import carry_forward
    from lkjip_xl.kabupaten.distribute import distribute
    from lkjip_xl.report.charts import chart_specs
    from lkjip_xl.report.documents import earlier_pk_files
    from lkjip_xl.report.pdf import convert_to_pdf, find_converter
    from lkjip_xl.report.render import draw_charts, render_report
    from lkjip_xl.write.filled import write_filled_copy
    from lkjip_xl.write.marked import write_marked_copy
    from lkjip_xl.write.template import write_template

_LAZY = {
    "carry_forward": "lkjip_xl.kabupaten.carry_forward",
    "chart_specs": "lkjip_xl.report.charts",
    "convert_to_pdf": "lkjip_xl.report.pdf",
    "distribute": "lkjip_xl.kabupaten.distribute",
    "draw_charts": "lkjip_xl.report.charts",
    "earlier_pk_files": "lkjip_xl.report.documents",
    "find_converter": "lkjip_xl.report.pdf",
    "find_workbooks": "lkjip_xl.kabupaten.batch",
    "render_report": "lkjip_xl.report.render",
    "run_batch": "lkjip_xl.kabupaten.batch",
    "write_filled_copy": "lkjip_xl.write.filled",
    "write_marked_copy": "lkjip_xl.write.marked",
    "write_template": "lkjip_xl.write.template",
}

__all__ = [
    "Processed",
    "ReadResult",
    "Results",
    "Stages",
    "Wanted",
    "Workbook",
    "carry_forward",
    "check_for",
    "chart_specs",
    "compute",
    "compute_dict",
    "convert_to_pdf",
    "distribute",
    "draw_charts",
    "earlier_pk_files",
    "fill_workbook",
    "find_converter",
    "find_workbooks",
    "process",
    "pk_workbook",
    "read_workbook",
    "reported_quarters",
    "render_report",
    "report_workbook",
    "results_to_dict",
    "run_batch",
    "triwulan_workbook",
    "write_filled_copy",
    "write_marked_copy",
    "write_template",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def compute_dict(
    path: str | Path, stages: Stages = DEFAULT_STAGES
) -> tuple[ReadResult, dict[str, Any] | None]:
    """Read, check and compute a workbook; the dict is None when the workbook has errors."""
    done = process(path, Wanted(), stages)
    if done.results is None or done.read.workbook is None:
        return done.read, None
    return done.read, results_to_dict(done.read.workbook, done.results)


def fill_workbook(
    path: str | Path, output: str | Path, stages: Stages = DEFAULT_STAGES
) -> ReadResult:
    """Write the filled copy of a workbook with no errors; with errors, write nothing."""
    return process(path, Wanted(filled=Path(output)), stages).read


def report_workbook(
    path: str | Path,
    output: str | Path,
    template: str | Path | None = None,
    stages: Stages = DEFAULT_STAGES,
    pdf: str | Path | None = None,
) -> ReadResult:
    """Write the Word draft of a workbook with no errors (and, asked, its PDF); with errors,
    write nothing. Raises PdfNotMade (ConverterMissing…) after writing the draft when the PDF
    cannot be made."""
    wanted = Wanted(
        draft=Path(output),
        template=Path(template) if template else None,
        pdf=Path(pdf) if pdf else None,
    )
    done = process(path, wanted, stages)
    if done.pdf_problem is not None:
        raise done.pdf_problem
    return done.read


def pk_workbook(
    path: str | Path, folder: str | Path, pdf: bool = False, stages: Stages = DEFAULT_STAGES
) -> Processed:
    """Write every Perjanjian Kinerja of a workbook to `folder` (one .docx per pejabat and the
    combined one; asked, their PDFs). Realisasi are not needed: it works in January."""
    return process(path, Wanted(pk=Path(folder), documents_pdf=pdf), stages)


def triwulan_workbook(
    path: str | Path,
    quarter: int,
    output: str | Path,
    pdf: bool = False,
    stages: Stages = DEFAULT_STAGES,
) -> Processed:
    """Write the monitoring report of `quarter` (1 … 4); a quarter without realisasi in
    `Rencana Aksi` is an error at the cells to fill, and nothing is written."""
    wanted = Wanted(triwulan=Path(output), quarter=quarter, documents_pdf=pdf)
    return process(path, wanted, stages)


def check_for(path: str | Path, document: str) -> ReadResult:
    """Read and check a workbook for one document of the year: "laporan" (the year-end draft:
    realisasi required), "pk" (January: realisasi not needed) or "tw1" … "tw4" (the quarterly
    report: realisasi up to that quarter in Rencana Aksi)."""
    read = read_workbook(path)
    if document == "laporan":
        return checked_for(read, year_end=True)
    if document == "pk":
        return checked_for(read, early=True)
    return checked_for(read, early=True, quarter=int(document.removeprefix("tw")))


def reported_quarters(workbook: Workbook) -> list[int]:
    """The quarters whose monitoring report can be made: Rencana Aksi has indicator rows and
    each has its realisasi up to that quarter."""
    from lkjip_xl.read.readiness import for_quarter

    return [q for q in range(1, 5) if not for_quarter(workbook, q)]
