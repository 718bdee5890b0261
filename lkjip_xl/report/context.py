"""The template context: every figure of the draft, formatted once, in Indonesian.

Templates only place values; they compute nothing. Drafted passages that staff should review
are RichText highlighted in yellow (`draft(...)`); text the workbook gives is used as written.
"""

from __future__ import annotations

import datetime as dt

from docxtpl import RichText

from lkjip_xl.base.formatting import fmt_date, fmt_number, fmt_percent, fmt_rupiah, terbilang
from lkjip_xl.calc import Results
from lkjip_xl.contract.records import Workbook
from lkjip_xl.contract.schema import BUDGET_LEVEL
from lkjip_xl.report import narrative as nv

DRAFT_HIGHLIGHT = "FFF2CC"  # docxtpl applies it as cell-style shading: a hex fill, light yellow
NARRATIVE_PARTS = (
    "kata_pengantar",
    "ikhtisar",
    "latar_belakang",
    "maksud_tujuan",
    "gambaran_umum",
    "isu_strategis",
    "kesimpulan",
    "permasalahan",
    "saran",
)


def draft(text: str) -> RichText:
    """A drafted passage, highlighted so that none is signed unread."""
    rt = RichText()
    rt.add(text, highlight=DRAFT_HIGHLIGHT)
    return rt


def own(text: str) -> RichText:
    rt = RichText()
    rt.add(text)
    return rt


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]


