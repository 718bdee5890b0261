"""The `SKM` sheet (one respondent a row, answers U1…Un) and the `Unsur SKM` names."""

from __future__ import annotations

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import SkmResponse
from lkjip_xl.contract.schema import DEFAULT_SKM_ELEMENTS, Column, Kind
from lkjip_xl.read.cell_reader import CellReader, error_value, parse_cell
from lkjip_xl.read.kinds import parse_answer
from lkjip_xl.read.locate import Table
from lkjip_xl.read.source import CellError, is_blank
from lkjip_xl.read.summary_rows import MEAN, SUM, Candidate, SummaryRow, check_summary_rows


def read_responses(table: Table, findings: list[Finding]) -> tuple[SkmResponse, ...]:
    cells = CellReader(table, findings)
    grid = table.grid
    responses = []
    for r in table.data_rows:
        answers = _answers(table, r, findings)
        if all(v is None for v in answers.values()) and all(
            is_blank(grid.value(r, col)) for col in table.answer_columns.values()
        ):
            continue  # a row with only comments or identity, no answers at all: not a respondent
        responses.append(
            SkmResponse(
                row=r,
                answers=answers,
                tanggal=cells.date(r, "tanggal"),
                jenis_layanan=cells.text(r, "jenis_layanan"),
                jenis_kelamin=cells.text(r, "jenis_kelamin"),
                umur=cells.integer(r, "umur"),
                pendidikan=cells.text(r, "pendidikan"),
                pekerjaan=cells.text(r, "pekerjaan"),
                saran=cells.text(r, "saran"),
            )
        )
    _check_summaries(table, responses, findings)
    return tuple(responses)


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
    grid, sheet = table.grid, table.grid.title
    answers: dict[str, int | None] = {}
    for code, col in table.answer_columns.items():
        raw = grid.value(r, col)
        if type(raw) is int and 1 <= raw <= 4:  # the usual case, kept fast for large surveys
            answers[code] = raw
            continue
        ref = a1(r, col)
        if isinstance(raw, CellError):
            findings.append(error_value(sheet, ref, raw))
            answers[code] = None
        elif (r, col) in grid.uncached:
            findings.append(finding("formula-no-cache", sheet, ref))
            answers[code] = None
        elif is_blank(raw):
            findings.append(finding("skm-answer-blank", sheet, ref, column=code))
            answers[code] = None
        else:
            column = Column(code, code, Kind.ANSWER)
            parsed = parse_cell(raw, None, column, parse_answer, findings, sheet, ref)
            answers[code] = parsed if isinstance(parsed, int) else None
    return answers


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
