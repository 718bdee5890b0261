"""Finding a table inside a sheet: its header row (or two), which column holds which key, the
unit of each amount column, and which rows are data.

The header is the first of the first 10 rows whose cells match the sheet's required headers. A
header on two rows (a merged group cell above sub-headers, `Target` over `TW I … TW IV`) is
read by joining the rows when each group cell spans exactly its sub-headers and every joined
name, or the sub-header alone, is a header of the sheet; otherwise it is an error naming both
rows. Below the header every row that carries data in the table's columns is data, blank rows
in between or not (each gap is a note); a typed total or average row, a note under the table
(`Sumber: …`), a repeated header and a second table are recognised and never read as data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.schema import (
    ANSWER_HEADER,
    HEADER_SEARCH_ROWS,
    Column,
    Kind,
    SheetSpec,
    normalize,
    normalize_header,
)
from lkjip_xl.read.source import Grid, is_blank
from lkjip_xl.read.summary_rows import SummaryRow, summary_kind


@dataclass
class Table:
    """A located table: which column holds which key, and the data rows."""

    grid: Grid
    spec: SheetSpec
    header_row: int  # the (last) header row; data start below it
    columns: dict[str, int]  # key → 1-based column
    answer_columns: dict[str, int] = field(default_factory=dict)  # SKM: "U1" → column
    data_rows: list[int] = field(default_factory=list)
    header_top: int = 0  # the upper row of a two-row header (== header_row for one row)
    scale: dict[str, float] = field(default_factory=dict)  # amount key → factor ("(Rp 000)": 1000)
    summary_rows: list[SummaryRow] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # key → the header as staff wrote it


def locate(grid: Grid, spec: SheetSpec, findings: list[Finding]) -> Table | None:
    """Find the header and the data rows. Returns None when no readable header is found."""
    found = _find_header(grid, spec, findings)
    if found is None:
        return None
    top, row, names = found
    table = Table(grid, spec, row, {}, header_top=top)
    _map_columns(table, names, findings)
    _require_columns(table, findings)
    table.data_rows = _data_rows(table, findings)
    return table


# --- the header --------------------------------------------------------------------------------


def _column_for(spec: SheetSpec, header: object) -> Column | None:
    return spec.column_for_header(header)  # a fixed column, or a year of a family


def _key_of(spec: SheetSpec, header: object) -> str | None:
    """The key a header names: a column's key, or an SKM answer (U1, U2 … U10 …)."""
    if spec.extra_answer_columns and ANSWER_HEADER.match(normalize_header(header)):
        return normalize_header(header).upper()
    column = _column_for(spec, header)
    return column.key if column else None


def _row_names(grid: Grid, r: int) -> dict[int, str]:
    return {c: str(v) for c, v in enumerate(grid.values[r - 1], start=1) if not is_blank(v)}


def _find_header(
    grid: Grid, spec: SheetSpec, findings: list[Finding]
) -> tuple[int, int, dict[int, str]] | None:
    """(upper row, header row, column → header name) of the header, or None with a finding."""
    required = [c for c in spec.columns if c.required]
    best: tuple[int, int, dict[int, str]] | None = None
    best_hits = 0
    unreadable: _TwoRows | None = None
    for r in range(1, min(HEADER_SEARCH_ROWS, grid.height) + 1):
        names = _row_names(grid, r)
        hits = _hits(spec, names)
        if not hits:
            continue
        two = _two_rows(grid, spec, r)
        if two is not None and two.problems:
            unreadable = unreadable or two
            if all(c.key in hits for c in required):
                break  # the header is this row and the one below, and cannot be read
            continue
        found = (r, r, names) if two is None else (r, r + 1, two.names)
        hits = _hits(spec, found[2])
        if all(c.key in hits for c in required):
            return found
        if len(hits) > best_hits:
            best, best_hits = found, len(hits)
    if unreadable is not None:
        findings.append(
            finding(
                "header-two-rows",
                grid.title,
                a1(unreadable.upper, unreadable.problem_col),
                upper=unreadable.upper,
                lower=unreadable.upper + 1,
                detail="; ".join(unreadable.problems),
                example=unreadable.example,
            )
        )
        return None
    if best is None:
        expected = ", ".join(c.header for c in required) or ", ".join(
            c.header for c in spec.columns[:3]
        )
        findings.append(
            finding("header-not-found", grid.title, "A1", sheet=grid.title, expected=expected)
        )
    return best


def _hits(spec: SheetSpec, names: dict[int, str]) -> set[str]:
    return {k for k in (_key_of(spec, v) for v in names.values()) if k}


