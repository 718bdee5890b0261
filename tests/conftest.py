from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import contract_filler  # noqa: E402

from lkjip_xl import write_template  # noqa: E402

EXAMPLE = ROOT / "workbook_templates" / "contoh_paser_belengkong_2023.xlsx"


@pytest.fixture(scope="session")
def blank_template(tmp_path_factory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "kosong.xlsx")


@pytest.fixture
def filled(blank_template, tmp_path):
    """A factory: a workbook filled through the contract, with optional overrides."""

    def make(
        name: str = "buku.xlsx", identitas: dict | None = None, sheets: dict | None = None
    ) -> Path:
        return contract_filler.fill(blank_template, tmp_path / name, identitas, sheets)

    return make


@pytest.fixture
def valid_workbook(filled) -> Path:
    return filled()


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def edit(path: Path, sheet: str, changes: dict[str, object], out: Path | None = None) -> Path:
    """Set cells (A1 → value) in one sheet and save (to `out`, or in place)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, value in changes.items():
        ws[ref] = value
    target = out or path
    wb.save(target)
    return target


def codes_at(findings, sheet: str | None = None) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.sheet, f.cell) for f in findings if sheet is None or f.sheet == sheet}
