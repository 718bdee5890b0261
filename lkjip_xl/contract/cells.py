"""A1 cell addresses (1-based rows and columns, as Excel counts them)."""

from __future__ import annotations

import re

_A1 = re.compile(r"^([A-Z]+)(\d+)$")


def column_letter(col: int) -> str:
    if col < 1:
        raise ValueError(f"column must be >= 1, got {col}")
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def a1(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}"


def parse_a1(ref: str) -> tuple[int, int]:
    m = _A1.match(ref)
    if not m:
        raise ValueError(f"not an A1 reference: {ref!r}")
    return int(m.group(2)), column_index(m.group(1))


def cell_sort_key(ref: str | None) -> tuple[int, int]:
    if not ref:
        return (0, 0)
    try:
        return parse_a1(ref)
    except ValueError:
        return (0, 0)
