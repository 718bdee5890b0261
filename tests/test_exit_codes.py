"""Each exit status of `lkjip` means one thing (README, base/errors.py: ExitCode), one test each."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE

from lkjip_xl.base.errors import ExitCode
from lkjip_xl.cli import main


def test_0_when_the_workbook_has_no_errors(capsys):
    assert main(["validate", str(EXAMPLE)]) == ExitCode.OK == 0


def test_1_when_the_workbook_has_errors(filled, capsys):
    path = filled(sheets={"Anggaran": [{"Uraian": "X", "Tingkat": "Program", "Pagu": -5}]})
    assert main(["validate", str(path)]) == ExitCode.FINDINGS == 1


def test_2_when_the_input_is_no_workbook(tmp_path, capsys):
    csv = tmp_path / "buku.xlsx"
    csv.write_text("Kecamatan;IKM\nKuaro;80\n")
    assert main(["validate", str(csv)]) == ExitCode.UNREADABLE == 2
    assert "CSV" in capsys.readouterr().err


def test_3_when_the_output_is_refused(tmp_path, capsys):
    copy = tmp_path / "buku.xlsx"
    copy.write_bytes(EXAMPLE.read_bytes())
    assert main(["fill", str(copy), "-o", str(copy)]) == ExitCode.OUTPUT_REFUSED == 3
    assert "menimpa" in capsys.readouterr().err


def test_4_when_the_word_template_is_bad(tmp_path, capsys):
    template = tmp_path / "templat.docx"
    template.write_text("bukan dokumen Word")
    out = tmp_path / "laporan.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out), "--template", str(template)]) == 4
    assert "templat.docx" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize(
    "argv", [["validate"], ["report", str(EXAMPLE)], ["tidak-ada"], ["validate", "x", "--tidak"]]
)
def test_64_when_the_command_line_is_wrong(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == ExitCode.USAGE == 64
    assert "usage" in capsys.readouterr().err


def test_64_without_a_command(capsys):
    assert main([]) == ExitCode.USAGE
