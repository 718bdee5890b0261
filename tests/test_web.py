"""The staff page over HTTP (Flask's test client): every route, bad and hostile uploads, concurrency."""

from __future__ import annotations

import io
import re
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLE, cell_at
from docx import Document
from staff_workbooks import delete_sheets

from lkjip_xl import read_workbook
from lkjip_xl.pipeline import Stages
from lkjip_xl.web import create_app
from lkjip_xl.web.result_store import ResultStore


@pytest.fixture
def app(tmp_path, monkeypatch):
    # every temporary upload folder goes under tmp_path, so the tests can see them removed
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    app = create_app(pdf=False)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def upload(client, url: str, data: bytes, name: str = "buku.xlsx"):
    return client.post(
        url, data={"berkas": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def download_links(html: str) -> dict[str, str]:
    return {m[1]: m[0] for m in re.findall(r'href="(/hasil/[^/"]+/(\w[\w-]*))"', html)}


def assert_no_leftovers(tmp_path: Path) -> None:
    assert list((tmp_path / "tmp").iterdir()) == []


def test_home_page_offers_every_action_and_loads_nothing_external(client):
    page = client.get("/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for text in (
        "Periksa buku kerja",
        "Unduh buku kerja kosong",
        "Unduh contoh terisi",
        "tahun berikutnya",
    ):
        assert text in html
    assert 'lang="id"' in html
    css = client.get("/static/style.css").get_data(as_text=True)
    js = client.get("/static/app.js").get_data(as_text=True)
    for text in (html, css, js):
        assert not re.search(r"(src|href)=\"(https?:)?//", text)
        assert "@import" not in text and "url(http" not in text
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]


def test_blank_and_example_downloads_are_workbooks(client, tmp_path):
    blank = client.get("/unduh/kosong")
    assert blank.status_code == 200
    assert "attachment" in blank.headers["Content-Disposition"]
    path = tmp_path / "kosong.xlsx"
    path.write_bytes(blank.data)
    assert {"Identitas", "Sasaran", "Anggaran", "SKM", "Petunjuk"} <= set(
        openpyxl.load_workbook(path, read_only=True).sheetnames
    )
    assert client.get("/unduh/contoh").data == EXAMPLE.read_bytes()


def test_checking_the_example_shows_the_figures_and_serves_the_draft(client, tmp_path):
    page = upload(client, "/periksa", EXAMPLE.read_bytes(), "contoh.xlsx")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Kecamatan Paser Belengkong, tahun 2023" in html
    for figure in ("86,29", "mutu <strong>B</strong>", "101,12%", "82,17%", "Rp 7.310.830.014,00"):
        assert figure in html
    assert html.count("<svg ") == 4 and "<img" not in html  # the charts, inline SVG
    links = download_links(html)
    assert set(links) == {"draf", "terisi", "pk"}  # pk: the Perjanjian Kinerja .zip

    draft = client.get(links["draf"])
    assert draft.status_code == 200
    assert "Paser_Belengkong_draf_LKjIP.docx" in draft.headers["Content-Disposition"]
    doc = Document(io.BytesIO(draft.data))
    assert "PASER BELENGKONG" in "\n".join(p.text for p in doc.paragraphs).upper()
    filled = openpyxl.load_workbook(io.BytesIO(client.get(links["terisi"]).data), read_only=True)
    assert "Ringkasan" in filled.sheetnames
    assert_no_leftovers(tmp_path)


def test_a_workbook_with_errors_lists_them_by_sheet_with_a_marked_copy(client, filled, tmp_path):
    broken = filled(
        sheets={
            "Sasaran": [
                {
                    "Kode Sasaran": "S1",
                    "Sasaran Strategis": "X",
                    "Indikator Kinerja": "Y",
                    "Satuan": "%",
                    "Target": "delapan puluh",
                    "Realisasi": 80,
                }
            ],
            "Anggaran": [{"Tingkat": "Sub Kegiatan", "Uraian": "Z", "Pagu": -1, "Realisasi": 0}],
        }
    )
    page = upload(client, "/periksa", broken.read_bytes(), "rusak <b>.xlsx")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "rusak &lt;b&gt;.xlsx" in html  # the name is shown escaped, never as markup
    sheets = re.findall(r"<h3>Sheet (\w+)", html)
    assert sheets.index("Sasaran") < sheets.index("Anggaran")  # the contract's sheet order
    sasaran = html[html.index("<h3>Sheet Sasaran") : html.index("<h3>Sheet Anggaran")]
    target = cell_at(broken, "Sasaran", "Target", 1)
    assert target in sasaran and "measure-invalid" in sasaran
    badges = re.findall(r"badge (error|warning)", sasaran)
    assert badges == sorted(badges)  # errors ('error' < 'warning') before warnings
    links = download_links(html)
    assert set(links) == {"ditandai"}
    marked = openpyxl.load_workbook(io.BytesIO(client.get(links["ditandai"]).data))
    assert "Temuan" in marked.sheetnames
    assert_no_leftovers(tmp_path)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Kecamatan;IKM\nA;80\n", "buku.xlsx", "CSV"),
        (b"", "buku.xlsx", "0 byte"),
        (b"PK\x03\x04 terpotong", "buku.xlsx", "rusak"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "lama.xls", ".xls"),
    ],
)
def test_files_that_are_no_workbook_get_the_cli_sentence(client, tmp_path, data, name, expected):
    page = upload(client, "/periksa", data, name)
    html = page.get_data(as_text=True)
    assert page.status_code == 400
    assert expected in html and name in html
    assert "Traceback" not in html
    assert_no_leftovers(tmp_path)


