"""The `Sasaran` sheet: one indicator of the Perjanjian Kinerja a row."""

from __future__ import annotations

from lkjip_xl.base.errors import NotANumber
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import Indicator, TypedFigure
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.kinds import text_of
from lkjip_xl.read.locate import Table
from lkjip_xl.read.numbers import cell_number
from lkjip_xl.read.summary_rows import MEAN, summary_info

_BLANK_HINTS = {
    "target": "Ketik angka target, atau '-' bila memang tidak ada target.",
    "realisasi": "Capaian dianggap belum dapat diukur. Ketik realisasinya, atau '-' bila memang "
    "belum ada.",
    "satuan": "Ketik satuan indikator, mis. %, nilai, kasus.",
}


def read_indicators(table: Table, findings: list[Finding]) -> tuple[Indicator, ...]:
    cells = CellReader(table, findings)
    codes = _SasaranCodes()
    indicators = []
    for r in table.data_rows:
        sasaran = cells.text(r, "sasaran")
        code = codes.code_of(text_of(cells.raw(r, "kode_sasaran")), sasaran)
        _warn_blank(cells, r, findings)
        indicators.append(
            Indicator(
                row=r,
                kode_sasaran=code,
                sasaran=sasaran,
                indikator=cells.text(r, "indikator"),
                satuan=cells.text(r, "satuan"),
                target=cells.measure(r, "target"),
                realisasi=cells.measure(r, "realisasi"),
                tujuan=cells.text(r, "tujuan"),
                tingkat=cells.choice(r, "tingkat"),
                iku=cells.choice(r, "iku") == "yes",
                polarity=cells.choice(r, "polaritas"),
                formulasi=cells.text(r, "formulasi"),
                sumber_data=cells.text(r, "sumber_data"),
                penanggung_jawab=cells.text(r, "penanggung_jawab"),
                target_lalu=cells.measure(r, "target_lalu"),
                realisasi_lalu=cells.measure(r, "realisasi_lalu"),
                target_renstra=cells.measure(r, "target_renstra"),
                standar_nasional=cells.measure(r, "standar_nasional"),
                faktor_pendukung=cells.text(r, "faktor_pendukung"),
                faktor_penghambat=cells.text(r, "faktor_penghambat"),
                solusi=cells.text(r, "solusi"),
            )
        )
    return tuple(indicators)


def typed_averages(table: Table, findings: list[Finding]) -> tuple[TypedFigure, ...]:
    """The figure of each typed average row (`Rata-rata capaian`): its Capaian (%) cell, or
    else its Realisasi cell; checked against the computed average once figures are computed.
    Other summary rows, and an average row without a figure, are noted and left out."""
    figures = []
    grid = table.grid
    for summary in table.summary_rows:
        figure = None
        if summary.kind == MEAN:
            for key in ("capaian", "realisasi"):
                col = table.columns.get(key)
                if col is None:
                    continue
                try:
                    value = cell_number(
                        grid.value(summary.row, col), grid.number_format(summary.row, col)
                    )
                except NotANumber:
                    value = None
                if value is not None:
                    header = table.headers.get(key, key)
                    figure = TypedFigure(
                        grid.title, a1(summary.row, col), summary.row, summary.label, header, value
                    )
                    break
        if figure is None:
            summary_info(grid.title, summary, findings, checked=False)
        else:
            figures.append(figure)
    return tuple(figures)


class _SasaranCodes:
    """A blank Kode Sasaran means "same as above" only while the sasaran is the same one;
    a sasaran never coded gets the next free S-number."""

    def __init__(self) -> None:
        self.by_text: dict[str, str] = {}
        self.previous: tuple[str, str] | None = None  # (sasaran, code) of the row above

    def code_of(self, given: str, sasaran: str) -> str:
        code = given
        if not code:
            if self.previous and self.previous[0] == sasaran and self.previous[1]:
                code = self.previous[1]
            else:
                code = self.by_text.get(sasaran) or f"S{len(set(self.by_text.values())) + 1}"
        self.by_text.setdefault(sasaran, code)
        self.previous = (sasaran, code)
        return code


def _warn_blank(cells: CellReader, r: int, findings: list[Finding]) -> None:
    """Target, Realisasi and Satuan left blank are warnings (not errors) that say what to type."""
    for key, hint in _BLANK_HINTS.items():
        if cells.has(key) and cells.is_blank(r, key):
            column = cells.table.spec.column(key).header
            findings.append(
                finding("value-blank", cells.sheet, cells.ref(r, key), column=column, hint=hint)
            )
