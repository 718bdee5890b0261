# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""`lkjip pk` into a folder of an earlier run: a PK whose pejabat left the workbook is not
rewritten and not deleted (it may be the signed copy), but the command names it."""

from __future__ import annotations

import docx
from v2_helpers import v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl.cli import main

OLD = "PK_07_Kepala_Seksi_Lama.docx"


def test_an_earlier_runs_pk_is_named_and_left_as_it_was(v2_workbook, tmp_path, capsys):
    folder = tmp_path / "pk"
    assert main(["pk", str(v2_workbook), "-o", str(folder)]) == 0
    capsys.readouterr()
    old = folder / OLD
    old.write_bytes((folder / "PK_01_Camat_Sukamaju.docx").read_bytes())
    (folder / "catatan_staf.docx").write_bytes(b"bukan PK")
    before = old.read_bytes()

    assert main(["pk", str(v2_workbook), "-o", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "pembuatan sebelumnya" in out
    noted = out.split("pembuatan sebelumnya")[1]
    assert OLD in noted and "catatan_staf" not in noted and "PK_01_" not in noted
    assert old.read_bytes() == before  # not deleted, not rewritten
    assert docx.Document(str(folder / "PK_01_Camat_Sukamaju.docx")).paragraphs


def test_a_fresh_folder_gets_no_note(v2_workbook, tmp_path, capsys):
    assert main(["pk", str(v2_workbook), "-o", str(tmp_path / "baru")]) == 0
    assert "pembuatan sebelumnya" not in capsys.readouterr().out
