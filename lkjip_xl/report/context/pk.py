"""The Perjanjian Kinerja as a template context (DOMAIN_RULES §11): one dict per agreement,
the same for the standalone PK documents and for the LKjIP's lampiran, so one template block
(scripts/build_docx_template.py: `perjanjian_kinerja`) renders every PK wherever it appears."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lkjip_xl.base.formatting import fmt_date, fmt_number
from lkjip_xl.calc.pk import AgreementProgram, AgreementTarget, PerformanceAgreement, Signatory
from lkjip_xl.contract.records import Identity
from lkjip_xl.report.narrative import value_text

Context = dict[str, Any]
_LEVELS = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}


def agreement_contexts(
    agreements: Sequence[PerformanceAgreement], identity: Identity
) -> list[Context]:
    """Every PK, the camat's first, then each pejabat's in `PK Berjenjang` order."""
    return [agreement_context(a, identity) for a in agreements]


def agreement_context(a: PerformanceAgreement, identity: Identity) -> Context:
    unit = f"KECAMATAN {identity.kecamatan}".upper()
    return {
        "tahun": a.year or "",
        "judul": f"PERJANJIAN KINERJA TAHUN {a.year or ''}".strip(),
        "unit": unit if a.is_camat else f"{a.pihak_pertama.jabatan} {unit}".upper(),
        "kabupaten": kabupaten_line(identity.kabupaten),
        "pertama": signatory(a.pihak_pertama),
        "kedua": signatory(a.pihak_kedua),
        "tempat": a.place,
        "tanggal": fmt_date(a.date),
        "target": _targets(a.targets),
        "program": _programs(a.programs),
        "jumlah": fmt_number(a.jumlah, 0),
        "camat": a.is_camat,
    }


def kabupaten_line(name: str) -> str:
    """'KABUPATEN PASER'; a name typed with its kind ('Kabupaten Paser', 'Kota …') as typed."""
    if not name:
        return ""
    typed = name.strip().upper()
    return typed if typed.startswith(("KABUPATEN", "KOTA")) else f"KABUPATEN {typed}"


def _target_text(t: AgreementTarget) -> str:
    """As typed where it was typed as text ("0,40", "B (61)", "23/14"), else formatted; a
    number with its unit ('10 kasus', '75%')."""
    typed = t.target.text.strip()
    if t.target.number is None or t.target.letter:
        return typed or value_text(t.target, t.satuan)
    shown = typed or value_text(t.target, t.satuan)
    if shown.endswith("%"):
        return shown
    percent = t.satuan.strip().lower() in ("%", "persen")
    return shown + ("%" if percent else _unit(t.satuan))


def _unit(satuan: str) -> str:
    """' kasus' after a count; nothing for percent, a score or an index (as the draft writes)."""
    unit = satuan.strip()
    bare = unit.lower() in ("", "%", "persen", "nilai", "angka", "indeks", "indeks/nilai")
    return "" if bare else f" {unit}"


def signatory(s: Signatory) -> Context:
    """A signature block's lines; an empty pangkat or NIP leaves its line empty, not 'NIP. '."""
    return {
        "nama": s.nama or "…………………………",
        "jabatan": s.jabatan,
        "pangkat": s.pangkat,
        "nip": f"NIP. {s.nip}" if s.nip else "",
    }


def _targets(targets: Sequence[AgreementTarget]) -> list[Context]:
    """One row per indicator; a sasaran is numbered and named once, on its first row."""
    out, previous, no = [], None, 0
    for t in targets:
        first = t.sasaran != previous
        no += first
        previous = t.sasaran
        shown = _target_text(t)
        out.append(
            {
                "no": str(no) if first else "",
                "sasaran": t.sasaran if first else "",
                "indikator": t.indikator,
                "target": shown,
            }
        )
    return out


def _programs(programs: Sequence[AgreementProgram]) -> list[Context]:
    return [
        {
            "no": str(i),
            "uraian": _program_name(p),
            "anggaran": fmt_number(p.pagu, 0),
            "ket": p.sumber_dana + (" (bagian)" if p.share else ""),
        }
        for i, p in enumerate(programs, start=1)
    ]


def _program_name(p: AgreementProgram) -> str:
    name = p.uraian or p.kode
    if p.level != "program" and not name.lower().startswith(_LEVELS[p.level].lower()):
        name = f"{_LEVELS[p.level]} {name}"
    return f"{name} ({p.kode})" if p.kode and p.uraian else name
