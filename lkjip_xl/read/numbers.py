"""Reading numbers the way Indonesian staff type them.

A cell may hold a real number, a percent-formatted number (0,8 shown as 80% means 80), or text
written the Indonesian way: `1.234.567`, `82,17`, `82,17%`, `Rp 1.500.000,00`. Targets and
realisations may also be SAKIP values such as `B (61)` or a letter alone (`BB`).
"""

from __future__ import annotations

import re

from lkjip_xl.base.errors import NotANumber
from lkjip_xl.contract.measure import NOT_AVAILABLE, SAKIP_LETTERS, Measure
from lkjip_xl.contract.schema import NA_TOKENS

_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_ID_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")  # 1.234.567,89 or 1234,5
_EN_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")  # 82.17 (typed in an English-locale sheet)
_EN_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3}){2,}(\.\d+)?$")  # 1,234,567(.89)
_SAKIP_VALUE = re.compile(r"^(AA|A|BB|B|CC|C|D)\s*\(\s*([^()]+?)\s*\)$", re.IGNORECASE)
_LABEL_FIRST = re.compile(
    r"^[A-Za-z][A-Za-z ]*\(\s*(AA|A|BB|B|CC|C|D)\s*\)\s*([\d.,]+)", re.IGNORECASE
)


def is_na_text(text: str) -> bool:
    return text.translate(_INVISIBLE).strip().lower() in NA_TOKENS


# Pasted from SIPD, a PDF or a web page: non-breaking, thin and zero-width spaces.
_INVISIBLE = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": None, "\ufeff": None}
)
_NO_CENTS = re.compile(r"[,.]-+$")  # "Rp 5.220.000,-": the dash stands for ",00"


def parse_number_text(text: str) -> float | None:
    """Parse Indonesian number text. None means "not available"; raises NotANumber otherwise."""
    s = text.translate(_INVISIBLE).strip()
    if s.lower() in NA_TOKENS:
        return None
    s = _CURRENCY.sub("", s).replace(" ", "")
    s = _NO_CENTS.sub("", s) if len(s) > 2 else s
    percent = s.endswith("%")
    if percent:
        s = s[:-1]
    negative = s.startswith("(") and s.endswith(")")  # accounting style (1.500)
    if negative:
        s = s[1:-1]
    if _ID_NUMBER.match(s):
        value = float(s.replace(".", "").replace(",", "."))
    elif _EN_DECIMAL.match(s):
        # "82.17": a dot followed by other than exactly three digits can only be a decimal point.
        value = float(s)
    elif _EN_THOUSANDS.match(s):
        value = float(s.replace(",", ""))
    else:
        raise NotANumber(text)
    return -value if negative else value


def cell_number(value: object, number_format: str | None = None) -> float | None:
    """A cell's value as a number. Percent-formatted cells count in percent (0,8 → 80)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotANumber(str(value))
    if isinstance(value, int | float):
        if number_format and "%" in number_format:
            return float(value) * 100
        return float(value)
    if isinstance(value, str):
        return parse_number_text(value)
    raise NotANumber(str(value))


def cell_measure(value: object, number_format: str | None = None) -> Measure:
    """Read a target/realisation cell. Raises NotANumber when it is none of the accepted forms."""
    if isinstance(value, str):
        text = re.sub(r"\s+", " ", value.replace("\u00a0", " ")).strip()
        if is_na_text(text):
            return Measure(text=text)
        try:
            return Measure(number=parse_number_text(text), text=text)
        except NotANumber:
            pass
        m = _SAKIP_VALUE.match(text)
        if m:
            return Measure(
                number=parse_number_text(m.group(2)), letter=m.group(1).upper(), text=text
            )
        m = _LABEL_FIRST.match(text)  # "Baik (B) 60-70": the letter, then the lower bound
        if m:
            return Measure(
                number=parse_number_text(m.group(2)), letter=m.group(1).upper(), text=text
            )
        if text.upper() in SAKIP_LETTERS:
            return Measure(letter=text.upper(), text=text)
        raise NotANumber(value)
    number = cell_number(value, number_format)
    return Measure(number=number) if number is not None else NOT_AVAILABLE
