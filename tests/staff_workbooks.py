"""Edits staff make to a contract workbook, done the way they do them: by header text.

Cells are set, rows appended or inserted and formulas given cached results (which only Excel or
LibreOffice write) in the sheet XML (xlsx_cells: what openpyxl would write, without its ~0,8 s
load and save of a contract workbook); an edit that route cannot make as openpyxl does, and
sheets renamed or copied, go through openpyxl.

Like contract_filler, it imports nothing from lkjip_xl: it knows the contract only.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import xlsx_cells


def headers(ws, row: int = 1) -> dict[str, int]:
    return {str(c.value).strip(): c.column for c in ws[row] if c.value is not None}


Records = dict[int, dict[str, object]]  # row number → {header text: value}


def _edit(
    path: Path,
    sheet: str,
    records: Callable[[Callable[[], int]], Records],
    insert: tuple[int, int] | None = None,
) -> Path:
    """Write `records` into one sheet and save in place: in the sheet XML (xlsx_cells) where it
    writes what openpyxl would, else the same edit with openpyxl. `records` is given the sheet's
    last used row (as a function: only appending needs it); `insert` = (before row, count)."""
    try:
        book = xlsx_cells.Book(path)
        ws = book.sheet(sheet)
        cols = ws.headers()
        if insert:
            ws.insert_rows(*insert)
        for row, record in records(ws.last_row).items():
            for header, value in record.items():
                column = cols[header]  # an unknown header fails on both routes
                if value is not None:  # ws.cell(value=None) leaves a cell as it is
                    ws.set(row, column, value)
        return book.save(path)
    except xlsx_cells.NeedsOpenpyxl:
        pass  # the same edit, with openpyxl
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    cols = headers(ws)
    if insert:
        ws.insert_rows(*insert)
    for row, record in records(lambda: last_row(ws)).items():
        for header, value in record.items():
            ws.cell(row=row, column=cols[header], value=value)
    wb.save(path)
    return path


def set_cells(path: Path, sheet: str, cells: dict[tuple[int, str], object]) -> Path:
    """Set cells addressed by (row, header text) and save in place."""
    records: Records = {}
    for (row, header), value in cells.items():
        records.setdefault(row, {})[header] = value
    return _edit(path, sheet, lambda _last: records)


def insert_rows(path: Path, sheet: str, at: int, rows: list[dict[str, object]]) -> Path:
    """Insert rows (header → value) before row `at`, as staff insert rows in Excel."""
    records = dict(enumerate(rows, start=at))
    return _edit(path, sheet, lambda _last: records, insert=(at, len(rows)))


def append_rows(
    path: Path, sheet: str, rows: list[dict[str, object] | None], after: int | None = None
) -> Path:
    """Write rows (None = a blank row) below the last used row, or below row `after`."""

    def below(last: Callable[[], int]) -> Records:
        return dict(enumerate((r or {} for r in rows), start=(after or last()) + 1))

    return _edit(path, sheet, below)


def last_row(ws) -> int:
    return max(
        (c.row for row in ws.iter_rows() for c in row if c.value not in (None, "")), default=1
    )


def rename_sheet(path: Path, old: str, new: str, hidden: bool = False) -> Path:
    """Rename a sheet (workbook.xml and the sheet's own print and filter names, xlsx_cells)."""
    book = xlsx_cells.Book(path)
    book.rename(old, new, hidden)
    return book.save(path)


def rename_sheet_openpyxl(path: Path, old: str, new: str, hidden: bool = False) -> Path:
    """rename_sheet as openpyxl writes it (the reference test_xlsx_cells compares with)."""
    wb = openpyxl.load_workbook(path)
    wb[old].title = new
    if hidden:
        wb[new].sheet_state = "hidden"
    wb.save(path)
    return path


def copy_sheet(path: Path, sheet: str, name: str, hidden: bool = False) -> Path:
    wb = openpyxl.load_workbook(path)
    copy = wb.copy_worksheet(wb[sheet])
    copy.title = name
    if hidden:
        copy.sheet_state = "hidden"
    wb.save(path)
    return path


_WITHOUT: dict[tuple[bytes, tuple[str, ...]], bytes] = {}


def delete_sheets(path: Path, *names: str) -> Path:
    """Delete sheets with openpyxl (which renumbers what refers to sheets by position) and save in
    place. Several tests delete the same sheet from the same sample: each distinct (workbook,
    sheets) is deleted once per process and its result reused (~0,8 s each)."""
    data = Path(path).read_bytes()
    key = (hashlib.sha256(data).digest(), names)
    if key not in _WITHOUT:
        wb = openpyxl.load_workbook(io.BytesIO(data))
        for name in names:
            del wb[name]
        saved = io.BytesIO()
        wb.save(saved)
        _WITHOUT[key] = saved.getvalue()
    Path(path).write_bytes(_WITHOUT[key])
    return Path(path)


def cache_formulas(path: Path, sheet: str, cells: dict[str, tuple[str, object]]) -> Path:
    """Give cells (A1 → (formula without '=', cached result)) a formula with a cached result,
    as Excel saves it; a result like '#DIV/0!' is cached as an error value."""
    book = xlsx_cells.Book(path)
    ws = book.sheet(sheet)
    for ref, (formula, result) in cells.items():
        ws.set_cached(*xlsx_cells.split_ref(ref), formula, result)
    return book.save(path)


# --- a LibreOffice (.ods) workbook, written as LibreOffice writes it --------------------------

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)


