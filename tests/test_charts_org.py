"""The struktur organisasi primitive: a tree of boxes as one group of Word shapes (text boxes and
lines), laid out as a tree, inert in a template, and drawn by LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from lxml import etree
from test_charts_native import document_with

from lkjip_xl.report.org_chart import Box, OrgChart, layout
from lkjip_xl.report.pdf import convert_to_pdf, find_converter

NS = {
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
KECAMATAN = [
    Box("camat", ("CAMAT", "Drs. H. Ahmad Yani, M.Si")),
    Box("sekcam", ("SEKRETARIS CAMAT", "Siti Aminah, S.Sos"), "camat"),
    Box("umum", ("Kasubbag Umum dan Kepegawaian", "Budi"), "sekcam"),
    Box("keuangan", ("Kasubbag Perencanaan dan Keuangan", "Rina"), "sekcam"),
    Box("pem", ("Kasi Pemerintahan", "Joko"), "camat"),
    Box("trantib", ("Kasi Ketenteraman & Ketertiban <Umum>", "Andi"), "camat"),
]


def test_a_parent_sits_centred_above_its_children_one_row_per_level():
    placed = {p.box.key: p for p in layout(KECAMATAN)}
    camat, sekcam = placed["camat"], placed["sekcam"]
    kids = [placed[k] for k in ("sekcam", "pem", "trantib")]
    assert camat.x == pytest.approx((kids[0].x + kids[-1].x) / 2)
    assert sekcam.x == pytest.approx((placed["umum"].x + placed["keuangan"].x) / 2)
    assert {k.y for k in kids} == {sekcam.y} and sekcam.y > camat.y + camat.height
    assert placed["umum"].y > sekcam.y + sekcam.height
    leaves = sorted((placed[k] for k in ("umum", "keuangan", "pem", "trantib")), key=lambda p: p.x)
    for left, right in zip(leaves, leaves[1:], strict=False):  # no two boxes overlap
        assert left.x + left.width / 2 < right.x - right.width / 2
    assert all(p.x - p.width / 2 >= 0 and p.x + p.width / 2 <= 150 for p in placed.values())


@pytest.mark.parametrize(
    ("boxes", "problem"),
    [
        ([Box("a", ("A",)), Box("b", ("B",))], "one top box"),
        ([Box("a", ("A",)), Box("b", ("B",), "x")], "no box 'x'"),
        ([Box("a", ("A",)), Box("b", ("B",), "c"), Box("c", ("C",), "b")], "hang from the top"),
    ],
)
def test_a_tree_that_is_not_one_is_refused(boxes, problem):
    with pytest.raises(ValueError, match=problem):
        OrgChart(boxes)


def test_the_chart_is_one_group_of_text_boxes_and_lines_in_the_document(tmp_path):
    data = document_with({"struktur": OrgChart(KECAMATAN)}, tmp_path, "{{ struktur }}")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
    groups = body.findall(".//wpg:wgp", NS)
    assert len(groups) == 1
    shapes = groups[0].findall("wps:wsp", NS)
    boxes = [s for s in shapes if s.find("wps:txbx", NS) is not None]
    lines = [s for s in shapes if s.find("wps:spPr/a:prstGeom", NS).get("prst") == "line"]
    assert len(boxes) == len(KECAMATAN)
    # per family: one line down from the parent, one across, one down to each child
    assert len(lines) == (1 + 1 + 3) + (1 + 1 + 2)
    texts = ["".join(t.text for t in b.iter(f"{{{NS['w']}}}t")) for b in boxes]
    assert texts[0] == "CAMATDrs. H. Ahmad Yani, M.Si"
    assert "Kasi Ketenteraman & Ketertiban <Umum>Andi" in texts  # text, escaped in the XML
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs][0] == "Sebelum"


def test_a_template_cannot_reach_through_the_chart(tmp_path):
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        document_with(
            {"struktur": OrgChart(KECAMATAN)}, tmp_path, "{{ struktur._OrgChart__run_xml }}"
        )


@pytest.mark.skipif(
    find_converter() is None or not shutil.which("pdftotext"),
    reason="LibreOffice or poppler is not installed",
)
def test_libreoffice_draws_every_box(tmp_path):
    data = document_with({"struktur": OrgChart(KECAMATAN)}, tmp_path, "{{ struktur }}")
    source = tmp_path / "struktur.docx"
    source.write_bytes(data)
    pdf = convert_to_pdf(source, tmp_path / "struktur.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for box in KECAMATAN:
        assert box.lines[0].split()[0] in text
    assert text.index("CAMAT") < text.index("Kasi Pemerintahan")  # the top box on top