class Captions:
    """Numbers tables and charts per chapter: 'Tabel 3.2', 'Grafik 3.1'."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}

    def __call__(self, kind: str, chapter: str, title: str) -> str:
        n = self.counts.get((kind, chapter), 0) + 1
        self.counts[(kind, chapter)] = n
        return f"{kind} {chapter}.{n} {title}"


def build_context(
    wb: Workbook,
    results: Results,
    charts: dict[str, object] | None = None,
    today: dt.date | None = None,
) -> dict:
    ident = wb.identity
    year = ident.tahun
    charts = charts or {}
    kec = ident.kecamatan
    sign_date = ident.tanggal or today or dt.date.today()

    def part(key: str, drafted: str) -> list[RichText]:
        """The workbook's own text for a part, else the drafted one (marked)."""
        given = wb.narrative.get(key)
        if given:
            return [own(p) for p in paragraphs(given)]
        return [draft(p) for p in paragraphs(drafted)]

    iku = [r for r in results.indicators if r.source.iku and r.source.tingkat == "sasaran"]
    indicator_rows = [
        {
            "no": i,
            "kode": r.source.kode_sasaran,
            "sasaran": r.source.sasaran,
            "indikator": r.source.indikator,
            "satuan": r.source.satuan,
            "polaritas": "Negatif" if r.source.polarity == "negative" else "Positif",
            "formulasi": r.source.formulasi or "-",
            "sumber_data": r.source.sumber_data or "-",
            "penanggung_jawab": r.source.penanggung_jawab or "-",
            "target": nv.value_text(r.source.target, r.source.satuan),
            "realisasi": nv.value_text(r.source.realisasi, r.source.satuan),
            "capaian": fmt_percent(r.capaian.value) if r.capaian.available else "-",
            "predikat": r.predikat,
            "realisasi_lalu": nv.value_text(r.source.realisasi_lalu, r.source.satuan),
            "capaian_lalu": fmt_percent(r.capaian_lalu.value) if r.capaian_lalu.available else "-",
            "tren": r.tren or "-",
            "kalimat": draft(nv.indicator_sentence(r, year)),
        }
        for i, r in enumerate(iku, start=1)
    ]
    extra_rows = [
        {
            "no": i,
            "sasaran": r.source.sasaran,
            "indikator": r.source.indikator,
            "satuan": r.source.satuan,
            "target": nv.value_text(r.source.target, r.source.satuan),
            "realisasi": nv.value_text(r.source.realisasi, r.source.satuan),
            "capaian": fmt_percent(r.capaian.value) if r.capaian.available else "-",
            "predikat": r.predikat,
            "kalimat": draft(nv.indicator_sentence(r, year)),
        }
        for i, r in enumerate([*results.tujuan, *results.additional], start=1)
    ]

    budget = results.budget
    sasaran_blocks = []
    for n, s in enumerate(results.sasaran, start=1):
        rows = [row for row in indicator_rows if row["kode"] == s.code]
        faktor = [
            (label, text)
            for label, attr in (
                ("Faktor pendukung", "faktor_pendukung"),
                ("Faktor penghambat", "faktor_penghambat"),
                ("Solusi", "solusi"),
            )
            for text in {getattr(r.source, attr) for r in s.indicators}
            if text
        ]
        programs = []
        for idx in s.programs:
            top = budget[idx]
            subtree = [top] + [b for b in budget if _descends(budget, b, idx)]
            programs += [
                {
                    "uraian": b.uraian,
                    "tingkat": BUDGET_LEVEL.label_of(b.level),
                    "indikator": b.indikator or "-",
                    "target": b.target_kinerja,
                    "realisasi": b.realisasi_kinerja,
                    "capaian": fmt_percent(b.capaian_kinerja.value)
                    if b.capaian_kinerja.available
                    else "-",
                    "is_program": b.level == "program",
                }
                for b in subtree
                if b.level != "sub_kegiatan" and (b.indikator or b.level == "program")
            ]
        sasaran_blocks.append(
            {
                "no": n,
                "kode": s.code,
                "sasaran": s.sasaran,
                "indikator": rows,
                "caption": f"Analisis Pencapaian Sasaran Strategis {n}",
                "rata_rata": fmt_percent(s.capaian) if s.capaian is not None else "-",
                "rata_rata_lalu": fmt_percent(s.capaian_lalu)
                if s.capaian_lalu is not None
                else "-",
                "kalimat": draft(nv.sasaran_sentence(s, year)),
                "faktor": [{"judul": label, "teks": own(text)} for label, text in faktor],
                "program": programs,
                "program_caption": f"Program dan Kegiatan Pendukung Sasaran {n}"
                if programs
                else "",
            }
        )

    t = results.budget_totals
    budget_rows = [
        {
            "uraian": _budget_label(b),
            "tingkat": b.level,
            "kode": b.kode or "",
            "pagu": fmt_number(b.pagu, 0),
            "realisasi": fmt_number(b.realisasi, 0),
            "sisa": fmt_number(b.sisa, 0),
            "serapan": fmt_number(b.serapan) if b.serapan is not None else "-",
            "sebelum": fmt_number(b.pagu_sebelum, 0),
            "perubahan": _signed(b.perubahan),
            "is_program": b.level == "program",
            "is_kegiatan": b.level == "kegiatan",
        }
        for b in budget
    ]
    programs = [b for b in budget if b.level == "program"]
    skm = results.skm
    ctx = {
        "judul": "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)",
        "tahun": str(year or ""),
        "tahun_lalu": str(year - 1) if year else "",
        "tahun_terbit": str(sign_date.year),
        "provinsi": ident.provinsi,
        "kabupaten": ident.kabupaten,
        "kecamatan": kec,
        "kabupaten_upper": ident.kabupaten.upper(),
        "kecamatan_upper": kec.upper(),
        "camat": {
            "nama": ident.nama_camat,
            "nip": ident.nip_camat,
            "pangkat": ident.pangkat_camat,
            "jabatan": f"Camat {kec}",
        },
        "atasan": {"nama": ident.nama_atasan, "jabatan": ident.jabatan_atasan},
        "tempat": ident.tempat,
        "tanggal": fmt_date(sign_date),
        "tanggal_pk": fmt_date(ident.tanggal_pk) if ident.tanggal_pk else fmt_date(sign_date),
        "kop": {
            "alamat": ident.alamat,
            "telepon": ident.telepon,
            "email": ident.email,
            "situs": ident.situs,
        },
        "visi": ident.visi or "-",
        "misi": list(ident.misi),
        "periode_renstra": ident.periode_renstra or "-",
        "nomor_iku": ident.nomor_iku or "-",
        "kata_pengantar": part("kata_pengantar", _kata_pengantar(kec, year)),
        "ikhtisar": part(
            "ikhtisar",
            "\n".join(
                [
                    nv.overall_sentence(results, ident),
                    nv.skm_sentence(results),
                    nv.budget_sentence(results, ident),
                    nv.efficiency_sentence(results),
                ]
            ),
        ),
        "latar_belakang": part("latar_belakang", _latar_belakang(kec, year)),
        "maksud_tujuan": part("maksud_tujuan", _maksud_tujuan(kec)),
        "gambaran_umum": part("gambaran_umum", _gambaran_umum(wb)),
        "isu_strategis": part(
            "isu_strategis", "Isu strategis kecamatan tahun ini: (uraikan di sini)."
        ),
        "kesimpulan": part(
            "kesimpulan",
            "\n".join(
                [
                    nv.overall_sentence(results, ident),
                    nv.budget_sentence(results, ident),
                    nv.efficiency_sentence(results),
                ]
            ),
        ),
        "permasalahan": part("permasalahan", _problems(results)),
        "saran": part(
            "saran",
            "Meningkatkan kualitas perencanaan, pengumpulan data kinerja dan koordinasi antar seksi.",
        ),
        "tujuan": sorted({r.source.tujuan for r in results.indicators if r.source.tujuan}),
        "sasaran_list": [
            {"no": n, "sasaran": s.sasaran} for n, s in enumerate(results.sasaran, start=1)
        ],
        "iku": indicator_rows,
        "indikator_lain": extra_rows,
        "rata_rata_iku": fmt_percent(results.capaian_iku)
        if results.capaian_iku is not None
        else "-",
        "predikat_iku": results.predikat_iku,
        "kalimat_rata_rata": draft(nv.overall_sentence(results, ident)),
        "skala": [
            {"batas": _band_text(results.bands, i), "predikat": label}
            for i, (_, label) in enumerate(results.bands)
        ],
        "sasaran": sasaran_blocks,
        "program_pk": [
            {
                "no": i,
                "uraian": p.uraian,
                "pagu": fmt_number(p.pagu, 0),
                "sumber_dana": p.sumber_dana or "APBD",
            }
            for i, p in enumerate(programs, start=1)
        ],
        "anggaran": budget_rows,
        "total": {
            "pagu": fmt_number(t.pagu, 0),
            "realisasi": fmt_number(t.realisasi, 0),
            "sisa": fmt_number(t.sisa, 0),
            "serapan": fmt_number(t.serapan) if t.serapan is not None else "-",
            "pagu_rp": fmt_rupiah(t.pagu),
            "terbilang": terbilang(t.pagu),
            "sebelum": fmt_number(t.pagu_sebelum, 0),
            "perubahan": _signed(t.perubahan),
        },
        "ada_perubahan": t.pagu_sebelum is not None,
        "kalimat_anggaran": draft(nv.budget_sentence(results, ident)),
        "efisiensi": [
            {
                "no": n,
                "sasaran": s.sasaran,
                "capaian": fmt_percent(s.capaian) if s.capaian is not None else "-",
                "serapan": fmt_percent(s.serapan) if s.serapan is not None else "-",
                "rasio": fmt_number(s.efisiensi) if s.efisiensi is not None else "-",
                "kategori": s.efisien or "-",
            }
            for n, s in enumerate(results.sasaran, start=1)
        ],
        "kalimat_efisiensi": draft(nv.efficiency_sentence(results)),
        "belanja": [
            {
                "jenis": s.jenis,
                "anggaran": fmt_number(s.anggaran, 0),
                "realisasi": fmt_number(s.realisasi, 0),
                "serapan": fmt_number(s.serapan) if s.serapan is not None else "-",
                "lalu": fmt_number(s.realisasi_lalu, 0),
                "pertumbuhan": fmt_number(s.pertumbuhan) if s.pertumbuhan is not None else "-",
                "is_subtotal": s.is_subtotal,
            }
            for s in results.spending
        ],
        "desa": [
            {
                "no": i,
                "nama": v.nama,
                "status": "Kelurahan" if v.status == "kelurahan" else "Desa",
                "luas": fmt_number(v.luas, None),
                "penduduk": fmt_number((v.penduduk_l or 0) + (v.penduduk_p or 0), 0)
                if v.penduduk_l is not None or v.penduduk_p is not None
                else "-",
            }
            for i, v in enumerate(wb.villages, start=1)
        ],
        "luas_total": fmt_number(sum(v.luas for v in wb.villages if v.luas is not None), None)
        if wb.villages
        else "-",
        "ada_skm": skm is not None and skm.ikm is not None,
        "skm": _skm_context(results),
        "kalimat_skm": draft(nv.skm_sentence(results)),
        "tabel_bebas": [
            {"judul": ft.title, "penanda": f"[[TABEL_BEBAS_{i}]]"}
            for i, ft in enumerate(wb.free_tables)
        ],
        "catatan_draf": "Teks berlatar kuning adalah draf yang disusun otomatis dari angka buku kerja. Baca, sesuaikan, "
        "lalu hapus warna latarnya sebelum laporan ditandatangani.",
    }
    ctx["captions"] = _captions(ctx, charts, kec, year)
    ctx["grafik"] = charts
    return ctx


