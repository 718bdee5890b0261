"""An independent filler that knows only the contract (WORKBOOK_CONTRACT.md): sheet names and headers.

It deliberately imports nothing from lkjip_xl: it finds each column by its header text in
row 1 of a blank template, the way another program or a person would.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

import openpyxl
import xlsx_cells

IDENTITAS = {
    "Provinsi": "Kalimantan Timur",
    "Kabupaten/Kota": "Kabupaten Contoh",
    "Kecamatan": "Sukamaju",
    "Tahun Laporan": 2024,
    "Nama Camat": "Drs. Budi Santoso, M.Si",
    "NIP Camat": "19700101 199003 1 002",
    "Jabatan Atasan": "Bupati Contoh",
    "Nama Atasan": "H. Ahmad Yani",
    "Tempat Penandatanganan": "Sukamaju",
}

SASARAN = [
    {
        "Kode Sasaran": "S1",
        "Sasaran Strategis": "Meningkatnya kualitas pelayanan publik",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
        "Satuan": "nilai",
        "Target": 80,
        "Realisasi": 88,
        "Polaritas": "Positif",
        "Target Tahun Lalu": 80,
        "Realisasi Tahun Lalu": 84,
    },
    {
        "Kode Sasaran": "S2",
        "Sasaran Strategis": "Menurunnya gangguan ketertiban",
        "Indikator Kinerja": "Angka kriminalitas",
        "Satuan": "kasus",
        "Target": 10,
        "Realisasi": 12,
        "Polaritas": "Negatif",
    },
    {
        "Kode Sasaran": "S2",
        "Sasaran Strategis": "Menurunnya gangguan ketertiban",
        "Indikator Kinerja": "Persentase konflik sosial tertangani",
        "Satuan": "%",
        "Target": 100,
        "Realisasi": "-",
    },
]

ANGGARAN = [  # Program and Sub Kegiatan rows only: amounts at the lowest level, parents blank
    {"Tingkat": "Program", "Uraian": "Program Pelayanan Publik", "Kode Sasaran": "S1"},
    {
        "Tingkat": "Sub Kegiatan",
        "Uraian": "Pelayanan PATEN",
        "Pagu": 100_000_000,
        "Realisasi": 90_000_000,
    },
    {
        "Tingkat": "Sub Kegiatan",
        "Uraian": "Pelayanan Administrasi",
        "Pagu": 50_000_000,
        "Realisasi": 45_000_000,
    },
    {"Tingkat": "Program", "Uraian": "Program Ketenteraman", "Kode Sasaran": "S2"},
    {
        "Tingkat": "Sub Kegiatan",
        "Uraian": "Koordinasi Keamanan",
        "Pagu": 40_000_000,
        "Realisasi": 30_000_000,
    },
]

# 4 respondents; U1 answers 4,4,3,3 … every unsur the same: NRR 3,5 each
SKM = [{f"U{i}": a for i in range(1, 10)} for a in (4, 4, 3, 3)]


# -- Version 2 sheets (WORKBOOK_CONTRACT.md, "New optional sheets") ------------------------------

IDENTITAS_V2 = {
    "Pangkat/Golongan Camat": "Pembina Tk. I (IV/b)",
    "Motto": "Melayani dengan Hati",
    "Target Triwulan": "Per triwulan",
    "Penomoran Halaman": "Per Bab",
    "Periode Renstra": "2021-2026",
}

ANGGARAN_V2 = [  # with codes, so that Rencana Aksi and PK Berjenjang can refer to them
    {"Kode": "7.01.01", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"},
    {"Kode": "7.01.01.1.02", "Uraian": "Administrasi Keuangan Perangkat Daerah"},
    {
        "Kode": "7.01.01.1.02.01",
        "Uraian": "Penyediaan Gaji dan Tunjangan ASN",
        "Pagu": 500_000_000,
        "Realisasi": 450_000_000,
        "Realisasi Tahun Lalu": 420_000_000,
    },
    {
        "Kode": "7.01.02",
        "Uraian": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "Kode Sasaran": "S1",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat Kecamatan",
        "Satuan": "nilai",
        "Target Kinerja": 80,
        "Realisasi Kinerja": 88,
    },
    {"Kode": "7.01.02.2.01", "Uraian": "Penyelenggaraan Urusan Pemerintahan di Kecamatan"},
    {
        "Kode": "7.01.02.2.01.01",
        "Uraian": "Fasilitasi Percepatan Pencapaian Standar Pelayanan Minimal",
        "Pagu": 100_000_000,
        "Realisasi": 90_000_000,
        "Realisasi Tahun Lalu": 80_000_000,
    },
    {
        "Kode": "7.01.02.2.01.02",
        "Uraian": "Peningkatan Efektivitas Pelayanan kepada Masyarakat",
        "Pagu": 50_000_000,
        "Realisasi": 45_000_000,
        "Realisasi Tahun Lalu": 50_000_000,
    },
    {
        "Kode": "7.01.04",
        "Uraian": "Program Koordinasi Ketentraman dan Ketertiban Umum",
        "Kode Sasaran": "S2",
    },
    {"Kode": "7.01.04.2.01", "Uraian": "Koordinasi Upaya Penyelenggaraan Ketenteraman"},
    {
        "Kode": "7.01.04.2.01.01",
        "Uraian": "Sinergitas dengan Kepolisian dan TNI di Wilayah Kecamatan",
        "Pagu": 40_000_000,
        "Realisasi": 30_000_000,
    },
]

SASARAN_V2 = [
    {**SASARAN[0], "Target Tahun Lalu": 80, "Realisasi Tahun Lalu": 84},
    {**SASARAN[1], "Target Tahun Lalu": 12, "Realisasi Tahun Lalu": 11},
    SASARAN[2],
    {
        "Kode Sasaran": "S3",
        "Sasaran Strategis": "Tertib administrasi perkantoran",
        "Indikator Kinerja": "Persentase arsip tertata",
        "Satuan": "%",
        "IKU": "Tidak",
        "Target": 90,
        "Realisasi": 95,
    },
]

PEGAWAI = [  # fictional people
    {
        "Nama": "Drs. Budi Santoso, M.Si",
        "NIP": "19700101 199003 1 002",
        "Jabatan": "Camat Sukamaju",
        "Pangkat/Golongan": "Pembina Tk. I (IV/b)",
        "Pendidikan Terakhir": "S2",
        "Jenis Kelamin": "L",
        "Status Kepegawaian": "PNS",
    },
    {
        "Nama": "Sri Wahyuni, S.Sos",
        "NIP": "197505052000032003",
        "Jabatan": "Sekretaris Camat",
        "Atasan Langsung": "Camat Sukamaju",
        "Pangkat/Golongan": "IV/a",
        "Pendidikan Terakhir": "S1",
        "Jenis Kelamin": "P",
    },
    {
        "Nama": "Andi Pratama, S.IP",
        "NIP": "198203032006041004",
        "Jabatan": "Kepala Seksi Pemerintahan",
        "Atasan Langsung": "Camat Sukamaju",
        "Pangkat/Golongan": "Penata Tk. I",
        "Pendidikan Terakhir": "S1",
        "Jenis Kelamin": "L",
        "Status Kepegawaian": "PNS",
    },
    {
        "Nama": "Rina Marlina, SE",
        "NIP": "198506062010012005",
        "Jabatan": "Kepala Sub Bagian Program dan Keuangan",
        "Atasan Langsung": "Sekretaris Camat",
        "Pangkat/Golongan": "Penata (III/c)",
        "Pendidikan Terakhir": "S1",
        "Jenis Kelamin": "P",
        "Status Kepegawaian": "PNS",
    },
    {
        "Nama": "Joko Susilo",
        "NIP": "199001012015031006",
        "Jabatan": "Pengadministrasi Umum",
        "Atasan Langsung": "Kepala Sub Bagian Program dan Keuangan",
        "Pangkat/Golongan": "Pengatur (II/c)",
        "Pendidikan Terakhir": "SMA/SMK",
        "Jenis Kelamin": "L",
        "Status Kepegawaian": "PNS",
    },
    {
        "Nama": "Dewi Lestari, A.Md",
        "Jabatan": "Pengelola Layanan",
        "Atasan Langsung": "Kepala Seksi Pemerintahan",
        "Pendidikan Terakhir": "D3",
        "Jenis Kelamin": "P",
        "Status Kepegawaian": "PPPK",
    },
    {
        "Nama": "Ahmad Fauzi",
        "Jabatan": "Petugas Kebersihan",
        "Atasan Langsung": "Sekretaris Camat",
        "Pendidikan Terakhir": "SMA/SMK",
        "Jenis Kelamin": "L",
        "Status Kepegawaian": "Non ASN",
    },
]

DESA = [
    {
        "Nama Desa/Kelurahan": "Sukamaju",
        "Status": "Desa",
        "Luas (km2)": 12.5,
        "Penduduk Laki-laki": 1200,
        "Penduduk Perempuan": 1150,
        "Jumlah KK": 700,
    },
    {
        "Nama Desa/Kelurahan": "Makmur Jaya",
        "Status": "Kelurahan",
        "Luas (km2)": 8,
        "Penduduk Laki-laki": 900,
        "Penduduk Perempuan": 950,
        "Jumlah KK": 560,
    },
    {
        "Nama Desa/Kelurahan": "Tanjung Sari",
        "Status": "Desa",
        "Luas (km2)": 20,
        "Penduduk Laki-laki": 600,
        "Penduduk Perempuan": 580,
        "Jumlah KK": 350,
    },
]

RENSTRA = [
    {
        "Kode Sasaran": "S1",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
        "Satuan": "nilai",
        "Kondisi Awal": 78,
        "Target 2023": 79,
        "Target 2024": 82,
        "Target 2025": 83,
        "Target 2026": 84,
        "Target Akhir": 85,
    },
    {
        "Kode Sasaran": "S2",
        "Indikator Kinerja": "Angka kriminalitas",
        "Satuan": "kasus",
        "Kondisi Awal": 15,
        "Target 2024": 10,
        "Target 2025": 9,
        "Target 2026": 8,
        "Target Akhir": 8,
    },
    {
        "Tujuan": "Meningkatkan kualitas pelayanan kecamatan",
        "Indikator Kinerja": "Indeks Kepuasan Pelayanan Kecamatan",
        "Satuan": "nilai",
        "Target 2024": 80,
        "Target Akhir": 85,
    },
    {
        "Kode": "7.01.02",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat Kecamatan",
        "Satuan": "nilai",
        "Target 2024": 80,
        "Pagu 2024": 150_000_000,
        "Pagu 2025": 160_000_000,
        "Target Akhir": 85,
        "Pagu Akhir": 800_000_000,
    },
    {
        "Kode": "7.01.03",
        "Uraian": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
        "Indikator Kinerja": "Persentase lembaga kemasyarakatan aktif",
        "Satuan": "%",
        "Target 2025": 80,
        "Pagu 2025": 60_000_000,
        "Target Akhir": 90,
    },
]

RIWAYAT = [
    {
        "Tahun": 2022,
        "Kode Sasaran": "S1",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
        "Target": 78,
        "Realisasi": 82,
    },
    {
        "Tahun": 2023,
        "Kode Sasaran": "S1",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
        "Target": 80,
        "Realisasi": 84,
    },
    {
        "Tahun": 2022,
        "Kode Sasaran": "S2",
        "Indikator Kinerja": "Angka kriminalitas",
        "Target": 12,
        "Realisasi": 14,
    },
]

RIWAYAT_ANGGARAN = [
    {"Tahun": 2022, "Pagu": 600_000_000, "Realisasi": 540_000_000},
    {"Tahun": 2023, "Pagu": 650_000_000, "Realisasi": 550_000_000},
    {
        "Tahun": 2023,
        "Kode": "7.01.02",
        "Uraian": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "Pagu": 140_000_000,
        "Realisasi": 130_000_000,
    },
]

RENCANA_AKSI = [
    {
        "Kode Sasaran": "S1",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
        **{f"Target TW {q}": 80 for q in ("I", "II", "III", "IV")},
        **{
            f"Realisasi TW {q}": v
            for q, v in zip(("I", "II", "III", "IV"), (82, 85, 87, 88), strict=True)
        },
        "Kumulatif": "Ya",
    },
    {
        "Kode": "7.01.02.2.01.01",
        "Rencana Aksi": "Pelayanan PATEN selesai dalam satu hari",
        "Indikator Kinerja": "Jumlah layanan selesai tepat waktu",
        "Satuan": "layanan",
        "Target": 400,
        **{f"Target TW {q}": 100 for q in ("I", "II", "III", "IV")},
        **{
            f"Realisasi TW {q}": v
            for q, v in zip(("I", "II", "III", "IV"), (90, 110, 105, 100), strict=True)
        },
        "Penanggung Jawab": "Kepala Seksi Pemerintahan",
        "Pagu": 100_000_000,
    },
    {
        "Kode Sasaran": "S2",
        "Indikator Kinerja": "Angka kriminalitas",
        **{
            f"Target TW {q}": v for q, v in zip(("I", "II", "III", "IV"), (3, 3, 2, 2), strict=True)
        },
        **{
            f"Realisasi TW {q}": v
            for q, v in zip(("I", "II", "III", "IV"), (4, 3, 3, 2), strict=True)
        },
    },
    {
        "Kode": "7.01.04.2.01.01",
        "Rencana Aksi": "Patroli bersama Polsek dan Koramil",
        "Satuan": "kali",
        "Target": 12,
        **{f"Target TW {q}": 3 for q in ("I", "II", "III", "IV")},
        **{f"Realisasi TW {q}": 3 for q in ("I", "II", "III", "IV")},
        "Penanggung Jawab": "Camat Sukamaju",
        "Pagu": 40_000_000,
    },
]

PK_BERJENJANG = [
    {
        "Jabatan": "Sekretaris Camat",
        "Sasaran": "Meningkatnya akuntabilitas kinerja kecamatan",
        "Indikator Kinerja": "Persentase dokumen perencanaan tepat waktu",
        "Satuan": "%",
        "Target": 100,
        "Kode": "7.01.01",
    },
    {
        "Jabatan": "Kepala Seksi Pemerintahan",
        "Indikator Kinerja": "Indeks Kepuasan Masyarakat",
        "Target": 80,
        "Kode Sasaran": "S1",
        "Kode": "7.01.02.2.01.01",
        "Pagu": 60_000_000,
    },
    {
        "Jabatan": "Kepala Seksi Pemerintahan",
        "Indikator Kinerja": "Persentase konflik sosial tertangani",
        "Target": "23/14",
        "Kode Sasaran": "S2",
        "Kode": "7.01.04",
    },
    {
        "Jabatan": "Kepala Sub Bagian Program dan Keuangan",
        "Sasaran": "Tertibnya administrasi keuangan",
        "Indikator Kinerja": "Persentase laporan keuangan tepat waktu",
        "Satuan": "%",
        "Target": 100,
        "Kode": "7.01.01.1.02.01",
    },
]

NARASI = [
    {
        "Bagian": "Landasan Hukum",
        "Teks": "Peraturan yang menjadi dasar penyusunan:\n"
        "- Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n"
        "- Peraturan Bupati Contoh Nomor 12 Tahun 2021 tentang Renstra Kecamatan",
    },
    {"Bagian": "Analisis Sasaran S1", "Teks": "IKM naik karena loket PATEN buka lebih awal."},
    {"Bagian": "Analisis Program 7.01.02", "Teks": "Program ini mendukung pelayanan publik."},
    {
        "Bagian": "Langkah Perbaikan",
        "Teks": "1. Menambah petugas loket\n2. Memperbaiki ruang tunggu",
    },
]

# A free table placed in Bab III, with a two-row header (Jumlah Layanan merged over the months).
TABEL_PATEN = {
    "name": "Tabel PATEN",
    "lines": ["Judul: Layanan PATEN per Triwulan", "Letak: Bab III", "Sumber: Seksi Pelayanan"],
    "header": [
        ["No", "Jenis Layanan", "Jumlah Layanan", None, None, None, "Jumlah"],
        [None, None, "TW I", "TW II", "TW III", "TW IV", None],
    ],
    # (first row, first col, last row, last col) inside the header, 1-based
    "merges": [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 6), (1, 7, 2, 7)],
    "rows": [
        [1, "Pengantar SKCK", 12, 10, 15, 20, 57],
        [2, "Surat Keterangan Tidak Mampu", 3, 4, 2, 5, 14],
        [None, "Jumlah", 15, 14, 17, 25, 71],
    ],
}

V1_SHEETS = {"Sasaran": SASARAN, "Anggaran": ANGGARAN, "SKM": SKM}  # what `fill` writes

V2_SHEETS = {
    "Sasaran": SASARAN_V2,
    "Anggaran": ANGGARAN_V2,
    "Pegawai": PEGAWAI,
    "Desa": DESA,
    "Renstra": RENSTRA,
    "Riwayat": RIWAYAT,
    "Riwayat Anggaran": RIWAYAT_ANGGARAN,
    "Rencana Aksi": RENCANA_AKSI,
    "PK Berjenjang": PK_BERJENJANG,
    "Narasi": NARASI,
}


def header_columns(ws, header_row: int = 1) -> dict[str, int]:
    return {str(c.value).strip(): c.column for c in ws[header_row] if c.value is not None}


def column_for(ws, cols: dict[str, int], header: str) -> int:
    """The column headed `header`; a header the sheet lacks (a Renstra year: 'Target 2027') is
    added after the last one, as a person would."""
    if header not in cols:
        cols[header] = max(cols.values(), default=0) + 1
        ws.cell(row=1, column=cols[header], value=header)
    return cols[header]


def add_free_table(wb, table: dict) -> None:
    """A `Tabel …` sheet: its Judul/Letak/Sumber lines, a header (merges kept), its rows."""
    ws = wb.create_sheet(table["name"])
    for line in table["lines"]:
        ws.append([line])
    top = ws.max_row + 1
    for row in table["header"]:
        ws.append(row)
    for r1, c1, r2, c2 in table["merges"]:
        ws.merge_cells(start_row=top + r1 - 1, start_column=c1, end_row=top + r2 - 1, end_column=c2)
    for row in table["rows"]:
        ws.append(row)


# The Gambar sheet: (Bagian, width, height, colour) of a picture anchored over its row.
GAMBAR = [
    ("Logo", 60, 80, (200, 30, 30)),
    ("Peta Wilayah", 300, 200, (30, 120, 30)),
    ("Dokumentasi Pelayanan PATEN", 240, 160, (30, 30, 200)),
]


def add_pictures(wb, pictures: list[tuple[str, int, int, tuple[int, int, int]]]) -> None:
    """Each picture over the Gambar column of its row, as a person inserts one in Excel."""
    from openpyxl.drawing.image import Image as SheetImage
    from PIL import Image

    ws = wb["Gambar"]
    cols = header_columns(ws)
    for r, (bagian, width, height, colour) in enumerate(pictures, start=2):
        ws.cell(row=r, column=cols["Bagian"], value=bagian)
        buf = io.BytesIO()
        Image.new("RGB", (width, height), colour).save(buf, "PNG")
        buf.seek(0)
        ws.add_image(SheetImage(buf), ws.cell(row=r, column=cols["Gambar"]).coordinate)


def fill_v2(
    template: Path,
    output: Path,
    identitas: dict | None = None,
    sheets: dict | None = None,
    tables: list[dict] | None = None,
    pictures: list | None = None,
) -> Path:
    """A version 2 workbook: the v1 sample plus every new sheet, a placed free table and, when
    asked (`pictures=GAMBAR`), pictures in Gambar. One load and one save of the template."""
    wb = openpyxl.load_workbook(template)
    _fill_open(wb, {**IDENTITAS_V2, **(identitas or {})}, {**V2_SHEETS, **(sheets or {})})
    for table in [TABEL_PATEN] if tables is None else tables:
        add_free_table(wb, table)
    if pictures:
        add_pictures(wb, pictures)
    wb.save(output)
    return output


def fill(
    template: Path, output: Path, identitas: dict | None = None, sheets: dict | None = None
) -> Path:
    """Fill a blank template: Identitas by its Isian labels, data sheets by their headers."""
    wb = openpyxl.load_workbook(template)
    _fill_open(wb, identitas, sheets)
    wb.save(output)
    return output


def _fill_open(wb, identitas: dict | None, sheets: dict | None) -> None:
    ws = wb["Identitas"]
    cols = header_columns(ws)
    rows = {ws.cell(row=r, column=cols["Isian"]).value: r for r in range(2, ws.max_row + 1)}
    for label, value in {**IDENTITAS, **(identitas or {})}.items():
        ws.cell(row=rows[label], column=cols["Nilai"], value=value)
    data = {**V1_SHEETS, **(sheets or {})}
    for name, records in data.items():
        ws = wb[name]
        cols = header_columns(ws)
        for r, record in enumerate(records, start=2):
            for header, value in record.items():
                ws.cell(row=r, column=column_for(ws, cols, header), value=value)


# --- variants of a filled workbook, patched in its sheet XML ------------------------------------


@functools.cache
def _blank(template: str) -> xlsx_cells.Book:
    return xlsx_cells.Book(Path(template))


def patch_records(
    base: bytes,
    template: Path,
    output: Path,
    identitas: dict | None,
    sheets: dict | None,
    base_sheets: dict[str, list[dict]],
) -> Path:
    """What `fill`/`fill_v2` would write for (identitas, sheets), made from `base`: the same
    template already filled with `base_sheets`' records and the default Identitas.

    A replaced sheet loses every cell the base's records filled, and a header the base added
    (column_for) that the template lacks, before its new records are written as `_fill_open`
    writes them; a None value leaves the template's cell, as `ws.cell(value=None)` does.
    Raises xlsx_cells.NeedsOpenpyxl for a value the XML route does not write as openpyxl.
    """
    blank = _blank(str(template))
    book = xlsx_cells.Book(base)
    if identitas:
        ws, empty = book.sheet("Identitas"), blank.sheet("Identitas")
        cols = ws.headers()
        rows = {ws.value(r, cols["Isian"]): r for r in ws.row_numbers if r >= 2}
        for label, value in identitas.items():
            row, col = rows[label], cols["Nilai"]
            ws.set(row, col, empty.value(row, col) if value is None else value)
    for name, records in (sheets or {}).items():
        ws, empty = book.sheet(name), blank.sheet(name)
        placed = ws.headers()
        for r, record in enumerate(base_sheets.get(name, []), start=2):
            for header in record:
                ws.set(r, placed[header], None)
        cols = empty.headers()
        for header, col in placed.items():
            if header not in cols:
                ws.set(1, col, None)
        for r, record in enumerate(records, start=2):
            for header, value in record.items():
                if header not in cols:
                    cols[header] = max(cols.values(), default=0) + 1
                    ws.set(1, cols[header], header)
                col = cols[header]
                ws.set(r, col, empty.value(r, col) if value is None else value)
    return book.save(output)
