# ruff: noqa: F811  (fixtures imported from v2_helpers are named as test parameters)
"""`lkjip pk`: the Perjanjian Kinerja of the camat and of every pejabat of `PK Berjenjang`,
re-read with python-docx: names, NIPs, pangkat, each indicator and target, each program's pagu
and the Jumlah, and who signs with whom; the January workbook (targets, no realisasi) passes
`pk` and is refused by `report`; the LKjIP lampiran carries the same PKs."""

from __future__ import annotations

from pathlib import Path

import contract_filler
import docx
import pytest
from docx.oxml.ns import qn
from v2_helpers import cell_of, found, make_v2, v2_bytes, v2_workbook  # noqa: F401

from lkjip_xl import api
from lkjip_xl.base.errors import ConverterMissing
from lkjip_xl.cli import main
from lkjip_xl.contract.measure import Measure
from lkjip_xl.pipeline import Stages

CAMAT = ("Drs. Budi Santoso, M.Si", "19700101 199003 1 002", "Pembina Tk. I (IV/b)")
SEKCAM = ("Sri Wahyuni, S.Sos", "197505052000032003", "Pembina (IV/a)")
KASI = ("Andi Pratama, S.IP", "198203032006041004", "Penata Tk. I")
KASUBAG = ("Rina Marlina, SE", "198506062010012005", "Penata (III/c)")
BUPATI = "H. Ahmad Yani"

# (file, pihak pertama, pihak kedua's name) in signing order: the camat first, then PK Berjenjang
SIGNING = [
    ("PK_01_Camat_Sukamaju.docx", CAMAT, BUPATI),
    ("PK_02_Sekretaris_Camat.docx", SEKCAM, CAMAT[0]),
    ("PK_03_Kepala_Seksi_Pemerintahan.docx", KASI, CAMAT[0]),
    ("PK_04_Kepala_Sub_Bagian_Program_dan_Keuangan.docx", KASUBAG, SEKCAM[0]),
]


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _rows(path: Path, first_header: str, second_header: str) -> list[list[str]]:
    """The body rows of every table whose header starts with those two cells."""
    out = []
    for table in docx.Document(str(path)).tables:
        header = [c.text.strip() for c in table.rows[0].cells]
        if header[:2] == [first_header, second_header]:
            out.extend([c.text.strip() for c in row.cells] for row in table.rows[1:])
    return out


def _signatures(path: Path) -> list[tuple[str, str]]:
    """(left, right) bold names of each two-cell signature table: (pihak kedua, pihak pertama)."""
    pairs = []
    for table in docx.Document(str(path)).tables:
        if len(table.columns) != 2 or len(table.rows) != 1:
            continue
        names = []
        for cell in table.rows[0].cells:
            bold = [r.text for p in cell.paragraphs for r in p.runs if r.bold and r.text.strip()]
            names.append(bold[0] if bold else "")
        pairs.append((names[0], names[1]))
    return pairs


@pytest.fixture
def pk_folder(v2_workbook, tmp_path) -> Path:
    done = api.pk_workbook(v2_workbook, tmp_path / "pk")
    assert done.ok, [f.message for f in done.read.errors]
    return tmp_path / "pk"


def test_one_pk_per_pejabat_plus_the_combined_one(pk_folder):
    assert sorted(p.name for p in pk_folder.iterdir()) == sorted(
        ["PK_00_Gabungan.docx", *(name for name, _, _ in SIGNING)]
    )


@pytest.mark.parametrize(("name", "pertama", "kedua"), SIGNING)
def test_each_pk_names_both_parties_with_pangkat_and_nip(pk_folder, name, pertama, kedua):
    text = _text(pk_folder / name)
    nama, nip, pangkat = pertama
    assert nama in text and f"NIP. {nip}" in text and pangkat in text
    assert kedua in text
    # pledge page and lampiran page are both signed: pihak kedua left, pihak pertama right
    assert _signatures(pk_folder / name) == [(kedua, nama), (kedua, nama)]
    assert "Sukamaju, 2 Januari 2024" in text  # first working day of January of the PK year


def test_camat_pk_lists_sasaran_targets_programs_and_the_jumlah(pk_folder):
    path = pk_folder / "PK_01_Camat_Sukamaju.docx"
    targets = {r[2]: r[3] for r in _rows(path, "No", "Sasaran Strategis")}
    assert targets["Indeks Kepuasan Masyarakat"] == "80"
    assert targets["Angka kriminalitas"] == "10 kasus"
    programs = _rows(path, "No", "Program / Kegiatan / Sub Kegiatan")
    pagu = {r[1].split(" (")[0]: r[2] for r in programs if r[0]}
    assert pagu["Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"] == "500.000.000"
    assert pagu["Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"] == "150.000.000"
    assert pagu["Program Koordinasi Ketentraman dan Ketertiban Umum"] == "40.000.000"
    assert programs[-1][1:3] == ["Jumlah", "690.000.000"]  # 500 + 150 + 40 million


