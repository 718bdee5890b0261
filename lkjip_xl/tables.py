"""Finding a table inside a sheet and parsing its cells by the schema's column kinds.

The header row is the first of the first 10 rows whose cells match the sheet's required
headers; data rows run down to the first fully empty row. Every problem becomes a finding.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .cells import a1
from .findings import Finding, finding
from .numbers import Measure, NotANumber, cell_measure, cell_number, is_na_text
from .schema import ANSWER_HEADER, HEADER_SEARCH_ROWS, Column, Kind, SheetSpec, normalize_header
from .xlsx_source import Grid, is_blank

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


@dataclass
class Table:
    """A located table: which column holds which key, and the data rows' range."""

    grid: Grid
    spec: SheetSpec
    header_row: int
    columns: dict[str, int]  # key → 1-based column
    answer_columns: dict[str, int] = field(default_factory=dict)  # SKM: "U1" → column
    data_rows: list[int] = field(default_factory=list)


def locate(grid: Grid, spec: SheetSpec, findings: list[Finding]) -> Table | None:
    """Find the header row and the data rows. Returns None when no header row is found."""
    best_row, best_hits = 0, 0
    required = [c for c in spec.columns if c.required]
    for r in range(1, min(HEADER_SEARCH_ROWS, grid.height) + 1):
        row_values = grid.values[r - 1]
        hits = {
            c.key for c in spec.columns if any(c.matches(v) for v in row_values if not is_blank(v))
        }
        if spec.extra_answer_columns:
            hits |= {
                normalize_header(v)
                for v in row_values
                if not is_blank(v) and ANSWER_HEADER.match(normalize_header(v))
            }
        if all(c.key in hits for c in required):
            best_row, best_hits = r, len(hits)
            break
        if len(hits) > best_hits:
            best_row, best_hits = r, len(hits)
    if best_hits == 0:
        expected = ", ".join(c.header for c in required) or ", ".join(
            c.header for c in spec.columns[:3]
        )
        findings.append(
            finding("header-not-found", grid.title, "A1", sheet=grid.title, expected=expected)
        )
        return None

    table = Table(grid, spec, best_row, {})
    for col, v in enumerate(grid.values[best_row - 1], start=1):
        if is_blank(v):
            continue
        if spec.extra_answer_columns and ANSWER_HEADER.match(normalize_header(v)):
            key = normalize_header(v).upper()  # SKM answers U1, U2 … U10 …
        else:
            column = next((c for c in spec.columns if c.matches(v)), None)
            key = column.key if column else None
        if key is None:
            findings.append(
                finding("column-extra", grid.title, a1(best_row, col), column=str(v).strip())
            )
            continue
        if key in table.columns or key in table.answer_columns:
            findings.append(
                finding("header-duplicate", grid.title, a1(best_row, col), column=str(v).strip())
            )
            continue
        if key[0] == "U" and key[1:].isdigit():
            table.answer_columns[key] = col
        else:
            table.columns[key] = col
    table.answer_columns = dict(sorted(table.answer_columns.items(), key=lambda kv: int(kv[0][1:])))
    for c in required:
        if c.key not in table.columns and c.key.upper() not in table.answer_columns:
            findings.append(
                finding(
                    "header-missing", grid.title, a1(best_row, 1), column=c.header, sheet=grid.title
                )
            )

    table.data_rows = _data_rows(grid, best_row, findings)
    return table


def _data_rows(grid: Grid, header_row: int, findings: list[Finding]) -> list[int]:
    rows: list[int] = []
    r = header_row + 1
    while r <= grid.height and not row_blank(grid, r):
        rows.append(r)
        r += 1
    # anything after the gap is reported, never silently lost
    in_block = False
    while r <= grid.height:
        if row_blank(grid, r):
            in_block = False
        elif not in_block:
            in_block = True
            col = next(i for i, v in enumerate(grid.values[r - 1], start=1) if not is_blank(v))
            findings.append(finding("row-after-gap", grid.title, a1(r, col), row=r))
        r += 1
    return rows


def row_blank(grid: Grid, r: int) -> bool:
    return all(is_blank(v) for v in grid.values[r - 1])


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


def is_na(value: object) -> bool:
    return isinstance(value, str) and is_na_text(value)
