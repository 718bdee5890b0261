"""Native Word charts: each chart of the draft is a chart part with its embedded workbook, whose
cells equal the chart's cached values and the computed figures; every chart kind of the spec API
builds a document; the placeholder a template prints is inert."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
import openpyxl
import pytest
from conftest import EXAMPLE
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from lxml import etree

from lkjip_xl import compute, read_workbook
from lkjip_xl.cli import main
from lkjip_xl.report.chart_placeholder import NativeChart, draw
from lkjip_xl.report.chart_spec import ChartSpec, Kind, Series
from lkjip_xl.report.charts import ANSWER_NAMES, CHARTS, chart_specs
from lkjip_xl.report.render import jinja_env

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
BAB_I = (
    "penduduk_jk",
    "penduduk_desa",
    "pegawai_golongan",
    "pegawai_pendidikan",
    "pegawai_jenis_kelamin",
    "pegawai_status",
)
TEMPLATE_ORDER = (*BAB_I, "capaian", "ikm", "sebaran", "unsur", "perubahan", "serapan")


# -- reading a chart back out of a .docx ----------------------------------------------------


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    folder, name = part.rsplit("/", 1)
    tree = etree.fromstring(zf.read(f"{folder}/_rels/{name}.rels"))
    return {
        r.get("Id"): (r.get("Type"), _resolve(folder, r.get("Target")))
        for r in tree.findall("pr:Relationship", NS)
    }


def _resolve(folder: str, target: str) -> str:
    parts = folder.split("/")
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)


def _cell(sheet: Any, ref: str) -> list[Any]:
    """The values at a chart reference like `Sheet1!$B$2:$B$5` (or one cell)."""
    area = ref.split("!")[1].replace("$", "")
    cells = sheet[area]
    if not isinstance(cells, tuple):
        return [cells.value]
    return [row[0].value if isinstance(row, tuple) else row.value for row in cells]


def _cache(ref_el: Any) -> list[Any]:
    points = {
        int(p.get("idx")): p.findtext("c:v", namespaces=NS) for p in ref_el.iter(f"{{{NS['c']}}}pt")
    }
    count = int(ref_el.find(".//c:ptCount", NS).get("val"))
    return [points.get(i) for i in range(count)]


def charts_of(data: bytes) -> list[dict[str, Any]]:
    """Each chart the body shows, in order: its kind, categories, series, and its workbook
    checked against its caches on the way."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        rels = _rels(zf, "word/document.xml")
        for ref in body.iter(f"{{{NS['c']}}}chart"):
            kind, part = rels[ref.get(f"{{{NS['r']}}}id")]
            assert kind == CHART_REL
            chart = etree.fromstring(zf.read(part))
            external = chart.find("c:externalData", NS).get(f"{{{NS['r']}}}id")
            rel_kind, workbook_part = _rels(zf, part)[external]
            assert rel_kind == PACKAGE_REL and workbook_part.startswith("word/embeddings/")
            sheet = openpyxl.load_workbook(io.BytesIO(zf.read(workbook_part)))["Sheet1"]
            series = []
            for ser in chart.iter(f"{{{NS['c']}}}ser"):
                cat, val = ser.find("c:cat/c:strRef", NS), ser.find("c:val/c:numRef", NS)
                name = ser.find("c:tx/c:strRef", NS)
                categories = _cache(cat)
                values = [None if v is None else float(v) for v in _cache(val)]
                # the embedded workbook holds exactly what the chart shows (Edit Data)
                assert _cell(sheet, cat.findtext("c:f", namespaces=NS)) == categories
                assert _cell(sheet, val.findtext("c:f", namespaces=NS)) == values
                assert _cell(sheet, name.findtext("c:f", namespaces=NS)) == _cache(name)
                series.append({"name": _cache(name)[0], "categories": categories, "values": values})
            plot = chart.find("c:chart/c:plotArea", NS)
            out.append({"xml": chart, "plot": plot, "series": series})
    return out


