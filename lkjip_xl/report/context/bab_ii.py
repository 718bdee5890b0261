"""BAB II Perencanaan Kinerja: visi, misi, tujuan, sasaran, IKU and the Perjanjian Kinerja."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number, fmt_rupiah
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, draft
from lkjip_xl.report.narrative import count_text


def bab_ii(src: Source) -> Context:
    ident, results = src.identity, src.results
    programs = [b for b in results.budget if b.level == "program"]
    return {
        "kalimat_pk": [draft(_pk_sentence(src, len(programs)))],
        "rencana_strategis": src.passage("rencana_strategis", _renstra_text(src))
        if src.wb.narrative.get("rencana_strategis") or _renstra_text(src)
        else [],
        "rencana_kerja_tahunan": src.passage("rencana_kerja_tahunan", _rkt_text(src)),
        "visi": ident.visi or "-",
        "misi": list(ident.misi),
        "periode_renstra": ident.periode_renstra or "-",
        "nomor_iku": ident.nomor_iku or "-",
        "tujuan": sorted({r.source.tujuan for r in results.indicators if r.source.tujuan}),
        "sasaran_list": [
            {"no": n, "sasaran": s.sasaran} for n, s in enumerate(results.sasaran, start=1)
        ],
        "program_pk": [
            {
                "no": i,
                "uraian": p.uraian,
                "pagu": fmt_number(p.pagu, 0),
                "sumber_dana": p.sumber_dana or "APBD",
            }
            for i, p in enumerate(programs, start=1)
        ],
    }


def _pk_sentence(src: Source, programs: int) -> str:
    """What the Perjanjian Kinerja holds, counted the Indonesian way."""
    results = src.results
    iku = [r for r in results.indicators if r.source.iku and r.source.tingkat == "sasaran"]
    others = len(results.indicators) - len(iku)
    text = (
        f"Perjanjian Kinerja Kecamatan {src.kecamatan} Tahun {src.year} memuat "
        f"{count_text(len(results.sasaran), 'sasaran strategis')} dengan "
        f"{count_text(len(iku), 'indikator kinerja utama')}"
    )
    if others:
        text += f" dan {count_text(others, 'indikator kinerja lainnya')}"
    if programs:
        pagu = results.budget_totals.pagu
        text += (
            f", didukung {count_text(programs, 'program')} dengan anggaran "
            f"{fmt_rupiah(pagu, cents=False)}"
        )
    return text + ", sebagaimana tabel berikut."


def _renstra_text(src: Source) -> str:
    period = src.identity.periode_renstra
    if not period:
        return ""
    return (
        f"Rencana Strategis Kecamatan {src.kecamatan} periode {period} memuat visi, misi, "
        "tujuan, sasaran strategis, strategi dan arah kebijakan sebagai berikut."
    )


def _rkt_text(src: Source) -> str:
    """The year's work plan from Anggaran: how many programs, kegiatan and sub kegiatan."""
    t = src.results.budget_totals
    return (
        f"Rencana kerja tahunan Kecamatan {src.kecamatan} tahun {src.year} dilaksanakan melalui "
        f"{count_text(t.programs, 'program')}, {count_text(t.kegiatan, 'kegiatan')} dan "
        f"{count_text(t.sub_kegiatan, 'sub kegiatan')} dengan pagu "
        f"{fmt_rupiah(t.pagu, cents=False)}, untuk mencapai sasaran strategis yang ditetapkan "
        "dalam Perjanjian Kinerja."
    )
