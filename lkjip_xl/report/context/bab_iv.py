"""BAB IV Penutup: kesimpulan (drawn from the figures in other words than the Ikhtisar),
permasalahan, saran and langkah perbaikan. A part with nothing to say is left out."""

from __future__ import annotations

from docxtpl import RichText

from lkjip_xl.base.formatting import fmt_percent
from lkjip_xl.calc import Results
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context
from lkjip_xl.report.narrative import count_text

SARAN = (
    "Meningkatkan kualitas perencanaan kinerja agar target yang ditetapkan terukur dan "
    "realistis.\n"
    "Memperkuat pengumpulan dan pendokumentasian data kinerja setiap triwulan sesuai Rencana "
    "Aksi.\n"
    "Meningkatkan koordinasi antar seksi dan dengan perangkat daerah terkait untuk mendukung "
    "pencapaian sasaran strategis."
)


def bab_iv(src: Source) -> Context:
    results = src.results
    problems = _problems(results)
    return {
        "kesimpulan": src.passage("kesimpulan", _conclusion(src)),
        "permasalahan": src.passage("permasalahan", problems)
        if problems or _given(src, "permasalahan")
        else [],
        "saran": src.passage("saran", SARAN),
        "langkah_perbaikan": _optional(src, "langkah_perbaikan"),
    }


def _given(src: Source, key: str) -> bool:
    return bool(src.wb.narrative.get(key))


def _optional(src: Source, key: str) -> list[RichText]:
    return src.passage(key, "") if _given(src, key) else []


def _conclusion(src: Source) -> str:
    """The year's performance judged as a whole: which sasaran met their targets, how the
    budget was used, and what follows (the Ikhtisar gives the figures; this reads them)."""
    results, kec, year = src.results, src.kecamatan, src.year
    sasaran = [s for s in results.sasaran if s.capaian is not None]
    met = [s for s in sasaran if s.capaian is not None and s.capaian >= 100]
    lines = []
    if results.capaian_iku is not None:
        lines.append(
            f"Secara umum kinerja Kecamatan {kec} tahun {year} berada pada predikat "
            f"{results.predikat_iku}: {count_text(len(met), '')}dari "
            f"{count_text(len(sasaran), 'sasaran strategis')} yang dapat diukur telah mencapai "
            "atau melampaui targetnya."
        )
    below = [r for r in results.indicators if r.capaian.value is not None and r.capaian.value < 100]
    if below:
        lines.append(
            f"Sebanyak {count_text(len(below), 'indikator')} belum mencapai target dan menjadi "
            "perhatian pada tahun berikutnya."
        )
    t = results.budget_totals
    if t.serapan is not None:
        efficient = [s for s in results.sasaran if s.efisien == "Efisien"]
        lines.append(
            f"Anggaran terserap {fmt_percent(t.serapan)}"
            + (
                f", dan {count_text(len(efficient), 'sasaran')} menggunakan sumber dayanya secara "
                "efisien."
                if results.sasaran
                else "."
            )
        )
    return "\n".join(lines)


def _problems(results: Results) -> str:
    """One line per indicator below target or not measured; '' when there is none."""
    lines = [
        f"Indikator “{r.source.indikator}” belum mencapai target (capaian {fmt_percent(value)})."
        for r in results.indicators
        if (value := r.capaian.value) is not None and value < 100
    ]
    lines += [
        f"Indikator “{r.source.indikator}” belum dapat diukur."
        for r in results.indicators
        if not r.capaian.available
    ]
    return "\n".join(lines)