@pytest.fixture(scope="module")
def example_draft(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("grafik") / "laporan.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def example_results() -> Any:
    return compute(read_workbook(EXAMPLE).workbook)


# -- the draft of the example ---------------------------------------------------------------


def test_every_chart_of_the_draft_is_a_native_chart_with_its_data(example_draft, example_results):
    charts = charts_of(example_draft)
    specs = chart_specs(example_results)
    assert not specs["perubahan"]  # the example has no perubahan
    # in the template's order
    ordered = [spec for name in TEMPLATE_ORDER for spec in specs[name]]
    assert len(charts) == len(ordered) == 13 + sum(len(specs[n]) for n in BAB_I)
    for chart, spec in zip(charts, ordered, strict=True):
        assert [s["values"] for s in chart["series"]] == [excel(s.values) for s in spec.series]
        assert [s["name"] for s in chart["series"]] == [s.name for s in spec.series]
        assert chart["series"][0]["categories"] == list(spec.categories)
    with zipfile.ZipFile(io.BytesIO(example_draft)) as zf:
        names = zf.namelist()
        body = zf.read("word/document.xml").decode()
    assert not [n for n in names if n.startswith("word/media/")] and "<pic:pic" not in body


def bab_iii_charts(draft: bytes, results: Any) -> list[dict[str, Any]]:
    """The draft's charts after Bab I's (population and staff)."""
    specs = chart_specs(results)
    return charts_of(draft)[sum(len(specs[n]) for n in BAB_I) :]


def excel(values: Any) -> list[float | None]:
    """Figures as a workbook keeps them: 15 significant digits."""
    return [None if v is None else float(f"{v:.15g}") for v in values]


def test_chart_values_are_the_computed_figures(example_draft, example_results):
    charts = bab_iii_charts(example_draft, example_results)
    capaian, ikm, sebaran, *unsur, serapan = charts
    r = example_results
    assert capaian["series"][0]["values"] == excel(i.capaian.value for i in r.indicators)
    assert capaian["series"][0]["values"][0] == pytest.approx(r.indicators[0].capaian.value)
    assert capaian["series"][0]["categories"] == [i.source.indikator for i in r.indicators]
    assert ikm["series"][0]["values"] == excel(e.nrr for e in r.skm.elements)
    for answer, series in enumerate(sebaran["series"], start=1):
        assert series["values"] == excel(e.shares[answer] for e in r.skm.elements)
    for chart, element in zip(unsur, r.skm.elements, strict=True):
        assert chart["series"][0]["categories"] == list(ANSWER_NAMES)
        assert chart["series"][0]["values"] == [float(element.counts[a]) for a in (1, 2, 3, 4)]
        assert sum(chart["series"][0]["values"]) == element.answers
    programs = [b for b in r.budget if b.level == "program"]
    assert serapan["series"][0]["values"] == excel(b.serapan for b in programs)


def test_charts_are_styled_for_the_document(example_draft, example_results):
    capaian, ikm, sebaran, pie, *_ = bab_iii_charts(example_draft, example_results)
    for chart in (capaian, ikm, sebaran, pie):
        xml = chart["xml"]
        sizes = {int(d.get("sz")) for d in xml.iter(f"{{{NS['a']}}}defRPr") if d.get("sz")}
        assert sizes and max(sizes) <= 1000  # 8–10 pt, never the slide's 18 pt
        faces = {f.get("typeface") for f in xml.iter(f"{{{NS['a']}}}latin")}
        assert faces == {"Arial"}
        assert xml.find("c:roundedCorners", NS).get("val") == "0"
    # one series: no legend and no title taken from the series name
    one = capaian["xml"].find("c:chart", NS)
    assert one.find("c:legend", NS) is None and one.find("c:title", NS) is None
    assert one.find("c:autoTitleDeleted", NS).get("val") == "1"
    # horizontal bars list the first indicator on top, the value axis stays below
    assert capaian["plot"].find("c:catAx/c:scaling/c:orientation", NS).get("val") == "maxMin"
    assert capaian["plot"].find("c:valAx/c:crosses", NS).get("val") == "max"
    assert capaian["plot"].find("c:catAx/c:txPr/a:bodyPr", NS).get("rot") == "0"
    # red below target, blue at or above; the 100 % reference is the one gridline
    colours = [
        p.find("c:spPr/a:solidFill/a:srgbClr", NS).get("val")
        for p in capaian["plot"].iter(f"{{{NS['c']}}}dPt")
    ]
    values = capaian["series"][0]["values"]
    assert colours == ["1F4E79" if v >= 100 else "C00000" for v in values]
    assert float(capaian["plot"].find("c:valAx/c:majorUnit", NS).get("val")) == 100
    label_format = capaian["plot"].find(".//c:dLbls/c:numFmt", NS).get("formatCode")
    assert label_format == '#,##0.00"%"'
    # the IKM in the title of the NRR chart, in Indonesian
    title = "".join(t.text for t in ikm["xml"].iter(f"{{{NS['a']}}}t"))
    assert re.fullmatch(r"IKM \d+,\d\d \(mutu [A-D], .+\)", title)
    assert sebaran["plot"].find("c:barChart/c:grouping", NS).get("val") == "percentStacked"
    assert pie["plot"].find("c:pieChart", NS) is not None


def test_the_draft_of_the_example_stays_small(example_draft):
    assert len(example_draft) <= 170 * 1024  # Bab I's staff charts carry their workbooks too


# -- every kind the spec API offers ----------------------------------------------------------

YEARS = ("2021", "2022", "2023")
KINDS = {
    "bar": ChartSpec(Kind.BAR, ("A", "B"), (Series("Nilai", (1.5, 2.25)),)),
    "clustered_bar": ChartSpec(
        Kind.BAR,
        ("Desa Satu", "Desa Dua", "Desa Tiga"),
        (Series("Laki-laki", (120, 98, 77)), Series("Perempuan", (115, 101, 80))),
        number_format="#,##0",
    ),
    "column": ChartSpec(
        Kind.COLUMN,
        ("II/a", "II/b", "III/a", "III/b", "IV/a"),
        (Series("Pegawai", (2, 3, 5, 4, 1)),),
        number_format="#,##0",
    ),
    "clustered_column": ChartSpec(
        Kind.COLUMN,
        YEARS,
        (Series("Pagu", (5e9, 5.5e9, 6.1e9)), Series("Realisasi", (4.6e9, 5.2e9, 5.5e9))),
        number_format="#,##0",
    ),
    "stacked_bar_100": ChartSpec(
        Kind.STACKED_BAR_100,
        ("U1", "U2"),
        (Series("Baik", (60.0, 70.0)), Series("Sangat baik", (40.0, 30.0))),
    ),
    "pie": ChartSpec(
        Kind.PIE,
        ("Laki-laki", "Perempuan"),
        (Series("Penduduk", (10512, 10033), point_colours=("1F4E79", "C00000")),),
        pie_percent=True,
    ),
    "line": ChartSpec(
        Kind.LINE, YEARS, (Series("Capaian IKM", (80.1, 83.5, 86.29)),), number_format="0.00"
    ),
}
EXPECTED_PLOT = {  # the plot element, its bar direction and grouping
    "bar": ("c:barChart", "bar", "clustered"),
    "clustered_bar": ("c:barChart", "bar", "clustered"),
    "column": ("c:barChart", "col", "clustered"),
    "clustered_column": ("c:barChart", "col", "clustered"),
    "stacked_bar_100": ("c:barChart", "bar", "percentStacked"),
    "pie": ("c:pieChart", None, None),
    "line": ("c:lineChart", None, "standard"),
}


def document_with(context: dict[str, Any], tmp_path, paragraph: str = "{{ grafik }}") -> bytes:
    """A Word document made the way the draft is: a template paragraph, rendered."""
    template = docx.Document()
    template.add_paragraph("Sebelum")
    template.add_paragraph(paragraph)
    template.add_paragraph("Sesudah")
    path = tmp_path / "templat.docx"
    template.save(path)
    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    built = {k: v(tpl) if callable(v) else v for k, v in context.items()}
    tpl.render(built, jinja_env=jinja_env(frozenset(built)), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", KINDS)
def test_each_chart_kind_builds_a_document_with_its_part(kind, tmp_path):
    spec = KINDS[kind]
    data = document_with({"grafik": lambda tpl: NativeChart(tpl, draw(spec))}, tmp_path)
    (chart,) = charts_of(data)
    tag, direction, grouping = EXPECTED_PLOT[kind]
    plot = chart["plot"].find(tag, NS)
    assert plot is not None
    if direction:
        assert plot.find("c:barDir", NS).get("val") == direction
    if grouping:
        assert plot.find("c:grouping", NS).get("val") == grouping
    assert [s["name"] for s in chart["series"]] == [s.name for s in spec.series]
    assert [s["values"] for s in chart["series"]] == [excel(s.values) for s in spec.series]
    legend = chart["xml"].find("c:chart/c:legend", NS)
    assert (legend is not None) == (len(spec.series) > 1 or spec.kind is Kind.PIE)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Sebelum" in text and "Sesudah" in text  # the paragraphs around it are kept


def test_a_chart_printed_twice_gets_two_parts(tmp_path):
    spec = KINDS["bar"]
    data = document_with(
        {"grafik": lambda tpl: NativeChart(tpl, draw(spec))},
        tmp_path,
        paragraph="{{ grafik }} dan {{ grafik }}",
    )
    assert len(charts_of(data)) == 2


def test_a_spec_that_does_not_add_up_is_refused():
    with pytest.raises(ValueError, match="values"):
        ChartSpec(Kind.BAR, ("A", "B"), (Series("x", (1.0,)),))
    with pytest.raises(ValueError, match="pie"):
        ChartSpec(Kind.PIE, ("A",), (Series("x", (1.0,)), Series("y", (2.0,))))


# -- the placeholder is inert ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "refused"),
    [
        # issue 15: no attribute of a non-data value is reachable, existing or not
        ("grafik.tpl", SecurityError),
        ("grafik.docx", SecurityError),
        ("grafik.tpl.docx.save('x.docx')", SecurityError),
        ("grafik._tpl", SecurityError),
        ("grafik.__class__", SecurityError),
        ("grafik._NativeChart__run_xml", SecurityError),
        ("grafik.__html__()", SecurityError),
        ("grafik.__init__.__globals__", SecurityError),
    ],
)
def test_a_template_cannot_reach_through_a_chart(expression, refused, tmp_path):
    spec = KINDS["bar"]
    with pytest.raises(refused):
        document_with(
            {"grafik": lambda tpl: NativeChart(tpl, draw(spec))},
            tmp_path,
            paragraph=f"{{{{ {expression} }}}}",
        )


def test_a_template_can_test_and_print_a_chart(tmp_path):
    spec = KINDS["bar"]
    data = document_with(
        {"grafik": lambda tpl: NativeChart(tpl, draw(spec))},
        tmp_path,
        paragraph="{% if grafik %}{{ grafik }}{% endif %}",
    )
    assert len(charts_of(data)) == 1


def test_every_chart_the_registry_declares_has_a_build_function():
    for chart in CHARTS.values():
        assert callable(chart.build) and chart.title


def test_the_perubahan_chart_compares_pagu_before_and_after(filled, tmp_path):
    anggaran = [
        {"Tingkat": "Program", "Uraian": "PROGRAM PELAYANAN PUBLIK", "Kode Sasaran": "S1"},
        {
            "Tingkat": "Sub Kegiatan",
            "Uraian": "Pelayanan PATEN",
            "Pagu": 120_000_000,
            "Realisasi": 90_000_000,
            "Pagu Sebelum Perubahan": 100_000_000,
        },
        {"Tingkat": "Program", "Uraian": "Program Ketenteraman", "Kode Sasaran": "S2"},
        {
            "Tingkat": "Sub Kegiatan",
            "Uraian": "Koordinasi Keamanan",
            "Pagu": 40_000_000,
            "Realisasi": 30_000_000,
            "Pagu Sebelum Perubahan": 50_000_000,
        },
    ]
    out = tmp_path / "laporan.docx"
    assert main(["report", str(filled(sheets={"Anggaran": anggaran})), "-o", str(out)]) == 0
    perubahan = [c for c in charts_of(out.read_bytes()) if len(c["series"]) == 2]
    assert len(perubahan) == 1
    before, after = perubahan[0]["series"]
    assert before["name"] == "Sebelum perubahan" and after["name"] == "Setelah perubahan"
    assert before["categories"] == ["Program Pelayanan Publik", "Program Ketenteraman"]
    assert before["values"] == [100_000_000, 50_000_000]
    assert after["values"] == [120_000_000, 40_000_000]
