"""Files: outputs get the umask's mode, existing files are replaced only when told, leftovers of
killed runs are removed, and a full disk or a file-size limit is one sentence."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsx_cells
from conftest import EXAMPLE, ROOT, sha256
from v2_helpers import v2_bytes, v2_workbook  # noqa: F401, F811  (fixtures)

from lkjip_xl.base.errors import ExitCode, OutputRefused
from lkjip_xl.base.files import TEMP_PREFIX, atomic_path
from lkjip_xl.cli import main


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def list_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Kecamatan"
    ws.append(["Kecamatan", "Kabupaten/Kota"])
    ws.append(["Batu Sopang", "Kabupaten Paser"])
    wb.save(path)
    return path


def test_every_command_writes_mode_0644_under_umask_022(
    tmp_path,
    umask_022,
    capsys,
    v2_workbook,  # noqa: F811  (the fixture imported above)
):
    out = tmp_path / "keluaran"
    runs = {
        "template": (["template", "-o", str(out / "kosong.xlsx")], [out / "kosong.xlsx"]),
        "template --dari": (
            ["template", "--dari", str(EXAMPLE), "-o", str(out / "tahun_depan.xlsx")],
            [out / "tahun_depan.xlsx"],
        ),
        "template --daftar": (
            [
                "template",
                "--daftar",
                str(list_workbook(tmp_path / "daftar.xlsx")),
                "-o",
                str(out / "dist"),
            ],
            [out / "dist"],
        ),
        "report": (["report", str(EXAMPLE), "-o", str(out / "draf.docx")], [out / "draf.docx"]),
        "fill": (["fill", str(EXAMPLE), "-o", str(out / "terisi.xlsx")], [out / "terisi.xlsx"]),
        "pk": (["pk", str(v2_workbook), "-o", str(out / "pk")], [out / "pk"]),
        "triwulan": (
            ["triwulan", str(v2_workbook), "--tw", "1", "-o", str(out / "tw1.docx")],
            [out / "tw1.docx"],
        ),
    }
    for name, (argv, _) in runs.items():
        assert main(argv) == 0, name
    bad = tmp_path / "salah.xlsx"
    shutil.copyfile(EXAMPLE, bad)
    book = xlsx_cells.Book(bad)
    book.sheet("Identitas").set_ref("B5", "dua ribu")
    book.save(bad)
    assert main(["validate", str(bad), "--tandai", str(out / "ditandai.xlsx")]) == 1
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "a.xlsx")
    assert main(["batch", str(folder), "-o", str(out / "batch"), "--proses", "1"]) == 0
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) >= 10 and any(p.parent.name == "pk" for p in written)
    assert {str(p.relative_to(out)): oct(mode(p)) for p in written} == {
        str(p.relative_to(out)): "0o644" for p in written
    }


def test_replacing_a_file_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "bersama.docx"
    target.write_bytes(b"lama")
    os.chmod(target, 0o664)
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"baru")
    assert target.read_bytes() == b"baru" and mode(target) == 0o664


def test_template_never_replaces_an_existing_workbook_unless_told(tmp_path, capsys):
    target = tmp_path / "buku_terisi.xlsx"
    shutil.copyfile(EXAMPLE, target)
    before = sha256(target)
    assert main(["template", "-o", str(target)]) == ExitCode.OUTPUT_REFUSED
    assert main(["template", "--dari", str(EXAMPLE), "-o", str(target)]) == ExitCode.OUTPUT_REFUSED
    assert sha256(target) == before
    assert "--timpa" in capsys.readouterr().err
    assert main(["template", "-o", str(target), "--timpa"]) == 0
    assert sha256(target) != before


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(dead.stdout)
    left = tmp_path / f"{TEMP_PREFIX}{dead_pid}-abc.docx"
    left.write_bytes(b"setengah")
    alive = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-def.docx"  # a run still writing
    alive.write_bytes(b"sedang ditulis")
    assert main(["template", "-o", str(tmp_path / "kosong.xlsx")]) == 0
    assert not left.exists() and alive.exists()


def test_a_killed_run_leaves_no_file_at_the_target(tmp_path):
    # the child dies (SIGKILL) mid-write; the target never appears, the next run cleans up
    child = (
        "import os, signal\n"
        "from lkjip_xl.base.files import atomic_path\n"
        f"with atomic_path({str(tmp_path / 'draf.docx')!r}) as tmp:\n"
        "    tmp.write_bytes(b'setengah')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", child], cwd=ROOT)
    assert not (tmp_path / "draf.docx").exists()
    assert main(["template", "-o", str(tmp_path / "kosong.xlsx")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kosong.xlsx"]


def test_a_target_held_open_by_word_is_a_sentence(tmp_path, monkeypatch):
    def held(*_args):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(OutputRefused) as exc, atomic_path(tmp_path / "draf.docx") as tmp:
        tmp.write_bytes(b"isi")
    assert "Tutup berkas di Word lalu ulangi." in str(exc.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["template", "fill"])
def test_a_full_disk_is_one_sentence(tmp_path, capsys, monkeypatch, command):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    argv = (
        ["template", "-o", str(tmp_path / "x.xlsx")]
        if command == "template"
        else ["fill", str(EXAMPLE), "-o", str(tmp_path / "x.xlsx")]
    )
    assert main(argv) == ExitCode.OUTPUT_REFUSED
    err = capsys.readouterr().err
    assert "penuh" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["template", "fill", "report"])
def test_a_file_size_limit_is_one_sentence(tmp_path, command):
    out = tmp_path / ("x.docx" if command == "report" else "x.xlsx")
    argv = (
        ["template", "-o", str(out)]
        if command == "template"
        else [command, str(EXAMPLE), "-o", str(out)]
    )
    child = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))\n"
        "from lkjip_xl.cli import main\n"
        f"sys.exit(main({argv!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == ExitCode.OUTPUT_REFUSED, done.stderr
    assert "ulimit -f" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() and not any(p.name.startswith(TEMP_PREFIX) for p in tmp_path.iterdir())


def test_a_pdf_named_like_the_input_never_replaces_it(tmp_path, v2_workbook):  # noqa: F811
    """`--pdf` derives each PDF's name from its .docx: a workbook saved as `buku.pdf` (read
    whatever its extension) would have been replaced by the quarterly report's PDF."""
    source = tmp_path / "buku.pdf"
    shutil.copyfile(v2_workbook, source)
    docx = tmp_path / "buku.docx"
    argv = ["triwulan", str(source), "--tw", "1", "-o", str(docx), "--pdf"]
    assert main(argv) == ExitCode.OUTPUT_REFUSED
    assert not docx.exists()  # refused before anything was written
    folder = tmp_path / "pk"
    folder.mkdir()
    combined = folder / "PK_00_Gabungan.pdf"
    shutil.copyfile(v2_workbook, combined)
    assert main(["pk", str(combined), "-o", str(folder), "--pdf"]) == ExitCode.OUTPUT_REFUSED
    assert sha256(source) == sha256(combined) == sha256(v2_workbook)
