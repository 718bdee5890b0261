"""Writing outputs so that an interrupted run leaves no half-written file, and never the input.

An output is written to a temporary file beside it (`.lkjip-tmp-<pid>-…`) and renamed onto it
when whole. The file gets the permissions a plain write would give: the umask's mode for a new
file (a temporary file is created 0600, which shared folders and Samba users cannot open), the
old file's mode when one is replaced. Temporary files a killed run left behind are removed by
the next run that writes to the same folder. A full disk, a file-size limit (`ulimit -f`) and a
target held open by Word end in one Indonesian sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from lkjip_xl.base.errors import OutputRefused

TEMP_PREFIX = ".lkjip-tmp-"
STALE_AFTER_SECONDS = 60 * 60  # a temporary file this old is left over, whoever made it
_TEMP_NAME = re.compile(rf"^{re.escape(TEMP_PREFIX)}(\d+)-")
_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def refuse_overwrite(output: str | Path, *inputs: str | Path) -> None:
    """Raise OutputRefused when `output` is one of the inputs (the tool never writes to its input)."""
    out = Path(output).resolve()
    for p in inputs:
        if Path(p).resolve() == out:
            raise OutputRefused(
                f"Berkas keluaran '{Path(output).name}' sama dengan berkas masukan. Pilih nama lain; "
                "alat ini tidak pernah menimpa buku kerja Anda."
            )


def refuse_existing(output: str | Path, flag: str = "--timpa") -> None:
    """Raise OutputRefused when `output` exists (a command that replaces only when told)."""
    if Path(output).exists() and not Path(output).is_dir():  # a folder: atomic_path says so
        raise OutputRefused(
            f"Berkas '{Path(output).name}' sudah ada dan tidak ditimpa. Pilih nama lain, atau "
            f"tambahkan {flag} bila memang ingin menggantinya."
        )


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it is renamed onto `target`."""
    target = Path(target)
    if target.exists() and target.is_dir():
        raise OutputRefused(f"'{target}' adalah folder; sebutkan nama berkas keluaran.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputRefused(
            f"Folder '{target.parent}' tidak dapat dibuat ({exc.strerror})."
        ) from exc
    remove_stale_temporaries(target.parent)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=target.suffix, dir=target.parent
        )
    except OSError as exc:
        raise OutputRefused(
            f"Berkas '{target.name}' tidak dapat ditulis di folder '{target.parent}' "
            f"({exc.strerror}). Pilih folder lain."
        ) from exc
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        try:
            yield tmp_path
            _set_mode(tmp_path, target)
            _replace(tmp_path, target)
        except Exception as exc:
            full = _disk_full(exc)
            if full is None:
                raise
            raise OutputRefused(_full_sentence(target, full)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp_path.unlink()


def _set_mode(tmp: Path, target: Path) -> None:
    """The mode a plain write would give: the replaced file's, else 0666 less the umask."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~current_umask()
    with contextlib.suppress(OSError):  # a file system without modes (FAT, some shares)
        os.chmod(tmp, mode)


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (threads)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # no /proc: the only way is to set it and set it back
    os.umask(mask)
    return mask


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError as exc:  # Windows: the target is open in Word or Excel
        raise OutputRefused(
            f"Berkas '{target.name}' tidak dapat diganti: berkas sedang dibuka di Word/Excel atau "
            "tidak boleh ditulis. Tutup berkas di Word lalu ulangi."
        ) from exc


def _disk_full(exc: BaseException) -> OSError | None:
    """The OSError for a full disk or a file-size limit in `exc` or what it wraps (xlsxwriter
    wraps it in its own FileCreateError, lxml names it in its message), else None."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, OSError) and item.errno in _FULL:
            return item
        for name in ("EFBIG", "ENOSPC"):  # lxml's SerialisationError("IO_EFBIG"), under openpyxl
            if not isinstance(item, OSError) and f"IO_{name}" in str(item):
                return OSError(getattr(errno, name), name)
        todo.extend([item.__cause__, item.__context__, *item.args])
    return None


def _full_sentence(target: Path, exc: OSError) -> str:
    if exc.errno == errno.EFBIG:
        return (
            f"Berkas '{target.name}' tidak dapat ditulis: melebihi batas ukuran berkas yang "
            "diizinkan sistem (ulimit -f). Naikkan batasnya atau tulis ke tempat lain."
        )
    return (
        f"Berkas '{target.name}' tidak dapat ditulis: disk di folder '{target.parent}' penuh. "
        "Kosongkan ruang disk atau pilih folder lain, lalu ulangi."
    )


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporary files of runs that were killed: their process is gone, or they are old."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        found = _TEMP_NAME.match(entry.name)
        if found is None or int(found.group(1)) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            old = now - entry.stat().st_mtime > STALE_AFTER_SECONDS
            if old or not _alive(int(found.group(1))):
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return False
        except OSError:
            return True  # it exists, as another user's
        return True
    import psutil  # Windows (imported here: 40 ms that every other command would pay)

    return bool(psutil.pid_exists(pid))
