"""One workbook through the whole flow: read → check → compute → draft + filled copy (+ PDF) |
marked copy.

The API, the batch workers and the web page all call `process`. Each stage is a field of
`Stages`, so a test replaces one (a compute that raises, a draft that hangs) by passing its own,
never by patching a module. The heavy writers (docxtpl, openpyxl) are imported only when a stage
that needs them runs, so checking a workbook starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.base.errors import PdfNotMade
from lkjip_xl.base.files import refuse_overwrite
from lkjip_xl.calc import Results, compute
from lkjip_xl.calc.pk import fallback_findings
from lkjip_xl.calc.typed_rows import typed_average_findings
from lkjip_xl.contract.findings import Finding, sort_key
from lkjip_xl.contract.records import Workbook
from lkjip_xl.read.readiness import for_quarter, for_report, without_realisasi_gaps
from lkjip_xl.read.validate import ReadResult, read_workbook


def read_checked(path: str | Path) -> ReadResult:
    """read_workbook, and the checks that need computed figures: a typed `Rata-rata capaian`
    row of Sasaran against the computed average (computed only when there is such a row)."""
    read = read_workbook(path)
    if read.ok and read.workbook is not None and read.workbook.typed_averages:
        extra = typed_average_findings(read.workbook, compute(read.workbook))
        read.findings = sorted([*read.findings, *extra], key=sort_key)
    return read


def _draft(workbook: Workbook, results: Results, output: Path, template: Path | None) -> Path:
    from lkjip_xl.report.render import render_report

    return render_report(workbook, results, output, template)


def _fill(workbook: Workbook, results: Results, source: Path, output: Path) -> Path:
    from lkjip_xl.write.filled import write_filled_copy

    return write_filled_copy(workbook, results, source, output)


def _mark(source: Path, output: Path, findings: list[Finding]) -> Path:
    from lkjip_xl.write.marked import write_marked_copy

    return write_marked_copy(source, output, findings)


def _convert(draft: Path, pdf: Path) -> Path:
    from lkjip_xl.report.pdf import convert_to_pdf

    return convert_to_pdf(draft, pdf)


# a workbook with these cannot be copied cell by cell: its findings are shown without a copy
UNMARKABLE = frozenset({"sheet-too-large", "workbook-too-large", "sheet-name-invalid"})


def can_mark(findings: list[Finding]) -> bool:
    """Whether a marked copy of the workbook these findings belong to can be written."""
    return not any(f.code in UNMARKABLE for f in findings)


def _pk(workbook: Workbook, results: Results, folder: Path) -> list[Path]:
    from lkjip_xl.report.documents import render_pk

    return render_pk(workbook, results, folder)


def _triwulan(workbook: Workbook, results: Results, quarter: int, output: Path) -> Path:
    from lkjip_xl.report.documents import render_triwulan

    return render_triwulan(workbook, results, quarter, output)


@dataclass(frozen=True)
class Stages:
    """The functions each step calls; the defaults are the tool's own."""

    read: Callable[[Path], ReadResult] = read_checked
    compute: Callable[[Workbook], Results] = compute
    draft: Callable[[Workbook, Results, Path, Path | None], Path] = _draft
    fill: Callable[[Workbook, Results, Path, Path], Path] = _fill
    mark: Callable[[Path, Path, list[Finding]], Path] = _mark
    convert: Callable[[Path, Path], Path] = _convert  # draft .docx → PDF (LibreOffice)
    pk: Callable[[Workbook, Results, Path], list[Path]] = _pk  # the PK documents → folder
    triwulan: Callable[[Workbook, Results, int, Path], Path] = _triwulan


DEFAULT_STAGES = Stages()


@dataclass(frozen=True)
class Wanted:
    """Which outputs to write, and where. A draft and a filled copy need a workbook without
    errors; the marked copy is written only for a workbook that has errors."""

    draft: Path | None = None
    filled: Path | None = None
    marked: Path | None = None
    template: Path | None = None  # the Word template of the draft (None: the tool's own)
    pdf: Path | None = None  # the draft as PDF too (needs `draft`, and LibreOffice)
    pk: Path | None = None  # a folder: every Perjanjian Kinerja, one .docx each + the combined
    quarter: int | None = None  # 1 … 4: the quarter of `triwulan`
    triwulan: Path | None = None  # the quarterly monitoring report of `quarter`
    documents_pdf: bool = False  # the PK and quarterly documents as PDF too, beside each .docx

    @property
    def year_end(self) -> bool:
        """Whether an output needs the year's realisasi (the draft, the filled copy)."""
        return self.draft is not None or self.filled is not None


