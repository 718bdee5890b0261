# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""The staff page offers the documents of the year: the Perjanjian Kinerja (.zip) beside the
draft, and, from one upload with a chooser, the PK or the quarterly report of a quarter; a
January workbook gets its PK, a quarter without realisasi gets its findings."""

from __future__ import annotations

import io
import re
import zipfile

import contract_filler
import pytest
from docx import Document
from v2_helpers import make_v2, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl.web import create_app


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    app = create_app(pdf=False)
    app.config["TESTING"] = True
    return app.test_client()


def post(client, url, path, **form):
    data = {"berkas": (io.BytesIO(path.read_bytes()), path.name), **form}
    return client.post(url, data=data, content_type="multipart/form-data")


def _zip_names(data: bytes) -> list[str]:
    return sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())


def test_home_page_offers_the_documents_with_a_quarter_chooser(client):
    page = client.get("/").get_data(as_text=True)
    assert 'action="/dokumen"' in page
    assert all(f'<option value="{q}">' in page for q in ("pk", "1", "2", "3", "4"))


def test_pk_zip_is_offered_beside_the_draft(client, v2_workbook):
    page = post(client, "/periksa", v2_workbook).get_data(as_text=True)
    link = re.search(r'href="(/hasil/[^"]+/pk)"', page)
    assert link, "no PK download on the result page"
    response = client.get(link.group(1))
    assert response.mimetype == "application/zip"
    names = _zip_names(response.data)
    assert names[0] == "PK_00_Gabungan.docx" and len(names) == 5


def test_january_workbook_gets_its_pk_documents(client, make_v2):
    sasaran = [{k: v for k, v in r.items() if k != "Realisasi"} for r in contract_filler.SASARAN_V2]
    path = make_v2("januari.xlsx", sheets={"Sasaran": sasaran})
    response = post(client, "/dokumen", path, dokumen="pk")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert "PK_02_Sekretaris_Camat.docx" in archive.namelist()
    doc = Document(io.BytesIO(archive.read("PK_02_Sekretaris_Camat.docx")))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "Sri Wahyuni, S.Sos" in "\n".join(cells)


def test_quarterly_report_download_and_its_refusal(client, make_v2):
    plan = [
        {k: v for k, v in r.items() if k not in ("Realisasi TW III", "Realisasi TW IV")}
        for r in contract_filler.RENCANA_AKSI
    ]
    path = make_v2("dua.xlsx", sheets={"Rencana Aksi": plan})
    response = post(client, "/dokumen", path, dokumen="2")
    assert response.status_code == 200
    assert "pemantauan_triwulan_2.docx" in response.headers["Content-Disposition"]
    doc = Document(io.BytesIO(response.data))
    assert "TRIWULAN II TAHUN 2024" in "\n".join(p.text for p in doc.paragraphs)

    refused = post(client, "/dokumen", path, dokumen="3").get_data(as_text=True)
    assert "Realisasi TW III kosong" in refused and "Dokumen belum dapat dibuat" in refused


def test_unknown_document_choice_is_refused(client, v2_workbook):
    assert post(client, "/dokumen", v2_workbook, dokumen="9").status_code == 400


def test_quarterly_reports_beside_the_draft_for_the_quarters_reported(client, make_v2):
    plan = [
        {k: v for k, v in r.items() if k not in ("Realisasi TW III", "Realisasi TW IV")}
        for r in contract_filler.RENCANA_AKSI
    ]
    path = make_v2("dua.xlsx", sheets={"Rencana Aksi": plan})
    page = post(client, "/periksa", path).get_data(as_text=True)
    links = dict(re.findall(r'href="(/hasil/[^"]+/(tw\d))"', page))
    assert sorted(links.values()) == ["tw1", "tw2"]
    assert "Pemantauan Triwulan II" in page
    report = client.get(next(u for u, k in links.items() if k == "tw2"))
    doc = Document(io.BytesIO(report.data))
    assert "TRIWULAN II TAHUN 2024" in "\n".join(p.text for p in doc.paragraphs)
