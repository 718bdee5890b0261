"""The fast paths of reading (issue 12: read the large workbook within 3× python-calamine) give
exactly what the plain paths they replace gave.

Each fast path is compared with the plain reading, on workbooks and sheet XML built here with
the values that could tell them apart: True beside 1 and 1.0, huge whole floats, text with
private-use or control characters, blank and whitespace cells, bad values, formulas never
calculated, amounts in thousands, cell tags of every shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from lkjip_xl.base.errors import SheetTooLarge
from lkjip_xl.contract.findings import Finding, sort_key
from lkjip_xl.contract.records import BudgetRow, SkmResponse
from lkjip_xl.contract.schema import ANGGARAN_SHEET, SKM_SHEET
from lkjip_xl.read import bounds, skm
from lkjip_xl.read.anggaran import _level, read_budget
from lkjip_xl.read.bounds import CellBudget, Extent, check_sheet, measure
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.hierarchy import tree
from lkjip_xl.read.kinds import strip_markers, text_of
from lkjip_xl.read.locate import Table
from lkjip_xl.read.sheets import ContractSheets
from lkjip_xl.read.skm import read_responses
from lkjip_xl.read.source import _ERROR_SIGN, _FORMULA_SIGN, XlsxSource

# --- calamine's values as the reader keeps them ------------------------------------------------


def _plain_value(v: object) -> object:
    """The conversion as it was written before the per-sheet dict of values seen."""
    if v == "":
        return None
    if type(v) is float and v.is_integer() and -(2**53) < v < 2**53:
        return int(v)
    return v


MIXED = [True, 1, 1.0, False, 0, 0.0, 2.0, 2, 2.5, 2.0**60, 1e20, 2.0**53, -0.0, -7.0]
MIXED += ["", " ", "1", "teks", dt.datetime(2024, 2, 22, 9, 30), 3.0, True, 1.0, 2**60]


def test_grid_values_are_converted_as_before_whatever_came_first(tmp_path: Path) -> None:
    path = tmp_path / "nilai-campuran.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nilai"
    for row, values in enumerate((MIXED, MIXED[::-1]), start=1):  # each value met first once
        for col, value in enumerate(values, start=1):
            sheet.cell(row=row, column=col, value=value)
    book.save(path)
    raw = (
        CalamineWorkbook.from_path(str(path))
        .get_sheet_by_name("Nilai")
        .to_python(skip_empty_area=False)
    )
    with XlsxSource(path) as source:
        grid = source.grid("Nilai")
    expected = [[_plain_value(v) for v in row] for row in raw]
    assert [[(type(v), v) for v in row] for row in grid.values] == [
        [(type(v), v) for v in row] for row in expected
    ]
    assert grid.values[0][:3] == [True, 1, 1] and type(grid.values[0][0]) is bool


# --- text_of: printable ASCII is only stripped ---------------------------------------------------


def _plain_text(text: str) -> str:
    return re.sub(r"[ \t]+", " ", strip_markers(text).replace("\u00a0", " ")).strip()


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("aZ9.,- \t\n\u00a0\ue000\x01\x7f\u200bé"))))
@example("Pelayanan  KTP ")
@example(" a\tb ")
@example("x\u00a0 y")
@example("\ue000Kode")
@example("a\x01b\x7f")
def test_text_of_a_text_is_what_the_plain_rule_gives(text: str) -> None:
    assert text_of(text) == _plain_text(text)


# --- the sheet XML scans of bounds.py -------------------------------------------------------------

_OLD_UNREFERENCED = re.compile(rb'<c(?:>|/>|\s(?!r="))|<\w+:c[\s>/]')
_OLD_FAR_OR_WIDE = re.compile(rb'<c r="(?:[A-Z]{2}|[A-Z](?:[5-9]\d{4}|[1-9]\d{5}))')
_OLD_FORMULA_OR_ERROR_SIGNS = (b"f>", b"<f ", b":f ", b"f/>", b't="e"')


def _old_measure(data: bytes) -> Extent:
    """bounds.measure as it was: one pattern for unreferenced cells, one for far ones."""
    if _OLD_UNREFERENCED.search(data) is not None:
        return bounds._scanned(data)
    first = _OLD_FAR_OR_WIDE.search(data)
    if first is None:
        return Extent()
    ref = bounds._REF.match(data, first.start() + len(b'<c r="'))
    row, column = (int(ref.group(2)), bounds._column_number(ref.group(1))) if ref else (1, 16385)
    if row > bounds.MAX_ROWS or column > bounds.MAX_COLUMNS:
        return Extent(row, column, 1, (row, column))
    return bounds._referenced(data)


def _outcome(check: object) -> object:
    try:
        return check() if callable(check) else check
    except SheetTooLarge as exc:
        return exc.finding


_TAGS = [
    b'<row r="2" spans="1:3">',
    b"<row>",
    b"</row>",
    b'<c r="A1" s="1" t="s">',
    b'<c r="Q10051">',
    b'<c r="AB7">',
    b'<c r="A50000">',
    b'<c r="Z49999">',
    b'<c r="B123456">',
    b'<c r="A012345">',
    b'<c r="IV2">',
    b'<c r="IW2">',
    b"<c>",
    b"<c/>",
    b'<c\tr="C3">',
    b'<c\nr="C4">',
    b'<c s="1" r="D4">',
    b'<x:c r="E5">',
    b"<x:c>",
    b"<x:c/>",
    b"<v>1</v>",
    b"</c>",
    b'<col min="1" max="3"/>',
    b'<cfRule type="expression">',
    b"<f>A1+1</f>",
    b'<x:f t="shared" si="0"/>',
    b'<c r="B2" t="e"><v>#N/A</v></c>',
    b"staf ",
    b"efektif</t>",
    b"<f/>",
    b":f ",
    b"Sumber:c ",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_TAGS), max_size=12))
def test_sheet_scans_measure_and_count_as_before(tags: list[bytes]) -> None:
    data = b"<worksheet><sheetData>" + b"".join(tags) + b"</sheetData></worksheet>"
    assert measure(data) == _old_measure(data)
    limit = 5
    budget = CellBudget(limit)
    got = _outcome(lambda: check_sheet("Data", data, budget))
    old_cells = data.count(b"<c ") + data.count(b"<c>")
    if old_cells > limit:
        assert isinstance(got, Finding) and got.code == "workbook-too-large"
    else:
        assert budget.left == limit - old_cells
        extent = _old_measure(data)
        assert (got is None) == (extent.too_far is None)
    new_sign = _ERROR_SIGN in data or _FORMULA_SIGN.search(data) is not None
    assert new_sign == any(sign in data for sign in _OLD_FORMULA_OR_ERROR_SIGNS)


# --- whole columns: SKM respondents and budget rows ----------------------------------------------

_SKM_HEADERS = [c.header for c in SKM_SHEET.columns]
_SKM_ROWS: list[list[object]] = [
    [1, dt.datetime(2024, 2, 22), "Pelayanan KTP", "Perempuan", 34, "SMA", "PNS", *[3] * 9, "Baik"],
    [2, "22 Februari 2024", "  ", "Laki-laki", "dua", "S1  ", "Swasta\ue000", *[4] * 9, None],
    [3, "31/02/2024", "Café", "a\tb", 25.5, "   ", "Tani  Ikan", 1, 2, "4", 5, True, None, 3, 3, 3],
    [None, None, None, None, None, None, None, *[None] * 9, "Hanya saran, tanpa jawaban"],
    [5, None, None, None, 40, None, None, "#N/A", 2, 2, 2, 2, 2, 2, 2, 2, "Lambat"],
    [6, None, "Izin", None, None, None, None, *[2] * 9, 12345],
]


def _skm_workbook(path: Path, formula: bool) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SKM_SHEET.name
    sheet.append(_SKM_HEADERS)
    for row in _SKM_ROWS:
        sheet.append(row)
    if formula:  # a formula never calculated: every column is read the careful way
        sheet["G6"] = "=F6"
    book.save(path)
    return path


def _row_by_row_responses(table: Table, findings: list[Finding]) -> tuple[SkmResponse, ...]:
    """read_responses as it was: each respondent's cells read in turn."""
    cells = CellReader(table, findings)
    responses = []
    for r in table.data_rows:
        answers = skm._answers(table, r, findings)
        if not skm._has_answers(table, r, answers):
            continue
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
    return tuple(responses)


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (sort_key(f), f.code, f.message))


