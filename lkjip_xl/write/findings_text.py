"""Findings shown to a person (a table in the terminal) or to a program (JSON)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping
from typing import Any

from lkjip_xl.contract.findings import Finding

_SEVERITY_ID = {"error": "KESALAHAN", "warning": "peringatan", "info": "catatan"}


def findings_table(findings: list[Finding], width: int = 100) -> str:
    if not findings:
        return ""
    rows = [("Sheet", "Sel", "Jenis", "Kode", "Pesan")]
    rows += [
        (f.sheet or "-", f.cell or "-", _SEVERITY_ID[f.severity.value], f.code, f.message)
        for f in findings
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    message_width = max(30, width - sum(widths) - 8)
    lines = []
    for i, r in enumerate(rows):
        wrapped = textwrap.wrap(r[4], message_width) or [""]
        head = "  ".join(r[j].ljust(widths[j]) for j in range(4))
        lines.append(f"{head}  {wrapped[0]}")
        lines += [" " * (len(head) + 2) + w for w in wrapped[1:]]
        if i == 0:
            lines.append("-" * min(width, len(head) + 2 + message_width))
    return "\n".join(lines)


def summary_line(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    notes = sum(f.is_info for f in findings)
    warns = len(findings) - errors - notes
    noted = f"; {notes} catatan" if notes else ""
    if errors:
        return (
            f"Ditemukan {errors} kesalahan dan {warns} peringatan{noted}. "
            "Perbaiki kesalahan lalu periksa ulang."
        )
    if warns:
        return f"Tidak ada kesalahan; {warns} peringatan perlu dibaca{noted}."
    if notes:
        return f"Tidak ada kesalahan maupun peringatan; {notes} catatan tentang cara buku kerja dibaca."
    return "Tidak ada kesalahan maupun peringatan."


def findings_json(findings: list[Finding], **extra: object) -> str:
    payload = {
        "valid": not any(f.is_error for f in findings),
        "errors": sum(f.is_error for f in findings),
        "warnings": sum(not f.is_error and not f.is_info for f in findings),
        "infos": sum(f.is_info for f in findings),
        "findings": [f.as_dict() for f in findings],
        **extra,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def headline_text(data: Mapping[str, Any]) -> str:
    """The headline figures of a `compute` result, for a person reading a terminal."""
    from lkjip_xl.base.formatting import fmt_number, fmt_percent, fmt_rupiah

    ident, avg, total = data["identitas"], data["rata_rata"], data["anggaran"]["total"]
    lines = [
        f"Kecamatan {ident['kecamatan']} tahun {ident['tahun']}",
        f"Rata-rata capaian IKU : {fmt_percent(avg['capaian_iku'])} ({avg['predikat_iku']})",
    ]
    if data["skm"] and data["skm"]["ikm"] is not None:
        skm = data["skm"]
        lines.append(
            f"IKM                  : {fmt_number(skm['ikm'])} mutu {skm['mutu']} ({skm['kinerja']}), "
            f"{skm['responden']} responden, bobot {skm['bobot_label']}"
        )
    lines += [
        f"Pagu                 : {fmt_rupiah(total['pagu'])}",
        f"Realisasi            : {fmt_rupiah(total['realisasi'])} ({fmt_percent(total['serapan'])})",
    ]
    for s in data["sasaran"]:
        lines.append(
            f"  {s['kode']}: capaian {fmt_percent(s['capaian'])}, serapan {fmt_percent(s['serapan'])}, "
            f"efisiensi {fmt_number(s['efisiensi'])} {s['kategori_efisiensi'] or ''}".rstrip()
        )
    return "\n".join(lines)
