"""The `Gambar` sheet's pictures in the draft: the logo on the cover, the map and the struktur
organisasi in Bab I, every other picture in the Lampiran with its Bagian as caption.

Each prints like a chart (`{{ gambar.peta_wilayah }}`) and is as inert (an InertPlaceholder of
chart_placeholder.py): the template object sits in a closure, out of the sandbox's reach. The picture keeps its shape,
as wide as the page allows and never taller than `MAX_HEIGHT_MM`.
"""

from __future__ import annotations

import io
from typing import Any

from docx.image.image import Image
from docx.shared import Mm

from lkjip_xl.contract.records import Picture, Workbook
from lkjip_xl.report.chart_placeholder import InertPlaceholder

WIDTH_MM = {"logo": 30.0}
PAGE_WIDTH_MM = 155.0
MAX_HEIGHT_MM = 200.0


class InlinePicture(InertPlaceholder):
    """The inert placeholder of one picture in one template."""

    __slots__ = ()
    label = "<gambar>"

    def __init__(self, tpl: Any, picture: Picture) -> None:
        width, height = _size_mm(picture)

        def run_xml() -> str:
            part = tpl.current_rendering_part
            inline = part.new_pic_inline(io.BytesIO(picture.data), Mm(width), Mm(height))
            xml: str = inline.xml
            return f'</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'

        super().__init__(run_xml)


def _size_mm(picture: Picture) -> tuple[float, float]:
    image = Image.from_blob(picture.data)
    ratio = image.px_height / image.px_width if image.px_width else 1.0
    width = WIDTH_MM.get(picture.part, PAGE_WIDTH_MM)
    if width * ratio > MAX_HEIGHT_MM:
        width = MAX_HEIGHT_MM / ratio
    return width, width * ratio


def picture_context(tpl: Any, wb: Workbook) -> dict[str, Any]:
    """`gambar.logo`, `gambar.peta_wilayah`, `gambar.struktur_organisasi` (None when absent) and
    `gambar.lampiran`, a list of `{gambar, keterangan}`."""
    out: dict[str, Any] = {"logo": None, "peta_wilayah": None, "struktur_organisasi": None}
    lampiran = []
    for pic in wb.pictures:
        if pic.part in out and out[pic.part] is None:
            out[pic.part] = InlinePicture(tpl, pic)
        elif not pic.part:
            lampiran.append({"gambar": InlinePicture(tpl, pic), "keterangan": pic.bagian})
    out["lampiran"] = lampiran
    return out


EMPTY: dict[str, Any] = {
    "logo": None,
    "peta_wilayah": None,
    "struktur_organisasi": None,
    "lampiran": [],
}
