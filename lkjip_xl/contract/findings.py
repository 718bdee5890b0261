"""One record for every problem found in a workbook, and the catalogue of its codes.

A finding names its sheet and cell, carries a stable code (documented in
docs/KONTRAK_BUKU_KERJA.md, generated from CODES) and an Indonesian message built from the
code's template, which says what is wrong and what to type instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

from lkjip_xl.contract.cells import cell_sort_key


class Severity(StrEnum):
    """Error stops the report; warning does not; info (shown as *catatan*) says what the tool
    did on the staff's behalf (a title removed, a typed total recognised) and never stops anything."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Code:
    severity: Severity
    title: str
    template: str


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: a note (info)

CODES: dict[str, Code] = {
    # The workbook as a whole
    "sheet-missing": Code(
        E,
        "Sheet wajib tidak ada",
        "Sheet '{sheet}' tidak ditemukan. Tambahkan sheet bernama '{sheet}' (salin dari buku kerja kosong).",
    ),
    "sheet-required-by-setting": Code(
        E,
        "Sheet diperlukan oleh pengaturan",
        "Sheet '{sheet}' wajib ada karena {reason}. Tambahkan sheet '{sheet}' atau ubah pengaturannya di sheet Identitas.",
    ),
    "version-mismatch": Code(
        E,
        "Versi template berbeda",
        "Buku kerja ini memakai versi template '{found}', sedangkan alat ini membaca versi '{expected}'. Minta buku kerja kosong yang baru (lkjip template) lalu salin isinya.",
    ),
    "version-missing": Code(
        W,
        "Versi template tidak tertulis",
        "Isian 'Versi Template' tidak ada; buku kerja dibaca sebagai versi {expected}. Sebaiknya pakai buku kerja dari 'lkjip template'.",
    ),
    # Headers
    "header-not-found": Code(
        E,
        "Baris judul kolom tidak ditemukan",
        "Baris judul kolom tidak ditemukan di 10 baris pertama sheet '{sheet}'. Tulis judul kolom persis seperti buku kerja kosong: {expected}.",
    ),
    "header-missing": Code(
        E,
        "Kolom wajib tidak ada",
        "Kolom '{column}' tidak ada di sheet '{sheet}'. Tambahkan kolom berjudul '{column}' pada baris judul.",
    ),
    "header-duplicate": Code(
        E, "Kolom ganda", "Kolom '{column}' muncul dua kali. Hapus atau ganti judul salah satunya."
    ),
    "column-extra": Code(
        W, "Kolom tambahan diabaikan", "Kolom '{column}' bukan bagian dari template dan diabaikan."
    ),
    "row-after-gap": Code(
        W,
        "Baris terpisah diabaikan",
        "Baris {row} terpisah dari tabel oleh baris kosong dan diabaikan (baris terpisah diabaikan). Hapus baris kosong di atasnya bila baris ini termasuk data.",
    ),
    # Cells
    "value-required": Code(E, "Isian wajib kosong", "'{column}' wajib diisi. {hint}"),
    "value-blank": Code(W, "Isian kosong", "'{column}' kosong. {hint}"),
    "number-invalid": Code(
        E,
        "Bukan angka",
        "'{value}' bukan angka. Ketik angka seperti 1.234.567 atau 82,17 (atau '-' bila tidak ada).",
    ),
    "integer-invalid": Code(
        E,
        "Bukan bilangan bulat",
        "'{value}' bukan bilangan bulat. Ketik angka tanpa koma, mis. 12.",
    ),
    "measure-invalid": Code(
        E,
        "Nilai tidak dikenali",
        "'{value}' tidak dikenali sebagai nilai. Ketik angka (84 atau 82,17), nilai SAKIP seperti B (61), huruf predikat seperti BB, atau '-' bila tidak ada.",
    ),
    "formula-no-cache": Code(
        E,
        "Rumus tanpa hasil tersimpan",
        "Sel ini berisi rumus yang belum pernah dihitung. Buka dan simpan ulang di Excel atau LibreOffice, atau ketik nilainya langsung.",
    ),
    "choice-invalid": Code(
        E,
        "Pilihan tidak dikenal",
        "'{value}' bukan pilihan yang sah untuk '{column}'. Pilih salah satu: {choices}.",
    ),
    "date-invalid": Code(
        E,
        "Bukan tanggal",
        "'{value}' bukan tanggal. Ketik tanggal seperti 22/02/2024 atau 22 Februari 2024.",
    ),
    "year-invalid": Code(
        E, "Tahun tidak sah", "'{value}' bukan tahun. Ketik tahun 4 angka, mis. 2023."
    ),
    "nip-invalid": Code(
        E,
        "NIP tidak sah",
        "NIP '{value}' berisi {digits} angka; NIP harus 18 angka (spasi boleh), mis. 196606131996031001.",
    ),
    "setting-unknown": Code(
        W,
        "Isian tidak dikenal",
        "Isian '{value}' tidak dikenal dan diabaikan. Periksa ejaannya dengan buku kerja kosong.",
    ),
    "setting-duplicate": Code(
        E, "Isian ganda", "Isian '{label}' muncul lebih dari sekali. Hapus salah satu baris."
    ),
    "amount-negative": Code(
        E, "Jumlah negatif", "Jumlah tidak boleh negatif ({value}). Ketik 0 atau jumlah yang benar."
    ),
    # Sasaran
    "indicator-duplicate": Code(
        E,
        "Indikator ganda",
        "Indikator '{indicator}' pada sasaran '{sasaran}' sudah ada di baris {other_row}. Hapus salah satu atau bedakan rumusannya.",
    ),
    "target-zero": Code(
        W,
        "Target nol",
        "Target 0 pada indikator positif membuat capaian tidak dapat dihitung. Periksa targetnya.",
    ),
    "target-zero-negative": Code(
        W,
        "Target nol (negatif)",
        "Target 0 pada indikator negatif: capaian 100% bila realisasi 0, selain itu 0%.",
    ),
    "letter-mismatch": Code(
        E,
        "Nilai huruf tidak dapat dibandingkan",
        "Target '{target}' berupa huruf tetapi realisasi '{value}' bukan huruf SAKIP (AA, A, BB, B, CC, C, D). Samakan bentuknya, mis. B (61) dan B (62,08).",
    ),
    # SKM
    "skm-answer-invalid": Code(
        E,
        "Jawaban SKM tidak sah",
        "Jawaban '{value}' tidak sah. Ketik bilangan bulat 1, 2, 3 atau 4.",
    ),
    "skm-answer-blank": Code(
        W, "Jawaban SKM kosong", "Jawaban {column} kosong; tidak dihitung dalam NRR unsur ini."
    ),
    "skm-element-unknown": Code(
        W,
        "Unsur SKM tanpa nama",
        "Kolom {column} tidak punya nama di sheet 'Unsur SKM'; dipakai nama '{column}'.",
    ),
    "skm-sample-small": Code(
        W,
        "Sampel SKM kurang",
        "Jumlah responden {count} kurang dari sampel minimal {needed} untuk populasi {population} (tabel Krejcie-Morgan).",
    ),
    "skm-empty": Code(
        W, "SKM tanpa responden", "Sheet SKM tidak berisi responden; IKM tidak dihitung."
    ),
    # Anggaran
    "budget-code-invalid": Code(
        E,
        "Kode tidak sah",
        "Kode '{value}' tidak sah. Tulis kode Permendagri 90/2019 dengan titik: program 3 bagian (7.01.01), kegiatan 5 (7.01.01.2.06), sub kegiatan 6 (7.01.01.2.06.04).",
    ),
    "budget-level-missing": Code(
        E,
        "Tingkat tidak diketahui",
        "Baris ini tidak punya Kode maupun Tingkat. Isi Tingkat (Program, Kegiatan atau Sub Kegiatan) atau Kode.",
    ),
    "budget-level-conflict": Code(
        W,
        "Tingkat berbeda dengan kode",
        "Tingkat '{level}' berbeda dengan kode '{code}' (yang menunjukkan {code_level}); dipakai tingkat dari kode.",
    ),
    "budget-orphan": Code(
        E,
        "Tanpa induk",
        "{level} '{name}' tidak punya induk di atasnya. Tambahkan baris programnya (dan kegiatannya) di atas baris ini, atau perbaiki kodenya.",
    ),
    "budget-code-duplicate": Code(
        E,
        "Kode ganda",
        "Kode '{value}' sudah dipakai di baris {other_row}. Setiap program/kegiatan/sub kegiatan hanya satu baris.",
    ),
    "budget-parent-mismatch": Code(
        E,
        "Jumlah induk berbeda",
        "{column} {level} ini tertulis {given}, tetapi jumlah rinciannya {computed} (selisih {difference}). Perbaiki angkanya atau kosongkan sel ini agar dijumlahkan oleh alat.",
    ),
    "budget-amount-missing": Code(
        E,
        "Jumlah kosong",
        "{column} kosong pada baris terendah. Ketik jumlahnya (0 bila memang nol).",
    ),
    "budget-over-pagu": Code(
        E,
        "Realisasi melebihi pagu",
        "Realisasi {realisasi} melebihi pagu {pagu}. Periksa kedua angka.",
    ),
    "budget-empty": Code(
        E,
        "Anggaran kosong",
        "Sheet Anggaran tidak berisi baris. Isi program, kegiatan dan sub kegiatan dari DPA.",
    ),
    "budget-sasaran-unknown": Code(
        W,
        "Kode sasaran tidak dikenal",
        "Kode Sasaran '{value}' tidak ada di sheet Sasaran; program ini tidak dihitung dalam serapan per sasaran.",
    ),
    # Skala
    "scale-gap": Code(
        E,
        "Skala berlubang",
        "Skala berlubang antara {upper} dan {lower}: nilai di antaranya tidak punya predikat. Samakan batas atas satu pita dengan batas bawah pita berikutnya.",
    ),
    "scale-overlap": Code(
        E,
        "Skala bertumpuk",
        "Pita {a} dan {b} bertumpuk. Samakan batas atas satu pita dengan batas bawah pita berikutnya.",
    ),
    "scale-band-invalid": Code(
        E, "Pita skala tidak sah", "Batas atas {upper} tidak lebih besar dari batas bawah {lower}."
    ),
    "scale-open-band": Code(
        E,
        "Batas atas kosong",
        "Hanya pita teratas yang boleh tanpa batas atas. Isi batas atas pita ini.",
    ),
    # Sasaran sheet as a whole
    "sasaran-empty": Code(
        E,
        "Sasaran kosong",
        "Sheet Sasaran tidak berisi indikator. Isi sasaran dan indikator dari Perjanjian Kinerja.",
    ),
    "sasaran-code-conflict": Code(
        W,
        "Kode sasaran dipakai dua rumusan",
        "Kode Sasaran '{code}' dipakai untuk dua rumusan sasaran berbeda ('{first}' dan '{second}').",
    ),
    # The kabupaten's list of kecamatan (lkjip template --daftar)
    "list-kecamatan-missing": Code(
        E,
        "Kolom Kecamatan tidak ada di daftar",
        "Kolom 'Kecamatan' tidak ditemukan di 10 baris pertama sheet '{sheet}'. Tulis judul 'Kecamatan' di atas nama-nama kecamatan; judul kolom lain memakai label sheet Identitas (mis. Kabupaten/Kota, Nama Camat).",
    ),
    "list-column-unknown": Code(
        W,
        "Kolom daftar diabaikan",
        "Kolom '{column}' bukan label sheet Identitas dan diabaikan. Label yang dikenal: {labels}.",
    ),
    "list-row-empty": Code(
        W,
        "Baris kosong di daftar",
        "Baris {row} kosong dan dilewati. Hapus baris kosong di tengah daftar.",
    ),
    "list-kecamatan-blank": Code(
        E,
        "Nama kecamatan kosong",
        "Baris {row} berisi data tetapi nama Kecamatan kosong. Isi nama kecamatan atau hapus baris ini.",
    ),
    "list-duplicate": Code(
        E,
        "Kecamatan ganda di daftar",
        "Kecamatan '{name}' sudah ada di baris {first}. Setiap kecamatan cukup satu baris; hapus salah satunya.",
    ),
    "list-empty": Code(
        E,
        "Daftar kosong",
        "Daftar tidak berisi satu kecamatan pun. Isi satu kecamatan per baris di bawah judul 'Kecamatan'.",
    ),
    "renstra-period-ended": Code(
        W,
        "Periode Renstra sudah berakhir",
        "Periode Renstra {period} berakhir sebelum tahun {year}. Perbarui Periode Renstra dan Target Akhir Renstra di buku kerja tahun {year} bila Renstra baru sudah ditetapkan.",
    ),
    "output-exists": Code(
        E,
        "Berkas keluaran sudah ada",
        "Berkas '{name}' sudah ada di folder keluaran dan tidak ditimpa (mungkin sudah diisi). Pilih folder lain atau pindahkan berkas itu.",
    ),
    # -- Reading rules of version 2 (issue 13): staff-edited workbooks --------------------------
    "sheet-misnamed": Code(
        E,
        "Sheet bernama lain",
        "Sheet '{found}' tampaknya sheet '{expected}' dengan nama lain, sehingga isinya belum "
        "dibaca. Ganti nama sheet '{found}' menjadi '{expected}' (klik kanan tab > Ganti Nama).",
    ),
    "sheet-near-duplicate": Code(
        W,
        "Salinan sheet tidak dibaca",
        "Sheet '{found}'{state} mirip sheet '{expected}' tetapi tidak dibaca: hanya sheet "
        "'{expected}' yang dibaca. Bila data yang benar ada di '{found}', pindahkan ke "
        "'{expected}', lalu hapus '{found}'.",
    ),
    "sheet-hidden": Code(
        N,
        "Sheet tersembunyi tetap dibaca",
        "Sheet '{sheet}' tersembunyi tetapi tetap dibaca. Tampilkan (klik kanan tab > "
        "Tampilkan/Unhide) untuk memeriksa isinya.",
    ),
    "row-gap": Code(
        N,
        "Baris kosong di tengah tabel",
        "Ada baris kosong di atas baris {row}; baris {row} dan seterusnya tetap dibaca sebagai "
        "bagian tabel.",
    ),
    "row-note": Code(
        N,
        "Baris keterangan",
        "Baris {row} hanya berisi keterangan ('{text}') dan tidak dibaca sebagai data.",
    ),
    "row-header-repeat": Code(
        N, "Judul kolom berulang", "Baris {row} mengulang judul kolom dan dilewati."
    ),
    "table-second": Code(
        E,
        "Tabel kedua di sheet yang sama",
        "Baris {row} adalah judul tabel kedua ({headers}); tabel kedua tidak dibaca dan tidak "
        "boleh tergabung dengan tabel pertama. Pindahkan tabel kedua ke sheet lain (mis. sheet "
        "'Tabel …') atau hapus.",
    ),
    "header-two-rows": Code(
        E,
        "Judul kolom dua baris tidak terbaca",
        "Judul kolom di baris {upper} dan {lower} bertumpuk dua baris dan tidak dapat dibaca: "
        "{detail}. Tulis semua judul kolom dalam satu baris, satu judul per kolom, mis. '{example}'.",
    ),
    "header-other-row": Code(
        E,
        "Judul kolom di baris lain",
        "Kolom '{column}' ada di baris {found_row}, bukan di baris judul (baris {header_row}). "
        "Tulis semua judul kolom dalam satu baris.",
    ),
    "summary-row": Code(
        N,
        "Baris jumlah/rata-rata diketik",
        "Baris '{label}' dibaca sebagai baris {kind} yang diketik: tidak dihitung sebagai data. "
        "{checked}",
    ),
    "summary-mismatch": Code(
        E,
        "Baris jumlah/rata-rata tidak cocok",
        "{column} pada baris '{label}' tertulis {given}, tetapi {what} menurut alat {computed} "
        "(selisih {difference}). Perbaiki angkanya atau hapus baris ini; baris jumlah/rata-rata "
        "tidak dihitung sebagai data.",
    ),
    "cell-error-value": Code(
        E,
        "Nilai galat",
        "Sel ini berisi nilai galat {value}{formula}, bukan angka. Perbaiki rumusnya (mis. "
        "pembagian dengan nol atau rujukan ke sel yang terhapus) atau ketik nilainya langsung.",
    ),
    "amount-unit-scaled": Code(
        W,
        "Jumlah dalam {unit}",
        "Judul '{header}' menyebut satuan {unit}: setiap angka kolom ini dikalikan {factor} "
        "(mis. {example_in} dibaca Rp {example_out}). Bila angkanya sudah rupiah penuh, hapus "
        "satuan dari judul.",
    ),
    "amount-unit-unknown": Code(
        E,
        "Satuan jumlah tidak dikenal",
        "Satuan '{unit}' pada judul '{header}' bukan satuan rupiah. Tulis '{column}' saja "
        "(rupiah), '{column} (Rp 000)' bila angkanya dalam ribuan, atau '{column} (Rp juta)' "
        "bila dalam jutaan.",
    ),
    "budget-row-duplicate": Code(
        E,
        "Baris anggaran ganda",
        "{level} '{name}' dengan pagu dan realisasi yang sama sudah ada di baris {other_row} "
        "di bawah induk yang sama; baris ini terhitung dua kali. Hapus salah satunya.",
    ),
    "budget-block-duplicate": Code(
        E,
        "Blok anggaran ganda",
        "{level} '{name}' beserta rinciannya ({count} baris) mengulang blok yang sama di baris "
        "{other_row}; blok ini terhitung dua kali. Hapus salah satu blok.",
    ),
    "budget-total-as-row": Code(
        E,
        "Baris jumlah terbaca sebagai program",
        "Pagu program '{name}' ({pagu}) sama dengan jumlah semua program lain: baris ini "
        "tampaknya baris jumlah yang diketik. Hapus baris ini, atau tulis 'Jumlah' di kolom "
        "Uraian agar dibaca sebagai baris jumlah.",
    ),
    "budget-total-small": Code(
        W,
        "Total pagu sangat kecil",
        "Total pagu seluruh program hanya Rp {total}. Bila angka ditulis dalam ribuan atau "
        "jutaan rupiah, tulis satuannya di judul kolom, mis. 'Pagu (Rp 000)' atau "
        "'Pagu (Rp juta)'.",
    ),
    "percent-unit-suspect": Code(
        W,
        "Persen ditulis sebagai pecahan",
        "Indikator bersatuan % ini bernilai {values}, sedangkan indikator % lain bernilai "
        "puluhan. Bila maksudnya {example}%, ketik {example} atau {example}%, bukan {small}.",
    ),
    "name-cleaned": Code(N, "Nama dirapikan", "'{value}' dibaca sebagai '{cleaned}': {reason}."),
    "kabupaten-word-missing": Code(
        W,
        "Kabupaten/Kota tanpa kata Kabupaten atau Kota",
        "'{value}' tidak diawali 'Kabupaten' atau 'Kota'; draf mencetaknya apa adanya "
        "(mis. 'PEMERINTAH {upper}'). Tulis 'Kabupaten {value}' atau 'Kota {value}'.",
    ),
    "nip-label-removed": Code(
        N,
        "Awalan NIP dihapus",
        "NIP ditulis dengan awalan '{label}'; dibaca '{cleaned}'. Cukup ketik 18 angka NIP.",
    ),
    "nip-characters": Code(
        E,
        "NIP berisi tanda lain",
        "NIP '{value}' berisi {chars} selain angka dan spasi. Ketik 18 angka NIP saja (spasi "
        "boleh), mis. 19660613 199603 1 001.",
    ),
    "date-report-year": Code(
        W,
        "Tanggal laporan bukan tahun berikutnya",
        "Tanggal Laporan {date} tidak di tahun {expected} (tahun sesudah Tahun Laporan {year}). "
        "Bila ini buku kerja tahun lalu, perbarui Tahun Laporan, tanggal dan angka-angkanya.",
    ),
    "skm-date-year": Code(
        W,
        "Tanggal survei di luar tahun laporan",
        "{count} tanggal survei di luar Tahun Laporan {year}, yang pertama {date}. Periksa "
        "apakah data SKM ini dari tahun lain.",
    ),
    "figures-last-year": Code(
        W,
        "Angka sama dengan tahun lalu",
        "Target dan Realisasi semua {count} indikator sama persis dengan Target dan Realisasi "
        "Tahun Lalu. Bila buku kerja tahun lalu dikirim ulang, isi angka tahun {year}.",
    ),
}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    sheet: str | None
    cell: str | None
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_info(self) -> bool:
        return self.severity is Severity.INFO

    def as_dict(self) -> dict[str, str | None]:
        d = asdict(self)
        d["severity"] = self.severity.value
        return d


def finding(code: str, sheet: str | None, cell: str | None, /, **params: object) -> Finding:
    """Build a finding from its code's template; unknown codes are a programming error."""
    spec = CODES[code]
    return Finding(code, spec.severity, sheet, cell, spec.template.format(**params))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def sort_key(f: Finding) -> tuple[int, str, tuple[int, int]]:
    """Errors first, then warnings, then notes; each by sheet and by cell in reading order."""
    return (_SEVERITY_ORDER[f.severity], f.sheet or "", cell_sort_key(f.cell))
