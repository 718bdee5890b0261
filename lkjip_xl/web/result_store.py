"""Outputs waiting to be downloaded: in memory only, for a short time, under unguessable tokens.

The upload itself is deleted with its temporary folder before the response is sent; what stays
is the draft, the filled or the highlighted workbook, until it expires or memory runs short.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class Download:
    filename: str
    data: bytes
    mimetype: str


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
ZIP = "application/zip"


class ResultStore:
    def __init__(self, ttl_seconds: float = 15 * 60, max_bytes: int = 256 * 2**20) -> None:
        self.ttl = ttl_seconds
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, tuple[float, dict[str, Download]]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, downloads: dict[str, Download]) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._entries[token] = (time.monotonic() + self.ttl, downloads)
            self._evict()
        return token

    def add(self, token: str, kind: str, download: Download) -> None:
        """Keep one more file under an existing token (a PDF made on request); none if expired."""
        with self._lock:
            entry = self._entries.get(token)
            if entry is not None:
                entry[1][kind] = download
                self._evict()

    def get(self, token: str, kind: str) -> Download | None:
        with self._lock:
            self._evict()
            entry = self._entries.get(token)
            return entry[1].get(kind) if entry else None

    def _evict(self) -> None:
        now = time.monotonic()
        for token in [t for t, (expires, _) in self._entries.items() if expires < now]:
            del self._entries[token]
        while len(self._entries) > 1 and self._size() > self.max_bytes:
            self._entries.popitem(last=False)  # the oldest first

    def _size(self) -> int:
        return sum(len(d.data) for _, files in self._entries.values() for d in files.values())
