"""Tables whose columns vary (the SKM answers, the free 'Tabel' sheets), spliced into the saved draft.

The rendered draft keeps a marker paragraph where each table belongs; after saving, the marker
paragraph in word/document.xml is replaced by the table's XML text. Building 10,000 rows through
python-docx took minutes; parsing them and inserting the element took seconds (lxml re-homes
every node); passing them through docxtpl took longer still (it re-scans the whole body).
As text, it takes a fraction of a second.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from lkjip_xl.contract.records import FreeTable, Workbook

_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def respondent_table(wb: Workbook, style_id: str) -> str:
    codes = [c for c, _ in wb.skm_elements]
    rows = [
        [str(n), *[str(r.answers.get(c) or "-") for c in codes]]
        for n, r in enumerate(wb.skm or [], start=1)
    ]
    return grid_table(["No", *codes], rows, set(range(len(codes) + 1)), style_id)


def free_table(ft: FreeTable, style_id: str) -> str:
    return grid_table(list(ft.headers), [list(r) for r in ft.rows], _numeric_columns(ft), style_id)


def grid_table(headers: list[str], rows: list[list[str]], numeric: set[int], style_id: str) -> str:
    """A plain grid table, 8 pt, header row repeated on each page, figures right-aligned."""
    width = len(headers)
    parts = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape(style_id)}"/>'
        '<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>',
        "<w:gridCol/>" * width,
        "</w:tblGrid>",
        _row(headers, True, numeric),
    ]
    parts.extend(
        _row(list(values[:width]) + [""] * (width - len(values)), False, numeric) for values in rows
    )
    parts.append("</w:tbl>")
    return "".join(parts)


def _row(values: list[str], header: bool, numeric: set[int]) -> str:
    row_pr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    cells = []
    for c, value in enumerate(values):
        align = "center" if header else ("right" if c in numeric else "")
        jc = f'<w:jc w:val="{align}"/>' if align else ""
        bold = "<w:b/>" if header else ""
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:pPr>'
            f'<w:spacing w:after="0"/>{jc}</w:pPr><w:r><w:rPr>{bold}<w:sz w:val="16"/></w:rPr>'
            f'<w:t xml:space="preserve">{_text(value)}</w:t></w:r></w:p></w:tc>'
        )
    return f"<w:tr>{row_pr}{''.join(cells)}</w:tr>"


def _text(value: str) -> str:
    """Text safe inside <w:t>: escaped, without the control characters XML forbids."""
    return escape(_XML_ILLEGAL.sub("", value))


def _numeric_columns(ft: FreeTable) -> set[int]:
    cols = set()
    for i in range(len(ft.headers)):
        values = [r[i] for r in ft.rows if i < len(r) and r[i] not in ("", "-")]
        if values and all(
            v.replace(".", "").replace(",", "").replace("%", "").isdigit() for v in values
        ):
            cols.add(i)
    return cols


DOCUMENT_PART = "word/document.xml"


def splice_tables(docx: bytes, tables: dict[str, str]) -> bytes:
    """Replace each marker's paragraph in the document body with its table XML."""
    if not tables:
        return docx
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == DOCUMENT_PART:
                data = _splice(data.decode("utf-8"), tables).encode("utf-8")
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _splice(xml: str, tables: dict[str, str]) -> str:
    for marker, table in tables.items():
        at = xml.find(escape(marker))
        if at < 0:
            continue  # a kabupaten's template without this table
        start = max(xml.rfind("<w:p>", 0, at), xml.rfind("<w:p ", 0, at))
        end = xml.find("</w:p>", at) + len("</w:p>")
        xml = xml[:start] + table + xml[end:]
    return xml
