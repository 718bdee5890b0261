"""BAB II Perencanaan Kinerja: visi, misi, tujuan, sasaran, IKU and the Perjanjian Kinerja."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context


def bab_ii(src: Source) -> Context:
    ident, results = src.identity, src.results
    programs = [b for b in results.budget if b.level == "program"]
    return {
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
