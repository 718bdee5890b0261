"""lkjip_xl: from a kecamatan's standard Excel workbook to the Word draft of its LKjIP."""

from . import api
from .api import *  # noqa: F403 (the public API is api.__all__, listed once there)

__all__ = list(api.__all__)
__version__ = "0.1.0"
