"""Text stays text: control characters never crash a later command, cell text never becomes a
formula in a workbook the tool writes, and sheet names are checked against Excel's rules."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
import xlsx_cells
from conftest import edit_cells
from hostile_files import IDENTITAS, rewrite

from lkjip_xl import read_workbook
from lkjip_xl.base.cell_text import as_cell_text, sheet_name_problem
from lkjip_xl.base.errors import ExitCode
from lkjip_xl.cli import main


def with_control_characters(target: Path) -> Path:
    """The example whose Kecamatan and Kabupaten carry control characters (as Excel escapes them)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return rewrite(
        target,
        {
            IDENTITAS: lambda xml: xml.replace(
                b"<t>Paser Belengkong</t>", b"<t>Paser_x0001_ Belengkong_x001F_</t>"
            ).replace(b"<t>Kabupaten Paser</t>", b"<t>Kabupaten_x000B_ Paser</t>")
        },
    )


def test_control_characters_in_identitas_never_crash_report_or_fill(tmp_path):
    workbook = with_control_characters(tmp_path / "kendali.xlsx")
    result = read_workbook(workbook)
    assert result.ok and result.workbook.identity.kecamatan == "Paser Belengkong"
    assert main(["report", str(workbook), "-o", str(tmp_path / "d.docx")]) == 0
    assert "Paser Belengkong" in "\n".join(
        p.text for p in docx.Document(tmp_path / "d.docx").paragraphs
    )
    assert main(["fill", str(workbook), "-o", str(tmp_path / "f.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "f.xlsx", read_only=True).sheetnames
    assert main(["template", "--dari", str(workbook), "-o", str(tmp_path / "n.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp_path / "n.xlsx")["Identitas"]
    assert "Paser Belengkong" in [c.value for c in ws["B"]]


def test_as_cell_text_removes_what_xml_cannot_hold():
    assert as_cell_text("a\x00b\x1fc\td\ne") == "abc\td\ne"
    assert as_cell_text('=HYPERLINK("http://x")') == '=HYPERLINK("http://x")'


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("Tabel a/b", True),
        ("Tabel: x", True),
        ("T" * 32, True),
        (" ", True),
        ("Tabel [1]", True),
        ("Tabel 3.1 Pegawai", False),
    ],
)
def test_sheet_name_rules(name, bad):
    assert (sheet_name_problem(name) is not None) is bad


def with_sheet_name(target: Path, name: str) -> Path:
    """The example with its 'Narasi' sheet renamed (in workbook.xml) to `name`."""
    return rewrite(
        target,
        {"xl/workbook.xml": lambda xml: xml.replace(b'name="Narasi"', f'name="{name}"'.encode())},
    )


@pytest.mark.parametrize("name", ["Tabel a/b*c?", "Tabel " + "x" * 40])
def test_a_sheet_name_excel_refuses_is_a_finding_never_a_crash(tmp_path, capsys, name):
    workbook = with_sheet_name(tmp_path / "nama_sheet.xlsx", name)
    result = read_workbook(workbook)
    assert "sheet-name-invalid" in {f.code for f in result.findings}
    assert main(["fill", str(workbook), "-o", str(tmp_path / "f.xlsx")]) == ExitCode.FINDINGS
    assert (
        main(["validate", str(workbook), "--tandai", str(tmp_path / "t.xlsx")]) == ExitCode.FINDINGS
    )
    assert (
        main(["template", "--dari", str(workbook), "-o", str(tmp_path / "n.xlsx")])
        == ExitCode.FINDINGS
    )
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert not (tmp_path / "f.xlsx").exists() and not (tmp_path / "n.xlsx").exists()


def formulas_in(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as zf:
        return [
            zf.read(n)
            for n in zf.namelist()
            if n.startswith("xl/worksheets/")
            and b"<f>" in zf.read(n)
            and b"HYPERLINK" in zf.read(n)
        ]


def as_text(path: Path, sheet: str, key: tuple[str, int], text: str) -> Path:
    """Set one cell (by header and row) to `text` stored as text, as Excel stores '=… typed
    after an apostrophe (openpyxl would otherwise save it as a formula)."""
    book = xlsx_cells.Book(path)  # what openpyxl writes for a cell with data_type "s"
    ws = book.sheet(sheet)
    ws.set_text(*xlsx_cells.address(ws, *key), text)
    return book.save(path)


def test_text_that_looks_like_a_formula_stays_text_in_the_next_year_workbook(filled, tmp_path):
    attack = '=HYPERLINK("http://contoh.invalid","klik")'
    workbook = as_text(filled(), "Sasaran", ("Sasaran Strategis", 1), attack)
    out = tmp_path / "tahun_depan.xlsx"
    assert main(["template", "--dari", str(workbook), "-o", str(out)]) == 0
    assert formulas_in(out) == []
    values = [c.value for row in openpyxl.load_workbook(out)["Sasaran"].iter_rows() for c in row]
    assert attack in values


def test_a_kecamatan_named_like_a_formula_stays_text_in_blanks_and_recap(tmp_path):
    blank = tmp_path / "kosong.xlsx"
    assert (
        main(["template", "-o", str(blank), "--kecamatan", "=1+2", "--kabupaten", "@SUM(A1)"]) == 0
    )
    assert formulas_in(blank) == []
    ws = openpyxl.load_workbook(blank)["Identitas"]
    assert "=1+2" in [c.value for c in ws["B"]] and "@SUM(A1)" in [c.value for c in ws["B"]]


def test_text_equal_to_a_table_marker_stays_text(filled, tmp_path):
    workbook = filled()
    edit_cells(workbook, "Sasaran", {("Sasaran Strategis", 1): "[[TABEL_RESPONDEN_SKM]]"})
    out = tmp_path / "d.docx"
    assert main(["report", str(workbook), "-o", str(out)]) == 0
    document = docx.Document(out)
    texts = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells
    ]
    assert any("[[TABEL_RESPONDEN_SKM]]" in t for t in texts)


@pytest.mark.parametrize(("sheet", "header"), [("Sasaran", "Kode Sasaran"), ("Skala", "Predikat")])
def test_text_like_a_formula_stays_text_in_the_filled_copy(filled, tmp_path, sheet, header):
    """Ringkasan and Sasaran of the filled copy repeat these cells: as text, never as formulas."""
    workbook = as_text(filled(), sheet, (header, 1), '=HYPERLINK("http://x","k")')
    out = tmp_path / "terisi.xlsx"
    assert main(["fill", str(workbook), "-o", str(out)]) == 0
    assert formulas_in(out) == []


def test_control_characters_through_the_web_page_and_the_batch(tmp_path, monkeypatch):
    from lkjip_xl.kabupaten.batch import run_batch
    from lkjip_xl.web import create_app

    workbook = with_control_characters(tmp_path / "masuk" / "kendali.xlsx")
    client = create_app(pdf=False).test_client()
    page = client.post(
        "/periksa",
        data={"berkas": (workbook.open("rb"), "kendali.xlsx")},
        content_type="multipart/form-data",
    )
    assert page.status_code == 200 and "Paser Belengkong" in page.get_data(as_text=True)
    result = run_batch(workbook.parent, tmp_path / "keluar", workers=1)
    assert [i.ok for i in result.items] == [True]
