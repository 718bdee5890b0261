"""Typed total and average rows: recognised by their label, checked against the tool's own
figures, never counted as data (WORKBOOK_CONTRACT, reading rules of version 2).

A label is `Jumlah`, `Total`, `Jumlah Total`, `Sub Total`, `Rata-rata` (any case), alone or
leading a text whose other words only say what is summed ("Jumlah Anggaran", "Rata-rata
Capaian IKU", "Total Kecamatan Paser Belengkong"). A text that goes on to describe a thing
("Jumlah desa yang memiliki BUMDes", "Rata-rata lama pelayanan") is an indicator, not a total.
In SKM, the usual lines under the answers (NRR, NRR tertimbang, IKM, bobot, mutu) are summary
rows too: respondents never carry such labels.

Each check compares a figure the row gives with candidates the sheet's reader computes (the
whole table, the block the row closes, the rows above it); a match with any is `info`, none is
an error that names the figure the row most likely means.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lkjip_xl.base.errors import NotANumber
from lkjip_xl.base.formatting import fmt_number, round_half_up
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.read.numbers import cell_number
from lkjip_xl.read.source import Grid

SUM, SUBTOTAL, MEAN, OTHER = "sum", "subtotal", "mean", "other"
KIND_LABEL = {SUM: "jumlah", SUBTOTAL: "subjumlah", MEAN: "rata-rata", OTHER: "ringkasan"}

_KEYWORDS = (  # longest first: "sub total" before "total"
    (r"sub\s*-?\s*total|sub\s*jumlah|jumlah\s+sub\s*total", SUBTOTAL, True),
    (
        r"grand\s*total|jumlah\s+total|total\s+jumlah|jumlah\s+keseluruhan|total\s+keseluruhan",
        SUM,
        True,
    ),
    (r"jumlah|total", SUM, False),
    (r"rata\s*-?\s*rata|rerata", MEAN, False),
)
_ANSWER_KEYWORDS = (  # lines under the SKM answers
    (r"nrr\s+tertimbang|nilai\s+rata\s*-?\s*rata\s+tertimbang", OTHER, False),
    (r"nrr|nilai\s+rata\s*-?\s*rata", MEAN, False),
    (r"nilai\s*/\s*unsur|nilai\s+per\s+unsur|nilai\s+unsur", SUM, False),
    (r"ikm|indeks\s+kepuasan|bobot|mutu|kinerja\s+unit", OTHER, False),
)
# Words that only say what a total sums, never what a record is.
_TAIL_TEXT = """capaian kinerja iku sasaran indikator anggaran pagu realisasi belanja program kegiatan
    sub subkegiatan keseluruhan seluruh seluruhnya semua total jumlah nilai nrr ikm unsur per
    responden rp rp. rupiah tertimbang pelayanan layanan unit skm akhir umum desa kelurahan
    penduduk tahun ta bobot dan serapan sisa luas kk utama strategis operasi modal langsung
    tidak persen persentase rata rata-rata opd skpd perangkat daerah apbd murni perubahan
    sebelum sesudah setelah lalu ini x dari"""
_TAIL_WORDS = frozenset(_TAIL_TEXT.split())
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?\.?|\d+|[%/()]")
_TRAILING = re.compile(r"[\s:.;,=\-]+$")


def _compile(table: tuple[tuple[str, str, bool], ...]) -> list[tuple[re.Pattern[str], str, bool]]:
    return [
        (re.compile(rf"^(?:{p})(?=$|[\s:./(%-])"), kind, any_tail) for p, kind, any_tail in table
    ]


_PLAIN = _compile(_KEYWORDS)
_WITH_ANSWERS = _compile(_ANSWER_KEYWORDS) + _PLAIN
_FIRST_LETTERS = frozenset("jtsgrnbimJTSGRNBIM")


@functools.lru_cache(maxsize=1024)  # a budget's Tingkat repeats "Sub Kegiatan" for every row
def summary_kind(text: str, answers: bool = False) -> str | None:
    """The kind of summary a cell's text labels (SUM, SUBTOTAL, MEAN, OTHER), or None."""
    if not text or text.lstrip()[:1] not in _FIRST_LETTERS:
        return None  # the common case, kept fast: most cells start with another letter
    s = _TRAILING.sub("", re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lower())
    for pattern, kind, any_tail in _WITH_ANSWERS if answers else _PLAIN:
        m = pattern.match(s)
        if m is None:
            continue
        tail = s[m.end() :]
        if any_tail or _only_summing_words(tail):
            return kind
        return None
    return None


