"""The `SKM` sheet (one respondent a row, answers U1…Un) and the `Unsur SKM` names."""

from __future__ import annotations

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import SkmResponse
from lkjip_xl.contract.schema import DEFAULT_SKM_ELEMENTS, Column, Kind
from lkjip_xl.read.cell_reader import CellReader, error_value, parse_cell
from lkjip_xl.read.kinds import parse_answer
from lkjip_xl.read.locate import Table
from lkjip_xl.read.source import CellError, Grid, is_blank
from lkjip_xl.read.summary_rows import MEAN, SUM, Candidate, SummaryRow, check_summary_rows


def read_responses(table: Table, findings: list[Finding]) -> tuple[SkmResponse, ...]:
    rows: list[int] = []
    answers: list[dict[str, int | None]] = []
    for r in table.data_rows:
        given = _answers(table, r, findings)
        if _has_answers(table, r, given):
            rows.append(r)
            answers.append(given)
    # the respondents' other cells a column at a time (their findings are sorted later)
    cells = CellReader(table, findings)
    columns = zip(
        rows,
        answers,
        cells.dates(rows, "tanggal"),
        cells.texts(rows, "jenis_layanan"),
        cells.texts(rows, "jenis_kelamin"),
        cells.integers(rows, "umur"),
        cells.texts(rows, "pendidikan"),
        cells.texts(rows, "pekerjaan"),
        cells.texts(rows, "saran"),
        strict=True,
    )
    responses = [
        SkmResponse(
            row=r,
            answers=given,
            tanggal=tanggal,
            jenis_layanan=layanan,
            jenis_kelamin=kelamin,
            umur=umur,
            pendidikan=pendidikan,
            pekerjaan=pekerjaan,
            saran=saran,
        )
        for r, given, tanggal, layanan, kelamin, umur, pendidikan, pekerjaan, saran in columns
    ]
    _check_summaries(table, responses, findings)
    return tuple(responses)


def _has_answers(table: Table, r: int, answers: dict[str, int | None]) -> bool:
    """False for a row with only comments or identity, no answers at all: not a respondent."""
    if any(answers.values()):  # each is 1–4 or None
        return True
    grid = table.grid
    return not all(is_blank(grid.value(r, col)) for col in table.answer_columns.values())


def _check_summaries(table: Table, responses: list[SkmResponse], findings: list[Finding]) -> None:
    """A typed `Jumlah` row gives each unsur's sum of answers, a `Rata-rata`/`NRR` row its NRR."""
    if not table.summary_rows:
        return
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for response in responses:
        for code, answer in response.answers.items():
            if answer is not None:
                sums[code] = sums.get(code, 0) + answer
                counts[code] = counts.get(code, 0) + 1

    def candidates(summary: SummaryRow, code: str) -> list[Candidate]:
        if code not in counts:
            return []
        if summary.kind == SUM:
            return [Candidate(sums[code], f"jumlah jawaban {code}")]
        if summary.kind == MEAN:
            return [Candidate(sums[code] / counts[code], f"NRR {code}")]
        return []

    columns = {code: (col, code) for code, col in table.answer_columns.items()}
    check_summary_rows(table.grid, table.summary_rows, columns, candidates, findings)


def _answers(table: Table, r: int, findings: list[Finding]) -> dict[str, int | None]:
    row_values = table.grid.values[r - 1]  # a data row is always inside the grid
    width = len(row_values)
    answers: dict[str, int | None] = {}
    for code, col in table.answer_columns.items():
        raw = row_values[col - 1] if col <= width else None
        if type(raw) is int and 1 <= raw <= 4:  # the usual case, kept fast for large surveys
            answers[code] = raw
        else:
            answers[code] = _odd_answer(table.grid, r, col, code, raw, findings)
    return answers


def _odd_answer(
    grid: Grid, r: int, col: int, code: str, raw: object, findings: list[Finding]
) -> int | None:
    """An answer other than a whole number 1–4 in the cell: parsed, or None with a finding."""
    sheet, ref = grid.title, a1(r, col)
    if isinstance(raw, CellError):
        findings.append(error_value(sheet, ref, raw))
        return None
    if (r, col) in grid.uncached:
        findings.append(finding("formula-no-cache", sheet, ref))
        return None
    if is_blank(raw):
        findings.append(finding("skm-answer-blank", sheet, ref, column=code))
        return None
    column = Column(code, code, Kind.ANSWER)
    parsed = parse_cell(raw, None, column, parse_answer, findings, sheet, ref)
    return parsed if isinstance(parsed, int) else None


def read_elements(
    unsur: Table | None, skm: Table | None, findings: list[Finding]
) -> tuple[tuple[str, str], ...]:
    """(code, name) of each answer column, named by `Unsur SKM` or the PermenPANRB defaults."""
    names = dict(DEFAULT_SKM_ELEMENTS)
    if unsur is not None:
        cells = CellReader(unsur, findings)
        for r in unsur.data_rows:
            code, name = cells.text(r, "kode"), cells.text(r, "nama")
            if code and name:
                names[code.strip().upper()] = name
    codes = list(skm.answer_columns) if skm is not None else [c for c, _ in DEFAULT_SKM_ELEMENTS]
    for code in codes:
        if code not in names and skm is not None:
            ref = a1(skm.header_row, skm.answer_columns[code])
            findings.append(finding("skm-element-unknown", skm.grid.title, ref, column=code))
    return tuple((code, names.get(code, code)) for code in codes)
