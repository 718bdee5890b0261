# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""`lkjip triwulan --tw N`: the quarterly monitoring report (DOMAIN_RULES §10), re-read with
python-docx. Two quarters of realisasi: the cumulative capaian of an additive indicator (sums of
the quarters, negative polarity) and of an index (IKM, Kumulatif = Ya: the latest quarter's
level); the action rows' progress; a native chart per indicator; a quarter without realisasi
is an error at the cells to fill."""

from __future__ import annotations

from pathlib import Path

import contract_filler
import docx
import pytest
from test_pdf import needs_libreoffice, pages
from v2_helpers import cell_of, found, make_v2, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl import api
from lkjip_xl.cli import main

QUARTERS = ("I", "II", "III", "IV")


def two_quarters(make_v2, narasi: list[dict] | None = None) -> Path:
    """The sample's Rencana Aksi with realisasi for TW I and TW II only."""
    rows = [
        {k: v for k, v in r.items() if k not in ("Realisasi TW III", "Realisasi TW IV")}
        for r in contract_filler.RENCANA_AKSI
    ]
    sheets: dict = {"Rencana Aksi": rows}
    if narasi is not None:
        sheets["Narasi"] = [*contract_filler.NARASI, *narasi]
    return make_v2("dua_triwulan.xlsx", sheets=sheets)


def _table(path: Path, first_header: str, second_header: str) -> dict[str, list[str]]:
    """Rows of the table with those two first headers, by their second cell."""
    for table in docx.Document(str(path)).tables:
        header = [c.text.strip() for c in table.rows[0].cells]
        if header[:2] == [first_header, second_header]:
            rows = [[c.text.strip() for c in row.cells] for row in table.rows[1:]]
            return {r[1]: r for r in rows}
    raise AssertionError(f"no table {first_header} | {second_header}")


