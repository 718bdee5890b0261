"""What every part of the context is built from: the workbook, its results and the date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docxtpl import RichText

from lkjip_xl.calc import Results
from lkjip_xl.contract.records import Identity, Workbook
from lkjip_xl.report.context.values import draft, own, paragraphs


@dataclass(frozen=True)
class Source:
    wb: Workbook
    results: Results
    today: dt.date

    @property
    def identity(self) -> Identity:
        return self.wb.identity

    @property
    def kecamatan(self) -> str:
        return self.wb.identity.kecamatan

    @property
    def year(self) -> int | None:
        return self.wb.identity.tahun

    @property
    def sign_date(self) -> dt.date:
        """The date the report is signed: the workbook's, else today."""
        return self.wb.identity.tanggal or self.today

    def passage(self, key: str, drafted: str) -> list[RichText]:
        """The workbook's own text for a part of the narrative, else the drafted one (marked)."""
        given = self.wb.narrative.get(key)
        if given:
            return [own(p) for p in paragraphs(given)]
        return [draft(p) for p in paragraphs(drafted)]
