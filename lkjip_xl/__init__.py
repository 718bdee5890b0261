"""lkjip_xl: from a kecamatan's standard Excel workbook to the Word draft of its LKjIP."""

from .api import ReadResult, read_workbook, write_marked_copy, write_template

__all__ = ["ReadResult", "read_workbook", "write_marked_copy", "write_template"]
__version__ = "0.1.0"
