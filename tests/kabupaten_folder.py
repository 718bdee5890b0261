"""Build a kabupaten's folder of returned workbooks through the contract only (no lkjip_xl).

Good ones for several kecamatan, one with cell errors, one missing a required sheet, one that is
no workbook at all, and an Excel lock file that must be skipped. Usable from tests and by hand:

    python tests/kabupaten_folder.py kosong.xlsx folder/
"""

from __future__ import annotations

import sys
from pathlib import Path

import contract_filler
from staff_workbooks import delete_sheets

GOOD = ("Tanah Grogot", "Long Ikis", "Batu Sopang")


def build(blank_template: Path, folder: Path, fill=contract_filler.fill) -> dict[str, str]:
    """Write the folder; returns file name → what is wrong with it ('' for a good one).

    `fill` has contract_filler.fill's signature (the tests pass their session cache of it).
    """
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for n, name in enumerate(GOOD):
        skm = [{f"U{i}": 4 if (r + n) % 3 else 3 for i in range(1, 10)} for r in range(12)]
        path = folder / f"{name}.xlsx"
        fill(blank_template, path, {"Kecamatan": name}, {"SKM": skm})
        made[path.name] = ""

    bad = folder / "Muara Komam.xlsx"
    rows = [dict(r) for r in contract_filler.SASARAN]
    rows[0]["Target"] = "delapan puluh"
    fill(blank_template, bad, {"Kecamatan": "Muara Komam"}, {"Sasaran": rows})
    made[bad.name] = "measure-invalid"

    missing = folder / "Kuaro.xlsx"
    fill(blank_template, missing, {"Kecamatan": "Kuaro"})
    delete_sheets(missing, "Anggaran")
    made[missing.name] = "sheet-missing"

    (folder / "Pasir Belengkong.xlsx").write_text("Kecamatan;IKM\nPasir Belengkong;80\n")
    made["Pasir Belengkong.xlsx"] = "unreadable"
    (folder / "~$Tanah Grogot.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    return made


if __name__ == "__main__":
    for name, problem in build(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(name, problem or "baik")
