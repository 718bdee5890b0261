"""Writing outputs so that an interrupted run leaves no half-written file, and never the input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lkjip_xl.base.errors import OutputRefused


def refuse_overwrite(output: str | Path, *inputs: str | Path) -> None:
    """Raise OutputRefused when `output` is one of the inputs (the tool never writes to its input)."""
    out = Path(output).resolve()
    for p in inputs:
        if Path(p).resolve() == out:
            raise OutputRefused(
                f"Berkas keluaran '{Path(output).name}' sama dengan berkas masukan. Pilih nama lain; "
                "alat ini tidak pernah menimpa buku kerja Anda."
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
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent
        )
    except OSError as exc:
        raise OutputRefused(
            f"Berkas '{target.name}' tidak dapat ditulis di folder '{target.parent}' "
            f"({exc.strerror}). Pilih folder lain."
        ) from exc
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()