class OdsCell:
    """A cell of write_ods beyond a plain value: a percentage, an error, a merged range."""

    def __init__(self, value=None, percent=False, error="", formula="", span=(1, 1)):
        self.value, self.percent, self.error, self.formula, self.span = (
            value, percent, error, formula, span,
        )  # fmt: skip


def write_ods(
    path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()
) -> Path:
    """A minimal .ods: each sheet a list of rows of values (str, int, float, None or OdsCell)."""
    from xml.sax.saxutils import escape, quoteattr

    tables = []
    for name, rows in sheets.items():
        style = ' table:style-name="hidden"' if name in hidden else ""
        out = [f"<table:table table:name={quoteattr(name)}{style}>"]
        for row in rows:
            out.append("<table:table-row>")
            for value in row:
                cell = value if isinstance(value, OdsCell) else OdsCell(value)
                attrs = ""
                if cell.span != (1, 1):
                    attrs += (
                        f' table:number-rows-spanned="{cell.span[0]}"'
                        f' table:number-columns-spanned="{cell.span[1]}"'
                    )
                if cell.formula:
                    attrs += f" table:formula={quoteattr('of:' + cell.formula)}"
                if cell.error:
                    out.append(
                        f'<table:table-cell{attrs} office:value-type="string" office:string-value=""'
                        f' calcext:value-type="error"><text:p>{escape(cell.error)}</text:p></table:table-cell>'
                    )
                elif cell.value is None:
                    out.append(f"<table:table-cell{attrs}/>")
                elif isinstance(cell.value, int | float):
                    kind = "percentage" if cell.percent else "float"
                    out.append(
                        f'<table:table-cell{attrs} office:value-type="{kind}" office:value="{cell.value}"'
                        f' calcext:value-type="{kind}"><text:p>{cell.value}</text:p></table:table-cell>'
                    )
                else:
                    out.append(
                        f'<table:table-cell{attrs} office:value-type="string" calcext:value-type="string">'
                        f"<text:p>{escape(str(cell.value))}</text:p></table:table-cell>"
                    )
            out.append("</table:table-row>")
        out.append("</table:table>")
        tables.append("".join(out))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.3">'
        '<office:automatic-styles><style:style style:name="hidden" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


_ROWS: dict[bytes, dict[str, list[tuple[object, ...]]]] = {}


