"""A time limit and a memory limit around a template render, in the rendering thread itself.

A watchdog thread looks at the clock and at the process's memory every few hundredths of a
second; past a limit it raises TemplateTimeLimit or TemplateMemoryLimit in the rendering
thread (CPython's PyThreadState_SetAsyncExc: the exception arrives between two bytecodes, which
is where a template's loops and macros spend their time). Operations that could allocate a lot
in one step are refused beforehand by the sandbox (sandbox.py), so the memory check only has to
catch growth. In-process, so the tool's own template costs nothing extra (a thread and a few
polls), and the same on Windows as on Linux.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from lkjip_xl.base.errors import TemplateLimit, TemplateMemoryLimit, TemplateTimeLimit

SECONDS_VARIABLE = "LKJIP_BATAS_DETIK_TEMPLAT"
DEFAULT_SECONDS = 60.0  # the default template renders in about half a second
EXTRA_MEMORY = 1024 * 2**20  # the default template's render adds about 100 MB
_POLL = 0.02


def time_limit() -> float:
    """The render's time limit in seconds (the environment variable, for a slow server or a test)."""
    try:
        return max(0.1, float(os.environ.get(SECONDS_VARIABLE, DEFAULT_SECONDS)))
    except ValueError:
        return DEFAULT_SECONDS


@contextmanager
def render_limits(seconds: float | None = None, extra_memory: int = EXTRA_MEMORY) -> Iterator[None]:
    """Run the block under a time limit and a memory limit (growth of the process's memory)."""
    watchdog = _Watchdog(threading.get_ident(), seconds or time_limit(), extra_memory)
    watchdog.start()
    try:
        yield
    finally:
        watchdog.stop()


class _Watchdog(threading.Thread):
    def __init__(self, target: int, seconds: float, extra_memory: int) -> None:
        super().__init__(daemon=True, name="lkjip-batas-templat")
        self.target, self.seconds = target, seconds
        self.ceiling = resident_bytes() + extra_memory
        self.lock = threading.Lock()
        self.active = True
        self.fired: type[TemplateLimit] | None = None
        self.done = threading.Event()

    def run(self) -> None:
        deadline = time.monotonic() + self.seconds
        while not self.done.wait(_POLL):
            if time.monotonic() > deadline:
                self._fire(TemplateTimeLimit)
            elif resident_bytes() > self.ceiling:
                self._fire(TemplateMemoryLimit)
            if self.fired is not None:
                return

    def _fire(self, exc: type[TemplateLimit]) -> None:
        with self.lock:
            if self.active:
                self.fired = exc
                _raise_in(self.target, exc)

    def stop(self) -> None:
        """End the watch; an exception fired but not yet delivered is withdrawn."""
        with self.lock:
            self.active = False
            if self.fired is not None:
                _raise_in(self.target, None)
        self.done.set()


def resident_bytes() -> int:
    """The process's resident memory: from /proc on Linux (cheap), else psutil (Windows, macOS)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        import psutil  # imported only here: 40 ms that a Linux run need not pay

        return int(psutil.Process().memory_info().rss)


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    import ctypes  # imported only when a template overruns: ~4 ms of every cold report

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else ctypes.c_void_p(0)
    )
