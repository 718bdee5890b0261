"""What a template compiles to, kept between runs, as Python keeps .pyc files.

docxtpl's clean-up of the template's XML and Jinja's compilation of the result take about a
quarter of a second per draft and give the same result every time for the same template. Each
result is stored under a hash of its input and of everything that shapes it (this module's
FORMAT, the Python, Jinja and docxtpl versions, the environment), in the user's cache folder:
`LKJIP_CACHE_DIR`, else `%LOCALAPPDATA%\\lkjip_xl\\cache` on Windows, `$XDG_CACHE_HOME/lkjip_xl`
or `~/.cache/lkjip_xl` elsewhere. A kabupaten's own template gets entries of its own. A missing,
stale or damaged entry (each carries its checksum) is rebuilt; a folder that cannot be written only costs the time. The
folder holds compiled code, trusted like the .pyc files in the user's site-packages.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

FORMAT = "1"
MAX_ENTRIES = 64  # about 20 MB at most; a kabupaten uses one or two templates
CACHE_VARIABLE = "LKJIP_CACHE_DIR"
_CHECK = 16  # bytes of SHA-256 before each entry: a damaged or half-written entry is not used


def cache_dir() -> Path:
    given = os.environ.get(CACHE_VARIABLE)
    if given:
        return Path(given)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "lkjip_xl" / "cache"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "lkjip_xl"


def entry_name(kind: str, context: str, text: str) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{kind}\0{context}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return f"{kind}-{digest.hexdigest()[:40]}"


def load(name: str) -> bytes | None:
    """An entry's data, or None when it is missing or not whole (its checksum differs)."""
    try:
        stored = (cache_dir() / name).read_bytes()
    except OSError:
        return None
    check, data = stored[:_CHECK], stored[_CHECK:]
    return data if hashlib.sha256(data).digest()[:_CHECK] == check else None


def store(name: str, data: bytes) -> None:
    """Write one entry atomically (readers never see half of it); drop the oldest beyond
    MAX_ENTRIES. Any failure leaves the cache as it was."""
    folder = cache_dir()
    tmp: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # compiled code: the user's own
        fd, tmp = tempfile.mkstemp(prefix=".", dir=folder)
        with os.fdopen(fd, "wb") as out:
            out.write(hashlib.sha256(data).digest()[:_CHECK] + data)
        os.replace(tmp, folder / name)
        tmp = None
        _prune(folder)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(folder: Path) -> None:
    entries = sorted(
        (p for p in folder.iterdir() if not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
    )
    for old in entries[:-MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()