def test_a_word_document_named_xlsx_is_refused_by_content(client, tmp_path):
    buf = io.BytesIO()
    Document().save(buf)
    page = upload(client, "/periksa", buf.getvalue(), "laporan.xlsx")
    assert page.status_code == 400
    assert "dokumen Word" in page.get_data(as_text=True)


def test_a_real_workbook_with_another_name_is_accepted(client):
    page = upload(client, "/periksa", EXAMPLE.read_bytes(), "kiriman_tanpa_ekstensi")
    assert page.status_code == 200 and "Paser Belengkong" in page.get_data(as_text=True)


def test_a_zip_bomb_is_refused_before_reading(client, tmp_path):
    buf = io.BytesIO()
    # compresslevel 1: 450 MB of zeros deflate to 2 MB in half the time of the default level
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (450 * 2**20))
    page = upload(client, "/periksa", buf.getvalue())
    assert page.status_code == 400
    assert "terlalu besar setelah dibuka" in page.get_data(as_text=True)


def test_oversized_upload_gets_a_clear_message(tmp_path, monkeypatch):
    app = create_app(limit_mb=1)
    page = upload(app.test_client(), "/periksa", b"PK" + b"\0" * (2 * 2**20))
    html = page.get_data(as_text=True)
    assert page.status_code == 413
    assert "lebih besar dari batas 1 MB" in html


def test_no_file_chosen(client):
    page = client.post("/periksa", data={}, content_type="multipart/form-data")
    assert page.status_code == 400
    assert "Pilih berkas buku kerja" in page.get_data(as_text=True)


def test_a_path_in_the_file_name_never_reaches_the_disk(client, tmp_path):
    page = upload(client, "/periksa", EXAMPLE.read_bytes(), "../../../../tmp/jahat.xlsx")
    assert page.status_code == 200
    assert not Path("/tmp/jahat.xlsx").exists()
    assert not (tmp_path / "jahat.xlsx").exists()
    assert_no_leftovers(tmp_path)


def test_unknown_or_expired_download_is_a_friendly_404(tmp_path):
    store = ResultStore(ttl_seconds=0)
    client = create_app(store=store).test_client()
    html = upload(client, "/periksa", EXAMPLE.read_bytes()).get_data(as_text=True)
    expired = client.get(download_links(html)["draf"])
    assert expired.status_code == 404
    assert "unggah buku kerja sekali lagi" in expired.get_data(as_text=True)
    assert client.get("/hasil/tidak-ada/draf").status_code == 404
    assert client.get("/halaman-lain").status_code == 404


