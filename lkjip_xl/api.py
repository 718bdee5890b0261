"""The public Python API; the CLI and any other front end call only these."""

from __future__ import annotations

from pathlib import Path

from .calc import Results, compute
from .calc.serialize import results_to_dict
from .fill import write_filled_copy
from .mark import write_marked_copy
from .model import Workbook
from .report.render import render_report
from .template_writer import write_template
from .validate import ReadResult, read_workbook

__all__ = [
    "ReadResult",
    "Results",
    "Workbook",
    "compute",
    "compute_dict",
    "fill_workbook",
    "read_workbook",
    "render_report",
    "report_workbook",
    "results_to_dict",
    "write_filled_copy",
    "write_marked_copy",
    "write_template",
]


def compute_dict(path: str | Path) -> tuple[ReadResult, dict | None]:
    """Read, check and compute a workbook; the dict is None when the workbook has errors."""
    result = read_workbook(path)
    if not result.ok:
        return result, None
    return result, results_to_dict(result.workbook, compute(result.workbook))


def fill_workbook(path: str | Path, output: str | Path) -> ReadResult:
    """Write the filled copy of a workbook with no errors; with errors, write nothing."""
    result = read_workbook(path)
    if result.ok:
        write_filled_copy(result.workbook, compute(result.workbook), path, output)
    return result


def report_workbook(
    path: str | Path, output: str | Path, template: str | Path | None = None
) -> ReadResult:
    """Write the Word draft of a workbook with no errors; with errors, write nothing."""
    result = read_workbook(path)
    if result.ok:
        render_report(result.workbook, compute(result.workbook), output, template)
    return result
