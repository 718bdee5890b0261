"""Each upload is processed in a child process with resource limits, so that nothing a file does
can take the server down or keep its memory.

The child is forked from a small server process started once (multiprocessing's "forkserver",
with the tool's modules imported beforehand: a child starts in a few milliseconds, and the web
server's threads are never forked). It sets its own limits (address space, CPU time, size of a
file it writes), runs one function and sends back the result or the expected error; the parent
waits at most `seconds` and kills it after that. Whatever happens in the child, the parent gets
a sentence, and the caller's temporary folder is removed by the caller as usual. Windows has no
fork: a fresh interpreter per upload ("spawn"), slower to start, with the same wall-clock limit.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.util
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from lkjip_xl.base.errors import LkjipError, UploadRefused

T = TypeVar("T")
_PRELOAD = ["lkjip_xl.api", "lkjip_xl.pipeline", "lkjip_xl.report.render", "lkjip_xl.write.filled"]


@dataclass(frozen=True)
class ChildLimits:
    """The limits of one upload's child process."""

    seconds: float = 120.0  # wall clock, enforced by the parent
    memory_mb: int = 2048  # address space (RLIMIT_AS): the large benchmark needs about 250 MB
    cpu_seconds: int = 120  # RLIMIT_CPU
    file_mb: int = 200  # RLIMIT_FSIZE: the largest file the child may write


DEFAULT_LIMITS = ChildLimits()


def _context() -> Any:
    if sys.platform == "win32":
        return multiprocessing.get_context("spawn")
    # multiprocessing keeps its own folder (the fork server's socket) for the process's life:
    # made here, in the system's temporary folder, never among an upload's temporary files
    multiprocessing.util.get_temp_dir()
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


_CONTEXT = _context()


_warm = False


def warm_up() -> None:
    """Start the fork server and fork one child now (about a second, once per process: the
    server imports the tool), so that the first upload does not wait for it."""
    global _warm
    if sys.platform != "win32" and not _warm:
        run_isolated(_ready)
        _warm = True


def _ready() -> bool:
    return True


def run_isolated(func: Callable[..., T], *args: Any, limits: ChildLimits = DEFAULT_LIMITS) -> T:
    """`func(*args)` in a child process under `limits`; its LkjipError is raised here as it is.

    A function or argument that cannot be sent to a child (a test's closure) runs here instead.
    """
    try:
        pickle.dumps((func, args))
    except (pickle.PicklingError, AttributeError, TypeError):
        return func(*args)
    ctx = _CONTEXT
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, limits, func, args), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(limits.seconds):
            raise UploadRefused(_TOO_LONG.format(seconds=int(limits.seconds)))
        try:
            kind, value = receive.recv()
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            raise UploadRefused(_DIED) from exc
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


_TOO_LONG = (
    "Pemeriksaan buku kerja ini dihentikan setelah {seconds} detik. Buku kerja LKjIP biasa selesai "
    "dalam beberapa detik: hapus baris, sheet atau gambar yang tidak diperlukan, simpan, lalu "
    "unggah lagi."
)
_DIED = (
    "Pemeriksaan buku kerja ini dihentikan karena memakai terlalu banyak memori atau waktu. "
    "Hapus baris, sheet atau gambar yang tidak diperlukan, simpan ulang dari Excel, lalu unggah lagi."
)


def _child(send: Connection, limits: ChildLimits, func: Callable[..., Any], args: Any) -> None:
    _set_limits(limits)
    try:
        outcome: tuple[str, Any] = ("ok", func(*args))
    except LkjipError as exc:
        outcome = ("error", exc)
    except MemoryError:
        outcome = ("error", UploadRefused(_DIED))
    try:
        send.send(outcome)
    except Exception:  # a result that cannot be sent back: say so rather than hang
        send.send(("error", UploadRefused(_DIED)))
    finally:
        send.close()


def _set_limits(limits: ChildLimits) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's wall-clock limit only
        return
    for which, value in (
        (resource.RLIMIT_AS, limits.memory_mb * 2**20),
        (resource.RLIMIT_CPU, limits.cpu_seconds),
        (resource.RLIMIT_FSIZE, limits.file_mb * 2**20),
    ):
        with contextlib.suppress(ValueError, OSError):  # a platform without this limit
            _soft, hard = resource.getrlimit(which)
            cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(which, (cap, hard))
