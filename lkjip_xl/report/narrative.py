"""Drafted sentences built from the figures, in the words LKjIP reports use.

Each function returns plain Indonesian text; the context marks it as a draft to review.
"""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number, fmt_percent, fmt_rupiah, terbilang
from lkjip_xl.calc import IndicatorResult, Results, SasaranResult
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import Identity


def value_text(m: Measure, satuan: str = "") -> str:
    """A target/realisasi as written: 'B (62,08)', '86,29', '100%'."""
    if not m.available:
        return "-"
    if m.letter:
        return m.text or m.letter
    number = fmt_number(m.number, None)
    unit = satuan.strip()
    if unit in ("%", "persen", "Persen"):
        return number + "%"
    return number


def _unit(satuan: str) -> str:
    """The unit after a figure inside a sentence, in lower case ('12 dokumen')."""
    unit = satuan.strip()
    return (
        ""
        if unit in ("", "%", "persen", "Persen") or unit.lower() in ("nilai", "angka", "indeks")
        else " " + unit.lower()
    )


def sentence_value(m: Measure, satuan: str = "") -> str:
    """A figure inside a sentence: a letter with its number reads 'BB (nilai 70)', so that no
    bracket opens inside another."""
    if m.available and m.letter and m.number is not None:
        return f"{m.letter} (nilai {fmt_number(m.number, None)})"
    return value_text(m, satuan) + _unit(satuan)


def indicator_sentence(r: IndicatorResult, year: int | None) -> str:
    ind = r.source
    t = sentence_value(ind.target, ind.satuan)
    real = sentence_value(ind.realisasi, ind.satuan)
    year_text = f" tahun {year}" if year else ""
    c = r.capaian.value
    if c is None:
        why = r.capaian.reason or "data belum tersedia"
        return (
            f"Indikator “{ind.indikator}”{year_text} memiliki target {t} dengan realisasi {real}; capaiannya belum dapat diukur ({why}). "
            "Lengkapi data ini sebelum laporan ditandatangani."
        )
    status = (
        "melampaui target"
        if c > 100
        else ("mencapai target" if c >= 100 else "belum mencapai target")
    )
    polarity = ""
    if ind.polarity == "negative":
        polarity = (
            " Indikator ini berpolaritas negatif (makin rendah makin baik), sehingga realisasi di bawah target "
            "berarti kinerja lebih baik."
        )
    text = (
        f"Target kinerja indikator “{ind.indikator}”{year_text} sebesar {t} dan realisasi {real}, "
        f"sehingga capaian {fmt_percent(c)} dengan predikat {r.predikat}; indikator ini {status}.{polarity}"
    )
    if r.capaian.uncapped is not None and r.capaian.uncapped != c:
        text += f" (Capaian sebelum dibatasi {fmt_percent(r.capaian.uncapped)}.)"
    if r.capaian_lalu.available and year:
        text += " " + _versus_last_year(r, year)
    elif ind.realisasi_lalu.available and year and r.tren:
        text += (
            f" Dibanding realisasi tahun {year - 1} sebesar "
            f"{sentence_value(ind.realisasi_lalu, ind.satuan)}, kinerja {r.tren.lower()}."
        )
    if r.kemajuan_renstra.available:
        text += (
            " Terhadap target akhir Renstra sebesar "
            f"{sentence_value(ind.target_renstra, ind.satuan)}, kemajuan yang telah dicapai "
            f"{fmt_percent(r.kemajuan_renstra.value)}."
        )
    if r.versus_standar:
        text += (
            f" Realisasi ini {r.versus_standar} standar nasional sebesar "
            f"{sentence_value(ind.standar_nasional, ind.satuan)}."
        )
    return text


def _versus_last_year(r: IndicatorResult, year: int) -> str:
    """Last year's realisasi and capaian against this year's; when the realisasi rose while the
    capaian fell (a higher target), or the reverse, the sentence says both."""
    ind = r.source
    change = {"Meningkat": "meningkat", "Menurun": "menurun", "Tetap": "tetap"}.get(r.tren, "")
    text = (
        f"Dibanding tahun {year - 1} (realisasi {sentence_value(ind.realisasi_lalu, ind.satuan)}, "
        f"capaian {fmt_percent(r.capaian_lalu.value)}), capaian tahun ini {change}"
    )
    now, before = ind.realisasi.number, ind.realisasi_lalu.number
    if now is None or before is None or now == before:
        return text + "."
    rose = now > before
    if change == "menurun" and rose == (ind.polarity != "negative"):
        return text + ", walaupun realisasinya membaik, karena targetnya lebih tinggi."
    if change == "meningkat" and rose != (ind.polarity != "negative"):
        return text + ", walaupun realisasinya lebih rendah, karena targetnya lebih ringan."
    return text + "."


