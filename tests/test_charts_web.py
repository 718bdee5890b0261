"""The page's charts: inline SVG drawn from the draft's chart specs (no script, no picture, no
matplotlib), and the PDF download of the page."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import EXAMPLE
from lxml import etree
from test_charts_native import KINDS
from test_web import download_links, upload

from lkjip_xl import compute, read_workbook
from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.pipeline import Stages
from lkjip_xl.report.charts import PAGE_CHARTS, chart_specs
from lkjip_xl.web import create_app
from lkjip_xl.web.svg_charts import format_value, svg

SVG = "{http://www.w3.org/2000/svg}"


def parsed(markup: str) -> etree._Element:
    return etree.fromstring(markup.encode())


@pytest.mark.parametrize("kind", KINDS)
def test_every_chart_kind_draws_as_svg(kind):
    spec = KINDS[kind]
    root = parsed(svg(spec))
    assert root.tag == f"{SVG}svg" and root.get("viewBox")
    shapes = root.findall(f".//{SVG}rect") + root.findall(f".//{SVG}path")
    shapes += root.findall(f".//{SVG}polyline")
    assert shapes
    if kind in ("bar", "column", "clustered_bar", "clustered_column"):
        bars = [r for r in root.iter(f"{SVG}rect") if float(r.get("height")) > 5]
        drawn = sum(len(s.values) for s in spec.series)
        legend = len(spec.series) if spec.shows_legend else 0
        assert len(bars) == drawn + legend
    if kind == "pie":
        assert len(root.findall(f".//{SVG}path")) == 2
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for category in spec.categories:
        assert category in texts  # every category is named
    assert "style=" not in svg(spec)  # the CSP forbids inline styles


def test_bar_lengths_follow_the_values():
    spec = KINDS["bar"]  # 1.5 and 2.25
    root = parsed(svg(spec))
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[1] / widths[0] == pytest.approx(2.25 / 1.5, rel=0.01)


def test_numbers_are_shown_the_indonesian_way():
    assert format_value(101.7704918, '#,##0.00"%"') == "101,77%"
    assert format_value(1234567.5, "#,##0") == "1.234.568"
    assert format_value(3.215, "#,##0.00") == "3,22"  # half up, as the draft
    assert format_value(0.25, "0%") == "25%"
    assert format_value(2.5, "General") == "2,5"


def test_text_from_the_workbook_is_escaped():
    spec = KINDS["bar"]
    hostile = type(spec)(
        spec.kind, ("<script>alert(1)</script>", "A & B"), spec.series, title="T <b>"
    )
    markup = str(svg(hostile))
    assert "<script>" not in markup and "&lt;script&gt;" in markup and "A &amp; B" in markup
    parsed(markup)  # still well-formed


def test_the_example_page_draws_its_charts_from_the_specs(tmp_path):
    results = compute(read_workbook(EXAMPLE).workbook)
    specs = chart_specs(results)
    client = create_app(pdf=False).test_client()
    html = upload(client, "/periksa", EXAMPLE.read_bytes(), "contoh.xlsx").get_data(as_text=True)
    drawings = re.findall(r"<svg .*?</svg>", html, re.S)
    assert len(drawings) == sum(len(specs[name]) for name in PAGE_CHARTS) == 4
    capaian = parsed(drawings[0])
    labels = [t.text for t in capaian.iter(f"{SVG}text")]
    for indicator in results.indicators:
        assert fmt_number(indicator.capaian.value) + "%" in labels
    red = [r for r in capaian.iter(f"{SVG}rect") if r.get("fill") == "#C00000"]
    assert len(red) == sum(i.capaian.value < 100 for i in results.indicators)


def test_matplotlib_is_not_imported_by_the_page_or_the_report():
    code = (
        "import sys; from lkjip_xl.web import create_app; create_app(pdf=False);"
        "import lkjip_xl.report.render, lkjip_xl.web.svg_charts;"
        "print('matplotlib' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# -- the PDF download ------------------------------------------------------------------------


def _fake_pdf(draft, pdf):
    """A converter standing in for LibreOffice: it proves it got the draft."""
    assert draft.read_bytes()[:2] == b"PK"
    pdf.write_bytes(b"%PDF-1.4 palsu dari " + draft.name.encode())
    return pdf


def test_the_page_offers_the_pdf_and_makes_it_once():
    calls = []

    def convert(draft, pdf):
        calls.append(draft)
        return _fake_pdf(draft, pdf)

    client = create_app(pdf=True, stages=Stages(convert=convert)).test_client()
    html = upload(client, "/periksa", EXAMPLE.read_bytes(), "contoh.xlsx").get_data(as_text=True)
    links = download_links(html)
    assert set(links) == {"draf", "terisi", "pdf", "pk"}
    first = client.get(links["pdf"])
    assert first.status_code == 200 and first.data.startswith(b"%PDF")
    assert first.headers["Content-Type"] == "application/pdf"
    assert "Paser_Belengkong_draf_LKjIP.pdf" in first.headers["Content-Disposition"]
    assert client.get(links["pdf"]).data == first.data and len(calls) == 1


def test_without_libreoffice_the_pdf_link_says_what_to_do():
    from lkjip_xl.base.errors import ConverterMissing

    def missing(draft, pdf):
        raise ConverterMissing("tidak ada")

    client = create_app(pdf=True, stages=Stages(convert=missing)).test_client()
    html = upload(client, "/periksa", EXAMPLE.read_bytes(), "contoh.xlsx").get_data(as_text=True)
    page = client.get(download_links(html)["pdf"])
    assert page.status_code == 503
    assert "LibreOffice" in page.get_data(as_text=True)
    # the draft itself is still there
    assert client.get(download_links(html)["draf"]).data[:2] == b"PK"


def test_no_pdf_link_when_the_server_cannot_make_one():
    client = create_app(pdf=False).test_client()
    html = upload(client, "/periksa", EXAMPLE.read_bytes(), "contoh.xlsx").get_data(as_text=True)
    assert "pdf" not in download_links(html)
    assert client.get("/hasil/tidak-ada/pdf").status_code == 404
