"""The draft as PDF: `lkjip report --pdf` (and batch) through LibreOffice with the Daftar Isi,
Daftar Tabel and Daftar Grafik filled; without LibreOffice one sentence, the .docx, exit 5.

The tests that need LibreOffice (and poppler's pdftotext) skip where they are not installed;
`.ci/run` installs both where it can."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE
from kabupaten_folder import GOOD, build

from lkjip_xl.base.errors import ConversionFailed, ConverterMissing, ExitCode
from lkjip_xl.kabupaten.batch import batch_summary, run_batch
from lkjip_xl.pipeline import Stages
from lkjip_xl.report.pdf import Converter, convert_to_pdf, find_converter

HAVE_LIBREOFFICE = find_converter() is not None and shutil.which("pdftotext") is not None
needs_libreoffice = pytest.mark.skipif(
    not HAVE_LIBREOFFICE, reason="LibreOffice (with python3-uno) or pdftotext is not installed"
)
CHAPTERS = ("BAB I PENDAHULUAN", "BAB II", "BAB III", "BAB IV PENUTUP", "LAMPIRAN")


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def lkjip(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lkjip_xl.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


@needs_libreoffice
def test_report_pdf_lists_the_chapters_with_their_page_numbers(tmp_path):
    docx = tmp_path / "laporan.docx"
    done = lkjip("report", str(EXAMPLE), "-o", str(docx), "--pdf")
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "laporan.pdf"
    assert docx.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert f"PDF ditulis: {pdf}" in done.stdout
    text = pages(pdf)
    toc = next(i for i, page in enumerate(text) if re.search(r"^\s*DAFTAR ISI\s*$", page, re.M))
    listed = "\n".join(text[toc : toc + 3])
    for chapter in CHAPTERS:
        match = re.search(rf"^\s*{chapter}.*?\.{{3,}}\s*(\S+)\s*$", listed, re.M)
        assert match, f"{chapter} is not in the Daftar Isi with a page number"
        number = match.group(1)
        # the number is the one printed on the page the chapter starts on (the body counts
        # from 1 after the roman-numbered front matter)
        heading = re.compile(rf"^\s*{chapter}[A-Z ]*$", re.M)  # not the sistematika's line
        start = next(page for i, page in enumerate(text) if heading.search(page) and i > toc + 1)
        printed = re.findall(r"halaman (\S+)\s*$", start, re.M)
        assert printed and printed[-1] == number, chapter
    assert re.search(r"^\s*Tabel 3\.2 Capaian Indikator.*?\.{3,}\s*\d+\s*$", listed, re.M)
    assert re.search(r"^\s*Grafik 3\.1 Capaian Indikator.*?\.{3,}\s*\d+\s*$", listed, re.M)
    # the charts are drawn, with Indonesian decimals (the profile's locale)
    assert "101,77%" in "\n".join(text)


def test_without_libreoffice_the_draft_is_written_and_the_exit_status_is_5(tmp_path):
    docx = tmp_path / "laporan.docx"
    done = lkjip(
        "report", str(EXAMPLE), "-o", str(docx), "--pdf", env={"LKJIP_SOFFICE": "/tidak/ada"}
    )
    assert done.returncode == ExitCode.CONVERTER_MISSING == 5
    assert docx.is_file() and not (tmp_path / "laporan.pdf").exists()
    assert f"Draf LKjIP ditulis: {docx}" in done.stdout
    message = done.stderr.strip()
    assert message.count(".") >= 1 and "pasang LibreOffice" in message
    assert len(message.splitlines()) == 1


def _fake_pdf(draft: Path, pdf: Path) -> Path:
    pdf.write_bytes(b"%PDF-1.4 " + draft.name.encode())
    return pdf


def test_batch_writes_a_pdf_beside_each_draft(blank_template, filled_cache, tmp_path):
    build(blank_template, tmp_path / "masuk", filled_cache.fill)
    result = run_batch(
        tmp_path / "masuk",
        tmp_path / "keluar",
        workers=1,
        pdf=True,
        stages=Stages(convert=_fake_pdf),
    )
    for name in GOOD:
        folder = tmp_path / "keluar" / name.replace(" ", "_")
        pdf = folder / f"{folder.name}_draf_LKjIP.pdf"
        assert pdf.read_bytes() == f"%PDF-1.4 {folder.name}_draf_LKjIP.docx".encode()
    assert not result.pdf_problems


def test_batch_without_libreoffice_says_it_once_and_keeps_every_draft(
    blank_template, filled_cache, tmp_path
):
    build(blank_template, tmp_path / "masuk", filled_cache.fill)

    def missing(draft: Path, pdf: Path) -> Path:
        raise ConverterMissing("PDF tidak dibuat karena LibreOffice tidak ditemukan.")

    result = run_batch(
        tmp_path / "masuk", tmp_path / "keluar", workers=1, pdf=True, stages=Stages(convert=missing)
    )
    assert {i.source for i in result.pdf_problems} == {f"{n}.xlsx" for n in GOOD}
    assert all(i.ok for i in result.pdf_problems)  # the drafts were written
    summary = batch_summary(result, tmp_path / "keluar")
    assert summary.count("LibreOffice") == 1


def test_a_conversion_that_hangs_is_stopped(tmp_path):
    if os.name == "nt":
        pytest.skip("a shell script stands in for LibreOffice")
    hanging = tmp_path / "soffice"
    hanging.write_text("#!/bin/sh\nsleep 60\n")
    hanging.chmod(0o755)
    docx = tmp_path / "draf.docx"
    docx.write_bytes(b"PK")
    started = time.monotonic()
    with pytest.raises(ConversionFailed, match="dihentikan"):
        convert_to_pdf(docx, tmp_path / "draf.pdf", Converter(hanging, None), timeout=1)
    assert time.monotonic() - started < 30
    assert not (tmp_path / "draf.pdf").exists()


def test_a_lost_libreoffice_start_is_tried_once_more(tmp_path):
    """A busy machine sometimes loses one LibreOffice start (CI saw it): the second try writes."""
    if os.name == "nt":
        pytest.skip("a shell script stands in for LibreOffice")
    flaky = tmp_path / "soffice"
    tries = tmp_path / "percobaan"
    # the first start makes nothing; the second writes draf.pdf into --outdir
    flaky.write_text(
        "#!/bin/sh\n"
        f'echo x >> "{tries}"\n'
        f'[ "$(wc -l < "{tries}")" -ge 2 ] || exit 1\n'
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'printf "%%PDF-1.4 ok" > "$2/draf.pdf"\n'
    )
    flaky.chmod(0o755)
    docx = tmp_path / "draf.docx"
    docx.write_bytes(b"PK")
    convert_to_pdf(docx, tmp_path / "draf.pdf", Converter(flaky, None), timeout=30)
    assert (tmp_path / "draf.pdf").read_bytes() == b"%PDF-1.4 ok"
    assert len(tries.read_text().split()) == 2


def test_a_pdf_never_replaces_its_draft(tmp_path):
    from lkjip_xl.base.errors import OutputRefused

    docx = tmp_path / "draf.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(OutputRefused):
        convert_to_pdf(docx, docx, Converter(Path("/tidak/ada"), None))


@needs_libreoffice
def test_batch_converts_several_drafts_at_once(blank_template, filled_cache, tmp_path):
    """Each conversion has its own LibreOffice profile: two workers convert side by side."""
    build(blank_template, tmp_path / "masuk", filled_cache.fill)
    done = lkjip("batch", str(tmp_path / "masuk"), "-o", str(tmp_path / "keluar"), "--pdf")
    assert done.returncode == ExitCode.FINDINGS  # the folder holds broken workbooks too
    pdfs = sorted((tmp_path / "keluar").glob("*/*_draf_LKjIP.pdf"))
    assert len(pdfs) == len(GOOD), done.stdout + done.stderr
    for pdf in pdfs:
        assert "DAFTAR ISI" in "".join(pages(pdf)[:4])


def test_the_api_writes_the_draft_then_says_why_there_is_no_pdf(tmp_path):
    from lkjip_xl.api import report_workbook

    def missing(draft: Path, pdf: Path) -> Path:
        raise ConverterMissing("PDF tidak dibuat karena LibreOffice tidak ditemukan.")

    docx = tmp_path / "laporan.docx"
    with pytest.raises(ConverterMissing):
        report_workbook(EXAMPLE, docx, stages=Stages(convert=missing), pdf=tmp_path / "l.pdf")
    assert docx.read_bytes()[:2] == b"PK"
