"""BAB I Pendahuluan: latar belakang, landasan hukum, maksud dan tujuan, gambaran umum (desa,
penduduk), kedudukan/tugas/fungsi, struktur organisasi, sumber daya manusia, isu strategis and
sistematika. A part the workbook gives no data for is left out (an empty list)."""

from __future__ import annotations

from docxtpl import RichText

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.records import Village
from lkjip_xl.report.context.people import population_context, staff_context
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, draft, own, paragraphs
from lkjip_xl.report.narrative import count_text
from lkjip_xl.report.org_chart import Box, OrgChart

# DOMAIN_RULES §9, in the order the reports cite them; the SKM regulation only with an IKM.
LAWS = (
    "Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas "
    "dari Korupsi, Kolusi dan Nepotisme;",
    "Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara;",
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah "
    "terakhir kali dengan Undang-Undang Nomor 6 Tahun 2023;",
    "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi "
    "Pemerintah;",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan;",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
    "Pemerintah;",
    "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, "
    "Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;",
    "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja "
    "Instansi Pemerintah;",
    "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan "
    "Masyarakat Unit Penyelenggara Pelayanan Publik;",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi dan "
    "Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah.",
)
SKM_LAW = 9  # the index of PermenPANRB 14/2017 in LAWS


def bab_i(src: Source) -> Context:
    kec, year, villages = src.kecamatan, src.year, src.wb.villages
    ctx: Context = {
        "latar_belakang": src.passage("latar_belakang", _latar_belakang(kec, year)),
        "landasan_hukum": _landasan_hukum(src),
        "maksud_tujuan": src.passage("maksud_tujuan", _maksud_tujuan(kec)),
        "gambaran_umum": _given_or(src, "gambaran_umum", _gambaran_umum(kec, villages)),
        **population_context(src),
        "kedudukan_tugas_fungsi": src.passage("kedudukan_tugas_fungsi", _tugas_fungsi(src)),
        "struktur_organisasi": _given_or(src, "struktur_organisasi", ""),
        "bagan_struktur": _org_chart(src),
        "gambar_peta": any(p.part == "peta_wilayah" for p in src.wb.pictures),
        "gambar_struktur": any(p.part == "struktur_organisasi" for p in src.wb.pictures),
        "sumber_daya_manusia": _given_or(src, "sumber_daya_manusia", ""),
        **staff_context(src),
        "isu_strategis": _given_or(src, "isu_strategis", ""),
        "sistematika": sistematika(src, src.results.skm is not None),
    }
    ctx["bab_i_no"] = section_numbers(
        "1",
        {
            "gambaran_umum": bool(ctx["gambaran_umum"] or ctx["desa"] or ctx["gambar_peta"]),
            "struktur_organisasi": bool(
                ctx["struktur_organisasi"] or ctx["bagan_struktur"] or ctx["gambar_struktur"]
            ),
            "sumber_daya_manusia": bool(ctx["sumber_daya_manusia"] or ctx["ada_pegawai"]),
            "isu_strategis": bool(ctx["isu_strategis"]),
        },
        ORDER,
    )
    return ctx


ORDER = (
    "latar_belakang",
    "landasan_hukum",
    "maksud_tujuan",
    "gambaran_umum",
    "kedudukan_tugas_fungsi",
    "struktur_organisasi",
    "sumber_daya_manusia",
    "isu_strategis",
    "sistematika",
)


def section_numbers(
    chapter: str, present: dict[str, bool], order: tuple[str, ...]
) -> dict[str, str]:
    """'1.4' for each part of a chapter that is in the draft, counting only those present."""
    shown = [key for key in order if present.get(key, True)]
    return {key: f"{chapter}.{n}" for n, key in enumerate(shown, start=1)} | {
        key: "" for key in order if key not in shown
    }


def _given_or(src: Source, key: str, drafted: str) -> list[RichText]:
    """The workbook's passage, else the drafted one; nothing when neither (the part is left out)."""
    return src.passage(key, drafted) if src.wb.narrative.get(key) or drafted else []


def _landasan_hukum(src: Source) -> list[RichText]:
    given = src.wb.narrative.get("landasan_hukum")
    if given:
        return [own(p) for p in paragraphs(given)]
    laws = [law for i, law in enumerate(LAWS) if i != SKM_LAW or src.results.skm is not None]
    return [draft(f"{n}. {law}") for n, law in enumerate(laws, start=1)]


