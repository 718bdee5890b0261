"""What happened to one workbook of a batch: the record the workers send back and the recap reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OK, FAILED, UNREADABLE = "lengkap", "ada kesalahan", "tidak terbaca"


@dataclass
class BatchItem:
    """What happened to one workbook; small and picklable, sent back from the worker."""

    source: str  # the file's name in the input folder
    folder: str  # its output folder's name
    kecamatan: str = ""  # as its Identitas says, read even when the workbook has errors
    kabupaten: str = ""
    tahun: int | None = None
    status: str = FAILED
    errors: int = 0
    warnings: int = 0
    reason: str = ""  # one line: why it failed
    pdf_problem: str = ""  # why its PDF, asked for, was not made (the draft was)
    outputs: list[str] = field(default_factory=list)
    figures: dict[str, Any] | None = None  # results_to_dict(), when a draft was made
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def name(self) -> str:
        """How people call this workbook: its kecamatan, else its file name."""
        return self.kecamatan or self.source
