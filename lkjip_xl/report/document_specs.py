"""The tables of the documents made beside the LKjIP: the Perjanjian Kinerja (its lampiran of
targets and of programs with the Jumlah) and the quarterly monitoring report. Declared as the
draft's tables are (specs.py); the template builder lays them out, the contexts (context/pk.py,
context/triwulan.py) give their rows these keys."""

from __future__ import annotations

from lkjip_xl.report.specs import TableSpec, number, text

PK_TARGET = TableSpec(
    "pk_target",
    "k.target",
    (
        text("No", "no", 1),
        text("Sasaran Strategis", "sasaran", 5.5),
        text("Indikator Kinerja", "indikator", 6),
        text("Target", "target", 2.5),
    ),
)
PK_PROGRAM = TableSpec(
    "pk_program",
    "k.program",
    (
        text("No", "no", 1),
        text("Program / Kegiatan / Sub Kegiatan", "uraian", 8),
        number("Anggaran (Rp)", "anggaran", 3.5),
        text("Ket", "ket", 2.5),
    ),
    total=("", "Jumlah", "{{ k.jumlah }}", ""),
)
TW_INDIKATOR = TableSpec(
    "tw_indikator",
    "indikator",
    (
        text("No", "no", 1.0),
        text("Indikator Kinerja", "indikator", 3.5),
        text("Target TW {{ tw }}", "target", 1.7),
        text("Realisasi TW {{ tw }}", "realisasi", 1.8),
        text("Target s.d. TW {{ tw }}", "target_kumulatif", 1.7),
        text("Realisasi s.d. TW {{ tw }}", "realisasi_kumulatif", 1.8),
        number("Capaian (%)", "capaian", 1.8),
        text("Predikat", "predikat", 2.0),
    ),
)
TW_AKSI = TableSpec(
    "tw_aksi",
    "aksi",
    (
        text("No", "no", 1.0),
        text("Rencana Aksi", "aksi", 4.0),
        text("Target Tahun", "target", 1.7),
        text("Target s.d. TW {{ tw }}", "target_kumulatif", 1.7),
        text("Realisasi s.d. TW {{ tw }}", "realisasi_kumulatif", 1.8),
        number("Progres (%)", "progres", 1.8),
        text("Penanggung Jawab", "penanggung_jawab", 3.3),
    ),
)
RENCANA_AKSI = TableSpec(
    "lampiran_rencana_aksi",
    "rencana_aksi",
    (
        text("No", "no", 1.0),
        text("Indikator / Rencana Aksi", "uraian", 4.0),
        text("Target", "target", 1.5),
        *(text(f"TW {q}", f"tw{i}", 1.7) for i, q in enumerate(("I", "II", "III", "IV"), 1)),
        text("Kumulatif", "kumulatif", 1.7),
    ),
    shown_if="rencana_aksi",
)
