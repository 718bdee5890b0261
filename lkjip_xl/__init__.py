"""lkjip_xl: from a kecamatan's standard Excel workbook to the Word draft of its LKjIP."""

from .api import (
    ReadResult,
    Results,
    compute,
    compute_dict,
    fill_workbook,
    read_workbook,
    render_report,
    report_workbook,
    results_to_dict,
    write_marked_copy,
    write_template,
)

__all__ = [
    "ReadResult",
    "Results",
    "compute",
    "compute_dict",
    "fill_workbook",
    "read_workbook",
    "render_report",
    "report_workbook",
    "results_to_dict",
    "write_marked_copy",
    "write_template",
]
__version__ = "0.1.0"
