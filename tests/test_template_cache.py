"""Compiled templates kept between runs (report/template_cache.py): the same draft from a cold and
a warm cache, unknown names refused from a cached entry too, damaged entries and an unwritable
folder costing only time."""

from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest
from conftest import EXAMPLE

from lkjip_xl import compute, read_workbook
from lkjip_xl.base.errors import TemplateProblem
from lkjip_xl.report import template_cache
from lkjip_xl.report.render import render_document, save_document


@pytest.fixture(scope="module")
def example():
    wb = read_workbook(EXAMPLE).workbook
    return wb, compute(wb)


def body_of(example, template=None) -> str:
    wb, results = example
    data = save_document(render_document(wb, results, template), wb)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode()


def test_a_warm_cache_gives_the_same_draft(example, tmp_path, monkeypatch):
    monkeypatch.setenv(template_cache.CACHE_VARIABLE, str(tmp_path / "cache"))
    cold = body_of(example)
    entries = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert any(n.startswith("jinja-") for n in entries)
    assert any(n.startswith("docxtpl-") for n in entries)
    assert body_of(example) == cold
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == entries  # nothing new


def test_damaged_entries_are_rebuilt(example, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv(template_cache.CACHE_VARIABLE, str(cache))
    good = body_of(example)
    for entry in cache.iterdir():
        entry.write_bytes(b"\x00rusak")
    assert body_of(example) == good


def test_an_unwritable_cache_folder_only_costs_time(example, tmp_path, monkeypatch):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    monkeypatch.setenv(template_cache.CACHE_VARIABLE, str(blocker / "cache"))
    assert "Paser Belengkong" in body_of(example)


def test_unknown_names_are_refused_from_a_cached_entry_too(example, tmp_path, monkeypatch):
    monkeypatch.setenv(template_cache.CACHE_VARIABLE, str(tmp_path / "cache"))
    template = docx.Document()
    template.add_paragraph("{{ kecamatan }} {{ nama_yang_salah }}")
    path = tmp_path / "milik_kabupaten.docx"
    template.save(path)
    for _ in range(2):  # the first compiles and stores, the second reads the entry
        with pytest.raises(TemplateProblem, match="nama_yang_salah"):
            body_of(example, path)


def test_old_entries_are_dropped_beyond_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv(template_cache.CACHE_VARIABLE, str(tmp_path))
    for i in range(template_cache.MAX_ENTRIES + 5):
        name = template_cache.entry_name("uji", "", str(i))
        template_cache.store(name, b"x")
        os.utime(tmp_path / name, (i, i))
    assert len(list(tmp_path.iterdir())) == template_cache.MAX_ENTRIES
    assert template_cache.load(template_cache.entry_name("uji", "", "0")) is None
