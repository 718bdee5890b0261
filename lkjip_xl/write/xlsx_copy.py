"""The staff's workbook opened for a patched copy (fill, --tandai): an .xlsx as it is, an .ods
through an .xlsx of its values (write/ods_copy.py). Copies are always .xlsx: a requested name
ending in .ods is written as .xlsx instead (base/names.py: workbook_copy_name), and the
command says so.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_xl.read.source import sniff
from lkjip_xl.write.ods_copy import ods_as_xlsx
from lkjip_xl.write.xlsx_package import Package


@dataclass
class OpenCopy:
    package: Package
    names: dict[str, str] = field(default_factory=dict)  # the source's sheet name → the copy's

    def sheet_name(self, name: str) -> str:
        return self.names.get(name, name)


@contextlib.contextmanager
def open_copy(source: str | Path) -> Iterator[OpenCopy]:
    if sniff(source) == "xlsx":
        with Package(source) as package:
            yield OpenCopy(package)
        return
    with tempfile.TemporaryDirectory(prefix="lkjip-ods-") as folder:
        converted = Path(folder) / "buku.xlsx"
        names = ods_as_xlsx(source, converted)
        with Package(converted) as package:
            yield OpenCopy(package, names)
