"""How `lkjip serve` runs the page under waitress: limits that slow or idle clients cannot
exhaust, with room for the page itself.

waitress reads every request whole in its own event loop before a worker thread sees it, so a
slow client holds a connection, never a thread. Connections are capped well above what an
office needs (and below the process's file limit), idle ones are closed after `channel_timeout`,
and request headers and bodies are size-capped. Uploads take at most `threads - 4` threads
(web/app.py `upload_slots`), so the page always has threads left.
"""

from __future__ import annotations

from typing import Any

DEFAULT_THREADS = 32
PAGE_THREADS = 4  # threads kept for the page, downloads and the login while uploads run


def upload_slots(threads: int) -> int:
    return max(1, threads - PAGE_THREADS)


def waitress_settings(threads: int, limit_mb: int) -> dict[str, Any]:
    """waitress.serve's keyword arguments for the staff page."""
    return {
        "threads": threads,
        "ident": "lkjip",
        "connection_limit": 400,  # 120 slow clients once locked everyone out of the default 100
        "channel_timeout": 30,  # seconds a connection may stay silent
        "cleanup_interval": 5,  # how often silent connections are looked for
        "max_request_header_size": 64 * 1024,
        "max_request_body_size": (limit_mb + 1) * 2**20,  # the upload cap, and the form around it
        "inbuf_overflow": 512 * 1024,  # a larger body is buffered on disk, not in memory
        "asyncore_use_poll": True,  # select() stops at 1024 descriptors
        "backlog": 256,
    }