@dataclass
class Processed:
    """What `process` found and wrote."""

    read: ReadResult
    results: Results | None = None  # None when the workbook has errors
    written: list[Path] = field(default_factory=list)
    pdf_problem: PdfNotMade | None = None  # why the PDF asked for was not made (the rest was)

    @property
    def ok(self) -> bool:
        return self.read.ok


def process(path: str | Path, wanted: Wanted, stages: Stages = DEFAULT_STAGES) -> Processed:
    """Read and check `path`, then write what `wanted` asks for. Raises only LkjipError (and bugs)."""
    source = Path(path)
    _refuse_pdf_over_input(source, wanted)
    read = _for_outputs(stages.read(source), wanted)
    outcome = Processed(read)
    if not read.ok or read.workbook is None:
        wants_mark = wanted.marked is not None and (read.workbook is not None or read.findings)
        if wants_mark and wanted.marked is not None and can_mark(read.findings):
            outcome.written.append(stages.mark(source, wanted.marked, read.findings))
        return outcome
    outcome.results = stages.compute(read.workbook)
    draft = None
    if wanted.draft is not None:
        draft = stages.draft(read.workbook, outcome.results, wanted.draft, wanted.template)
        outcome.written.append(draft)
    if wanted.filled is not None:
        outcome.written.append(stages.fill(read.workbook, outcome.results, source, wanted.filled))
    documents = []
    if wanted.pk is not None:
        documents += stages.pk(read.workbook, outcome.results, wanted.pk)
        notes = fallback_findings(
            outcome.results.agreements, read.workbook.indicators, read.workbook.layout
        )
        outcome.read = ReadResult(
            read.workbook, sorted([*read.findings, *notes], key=sort_key), read.identity
        )
    if wanted.triwulan is not None and wanted.quarter is not None:
        documents.append(
            stages.triwulan(read.workbook, outcome.results, wanted.quarter, wanted.triwulan)
        )
    outcome.written.extend(documents)
    if wanted.documents_pdf:
        _pdfs(documents, stages, outcome, source)
    if wanted.pdf is not None and draft is not None:
        # last: without LibreOffice the draft and the filled copy are written all the same
        try:
            outcome.written.append(stages.convert(draft, wanted.pdf))
        except PdfNotMade as exc:
            outcome.pdf_problem = exc
    return outcome


def _refuse_pdf_over_input(source: Path, wanted: Wanted) -> None:
    """A PDF named like the input (`buku.pdf` read as a workbook) is refused before anything
    is written; the PK documents' names are checked as they are converted (_pdfs)."""
    pdfs = [wanted.pdf] if wanted.pdf is not None else []
    if wanted.documents_pdf and wanted.triwulan is not None:
        pdfs.append(wanted.triwulan.with_suffix(".pdf"))
    for pdf in pdfs:
        refuse_overwrite(pdf, source)


def _pdfs(documents: list[Path], stages: Stages, outcome: Processed, source: Path) -> None:
    """Each document's PDF beside it; the first converter problem stops the rest."""
    for doc in documents:
        refuse_overwrite(doc.with_suffix(".pdf"), source)
        try:
            outcome.written.append(stages.convert(doc, doc.with_suffix(".pdf")))
        except PdfNotMade as exc:
            outcome.pdf_problem = exc
            return


def _for_outputs(read: ReadResult, wanted: Wanted) -> ReadResult:
    early = wanted.pk is not None or wanted.triwulan is not None
    quarter = wanted.quarter if wanted.triwulan is not None else None
    return checked_for(read, year_end=wanted.year_end, early=early, quarter=quarter)


def checked_for(
    read: ReadResult, year_end: bool = False, early: bool = False, quarter: int | None = None
) -> ReadResult:
    """The findings that matter for the documents wanted: the year-end draft (`year_end`) needs
    realisasi; the PK and the quarterly report (`early`) do not, but the report of `quarter`
    needs that quarter's. Neither asked: the findings as read."""
    wb = read.workbook
    if wb is None or not (year_end or early or quarter):
        return read
    if year_end:
        findings = for_report(wb, read.findings)
    else:
        findings = without_realisasi_gaps(wb, read.findings)
    if quarter is not None:
        findings += for_quarter(wb, quarter)
    findings.sort(key=sort_key)
    return ReadResult(wb, findings, read.identity)