def _captions(ctx: dict, charts: dict, kec: str, year) -> dict[str, str]:
    """Number tables and charts in the order the default template shows them, skipping absent ones."""
    caption = Captions()
    c: dict[str, str] = {}

    def table(key: str, chapter: str, title: str, present: object = True) -> None:
        c[key] = caption("Tabel", chapter, title) if present else ""

    def chart(key: str, title: str) -> None:
        c["g_" + key] = caption("Grafik", "3", title) if charts.get(key) else ""

    table("desa", "1", f"Desa/Kelurahan dan Luas Wilayah Kecamatan {kec}", ctx["desa"])
    table("iku", "2", f"Indikator Kinerja Utama Kecamatan {kec}")
    table("pk", "2", f"Perjanjian Kinerja Kecamatan {kec} Tahun {year}")
    table("pk_program", "2", "Program dan Anggaran Perjanjian Kinerja")
    table("skala", "3", "Skala Nilai Predikat Capaian Kinerja")
    table("capaian", "3", f"Capaian Indikator Kinerja Utama Tahun {year}")
    chart("capaian", "Capaian Indikator Kinerja terhadap Target 100%")
    table("indikator_lain", "3", "Capaian Indikator Kinerja Lainnya", ctx["indikator_lain"])
    for block in ctx["sasaran"]:
        block["caption"] = caption("Tabel", "3", block["caption"])
        if block["program_caption"]:
            block["program_caption"] = caption("Tabel", "3", block["program_caption"])
    table("skm", "3", "Nilai Unsur Pelayanan Survei Kepuasan Masyarakat", ctx["ada_skm"])
    if ctx["ada_skm"]:
        chart("ikm", "Nilai Rata-rata per Unsur Pelayanan")
        chart("sebaran", "Sebaran Jawaban Responden per Unsur")
    else:
        c["g_ikm"] = c["g_sebaran"] = ""
    table("efisiensi", "3", "Efisiensi Penggunaan Sumber Daya per Sasaran Strategis")
    table("anggaran", "3", "Realisasi Anggaran Program, Kegiatan dan Sub Kegiatan")
    chart("serapan", "Serapan Anggaran per Program")
    table("belanja", "3", "Realisasi Belanja menurut Jenis", ctx["belanja"])
    table("perubahan", "3", "Pagu Sebelum dan Sesudah Perubahan", ctx["ada_perubahan"])
    chart("perubahan", "Pagu Program Sebelum dan Sesudah Perubahan")
    for t in ctx["tabel_bebas"]:
        t["caption"] = caption("Tabel", "L", t["judul"])
    return c


