"""What each column kind means, in one table: how a cell of that kind is parsed, and how the blank
template formats and validates it.

The reader calls `KIND_RULES[kind].parse`; the blank-template writer reads `excel_format` and
`validation`. A parser is pure: it returns the typed value or raises BadValue naming the finding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lkjip_xl.base.cell_text import without_control_characters
from lkjip_xl.base.errors import BadValue, NotANumber
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.schema import Column, Kind
from lkjip_xl.read.numbers import cell_measure, cell_number

Parser = Callable[[object, str | None, Column], Any]  # (value, number format, column) → value

# The draft marks caption numbers and spliced tables with private-use characters
# (report/markers.py); removing them here means no cell can forge one. Control characters
# (a cell's `_x0001_`) are removed too: no document or workbook could hold them later.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def strip_markers(text: str) -> str:
    """Text from a cell or sheet name without private-use or control characters (see above)."""
    return without_control_characters(_PRIVATE_USE.sub("", text))


def text_of(value: object) -> str:
    """A cell as text: whole numbers without '.0', dates as dd/mm/yyyy, runs of spaces as one,
    without private-use characters."""
    if value is None:
        return ""
    if type(value) is str and value.isascii() and value.isprintable() and "  " not in value:
        return value.strip()  # the usual cell, kept fast: nothing below would change it
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    text = strip_markers(str(value))
    return _BLANKS.sub(" ", text.replace("\u00a0", " ")).strip()


_BLANKS = re.compile(r"[ \t]+")


def parse_text(value: object, _fmt: str | None, _column: Column) -> str:
    return text_of(value)


def parse_number(value: object, fmt: str | None, _column: Column) -> float | None:
    try:
        number = cell_number(value, fmt)
    except NotANumber:
        raise BadValue("number-invalid", value=text_of(value)) from None
    return _plausible(number, value)


def parse_amount(value: object, _fmt: str | None, _column: Column) -> float | None:
    try:
        amount = cell_number(value, None)  # a rupiah amount is never a percentage
    except NotANumber:
        raise BadValue("number-invalid", value=text_of(value)) from None
    if amount is not None and amount < 0:
        raise BadValue("amount-negative", value=text_of(value))
    return _plausible(amount, value)


# 1.000 triliun: above any figure of a kecamatan's report (the largest APBD is near Rp 80
# triliun); past it a typing slip (zeros added) or a pasted overflow, and a wrong figure
MAX_MAGNITUDE = 1e15


def _plausible(number: float | None, value: object) -> float | None:
    if number is not None and not abs(number) <= MAX_MAGNITUDE:  # also catches inf and nan
        raise BadValue("number-too-large", value=text_of(value))
    return number


def parse_measure(value: object, fmt: str | None, _column: Column) -> Measure:
    try:
        measure = cell_measure(value, fmt)
    except NotANumber:
        raise BadValue("measure-invalid", value=text_of(value)) from None
    _plausible(measure.number, value)
    return measure


def parse_integer(value: object, _fmt: str | None, _column: Column) -> int | None:
    try:
        number = cell_number(value, None)
    except NotANumber:
        raise BadValue("integer-invalid", value=text_of(value)) from None
    if number is not None and number != int(number):
        raise BadValue("integer-invalid", value=text_of(value))
    return None if number is None else int(number)


def parse_answer(value: object, _fmt: str | None = None, _column: Column | None = None) -> int:
    """An SKM answer: a whole number 1–4."""
    try:
        number = cell_number(value, None)
    except NotANumber:
        number = None
    if number is None or number != int(number) or not 1 <= number <= 4:
        raise BadValue("skm-answer-invalid", value=text_of(value))
    return int(number)


def parse_choice(value: object, _fmt: str | None, column: Column) -> str:
    """The key of the vocabulary's choice the text names."""
    assert column.vocabulary is not None, f"{column.header} is a choice without a vocabulary"
    choice = column.vocabulary.match(text_of(value))
    if choice is None:
        raise BadValue(
            "choice-invalid",
            value=text_of(value),
            column=column.header,
            choices=", ".join(column.vocabulary.labels),
        )
    return choice.key


