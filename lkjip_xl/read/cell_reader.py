"""Typed getters over one located table: each parses a cell by its column's kind, or adds a finding.

`text`, `measure`, `amount`, `number`, `integer`, `choice`, `code`, `date` and `year` return a value of
their own type (the column's default when the cell is blank or bad, the finding saying why).
Grouping columns (Kode Sasaran, Sasaran Strategis…) fill down: blank means "same as above".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TypeVar, cast

from lkjip_xl.base.errors import BadValue
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import NOT_AVAILABLE, Measure
from lkjip_xl.contract.schema import Column, Kind
from lkjip_xl.read.kinds import KIND_RULES, Parser, text_of
from lkjip_xl.read.locate import Table
from lkjip_xl.read.source import CellError, is_blank

T = TypeVar("T")


class CellReader:
    """Parses one table's cells by kind, collecting findings; grouping columns fill down."""

    def __init__(self, table: Table, findings: list[Finding]) -> None:
        self.table = table
        self.findings = findings
        self._last_group: dict[str, object] = {}
        self._columns = {c.key: c for c in table.spec.columns_of(table.columns)}

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

    # -- typed getters, one per kind ------------------------------------------------------------

    def text(self, row: int, key: str) -> str:
        return self._get(row, key, Kind.TEXT, self._columns[key].default or "")

    def measure(self, row: int, key: str) -> Measure:
        return self._get(row, key, Kind.MEASURE, NOT_AVAILABLE)

    def amount(self, row: int, key: str) -> float | None:
        """A rupiah amount, multiplied by its header's unit ("Pagu (Rp 000)": × 1000)."""
        value: float | None = self._get(row, key, Kind.AMOUNT, None)
        factor = self.table.scale.get(key)
        if value is None or factor is None:
            return value
        return scaled(value, factor)

    def number(self, row: int, key: str) -> float | None:
        return self._get(row, key, Kind.NUMBER, None)

    def integer(self, row: int, key: str) -> int | None:
        return self._get(row, key, Kind.INTEGER, None)

    def code(self, row: int, key: str) -> str:
        return self._get(row, key, Kind.CODE, "")

    def date(self, row: int, key: str) -> dt.date | None:
        return self._get(row, key, Kind.DATE, None)

    def year(self, row: int, key: str) -> int | None:
        return self._get(row, key, Kind.YEAR, None)

    def choice(self, row: int, key: str) -> str:
        """The key of the chosen vocabulary item; the column's default choice when blank."""
        column = self._columns[key]
        default = ""
        if column.vocabulary is not None and column.default:
            match = column.vocabulary.match(column.default)
            default = match.key if match else ""
        return self._get(row, key, Kind.CHOICE, default)

    def _get(self, row: int, key: str, kind: Kind, default: T) -> T:
        """The parsed value of a column; `default` when blank, unparseable or absent.

        Runs for every cell of every table: the cell reference is built only for a finding.
        """
        column = self._columns[key]
        assert column.kind is kind, f"{column.header} is {column.kind}, read as {kind}"
        col = self.table.columns.get(key)
        if col is None:
            return default
        grid = self.table.grid
        if (row, col) in grid.uncached:
            self.findings.append(finding("formula-no-cache", grid.title, a1(row, col)))
            return default
        value = grid.value(row, col)
        if isinstance(value, CellError):
            self.findings.append(error_value(grid.title, a1(row, col), value))
            return default
        if value is None or is_blank(value):  # None first: most optional cells are empty
            if column.grouping and key in self._last_group:
                return cast(T, self._last_group[key])
            if column.value_required:
                self.findings.append(
                    finding(
                        "value-required",
                        grid.title,
                        a1(row, col),
                        column=column.header,
                        hint=column.help or "Isi sel ini.",
                    )
                )
            return default
        parsed = parse_cell(
            value,
            grid.number_format(row, col),
            column,
            KIND_RULES[kind].parse,
            self.findings,
            grid.title,
            a1(row, col),
        )
        if parsed is None:
            return default
        if column.grouping:
            self._last_group[key] = parsed
        return cast(T, parsed)


def scaled(value: float, factor: float) -> float:
    """value × factor without binary noise (7.310.830,01 thousand is 7.310.830.010 exactly)."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def error_value(sheet: str, ref: str, error: CellError) -> Finding:
    """The finding for a cell holding an error value, naming it and its formula."""
    formula = f" dari rumus {error.formula}" if error.formula else ""
    return finding("cell-error-value", sheet, ref, value=error.value, formula=formula)


def parse_cell(
    value: object,
    number_format: str | None,
    column: Column,
    parse: Parser,
    findings: list[Finding],
    sheet: str,
    ref: str,
) -> object | None:
    """Parse one non-blank cell; a bad value adds its finding and gives None."""
    try:
        parsed: object = parse(value, number_format, column)
        return parsed
    except BadValue as bad:
        findings.append(finding(bad.code, sheet, ref, **bad.params))
        return None


def parse_setting(
    value: object,
    number_format: str | None,
    column: Column,
    findings: list[Finding],
    sheet: str,
    ref: str,
) -> object | None:
    """One `Identitas` value by its setting's kind (the setting seen as a column)."""
    return parse_cell(
        value, number_format, column, KIND_RULES[column.kind].parse, findings, sheet, ref
    )


__all__ = ["CellReader", "error_value", "parse_cell", "parse_setting", "scaled", "text_of"]