def test_carry_forward_downloads_next_years_workbook(client, tmp_path):
    reply = upload(client, "/tahun-berikutnya", EXAMPLE.read_bytes(), "buku_2023.xlsx")
    assert reply.status_code == 200
    assert "LKjIP_Paser_Belengkong_2024.xlsx" in reply.headers["Content-Disposition"]
    path = tmp_path / "2024.xlsx"
    path.write_bytes(reply.data)
    carried = read_workbook(path).workbook
    assert carried.identity.tahun == 2024 and carried.skm == ()
    assert_no_leftovers(tmp_path)


def test_carry_forward_of_a_workbook_without_sasaran_shows_findings(client, filled):
    src = delete_sheets(filled(), "Sasaran")
    page = upload(client, "/tahun-berikutnya", src.read_bytes())
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Sheet Sasaran" in html and "sheet-missing" in html
    assert "tahun berikutnya belum dapat dibuat" in html


def test_a_bug_gives_a_friendly_500_without_a_traceback(tmp_path):
    def broken(_wb):
        raise RuntimeError("rahasia internal")

    client = create_app(stages=Stages(compute=broken)).test_client()
    page = upload(client, "/periksa", EXAMPLE.read_bytes())
    html = page.get_data(as_text=True)
    assert page.status_code == 500
    assert "Kesalahan alat" in html and "rahasia internal" not in html and "Traceback" not in html


def test_uploads_are_kept_only_when_configured(tmp_path, monkeypatch):
    keep = tmp_path / "arsip"
    client = create_app(keep_uploads=keep).test_client()
    upload(client, "/periksa", EXAMPLE.read_bytes(), "Kiriman Kuaro.xlsx")
    kept = list(keep.iterdir())
    assert len(kept) == 1 and kept[0].name.endswith("Kiriman_Kuaro.xlsx")
    assert kept[0].read_bytes() == EXAMPLE.read_bytes()


def test_two_concurrent_uploads_see_only_their_own_files(app, filled, tmp_path):
    books = {
        name: filled(f"{name}.xlsx", identitas={"Kecamatan": name}).read_bytes()
        for name in ("Kuaro", "Batu Sopang")
    }
    pages: dict[str, str] = {}
    drafts: dict[str, bytes] = {}
    start = threading.Barrier(len(books))

    def run(name: str) -> None:
        client = app.test_client()
        start.wait()
        html = upload(client, "/periksa", books[name], f"{name}.xlsx").get_data(as_text=True)
        pages[name] = html
        drafts[name] = client.get(download_links(html)["draf"]).data

    threads = [threading.Thread(target=run, args=(n,)) for n in books]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for name, other in (("Kuaro", "Batu Sopang"), ("Batu Sopang", "Kuaro")):
        assert f"Kecamatan {name}, tahun" in pages[name]
        assert other not in pages[name]
        text = "\n".join(p.text for p in Document(io.BytesIO(drafts[name])).paragraphs).upper()
        assert name.upper() in text and other.upper() not in text
    assert_no_leftovers(tmp_path)


def test_lkjip_serve_listens_on_loopback_by_default():
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "lkjip_xl.cli", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    assert reply.status == 200
                    assert "Periksa buku kerja LKjIP" in reply.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert f"http://127.0.0.1:{port}/" in output and "hanya dari komputer ini" in output


def test_hostile_xml_entities_are_neither_expanded_nor_leaked(client, tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA-123")
    doctype = (
        f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    hostile = io.BytesIO()
    with zipfile.ZipFile(EXAMPLE) as zin, zipfile.ZipFile(hostile, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith(("xl/worksheets/", "xl/workbook.xml", "xl/styles.xml")):
                text = data.decode("utf-8")
                text = (
                    text.replace("?>", "?>" + doctype, 1)
                    if text.startswith("<?xml")
                    else doctype + text
                )
                data = text.replace("<t>Paser Belengkong</t>", "<t>&x;&b;</t>").encode("utf-8")
            zout.writestr(info, data)
    page = upload(client, "/periksa", hostile.getvalue(), "jahat.xlsx")
    html = page.get_data(as_text=True)
    assert page.status_code == 400 and "rusak" in html
    assert "RAHASIA" not in html
