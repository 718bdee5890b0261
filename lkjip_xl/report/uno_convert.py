"""Run by a Python that has LibreOffice's `uno` (never imported by lkjip_xl): fill the indexes, save PDF.

    python3 uno_convert.py PIPE_NAME SOURCE_URL TARGET_URL TIMEOUT_SECONDS

Connects to a LibreOffice already listening on the named pipe (pdf.py starts it, with its own
profile), opens the .docx hidden, updates every index (Daftar Isi, Daftar Tabel, Daftar Grafik)
twice, since the first filling moves the pages that the second pass then numbers right, and
stores the document as PDF. `soffice --convert-to pdf` alone leaves the indexes as the .docx
has them: empty. Only the standard library and `uno` are used here.
"""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.uno import RuntimeException

INDEX_PASSES = 2
ATTEMPTS = 3  # a fresh profile can make LibreOffice restart once and drop the first bridge


def _property(name: str, value: object) -> Any:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str, deadline: float) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def convert(pipe: str, source_url: str, target_url: str, timeout: float) -> None:
    context = _connect(pipe, time.monotonic() + timeout)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    document = desktop.loadComponentFromURL(source_url, "_blank", 0, (_property("Hidden", True),))
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        for _ in range(INDEX_PASSES):
            indexes = document.getDocumentIndexes()
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
        document.storeToURL(target_url, (_property("FilterName", "writer_pdf_Export"),))
    finally:
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge may close as the office quits
            desktop.terminate()


def main(argv: list[str]) -> int:
    pipe, source_url, target_url, timeout = argv
    deadline = time.monotonic() + float(timeout)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            convert(pipe, source_url, target_url, max(deadline - time.monotonic(), 1.0))
            return 0
        except RuntimeException:  # DisposedException among them: the bridge went away
            if attempt == ATTEMPTS or time.monotonic() > deadline:
                raise
            time.sleep(1.0)  # the office is restarting on the same pipe: connect again
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
