"""A written draft (.docx) as PDF through LibreOffice, with its Daftar Isi, Daftar Tabel and Daftar
Grafik filled and their page numbers right.

LibreOffice's own `--convert-to pdf` leaves the lists as the .docx has them (empty: Word fills
them on opening). So LibreOffice is started listening on a pipe and `uno_convert.py`, run by a
Python that has LibreOffice's `uno` module (LibreOffice's own on Windows and in its Linux
builds, Debian's `python3` with `python3-uno`), updates every index and exports the PDF; about
3 s for the example. Without such a Python the plain conversion is used, lists unfilled.

Every conversion gets its own LibreOffice profile (set to Indonesian, so charts show 101,12%)
and its own pipe in a fresh temporary folder, so a batch can run several at once; both are
removed afterwards, and a conversion that takes longer than `timeout` is stopped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lkjip_xl.base.errors import ConversionFailed, ConversionTooSlow, ConverterMissing
from lkjip_xl.base.files import atomic_path, refuse_overwrite

SOFFICE_VARIABLE = "LKJIP_SOFFICE"  # the path of soffice, where it is not found by itself
TIMEOUT = 180.0
ATTEMPTS = 2
SCRIPT = Path(__file__).with_name("uno_convert.py")
MISSING = (
    "PDF tidak dibuat karena LibreOffice tidak ditemukan: pasang LibreOffice dari "
    "https://www.libreoffice.org (Debian/Ubuntu: sudo apt install libreoffice-writer "
    "python3-uno), lalu ulangi perintah ini; draf Word sudah ditulis."
)
_WINDOWS_PLACES = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)
_MAC_PLACE = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
# The profile's locale: number formats in charts follow it (the same file shows 101.12 under en-US)
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>id-ID</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


@dataclass(frozen=True)
class Converter:
    """A LibreOffice, and a Python that can drive it (None: the plain conversion only)."""

    soffice: Path
    uno_python: Path | None


@cache
def find_converter() -> Converter | None:
    """The installed LibreOffice (LKJIP_SOFFICE, PATH, the usual places), or None."""
    soffice = _find_soffice()
    if soffice is None:
        return None
    return Converter(soffice, _find_uno_python(soffice))


def _find_soffice() -> Path | None:
    given = os.environ.get(SOFFICE_VARIABLE)
    if given:
        return Path(given) if Path(given).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    places = _WINDOWS_PLACES if sys.platform == "win32" else (_MAC_PLACE,)
    return next((p for p in places if p.is_file()), None)


def _find_uno_python(soffice: Path) -> Path | None:
    """LibreOffice's own Python (beside soffice), else a system Python that imports uno."""
    program = soffice.resolve().parent
    candidates = [
        program / "python.exe",
        program / "python",
        program.parent / "Resources" / "python",  # macOS
        Path("/usr/bin/python3"),
    ]
    which = shutil.which("python3")
    if which:
        candidates.append(Path(which))
    for candidate in candidates:
        if candidate.is_file() and _imports_uno(candidate):
            return candidate
    return None


