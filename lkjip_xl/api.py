"""The public Python API; the CLI and any other front end call only these."""

from __future__ import annotations

from .mark import write_marked_copy
from .template_writer import write_template
from .validate import ReadResult, read_workbook

__all__ = ["ReadResult", "read_workbook", "write_marked_copy", "write_template"]
