"""BAB I Pendahuluan: latar belakang, maksud dan tujuan, gambaran umum (desa), isu strategis."""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.records import Village
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row


def bab_i(src: Source) -> Context:
    kec, year, villages = src.kecamatan, src.year, src.wb.villages
    return {
        "latar_belakang": src.passage("latar_belakang", _latar_belakang(kec, year)),
        "maksud_tujuan": src.passage("maksud_tujuan", _maksud_tujuan(kec)),
        "gambaran_umum": src.passage("gambaran_umum", _gambaran_umum(kec, villages)),
        "isu_strategis": src.passage(
            "isu_strategis", "Isu strategis kecamatan tahun ini: (uraikan di sini)."
        ),
        "desa": [_village_row(i, v) for i, v in enumerate(villages, start=1)],
        "luas_total": fmt_number(_total_area(villages), None) if villages else "-",
    }


def _village_row(no: int, v: Village) -> Row:
    people = None
    if v.penduduk_l is not None or v.penduduk_p is not None:
        people = (v.penduduk_l or 0) + (v.penduduk_p or 0)
    return {
        "no": no,
        "nama": v.nama,
        "status": "Kelurahan" if v.status == "kelurahan" else "Desa",
        "luas": fmt_number(v.luas, None),
        "penduduk": fmt_number(people, 0),
    }


def _total_area(villages: tuple[Village, ...]) -> float:
    return sum(v.luas for v in villages if v.luas is not None)


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
        "pengelolaan anggaran dan pelaksanaan program/kegiatan. Tujuannya adalah menilai dan "
        "mengevaluasi pencapaian kinerja sebagai masukan bagi perbaikan perencanaan dan "
        "pelaksanaan kegiatan tahun berikutnya."
    )


def _gambaran_umum(kec: str, villages: tuple[Village, ...]) -> str:
    if not villages:
        return (
            f"Gambaran umum Kecamatan {kec}: (uraikan letak, luas wilayah, desa/kelurahan dan "
            "kependudukan)."
        )
    desa = sum(v.status == "desa" for v in villages)
    kel = len(villages) - desa
    parts = [f"{desa} desa"] + ([f"{kel} kelurahan"] if kel else [])
    luas = _total_area(villages)
    text = f"Kecamatan {kec} terdiri dari {' dan '.join(parts)}"
    if luas:
        text += (
            f" dengan luas wilayah {fmt_number(luas, None)} km² (jumlah luas desa/kelurahan pada "
            "tabel berikut)"
        )
    return text + "."