def sasaran_sentence(s: SasaranResult, year: int | None) -> str:
    if s.capaian is None:
        return f"Capaian sasaran “{s.sasaran}” tahun {year} belum dapat diukur karena data indikatornya belum lengkap."
    n = len(s.indicators)
    text = (
        f"Sasaran “{s.sasaran}” diukur dengan {count_text(n, 'indikator')}; rata-rata capaiannya {fmt_percent(s.capaian)} "
        f"dengan predikat {s.predikat}."
    )
    if s.serapan is not None:
        text += (
            f" Program yang mendukung sasaran ini menyerap {fmt_rupiah(s.realisasi)} dari pagu "
            f"{fmt_rupiah(s.pagu)} ({fmt_percent(s.serapan)}), sehingga tingkat efisiensinya "
            f"{fmt_number(s.efisiensi)} ({s.efisien.lower() if s.efisien else 'tidak dapat dihitung'})."
        )
    return text


def overall_sentence(results: Results, identity: Identity) -> str:
    n = len([r for r in results.indicators if r.source.iku and r.source.tingkat == "sasaran"])
    if results.capaian_iku is None:
        return "Rata-rata capaian indikator kinerja utama belum dapat dihitung karena realisasinya belum tersedia."
    measured = sum(1 for s in results.sasaran for r in s.indicators if r.capaian.available)
    text = (
        f"Rata-rata capaian {count_text(n, 'indikator kinerja utama')} Kecamatan {identity.kecamatan} tahun {identity.tahun} "
        f"sebesar {fmt_percent(results.capaian_iku)} dengan predikat {results.predikat_iku}."
    )
    if measured < n:
        text += (
            f" {count_text(n - measured, 'indikator')} belum dapat diukur dan tidak dihitung "
            "dalam rata-rata."
        )
    return text


def budget_sentence(results: Results, identity: Identity) -> str:
    t = results.budget_totals
    text = (
        f"Pada tahun {identity.tahun}, jumlah anggaran Kecamatan {identity.kecamatan} sebesar {fmt_rupiah(t.pagu)} "
        f"({terbilang(t.pagu)}) untuk {count_text(t.programs, 'program')}, "
        f"{count_text(t.kegiatan, 'kegiatan')} dan {count_text(t.sub_kegiatan, 'sub kegiatan')}. "
        f"Realisasi belanja sebesar {fmt_rupiah(t.realisasi)} atau {fmt_percent(t.serapan)}, "
        f"dengan sisa anggaran {fmt_rupiah(t.sisa)}."
    )
    if t.perubahan is not None:
        word = "bertambah" if t.perubahan >= 0 else "berkurang"
        text += (
            f" Melalui perubahan APBD, pagu {word} {fmt_rupiah(abs(t.perubahan))} dari "
            f"{fmt_rupiah(t.pagu_sebelum)} sebelum perubahan."
        )
    return text


def skm_sentence(results: Results) -> str:
    k = results.skm
    if k is None or k.ikm is None:
        return "Survei Kepuasan Masyarakat belum dilaksanakan atau datanya belum diisi."
    rated = [(e.nrr, e) for e in k.elements if e.nrr is not None]
    best = max(rated, key=lambda pair: pair[0])[1]
    worst = min(rated, key=lambda pair: pair[0])[1]
    text = (
        f"Survei Kepuasan Masyarakat diikuti {fmt_number(k.respondents, 0)} responden atas "
        f"{count_text(len(k.elements), 'unsur pelayanan')}. Indeks Kepuasan Masyarakat (IKM) sebesar {fmt_number(k.ikm)}, mutu "
        f"pelayanan {k.mutu} dengan kinerja unit pelayanan “{k.kinerja}” (bobot tiap unsur {k.weight_label}). "
        f"Nilai tertinggi pada unsur {best.name} (NRR {fmt_number(best.nrr)}) dan terendah pada unsur "
        f"{worst.name} (NRR {fmt_number(worst.nrr)}), yang menjadi prioritas perbaikan."
    )
    if k.minimum_sample and k.respondents < k.minimum_sample:
        text += (
            f" Jumlah responden masih di bawah sampel minimal {k.minimum_sample} untuk populasi "
            f"{fmt_number(k.population, 0)} (tabel Krejcie-Morgan)."
        )
    return text


def efficiency_sentence(results: Results) -> str:
    rated = [s for s in results.sasaran if s.efisien]
    if not rated:
        return "Tingkat efisiensi belum dapat dihitung karena capaian atau serapan per sasaran belum tersedia."
    efficient = [s for s in rated if s.efisien == "Efisien"]
    if len(efficient) == len(rated):
        return (
            f"Seluruh {count_text(len(rated), 'sasaran strategis')} memiliki tingkat efisiensi lebih dari atau sama dengan 1, "
            "sehingga penggunaan sumber daya telah efisien."
        )
    names = ", ".join(f"“{s.sasaran}”" for s in rated if s.efisien != "Efisien")
    return (
        f"{count_text(len(efficient), '')}dari {count_text(len(rated), 'sasaran strategis')} telah "
        f"efisien; sasaran {names} belum efisien "
        "karena persentase capaian kinerjanya lebih kecil dari persentase serapan anggarannya."
    )


def count_text(count: int, noun: str) -> str:
    """A count the Indonesian way: '4 (empat) sasaran'."""
    from num2words import num2words

    return f"{count} ({num2words(count, lang='id')}) {noun}"
