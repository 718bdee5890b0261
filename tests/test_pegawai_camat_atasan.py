# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""An Atasan Langsung typed on the camat's own Pegawai row is not used (the camat's PK is signed
with the Jabatan Atasan of Identitas): a note at that cell, unless it names that same jabatan."""

from __future__ import annotations

import contract_filler
import pytest
from v2_helpers import cell_of, found, make_v2  # noqa: F401

from lkjip_xl import read_workbook


def _staff_with_camat_atasan(atasan: str) -> list[dict]:
    camat, *others = contract_filler.PEGAWAI
    return [{**camat, "Atasan Langsung": atasan}, *others]


def test_camat_with_another_atasan_gets_a_note_at_the_cell(make_v2):
    path = make_v2(sheets={"Pegawai": _staff_with_camat_atasan("Sekretaris Daerah")})
    result = read_workbook(path)
    assert found(result.findings, "pegawai-camat-atasan") == [
        ("Pegawai", cell_of(path, "Pegawai", 0, "Atasan Langsung"))
    ]
    note = next(f for f in result.findings if f.code == "pegawai-camat-atasan")
    assert note.severity == "info"
    assert "Sekretaris Daerah" in note.message
    assert contract_filler.IDENTITAS["Jabatan Atasan"] in note.message
    assert result.ok


@pytest.mark.parametrize("atasan", ["", "Bupati Contoh", "  BUPATI  contoh "])
def test_camat_without_atasan_or_with_the_identitas_one_gets_none(make_v2, atasan):
    path = make_v2(sheets={"Pegawai": _staff_with_camat_atasan(atasan)})
    assert found(read_workbook(path).findings, "pegawai-camat-atasan") == []