@pytest.mark.parametrize("formula", [False, True], ids=["biasa", "rumus-tanpa-nilai"])
def test_skm_respondents_read_a_column_at_a_time_as_row_by_row(
    tmp_path: Path, formula: bool
) -> None:
    path = _skm_workbook(tmp_path / "skm-campuran.xlsx", formula)
    with XlsxSource(path) as source:
        table = ContractSheets(source, []).table(SKM_SHEET)
        assert table is not None and bool(table.grid.uncached) is formula
        by_column: list[Finding] = []
        by_row: list[Finding] = []
        responses = read_responses(table, by_column)
        assert responses == _row_by_row_responses(table, by_row)
    assert _sorted(by_column) == _sorted(by_row)
    assert [r.row for r in responses] == [2, 3, 4, 6, 7]  # row 5 holds only a suggestion
    assert responses[1].pekerjaan == "Swasta" and responses[2].pendidikan == ""
    codes = {f.code for f in by_column}
    assert {"integer-invalid", "date-invalid", "skm-answer-invalid", "cell-error-value"} <= codes


_BUDGET_HEADERS = [c.header for c in ANGGARAN_SHEET.columns if not c.derived]
_BUDGET_HEADERS[_BUDGET_HEADERS.index("Pagu")] = "Pagu (Rp 000)"
_BUDGET_ROWS: list[list[object]] = [
    ["7.01.01", None, "Program Penunjang", "S1", None, None, None, None, None, None, None],
    ["7.01.01.2.01", "", "Kegiatan Perencanaan", None, 1500.5, 1400, "Dokumen", "dok"],
    ["7.01.01.2.01.01", None, "Sub Kegiatan A", None, "Rp 5.220,-", "-", None, None, "100%", 90],
    [None, "Sub Kegiatan", "  ", None, -5, "banyak", None, None, "B (61)", "xx", "Negatif"],
    [None, None, "Tanpa kode dan tingkat", None, 1, 1],
    ["7.01", None, "Kode dua bagian", None, 10, 10, None, None, None, None, "Tidak tahu"],
    [None, "Program", "Program Tanpa Kode", "S2", None, None, None, None, None, None, None, 7, 8],
]


