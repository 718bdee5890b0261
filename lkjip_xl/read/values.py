"""Parsing a located table's cells by the schema's column kinds, collecting findings.

Grouping columns (Kode Sasaran, Sasaran Strategis…) fill down: blank means "same as above".
"""

from __future__ import annotations

import datetime as dt
import re

from lkjip_xl.base.errors import NotANumber
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.schema import Column, Kind
from lkjip_xl.read.locate import Table
from lkjip_xl.read.numbers import cell_measure, cell_number
from lkjip_xl.read.source import is_blank

_CODE = re.compile(r"^(\d+|X+)(\.(\d+|X+))*$", re.IGNORECASE)
_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb", "pebruari"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "ags", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des", "dec"),
        ],
        start=1,
    )
    for name in names
}


class CellReader:
    """Parses one table's cells by kind, collecting findings; grouping columns fill down."""

    def __init__(self, table: Table, findings: list[Finding]) -> None:
        self.table = table
        self.findings = findings
        self._last_group: dict[str, object] = {}
        self._spec_columns = {c.key: c for c in table.spec.columns}
        self._defaults = {c.key: self._default(c) for c in table.spec.columns}

    @property
    def sheet(self) -> str:
        return self.table.grid.title

    def has(self, key: str) -> bool:
        return key in self.table.columns

    def ref(self, row: int, key: str) -> str:
        return a1(row, self.table.columns.get(key, 1))

    def raw(self, row: int, key: str) -> object:
        col = self.table.columns.get(key)
        return None if col is None else self.table.grid.value(row, col)

    def is_blank(self, row: int, key: str) -> bool:
        col = self.table.columns.get(key)
        if col is None:
            return True
        return (
            is_blank(self.table.grid.value(row, col)) and (row, col) not in self.table.grid.uncached
        )

    def get(self, row: int, key: str) -> object:
        """The parsed value of a column by its kind; None when blank, unparseable or absent.

        Runs for every cell of every table: the cell reference is built only for a finding.
        """
        column = self._spec_columns[key]
        col = self.table.columns.get(key)
        if col is None:
            return self._defaults[key]
        grid = self.table.grid
        if (row, col) in grid.uncached:
            self.findings.append(finding("formula-no-cache", grid.title, a1(row, col)))
            return None
        value = grid.value(row, col)
        if value is None or is_blank(value):  # None first: most optional cells are empty
            if column.grouping and self._last_group.get(key) is not None:
                return self._last_group[key]
            if column.value_required:
                self.findings.append(
                    finding(
                        "value-required",
                        grid.title,
                        a1(row, col),
                        column=column.header,
                        hint=_hint(column),
                    )
                )
            return self._defaults[key]
        parsed = parse_value(
            value, grid.number_format(row, col), column, grid.title, a1(row, col), self.findings
        )
        if column.grouping and parsed is not None:
            self._last_group[key] = parsed
        return parsed

    @staticmethod
    def _default(column: Column) -> object:
        if column.kind is Kind.MEASURE:
            return Measure()
        if column.vocabulary and column.default:
            return column.vocabulary.match(column.default).key
        return column.default if column.kind is Kind.TEXT else None


def _hint(column: Column) -> str:
    return column.help or "Isi sel ini."


def parse_value(
    value: object,
    number_format: str | None,
    column: Column,
    sheet: str,
    ref: str,
    findings: list[Finding],
) -> object:
    """Parse one non-blank cell by the column's kind; a bad value adds a finding and gives None."""
    kind = column.kind
    try:
        if kind is Kind.TEXT:
            return text_of(value)
        if kind is Kind.NUMBER:
            return cell_number(value, number_format)
        if kind is Kind.AMOUNT:
            amount = cell_number(value, None)  # a rupiah amount is never a percentage
            if amount is not None and amount < 0:
                findings.append(finding("amount-negative", sheet, ref, value=text_of(value)))
                return None
            return amount
        if kind is Kind.MEASURE:
            return cell_measure(value, number_format)
        if kind is Kind.INTEGER:
            number = cell_number(value, None)
            if number is not None and number != int(number):
                findings.append(finding("integer-invalid", sheet, ref, value=text_of(value)))
                return None
            return None if number is None else int(number)
        if kind is Kind.ANSWER:
            return parse_answer(value, sheet, ref, findings)
        if kind is Kind.CHOICE:
            choice = column.vocabulary.match(text_of(value))
            if choice is None:
                findings.append(
                    finding(
                        "choice-invalid",
                        sheet,
                        ref,
                        value=text_of(value),
                        column=column.header,
                        choices=", ".join(column.vocabulary.labels),
                    )
                )
                return None
            return choice.key
        if kind is Kind.CODE:
            code = text_of(value).replace(" ", "")
            if not _CODE.match(code):
                findings.append(finding("budget-code-invalid", sheet, ref, value=text_of(value)))
                return None
            return code
        if kind is Kind.DATE:
            return parse_date(value, sheet, ref, findings)
        if kind is Kind.YEAR:
            return parse_year(value, sheet, ref, findings)
    except NotANumber:
        code = "measure-invalid" if kind is Kind.MEASURE else "number-invalid"
        if kind is Kind.INTEGER:
            code = "integer-invalid"
        findings.append(finding(code, sheet, ref, value=text_of(value)))
        return None
    raise AssertionError(f"unhandled kind {kind}")


def parse_answer(value: object, sheet: str, ref: str, findings: list[Finding]) -> int | None:
    number: float | None
    try:
        number = cell_number(value, None)
    except NotANumber:
        number = -1.0
    if number is None or number != int(number) or not 1 <= number <= 4:
        findings.append(finding("skm-answer-invalid", sheet, ref, value=text_of(value)))
        return None
    return int(number)


def parse_date(value: object, sheet: str, ref: str, findings: list[Finding]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = text_of(value).lower()
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", text)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", text)
        if m and m.group(2) in _MONTHS:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        pass
    findings.append(finding("date-invalid", sheet, ref, value=text_of(value)))
    return None


def parse_year(value: object, sheet: str, ref: str, findings: list[Finding]) -> int | None:
    text = text_of(value)
    if re.fullmatch(r"\d{4}", text) and 1990 <= int(text) <= 2100:
        return int(text)
    findings.append(finding("year-invalid", sheet, ref, value=text))
    return None


def text_of(value: object) -> str:
    """A cell as text: whole numbers without '.0', dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return re.sub(r"[ \t]+", " ", str(value).replace("\u00a0", " ")).strip()
