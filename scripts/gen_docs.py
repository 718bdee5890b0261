"""Generate docs/KONTRAK_BUKU_KERJA.md from the schema and the finding catalogue.

Run `python scripts/gen_docs.py`; tests/test_docs.py fails when the committed file is stale,
so the documentation can never drift from the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lkjip_xl.contract.findings import CODES  # noqa: E402
from lkjip_xl.contract.schema import (  # noqa: E402
    ALL_SHEETS,
    CONTRACT_VERSION,
    GLOSSARY,
    IDENTITY_SHEET,
    SETTINGS,
)
from lkjip_xl.write.template import FREE_TABLE_HELP  # noqa: E402

TARGET = ROOT / "docs" / "KONTRAK_BUKU_KERJA.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def contract_markdown() -> str:
    out = [
        f"# Kontrak buku kerja LKjIP, versi {CONTRACT_VERSION}",
        "",
        "<!-- Dibuat oleh scripts/gen_docs.py dari lkjip_xl/schema.py dan lkjip_xl/findings.py; jangan disunting. -->",
        "",
        "Nama sheet dan judul kolom di bawah ini adalah kontrak antara buku kerja dan alat. Huruf besar/kecil, "
        "spasi, baris baru dan satuan dalam kurung di akhir judul tidak berpengaruh. Urutan kolom bebas; kolom "
        "tambahan diabaikan (dengan catatan). Kolom 'diisi alat' ditulis oleh `lkjip fill`.",
        "",
    ]
    for spec in ALL_SHEETS:
        need = "wajib" if spec.required else (spec.required_when or "opsional")
        out += [f"## `{spec.name}` ({need})", "", spec.help, ""]
        if spec is IDENTITY_SHEET:
            out += [
                "| Isian | Wajib | Jenis | Bawaan | Keterangan |",
                "| --- | --- | --- | --- | --- |",
            ]
            for s in SETTINGS:
                choices = f" Pilihan: {', '.join(s.vocabulary.labels)}." if s.vocabulary else ""
                out.append(
                    f"| {_cell(s.label)} | {'ya' if s.required else ''} | {s.kind.value} | "
                    f"{_cell(s.default or '')} | {_cell(s.help + choices)} |"
                )
        else:
            out += ["| Kolom | Wajib | Jenis | Keterangan |", "| --- | --- | --- | --- |"]
            for c in spec.columns:
                need_col = "diisi alat" if c.derived else ("ya" if c.required else "")
                notes = c.help
                if c.vocabulary:
                    notes += f" Pilihan: {', '.join(c.vocabulary.labels)}."
                if c.grouping:
                    notes += " Kosong/digabung = sama dengan baris di atas."
                if c.aliases:
                    notes += f" Juga dikenali: {', '.join(c.aliases)}."
                out.append(
                    f"| {_cell(c.header)} | {need_col} | {c.kind.value} | {_cell(notes.strip())} |"
                )
            if spec.extra_answer_columns:
                out.append(
                    "| U10, U11, … | | jawaban 1–4 | Unsur tambahan; namanya di sheet `Unsur SKM`. |"
                )
            for f in spec.families:
                out.append(
                    f"| {f.prefix} <tahun> | | {f.kind.value} | {_cell(f.help)} Satu kolom per "
                    f"tahun, mis. `{f.prefix} 2024`. |"
                )
        out.append("")
    out += [
        "## Sheet `Tabel …` (opsional, boleh banyak)",
        "",
        *(f"{text}\n" for text in FREE_TABLE_HELP),
        "## Daftar kecamatan (`lkjip template --daftar`)",
        "",
        "Buku kerja kabupaten untuk membagikan buku kerja kosong. Sheet pertama; baris judul di 10 baris "
        "pertama memakai label isian sheet `Identitas` (huruf besar/kecil dan spasi bebas); `Kecamatan` "
        "wajib, label lain opsional; kolom lain diabaikan dengan peringatan. Satu kecamatan per baris; "
        "nama kecamatan tidak boleh ganda. Label yang dikenal: "
        + ", ".join(f"`{s.label}`" for s in SETTINGS if not s.written_by_tool)
        + ".",
        "",
        "## Kode temuan",
        "",
        "Setiap masalah dilaporkan dengan sheet, sel, kode tetap di bawah ini, jenis (error menghentikan laporan; "
        "warning tidak; info, ditampilkan sebagai *catatan*, menyebut apa yang dilakukan alat atas nama staf "
        "dan tidak menghentikan apa pun) dan pesan. Buku kerja versi 1 tetap dibaca (semua sheet versi 2 "
        "opsional), dengan catatan `version-old` yang menyarankan `lkjip template --dari`.",
        "",
        "| Kode | Jenis | Judul | Pesan (templat) |",
        "| --- | --- | --- | --- |",
    ]
    for code, spec in CODES.items():
        out.append(
            f"| `{code}` | {spec.severity.value} | {_cell(spec.title)} | {_cell(spec.template)} |"
        )
    out += [
        "",
        "## Glosarium (Indonesia → nama dalam kode)",
        "",
        "| Istilah | Arti |",
        "| --- | --- |",
    ]
    out += [f"| {term} | {meaning} |" for term, meaning in GLOSSARY]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(contract_markdown(), encoding="utf-8")
    print(f"Ditulis: {TARGET.relative_to(ROOT)}")
