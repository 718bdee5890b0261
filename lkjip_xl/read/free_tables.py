"""The free `Tabel …` sheets: tables the draft carries as they are, placed where staff say.

Above the header, optional lines in column A: `Judul: …` (the caption; default the rest of the
sheet name), `Letak: Bab I | Bab II | Bab III | Lampiran` (default Lampiran), `Sumber: …`
(printed under the table; a `Sumber: …` line right under the table counts too). The header is
one row, or two when its first row has merged group cells over sub-headers (`Target` over
`TW I … TW IV`) or cells merged down over both rows; the merges are kept for Word. Every other
non-empty row is a row of the table, totals included: the tool does not check its figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import CellMerge, FreeTable
from lkjip_xl.contract.schema import FREE_TABLE_DIRECTIVES, FREE_TABLE_PREFIX, PLACEMENT
from lkjip_xl.read.kinds import strip_markers, text_of
from lkjip_xl.read.package import Merge
from lkjip_xl.read.source import Grid, is_blank

_DIRECTIVE = re.compile(
    r"^\s*(" + "|".join(label for _, label in FREE_TABLE_DIRECTIVES) + r")\s*:\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)


def read_free_table(
    grid: Grid, merges: Sequence[Merge], findings: list[Finding]
) -> FreeTable | None:
    """A `Tabel …` sheet as shown; None when it holds no table."""
    directives: dict[str, tuple[str, int]] = {}  # key → (text, row)
    r, height = 1, grid.height
    while r <= height:
        values = grid.values[r - 1]
        if all(is_blank(v) for v in values):
            r += 1
            continue
        directive = _directive(values)
        if directive is None:
            break
        directives.setdefault(directive[0], (directive[1], r))
        r += 1
    if r > height:
        return None
    header_row = r
    two_rows = _two_row_header(grid, header_row, merges)
    last_header = header_row + 1 if two_rows else header_row
    body_rows = [
        row
        for row in range(last_header + 1, height + 1)
        if not all(is_blank(v) for v in grid.values[row - 1])
    ]
    source = directives.get("sumber", ("", 0))[0]
    if body_rows and _directive(grid.values[body_rows[-1] - 1], only="sumber") is not None:
        trailing = _directive(grid.values[body_rows[-1] - 1], only="sumber")
        assert trailing is not None
        source = source or trailing[1]
        body_rows.pop()
    used = [header_row, *([last_header] if two_rows else []), *body_rows]
    width = max(
        (i + 1 for row in used for i, v in enumerate(grid.values[row - 1]) if not is_blank(v)),
        default=0,
    )
    if width == 0:
        return None
    header_merges = _header_merges(merges, header_row, last_header, width)
    covered = {
        (r0, c0)
        for m in header_merges
        for r0 in range(m.first_row, m.last_row + 1)
        for c0 in range(m.first_col, m.last_col + 1)
        if (r0, c0) != (m.first_row, m.first_col)
    }
    header_rows = tuple(
        tuple("" if (i, c) in covered else text_of(_cell(grid, row, c + 1)) for c in range(width))
        for i, row in enumerate(range(header_row, last_header + 1))
    )
    return FreeTable(
        sheet=grid.title,
        title=_title(grid.title, directives.get("judul", ("", 0))[0]),
        headers=_leaf_headers(header_rows, header_merges),
        rows=tuple(
            tuple(_free_cell(_cell(grid, row, c + 1)) for c in range(width)) for row in body_rows
        ),
        placement=_placement(grid.title, directives.get("letak"), findings),
        source=strip_markers(source).strip(),
        header_rows=header_rows,
        merges=header_merges,
    )


def _directive(values: Sequence[object], only: str | None = None) -> tuple[str, str] | None:
    """('letak', 'Bab II') for a row whose only text is 'Letak: Bab II' in column A."""
    if not values or not isinstance(values[0], str):
        return None
    if any(not is_blank(v) for v in values[1:]):
        return None
    m = _DIRECTIVE.match(values[0])
    if m is None:
        return None
    key = m.group(1).lower()
    if only is not None and key != only:
        return None
    return key, re.sub(r"\s+", " ", m.group(2)).strip()


def _two_row_header(grid: Grid, header_row: int, merges: Sequence[Merge]) -> bool:
    """Two header rows when a cell of the first is merged down into the second, or merged across
    group columns that all have a sub-header text below (not a number: that would be data)."""
    below = header_row + 1
    if below > grid.height:
        return False
    for m in merges:
        if m.first_row != header_row:
            continue
        if m.last_row == below:
            return True
        if m.last_row == header_row and m.last_col > m.first_col:
            under = [_cell(grid, below, c) for c in range(m.first_col, m.last_col + 1)]
            if all(isinstance(v, str) and v.strip() for v in under):
                return True
    return False


def _header_merges(
    merges: Sequence[Merge], header_row: int, last_header: int, width: int
) -> tuple[CellMerge, ...]:
    """The merges inside the header block, in header coordinates (0-based), in reading order."""
    inside = [
        CellMerge(
            m.first_row - header_row,
            m.last_row - header_row,
            m.first_col - 1,
            min(m.last_col, width) - 1,
        )
        for m in merges
        if header_row <= m.first_row
        and m.last_row <= last_header
        and m.first_col <= width
        and (m.last_row > m.first_row or m.last_col > m.first_col)
    ]
    return tuple(sorted(inside, key=lambda m: (m.first_row, m.first_col)))


def _leaf_headers(
    header_rows: tuple[tuple[str, ...], ...], merges: tuple[CellMerge, ...]
) -> tuple[str, ...]:
    """One name per column: the sub-header, or the cell above it when merged down (or blank)."""
    if len(header_rows) == 1:
        return header_rows[0]
    top, bottom = header_rows
    leaves = []
    for c, text in enumerate(bottom):
        if text:
            leaves.append(text)
            continue
        owner = next(
            (m for m in merges if m.first_col <= c <= m.last_col and m.first_row == 0), None
        )
        leaves.append(top[owner.first_col] if owner else top[c])
    return tuple(leaves)


def _placement(sheet: str, given: tuple[str, int] | None, findings: list[Finding]) -> str:
    if given is None or not given[0]:
        return "lampiran"
    choice = PLACEMENT.match(given[0])
    if choice is None:
        findings.append(finding("table-placement-invalid", sheet, a1(given[1], 1), value=given[0]))
        return "lampiran"
    return choice.key


def _title(sheet: str, given: str) -> str:
    if given:
        return strip_markers(given).strip()
    rest = strip_markers(sheet[len(FREE_TABLE_PREFIX) :]).strip(" -_:")
    return rest or strip_markers(sheet)


def _cell(grid: Grid, row: int, col: int) -> object:
    return grid.value(row, col)


def _free_cell(v: object) -> str:
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, int | float):
        return fmt_number(v, decimals=None)
    return text_of(v)
