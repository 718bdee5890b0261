"""The filled and marked copies keep everything the staff made (issue 13, item 3).

A workbook made the way Excel saves one (formulas with cached results, a chart, a picture, a
text box, sparklines, defined names, a note) goes through `fill` and `--tandai`: every part of
the package the tool does not write is byte-identical, the cells it does not write keep their
values and formulas, and the filled copy validates again with exit 0.
"""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from conftest import ROOT, sha256
from docx import Document
from lxml import etree
from staff_workbooks import parts, staff_made_workbook

from lkjip_xl import read_workbook
from lkjip_xl.cli import main
from lkjip_xl.read.source import XlsxSource
from lkjip_xl.write.xlsx_cells import SheetCells

SHEETS = {"Identitas": "sheet1", "Sasaran": "sheet2", "Anggaran": "sheet3", "SKM": "sheet4"}
WORKBOOK_PARTS = {
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "xl/styles.xml",
}
# the tool's own sheets are added as new parts, after the staff's five
NEW_SHEET = "xl/worksheets/sheet{}.xml"


def changed_parts(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before if after.get(name) != before[name]}


def cells(path, data_only: bool) -> dict[tuple[str, str], object]:
    wb = openpyxl.load_workbook(path, data_only=data_only)
    return {
        (ws.title, c.coordinate): c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    }


@pytest.fixture
def staff_workbook(tmp_path):
    return staff_made_workbook(tmp_path / "buku-staf-dengan-grafik-gambar-sparkline.xlsx")


def test_fill_leaves_every_part_it_does_not_write_byte_identical(staff_workbook, tmp_path, capsys):
    before_hash = sha256(staff_workbook)
    out = tmp_path / "terisi.xlsx"
    assert main(["fill", str(staff_workbook), "-o", str(out)]) == 0, capsys.readouterr().out
    assert sha256(staff_workbook) == before_hash
    before, after = parts(staff_workbook), parts(out)
    written = WORKBOOK_PARTS | {
        f"xl/worksheets/{SHEETS['Sasaran']}.xml",
        f"xl/worksheets/{SHEETS['Anggaran']}.xml",
    }
    assert changed_parts(before, after) == written
    assert set(before) <= set(after)
    added = set(after) - set(before)
    assert added == {NEW_SHEET.format(6), NEW_SHEET.format(7)}  # Ringkasan, Perhitungan SKM
    # the drawings, charts, picture, note and sheets never written are the staff's bytes
    for name in ("xl/charts/chart1.xml", "xl/media/image1.png", "xl/drawings/vmlDrawing1.vml",
                 "xl/comments1.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml"):  # fmt: skip
        assert after[name] == before[name]


def test_fill_keeps_formulas_results_sparklines_and_validates_again(
    staff_workbook, tmp_path, capsys
):
    out = tmp_path / "terisi.xlsx"
    assert main(["fill", str(staff_workbook), "-o", str(out)]) == 0
    formulas_before, formulas_after = cells(staff_workbook, False), cells(out, False)
    values_before, values_after = cells(staff_workbook, True), cells(out, True)
    derived = {("Sasaran", f"{col}{r}") for col in "JK" for r in (2, 3)}
    derived |= {("Anggaran", f"{col}{r}") for col in "FG" for r in range(2, 7)}
    for key, value in formulas_before.items():
        if key not in derived:
            assert formulas_after[key] == value, key
    for key, value in values_before.items():  # cached results, e.g. Anggaran D2 = 150.000.000
        if key not in derived:
            assert values_after[key] == value, key
    assert values_after[("Anggaran", "D2")] == 150_000_000
    assert formulas_after[("Anggaran", "D2")] == "=D3+D4"
    assert values_after[("Sasaran", "J2")] == pytest.approx(110)
    assert values_after[("Anggaran", "G3")] == pytest.approx(90)
    anggaran = parts(out)["xl/worksheets/sheet3.xml"]
    assert b"x14:sparklineGroup" in anggaran and b"<drawing " in anggaran
    assert b"dataValidation" in anggaran and b"conditionalFormatting" in anggaran
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Ringkasan",
        "Identitas",
        "Sasaran",
        "Anggaran",
        "SKM",
        "Grafik Staf",
        "Perhitungan SKM",
    ]
    assert wb.defined_names["Total_Pagu"].attr_text == "Anggaran!$D$2:$D$6"
    assert wb["Sasaran"].print_area == "'Sasaran'!$A$1:$L$3"  # scoped to its sheet still
    # calamine reads the same values; the copy validates again, exit 0
    with XlsxSource(out) as src:
        assert src.grid("Anggaran").value(2, 4) == 150_000_000
    assert main(["validate", str(out)]) == 0, capsys.readouterr().out
    assert read_workbook(out).workbook.budget == read_workbook(staff_workbook).workbook.budget


