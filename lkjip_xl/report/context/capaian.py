"""BAB III 3.1 Capaian Kinerja: the predikat scale and the average capaian of the IKU."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number, fmt_percent
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, draft

Bands = tuple[tuple[float, str], ...]


def capaian(src: Source) -> Context:
    results = src.results
    return {
        "rata_rata_iku": fmt_percent(results.capaian_iku),
        "predikat_iku": results.predikat_iku,
        "kalimat_rata_rata": draft(nv.overall_sentence(results, src.identity)),
        "kalimat_metode": method_sentence(src),
        "kalimat_metode_efisiensi": efficiency_method(src),
        "skala": [
            {"batas": band_text(results.bands, i), "predikat": label}
            for i, (_, label) in enumerate(results.bands)
        ],
    }


def band_text(bands: Bands, i: int) -> str:
    """The range of the i-th band (best first): '≥ 91%', '76% s.d. < 91%', '< 51%'."""
    lower = bands[i][0]
    upper = bands[i - 1][0] if i > 0 else None
    if lower == float("-inf"):
        return f"< {fmt_number(upper, None)}%"
    if upper is None:
        return f"≥ {fmt_number(lower, None)}%"
    return f"{fmt_number(lower, None)}% s.d. < {fmt_number(upper, None)}%"


def method_sentence(src: Source) -> str:
    """How capaian is computed, as the workbook's settings say (Identitas)."""
    settings = src.wb.settings
    negative = (
        "Target / Realisasi × 100%"
        if settings.negative_formula == "ratio"
        else "(2 × Target − Realisasi) / Target × 100%"
    )
    text = (
        "Capaian indikator berpolaritas positif dihitung dengan rumus Realisasi / Target × 100%; "
        f"indikator berpolaritas negatif (makin rendah makin baik) dengan rumus {negative}."
    )
    if settings.cap is not None:
        text += f" Capaian dibatasi paling tinggi {fmt_number(settings.cap, None)}%."
    average = (
        "rata-rata capaian sasaran"
        if settings.average_mode == "targets"
        else ("rata-rata capaian seluruh indikator kinerja utama")
    )
    return text + f" Capaian keseluruhan adalah {average}. Predikat capaian memakai skala berikut."


def efficiency_method(src: Source) -> str:
    if src.wb.settings.efficiency_rule == "threshold":
        return (
            "Suatu sasaran dinilai efisien bila capaian kinerjanya paling sedikit 100% dan "
            "persentase serapan anggaran program pendukungnya lebih kecil dari capaian tersebut."
        )
    return (
        "Tingkat efisiensi = persentase capaian kinerja sasaran / persentase serapan anggaran "
        "program yang mendukungnya; nilai ≥ 1 berarti efisien."
    )
