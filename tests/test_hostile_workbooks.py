"""Bounded reading: a sheet's real extent is measured from its XML before a cell is read, and a
sheet past the limits is refused with a finding, quickly and in little memory."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
from conftest import EXAMPLE, ROOT
from hostile_files import IDENTITAS, SKM, append_rows, one_far_value, rewrite

from lkjip_xl import read_workbook
from lkjip_xl.base.errors import ExitCode, SheetTooLarge
from lkjip_xl.cli import main
from lkjip_xl.read.bounds import MAX_ROWS, CellBudget

# a child that runs one command and reports its status, time and peak memory (MB); its address
# space is capped at 2 GB so that a reader that still trusts the references fails fast
_PROBE = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))
from lkjip_xl.cli import main
start = time.perf_counter()
status = main(sys.argv[1:])
took = time.perf_counter() - start
# this process's own peak (ru_maxrss would include the forking test process's, kept across exec)
status_lines = open("/proc/self/status").read().splitlines()
peak = int(next(l for l in status_lines if l.startswith("VmHWM:")).split()[1]) / 1024
print(json.dumps({"status": status, "seconds": took, "peak_mb": peak}))
"""


def probe(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert "Traceback" not in done.stderr, done.stderr
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "stdout": done.stdout}


@pytest.mark.parametrize("cell", ["XFD1048576", "CV1048576", "IW1", "A50001"])
def test_one_far_value_is_a_finding_fast_and_small(tmp_path, cell):
    workbook = one_far_value(tmp_path / f"jauh_{cell}.xlsx", cell)
    assert workbook.stat().st_size < 200_000
    found = probe("validate", str(workbook), "--format", "json")
    assert found["status"] == ExitCode.FINDINGS
    assert found["seconds"] < 1.0 and found["peak_mb"] < 100
    findings = json.loads(
        found["stdout"].split("\n{", 1)[0]
        if False
        else found["stdout"][: found["stdout"].rindex("\n{")]
    )["findings"]
    assert [(f["code"], f["sheet"], f["cell"]) for f in findings] == [
        ("sheet-too-large", "Identitas", cell)
    ]


def test_cells_without_references_are_counted_where_they_fall(tmp_path):
    # one row of 300.000 cells that name no position: 40 MB of XML, column after column
    row = b"<row>" + b"<c><v>1</v></c>" * 300_000 + b"</row>"
    workbook = rewrite(tmp_path / "tanpa_ref.xlsx", {IDENTITAS: append_rows(row)})
    (found,) = read_workbook(workbook).findings
    assert found.code == "sheet-too-large" and found.cell.startswith("IW")  # column 257


def test_many_rows_without_references_are_refused(tmp_path):
    rows = b"<row><c><v>1</v></c></row>" * (MAX_ROWS + 10)
    workbook = rewrite(tmp_path / "baris_tanpa_ref.xlsx", {IDENTITAS: append_rows(rows)})
    assert [f.code for f in read_workbook(workbook).findings] == ["sheet-too-large"]


def test_300000_respondents_are_refused_with_a_finding(tmp_path):
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>4</v></c><c r="C%d"><v>3</v></c></row>'
        % (r, r, r, r, r)
        for r in range(300, 300_300)
    )
    workbook = rewrite(
        tmp_path / "skm_300rb.xlsx",
        {SKM: lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)},
    )
    result = read_workbook(workbook)
    assert [(f.code, f.sheet) for f in result.findings] == [("sheet-too-large", "SKM")]
    assert f"{MAX_ROWS:,}".replace(",", ".") in result.findings[0].message


def test_a_workbook_within_the_limits_reads_as_before():
    result = read_workbook(EXAMPLE)
    assert result.ok


def test_report_and_fill_refuse_the_far_value_with_a_finding(tmp_path, capsys):
    workbook = one_far_value(tmp_path / "jauh.xlsx", "XFD1048576")
    assert main(["report", str(workbook), "-o", str(tmp_path / "d.docx")]) == ExitCode.FINDINGS
    assert main(["fill", str(workbook), "-o", str(tmp_path / "f.xlsx")]) == ExitCode.FINDINGS
    assert "XFD1048576" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jauh.xlsx"]


@pytest.mark.parametrize("part", ["[Content_Types].xml", "xl/styles.xml"])
def test_a_package_without_a_part_excel_always_writes_is_one_sentence(tmp_path, capsys, part):
    workbook = rewrite(tmp_path / "tanpa_bagian.xlsx", {part: None})
    assert main(["fill", str(workbook), "-o", str(tmp_path / "f.xlsx")]) == ExitCode.UNREADABLE
    assert (
        main(["validate", str(workbook), "--tandai", str(tmp_path / "t.xlsx")])
        == ExitCode.UNREADABLE
    )
    err = capsys.readouterr().err
    assert part in err and "Traceback" not in err and len(err.strip().splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tanpa_bagian.xlsx"]


def test_the_cells_of_all_sheets_together_are_bounded():
    budget = CellBudget(limit=10)
    budget.spend("Sasaran", b'<row r="1">' + b'<c r="A1"><v>1</v></c>' * 6 + b"</row>")
    with pytest.raises(SheetTooLarge) as exc:
        budget.spend("SKM", b'<row r="1">' + b'<c r="A1"><v>1</v></c>' * 6 + b"</row>")
    assert exc.value.finding.code == "workbook-too-large" and exc.value.finding.sheet == "SKM"


def test_an_ods_with_a_far_value_is_a_finding_before_calamine_opens_it(filled, tmp_path):
    """calamine reads every table of an .ods as it opens the file, repeated rows and cells
    spelled out: the tables are measured from content.xml first (repeats counted)."""
    from staff_workbooks import workbook_rows, write_ods

    ods = write_ods(tmp_path / "buku.ods", workbook_rows(filled("buku-untuk-ods.xlsx")))
    assert read_workbook(ods).ok  # the same workbook, without the far value, reads clean
    with zipfile.ZipFile(ods) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    far_row = MAX_ROWS + 10_001
    block = (
        f'<table:table-row table:number-rows-repeated="{far_row - 2}"><table:table-cell/>'
        '</table:table-row><table:table-row><table:table-cell office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
    ).encode()
    first_table_end = parts["content.xml"].index(b"</table:table>")
    content = parts["content.xml"]
    # the first table keeps its own rows: the far value lands after them
    rows_before = content[:first_table_end].count(b"<table:table-row>")
    parts["content.xml"] = content[:first_table_end] + block + content[first_table_end:]
    far = tmp_path / "jauh.ods"
    with zipfile.ZipFile(far, "w") as zf:
        for name, data in parts.items():
            zf.writestr(
                name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            )
    found = probe("validate", str(far), "--format", "json")
    assert found["status"] == ExitCode.FINDINGS and found["peak_mb"] < 100
    result = read_workbook(far)
    assert [(f.code, f.cell) for f in result.findings] == [
        ("sheet-too-large", f"A{rows_before + far_row - 1}")
    ]
