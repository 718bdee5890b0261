"""`read_workbook`: read and check a workbook, returning the model and every finding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkjip_xl.base.errors import SheetTooLarge
from lkjip_xl.contract.findings import Finding, has_errors, sort_key
from lkjip_xl.contract.records import Identity, Workbook
from lkjip_xl.contract.schema import IDENTITY_SHEET
from lkjip_xl.read.bounds import sheet_name_findings
from lkjip_xl.read.checks import check
from lkjip_xl.read.checks_v2 import check_v2
from lkjip_xl.read.identity import read_identity
from lkjip_xl.read.reader import read_model
from lkjip_xl.read.sheets import ContractSheets
from lkjip_xl.read.source import XlsxSource

# Findings that say a cell is empty: wrong beside another error at the same cell, which says
# what the cell holds instead ("Rp 5.220.000,-" is no number; it is not empty).
_SAYS_EMPTY = frozenset(
    {"value-blank", "value-required", "budget-amount-missing", "skm-answer-blank"}
)


@dataclass
class ReadResult:
    workbook: Workbook | None
    findings: list[Finding]
    identity: Identity | None = None  # as read, even when the workbook as a whole is not usable

    @property
    def ok(self) -> bool:
        """True when a report can be made: the workbook was read and no finding is an error."""
        return self.workbook is not None and not has_errors(self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error and not f.is_info]

    @property
    def infos(self) -> list[Finding]:
        """Notes (catatan): what the tool did on the staff's behalf; they never stop anything."""
        return [f for f in self.findings if f.is_info]


def read_workbook(path: str | Path) -> ReadResult:
    """Read and check the workbook at `path`. Raises WorkbookUnreadable when it is no workbook."""
    try:
        with XlsxSource(path) as source:
            workbook, findings = read_model(source)
            identity = workbook.identity if workbook is not None else _identity_only(source)
            findings.extend(sheet_name_findings(source.sheet_names))
    except SheetTooLarge as exc:  # refused before its cells were read (bounds.py)
        return ReadResult(None, [f for f in [exc.finding] if isinstance(f, Finding)], None)
    if workbook is not None:
        findings.extend(check(workbook))
        findings.extend(check_v2(workbook))
    findings = _dedupe(findings)
    findings.sort(key=sort_key)
    return ReadResult(workbook, findings, identity)


def _identity_only(source: XlsxSource) -> Identity | None:
    """The identity of a workbook whose other sheets cannot be used (for the batch recap)."""
    grid = ContractSheets(source, []).grid(IDENTITY_SHEET)
    return read_identity(grid, [])[0] if grid is not None else None


def _dedupe(findings: list[Finding]) -> list[Finding]:
    wrong = {(f.sheet, f.cell) for f in findings if f.is_error and f.code not in _SAYS_EMPTY}
    seen, unique = set(), []
    for f in findings:
        if f in seen or (f.code in _SAYS_EMPTY and (f.sheet, f.cell) in wrong):
            continue
        seen.add(f)
        unique.append(f)
    return unique
