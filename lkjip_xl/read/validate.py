"""`read_workbook`: read and check a workbook, returning the model and every finding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lkjip_xl.base.errors import SheetTooLarge
from lkjip_xl.contract.findings import Finding, has_errors, sort_key
from lkjip_xl.contract.records import Workbook
from lkjip_xl.read.bounds import sheet_name_findings
from lkjip_xl.read.checks import check
from lkjip_xl.read.checks_v2 import check_v2
from lkjip_xl.read.reader import read_model
from lkjip_xl.read.source import XlsxSource


@dataclass
class ReadResult:
    workbook: Workbook | None
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        """True when a report can be made: the workbook was read and no finding is an error."""
        return self.workbook is not None and not has_errors(self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


def read_workbook(path: str | Path) -> ReadResult:
    """Read and check the workbook at `path`. Raises WorkbookUnreadable when it is no workbook."""
    with XlsxSource(path) as source:
        try:
            workbook, findings = read_model(source)
        except SheetTooLarge as exc:  # refused before its cells were read (bounds.py)
            return ReadResult(None, [f for f in [exc.finding] if isinstance(f, Finding)])
        findings.extend(sheet_name_findings(source.sheet_names))
    if workbook is not None:
        findings.extend(check(workbook))
        findings.extend(check_v2(workbook))
    findings = _dedupe(findings)
    findings.sort(key=sort_key)
    return ReadResult(workbook, findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, unique = set(), []
    for f in findings:
        if f not in seen:
            seen.add(f)
            unique.append(f)
    return unique
