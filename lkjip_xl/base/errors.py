"""Every exception of the tool, and the exit status the command line gives for each.

An `LkjipError` is an expected problem whose message is one Indonesian sentence meant for the
user; the CLI prints it and exits with the class's `exit_code`. Anything else is a bug in this
tool and keeps its traceback. Problems *inside* a workbook are never exceptions: they are
findings (`lkjip_xl.contract.findings`), and a workbook with errors exits 1.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit statuses of `lkjip`, documented in the README."""

    OK = 0  # done; warnings allowed
    FINDINGS = 1  # the workbook (or list) has errors: nothing was written
    UNREADABLE = 2  # an input is not a readable workbook (missing, empty, CSV, .xls, encrypted…)
    OUTPUT_REFUSED = 3  # an output cannot be written (it is the input, exists, no permission…)
    BAD_TEMPLATE = 4  # a Word template cannot be used
    CONVERTER_MISSING = 5  # a PDF was asked for and no LibreOffice is installed
    USAGE = 64  # the command line itself is wrong (BSD sysexits EX_USAGE)


class LkjipError(Exception):
    """Base class: an expected problem whose message is meant for the user."""

    exit_code = ExitCode.UNREADABLE


class WorkbookUnreadable(LkjipError):
    """Raised when a file cannot be read as a workbook at all."""

    exit_code = ExitCode.UNREADABLE


class SheetTooLarge(WorkbookUnreadable):
    """Raised before a sheet is read when it reaches past the reader's limits (read/bounds.py).

    It carries the finding that says which cell is too far; `read_workbook` reports it as a
    finding, any other reader as its sentence.
    """

    def __init__(self, found: object) -> None:
        super().__init__(str(getattr(found, "message", found)))
        self.finding = found


class OutputRefused(LkjipError):
    """Raised when an output path would overwrite an input or an existing file, or cannot be written."""

    exit_code = ExitCode.OUTPUT_REFUSED


class TemplateProblem(LkjipError):
    """Raised when a Word template cannot be rendered (not a .docx, bad tags, unknown names)."""

    exit_code = ExitCode.BAD_TEMPLATE


class PdfNotMade(LkjipError):
    """Raised when a PDF was asked for and could not be made; the .docx is written all the same."""

    exit_code = ExitCode.CONVERTER_MISSING


class ConverterMissing(PdfNotMade):
    """Raised when a PDF was asked for and no LibreOffice is installed."""


class ConversionFailed(PdfNotMade):
    """Raised when LibreOffice fails, or takes too long, converting a draft to PDF."""


class ConversionTooSlow(ConversionFailed):
    """Raised when LibreOffice is stopped at the time limit (not worth a second try)."""


class UploadRefused(LkjipError):
    """Raised when a web upload cannot be processed (no file chosen); shown to the user as it is."""


class ServerBusy(UploadRefused):
    """Raised when the web server already processes as many uploads as it may; shown as 503."""


class UsageProblem(LkjipError):
    """Raised when a command's own setting is unusable (an empty password file…): exit 64."""

    exit_code = ExitCode.USAGE


class UnknownNames(Exception):
    """Raised inside template rendering when a template part reads names the context lacks."""

    def __init__(self, names: set[str]) -> None:
        super().__init__(", ".join(sorted(names)))
        self.names = names


class TemplateWriteError(RuntimeError):
    """Raised when xlsxwriter rejects a validation or format of the blank template (a bug in the schema's texts)."""


class BadValue(ValueError):
    """Raised by a cell parser when a value is not of its column's kind.

    `code` names the finding the reader makes of it (at the cell); `params` fill its message.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class NotANumber(ValueError):
    """Raised when text where a number belongs cannot be read as one (the reader makes it a finding)."""


class BatchTimeLimit(BaseException):
    """Raised by the alarm in a batch worker when one workbook runs past its time limit.

    A BaseException, so that the worker's `except Exception` (which turns a bug into a reason)
    does not catch it; kabupaten/batch.py turns it into the workbook's reason.
    """


class TemplateLimit(BaseException):
    """Raised inside a template render that went past a limit (report/sandbox.py).

    A BaseException, so that no `except Exception` in docxtpl or Jinja swallows it; the
    render turns it into a TemplateProblem. Its text is the Indonesian reason.
    """

    reason = "melampaui batas"


class TemplateTimeLimit(TemplateLimit):
    """Raised asynchronously in the rendering thread when a render runs past its time limit."""

    reason = "berjalan terlalu lama (batas waktu terlampaui; mungkin ada perulangan tanpa akhir)"


class TemplateMemoryLimit(TemplateLimit):
    """Raised asynchronously in the rendering thread when a render uses more memory than allowed."""

    reason = "memakai memori terlalu banyak (batas memori terlampaui)"


class TemplateSizeLimit(TemplateLimit):
    """Raised by the sandbox when one operation or the output would grow past its limit."""

    reason = "menghasilkan teks atau angka yang terlalu besar"
