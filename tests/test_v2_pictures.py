"""Pictures of the `Gambar` sheet: placed in a cell (Excel 365 "Place in Cell", which xlsxwriter's
embed_image writes) or anchored over a row, read back byte for byte; every bad picture is a
finding at its cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import xlsxwriter
from v2_helpers import GIF, found, image_data, jpeg, png

from lkjip_xl import read_workbook
from lkjip_xl.contract.schema import MAX_PICTURE_BYTES
from lkjip_xl.write.template import image_size, write_template


def test_pictures_placed_in_a_cell_and_anchored_over_one_are_read_byte_for_byte(tmp_path):
    logo, peta, lampiran = png(8, 8), jpeg(40, 30), png(5, 9, b"\x00\x00\xff")
    path = _gambar_only(
        tmp_path / "gambar.xlsx",
        [
            ("Logo", logo, "cell"),
            ("Peta Wilayah", peta, "over"),
            ("SK Camat 2023", lampiran, "cell"),
        ],
    )
    result = read_workbook(path)
    assert result.ok, [f.message for f in result.errors]
    pictures = result.workbook.pictures
    assert [(p.part, p.bagian, p.format, p.cell) for p in pictures] == [
        ("logo", "Logo", "png", "B2"),
        ("peta_wilayah", "Peta Wilayah", "jpeg", "B3"),
        ("", "SK Camat 2023", "png", "B4"),  # any other Bagian: a lampiran figure
    ]
    assert [p.data for p in pictures] == [logo, peta, lampiran]


def test_bad_pictures_are_findings_at_their_cells(tmp_path):
    big = png(2, 2, pad=MAX_PICTURE_BYTES + 1)  # still a PNG by its first bytes
    path = _gambar_only(
        tmp_path / "buruk.xlsx",
        [
            ("Logo", png(), "cell"),
            (None, png(), "over"),  # a picture without a Bagian
            ("Peta Wilayah", None, "cell"),  # a Bagian without a picture
            ("Struktur Organisasi", png(), "twice"),
            ("Foto kegiatan", GIF, "over"),
            ("Scan SK", big, "over"),
        ],
    )
    findings = read_workbook(path).findings
    assert found(findings, "gambar-no-bagian") == [("Gambar", "B3")]
    assert found(findings, "gambar-empty") == [("Gambar", "B4")]
    assert found(findings, "gambar-several") == [("Gambar", "B5")]
    assert found(findings, "gambar-format") == [("Gambar", "B6")]
    assert found(findings, "gambar-too-large") == [("Gambar", "B7")]
    too_large = next(f for f in findings if f.code == "gambar-too-large")
    assert "10,0 MB" in too_large.message and "batas 10 MB" in too_large.message
    severity = {f.code: f.severity.value for f in findings if f.code.startswith("gambar")}
    assert severity["gambar-empty"] == "info"  # a note: the section is left out
    assert all(s == "error" for c, s in severity.items() if c != "gambar-empty")


def test_image_size_of_png_and_jpeg():
    assert image_size(png(7, 3)) == (7, 3)
    assert image_size(jpeg(40, 30)) == (40, 30)
    assert image_size(b"nonsense") == (0, 0)


_FILLED_VALUES: dict[str, list[tuple]] = {}


def _filled_values(folder: Path) -> dict[str, list[tuple]]:
    """Each sheet's rows of values of a blank template filled by the independent filler: the
    same for every picture test, so read once per process (a fill and a load are ~1,2 s)."""
    import contract_filler

    if not _FILLED_VALUES:
        blank = folder / "kosong_gambar.xlsx"
        write_template(blank)
        filled = contract_filler.fill(blank, folder / "isi_gambar.xlsx")
        values = openpyxl.load_workbook(filled)
        for name in values.sheetnames:
            _FILLED_VALUES[name] = list(values[name].iter_rows(values_only=True))
    return _FILLED_VALUES


def _gambar_only(path: Path, rows: list[tuple[str | None, bytes | None, str]]) -> Path:
    """A full contract workbook written by xlsxwriter (so the pictures are the file's own), with
    the independent filler's data typed in by header first."""
    values = _filled_values(path.parent)
    book = xlsxwriter.Workbook(str(path))
    for name in values:
        ws = book.add_worksheet(name)
        if name == "Gambar":
            ws.write_row(0, 0, ["Bagian", "Gambar"])
            for r, (bagian, picture, how) in enumerate(rows, start=1):
                if bagian:
                    ws.write(r, 0, bagian)
                if picture is None:
                    continue
                if how == "cell":
                    ws.embed_image(r, 1, f"g{r}.png", {"image_data": image_data(picture)})
                else:
                    ws.insert_image(r, 1, f"g{r}.png", {"image_data": image_data(picture)})
                if how == "twice":
                    ws.insert_image(r, 2, f"h{r}.png", {"image_data": image_data(picture)})
            continue
        for r, row in enumerate(values[name]):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    book.close()
    return path
