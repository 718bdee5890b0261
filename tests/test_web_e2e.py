"""The staff page in a real headless Chromium: upload, read the figures, download the draft.

Needs Debian's chromium and chromium-driver (.ci/run installs them); skipped where they are
missing. Set LKJIP_SCREENSHOTS=folder to keep screenshots of each page for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE, cell_at
from docx import Document

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="Debian chromium and chromium-driver not installed"
)


@pytest.fixture(scope="module")
def server():
    """The real app under waitress, as `lkjip serve` runs it, on a free loopback port."""
    import waitress

    from lkjip_xl.web import create_app

    srv = waitress.create_server(create_app(), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument("--window-size=1280,1000")
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


def _shot(driver, name: str) -> None:
    folder = os.environ.get("LKJIP_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.body.scrollHeight")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, max(height + 120, 600))
    driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def _upload(driver, server: str, path: Path, field: str = "berkas-periksa") -> None:
    from selenium.webdriver.common.by import By

    driver.get(server + "/")
    driver.find_element(By.ID, field).send_keys(str(path))
    driver.find_element(By.ID, field).find_element(By.XPATH, "../button").click()


def _wait_for_file(folder: Path, suffix: str, timeout: float = 30) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == suffix]
        if done and not any(p.suffix == ".crdownload" for p in folder.iterdir()):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}")


def test_example_upload_shows_figures_and_downloads_a_draft(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "/")
    assert "Periksa buku kerja LKjIP" in browser.find_element(By.TAG_NAME, "h1").text
    _shot(browser, "1_beranda")

    _upload(browser, server, EXAMPLE)
    WebDriverWait(browser, 60).until(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Paser"))
    figures = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".figure .big")]
    assert figures == ["86,29", "101,12%", "82,17%"]
    charts = browser.find_elements(By.CSS_SELECTOR, ".charts svg")
    assert len(charts) == 4
    for chart in charts:  # drawn: it has a size on the page and bars or slices in it
        assert chart.size["width"] > 200 and chart.size["height"] > 100
        assert chart.find_elements(By.CSS_SELECTOR, "rect, path")
    _shot(browser, "2_hasil")

    browser.find_element(By.LINK_TEXT, "Unduh draf Word LKjIP").click()
    draft = _wait_for_file(browser.downloads, ".docx")
    text = "\n".join(p.text for p in Document(str(draft)).paragraphs).upper()
    assert "KECAMATAN PASER BELENGKONG" in text


def test_broken_workbook_shows_its_findings(server, browser, filled):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    rows = [
        {
            "Kode Sasaran": "S1",
            "Sasaran Strategis": "Meningkatnya pelayanan",
            "Indikator Kinerja": "IKM",
            "Satuan": "nilai",
            "Target": "delapan puluh",
            "Realisasi": 80,
        }
    ]
    broken = filled("rusak.xlsx", sheets={"Sasaran": rows})
    _upload(browser, server, broken)
    WebDriverWait(browser, 60).until(
        ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "kesalahan")
    )
    assert "rusak.xlsx: 1 kesalahan" in browser.find_element(By.TAG_NAME, "h1").text
    rows = browser.find_elements(By.CSS_SELECTOR, ".findings tr.error")
    target = cell_at(broken, "Sasaran", "Target", 1)
    assert any(target in r.text and "delapan puluh" in r.text for r in rows)
    _shot(browser, "3_temuan")

    browser.find_element(By.LINK_TEXT, "Unduh salinan bertanda").click()
    assert _wait_for_file(browser.downloads, ".xlsx").name == "Sukamaju_ditandai.xlsx"


def test_phone_width_keeps_the_page_usable(server, browser):
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    browser.get(server + "/")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= 390  # nothing forces sideways scrolling
    assert browser.find_element(By.ID, "berkas-periksa").is_displayed()
    _shot(browser, "4_ponsel")