def _imports_uno(python: Path) -> bool:
    try:
        return (
            subprocess.run(
                [str(python), "-c", "import uno"], capture_output=True, timeout=30
            ).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


def convert_to_pdf(
    docx: str | Path,
    pdf: str | Path,
    converter: Converter | None = None,
    timeout: float = TIMEOUT,
) -> Path:
    """Write `pdf` from `docx` (atomically). Raises ConverterMissing or ConversionFailed."""
    docx, pdf = Path(docx), Path(pdf)
    refuse_overwrite(pdf, docx)
    converter = converter or find_converter()
    if converter is None:
        raise ConverterMissing(MISSING)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with tempfile.TemporaryDirectory(prefix="lkjip-pdf-") as work_name:
                made = _convert_once(converter, docx, Path(work_name), timeout)
                with atomic_path(pdf) as tmp:
                    shutil.copyfile(made, tmp)
            return pdf
        except ConversionTooSlow:
            raise
        except ConversionFailed:
            if attempt == ATTEMPTS:  # a busy machine sometimes loses one LibreOffice start
                raise
    raise AssertionError("unreachable")


def _convert_once(converter: Converter, docx: Path, work: Path, timeout: float) -> Path:
    """Convert in the fresh folder `work` (its own profile and pipe); the PDF made there."""
    source = work / "draf.docx"  # a plain name: LibreOffice's command line dislikes some
    shutil.copyfile(docx, source)
    profile = work / "profil"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    made = work / "draf.pdf"
    if converter.uno_python is not None:
        _with_indexes(converter, source, made, profile, timeout)
    else:
        _plain(converter, source, work, profile, timeout)
    if not made.is_file() or made.stat().st_size == 0:
        raise ConversionFailed(
            f"LibreOffice tidak menghasilkan PDF dari '{docx.name}'. Buka draf itu di "
            "LibreOffice atau Word lalu simpan sebagai PDF."
        )
    return made


def _office_command(converter: Converter, profile: Path, *args: str) -> list[str]:
    return [
        str(converter.soffice),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        *args,
    ]


def _with_indexes(
    converter: Converter, source: Path, target: Path, profile: Path, timeout: float
) -> None:
    """Start a listening LibreOffice, let uno_convert.py drive it, stop it whatever happens."""
    assert converter.uno_python is not None
    pipe = f"lkjip_{uuid.uuid4().hex}"
    office = _start(_office_command(converter, profile, f"--accept=pipe,name={pipe};urp;"))
    done = None
    try:
        done = subprocess.run(
            [
                str(converter.uno_python),
                str(SCRIPT),
                pipe,
                source.as_uri(),
                target.as_uri(),
                str(timeout),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_uno_environment(),
        )
    except subprocess.TimeoutExpired as exc:
        raise _too_slow(timeout) from exc
    finally:  # after a clean run the script has told LibreOffice to quit: give it the time
        _stop(office, graceful=done is not None and done.returncode == 0)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["?"])[-1][:200]
        raise ConversionFailed(
            f"LibreOffice gagal membuat PDF ({detail}). Buka draf .docx di LibreOffice atau "
            "Word lalu simpan sebagai PDF."
        )


def _plain(converter: Converter, source: Path, out: Path, profile: Path, timeout: float) -> None:
    command = _office_command(converter, profile, "--convert-to", "pdf", "--outdir", str(out))
    office = _start([*command, str(source)])
    try:
        office.wait(timeout)
    except subprocess.TimeoutExpired as exc:
        raise _too_slow(timeout) from exc
    finally:
        _stop(office, graceful=office.returncode == 0)


def _uno_environment() -> dict[str, str]:
    """The environment for LibreOffice's Python: without our virtual environment's settings."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH")}


def _start(command: list[str]) -> subprocess.Popen[bytes]:
    # its own process group: soffice is a launcher whose office process must stop with it
    if os.name == "nt":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined,unused-ignore]
        return subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, creationflags=flags
        )
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def _stop(office: subprocess.Popen[bytes], graceful: bool) -> None:
    """Let LibreOffice finish quitting when it was asked to; then end whatever is left of the
    process group we started (soffice's launcher and its office process)."""
    if graceful:
        with contextlib.suppress(subprocess.TimeoutExpired):
            office.wait(15)
    if os.name == "nt":
        if office.poll() is None:
            office.kill()
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):  # the group is gone
            os.killpg(office.pid, signal.SIGKILL)
    office.wait(15)


def _too_slow(timeout: float) -> ConversionTooSlow:
    return ConversionTooSlow(
        f"LibreOffice belum selesai membuat PDF setelah {timeout:.0f} detik dan dihentikan. "
        "Coba lagi, atau buka draf .docx lalu simpan sebagai PDF."
    )
