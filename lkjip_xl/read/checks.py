"""Checks between rows and sheets, on the model the reader built.

Each check adds findings pointing at the cell to correct; none raises.
"""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import SAKIP_LETTERS
from lkjip_xl.contract.records import Workbook
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


def check(wb: Workbook) -> list[Finding]:
    findings: list[Finding] = []
    _check_indicators(wb, findings)
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
        return a1(row, layout.columns.get(key, layout.columns.get("uraian", 1)))

    first_by_code: dict[str, int] = {}
    for row in rows:
        if row.kode:
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
