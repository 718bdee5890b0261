"""Names and numbers of `Identitas` typed the way staff write them on a letter.

`Kecamatan Paser Belengkong` in `Kecamatan` becomes `Paser Belengkong` (the draft writes
"Kecamatan …" itself, so the word would print twice). `Kabupaten/Kota` keeps its leading word:
the draft prints the value as written ("PEMERINTAH KABUPATEN PASER"), and only the word tells a
Kabupaten from a Kota; an abbreviation (`Kab. Paser`) is written out and a missing word is a
warning. `NIP. 19660613 199603 1 001` loses its label. Each cleaning is a note (`info`).
"""

from __future__ import annotations

import re

from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.read.kinds import text_of

_KECAMATAN_WORD = re.compile(r"^\s*(kecamatan|kec\s*\.?)\s+(?=\S)", re.IGNORECASE)
_GOVERNMENT_WORD = re.compile(r"^\s*pemerintah(an)?\s+(?=\S)", re.IGNORECASE)
_KAB_ABBREVIATION = re.compile(r"^\s*kab\s*\.?\s+(?=\S)", re.IGNORECASE)
_KAB_WORD = re.compile(r"^\s*(kabupaten|kota)\s+\S", re.IGNORECASE)
_NIP_LABEL = re.compile(r"^\s*(n\s*\.?\s*i\s*\.?\s*p\s*\.?)\s*[:.]?\s*(?=\d)", re.IGNORECASE)


def clean_kecamatan(text: str, sheet: str, ref: str, findings: list[Finding]) -> str:
    m = _KECAMATAN_WORD.match(text)
    if m is None:
        return text
    cleaned = text[m.end() :].strip()
    findings.append(
        finding(
            "name-cleaned",
            sheet,
            ref,
            value=text,
            cleaned=cleaned,
            reason=f"draf sudah menulis 'Kecamatan {cleaned}'; cukup ketik nama kecamatannya",
        )
    )
    return cleaned


def clean_kabupaten(text: str, sheet: str, ref: str, findings: list[Finding]) -> str:
    cleaned, reasons = text, []
    if m := _GOVERNMENT_WORD.match(cleaned):
        cleaned = cleaned[m.end() :]
        reasons.append("draf sudah menulis 'PEMERINTAH' di sampul")
    if m := _KAB_ABBREVIATION.match(cleaned):
        cleaned = "Kabupaten " + cleaned[m.end() :]
        reasons.append("singkatan 'Kab.' ditulis lengkap")
    if reasons:
        findings.append(
            finding(
                "name-cleaned", sheet, ref, value=text, cleaned=cleaned, reason="; ".join(reasons)
            )
        )
    if not _KAB_WORD.match(cleaned):
        findings.append(
            finding("kabupaten-word-missing", sheet, ref, value=cleaned, upper=cleaned.upper())
        )
    return cleaned


def clean_nip(raw: object, sheet: str, ref: str, findings: list[Finding]) -> str:
    """The NIP as text, its label removed; a finding when it is not 18 digits (spaces allowed)."""
    text = text_of(raw)
    digits = "".join(ch for ch in text if ch.isdigit())
    if isinstance(raw, float | int) and len(digits) >= 16:
        # Excel keeps 15 significant digits: an 18-digit NIP typed as a number has lost its tail.
        findings.append(
            finding(
                "nip-invalid",
                sheet,
                ref,
                value=text,
                digits=f"{len(digits)} (tersimpan sebagai angka, "
                "digit akhirnya hilang; ketik dengan tanda petik di depan, mis. '1966…)",
            )
        )
        return text
    if m := _NIP_LABEL.match(text):
        cleaned = text[m.end() :].strip()
        findings.append(
            finding("nip-label-removed", sheet, ref, label=m.group(1).strip(), cleaned=cleaned)
        )
        text = cleaned
    others = sorted({ch for ch in text if not (ch.isdigit() or ch.isspace())})
    if others:
        chars = "tanda " + ", ".join(f"'{ch}'" for ch in others)
        findings.append(finding("nip-characters", sheet, ref, value=text, chars=chars))
    elif len(digits) != 18:
        findings.append(finding("nip-invalid", sheet, ref, value=text, digits=len(digits)))
    return text
