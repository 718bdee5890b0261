"""Synthetic but valid kecamatan workbooks of any size, for the benchmark and load tests.

python scripts/synthetic.py besar.xlsx --responden 10000 --anggaran 1000 --indikator 50
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from lkjip_xl import write_template

IDENTITY = {
    "provinsi": "Kalimantan Timur",
    "kabupaten": "Kabupaten Sintetis",
    "tahun": 2024,
    "nama_camat": "Drs. Contoh Camat, M.Si",
    "nip_camat": "19700101 199003 1 002",
    "jabatan_atasan": "Bupati Sintetis",
    "nama_atasan": "H. Contoh Bupati",
    "tempat": "Kota Sintetis",
}


def write_synthetic(
    path: str | Path,
    kecamatan: str = "Sintetis",
    indicators: int = 4,
    respondents: int = 200,
    budget_rows: int = 50,
    seed: int = 1,
) -> Path:
    rnd = random.Random(seed)
    sasaran_count = max(1, min(10, indicators // 5 or 1))
    sasaran = [
        {
            "kode_sasaran": f"S{i % sasaran_count + 1}",
            "sasaran": f"Meningkatnya kinerja bidang {i % sasaran_count + 1}",
            "indikator": f"Indikator kinerja {i + 1}",
            "satuan": "%",
            "target": 80 + rnd.randint(0, 15),
            "realisasi": round(70 + rnd.random() * 30, 2),
            "target_lalu": 80,
            "realisasi_lalu": round(70 + rnd.random() * 30, 2),
            "target_renstra": 100,
        }
        for i in range(indicators)
    ]
    sasaran.sort(key=lambda r: int(r["kode_sasaran"][1:]))
    skm = [
        {f"u{u}": rnd.choices((1, 2, 3, 4), (1, 4, 40, 55))[0] for u in range(1, 10)}
        | {"jenis_kelamin": rnd.choice(("Laki-laki", "Perempuan"))}
        for _ in range(respondents)
    ]
    return write_template(
        path,
        IDENTITY | {"kecamatan": kecamatan},
        {"Sasaran": sasaran, "Anggaran": _budget(budget_rows, sasaran_count, rnd), "SKM": skm},
    )


def _budget(rows: int, sasaran_count: int, rnd: random.Random) -> list[dict]:
    """Programs of five kegiatan of ten sub kegiatan each, cut at about `rows` rows."""
    out: list[dict] = []
    program = 0
    while len(out) < rows:
        program += 1
        out.append(
            {
                "tingkat": "Program",
                "uraian": f"Program {program}",
                "kode_sasaran": f"S{(program - 1) % sasaran_count + 1}",
            }
        )
        for k in range(1, 6):
            out.append({"tingkat": "Kegiatan", "uraian": f"Kegiatan {program}.{k}"})
            for n in range(1, 11):
                pagu = rnd.randint(10, 500) * 1_000_000
                out.append(
                    {
                        "tingkat": "Sub Kegiatan",
                        "uraian": f"Sub kegiatan {program}.{k}.{n}",
                        "pagu": pagu,
                        "realisasi": round(pagu * (0.7 + rnd.random() * 0.3)),
                    }
                )
                if len(out) >= rows:
                    return out
    return out


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("output")
    p.add_argument("--kecamatan", default="Sintetis")
    p.add_argument("--indikator", type=int, default=4)
    p.add_argument("--responden", type=int, default=200)
    p.add_argument("--anggaran", type=int, default=50)
    a = p.parse_args()
    print(write_synthetic(a.output, a.kecamatan, a.indikator, a.responden, a.anggaran))
