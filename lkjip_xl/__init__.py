"""lkjip_xl: from a kecamatan's standard Excel workbook to the Word draft of its LKjIP."""

from typing import Any

from lkjip_xl import api

__all__ = list(api.__all__)  # the public API is api.__all__, listed once there
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