def workbook_rows(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet's values as rows, to write the same workbook in another format (new lists
    each call: tests change them). Read by openpyxl once per distinct workbook and process."""
    key = hashlib.sha256(Path(path).read_bytes()).digest()
    if key not in _ROWS:
        wb = openpyxl.load_workbook(path)
        _ROWS[key] = {
            ws.title: list(ws.iter_rows(max_row=last_row(ws), values_only=True))
            for ws in wb.worksheets
        }
    return {title: [list(row) for row in rows] for title, rows in _ROWS[key].items()}


# --- a workbook as a staff member makes it in Excel: formulas, a chart, a picture … -------------


def staff_made_workbook(path: Path, skm_answers: list[list[int]] | None = None) -> Path:
    """A contract workbook written the way Excel saves one a person has worked on: formulas with
    their cached results, a chart, a picture, a text box, sparklines (an x14 extension), a data
    validation, conditional formatting, defined names (one scoped to a sheet) and a note."""
    import io

    import xlsxwriter
    from contract_filler import IDENTITAS
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (40, 30), (31, 78, 121)).save(png, "PNG")
    wb = xlsxwriter.Workbook(str(path))
    bold = wb.add_format({"bold": True})
    money = wb.add_format({"num_format": "#,##0"})

    ws = wb.add_worksheet("Identitas")
    ws.write_row(0, 0, ["Isian", "Nilai"], bold)
    for r, (label, value) in enumerate({**IDENTITAS, "Versi Template": "2"}.items(), start=1):
        ws.write(r, 0, label)
        ws.write(r, 1, value)
    ws.insert_image("D2", "logo.png", {"image_data": png})

    ws = wb.add_worksheet("Sasaran")
    ws.write_row(0, 0, ["Kode Sasaran", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas",
                        "Target", "Realisasi", "Target Tahun Lalu", "Realisasi Tahun Lalu",
                        "Capaian (%)", "Predikat", "Catatan Staf"], bold)  # fmt: skip
    ws.write_row(
        1,
        0,
        [
            "S1",
            "Meningkatnya kualitas pelayanan publik",
            "Indeks Kepuasan Masyarakat",
            "nilai",
            "Positif",
            80,
        ],
    )
    ws.write_formula(1, 6, "=AVERAGE(86,90)", None, 88)  # realisasi computed by the staff
    ws.write_row(1, 7, [80, 84])
    ws.write_formula(1, 11, '=IF(G2>=F2,"tercapai","belum")', None, "tercapai")
    ws.write_row(
        2,
        0,
        ["S2", "Menurunnya gangguan ketertiban", "Angka kriminalitas", "kasus", "Negatif", 10, 12],
    )
    ws.insert_textbox(
        "N2", "Catatan: angka IKM dari survei semester II.", {"width": 260, "height": 60}
    )
    ws.print_area("A1:L3")  # a name scoped to its sheet (localSheetId)

    ws = wb.add_worksheet("Anggaran")
    ws.write_row(
        0,
        0,
        ["Tingkat", "Uraian", "Kode Sasaran", "Pagu", "Realisasi", "Sisa Anggaran", "Serapan (%)"],
        bold,
    )
    ws.write_row(1, 0, ["Program", "Program Pelayanan Publik", "S1"])
    ws.write_formula(1, 3, "=D3+D4", money, 150_000_000)  # the staff's own sums, cached
    ws.write_formula(1, 4, "=E3+E4", money, 135_000_000)
    ws.write_row(2, 0, ["Sub Kegiatan", "Pelayanan PATEN", None, 100_000_000, 90_000_000], money)
    ws.write_row(
        3, 0, ["Sub Kegiatan", "Pelayanan Administrasi", None, 50_000_000, 45_000_000], money
    )
    ws.write_row(4, 0, ["Program", "Program Ketenteraman", "S2"])
    ws.write_row(5, 0, ["Sub Kegiatan", "Koordinasi Keamanan", None, 40_000_000, 30_000_000], money)
    ws.data_validation(
        "A2:A50", {"validate": "list", "source": ["Program", "Kegiatan", "Sub Kegiatan"]}
    )
    ws.conditional_format("E2:E6", {"type": "data_bar"})
    for r in range(1, 6):
        ws.add_sparkline(r, 9, {"range": f"Anggaran!D{r + 1}:E{r + 1}", "type": "column"})
    chart = wb.add_chart({"type": "column"})
    chart.add_series(
        {"name": "Pagu", "categories": "=Anggaran!$B$3:$B$6", "values": "=Anggaran!$D$3:$D$6"}
    )
    ws.insert_chart("L2", chart)
    wb.define_name("Total_Pagu", "=Anggaran!$D$2:$D$6")

    ws = wb.add_worksheet("SKM")
    ws.write_row(0, 0, [f"U{i}" for i in range(1, 10)], bold)
    answers = skm_answers or [[a] * 9 for a in (4, 4, 3, 3)]
    for r, row in enumerate(answers, start=1):
        ws.write_row(r, 0, row)
    ws.write_comment("A2", "Responden pertama: diisi di loket PATEN.", {"author": "Staf"})

    ws = wb.add_worksheet("Grafik Staf")
    pie = wb.add_chart({"type": "pie"})
    pie.add_series({"categories": "=Anggaran!$B$3:$B$6", "values": "=Anggaran!$E$3:$E$6"})
    ws.insert_chart("B2", pie)
    wb.set_properties({"author": "Staf Kecamatan"})
    wb.close()
    return path


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}
