"""The contract document and the bundled example are generated; the committed copies must be current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import EXAMPLE, ROOT

from lkjip_xl import read_workbook


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_contract_doc_is_current():
    gen = load_script("gen_docs")
    assert gen.TARGET.read_text(encoding="utf-8") == gen.contract_markdown(), (
        "run: python scripts/gen_docs.py"
    )


def test_contract_doc_lists_every_code_and_header():
    from lkjip_xl.contract.findings import CODES
    from lkjip_xl.contract.schema import ALL_SHEETS

    text = (ROOT / "docs" / "KONTRAK_BUKU_KERJA.md").read_text(encoding="utf-8")
    assert all(f"`{code}`" in text for code in CODES)
    assert all(f"| {c.header} |" in text for spec in ALL_SHEETS[1:] for c in spec.columns)


def test_example_rebuilds_to_the_same_content(tmp_path: Path):
    build = load_script("build_example")
    rebuilt = build.build(tmp_path / "contoh.xlsx")
    a, b = read_workbook(EXAMPLE).workbook, read_workbook(rebuilt).workbook
    assert a.indicators == b.indicators
    assert [(r.uraian, r.pagu, r.realisasi) for r in a.budget] == [
        (r.uraian, r.pagu, r.realisasi) for r in b.budget
    ]
    assert a.skm == b.skm
    assert a.identity == b.identity
