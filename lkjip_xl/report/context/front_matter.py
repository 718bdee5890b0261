"""The cover, the signatures and the front matter: kata pengantar, ikhtisar eksekutif."""

from __future__ import annotations

import datetime as dt

from lkjip_xl.base.formatting import fmt_date
from lkjip_xl.calc.pk import first_working_day_of_january
from lkjip_xl.report import narrative as nv
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context

TITLE = "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)"
DRAFT_NOTE = (
    "Teks berlatar kuning adalah draf yang disusun otomatis dari angka buku kerja. Baca, "
    "sesuaikan, lalu hapus warna latarnya sebelum laporan ditandatangani."
)


def identity(src: Source) -> Context:
    """Who reports, for which year, and who signs: the cover, the kop surat, the signatures."""
    ident, kec, year = src.identity, src.kecamatan, src.year
    return {
        "judul": TITLE,
        "tahun": str(year or ""),
        "tahun_lalu": str(year - 1) if year else "",
        "tahun_terbit": str(src.sign_date.year),
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
        "tanggal": fmt_date(src.sign_date),
        "tanggal_pk": fmt_date(_pk_date(src)),
        # the prefix of page numbers: 'II-' when the workbook numbers pages per chapter
        "halaman_bab": {
            bab: f"{bab}-" if ident.page_numbering == "per_chapter" else ""
            for bab in ("I", "II", "III", "IV", "L")
        },
        "kop": {
            "alamat": ident.alamat,
            "telepon": ident.telepon,
            "email": ident.email,
            "situs": ident.situs,
        },
    }


def front_matter(src: Source) -> Context:
    results, ident = src.results, src.identity
    summary = [
        nv.overall_sentence(results, ident),
        nv.skm_sentence(results),
        nv.budget_sentence(results, ident),
        nv.efficiency_sentence(results),
    ]
    return {
        "catatan_draf": DRAFT_NOTE,
        "kata_pengantar": src.passage("kata_pengantar", _kata_pengantar(src)),
        "ikhtisar": src.passage("ikhtisar", "\n".join(summary)),
    }


def _kata_pengantar(src: Source) -> str:
    kec, year = src.kecamatan, src.year
    return (
        "Puji syukur kami panjatkan kehadirat Tuhan Yang Maha Esa, karena atas perkenan-Nya "
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan {kec} Tahun {year} dapat "
        f"diselesaikan. LKjIP ini merupakan bentuk pertanggungjawaban tertulis Kecamatan {kec} "
        f"atas pelaksanaan program dan kegiatan selama tahun {year}.\n"
        "LKjIP memuat capaian kinerja, realisasi anggaran, serta permasalahan dan upaya "
        "perbaikannya, sebagai bahan evaluasi untuk meningkatkan kinerja pada tahun berikutnya.\n"
        "Kami mengucapkan terima kasih kepada semua pihak yang telah membantu penyusunan laporan "
        "ini."
    )


def _pk_date(src: Source) -> dt.date:
    """The Perjanjian Kinerja's date: the workbook's Tanggal Perjanjian Kinerja, else the one
    its document carries (early January of the report year), never the LKjIP's date."""
    agreements = src.results.agreements
    if agreements and agreements[0].date is not None:
        return agreements[0].date
    if src.identity.tanggal_pk is not None:
        return src.identity.tanggal_pk
    year = src.year or src.sign_date.year
    return first_working_day_of_january(year)