_CODE = re.compile(r"^(\d+|X+)(\.(\d+|X+))*$", re.IGNORECASE)


def parse_code(value: object, _fmt: str | None, _column: Column) -> str:
    # pasted from SIPD: spaces (also non-breaking or zero-width) and a trailing dot ("7.01.01.")
    code = re.sub(r"[\s\u200b\ufeff]", "", text_of(value)).rstrip(".")
    if not _CODE.match(code):
        raise BadValue("budget-code-invalid", value=text_of(value))
    return code


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


def parse_date(value: object, _fmt: str | None = None, _column: Column | None = None) -> dt.date:
    """A date cell, or text like 22/02/2024, 2024-02-22 or 22 Februari 2024."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = text_of(value).lower()
    try:
        if m := re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", text):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", text):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", text)
        if m and m.group(2) in _MONTHS:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        pass
    raise BadValue("date-invalid", value=text_of(value))


def parse_year(value: object, _fmt: str | None = None, _column: Column | None = None) -> int:
    text = text_of(value)
    if re.fullmatch(r"\d{4}", text) and 1990 <= int(text) <= 2100:
        return int(text)
    raise BadValue("year-invalid", value=text)


@dataclass(frozen=True)
class KindRule:
    """One column kind: its parser, and the blank template's number format and data validation."""

    parse: Parser
    excel_format: str | None = None  # the input cells' number format ("@" keeps text as typed)
    wrap: bool = False  # wrap long text in the input cells
    validation: Mapping[str, object] = field(default_factory=lambda: {"validate": "any"})


KIND_RULES: dict[Kind, KindRule] = {
    Kind.TEXT: KindRule(parse_text, "@", wrap=True),
    Kind.NUMBER: KindRule(
        parse_number,
        "#,##0.00",
        validation={
            "validate": "decimal",
            "criteria": "between",
            "minimum": -1e12,
            "maximum": 1e12,
            "error_message": "Ketik angka, mis. 82,17.",
            "error_type": "warning",
        },
    ),
    Kind.AMOUNT: KindRule(
        parse_amount,
        "#,##0",
        validation={
            "validate": "decimal",
            "criteria": ">=",
            "value": 0,
            "error_message": "Ketik jumlah rupiah tanpa titik, mis. 1500000 (tidak boleh negatif).",
        },
    ),
    Kind.MEASURE: KindRule(parse_measure),
    Kind.INTEGER: KindRule(
        parse_integer,
        validation={
            "validate": "integer",
            "criteria": ">=",
            "value": 0,
            "error_message": "Ketik bilangan bulat, mis. 12.",
        },
    ),
    Kind.ANSWER: KindRule(
        parse_answer,
        validation={
            "validate": "integer",
            "criteria": "between",
            "minimum": 1,
            "maximum": 4,
            "error_message": "Jawaban SKM harus bilangan bulat 1, 2, 3 atau 4.",
        },
    ),
    Kind.CHOICE: KindRule(parse_choice),  # validated by its vocabulary's dropdown list
    Kind.CODE: KindRule(parse_code, "@"),
    Kind.DATE: KindRule(
        parse_date,
        "dd/mm/yyyy",
        validation={
            "validate": "date",
            "criteria": ">",
            "value": dt.date(1990, 1, 1),
            "error_message": "Ketik tanggal, mis. 22/02/2024.",
            "error_type": "warning",
        },
    ),
    Kind.YEAR: KindRule(
        parse_year,
        validation={
            "validate": "integer",
            "criteria": "between",
            "minimum": 1990,
            "maximum": 2100,
            "error_message": "Ketik tahun 4 angka, mis. 2023.",
        },
    ),
}