def _descends(budget, line, ancestor: int) -> bool:
    parent = line.parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = budget[parent].parent
    return False


def _budget_label(line) -> RichText:
    rt = RichText()
    rt.add(("    " * line.depth) + line.uraian, bold=line.level == "program")
    return rt


def _signed(value: float | None) -> str:
    if value is None:
        return "-"
    return f"({fmt_number(-value, 0)})" if value < 0 else fmt_number(value, 0)


def _band_text(bands, i: int) -> str:
    lower = bands[i][0]
    upper = bands[i - 1][0] if i > 0 else None
    if lower == float("-inf"):
        return f"< {fmt_number(upper, None)}%"
    if upper is None:
        return f"≥ {fmt_number(lower, None)}%"
    return f"{fmt_number(lower, None)}% s.d. < {fmt_number(upper, None)}%"


def _skm_context(results: Results) -> dict:
    k = results.skm
    if k is None or k.ikm is None:
        return {
            "unsur": [],
            "ikm": "-",
            "mutu": "-",
            "kinerja": "-",
            "responden": "0",
            "bobot": "-",
            "jumlah_tertimbang": "-",
        }
    return {
        "unsur": [
            {
                "kode": e.code,
                "nama": e.name,
                "jumlah": fmt_number(e.total, 0),
                "nrr": fmt_number(e.nrr),
                "tertimbang": fmt_number(e.weighted, 3),
                "mutu": e.mutu,
                "kinerja": e.kinerja,
                "s1": fmt_number(e.shares[1]),
                "s2": fmt_number(e.shares[2]),
                "s3": fmt_number(e.shares[3]),
                "s4": fmt_number(e.shares[4]),
            }
            for e in k.elements
        ],
        "ikm": fmt_number(k.ikm),
        "mutu": k.mutu,
        "kinerja": k.kinerja,
        "responden": fmt_number(k.respondents, 0),
        "bobot": k.weight_label,
        "jumlah_tertimbang": fmt_number(k.nrr_weighted_sum, 3),
    }


