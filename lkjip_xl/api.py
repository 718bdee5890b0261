"""The public Python API; the CLI, the web page and any other front end call only these.

Heavy modules (matplotlib, docxtpl, openpyxl) are imported on first use, so checking a
workbook starts fast and a web server does not pay for what a request does not need.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from .calc import Results, compute
from .calc.serialize import results_to_dict
from .model import Workbook
from .validate import ReadResult, read_workbook

if TYPE_CHECKING:  # the names below, for readers and type checkers; imported on first use
    from .batch import find_workbooks, run_batch
    from .carry_forward import carry_forward
    from .distribute import distribute
    from .fill import write_filled_copy
    from .mark import write_marked_copy
    from .report.render import draw_charts, render_report
    from .template_writer import write_template

_LAZY = {
    "carry_forward": ".carry_forward",
    "distribute": ".distribute",
    "draw_charts": ".report.render",
    "find_workbooks": ".batch",
    "render_report": ".report.render",
    "run_batch": ".batch",
    "write_filled_copy": ".fill",
    "write_marked_copy": ".mark",
    "write_template": ".template_writer",
}

__all__ = [
    "ReadResult",
    "Results",
    "Workbook",
    "carry_forward",
    "compute",
    "compute_dict",
    "distribute",
    "draw_charts",
    "fill_workbook",
    "find_workbooks",
    "read_workbook",
    "render_report",
    "report_workbook",
    "results_to_dict",
    "run_batch",
    "write_filled_copy",
    "write_marked_copy",
    "write_template",
]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def compute_dict(path: str | Path) -> tuple[ReadResult, dict | None]:
    """Read, check and compute a workbook; the dict is None when the workbook has errors."""
    result = read_workbook(path)
    if not result.ok:
        return result, None
    return result, results_to_dict(result.workbook, compute(result.workbook))


def fill_workbook(path: str | Path, output: str | Path) -> ReadResult:
    """Write the filled copy of a workbook with no errors; with errors, write nothing."""
    from .fill import write_filled_copy

    result = read_workbook(path)
    if result.ok:
        write_filled_copy(result.workbook, compute(result.workbook), path, output)
    return result


def report_workbook(
    path: str | Path, output: str | Path, template: str | Path | None = None
) -> ReadResult:
    """Write the Word draft of a workbook with no errors; with errors, write nothing."""
    from .report.render import render_report

    result = read_workbook(path)
    if result.ok:
        render_report(result.workbook, compute(result.workbook), output, template)
    return result