def test_tandai_marks_cells_and_keeps_the_staff_note(tmp_path, capsys):
    answers = [[4] * 9, [4, 4, 7, 4, 4, 4, 4, 4, 4], [3] * 9]
    book = staff_made_workbook(tmp_path / "buku-staf-skm-salah.xlsx", skm_answers=answers)
    marked = tmp_path / "ditandai.xlsx"
    assert main(["validate", str(book), "--tandai", str(marked)]) == 1
    before, after = parts(book), parts(marked)
    written = WORKBOOK_PARTS | {
        "xl/worksheets/sheet2.xml",  # Sasaran: the extra column's warning
        "xl/worksheets/_rels/sheet2.xml.rels",
        "xl/worksheets/sheet4.xml",  # SKM: the wrong answer
        "xl/comments1.xml",  # SKM's notes: the staff's and the tool's
        "xl/drawings/vmlDrawing1.vml",
    }
    assert changed_parts(before, after) == written
    assert after["xl/charts/chart1.xml"] == before["xl/charts/chart1.xml"]
    wb = openpyxl.load_workbook(marked)
    assert wb.sheetnames[0] == "Temuan"
    skm = wb["SKM"]
    assert skm["C3"].fill.start_color.rgb.endswith("FFC7CE")
    assert "skm-answer-invalid" in skm["C3"].comment.text
    assert skm["A2"].comment.text.startswith("Responden pertama")  # the staff's note stays
    assert "column-extra" in wb["Sasaran"]["L1"].comment.text
    assert wb["Sasaran"]["L1"].fill.start_color.rgb.endswith("FFEB9C")
    listed = [row[3] for row in wb["Temuan"].iter_rows(min_row=2, values_only=True)]
    assert "skm-answer-invalid" in listed


def test_filling_a_filled_copy_replaces_the_tools_sheets(staff_workbook, tmp_path):
    once, twice = tmp_path / "sekali.xlsx", tmp_path / "dua-kali.xlsx"
    assert main(["fill", str(staff_workbook), "-o", str(once)]) == 0
    assert main(["fill", str(once), "-o", str(twice)]) == 0
    wb = openpyxl.load_workbook(twice)
    assert wb.sheetnames.count("Ringkasan") == 1 and wb.sheetnames.count("Perhitungan SKM") == 1
    assert main(["validate", str(twice)]) == 0


def test_marked_copy_of_a_workbook_without_notes_gets_its_own_note_parts(filled, tmp_path):
    path = filled(
        "skm-salah-tanpa-catatan.xlsx", sheets={"SKM": [{f"U{i}": 9 for i in range(1, 10)}]}
    )
    marked = tmp_path / "ditandai.xlsx"
    assert main(["validate", str(path), "--tandai", str(marked)]) == 1
    added = set(parts(marked)) - set(parts(path))
    assert any(name.startswith("xl/comments") for name in added)
    assert any(name.endswith(".vml") for name in added)
    wb = openpyxl.load_workbook(marked)
    assert "skm-answer-invalid" in wb["SKM"]["H2"].comment.text


def test_overwriting_the_first_cell_of_a_shared_formula_hands_it_on():
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = f"""<worksheet xmlns="{ns}"><sheetData>
      <row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2*B2</f><v>2</v></c></row>
      <row r="3"><c r="C3"><f t="shared" si="0"/><v>6</v></c></row>
      <row r="4"><c r="C4"><f t="shared" si="0"/><v>12</v></c></row>
    </sheetData></worksheet>"""
    sheet = SheetCells(etree.fromstring(xml))
    sheet.set_value(2, 3, "-")
    heir = sheet.cell(3, 3).find(f"{{{ns}}}f")
    assert (heir.text, heir.get("ref"), heir.get("t")) == ("A3*B3", "C3:C4", "shared")
    assert sheet.cell(2, 3).find(f"{{{ns}}}f") is None and sheet.formula_removed


def test_added_sheets_are_compressed_like_the_rest(staff_workbook, tmp_path):
    """New parts used to be stored uncompressed (a ZipInfo's default), making the copy larger."""
    out = tmp_path / "terisi.xlsx"
    assert main(["fill", str(staff_workbook), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        stored = [i.filename for i in zf.infolist() if i.compress_type != zipfile.ZIP_DEFLATED]
    assert stored == []


def _draft_text(path) -> list[str]:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [p.text for p in doc.paragraphs] + cells


def test_filled_copy_of_an_example_gives_the_same_draft(tmp_path, capsys):
    """The Kota Bangun example (all v2 sheets) filled, then reported: the draft says word for
    word what the original's draft says, and only sheets and the workbook's own parts changed."""
    example = ROOT / "workbook_templates" / "contoh_kota_bangun_2023.xlsx"
    copy, draft_a, draft_b = tmp_path / "terisi.xlsx", tmp_path / "a.docx", tmp_path / "b.docx"
    assert main(["fill", str(example), "-o", str(copy)]) == 0
    assert main(["validate", str(copy)]) == 0, capsys.readouterr().out
    assert main(["report", str(example), "-o", str(draft_a)]) == 0
    assert main(["report", str(copy), "-o", str(draft_b)]) == 0
    assert _draft_text(draft_b) == _draft_text(draft_a)
    before, after = parts(example), parts(copy)
    kept = [
        n for n in before if not n.startswith("xl/worksheets/sheet") and n not in WORKBOOK_PARTS
    ]
    assert "xl/theme/theme1.xml" in kept and all(after[n] == before[n] for n in kept)
