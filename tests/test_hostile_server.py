"""The staff page under attack: a hostile upload cannot take the server down, slow clients
cannot lock others out, the page answers while uploads run, and the office password holds.
Every server here listens on 127.0.0.1 only and stops by itself."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import waitress
from conftest import EXAMPLE, ROOT
from hostile_files import one_far_value

from lkjip_xl.web import create_app
from lkjip_xl.web.access import COOKIE, MAX_FAILURES
from lkjip_xl.web.isolated import ChildLimits
from lkjip_xl.web.serving import DEFAULT_THREADS, upload_slots, waitress_settings


@contextmanager
def running(app) -> Iterator[int]:
    """The app under waitress with the settings of `lkjip serve`, on a free loopback port."""
    settings = waitress_settings(DEFAULT_THREADS, 20)
    server = waitress.create_server(app, host="127.0.0.1", port=0, **settings)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server.effective_port
    finally:
        server.close()
        thread.join(5)


def request(
    port: int,
    method: str,
    path: str,
    body: bytes = b"",
    headers: dict | None = None,
    timeout: float = 60,
):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def upload(port: int, data: bytes, name: str = "buku.xlsx", timeout: float = 60) -> tuple[int, str]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return request(
        port,
        "POST",
        "/periksa",
        body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
        timeout=timeout,
    )


@pytest.fixture
def quiet_tmp(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    return tmp_path / "tmp"


def test_the_far_value_workbook_gets_a_finding_through_the_server_and_it_keeps_answering(
    tmp_path, quiet_tmp
):
    workbook = one_far_value(tmp_path / "jauh.xlsx", "XFD1048576").read_bytes()
    with running(create_app(pdf=False, upload_slots=upload_slots(DEFAULT_THREADS))) as port:
        start = time.perf_counter()
        status, page = upload(port, workbook)
        took = time.perf_counter() - start
        assert status == 200 and "XFD1048576" in page and "sheet-too-large" in page
        assert took < 1.0
        assert request(port, "GET", "/")[0] == 200
    assert list(quiet_tmp.iterdir()) == []


@pytest.mark.parametrize(
    "limits",
    [ChildLimits(seconds=0.05), ChildLimits(memory_mb=40)],
    ids=["past-its-time", "out-of-memory"],
)
def test_a_child_past_its_limit_is_killed_with_a_sentence_and_leaves_nothing(quiet_tmp, limits):
    app = create_app(pdf=False, limits=limits)
    page = app.test_client().post(
        "/periksa",
        data={"berkas": (EXAMPLE.open("rb"), "buku.xlsx")},
        content_type="multipart/form-data",
    )
    assert page.status_code == 400 and "dihentikan" in page.get_data(as_text=True)
    assert list(quiet_tmp.iterdir()) == []


@pytest.mark.slow
def test_twenty_uploads_with_fifty_slow_connections_and_the_page_answers_throughout(quiet_tmp):
    example = EXAMPLE.read_bytes()
    with running(create_app(pdf=False, upload_slots=upload_slots(DEFAULT_THREADS))) as port:
        slow = []
        for _ in range(50):  # clients that send half a request and then nothing
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"POST /periksa HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc")
            slow.append(s)
        results: list[tuple[int, str]] = []

        def one_upload() -> None:
            try:  # two at a time on two cores: the last waits its turn (long on a busy machine)
                results.append(upload(port, example, timeout=900))
            except OSError as exc:
                results.append((0, repr(exc)))

        uploads = [threading.Thread(target=one_upload) for _ in range(20)]
        for t in uploads:
            t.start()
        page_times = []
        while any(t.is_alive() for t in uploads):
            start = time.perf_counter()
            status, _ = request(port, "GET", "/", timeout=10)
            page_times.append(time.perf_counter() - start)
            assert status == 200
            time.sleep(0.1)
        for t in uploads:
            t.join()
        for s in slow:
            s.close()
    assert len(results) == 20
    assert all(status == 200 and "Paser Belengkong" in page for status, page in results), [
        page[:200] for status, page in results if status != 200
    ]
    assert len(page_times) >= 3 and max(page_times) < 1.0, page_times
    assert list(quiet_tmp.iterdir()) == []


# --- the office password -------------------------------------------------------------------


def test_without_the_password_nothing_but_the_login_page(quiet_tmp):
    client = create_app(pdf=False, password="sandi-kantor-2024").test_client()
    first = client.get("/")
    assert first.status_code == 302 and first.headers["Location"].endswith("/masuk")
    assert client.get("/unduh/kosong").status_code == 302
    posted = client.post(
        "/periksa",
        data={"berkas": (EXAMPLE.open("rb"), "buku.xlsx")},
        content_type="multipart/form-data",
    )
    assert posted.status_code == 401
    login = client.get("/masuk")
    assert login.status_code == 200 and "Kata sandi kantor" in login.get_data(as_text=True)


def test_the_right_password_gives_a_strict_http_only_session(quiet_tmp):
    client = create_app(pdf=False, password="sandi-kantor-2024").test_client()
    assert client.post("/masuk", data={"sandi": "salah"}).status_code == 401
    signed = client.post("/masuk", data={"sandi": "sandi-kantor-2024"})
    assert signed.status_code == 302
    cookie = signed.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/").status_code == 200


def test_guessing_is_stopped_after_a_few_attempts(quiet_tmp):
    client = create_app(pdf=False, password="sandi-kantor-2024").test_client()
    for _ in range(MAX_FAILURES):
        assert client.post("/masuk", data={"sandi": "tebakan"}).status_code == 401
    assert client.post("/masuk", data={"sandi": "sandi-kantor-2024"}).status_code == 429


def test_no_password_by_default_and_a_warning_on_the_network(tmp_path):
    assert create_app(pdf=False).test_client().get("/").status_code == 200
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    child = subprocess.Popen(
        [sys.executable, "-m", "lkjip_xl.cli", "serve", "--host", "0.0.0.0", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    try:
        line = child.stderr.readline()
    finally:
        child.kill()
        child.wait(10)
    assert "PERINGATAN" in line and "--sandi-berkas" in line


def test_an_empty_password_file_is_refused(tmp_path, capsys):
    from lkjip_xl.cli import main

    empty = tmp_path / "sandi.txt"
    empty.write_text("\n")
    assert main(["serve", "--sandi-berkas", str(empty)]) == 64
    assert "kosong" in capsys.readouterr().err


# --- the batch's time limit ------------------------------------------------------------------


def _hangs_on_kuaro(path: str, out: str, template=None, stages=None, pdf=False):
    """A worker that never finishes one workbook (a loop the tool could not foresee)."""
    from lkjip_xl.kabupaten.batch import process_one

    if path.endswith("Kuaro.xlsx"):
        time.sleep(600)
    return process_one(path, out, template)


def test_a_workbook_past_the_batch_time_limit_fails_alone(filled, tmp_path):
    from lkjip_xl.kabupaten.batch import run_batch

    folder = tmp_path / "masuk"
    for name in ("Kuaro", "Batu Sopang"):
        filled(f"masuk/{name}.xlsx", identitas={"Kecamatan": name})
    start = time.perf_counter()
    result = run_batch(folder, tmp_path / "keluar", workers=2, worker=_hangs_on_kuaro, seconds=4)
    assert time.perf_counter() - start < 60
    by_name = {i.source: i for i in result.items}
    assert "dihentikan setelah 4 detik" in by_name["Kuaro.xlsx"].reason
    assert by_name["Batu Sopang.xlsx"].ok
