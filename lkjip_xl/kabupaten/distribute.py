"""One prefilled blank workbook per kecamatan, from the kabupaten's list workbook.

The list's header row uses the labels of the `Identitas` sheet (`Kecamatan` required; any other
label such as `Kabupaten/Kota`, `Nama Camat`, `Tahun Laporan` optional). Nothing is written
unless the whole list is good, and an existing file in the folder is never overwritten: the
coordinator may already have received it back filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.base.names import file_stem
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding, has_errors
from lkjip_xl.contract.schema import (
    HEADER_SEARCH_ROWS,
    SETTINGS,
    Column,
    Setting,
    normalize,
    setting,
)
from lkjip_xl.read.cell_reader import parse_setting
from lkjip_xl.read.kinds import text_of
from lkjip_xl.read.locate import row_blank
from lkjip_xl.read.source import Grid, XlsxSource, is_blank
from lkjip_xl.write.template import write_template


@dataclass
class ListEntry:
    row: int
    prefill: dict[str, object]
    filename: str


@dataclass
class Distribution:
    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def distribute(list_path: str | Path, folder: str | Path) -> Distribution:
    """Write one blank workbook per row of the list into `folder`; with errors, write none."""
    folder = Path(folder)
    with XlsxSource(list_path) as src:
        grid = src.grid(src.sheet_names[0])
    entries, findings = read_list(grid)
    for entry in entries:
        if (folder / entry.filename).exists():
            findings.append(
                finding(
                    "output-exists",
                    grid.title,
                    a1(entry.row, 1),
                    name=str(folder / entry.filename),
                )
            )
    result = Distribution(findings=findings)
    if has_errors(findings):
        return result
    for entry in entries:
        result.written.append(write_template(folder / entry.filename, entry.prefill))
    return result


def read_list(grid: Grid) -> tuple[list[ListEntry], list[Finding]]:
    findings: list[Finding] = []
    kecamatan = setting("kecamatan")
    header_row = next(
        (
            r
            for r in range(1, min(HEADER_SEARCH_ROWS, grid.height) + 1)
            if any(kecamatan.matches(v) for v in grid.values[r - 1] if not is_blank(v))
        ),
        None,
    )
    if header_row is None:
        return [], [finding("list-kecamatan-missing", grid.title, "A1", sheet=grid.title)]

    columns: dict[int, Setting] = {}
    for col, value in enumerate(grid.values[header_row - 1], start=1):
        if is_blank(value):
            continue
        s = next((s for s in SETTINGS if s.matches(value) and not s.written_by_tool), None)
        if s is None or s in columns.values():
            findings.append(
                finding(
                    "list-column-unknown",
                    grid.title,
                    a1(header_row, col),
                    column=text_of(value),
                    labels=", ".join(s.label for s in SETTINGS if not s.written_by_tool),
                )
            )
            continue
        columns[col] = s

    kec_col = next(c for c, s in columns.items() if s is kecamatan)
    entries: list[ListEntry] = []
    seen: dict[str, int] = {}
    for r in range(header_row + 1, grid.height + 1):
        if row_blank(grid, r):
            findings.append(finding("list-row-empty", grid.title, a1(r, 1), row=r))
            continue
        prefill = _row_values(grid, r, columns, findings)
        name = prefill.get("kecamatan")
        if not name:
            findings.append(finding("list-kecamatan-blank", grid.title, a1(r, kec_col), row=r))
            continue
        stem = file_stem(str(name))
        key = normalize(stem)
        if key in seen:
            findings.append(
                finding(
                    "list-duplicate",
                    grid.title,
                    a1(r, kec_col),
                    name=str(name),
                    first=seen[key],
                )
            )
            continue
        seen[key] = r
        year = prefill.get("tahun")
        filename = f"LKjIP_{stem}_{year}.xlsx" if year else f"LKjIP_{stem}.xlsx"
        entries.append(ListEntry(r, prefill, filename))
    if not entries and not has_errors(findings):
        findings.append(finding("list-empty", grid.title, a1(header_row + 1, 1)))
    return entries, findings


def _row_values(
    grid: Grid, row: int, columns: dict[int, Setting], findings: list[Finding]
) -> dict[str, object]:
    """A list row's values, checked the way the Identitas sheet checks them."""
    values: dict[str, object] = {}
    for col, s in columns.items():
        raw = grid.value(row, col)
        if is_blank(raw):
            continue
        if s.vocabulary or s.key == "tahun":
            column = Column(s.key, s.label, s.kind, vocabulary=s.vocabulary)
            fmt = grid.number_format(row, col)
            parsed = parse_setting(raw, fmt, column, findings, grid.title, a1(row, col))
            if parsed is None:
                continue
            # the template wants a choice's label, as staff would pick it from the dropdown
            values[s.key] = s.vocabulary.label_of(str(parsed)) if s.vocabulary else parsed
        elif s.key == "nip_camat":
            values[s.key] = text_of(raw)
        else:
            values[s.key] = raw if not isinstance(raw, str) else text_of(raw)
    return values
