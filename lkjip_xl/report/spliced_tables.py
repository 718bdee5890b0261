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
from lkjip_xl.report.free_table_layout import layout as free_layout

_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def respondent_table(wb: Workbook, style_id: str) -> str:
    codes = [c for c, _ in wb.skm_elements]
    rows = [
        [str(n), *[str(r.answers.get(c) or "-") for c in codes]]
        for n, r in enumerate(wb.skm or [], start=1)
    ]
    return grid_table(["No", *codes], rows, set(range(len(codes) + 1)), style_id)


def free_table(ft: FreeTable, style_id: str) -> str:
    """A free table with its header as typed (merges kept), widths from its content, its Sumber
    line under it, on a landscape page of its own when too wide for a portrait one."""
    shape = free_layout(ft)
    numeric = _numeric_columns(ft)
    width = len(ft.headers)
    header_rows = ft.header_rows or (ft.headers,)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in shape.widths)
    parts = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape(style_id)}"/><w:jc w:val="center"/>'
        f'<w:tblW w:w="{sum(shape.widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>',
        *(_header_row(ft, r, shape.widths) for r in range(len(header_rows))),
    ]
    parts.extend(
        _row(list(values[:width]) + [""] * (width - len(values)), False, numeric, shape.widths)
        for values in ft.rows
    )
    parts.append("</w:tbl>")
    if ft.source:
        parts.append(
            '<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:rPr><w:i/><w:sz w:val="16"/>'
            f'</w:rPr><w:t xml:space="preserve">Sumber: {_text(ft.source)}</w:t></w:r></w:p>'
        )
    table = "".join(parts)
    return landscape(table) if shape.landscape else table


def _header_row(ft: FreeTable, r: int, widths: tuple[int, ...]) -> str:
    """Row `r` of the header: a merged cell spans its columns (gridSpan) and rows (vMerge)."""
    values = (ft.header_rows or (ft.headers,))[r]
    cells, c = [], 0
    while c < len(widths):
        merge = next(
            (m for m in ft.merges if m.first_col == c and m.first_row <= r <= m.last_row), None
        )
        if merge is None and any(
            m.first_col < c <= m.last_col and m.first_row <= r <= m.last_row for m in ft.merges
        ):
            c += 1  # covered by a merge starting to its left
            continue
        span = merge.last_col - merge.first_col + 1 if merge else 1
        props = f'<w:tcW w:w="{sum(widths[c : c + span])}" w:type="dxa"/>'
        if span > 1:
            props += f'<w:gridSpan w:val="{span}"/>'
        text = values[c] if c < len(values) else ""
        if merge and merge.last_row > merge.first_row:
            props += '<w:vMerge w:val="restart"/>' if r == merge.first_row else "<w:vMerge/>"
            text = text if r == merge.first_row else ""
        cells.append(_cell(text, props + '<w:vAlign w:val="center"/>', "center", bold=True))
        c += span
    return f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(cells)}</w:tr>"


def _cell(text: str, props: str, align: str, bold: bool = False) -> str:
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    b = "<w:b/>" if bold else ""
    return (
        f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:spacing w:after="0"/>{jc}</w:pPr>'
        f'<w:r><w:rPr>{b}<w:sz w:val="16"/></w:rPr>'
        f'<w:t xml:space="preserve">{_text(text)}</w:t></w:r></w:p></w:tc>'
    )


PAGE = (
    '<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
    '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1701" w:header="720" '
    'w:footer="720" w:gutter="0"/>'
)


def landscape(content: str) -> str:
    """`content` on landscape pages of its own: a section ends before it and one after it
    (headers and footers carry over from the section before)."""
    portrait = PAGE.format(w=11906, h=16838, orient="")
    wide = PAGE.format(w=16838, h=11906, orient=' w:orient="landscape"')
    return (
        f"{SECTION_BEFORE}<w:p><w:pPr><w:sectPr>{portrait}</w:sectPr></w:pPr></w:p>"
        + content
        + f"<w:p><w:pPr><w:sectPr>{wide}</w:sectPr></w:pPr></w:p>"
    )


# Starts a spliced table whose section break belongs before its caption (the paragraph before
# the marker), so that the caption is on the landscape page with its table.
SECTION_BEFORE = "<!--section-before-caption-->"


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


def _row(
    values: list[str], header: bool, numeric: set[int], widths: tuple[int, ...] | None = None
) -> str:
    """One row that never splits across pages; figures right-aligned and never wrapped."""
    row_pr = (
        "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        if header
        else ("<w:trPr><w:cantSplit/></w:trPr>")
    )
    cells = []
    for c, value in enumerate(values):
        align = "center" if header else ("right" if c in numeric else "")
        width = (
            f'<w:tcW w:w="{widths[c]}" w:type="dxa"/>'
            if widths
            else '<w:tcW w:w="0" w:type="auto"/>'
        )
        nowrap = "<w:noWrap/>" if c in numeric and not header else ""
        cells.append(_cell(value, width + nowrap, align, bold=header))
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


def _splice_landscape(xml: str, start: int, end: int, content: str) -> str:
    """A landscape table replacing the paragraph xml[start:end]: the section it sits in ends
    before its caption (the paragraph before) with that section's own properties (footer, page
    numbering), and continues after it without restarting the page count."""
    _, rest = content.split("</w:p>", 1)  # the portrait break landscape() wrote: replaced here
    at = xml.find("<w:sectPr", end)
    close = xml.find("</w:sectPr>", at) + len("</w:sectPr>")
    enclosing = xml[at:close]
    continued = re.sub(r'\s+w:start="\d+"', "", enclosing)
    caption = max(xml.rfind("<w:p>", 0, start), xml.rfind("<w:p ", 0, start))
    before = f"<w:p><w:pPr>{enclosing}</w:pPr></w:p>"
    return (
        xml[:caption] + before + xml[caption:start] + rest + xml[end:at] + continued + xml[close:]
    )


def _splice(xml: str, tables: dict[str, str]) -> str:
    for marker, table in tables.items():
        at = xml.find(escape(marker))
        if at < 0:
            continue  # a kabupaten's template without this table
        start = max(xml.rfind("<w:p>", 0, at), xml.rfind("<w:p ", 0, at))
        end = xml.find("</w:p>", at) + len("</w:p>")
        if table.startswith(SECTION_BEFORE):
            xml = _splice_landscape(xml, start, end, table[len(SECTION_BEFORE) :])
            continue
        xml = xml[:start] + table + xml[end:]
    return xml
