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
    # Limits and names (issue 15): what the tool refuses before reading a cell
    "sheet-too-large": Code(
        E,
        "Sheet terlalu luas",
        "Sheet '{sheet}' berisi nilai sampai sel {cell}, di luar batas alat ini ({rows} baris, kolom sampai {columns}, {cells} sel). Hapus baris dan kolom kosong atau tidak terpakai di luar tabel (pilih, klik kanan > Hapus), simpan, lalu coba lagi.",
    ),
    "workbook-too-large": Code(
        E,
        "Buku kerja terlalu besar",
        "Sheet-sheet buku kerja ini bersama-sama berisi lebih dari {cells} sel (batas terlampaui di sheet '{sheet}'). Hapus sheet atau baris lama yang tidak diperlukan (mis. pindahkan ke berkas lain), simpan, lalu coba lagi.",
    ),
    "sheet-name-invalid": Code(
        E,
        "Nama sheet tidak sah",
        "Nama sheet '{sheet}' {reason}. Ganti nama sheet (klik kanan tab > Ganti Nama) tanpa karakter / \\ : * ? [ ] dan paling banyak 31 karakter.",
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
    "number-too-large": Code(
        E,
        "Angka terlalu besar",
        "'{value}' jauh di atas angka mana pun di laporan kecamatan (batas 1.000 triliun). Periksa angka nol yang berlebih atau satuannya, lalu ketik angka yang benar.",
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
    "date-pk-year": Code(
        W,
        "Tanggal Perjanjian Kinerja di tahun lain",
        "Tanggal Perjanjian Kinerja {date} tidak di tahun perjanjian {year}. PK tahun {year} "
        "ditandatangani awal tahun itu: ketik tanggalnya, mis. 2 Januari {year}, atau kosongkan "
        "agar dipakai hari kerja pertama Januari.",
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
    # -- Version 2 sheets (issue 11) ------------------------------------------------------------
    "version-old": Code(
        N,
        "Buku kerja versi lama",
        "Buku kerja ini versi template '{found}'; dibaca apa adanya, tanpa sheet versi {expected} "
        "(Pegawai, Renstra, Riwayat, Rencana Aksi, PK Berjenjang, Gambar). Untuk menambahkannya: "
        "lkjip template --dari buku.xlsx -o buku_baru.xlsx, lalu salin isinya.",
    ),
    "pegawai-rank-unknown": Code(
        W,
        "Pangkat/golongan tidak dikenali",
        "'{value}' tidak dikenali sebagai pangkat atau golongan PNS; pegawai ini tidak dihitung "
        "dalam tabel golongan. Ketik mis. 'Penata Muda (III/a)', 'III/a' atau 'Penata Muda'.",
    ),
    "pegawai-rank-conflict": Code(
        W,
        "Pangkat dan golongan tidak cocok",
        "Pangkat '{value}' berarti golongan {named}, tetapi tertulis {given}; dipakai {given}. "
        "Perbaiki pangkat atau golongannya.",
    ),
    "pegawai-camat-missing": Code(
        E,
        "Camat tidak ada di Pegawai",
        "Sheet Pegawai tidak berisi baris camat (Jabatan diawali 'Camat' atau Atasan Langsung "
        "kosong). Tambahkan baris camat: Nama dan NIP seperti di Identitas, Jabatan 'Camat "
        "{kecamatan}', Atasan Langsung kosong.",
    ),
    "pegawai-camat-duplicate": Code(
        E,
        "Lebih dari satu puncak struktur",
        "'{jabatan}' tidak punya Atasan Langsung, padahal puncak struktur sudah '{top}' (baris "
        "{other_row}). Isi Atasan Langsung dengan Jabatan atasannya.",
    ),
    "pegawai-camat-mismatch": Code(
        E,
        "Camat berbeda dengan Identitas",
        "{column} camat di sheet Pegawai '{value}' berbeda dengan Identitas '{expected}'. Samakan "
        "keduanya (yang benar dipakai di sampul dan Perjanjian Kinerja).",
    ),
    "pegawai-camat-atasan": Code(
        N,
        "Atasan Langsung camat tidak dipakai",
        "Atasan Langsung camat '{value}' tidak dipakai: Perjanjian Kinerja camat ditandatangani "
        "dengan Jabatan Atasan dan Nama Atasan di Identitas ('{expected}'). Kosongkan sel ini, "
        "atau perbaiki Jabatan Atasan di Identitas bila itu yang salah.",
    ),
    "pegawai-atasan-unknown": Code(
        E,
        "Atasan Langsung tidak ditemukan",
        "Atasan Langsung '{value}' tidak ada di kolom Jabatan sheet Pegawai. Ketik Jabatan atasan "
        "persis seperti di barisnya, mis. {example}.",
    ),
    "pegawai-atasan-shared": Code(
        E,
        "Atasan Langsung dipegang beberapa pegawai",
        "Atasan Langsung '{value}' adalah jabatan {count} pegawai di sheet Pegawai (baris "
        "{rows}), jadi tidak jelas siapa yang menandatangani. Bedakan jabatan mereka (mis. "
        "tambahkan nama seksinya) dan ketik jabatan itu di sini.",
    ),
    "pk-jabatan-shared": Code(
        E,
        "Jabatan PK dipegang beberapa pegawai",
        "Jabatan '{value}' dipegang {count} pegawai di sheet Pegawai (baris {rows}); Perjanjian "
        "Kinerja ditandatangani satu pejabat. Ketik jabatan yang dipegang satu orang saja, atau "
        "bedakan jabatan mereka di sheet Pegawai.",
    ),
    "pegawai-chain-loop": Code(
        E,
        "Rantai atasan berputar",
        "Rantai Atasan Langsung dari '{jabatan}' berputar ({chain}) dan tidak sampai ke camat. "
        "Perbaiki Atasan Langsung salah satu jabatan itu.",
    ),
    "reference-indicator-unknown": Code(
        E,
        "Indikator tidak ada di Sasaran",
        "Indikator '{indicator}' dengan Kode Sasaran '{code}' tidak ada di sheet Sasaran. Salin "
        "Kode Sasaran dan Indikator Kinerja persis dari sheet Sasaran{known}.",
    ),
    "reference-code-unknown": Code(
        E,
        "Kode tidak ada di Anggaran atau Renstra",
        "Kode '{value}' tidak ada di sheet Anggaran maupun Renstra. Ketik kode program/kegiatan/sub "
        "kegiatan yang ada{hint}.",
    ),
    "reference-jabatan-unknown": Code(
        E,
        "Jabatan tidak ada di Pegawai",
        "Jabatan '{value}' tidak ada di sheet Pegawai. Ketik Jabatan persis seperti di sheet "
        "Pegawai (dan tambahkan pejabatnya di sana bila belum ada).",
    ),
    "renstra-row-kind": Code(
        E,
        "Baris Renstra tanpa acuan",
        "Baris ini tidak menyebut Kode Sasaran, Tujuan maupun Kode. Isi Kode Sasaran (indikator "
        "sasaran), Tujuan (indikator tujuan) atau Kode (program/kegiatan).",
    ),
    "renstra-uraian-required": Code(
        E,
        "Uraian wajib untuk kode di luar Anggaran",
        "Kode '{value}' tidak ada di sheet Anggaran, jadi namanya tidak diketahui. Isi Uraian "
        "dengan nama program/kegiatannya.",
    ),
    "renstra-target-text": Code(
        N,
        "Target Renstra berupa teks",
        "'{value}' bukan angka atau nilai huruf; dicetak apa adanya dan tidak dibandingkan dengan "
        "realisasi.",
    ),
    "renstra-end-target-differs": Code(
        W,
        "Target akhir Renstra berbeda",
        "Target Akhir '{renstra}' di sheet Renstra berbeda dengan Target Akhir Renstra '{sasaran}' "
        "di sheet Sasaran (baris {row}); dipakai yang di sheet Sasaran. Samakan keduanya.",
    ),
    "pk-target-this-year": Code(
        W,
        "Target PK tahun depan diambil dari tahun ini",
        "Perjanjian Kinerja tahun {pk_year}: sheet Renstra tidak memberi {what} tahun {pk_year} "
        "untuk {count} {items}; dipakai angka tahun {year}. Tambahkan kolom '{column} {pk_year}' "
        "di sheet Renstra bila berbeda.",
    ),
    "history-year-invalid": Code(
        E,
        "Tahun riwayat bukan tahun lalu",
        "Tahun {value} bukan tahun sebelum Tahun Laporan {year}. Riwayat berisi tahun-tahun lalu; "
        "angka tahun {year} diisi di sheet {sheet_now}.",
    ),
    "history-duplicate": Code(
        E,
        "Riwayat ganda",
        "{what} tahun {value} sudah ada di baris {other_row}. Hapus salah satunya.",
    ),
    "history-last-year-differs": Code(
        W,
        "Riwayat berbeda dengan tahun lalu di Sasaran",
        "{column} tahun {value} di Riwayat '{history}' berbeda dengan {column} Tahun Lalu di "
        "sheet Sasaran '{sasaran}'; dipakai yang di Sasaran. Samakan keduanya.",
    ),
    "plan-row-kind": Code(
        E,
        "Jenis baris Rencana Aksi tidak jelas",
        "Baris ini tidak punya Kode Sasaran (baris indikator) maupun Kode (baris aksi). Isi Kode "
        "Sasaran untuk indikator Perjanjian Kinerja, atau Kode program/kegiatan untuk rencana aksi.",
    ),
    "plan-action-empty": Code(
        E,
        "Baris aksi tanpa isi",
        "Baris aksi dengan Kode '{value}' tidak berisi Rencana Aksi maupun Indikator Kinerja. "
        "Tulis apa yang akan dikerjakan atau indikatornya.",
    ),
    "plan-quarters-mismatch": Code(
        W,
        "Target triwulan tidak cocok dengan target tahunan",
        "Target triwulan ({quarters}) tidak berjumlah {annual} dan target TW IV bukan {annual} "
        "(target tahunan). Periksa angkanya, atau isi kolom Kumulatif.",
    ),
    "plan-pagu-over": Code(
        W,
        "Pagu rencana aksi melebihi pagu kode",
        "Pagu {value} melebihi pagu kode '{code}' di sheet Anggaran ({pagu}). Periksa angkanya.",
    ),
    "cascade-codes-nested": Code(
        E,
        "Kode bertingkat dalam satu PK",
        "Kode '{inner}' termasuk dalam kode '{outer}' yang juga dicantumkan untuk {jabatan} (baris "
        "{other_row}). Cantumkan programnya saja atau kegiatannya saja.",
    ),
    "cascade-pagu-over": Code(
        E,
        "Bagian pagu melebihi pagu kode",
        "Pagu {value} melebihi pagu kode '{code}' ({pagu}). Bagian pagu seorang pejabat tidak "
        "boleh melebihi pagu kodenya.",
    ),
    "cascade-pagu-several-codes": Code(
        E,
        "Bagian pagu untuk beberapa kode",
        "Pagu diisi untuk beberapa kode sekaligus ({codes}). Tulis satu kode per baris bila "
        "pejabat ini hanya memegang sebagian pagu.",
    ),
    "cascade-pagu-conflict": Code(
        E,
        "Bagian pagu berbeda untuk kode yang sama",
        "Pagu kode '{code}' untuk {jabatan} tertulis {value}, di baris {other_row} {other}. "
        "Samakan angkanya.",
    ),
    "cascade-signatory-missing": Code(
        E,
        "Penanda tangan PK tanpa nama",
        "Jabatan '{value}' di sheet Pegawai tanpa nama, padahal menandatangani Perjanjian Kinerja. "
        "Isi Nama (dan NIP) pejabat itu di sheet Pegawai.",
    ),
    "gambar-empty": Code(
        N,
        "Bagian tanpa gambar",
        "Baris '{value}' belum berisi gambar dan dilewati. Tempel gambarnya di sel ini bila perlu.",
    ),
    "gambar-no-bagian": Code(
        E,
        "Gambar tanpa Bagian",
        "Gambar di sel ini tidak punya Bagian. Isi kolom Bagian di barisnya (Logo, Peta Wilayah, "
        "Struktur Organisasi, atau judul gambar).",
    ),
    "gambar-several": Code(
        E,
        "Lebih dari satu gambar di satu baris",
        "Baris '{value}' berisi {count} gambar. Satu baris untuk satu gambar; pindahkan gambar lain "
        "ke baris baru dengan Bagiannya sendiri.",
    ),
    "gambar-format": Code(
        E,
        "Format gambar tidak didukung",
        "Gambar '{value}' bukan PNG atau JPEG. Simpan gambar itu sebagai PNG atau JPEG lalu "
        "tempel ulang.",
    ),
    "gambar-too-large": Code(
        E,
        "Gambar terlalu besar",
        "Gambar '{value}' berukuran {size} MB (batas {limit} MB). Perkecil atau kompres gambarnya "
        "(mis. simpan sebagai JPEG) lalu tempel ulang.",
    ),
    "gambar-unreadable": Code(
        E,
        "Gambar tidak dapat dibaca",
        "Gambar '{value}' tidak ditemukan di dalam berkas (rusak). Hapus lalu tempel ulang gambarnya.",
    ),
    "narasi-reference-unknown": Code(
        E,
        "Bagian Narasi menyebut kode yang tidak ada",
        "'{value}': {what} '{code}' tidak ada di sheet {sheet_ref}. Ketik {what} yang ada, mis. "
        "{example}.",
    ),
    "carry-budget-history-skipped": Code(
        W,
        "Riwayat Anggaran tidak ditambah",
        "Pagu dan realisasi tahun {year} tidak ditambahkan ke Riwayat Anggaran karena sheet "
        "Anggaran masih berisi isian yang tidak dapat dibaca. Perbaiki (lkjip validate) lalu "
        "ulangi, atau ketik baris tahun {year} sendiri di Riwayat Anggaran.",
    ),
    "table-placement-invalid": Code(
        E,
        "Letak tabel tidak dikenal",
        "Letak '{value}' tidak dikenal. Tulis 'Letak: Bab I', 'Letak: Bab II', 'Letak: Bab III' "
        "atau 'Letak: Lampiran'.",
    ),
    # What one output needs beyond a readable workbook (read/readiness.py)
    "realisasi-missing": Code(
        E,
        "Realisasi belum diisi",
        "Realisasi kosong, dan belum ada satu pun realisasi di sheet {sheet}. LKjIP akhir tahun "
        "memerlukan realisasi: ketik realisasinya di sel ini. Di awal tahun, Perjanjian Kinerja "
        "dapat dibuat tanpa realisasi dengan 'lkjip pk'.",
    ),
    "triwulan-realisasi-missing": Code(
        E,
        "Realisasi triwulan belum diisi",
        "Realisasi TW {quarter} kosong. Laporan triwulan {quarter} memerlukan realisasi setiap "
        "indikator sampai triwulan itu: ketik realisasi TW {quarter} di sel ini.",
    ),
    "pk-from-this-year": Code(
        W,
        "Angka Perjanjian Kinerja dari tahun laporan",
        "Perjanjian Kinerja tahun {year}: sheet Renstra tidak memuat {what} tahun {year} untuk "
        "'{name}', jadi dipakai angka tahun laporan ({value}). Bila berbeda, isi kolom "
        "'{what} {year}' di sheet Renstra.",
    ),
    "triwulan-plan-empty": Code(
        E,
        "Rencana Aksi kosong",
        "Sheet Rencana Aksi belum berisi baris indikator (Kode Sasaran dan Indikator Kinerja "
        "seperti di sheet Sasaran, dengan target dan realisasi per triwulan). Isi sheet itu untuk "
        "membuat laporan triwulan.",
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
