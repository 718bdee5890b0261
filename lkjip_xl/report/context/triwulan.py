"""The quarterly monitoring report (Laporan Pemantauan Rencana Aksi, DOMAIN_RULES §10) as a
template context: per indicator of `Rencana Aksi` the quarter's and the cumulative target and
realisasi, the capaian to date and its predikat; the action rows with their progress against
the year's target; the obstacles and follow-up staff wrote in `Narasi`; the camat's signature."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from docxtpl import RichText

from lkjip_xl.base.formatting import fmt_date, fmt_number
from lkjip_xl.calc import Results
from lkjip_xl.calc.action_plan import ActionPlanLine, progress, quarter_name
from lkjip_xl.calc.indicators import predikat
from lkjip_xl.calc.pk import Signatory
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.quarters import CUMULATIVE
from lkjip_xl.contract.records import Workbook
from lkjip_xl.contract.schema import QUARTER_NUMERALS
from lkjip_xl.report.context.pk import kabupaten_line, signatory
from lkjip_xl.report.context.values import draft, own, paragraphs
from lkjip_xl.report.narrative import value_text

Context = dict[str, Any]


def triwulan_context(
    wb: Workbook,
    results: Results,
    quarter: int,
    charts: list[Context],
    today: dt.date,
) -> Context:
    """`charts`: one `{grafik, judul}` per charted indicator (report/quarterly.py draws them)."""
    ident = wb.identity
    tw = quarter_name(quarter)
    lines = results.action_plan
    camat = (
        results.agreements[0].pihak_pertama
        if results.agreements
        else Signatory(ident.nama_camat, f"Camat {ident.kecamatan}", ident.pangkat_camat)
    )
    indicators = [ln for ln in lines if ln.source.kind == "indicator"]
    return {
        "tw": tw,
        "tahun": ident.tahun or "",
        "kecamatan": ident.kecamatan,
        "kecamatan_upper": ident.kecamatan.upper(),
        "kabupaten_upper": kabupaten_line(ident.kabupaten),
        "pengantar": (
            f"Laporan ini memuat pemantauan Rencana Aksi Kecamatan {ident.kecamatan} sampai "
            f"dengan Triwulan {tw} Tahun {ident.tahun or ''}: target dan realisasi setiap "
            "indikator kinerja pada triwulan ini dan secara kumulatif, capaian dan predikatnya, "
            "serta kemajuan setiap rencana aksi terhadap target tahunannya."
        ),
        "indikator": [
            _indicator_row(i, ln, quarter, results) for i, ln in enumerate(indicators, 1)
        ],
        "ada_kumulatif": any(ln.mode == CUMULATIVE for ln in indicators),
        "aksi": _action_rows(lines, quarter, wb),
        "grafik": charts,
        "penghambat": _passage(wb.narrative, "penghambat_triwulan", quarter, "faktor penghambat"),
        "tindak_lanjut": _passage(wb.narrative, "tindak_lanjut_triwulan", quarter, "tindak lanjut"),
        "camat": signatory(camat),
        "tempat": ident.tempat,
        "tanggal": fmt_date(today),
    }


def _show(m: Measure, satuan: str) -> str:
    return m.text if not m.available and m.text else value_text(m, satuan)


def _indicator_row(no: int, ln: ActionPlanLine, quarter: int, results: Results) -> Context:
    q = ln.quarters[quarter - 1]
    satuan = ln.source.satuan
    mark = " *" if ln.mode == CUMULATIVE else ""
    return {
        "no": str(no),
        "indikator": ln.source.indikator + mark,
        "target": _show(q.target, satuan),
        "realisasi": _show(q.realisasi, satuan),
        "target_kumulatif": _show(q.target_to_date, satuan),
        "realisasi_kumulatif": _show(q.realisasi_to_date, satuan),
        "capaian": fmt_number(q.capaian_to_date.value, 2),
        "predikat": predikat(q.capaian_to_date.value, results.bands)
        if q.capaian_to_date.value is not None
        else "-",
    }


def _action_rows(lines: tuple[ActionPlanLine, ...], quarter: int, wb: Workbook) -> list[Context]:
    out: list[Context] = []
    for ln in lines:
        if ln.source.kind != "action":
            continue
        q = ln.quarters[quarter - 1]
        name = ln.source.rencana_aksi or ln.source.indikator
        if ln.source.kode:
            name = f"{name} ({ln.source.kode})"
        satuan = ln.source.satuan
        out.append(
            {
                "no": str(len(out) + 1),
                "aksi": name,
                "target": _show(ln.annual, satuan),
                "target_kumulatif": _show(q.target_to_date, satuan),
                "realisasi_kumulatif": _show(q.realisasi_to_date, satuan),
                "progres": fmt_number(progress(ln, quarter, wb.settings).value, 2),
                "penanggung_jawab": ln.source.penanggung_jawab,
            }
        )
    return out


def _passage(narrative: Mapping[str, str], family: str, quarter: int, what: str) -> list[RichText]:
    """Staff's text for this quarter (`Penghambat Triwulan II` in Narasi), else a marked note
    saying where to write it."""
    for key, text in narrative.items():
        name, _, code = key.partition(":")
        if name == family and QUARTER_NUMERALS.get(code.strip().upper()) == quarter:
            return [own(p) for p in paragraphs(text)]
    label = "Penghambat" if family.startswith("penghambat") else "Tindak Lanjut"
    return [
        draft(
            f"[Tuliskan {what} triwulan {quarter_name(quarter)} di sheet Narasi, Bagian "
            f"'{label} Triwulan {quarter_name(quarter)}'.]"
        )
    ]
