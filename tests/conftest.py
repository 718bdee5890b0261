from __future__ import annotations

import compileall
import hashlib
import json
import sys
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import contract_filler  # noqa: E402
import xlsx_cells  # noqa: E402

from lkjip_xl import write_template  # noqa: E402

EXAMPLE = ROOT / "workbook_templates" / "contoh_paser_belengkong_2023.xlsx"

HEADER = 0  # the data-row number of the header row itself: ("Target", HEADER) is the header cell


def pytest_configure(config: pytest.Config) -> None:
    """Compile the package's bytecode once, before the workers start, as `pip install .` does.

    Where PYTHONDONTWRITEBYTECODE is set (our CI machines) nothing is cached otherwise, and
    every worker and every `lkjip` child process of the tests (servers, CLI runs, batch
    workers) compiled the package's ~130 modules again: about 20 s of the suite on 2 cores.
    """
    if not hasattr(config, "workerinput"):  # the controller, or the only process with -n 0
        compileall.compile_dir(ROOT / "lkjip_xl", quiet=1)


# Modules whose tests run for seconds each (LibreOffice, servers, the benchmark, the browser):
# started first, so that the two workers end together. xdist keeps this order
# (--no-loadscope-reorder in pyproject.toml); its default puts the modules with the fewest
# tests, which are these, last, and one worker then runs the benchmark alone at the end.
LONG_MODULES = (
    "test_bench.py",
    "test_pdf.py",
    "test_hostile_server.py",
    "test_web.py",
    "test_web_e2e.py",
    "test_hostile_files.py",
    "test_xlsx_cells.py",
    "test_staff_headers_ods.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONG_MODULES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(LONG_MODULES)))  # stable


@pytest.fixture(scope="session")
def blank_template(tmp_path_factory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "kosong.xlsx")


class FilledCache:
    """Workbooks filled through the contract, each distinct one built once per session.

    `fill` has contract_filler.fill's signature: the first call for an (identitas, sheets)
    combination fills the blank template into the session folder and keeps the bytes; every
    call writes those bytes to its own `output`, so each test edits a private copy.
    """

    def __init__(self, template: Path, folder: Path) -> None:
        self.template, self.folder = template, folder
        self._bytes: dict[str, bytes] = {}

    def data(self, identitas: dict | None = None, sheets: dict | None = None) -> bytes:
        # repr, not str, for what JSON lacks: a date and its text fill different cells
        key = json.dumps(
            {"identitas": identitas or {}, "sheets": sheets or {}}, sort_keys=True, default=repr
        )
        if key not in self._bytes:
            built = self.folder / f"{len(self._bytes)}.xlsx"
            try:
                if not (identitas or sheets):
                    raise xlsx_cells.NeedsOpenpyxl("the base itself is filled with openpyxl")
                # a variant of the base: only its own cells patched (~0,05 s, not ~0,8 s)
                contract_filler.patch_records(
                    self.data(), self.template, built, identitas, sheets, contract_filler.V1_SHEETS
                )
            except xlsx_cells.NeedsOpenpyxl:
                contract_filler.fill(self.template, built, identitas, sheets)
            self._bytes[key] = built.read_bytes()
        return self._bytes[key]

    def fill(
        self,
        template: Path,
        output: Path,
        identitas: dict | None = None,
        sheets: dict | None = None,
    ) -> Path:
        assert Path(template) == self.template, "the cache fills only the session's blank template"
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(self.data(identitas, sheets))
        return output


@pytest.fixture(scope="session")
def filled_cache(blank_template, tmp_path_factory) -> FilledCache:
    return FilledCache(blank_template, tmp_path_factory.mktemp("gudang"))


@pytest.fixture
def filled(filled_cache, blank_template, tmp_path):
    """A factory: a workbook filled through the contract, with optional overrides.

    `name` is relative to the test's tmp_path (sub-folders are made); the file is the test's own.
    """

    def make(
        name: str = "buku.xlsx", identitas: dict | None = None, sheets: dict | None = None
    ) -> Path:
        return filled_cache.fill(blank_template, tmp_path / name, identitas, sheets)

    return make


@pytest.fixture
def valid_workbook(filled) -> Path:
    return filled()


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- cells by header text --------------------------------------------------------------------


def _text(value: object) -> str | None:
    return None if value is None else str(value).strip()


def address(ws, header: str, row: int | str) -> str:
    """The A1 address of (header, row) in a worksheet.

    The header row is the first row with a cell whose text is `header`. `row` is a data-row
    number (1 = the first row under the header, HEADER = the header cell itself), or a label:
    the row whose cell in the header row's first column reads so (Identitas: "Tahun Laporan").
    """
    for cells in ws.iter_rows():
        for cell in cells:
            if _text(cell.value) == header:
                column = get_column_letter(cell.column)
                if isinstance(row, int):
                    return f"{column}{cell.row + row}"
                key = next(i for i, c in enumerate(cells) if c.value is not None)
                for below in ws.iter_rows(min_row=cell.row + 1):
                    if len(below) > key and _text(below[key].value) == row:
                        return f"{column}{below[key].row}"
                raise KeyError(f"{ws.title}: no row labelled {row!r}")
    raise KeyError(f"{ws.title}: no header {header!r}")


def cell_at(path: Path, sheet: str, header: str, row: int | str) -> str:
    """The A1 address of (header, row) in a sheet of the workbook at `path` (see `address`)."""
    try:
        return xlsx_cells.ref_of(
            *xlsx_cells.address(xlsx_cells.Book(path).sheet(sheet), header, row)
        )
    except xlsx_cells.NeedsOpenpyxl:
        pass
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return address(wb[sheet], header, row)
    finally:
        wb.close()


def edit_cells(
    path: Path, sheet: str, changes: dict[tuple[str, int | str], object], out: Path | None = None
) -> dict[tuple[str, int | str], str]:
    """Set cells by (header, row) (see `address`) in one sheet and save (to `out`, or in place).

    Returns each key's A1 address. Every address is found before any cell changes, so a renamed
    header does not move the cells after it. The cells are patched in the sheet XML
    (xlsx_cells); an edit that route cannot write as openpyxl does is made with openpyxl.
    """
    try:
        book = xlsx_cells.Book(path)
        ws = book.sheet(sheet)
        places = {key: xlsx_cells.address(ws, *key) for key in changes}
        for key, value in changes.items():
            ws.set(*places[key], value)
        book.save(out or path)
        return {key: xlsx_cells.ref_of(*place) for key, place in places.items()}
    except xlsx_cells.NeedsOpenpyxl:
        pass
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    refs = {key: address(ws, *key) for key in changes}
    for key, value in changes.items():
        ws[refs[key]] = value
    wb.save(out or path)
    return refs


def codes_at(findings, sheet: str | None = None) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.sheet, f.cell) for f in findings if sheet is None or f.sheet == sheet}