def _kata_pengantar(kec: str, year) -> str:
    return (
        f"Puji syukur kami panjatkan kehadirat Tuhan Yang Maha Esa, karena atas perkenan-Nya Laporan Kinerja "
        f"Instansi Pemerintah (LKjIP) Kecamatan {kec} Tahun {year} dapat diselesaikan. LKjIP ini merupakan bentuk "
        f"pertanggungjawaban tertulis Kecamatan {kec} atas pelaksanaan program dan kegiatan selama tahun {year}.\n"
        "LKjIP memuat capaian kinerja, realisasi anggaran, serta permasalahan dan upaya perbaikannya, sebagai "
        "bahan evaluasi untuk meningkatkan kinerja pada tahun berikutnya.\n"
        "Kami mengucapkan terima kasih kepada semua pihak yang telah membantu penyusunan laporan ini."
    )


def _latar_belakang(kec: str, year) -> str:
    return (
        f"Sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah "
        f"dan Peraturan Menteri PANRB Nomor 53 Tahun 2014, setiap instansi pemerintah wajib menyusun laporan "
        f"kinerja. LKjIP Kecamatan {kec} Tahun {year} disusun sebagai perwujudan akuntabilitas atas pencapaian "
        "sasaran strategis yang ditetapkan dalam Perjanjian Kinerja."
    )


def _maksud_tujuan(kec: str) -> str:
    return (
        f"Maksud penyusunan LKjIP adalah sebagai bentuk pertanggungjawaban Kecamatan {kec} atas pengelolaan "
        "anggaran dan pelaksanaan program/kegiatan. Tujuannya adalah menilai dan mengevaluasi pencapaian kinerja "
        "sebagai masukan bagi perbaikan perencanaan dan pelaksanaan kegiatan tahun berikutnya."
    )


def _gambaran_umum(wb: Workbook) -> str:
    kec = wb.identity.kecamatan
    if not wb.villages:
        return f"Gambaran umum Kecamatan {kec}: (uraikan letak, luas wilayah, desa/kelurahan dan kependudukan)."
    desa = sum(v.status == "desa" for v in wb.villages)
    kel = len(wb.villages) - desa
    parts = [f"{desa} desa"] + ([f"{kel} kelurahan"] if kel else [])
    luas = sum(v.luas for v in wb.villages if v.luas is not None)
    text = f"Kecamatan {kec} terdiri dari {' dan '.join(parts)}"
    if luas:
        text += f" dengan luas wilayah {fmt_number(luas, None)} km² (jumlah luas desa/kelurahan pada tabel berikut)"
    return text + "."


def _problems(results: Results) -> str:
    below = [r for r in results.indicators if r.capaian.available and r.capaian.value < 100]
    unmeasured = [r for r in results.indicators if not r.capaian.available]
    lines = [
        f"Indikator “{r.source.indikator}” belum mencapai target (capaian {fmt_percent(r.capaian.value)})."
        for r in below
    ]
    lines += [f"Indikator “{r.source.indikator}” belum dapat diukur." for r in unmeasured]
    return (
        "\n".join(lines)
        or "Seluruh indikator kinerja telah mencapai target; uraikan permasalahan lain di sini."
    )