def _fmt(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def test_tw2_gives_the_cumulative_capaian_of_section_10(make_v2, tmp_path):
    path = two_quarters(make_v2)
    out = tmp_path / "tw2.docx"
    assert main(["triwulan", str(path), "--tw", "2", "-o", str(out)]) == 0
    rows = _table(out, "No", "Indikator Kinerja")
    # IKM, Kumulatif = Ya (an index): the quarter's figure is a level; to date = TW II's pair
    ikm = rows["Indeks Kepuasan Masyarakat *"]
    assert ikm[2:6] == ["80", "85", "80", "85"]
    assert ikm[6] == _fmt(85 / 80 * 100) == "106,25"
    assert ikm[7] == "Sangat Tinggi"
    # Angka kriminalitas, per triwulan (additive) and negative: targets 3 + 3, realisasi 4 + 3
    crime = rows["Angka kriminalitas"]
    assert crime[2:6] == ["3", "3", "6", "7"]
    assert crime[6] == _fmt((2 * 6 - 7) / 6 * 100) == "83,33"
    # an action row: 90 + 110 of the year's 400 layanan
    actions = _table(out, "No", "Rencana Aksi")
    paten = next(r for name, r in actions.items() if name.startswith("Pelayanan PATEN"))
    assert paten[2:6] == ["400", "200", "200", _fmt(200 / 400 * 100)]
    assert paten[6] == "Kepala Seksi Pemerintahan"


def test_tw2_report_has_a_native_chart_per_indicator_and_the_camat_signs(make_v2, tmp_path):
    path = two_quarters(make_v2)
    out = tmp_path / "tw2.docx"
    assert api.triwulan_workbook(path, 2, out).ok
    document = docx.Document(str(out))
    charts = [p for p in document.part.package.parts if "/word/charts/" in str(p.partname)]
    assert len([p for p in charts if str(p.partname).endswith(".xml")]) == 2
    chart_xml = b"".join(p.blob for p in charts)
    assert b"Realisasi s.d. triwulan" in chart_xml and b"Indeks Kepuasan Masyarakat" in chart_xml
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Drs. Budi Santoso, M.Si" in text and "NIP. 19700101 199003 1 002" in text


def test_obstacles_and_follow_up_come_from_narasi(make_v2, tmp_path):
    narasi = [
        {"Bagian": "Penghambat Triwulan II", "Teks": "Jaringan internet kantor sering putus."},
        {"Bagian": "Tindak Lanjut Triwulan II", "Teks": "Mengajukan penambahan bandwidth."},
    ]
    path = two_quarters(make_v2, narasi)
    out = tmp_path / "tw2.docx"
    assert api.triwulan_workbook(path, 2, out).ok
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Jaringan internet kantor sering putus." in text
    assert "Mengajukan penambahan bandwidth." in text
    assert "Tuliskan" not in text


def test_a_quarter_without_realisasi_is_an_error_at_the_cells_to_fill(make_v2, tmp_path):
    path = two_quarters(make_v2)
    out = tmp_path / "tw3.docx"
    assert main(["triwulan", str(path), "--tw", "3", "-o", str(out)]) == 1
    assert not out.exists()
    done = api.triwulan_workbook(path, 3, out)
    indicator_records = [
        i for i, r in enumerate(contract_filler.RENCANA_AKSI) if "Kode Sasaran" in r
    ]
    expected = [
        ("Rencana Aksi", cell_of(path, "Rencana Aksi", i, "Realisasi TW III"))
        for i in indicator_records
    ]
    assert sorted(found(done.read.findings, "triwulan-realisasi-missing")) == sorted(expected)
    assert "Realisasi TW III kosong" in done.read.errors[0].message


@pytest.mark.parametrize("quarter", ["0", "5"])
def test_quarter_outside_one_to_four_is_a_usage_error(v2_workbook, tmp_path, quarter):
    with pytest.raises(SystemExit) as exc:
        main(["triwulan", str(v2_workbook), "--tw", quarter, "-o", str(tmp_path / "x.docx")])
    assert exc.value.code == 64


def test_unknown_quarter_in_narasi_is_a_finding(make_v2):
    path = two_quarters(make_v2, [{"Bagian": "Penghambat Triwulan V", "Teks": "x"}])
    findings = api.read_workbook(path).findings
    assert [f.code for f in findings if f.sheet == "Narasi"] == ["narasi-reference-unknown"]


def test_a_quarter_not_reported_has_no_running_total():
    """Per triwulan, TW II without realisasi: no cumulative realisasi (not TW I's alone), so no
    capaian and no predikat that would look like a real shortfall."""
    from lkjip_xl.calc.action_plan import action_plan
    from lkjip_xl.contract.measure import NOT_AVAILABLE, Measure
    from lkjip_xl.contract.records import ActionPlanRow, Settings

    row = ActionPlanRow(
        row=2,
        kind="action",
        kode="7.01.02",
        rencana_aksi="Pelayanan",
        target=Measure(400),
        targets=tuple(Measure(100) for _ in range(4)),
        realisasi=(Measure(90), NOT_AVAILABLE, NOT_AVAILABLE, NOT_AVAILABLE),
    )
    (line,) = action_plan([row], [], Settings())
    first, second = line.quarters[:2]
    assert first.realisasi_to_date == Measure(90) and first.capaian_to_date.value == 90
    assert not second.realisasi_to_date.available and second.capaian_to_date.value is None
    assert second.target_to_date == Measure(200)


@needs_libreoffice
def test_tw2_pdf_shows_the_figures_and_keeps_the_signature_on_one_page(make_v2, tmp_path):
    path = two_quarters(make_v2)
    out = tmp_path / "tw2.docx"
    done = api.triwulan_workbook(path, 2, out, pdf=True)
    assert done.ok and done.pdf_problem is None, done.pdf_problem
    text = pages(out.with_suffix(".pdf"))
    assert any("106,25" in page and "83,33" in page for page in text)
    signed = [page for page in text if "Drs. Budi Santoso, M.Si" in page]
    assert len(signed) == 1 and "Camat Sukamaju" in signed[0] and "NIP. 19700101" in signed[0]
