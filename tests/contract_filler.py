"""An independent filler that knows only the contract (WORKBOOK_CONTRACT.md): sheet names and headers.

It deliberately imports nothing from lkjip_xl: it finds each column by its header text in
row 1 of a blank template, the way another program or a person would.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

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


def header_columns(ws, header_row: int = 1) -> dict[str, int]:
    return {str(c.value).strip(): c.column for c in ws[header_row] if c.value is not None}


def fill(
    template: Path, output: Path, identitas: dict | None = None, sheets: dict | None = None
) -> Path:
    """Fill a blank template: Identitas by its Isian labels, data sheets by their headers."""
    wb = openpyxl.load_workbook(template)
    ws = wb["Identitas"]
    cols = header_columns(ws)
    rows = {ws.cell(row=r, column=cols["Isian"]).value: r for r in range(2, ws.max_row + 1)}
    for label, value in {**IDENTITAS, **(identitas or {})}.items():
        ws.cell(row=rows[label], column=cols["Nilai"], value=value)
    data = {"Sasaran": SASARAN, "Anggaran": ANGGARAN, "SKM": SKM}
    data.update(sheets or {})
    for name, records in data.items():
        ws = wb[name]
        cols = header_columns(ws)
        for r, record in enumerate(records, start=2):
            for header, value in record.items():
                ws.cell(row=r, column=cols[header], value=value)
    wb.save(output)
    return output
