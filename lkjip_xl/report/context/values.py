"""How the context writes values: drafted and own passages, paragraphs, signed amounts.

Figures use base.formatting directly: `fmt_number` and `fmt_percent` already give '-' for None.
"""

from __future__ import annotations

from typing import Any

from docxtpl import RichText

from lkjip_xl.base.formatting import DASH, fmt_number

# A context maps template names to values of any shape (text, RichText, rows, images).
Context = dict[str, Any]
Row = dict[str, Any]

DRAFT_HIGHLIGHT = "FFF2CC"  # docxtpl applies it as cell-style shading: a hex fill, light yellow


def draft(text: str) -> RichText:
    """A drafted passage, highlighted so that none is signed unread."""
    rt = RichText()
    rt.add(text, highlight=DRAFT_HIGHLIGHT)
    return rt


def own(text: str) -> RichText:
    """The workbook's own text, as written."""
    rt = RichText()
    rt.add(text)
    return rt


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of a passage, each one paragraph."""
    return [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]


def signed(value: float | None) -> str:
    """A change in rupiah, a decrease in parentheses: `(10.000.000)`."""
    if value is None:
        return DASH
    return f"({fmt_number(-value, 0)})" if value < 0 else fmt_number(value, 0)