def test_pejabat_pk_has_own_rows_share_of_pagu_and_text_target(pk_folder):
    path = pk_folder / "PK_03_Kepala_Seksi_Pemerintahan.docx"
    targets = {r[2]: r[3] for r in _rows(path, "No", "Sasaran Strategis")}
    assert targets == {
        "Indeks Kepuasan Masyarakat": "80",
        "Persentase konflik sosial tertangani": "23/14",  # text printed as written
    }
    programs = _rows(path, "No", "Program / Kegiatan / Sub Kegiatan")
    assert [r[2] for r in programs] == ["60.000.000", "40.000.000", "100.000.000"]
    assert programs[0][3] == "APBD (bagian)"  # a share of the code's pagu, said so


def test_combined_document_in_signing_order_each_pk_on_its_own_pages(pk_folder):
    path = pk_folder / "PK_00_Gabungan.docx"
    text = _text(path)
    positions = [text.index(pertama[0] + "\n") for _, pertama, _ in SIGNING]
    assert positions == sorted(positions)
    body = docx.Document(str(path)).element.body
    breaks = [b for b in body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    assert len(breaks) == 2 * len(SIGNING) - 1  # pledge | lampiran | next PK …, none at the end
    assert _signatures(path) == [(k, p[0]) for _, p, k in SIGNING for _ in range(2)]


def january(make_v2) -> Path:
    """Targets, Pegawai and PK Berjenjang filled; no realisasi anywhere yet."""

    def without_realisasi(rows):
        return [
            {k: v for k, v in r.items() if not k.startswith("Realisasi") or "Lalu" in k}
            for r in rows
        ]

    return make_v2(
        "januari.xlsx",
        sheets={
            "Sasaran": without_realisasi(contract_filler.SASARAN_V2),
            "Anggaran": without_realisasi(contract_filler.ANGGARAN_V2),
            "Rencana Aksi": without_realisasi(contract_filler.RENCANA_AKSI),
        },
    )


def test_january_workbook_passes_pk_and_is_refused_by_report(make_v2, tmp_path):
    path = january(make_v2)
    assert main(["pk", str(path), "-o", str(tmp_path / "pk")]) == 0
    assert len(list((tmp_path / "pk").glob("*.docx"))) == 5

    draft = tmp_path / "draf.docx"
    assert main(["report", str(path), "-o", str(draft)]) == 1
    assert not draft.exists()
    done = api.process(path, api.Wanted(draft=draft))
    missing = found(done.read.findings, "realisasi-missing")
    assert ("Sasaran", cell_of(path, "Sasaran", 0, "Realisasi")) in missing
    assert len(missing) == len(contract_filler.SASARAN_V2)
    message = next(f.message for f in done.read.findings if f.code == "realisasi-missing")
    assert "Realisasi kosong" in message and "lkjip pk" in message


def test_pk_refused_for_a_pejabat_missing_from_pegawai(make_v2, tmp_path):
    rows = [*contract_filler.PK_BERJENJANG, {**contract_filler.PK_BERJENJANG[0]}]
    rows[-1]["Jabatan"] = "Kepala Seksi Tidak Ada"
    path = make_v2("pejabat_asing.xlsx", sheets={"PK Berjenjang": rows})
    done = api.pk_workbook(path, tmp_path / "pk")
    assert not done.ok and not (tmp_path / "pk").exists()
    cell = cell_of(path, "PK Berjenjang", len(rows) - 1, "Jabatan")
    assert ("PK Berjenjang", cell) in [(f.sheet, f.cell) for f in done.read.errors]


def test_lkjip_lampiran_carries_every_pk_and_the_rencana_aksi(v2_workbook, tmp_path):
    draft = tmp_path / "draf.docx"
    assert api.report_workbook(v2_workbook, draft).ok
    text = _text(draft)
    for _, (nama, nip, _pangkat), _ in SIGNING:
        assert nama in text and f"NIP. {nip}" in text
    plan = _rows(draft, "No", "Indikator / Rencana Aksi")
    paten = next(r for r in plan if r[1].startswith("– Pelayanan PATEN"))
    assert paten[3:7] == ["100 / 90", "100 / 110", "100 / 105", "100 / 100"]


def test_petunjuk_explains_the_yearly_rhythm(blank_template):
    import openpyxl

    ws = openpyxl.load_workbook(blank_template, read_only=True)["Petunjuk"]
    text = "\n".join(str(c) for row in ws.iter_rows(values_only=True) for c in row if c)
    for command in ("lkjip pk", "lkjip triwulan", "lkjip report", "lkjip template --dari"):
        assert command in text
    assert text.index("lkjip pk") < text.index("lkjip triwulan") < text.index("lkjip report")
    assert "Penghambat Triwulan II" in text  # where the quarterly text goes (Narasi)


def test_validate_for_one_document_of_the_year(make_v2, capsys):
    path = january(make_v2)
    assert main(["validate", str(path), "--untuk", "pk"]) == 0
    assert main(["validate", str(path), "--untuk", "laporan", "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert '"realisasi-missing"' in out and '"budget-amount-missing"' in out
    assert main(["validate", str(path), "--untuk", "tw1"]) == 1  # no realisasi TW I yet
    assert "triwulan-realisasi-missing" in capsys.readouterr().out


def test_pk_pdf_beside_each_document(v2_workbook, tmp_path):
    made = []

    def convert(docx_path: Path, pdf: Path) -> Path:
        made.append(docx_path.name)
        pdf.write_bytes(b"%PDF-1.4 stub")
        return pdf

    done = api.pk_workbook(v2_workbook, tmp_path / "pk", pdf=True, stages=Stages(convert=convert))
    assert done.ok and done.pdf_problem is None
    assert sorted(made) == sorted(p.name for p in (tmp_path / "pk").glob("*.docx"))
    assert len(list((tmp_path / "pk").glob("*.pdf"))) == 5


def test_pk_pdf_without_converter_keeps_the_documents_and_says_why(v2_workbook, tmp_path):
    def missing(_docx: Path, _pdf: Path) -> Path:
        raise ConverterMissing("LibreOffice tidak ditemukan.")

    folder = tmp_path / "pk"
    done = api.pk_workbook(v2_workbook, folder, pdf=True, stages=Stages(convert=missing))
    assert isinstance(done.pdf_problem, ConverterMissing)
    assert len(list(folder.glob("*.docx"))) == 5 and not list(folder.glob("*.pdf"))


def test_lampiran_numbering_without_rencana_aksi(valid_workbook, tmp_path):
    """A workbook without Rencana Aksi rows: no empty appendix, and no gap in the numbers."""
    draft = tmp_path / "draf.docx"
    assert api.report_workbook(valid_workbook, draft).ok
    headings = [
        p.text for p in docx.Document(str(draft)).paragraphs if p.text.startswith("Lampiran ")
    ]
    assert headings[:2] == [
        "Lampiran 1. Perjanjian Kinerja Tahun 2024",
        "Lampiran 2. Indikator Kinerja Utama",
    ]
    assert not any("Rencana Aksi" in h for h in headings)


def test_text_that_looks_like_markup_is_printed_as_written(make_v2, tmp_path):
    rows = [dict(r) for r in contract_filler.PK_BERJENJANG]
    rows[0]["Sasaran"] = "Tertib & <rapi> {{ 7*7 }}"
    path = make_v2("markup.xlsx", sheets={"PK Berjenjang": rows})
    assert api.pk_workbook(path, tmp_path / "pk").ok
    text = _text(tmp_path / "pk" / "PK_02_Sekretaris_Camat.docx")
    assert "Tertib & <rapi> {{ 7*7 }}" in text and "49" not in text


@pytest.mark.parametrize(
    ("target", "satuan", "shown"),
    [
        (Measure(number=0.4, text="0,40"), "Angka", "0,40"),  # as typed, not 0,4
        (Measure(number=75, text="75"), "%", "75%"),
        (Measure(number=10), "kasus", "10 kasus"),
        (Measure(number=84), "nilai", "84"),
        (Measure(number=61, letter="B", text="B (61)"), "", "B (61)"),
        (Measure(text="23/14"), "%", "23/14"),
        (Measure(), "%", "-"),
    ],
)
def test_pk_target_is_shown_as_typed_with_its_unit(target, satuan, shown):
    from lkjip_xl.calc.pk import AgreementTarget, PerformanceAgreement, Signatory
    from lkjip_xl.contract.records import Identity
    from lkjip_xl.report.context.pk import agreement_context

    agreement = PerformanceAgreement(
        2024,
        None,
        "Sukamaju",
        Signatory("A", "Camat"),
        Signatory("B", "Bupati"),
        (AgreementTarget("Sasaran", "Indikator", satuan, target),),
        (),
        None,
        True,
    )
    (row,) = agreement_context(agreement, Identity())["target"]
    assert row["target"] == shown


def test_next_years_pk_warns_where_this_years_figure_stands_in(make_v2, tmp_path):
    """Tahun Perjanjian Kinerja 2025, Renstra without a 2025 figure for some rows: the PK uses
    this year's, and says so at the cell it took it from."""
    path = make_v2("pk_2025.xlsx", identitas={"Tahun Perjanjian Kinerja": 2025})
    done = api.pk_workbook(path, tmp_path / "pk")
    assert done.ok
    notes = {
        (f.sheet, f.cell): f.message for f in done.read.findings if f.code == "pk-from-this-year"
    }
    record = next(
        i
        for i, r in enumerate(contract_filler.SASARAN_V2)
        if r["Indikator Kinerja"] == "Persentase arsip tertata"
    )
    message = notes[("Sasaran", cell_of(path, "Sasaran", record, "Target"))]
    assert "tahun 2025" in message and "'Target 2025'" in message
    assert not any("Indeks Kepuasan Masyarakat" in m for m in notes.values())  # Renstra has 2025
    assert any(sheet == "Anggaran" for sheet, _ in notes)  # 7.01.01 has no Pagu 2025
    text = _text(tmp_path / "pk" / "PK_01_Camat_Sukamaju.docx")
    assert "PERJANJIAN KINERJA TAHUN 2025" in text and "2 Januari 2025" in text