@dataclass
class _TwoRows:
    upper: int
    names: dict[int, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    problem_col: int = 1
    example: str = "Target TW I"

    def problem(self, col: int, text: str) -> None:
        if not self.problems:
            self.problem_col = col
        self.problems.append(text)


def _two_rows(grid: Grid, spec: SheetSpec, r: int) -> _TwoRows | None:
    """The header read from rows r and r+1 when merged cells make it a two-row header (a group
    cell merged across sub-headers, or cells merged down into the next row); None otherwise."""
    if r + 1 > grid.height or not grid.merged:
        return None
    down = {c for (r1, c1, r2, c2) in grid.merged if r1 == r < r2 for c in range(c1, c2 + 1)}
    lower = {c: v for c, v in _row_names(grid, r + 1).items() if c not in down}
    groups = [
        (c1, c2)
        for (r1, c1, r2, c2) in grid.merged
        if r1 == r == r2 and c2 > c1 and any(c in lower for c in range(c1, c2 + 1))
    ]
    if not groups and not down:
        return None
    upper = _row_names(grid, r)
    group_of = {c: (c1, c2) for c1, c2 in groups for c in range(c1, c2 + 1)}
    two = _TwoRows(r)
    for c1, c2 in groups:
        missing = [c for c in range(c1, c2 + 1) if c not in lower]
        if missing:
            two.problem(
                c1,
                f"'{_clean(upper.get(c1, ''))}' digabung di atas {c2 - c1 + 1} kolom, tetapi "
                f"{len(missing)} kolom di bawahnya tanpa judul",
            )
    for c in sorted(set(upper) | set(lower)):
        group = group_of.get(c)
        top = upper.get(group[0]) if group else upper.get(c)
        sub = lower.get(c)
        if sub is None:
            if top is not None and group is None:
                two.names[c] = top
            continue
        if top is None:
            two.names[c] = sub
            continue
        joined = (f"{top} {sub}", f"{sub} {top}", sub)
        name = next((n for n in joined if _key_of(spec, n) is not None), None)
        if name is None:
            two.problem(c, f"'{_clean(top)}' di atas '{_clean(sub)}' bukan judul kolom sheet ini")
            two.example = f"{_clean(top)} {_clean(sub)}"
        else:
            two.names[c] = name
    return two


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _map_columns(table: Table, names: dict[int, str], findings: list[Finding]) -> None:
    grid, spec = table.grid, table.spec
    for col, text in sorted(names.items()):
        ref = a1(table.header_row, col)
        key = _key_of(spec, text)
        if key is None:
            findings.append(finding("column-extra", grid.title, ref, column=_clean(text)))
            continue
        if key in table.columns or key in table.answer_columns:
            findings.append(finding("header-duplicate", grid.title, ref, column=_clean(text)))
            continue
        if key[0] == "U" and key[1:].isdigit():
            table.answer_columns[key] = col
            continue
        table.columns[key] = col
        table.headers[key] = _clean(text)
        column = spec.column(key)
        if column.kind is Kind.AMOUNT:
            _amount_unit(table, column, text, col, findings)
    table.answer_columns = dict(sorted(table.answer_columns.items(), key=lambda kv: int(kv[0][1:])))


def _require_columns(table: Table, findings: list[Finding]) -> None:
    grid, spec = table.grid, table.spec
    for c in spec.columns:
        if not c.required or c.key in table.columns or c.key.upper() in table.answer_columns:
            continue
        elsewhere = _header_elsewhere(grid, c, table.header_top, table.header_row)
        if elsewhere is not None:
            findings.append(
                finding(
                    "header-other-row",
                    grid.title,
                    a1(*elsewhere),
                    column=c.header,
                    found_row=elsewhere[0],
                    header_row=table.header_row,
                )
            )
        else:
            findings.append(
                finding(
                    "header-missing",
                    grid.title,
                    a1(table.header_row, 1),
                    column=c.header,
                    sheet=grid.title,
                )
            )


def _header_elsewhere(grid: Grid, column: Column, top: int, row: int) -> tuple[int, int] | None:
    """Where a missing header stands in the rows just around the header row."""
    for r in (top - 1, row + 1, top - 2, row + 2):
        if 0 < r <= grid.height:
            for c, v in _row_names(grid, r).items():
                if column.matches(v):
                    return r, c
    return None


# --- units in amount headers ---------------------------------------------------------------

_UNIT = re.compile(r"\(([^()]*)\)\s*$")
_RUPIAH = {"rp", "rp.", "rupiah", "idr", "dalam rupiah", "rp,-", "rp.-"}
_THOUSANDS = {
    "rp 000", "rp.000", "rp. 000", "rp 000,-", "000", "ribu", "ribuan", "rp ribu", "ribu rupiah",
    "ribuan rupiah", "dalam ribuan", "dalam ribuan rupiah", "rp ribuan", "x 1000", "x 1.000",
    "x1000", "x1.000", "rp x 1000", "rp x 1.000", "000 rp", "rp.000,-", "dalam ribu rupiah",
}  # fmt: skip
_MILLIONS = {
    "juta", "jutaan", "rp juta", "rp jutaan", "juta rupiah", "jutaan rupiah", "dalam jutaan",
    "dalam jutaan rupiah", "rp 000.000", "000.000", "x 1.000.000", "x 1000000", "rp. juta",
}  # fmt: skip


def unit_factor(unit: str) -> tuple[float, str] | None:
    """The factor and name of an amount header's unit; None when the unit is unknown."""
    u = re.sub(r"\s+", " ", unit.replace("\u00a0", " ")).strip().lower()
    if u in _RUPIAH:
        return 1.0, "rupiah"
    if u in _THOUSANDS:
        return 1000.0, "ribuan rupiah"
    if u in _MILLIONS:
        return 1_000_000.0, "jutaan rupiah"
    return None


def _amount_unit(
    table: Table, column: Column, text: str, col: int, findings: list[Finding]
) -> None:
    m = _UNIT.search(normalize(text))
    if m is None:
        return
    unit = m.group(1).strip()
    known = unit_factor(unit)
    ref = a1(table.header_row, col)
    if known is None:
        findings.append(
            finding(
                "amount-unit-unknown",
                table.grid.title,
                ref,
                unit=unit,
                header=_clean(text),
                column=column.header,
            )
        )
        return
    factor, name = known
    if factor == 1:
        return
    table.scale[column.key] = factor
    example = 5220.5
    findings.append(
        finding(
            "amount-unit-scaled",
            table.grid.title,
            ref,
            header=_clean(text),
            unit=name,
            factor=fmt_number(factor, None),
            example_in=fmt_number(example, None),
            example_out=fmt_number(float(Decimal(repr(example)) * Decimal(repr(factor))), None),
        )
    )


# --- the data rows -----------------------------------------------------------------------------

# A note says what it is with a colon ("Sumber: DPA 2024"); "Sumber Daya Manusia" alone is a
# Narasi section, not a note.
_NOTE_START = re.compile(
    r"^\s*((sumber(\s+data)?|keterangan|ket|catatan|nb)\s*[.:]|\*|mengetahui|dibuat|disusun"
    r"|diperiksa)",
    re.IGNORECASE,
)
_EMPTY, _DATA, _SINGLE, _NOTE = "empty", "data", "single", "note"


def _data_rows(table: Table, findings: list[Finding]) -> list[int]:
    grid, spec = table.grid, table.spec
    cols = sorted({*table.columns.values(), *table.answer_columns.values()})
    header_cells = {c: normalize_header(v) for c, v in _row_names(grid, table.header_row).items()}
    kinds: list[tuple[int, str, str, int]] = []  # (row, kind, text, column to point at)
    keyed = _keyed_columns(table)
    pick, last = _picker(cols), max(cols, default=0)
    header_keys: dict[str, str | None] = {}  # text → the key it names (a budget's rows repeat)
    for r in range(table.header_row + 1, grid.height + 1):
        row_values = grid.values[r - 1]
        width = len(row_values)
        picked = (
            pick(row_values)
            if width >= last
            else [row_values[c - 1] if c <= width else None for c in cols]
        )
        # is_blank inlined: this meets every cell of every table (10.000 SKM rows)
        filled = [
            (c, v)
            for c, v in zip(cols, picked, strict=True)
            if v is not None and not (type(v) is str and not v.strip())
        ]
        if grid.uncached:
            filled += [(c, None) for c in cols if (r, c) in grid.uncached]
        if not filled:
            text, col = _outside_text(row_values, cols)
            kinds.append((r, _EMPTY, text, col))
            continue
        # `filled` follows the sorted columns, unless formulas without a value were added
        first = min(c for c, _ in filled) if grid.uncached else filled[0][0]
        if not spec.records:
            kinds.append((r, _DATA, "", first))
            continue
        texts = [(c, v) for c, v in filled if isinstance(v, str)]
        if len(texts) >= 2 and len(texts) == len(filled):
            after_gap = bool(kinds) and kinds[-1][1] == _EMPTY
            heading = _heading(table, texts, header_cells, after_gap, header_keys)
            if heading == "repeat":
                findings.append(finding("row-header-repeat", grid.title, a1(r, texts[0][0]), row=r))
                continue
            if heading == "second":
                _second_table(table, r, texts, findings)
                break
        label = _summary_label(table, texts, keyed) if texts else None
        if label is not None:
            table.summary_rows.append(SummaryRow(r, _clean(label[1]), label[2], label[0]))
            continue
        if len(filled) == 1 and texts:
            text = texts[0][1]
            kinds.append((r, _NOTE if _NOTE_START.match(text) else _SINGLE, _clean(text), first))
            continue
        kinds.append((r, _DATA, "", first))
    return _settle(table, kinds, findings)


def _picker(cols: Sequence[int]) -> Callable[[Sequence[object]], Sequence[object]]:
    """The cells of `cols` (1-based, sorted) from a row that reaches the last of them, taken
    in one C call (itemgetter) rather than one Python step a column."""
    if len(cols) < 2:  # itemgetter of one index gives the cell itself, not a tuple
        return lambda row: tuple(row[c - 1] for c in cols)
    return itemgetter(*(c - 1 for c in cols))


def _keyed_columns(table: Table) -> frozenset[int]:
    """The table's choice and code columns (Tingkat, Kode): their cells say what a row is."""
    return frozenset(
        table.columns[c.key]
        for c in table.spec.columns
        if c.kind in (Kind.CHOICE, Kind.CODE) and c.key in table.columns
    )


def _summary_label(
    table: Table, texts: list[tuple[int, str]], keyed: frozenset[int]
) -> tuple[int, str, str] | None:
    """(column, text, kind) of a typed total/average row's label. The label names the row: it
    is the row's first text outside choice and code columns, whatever those say (Tingkat
    'Program' before 'JUMLAH'), or a choice or code cell typed as one ('JUMLAH' under Kode).
    A 'Jumlah' further right is a value (Satuan 'Jumlah' of the indicator 'Jumlah Inovasi')."""
    candidates: list[tuple[int, str]] = []
    first: tuple[int, str] | None = None
    for c, v in texts:  # a loop, not generators: this runs for every row of every table
        if c in keyed:
            candidates.append((c, v))
        elif first is None:
            first = (c, v)
    if first is not None:
        candidates.append(first)
    answers = table.spec.extra_answer_columns
    for c, v in candidates:
        kind = summary_kind(v, answers)
        if kind:
            return c, v, kind
    return None


def _outside_text(row_values: Sequence[object], cols: Sequence[int]) -> tuple[str, int]:
    """The text of a row whose only content lies outside the table's columns (a note)."""
    for c, v in enumerate(row_values, start=1):
        if c not in cols and isinstance(v, str) and v.strip():
            return _clean(v), c
    return "", 1


def _heading(
    table: Table,
    texts: list[tuple[int, str]],
    header_cells: dict[int, str],
    after_gap: bool,
    known: dict[str, str | None],
) -> str:
    """'repeat' for a row repeating the header inside the table (a page break pasted from a
    PDF), 'second' for the header of another table: one after a blank row, or other headers.
    A header is mostly column names: a data row of text (a predikat indicator: Satuan
    'Predikat', Tingkat 'Sasaran') may hold a few values that happen to be column names."""
    for _, v in texts:
        if v not in known:
            known[v] = _key_of(table.spec, v)
    keys = {k for k in (known[v] for _, v in texts) if k}
    if len(keys) < 2 or len(keys) * 2 < len(texts):
        return ""
    if not after_gap and all(header_cells.get(c) == normalize_header(v) for c, v in texts):
        return "repeat"
    return "second"


def _second_table(
    table: Table, r: int, texts: list[tuple[int, str]], findings: list[Finding]
) -> None:
    headers = ", ".join(f"'{_clean(v)}'" for _, v in texts[:4])
    findings.append(
        finding("table-second", table.grid.title, a1(r, texts[0][0]), row=r, headers=headers)
    )


def _settle(
    table: Table, kinds: list[tuple[int, str, str, int]], findings: list[Finding]
) -> list[int]:
    """Data rows from the classified rows: a single text after the last data row and a gap is a
    note (a signature, a title), elsewhere it is data; each gap before data is a note."""
    sheet = table.grid.title
    last_data = max((i for i, (_, kind, *_) in enumerate(kinds) if kind == _DATA), default=-1)
    rows: list[int] = []
    gap = False
    for i, (r, kind, text, col) in enumerate(kinds):
        if kind == _SINGLE:
            kind = _NOTE if i > last_data and gap else _DATA
        if kind == _EMPTY:
            gap = gap or bool(rows)
            if text:
                findings.append(finding("row-note", sheet, a1(r, col), row=r, text=text[:60]))
            continue
        if kind == _NOTE:
            findings.append(finding("row-note", sheet, a1(r, col), row=r, text=text[:60]))
            continue
        if gap and table.spec.records:
            findings.append(finding("row-gap", sheet, a1(r, col), row=r))
        gap = False
        rows.append(r)
    return rows


def row_blank(grid: Grid, r: int) -> bool:
    return all(is_blank(v) for v in grid.values[r - 1])