def _org_chart(src: Source) -> OrgChart | None:
    """The struktur organisasi drawn from Pegawai: the camat, every post someone reports to,
    and every post held by one person only (a "Pelaksana" shared by many is not a box)."""
    staff = [e for e in src.wb.staff if e.jabatan]
    if not staff:
        return None
    count: dict[str, int] = {}
    for e in staff:
        count[e.jabatan] = count.get(e.jabatan, 0) + 1
    heads = {e.atasan for e in staff if e.atasan}
    root = next((e for e in staff if not e.atasan), staff[0])
    kept = [
        e
        for e in staff
        if e is root or (count[e.jabatan] == 1 and (e.jabatan in heads or e.atasan))
    ]
    keys = {e.jabatan for e in kept}
    boxes = [
        Box(
            e.jabatan,
            (e.jabatan.upper() if e is root else e.jabatan, e.nama or "(kosong)"),
            None if e is root else (e.atasan if e.atasan in keys else root.jabatan),
        )
        for e in kept
    ]
    try:
        return OrgChart(boxes)
    except ValueError:  # a chain that loops (reported by the checks): no drawing
        return None


def _latar_belakang(kec: str, year: int | None) -> str:
    return (
        "Sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
        "Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014, setiap instansi "
        f"pemerintah wajib menyusun laporan kinerja. LKjIP Kecamatan {kec} Tahun {year} disusun "
        "sebagai perwujudan akuntabilitas atas pencapaian sasaran strategis yang ditetapkan dalam "
        "Perjanjian Kinerja."
    )


def _maksud_tujuan(kec: str) -> str:
    return (
        f"Maksud penyusunan LKjIP adalah sebagai bentuk pertanggungjawaban Kecamatan {kec} atas "
        "pengelolaan anggaran dan pelaksanaan program/kegiatan.\n"
        "Tujuannya adalah menilai dan mengevaluasi pencapaian kinerja sebagai masukan bagi "
        "perbaikan perencanaan dan pelaksanaan kegiatan tahun berikutnya."
    )


def _tugas_fungsi(src: Source) -> str:
    kab = src.identity.kabupaten or "kabupaten"
    return (
        f"Kecamatan {src.kecamatan} merupakan perangkat daerah {kab} yang dipimpin oleh seorang "
        "Camat yang berkedudukan di bawah dan bertanggung jawab kepada Bupati melalui Sekretaris "
        "Daerah (Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan).\n"
        "Camat bertugas menyelenggarakan urusan pemerintahan umum, mengoordinasikan kegiatan "
        "pemberdayaan masyarakat, ketenteraman dan ketertiban umum, penerapan dan penegakan "
        "peraturan, pemeliharaan prasarana dan fasilitas pelayanan umum, penyelenggaraan "
        "kegiatan pemerintahan di tingkat kecamatan, pembinaan dan pengawasan penyelenggaraan "
        "pemerintahan desa/kelurahan, serta melaksanakan urusan pemerintahan yang dilimpahkan "
        "oleh Bupati."
    )


def _gambaran_umum(kec: str, villages: tuple[Village, ...]) -> str:
    if not villages:
        return ""
    desa = sum(v.status == "desa" for v in villages)
    kel = len(villages) - desa
    parts = ([count_text(desa, "desa")] if desa else []) + (
        [count_text(kel, "kelurahan")] if kel else []
    )
    luas = sum(v.luas for v in villages if v.luas is not None)
    text = f"Kecamatan {kec} terdiri dari {' dan '.join(parts)}"
    if luas:
        text += f" dengan luas wilayah {fmt_number(luas, None)} km²"
    return text + ", sebagaimana tabel berikut."


def sistematika(src: Source, has_skm: bool) -> list[RichText]:
    """The chapters as this draft writes them (Narasi 'Sistematika Penulisan' replaces it)."""
    bab_iii = "capaian kinerja per sasaran strategis dan analisisnya"
    if has_skm:
        bab_iii += ", hasil Survei Kepuasan Masyarakat"
    bab_iii += ", efisiensi penggunaan sumber daya serta realisasi anggaran"
    drafted = "\n".join(
        (
            f"Laporan Kinerja Kecamatan {src.kecamatan} Tahun {src.year} disusun dengan "
            "sistematika sebagai berikut:",
            "Ikhtisar Eksekutif, yang menyajikan ringkasan capaian kinerja dan anggaran;",
            "BAB I Pendahuluan, yang menjelaskan latar belakang, landasan hukum, maksud dan "
            "tujuan, gambaran umum, kedudukan, tugas dan fungsi, struktur organisasi, sumber daya "
            "aparatur dan isu strategis;",
            "BAB II Perencanaan Kinerja, yang menyajikan rencana strategis, Indikator Kinerja "
            "Utama dan Perjanjian Kinerja tahun ini;",
            f"BAB III Akuntabilitas Kinerja, yang menyajikan {bab_iii};",
            "BAB IV Penutup, yang memuat kesimpulan, permasalahan, saran dan langkah perbaikan;",
            "Lampiran, yang memuat dokumen pendukung laporan.",
        )
    )
    return src.passage("sistematika", drafted)
