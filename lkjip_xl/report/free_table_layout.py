"""How a free `Tabel …` sheet is laid out in the draft: its header as typed (two rows, merged
cells kept), column widths from its content, and a landscape page when it is too wide.

Widths are estimated from characters (8 pt Arial): a column is never narrower than its longest
word or figure, so a figure (`1.169.786.789`) stays on one line and a header never breaks
inside a word; the room left is shared by how much text each column holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_xl.contract.records import FreeTable

CHAR_TWIPS = 92  # the mean width of an 8 pt Arial character, bold a little wider
PADDING_TWIPS = 230  # the cell's left and right margins
PORTRAIT_TWIPS = 8787  # A4 less 3 cm + 2,5 cm margins (scripts/build_docx_template.py)
LANDSCAPE_TWIPS = 13720  # 29,7 cm less the same margins
WANTED_CHARS = 40  # a long text column asks for this much before it wraps


@dataclass(frozen=True)
class Layout:
    widths: tuple[int, ...]  # twips per column
    landscape: bool


def layout(ft: FreeTable) -> Layout:
    columns = len(ft.headers)
    header_rows = ft.header_rows or (ft.headers,)
    least, wanted = [], []
    for c in range(columns):
        header = [
            row[c] for r, row in enumerate(header_rows) if c < len(row) and not _spans(ft, r, c)
        ]
        cells = [row[c] for row in ft.rows if c < len(row)]
        longest_word = max(
            [_longest_word(h) * 1.3 for h in header] + [_longest_word(v) for v in cells] + [3],
        )
        longest_text = max([len(v) for v in cells] + [int(longest_word)])
        least.append(int(longest_word * CHAR_TWIPS) + PADDING_TWIPS)
        wanted.append(int(min(longest_text, WANTED_CHARS) * CHAR_TWIPS) + PADDING_TWIPS)
    landscape = sum(least) > PORTRAIT_TWIPS
    room = LANDSCAPE_TWIPS if landscape else PORTRAIT_TWIPS
    return Layout(_share(least, wanted, room), landscape)


def _spans(ft: FreeTable, row: int, col: int) -> bool:
    """Whether a header cell over several columns covers (row, col): its text is shared."""
    return any(
        m.first_col <= col <= m.last_col and m.first_row <= row <= m.last_row
        for m in ft.merges
        if m.last_col > m.first_col
    )


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _share(least: list[int], wanted: list[int], room: int) -> tuple[int, ...]:
    """Each column its least width, then the room left shared by how much more each wants."""
    if sum(wanted) <= room:
        return tuple(wanted)
    spare = max(room - sum(least), 0)
    more = [w - n for w, n in zip(wanted, least, strict=True)]
    total_more = sum(more) or 1
    return tuple(n + spare * m // total_more for n, m in zip(least, more, strict=True))