def _only_summing_words(tail: str) -> bool:
    for word in _WORD.findall(tail):
        if word == "kecamatan":
            return True  # "Jumlah Kecamatan Paser Belengkong": the rest is a name
        if not (word.isdigit() or word in "%/()" or word.rstrip(".") in _TAIL_WORDS):
            return False
    leftover = _WORD.sub("", tail)
    return not re.sub(r"[\s:.;,\-]", "", leftover)


@dataclass(frozen=True)
class SummaryRow:
    row: int
    label: str  # the text as typed
    kind: str  # SUM, SUBTOTAL, MEAN or OTHER
    col: int  # where the label is


@dataclass(frozen=True)
class Candidate:
    """A figure a summary row may mean: its value and how to name it in a message."""

    value: float | None
    what: str


CandidatesFor = Callable[[SummaryRow, str], Sequence[Candidate]]  # (row, column key) → candidates


def check_summary_rows(
    grid: Grid,
    rows: Sequence[SummaryRow],
    columns: Mapping[str, tuple[int, str]],
    candidates: CandidatesFor,
    findings: list[Finding],
    scale: Mapping[str, float] | None = None,
) -> None:
    """Compare each figure a summary row gives in `columns` (key → (column, header)) with the
    candidates; one info per row whose figures all match, an error per figure that matches none."""
    for summary in rows:
        checked = 0
        wrong = False
        for key, (col, header) in columns.items():
            given = _figure(grid, summary.row, col, (scale or {}).get(key, 1.0))
            if given is None:
                continue
            options = [c for c in candidates(summary, key) if c.value is not None]
            if not options:
                continue
            checked += 1
            if any(figures_match(given, c.value) for c in options if c.value is not None):
                continue
            wrong = True
            best = options[0]
            assert best.value is not None
            findings.append(
                finding(
                    "summary-mismatch",
                    grid.title,
                    a1(summary.row, col),
                    column=header,
                    label=summary.label,
                    given=fmt_number(given, None),
                    what=best.what,
                    computed=fmt_number(best.value, None),
                    difference=fmt_number(given - best.value, None),
                )
            )
        if not wrong:
            summary_info(grid.title, summary, findings, checked > 0)


def summary_info(sheet: str, summary: SummaryRow, findings: list[Finding], checked: bool) -> None:
    findings.append(
        finding(
            "summary-row",
            sheet,
            a1(summary.row, summary.col),
            label=summary.label,
            kind=KIND_LABEL[summary.kind],
            checked="Angkanya cocok dengan hitungan alat."
            if checked
            else "Angkanya tidak diperiksa.",
        )
    )


def _figure(grid: Grid, row: int, col: int, factor: float) -> float | None:
    try:
        value = cell_number(grid.value(row, col), grid.number_format(row, col))
    except NotANumber:
        return None
    return None if value is None else float(Decimal(repr(value)) * Decimal(repr(factor)))


def figures_match(given: float, computed: float) -> bool:
    """A typed figure matches the tool's when it is the tool's figure rounded (half up) to as
    many decimals as the staff typed (86,3 matches 86,29; 7.310.830.028 matches …028,40)."""
    exponent = Decimal(repr(round(given, 6))).normalize().as_tuple().exponent
    decimals = min(4, max(0, -exponent)) if isinstance(exponent, int) else 0
    return abs(float(round_half_up(computed, decimals)) - given) <= 1e-9 * max(1.0, abs(given))
