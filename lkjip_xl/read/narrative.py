"""The `Narasi` sheet: staff's own text per part of the report.

`Bagian` names a fixed part (Latar Belakang, Landasan Hukum …) or a part of a family written
once per sasaran or program: `Analisis Sasaran S1`, `Analisis Program 7.01.01`, read under the
key `analisis_sasaran:S1`. A family part must name a Kode Sasaran of `Sasaran` or a code of
`Anggaran`. Line breaks are kept: they separate paragraphs and list items.
"""

from __future__ import annotations

from collections.abc import Collection

from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.schema import (
    NARRATIVE_PART,
    NARRATIVE_PART_FAMILIES,
    QUARTER_NARRATIVE_FAMILIES,
    QUARTER_NUMERALS,
    narrative_part,
)
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.kinds import strip_markers
from lkjip_xl.read.locate import Table


def read_narrative(
    table: Table,
    findings: list[Finding],
    sasaran_codes: Collection[str],
    budget_codes: Collection[str],
) -> dict[str, str]:
    """Part key → the staff's text, line breaks kept."""
    cells = CellReader(table, findings)
    narrative = {}
    for r in table.data_rows:
        label, text = cells.text(r, "bagian"), cells.text(r, "teks")
        if not label:
            continue
        key = narrative_part(label)
        ref = cells.ref(r, "bagian")
        if key is None:
            findings.append(
                finding(
                    "choice-invalid",
                    cells.sheet,
                    ref,
                    value=label,
                    column="Bagian",
                    choices=", ".join(NARRATIVE_PART.labels)
                    + ", "
                    + ", ".join(f"{name} <kode>" for name, _ in NARRATIVE_PART_FAMILIES),
                ),
            )
            continue
        if not _known(key, label, sasaran_codes, budget_codes, cells.sheet, ref, findings):
            continue
        if text:
            raw = table.grid.value(r, table.columns["teks"])
            narrative[key] = strip_markers(str(raw)).strip()
    return narrative


def _known(
    key: str,
    label: str,
    sasaran_codes: Collection[str],
    budget_codes: Collection[str],
    sheet: str,
    ref: str,
    findings: list[Finding],
) -> bool:
    """A family part must name something that exists."""
    family, _, code = key.partition(":")
    if not code:
        return True
    known: Collection[str]
    if family in QUARTER_NARRATIVE_FAMILIES:
        known, what, sheet_ref = QUARTER_NUMERALS.keys(), "Triwulan", "Rencana Aksi"
        code = code.upper()
    elif family == "analisis_sasaran":
        known, what, sheet_ref = sasaran_codes, "Kode Sasaran", "Sasaran"
    else:
        known, what, sheet_ref = budget_codes, "Kode program", "Anggaran"
    if code in known:
        return True
    findings.append(
        finding(
            "narasi-reference-unknown",
            sheet,
            ref,
            value=label,
            what=what,
            code=code,
            sheet_ref=sheet_ref,
            example=", ".join(sorted(known)[:3]) or "(belum ada kode)",
        )
    )
    return False
