"""Checks between rows and sheets, on the model the reader built.

Each check adds findings pointing at the cell to correct; none raises.
"""

from __future__ import annotations

from collections.abc import Callable

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import SAKIP_LETTERS, Measure
from lkjip_xl.contract.records import BudgetRow, Indicator, Workbook
from lkjip_xl.contract.sampling import minimum_sample
from lkjip_xl.contract.schema import (
    ANGGARAN_SHEET,
    SASARAN_SHEET,
    SKALA_SHEET,
    SKM_SHEET,
    normalize,
)
from lkjip_xl.read.hierarchy import AMOUNT_FIELDS, orphans, rolled_up

_CENT = 0.005
RefOf = Callable[[int, str], str]  # (row, column key) → A1 cell
# No kecamatan's whole budget is under ten million rupiah: such a total was typed in thousands
# or millions without saying so in the header.
_SMALL_BUDGET = 10_000_000
_PERCENT_UNITS = frozenset({"%", "persen", "persentase", "prosentase"})


def check(wb: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    _check_indicators(wb, findings)
    _check_percent_units(wb, findings)
    _check_last_year(wb, findings)
    _check_budget(wb, findings)
    _check_scale(wb, findings)
    _check_skm(wb, findings)
    return findings


def _ref(wb: Workbook, spec_name: str, row: int, key: str) -> tuple[str, str]:
    layout = wb.layout.get(spec_name)
    if layout is None:
        return spec_name, a1(row, 1)
    return layout.title, a1(row, layout.columns.get(key, 1))


def _check_indicators(wb: Workbook, findings: list[Finding]) -> None:
    if not wb.indicators:
        layout = wb.layout.get(SASARAN_SHEET.name)
        sheet = layout.title if layout else SASARAN_SHEET.name
        findings.append(
            finding("sasaran-empty", sheet, a1((layout.header_row if layout else 1) + 1, 1))
        )
        return
    seen: dict[tuple[str, str], int] = {}
    text_by_code: dict[str, str] = {}
    for ind in wb.indicators:
        key = (ind.kode_sasaran, normalize(ind.indikator))
        if key in seen:
            sheet, ref = _ref(wb, SASARAN_SHEET.name, ind.row, "indikator")
            findings.append(
                finding(
                    "indicator-duplicate",
                    sheet,
                    ref,
                    indicator=ind.indikator,
                    sasaran=ind.sasaran,
                    other_row=seen[key],
                )
            )
        else:
            seen[key] = ind.row
        first = text_by_code.setdefault(ind.kode_sasaran, ind.sasaran)
        if normalize(first) != normalize(ind.sasaran):
            sheet, ref = _ref(wb, SASARAN_SHEET.name, ind.row, "kode_sasaran")
            findings.append(
                finding(
                    "sasaran-code-conflict",
                    sheet,
                    ref,
                    code=ind.kode_sasaran,
                    first=first,
                    second=ind.sasaran,
                )
            )
            text_by_code[ind.kode_sasaran] = ind.sasaran
        if (
            ind.target.letter_only
            and ind.realisasi.available
            and ind.realisasi.letter not in SAKIP_LETTERS
        ):
            sheet, ref = _ref(wb, SASARAN_SHEET.name, ind.row, "realisasi")
            findings.append(
                finding(
                    "letter-mismatch",
                    sheet,
                    ref,
                    target=ind.target.text,
                    value=ind.realisasi.text or fmt_number(ind.realisasi.number, None),
                )
            )
        if ind.target.number == 0 and not ind.target.letter:
            sheet, ref = _ref(wb, SASARAN_SHEET.name, ind.row, "target")
            code = "target-zero-negative" if ind.polarity == "negative" else "target-zero"
            findings.append(finding(code, sheet, ref))


def _check_budget(wb: Workbook, findings: list[Finding]) -> None:
    rows = wb.budget
    layout = wb.layout.get(ANGGARAN_SHEET.name)
    if layout is None:
        return
    sheet = layout.title
    if not rows:
        findings.append(finding("budget-empty", sheet, a1(layout.header_row + 1, 1)))
        return

    def ref(row: int, key: str) -> str:
        """The cell of a row's column; row 0 is the header row."""
        col = layout.columns.get(key, layout.columns.get("uraian", 1))
        return a1(row or layout.header_row, col)

    in_copies = _check_budget_copies(rows, sheet, ref, findings)
    first_by_code: dict[str, int] = {}
    for i, row in enumerate(rows):
        if row.kode and i not in in_copies:
            if row.kode in first_by_code:
                findings.append(
                    finding(
                        "budget-code-duplicate",
                        sheet,
                        ref(row.row, "kode"),
                        value=row.kode,
                        other_row=first_by_code[row.kode],
                    )
                )
            else:
                first_by_code[row.kode] = row.row
    for i in orphans(rows):
        row = rows[i]
        findings.append(
            finding(
                "budget-orphan",
                sheet,
                ref(row.row, "kode" if row.kode else "uraian"),
                level=row.level_label,
                name=row.uraian,
            )
        )

    for row in rows:
        if not row.children:
            for field in ("pagu", "realisasi"):
                if getattr(row, field) is None and layout.columns.get(field) is not None:
                    findings.append(
                        finding(
                            "budget-amount-missing",
                            sheet,
                            ref(row.row, field),
                            column=ANGGARAN_SHEET.column(field).header,
                        )
                    )
    totals = {f: rolled_up(rows, f) for f in AMOUNT_FIELDS}
    _check_budget_total(rows, totals["pagu"], sheet, ref, findings)
    for i, row in enumerate(rows):
        if row.children:
            for field in AMOUNT_FIELDS:
                given, computed = getattr(row, field), totals[field][i]
                if given is not None and computed is not None and abs(given - computed) > _CENT:
                    findings.append(
                        finding(
                            "budget-parent-mismatch",
                            sheet,
                            ref(row.row, field),
                            column=ANGGARAN_SHEET.column(field).header,
                            level=row.level_label,
                            given=fmt_number(given, None),
                            computed=fmt_number(computed, None),
                            difference=fmt_number(given - computed, None),
                        )
                    )
        pagu, realisasi = totals["pagu"][i], totals["realisasi"][i]
        if (
            pagu is not None
            and realisasi is not None
            and realisasi > pagu + _CENT
            and (not row.children or row.realisasi is not None)
        ):
            findings.append(
                finding(
                    "budget-over-pagu",
                    sheet,
                    ref(row.row, "realisasi"),
                    realisasi=fmt_number(realisasi, None),
                    pagu=fmt_number(pagu, None),
                )
            )

    known = {ind.kode_sasaran for ind in wb.indicators}
    for row in rows:
        if row.kode_sasaran and wb.indicators and row.kode_sasaran not in known:
            findings.append(
                finding(
                    "budget-sasaran-unknown",
                    sheet,
                    ref(row.row, "kode_sasaran"),
                    value=row.kode_sasaran,
                )
            )


def _check_budget_copies(
    rows: tuple[BudgetRow, ...], sheet: str, ref: RefOf, findings: list[Finding]
) -> set[int]:
    """A program or kegiatan whose whole block repeats an earlier one, and a row that repeats
    an earlier one under the same parent (same level, Uraian and amounts), is counted twice:
    an error at the later copy. Returns the indexes of the rows inside repeated blocks."""
    signatures = _signatures(rows)
    first_block: dict[tuple[object, ...], int] = {}
    first_row: dict[tuple[object, ...], int] = {}
    copies: set[int] = set()
    for i, row in enumerate(rows):
        if i in copies:
            continue
        key = (row.parent, signatures[i])
        if row.children:
            if key in first_block:
                block = _descendants(rows, i)
                copies |= block
                findings.append(
                    finding(
                        "budget-block-duplicate",
                        sheet,
                        ref(row.row, "uraian"),
                        level=row.level_label,
                        name=row.uraian,
                        count=len(block),
                        other_row=rows[first_block[key]].row,
                    )
                )
            else:
                first_block[key] = i
        elif key in first_row and not (row.kode and rows[first_row[key]].kode):
            findings.append(
                finding(
                    "budget-row-duplicate",
                    sheet,
                    ref(row.row, "uraian"),
                    level=row.level_label,
                    name=row.uraian,
                    other_row=rows[first_row[key]].row,
                )
            )
        else:
            first_row.setdefault(key, i)
    return copies


def _signatures(rows: tuple[BudgetRow, ...]) -> list[tuple[object, ...]]:
    """Each row's level, code, Uraian and amounts, followed by its children's signatures (a
    block's signature holds its whole subtree); each computed once, not again for every
    ancestor."""
    done: dict[int, tuple[object, ...]] = {}

    def signature(i: int) -> tuple[object, ...]:
        if i not in done:
            row = rows[i]
            own = (row.level, row.kode, normalize(row.uraian), row.pagu, row.realisasi)
            done[i] = own + tuple(signature(c) for c in row.children)
        return done[i]

    return [signature(i) for i in range(len(rows))]


def _descendants(rows: tuple[BudgetRow, ...], i: int) -> set[int]:
    found = {i}
    for c in rows[i].children:
        found |= _descendants(rows, c)
    return found


def _check_budget_total(
    rows: tuple[BudgetRow, ...],
    pagu: list[float | None],
    sheet: str,
    ref: RefOf,
    findings: list[Finding],
) -> None:
    """A typed total that escaped its label (a program row with no rinci whose pagu is the sum of
    all other programs) would double the budget; a tiny total was typed in thousands."""
    roots = [i for i, row in enumerate(rows) if row.parent is None and row.level == "program"]
    total = sum(pagu[i] or 0 for i in roots)
    for i in roots:
        own = pagu[i]
        if rows[i].children or not own or len(roots) < 3:
            continue
        if abs(own - (total - own)) <= 0.5:
            findings.append(
                finding(
                    "budget-total-as-row",
                    sheet,
                    ref(rows[i].row, "uraian"),
                    name=rows[i].uraian,
                    pagu=fmt_number(own, None),
                )
            )
    if 0 < total < _SMALL_BUDGET:
        findings.append(
            finding("budget-total-small", sheet, ref(0, "pagu"), total=fmt_number(total, None))
        )


def _check_percent_units(wb: Workbook, findings: list[Finding]) -> None:
    """0,8 typed for 80 % in a `%` indicator: its capaian may come out right, its figures in the
    draft would not. Two signs, chosen not to misfire on true small percentages: one of the
    row's pair is at most 1,5 and the other 50 or more (80 against 0,85); or a positive
    indicator's target and realisasi are both at most 1 while another `%` indicator reaches 10.
    A negative indicator's small pair (angka kemiskinan 1,2 %) is a rate, never flagged alone."""
    percent = [i for i in wb.indicators if normalize(i.satuan) in _PERCENT_UNITS]
    for ind in percent:
        pair = {"target": ind.target, "realisasi": ind.realisasi}
        numbers = {k: m.number for k, m in pair.items() if m.number is not None and not m.letter}
        small = {k: v for k, v in numbers.items() if 0 < v <= 1.5}
        if not small:
            continue
        mixed = any(v >= 50 for v in numbers.values())
        fractions = (
            ind.polarity != "negative"
            and len(numbers) == 2
            and all(0 < v <= 1 for v in numbers.values())
            and any(
                (m.number or 0) >= 10
                for other in percent
                if other is not ind
                for m in (other.target, other.realisasi)
            )
        )
        if not (mixed or fractions):
            continue
        key, value = next(iter(small.items()))
        sheet, cell = _ref(wb, SASARAN_SHEET.name, ind.row, key)
        findings.append(
            finding(
                "percent-unit-suspect",
                sheet,
                cell,
                values=" dan ".join(f"{fmt_number(v, None)} ({k})" for k, v in numbers.items()),
                example=fmt_number(value * 100, None),
                small=fmt_number(value, None),
            )
        )


def _same(a: Measure, b: Measure) -> bool:
    if not a.available and not b.available:
        return True
    if a.letter != b.letter or (a.number is None) != (b.number is None):
        return False
    return a.number is None or b.number is None or abs(a.number - b.number) < 1e-9


def _check_last_year(wb: Workbook, findings: list[Finding]) -> None:
    """Last year's workbook sent back unchanged: this year's figures are last year's, every one."""
    layout = wb.layout.get(SASARAN_SHEET.name)
    indicators: tuple[Indicator, ...] = wb.indicators
    if (
        layout is None
        or not indicators
        or "target_lalu" not in layout.columns
        or "realisasi_lalu" not in layout.columns
        or not any(i.target.available for i in indicators)
    ):
        return
    if all(
        _same(i.target, i.target_lalu) and _same(i.realisasi, i.realisasi_lalu) for i in indicators
    ):
        sheet, cell = _ref(wb, SASARAN_SHEET.name, indicators[0].row, "target")
        findings.append(
            finding(
                "figures-last-year",
                sheet,
                cell,
                count=len(indicators),
                year=wb.identity.tahun or "ini",
            )
        )


def _check_scale(wb: Workbook, findings: list[Finding]) -> None:
    if not wb.scale:
        return
    sheet = _ref(wb, SKALA_SHEET.name, 0, "bawah")[0]

    def ref(row: int, key: str) -> str:
        return _ref(wb, SKALA_SHEET.name, row, key)[1]

    bands = sorted(wb.scale, key=lambda b: b.lower)
    for band in bands:
        if band.upper is not None and band.upper <= band.lower:
            findings.append(
                finding(
                    "scale-band-invalid",
                    sheet,
                    ref(band.row, "atas"),
                    upper=fmt_number(band.upper, None),
                    lower=fmt_number(band.lower, None),
                )
            )
    for lo, hi in zip(bands, bands[1:], strict=False):
        if lo.upper is None:
            findings.append(finding("scale-open-band", sheet, ref(lo.row, "atas")))
        elif hi.lower > lo.upper + 1e-9:
            findings.append(
                finding(
                    "scale-gap",
                    sheet,
                    ref(hi.row, "bawah"),
                    upper=fmt_number(lo.upper, None),
                    lower=fmt_number(hi.lower, None),
                )
            )
        elif hi.lower < lo.upper - 1e-9:
            findings.append(
                finding("scale-overlap", sheet, ref(hi.row, "bawah"), a=lo.label, b=hi.label)
            )


def _check_skm(wb: Workbook, findings: list[Finding]) -> None:
    if wb.skm is None:
        return
    layout = wb.layout.get(SKM_SHEET.name)
    sheet = layout.title if layout else SKM_SHEET.name
    if not wb.skm:
        findings.append(
            finding("skm-empty", sheet, a1((layout.header_row if layout else 1) + 1, 1))
        )
        return
    year = wb.identity.tahun
    outside = [r for r in wb.skm if r.tanggal is not None and year and r.tanggal.year != year]
    if outside and layout is not None:
        first = outside[0]
        assert first.tanggal is not None
        findings.append(
            finding(
                "skm-date-year",
                sheet,
                a1(first.row, layout.columns.get("tanggal", 1)),
                count=len(outside),
                year=year,
                date=first.tanggal.strftime("%d/%m/%Y"),
            )
        )
    population = wb.settings.population
    if population:
        needed = minimum_sample(population)
        if len(wb.skm) < needed:
            findings.append(
                finding(
                    "skm-sample-small",
                    sheet,
                    a1(layout.header_row if layout else 1, 1),
                    count=len(wb.skm),
                    needed=needed,
                    population=fmt_number(population, None),
                )
            )
