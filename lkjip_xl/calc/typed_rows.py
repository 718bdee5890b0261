"""Typed average rows of `Sasaran` checked against the computed capaian.

The reader leaves such a row out of the indicators and keeps its figure; only here, with the
capaian computed by the workbook's own settings, can it be compared: with the average capaian
of the IKU (the figure the report prints), of one sasaran, or of every indicator.
"""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.calc import Results
from lkjip_xl.calc.indicators import mean
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import Workbook
from lkjip_xl.read.summary_rows import figures_match


def typed_average_findings(wb: Workbook, results: Results) -> list[Finding]:
    candidates = [(results.capaian_iku, "rata-rata capaian IKU")]
    candidates += [(s.capaian, f"rata-rata capaian sasaran {s.code}") for s in results.sasaran]
    candidates.append(
        (mean(r.capaian.value for r in results.indicators), "rata-rata capaian semua indikator")
    )
    known = [(v, what) for v, what in candidates if v is not None]
    findings = []
    for fig in wb.typed_averages:
        if not known:
            continue
        if any(figures_match(fig.value, v) for v, _ in known):
            findings.append(
                finding(
                    "summary-row",
                    fig.sheet,
                    fig.cell,
                    label=fig.label,
                    kind="rata-rata",
                    checked="Angkanya cocok dengan hitungan alat.",
                )
            )
            continue
        value, what = known[0]
        findings.append(
            finding(
                "summary-mismatch",
                fig.sheet,
                fig.cell,
                column=fig.column,
                label=fig.label,
                given=fmt_number(fig.value, None),
                what=what,
                computed=fmt_number(value, None),
                difference=fmt_number(fig.value - value, None),
            )
        )
    return findings
