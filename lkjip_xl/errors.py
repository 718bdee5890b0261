"""Exceptions the CLI turns into one Indonesian sentence and an exit status."""


class LkjipError(Exception):
    """Base class: an expected problem whose message is meant for the user."""


class WorkbookUnreadable(LkjipError):
    """Raised when a file cannot be read as an .xlsx workbook at all (exit status 2)."""


class OutputRefused(LkjipError):
    """Raised when an output path would overwrite the input workbook or cannot be written."""


class TemplateProblem(LkjipError):
    """Raised when a Word template cannot be rendered (bad tags, names the context lacks)."""
