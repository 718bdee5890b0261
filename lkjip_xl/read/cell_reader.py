"""Typed getters over one located table: each parses a cell by its column's kind, or adds a finding.

`text`, `measure`, `amount`, `number`, `integer`, `choice`, `code`, `date` and `year` return a value of
their own type (the column's default when the cell is blank or bad, the finding saying why).
Grouping columns (Kode Sasaran, Sasaran Strategis…) fill down: blank means "same as above".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
        # by key, not by Kind: an Enum's hash is a Python call, and this runs for every cell
        self._parsers = {key: KIND_RULES[c.kind].parse for key, c in self._columns.items()}

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
        return self._get(row, key, Kind.CHOICE, self._default_choice(key))

    def _default_choice(self, key: str) -> str:
        column = self._columns[key]
        if column.vocabulary is not None and column.default:
            match = column.vocabulary.match(column.default)
            return match.key if match else ""
        return ""

    # -- whole columns, for long tables (the SKM survey) ------------------------------------------

    def texts(self, rows: Sequence[int], key: str) -> list[str]:
        return self._column(rows, key, Kind.TEXT, self._columns[key].default or "")

    def measures(self, rows: Sequence[int], key: str) -> list[Measure]:
        return self._column(rows, key, Kind.MEASURE, NOT_AVAILABLE)

    def amounts(self, rows: Sequence[int], key: str) -> list[float | None]:
        """Rupiah amounts, each multiplied by its header's unit (see `amount`)."""
        values: list[float | None] = self._column(rows, key, Kind.AMOUNT, None)
        factor = self.table.scale.get(key)
        if factor is None:
            return values
        return [None if value is None else scaled(value, factor) for value in values]

    def choices(self, rows: Sequence[int], key: str) -> list[str]:
        return self._column(rows, key, Kind.CHOICE, self._default_choice(key))

    def integers(self, rows: Sequence[int], key: str) -> list[int | None]:
        return self._column(rows, key, Kind.INTEGER, None)

    def dates(self, rows: Sequence[int], key: str) -> list[dt.date | None]:
        return self._column(rows, key, Kind.DATE, None)

    def _column(self, rows: Sequence[int], key: str, kind: Kind, default: T) -> list[T]:
        """`_get` of each row in turn, except that an empty cell of a column which neither
        fills down nor needs a value is `default` without a call (most of a survey's optional
        cells: 70.000 of them in the large benchmark workbook)."""
        column = self._columns[key]
        assert column.kind is kind, f"{column.header} is {column.kind}, read as {kind}"
        col = self.table.columns.get(key)
        grid = self.table.grid
        values = grid.values
        plain = not (column.grouping or column.value_required or grid.uncached)
        inside = not rows or (min(rows) > 0 and max(rows) <= len(values))
        if col is None or not plain or not inside:
            return [self._get(r, key, kind, default) for r in rows]
        at = col - 1
        cells = [row[at] if at < len(row) else None for row in [values[r - 1] for r in rows]]
        if kind is Kind.TEXT:  # what `_get` gives a typed text of such a column, without a call
            return [
                default
                if value is None
                else cast(T, text_of(value))
                if type(value) is str and value.strip()
                else self._get(r, key, kind, default)
                for r, value in zip(rows, cells, strict=True)
            ]
        return [
            default if value is None else self._get(r, key, kind, default)
            for r, value in zip(rows, cells, strict=True)
        ]

    def _get(self, row: int, key: str, kind: Kind, default: T) -> T:
        """The parsed value of a column; `default` when blank, unparseable or absent.

        Runs for most cells of every table: the cell is read straight from the grid's row, and
        its reference is built only for a finding.
        """
        column = self._columns[key]
        assert column.kind is kind, f"{column.header} is {column.kind}, read as {kind}"
        col = self.table.columns.get(key)
        if col is None:
            return default
        grid = self.table.grid
        if grid.uncached and (row, col) in grid.uncached:
            self.findings.append(finding("formula-no-cache", grid.title, a1(row, col)))
            return default
        values = grid.values
        cells = values[row - 1] if 0 < row <= len(values) else ()
        value = cells[col - 1] if col <= len(cells) else None
        if value is None or (isinstance(value, str) and not value.strip()):  # is_blank
            return self._blank(row, col, key, column, default)
        if isinstance(value, CellError):
            self.findings.append(error_value(grid.title, a1(row, col), value))
            return default
        percent = grid.percent and (row, col) in grid.percent
        try:
            parsed = self._parsers[key](value, "0%" if percent else None, column)
        except BadValue as bad:  # as parse_cell, without building the reference for every cell
            self.findings.append(finding(bad.code, grid.title, a1(row, col), **bad.params))
            return default
        if parsed is None:
            return default
        if column.grouping:
            self._last_group[key] = parsed
        return cast(T, parsed)

    def _blank(self, row: int, col: int, key: str, column: Column, default: T) -> T:
        """A blank cell: the value above for a grouping column, else `default` (and a finding
        when the column needs a value)."""
        if column.grouping and key in self._last_group:
            return cast(T, self._last_group[key])
        if column.value_required:
            self.findings.append(
                finding(
                    "value-required",
                    self.sheet,
                    a1(row, col),
                    column=column.header,
                    hint=column.help or "Isi sel ini.",
                )
            )
        return default


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
