"""A Tanggal Perjanjian Kinerja outside the agreement's year is a warning at its cell: a PK of
year N is signed early in N (late December before it at the earliest)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import cell_at

from lkjip_xl import read_workbook

LABEL = "Tanggal Perjanjian Kinerja"


@pytest.mark.parametrize(
    ("tanggal", "tahun_pk", "warned"),
    [
        (dt.date(2022, 1, 3), None, True),  # carried from an older workbook (Tahun Laporan 2024)
        (dt.date(2025, 1, 2), None, True),
        (dt.date(2024, 1, 2), None, False),
        (dt.date(2023, 12, 28), None, False),  # signed the December before
        (dt.date(2023, 11, 28), None, True),
        (dt.date(2025, 1, 2), 2025, False),  # next year's PK, its own year given
    ],
)
def test_pk_date_in_another_year_is_a_warning_at_its_cell(filled, tanggal, tahun_pk, warned):
    identitas: dict[str, object] = {LABEL: tanggal}
    if tahun_pk is not None:
        identitas["Tahun Perjanjian Kinerja"] = tahun_pk
    path = filled(identitas=identitas)
    result = read_workbook(path)
    hits = [(f.sheet, f.cell, f.severity) for f in result.findings if f.code == "date-pk-year"]
    if warned:
        assert hits == [("Identitas", cell_at(path, "Identitas", "Nilai", LABEL), "warning")]
        message = next(f.message for f in result.findings if f.code == "date-pk-year")
        assert tanggal.strftime("%d/%m/%Y") in message and str(tahun_pk or 2024) in message
    else:
        assert hits == []
    assert result.ok  # a warning: the documents are still made
