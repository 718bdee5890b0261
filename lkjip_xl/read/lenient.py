"""Targets that may be plain text (`22/14` in a Renstra matrix or a pejabat's PK): a number or a
SAKIP value where the cell holds one, otherwise the text itself, kept to be printed as written."""

from __future__ import annotations

from lkjip_xl.base.errors import NotANumber
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import NOT_AVAILABLE, Measure
from lkjip_xl.read.cell_reader import error_value
from lkjip_xl.read.kinds import text_of
from lkjip_xl.read.locate import Table
from lkjip_xl.read.numbers import cell_measure
from lkjip_xl.read.source import CellError, is_blank


def lenient_measure(
    table: Table, row: int, key: str, findings: list[Finding], text_code: str | None = None
) -> Measure:
    """The cell as a Measure; text that is none of the accepted forms is kept in `.text` (then
    `available` is False), with the finding `text_code` when one is given."""
    col = table.columns.get(key)
    if col is None:
        return NOT_AVAILABLE
    grid = table.grid
    if (row, col) in grid.uncached:
        findings.append(finding("formula-no-cache", grid.title, a1(row, col)))
        return NOT_AVAILABLE
    value = grid.value(row, col)
    if isinstance(value, CellError):  # '#DIV/0!' is no target to print
        findings.append(error_value(grid.title, a1(row, col), value))
        return NOT_AVAILABLE
    if value is None or is_blank(value):
        return NOT_AVAILABLE
    try:
        return cell_measure(value, grid.number_format(row, col))
    except NotANumber:
        text = text_of(value)
        if text_code is not None:
            findings.append(finding(text_code, grid.title, a1(row, col), value=text))
        return Measure(text=text)
