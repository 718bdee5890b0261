"""A kabupaten's Word template is untrusted code: it reads plain data, within limits, or is
refused with one sentence (exit 4) naming the template and the place."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, ROOT, sha256

from lkjip_xl import compute, read_workbook
from lkjip_xl.base.errors import ExitCode, TemplateProblem
from lkjip_xl.cli import main
from lkjip_xl.report.render import render_report
from lkjip_xl.report.render_limits import SECONDS_VARIABLE


@pytest.fixture(scope="module")
def checked():
    result = read_workbook(EXAMPLE)
    return result.workbook, compute(result.workbook)


def template_with(folder: Path, *paragraphs: str, name: str = "templat_kab.docx") -> Path:
    """A small Word template whose body is the given paragraphs (tags and all)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / name
    document.save(path)
    return path


def refusal(checked, template: Path, out: Path) -> str:
    wb, results = checked
    with pytest.raises(TemplateProblem) as exc:
        render_report(wb, results, out, template)
    assert not out.exists()
    message = str(exc.value)
    assert template.name in message and "Traceback" not in message
    assert message.count("\n") == 0
    return message


def test_a_plain_template_renders(checked, tmp_path):
    template = template_with(
        tmp_path,
        "Kecamatan {{ kecamatan }}",
        "{%p for m in misi %}",
        "{{ loop.index }}. {{ m }}",
        "{%p endfor %}",
        "{{ grafik.capaian }}",
    )
    wb, results = checked
    out = render_report(wb, results, tmp_path / "draf.docx", template)
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert f"Kecamatan {wb.identity.kecamatan}" in text and "1. " in text


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        ("{{ grafik.capaian.tpl.docx.save('masuk.xlsx') }}", "tidak dapat dipakai"),
        ("{{ grafik.capaian.tpl.replace_zipname('docProps/app.xml','/etc/passwd') }}", ""),
        ("{{ kecamatan.__class__.__mro__ }}", ""),
        ("{{ kecamatan.upper() }}", ""),
        ("{{ misi.append(1) }}", ""),
        ("{{ grafik.items() }}", ""),
        ("{{ '{0.__class__}'.format(kecamatan) }}", ""),
        ("{{ range(10**9)|list }}", "range"),
        ("{{ lipsum() }}", "lipsum"),
        ("{{ namespace(a=1) }}", "namespace"),
        ("{{ cycler(1) }}", "cycler"),
        ("{{ joiner() }}", "joiner"),
        ("{{ dict(a=1) }}", "dict"),
        ("{{ 3**(10**9) }}", "terlalu besar"),
        ("{{ 'a'*10**9 }}", "terlalu besar"),
        ("{{ [1]*10**9 }}", "terlalu besar"),
        ("{{ (10**1000) * (10**1000) * (10**1000) * (10**1000) }}", "terlalu besar"),
        ("{{ '%0999999999d' % 1 }}", ""),
        ("{{ 1/0 }}", "ZeroDivisionError"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "makro"),
        ("{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f(kecamatan) }}", "terlalu besar"),
        ("{% include 'lain.xml' %}", "include"),
        ("{% import 'lain.xml' as x %}", "import"),
        ("{% extends 'lain.xml' %}", "extends"),
        ("{{ kecamatan|center(10**9) }}", "center"),
        ("{{ misi|batch(10**9, 'x')|list }}", "batch"),
        ("{{ kecamatan ", ""),
        ("{{ nama_yang_tidak_ada }}", "nama_yang_tidak_ada"),
    ],
)
def test_hostile_tag_is_one_sentence(checked, tmp_path, tag, said):
    (tmp_path / "masuk.xlsx").write_bytes(EXAMPLE.read_bytes())
    before = sha256(tmp_path / "masuk.xlsx")
    template = template_with(tmp_path, "Awal", tag)
    message = refusal(checked, template, tmp_path / "draf.docx")
    assert said in message
    assert sha256(tmp_path / "masuk.xlsx") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["masuk.xlsx", "templat_kab.docx"]


def test_endless_loop_stops_at_the_time_limit(checked, tmp_path, monkeypatch):
    monkeypatch.setenv(SECONDS_VARIABLE, "1")
    loops = "".join(f"{{% for a{i} in misi %}}" for i in range(20))
    ends = "{% endfor %}" * 20
    template = template_with(tmp_path, loops + ends)  # prints nothing: only time can stop it
    message = refusal(checked, template, tmp_path / "draf.docx")
    assert "terlalu lama" in message


def test_attacks_through_the_cli_change_and_read_no_file(tmp_path):
    source = tmp_path / "masuk.xlsx"
    source.write_bytes(EXAMPLE.read_bytes())
    before = sha256(source)
    template = template_with(
        tmp_path,
        "{{ grafik.capaian.tpl.docx.save('masuk.xlsx') }}",
    )
    assert (
        main(["report", str(source), "-o", str(tmp_path / "a.docx"), "--template", str(template)])
        == ExitCode.BAD_TEMPLATE
    )
    template = template_with(
        tmp_path,
        "{{ grafik.capaian.tpl.replace_zipname('docProps/app.xml','/etc/passwd') }}",
        name="t2.docx",
    )
    assert (
        main(["report", str(source), "-o", str(tmp_path / "b.docx"), "--template", str(template)])
        == ExitCode.BAD_TEMPLATE
    )
    assert sha256(source) == before
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "b.docx").exists()


def test_the_default_template_still_has_no_passwd(tmp_path):
    out = tmp_path / "draf.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        assert all(b"root:x:0:0" not in zf.read(n) for n in zf.namelist())


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "kosong.docx"),
        (b"ini hanya teks, bukan Word\n", "teks.docx"),
        (None, "buku.docx"),  # an .xlsx named .docx
        (None, "buku.xlsx"),
    ],
)
def test_a_template_that_is_not_word_is_refused(tmp_path, capsys, content, name):
    template = tmp_path / name
    template.write_bytes(EXAMPLE.read_bytes() if content is None else content)
    status = main(
        ["report", str(EXAMPLE), "-o", str(tmp_path / "d.docx"), "--template", str(template)]
    )
    assert status == ExitCode.BAD_TEMPLATE
    err = capsys.readouterr().err.strip()
    assert name in err and "Traceback" not in err and err.count("\n") == 0


def test_the_kop_template_still_renders(tmp_path):
    out = tmp_path / "kop.docx"
    kop = ROOT / "docx_templates" / "lkjip_kop_surat.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out), "--template", str(kop)]) == 0


@pytest.mark.parametrize(
    "tag", ["{% include 'lain.xml' %}", "{{ kecamatan.upper() }}", "{{ range(3)|list }}"]
)
def test_the_compiled_template_cache_lets_no_hostile_template_through(
    checked, tmp_path, monkeypatch, tag
):
    monkeypatch.setenv("LKJIP_CACHE_DIR", str(tmp_path / "cache"))
    template = template_with(tmp_path, "Awal", tag)
    first = refusal(checked, template, tmp_path / "a.docx")
    assert refusal(checked, template, tmp_path / "b.docx") == first  # the second run, cached
    folder = tmp_path / "cache"
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in folder.iterdir())
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