def _row_by_row_budget(table: Table, findings: list[Finding]) -> list[BudgetRow]:
    """read_budget as it was, before linking: each row's cells read in turn."""
    cells = CellReader(table, findings)
    rows = []
    for r in table.data_rows:
        code = cells.code(r, "kode")
        level = _level(cells, r, code, findings)
        if level is None:
            continue
        rows.append(
            BudgetRow(
                row=r,
                level=level,
                uraian=cells.text(r, "uraian"),
                kode=code,
                pagu=cells.amount(r, "pagu"),
                realisasi=cells.amount(r, "realisasi"),
                kode_sasaran=cells.text(r, "kode_sasaran"),
                indikator=cells.text(r, "indikator"),
                satuan=cells.text(r, "satuan"),
                target_kinerja=cells.measure(r, "target_kinerja"),
                realisasi_kinerja=cells.measure(r, "realisasi_kinerja"),
                polarity=cells.choice(r, "polaritas"),
                pagu_sebelum=cells.amount(r, "pagu_sebelum"),
                realisasi_lalu=cells.amount(r, "realisasi_lalu"),
                sumber_dana=cells.text(r, "sumber_dana"),
                penanggung_jawab=cells.text(r, "penanggung_jawab"),
            )
        )
    return rows


def test_budget_rows_read_a_column_at_a_time_as_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "anggaran-campuran.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = ANGGARAN_SHEET.name
    sheet.append(_BUDGET_HEADERS)
    for row in _BUDGET_ROWS:
        sheet.append(row)
    book.save(path)
    with XlsxSource(path) as source:
        table = ContractSheets(source, []).table(ANGGARAN_SHEET)
        assert table is not None and table.scale == {"pagu": 1000}
        by_column: list[Finding] = []
        by_row: list[Finding] = []
        linked = read_budget(table, by_column)
        unlinked = _row_by_row_budget(table, by_row)
    assert [dataclasses.replace(r, parent=None, children=()) for r in linked] == unlinked
    assert _sorted(by_column) == _sorted(by_row)
    assert [(r.row, r.parent, r.children) for r in linked] == [
        (2, None, (1,)),
        (3, 0, (2, 3)),
        (4, 1, ()),
        (5, 1, ()),  # no code: the nearest row above of a higher level
        (8, None, ()),
    ]
    assert linked[1].pagu == 1_500_500 and linked[2].pagu == 5_220_000
    assert {"amount-negative", "number-invalid", "budget-level-missing"} <= {
        f.code for f in by_column
    }


def test_tree_links_by_code_then_by_position() -> None:
    levels = ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan"]
    codes = ["1.01.01", "1.01.01.2.01", "1.01.01.2.01.01", "", "", "1.01.02.2.01.01"]
    parents, children = tree(levels, codes)
    assert parents == [None, 0, 1, 1, 0, None]  # the last one's kegiatan is not in the sheet
    assert children == [[1, 4], [2, 3], [], [], [], []]
