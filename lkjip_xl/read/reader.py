"""Reading a filled workbook into the typed model, sheet by sheet, collecting findings.

Only cell-level problems are found here (types, vocabularies, required values); problems
between rows or sheets are in checks.py.
"""

from __future__ import annotations

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.records import (
    LEVEL_LABELS,
    LEVELS,
    BudgetRow,
    FreeTable,
    Identity,
    Indicator,
    ScaleBand,
    Settings,
    SheetLayout,
    SkmResponse,
    SpendingRow,
    Village,
    Workbook,
)
from lkjip_xl.contract.schema import (
    ANGGARAN_SHEET,
    BELANJA_SHEET,
    CONTRACT_VERSION,
    DEFAULT_SKM_ELEMENTS,
    DESA_SHEET,
    FREE_TABLE_PREFIX,
    IDENTITY_SHEET,
    NARASI_SHEET,
    PETUNJUK_SHEET_NAME,
    SASARAN_SHEET,
    SETTINGS,
    SKALA_SHEET,
    SKM_SHEET,
    UNSUR_SHEET,
    Column,
    Kind,
    SheetSpec,
    normalize,
)
from lkjip_xl.read.locate import Table, locate
from lkjip_xl.read.source import Grid, XlsxSource, is_blank
from lkjip_xl.read.values import CellReader, parse_value, text_of


def read_model(source: XlsxSource) -> tuple[Workbook | None, list[Finding]]:
    """Read every sheet of the contract. Returns (None, findings) when a required sheet is unusable."""
    findings: list[Finding] = []
    titles = {normalize(name): name for name in source.sheet_names}

    def grid_of(spec: SheetSpec) -> Grid | None:
        title = titles.get(normalize(spec.name))
        return source.grid(title) if title else None

    layout: dict[str, SheetLayout] = {}

    def table_of(spec: SheetSpec) -> Table | None:
        grid = grid_of(spec)
        if grid is None:
            if spec.required:
                findings.append(finding("sheet-missing", spec.name, "A1", sheet=spec.name))
            return None
        table = locate(grid, spec, findings)
        if table is not None:
            last = table.data_rows[-1] if table.data_rows else table.header_row
            layout[spec.name] = SheetLayout(
                grid.title, table.header_row, dict(table.columns), table.header_row + 1, last
            )
        return table

    identity_grid = grid_of(IDENTITY_SHEET)
    if identity_grid is None:
        findings.append(
            finding("sheet-missing", IDENTITY_SHEET.name, "A1", sheet=IDENTITY_SHEET.name)
        )
        identity, settings = Identity(), Settings()
    else:
        identity, settings = _read_identity(identity_grid, findings)

    sasaran = table_of(SASARAN_SHEET)
    indicators = _read_indicators(sasaran, findings) if sasaran else []
    anggaran = table_of(ANGGARAN_SHEET)
    budget = _read_budget(anggaran, findings) if anggaran else []
    skm_table = table_of(SKM_SHEET)
    skm = _read_skm(skm_table, findings) if skm_table else None
    unsur = table_of(UNSUR_SHEET)
    elements = _skm_elements(unsur, skm_table, findings)
    belanja = table_of(BELANJA_SHEET)
    spending = _read_spending(belanja, findings) if belanja else []
    skala = table_of(SKALA_SHEET)
    scale = _read_scale(skala, findings) if skala else None
    if settings.scale == "custom" and skala is None:
        findings.append(
            finding(
                "sheet-required-by-setting",
                SKALA_SHEET.name,
                "A1",
                sheet=SKALA_SHEET.name,
                reason="Skala Capaian = Kustom",
            )
        )
    if settings.scale != "custom":
        scale = None  # a Skala sheet is only used when the setting asks for it
    desa = table_of(DESA_SHEET)
    villages = _read_villages(desa, findings) if desa else []
    narasi = table_of(NARASI_SHEET)
    narrative = _read_narrative(narasi, findings) if narasi else {}
    free_tables = [
        _read_free_table(source.grid(name))
        for name in source.sheet_names
        if normalize(name).startswith(normalize(FREE_TABLE_PREFIX))
        and normalize(name) != normalize(PETUNJUK_SHEET_NAME)
    ]

    if identity_grid is None or sasaran is None or anggaran is None:
        return None, findings
    wb = Workbook(
        path=str(source.path),
        identity=identity,
        settings=settings,
        indicators=indicators,
        budget=budget,
        skm=skm,
        skm_elements=elements,
        spending=spending,
        scale=scale,
        villages=villages,
        narrative=narrative,
        free_tables=[t for t in free_tables if t is not None],
        layout=layout,
    )
    return wb, findings


# --- Identitas -------------------------------------------------------------------------------


def _read_identity(grid: Grid, findings: list[Finding]) -> tuple[Identity, Settings]:
    table = locate(grid, IDENTITY_SHEET, findings)
    if table is None:
        return Identity(), Settings()
    label_col, value_col = table.columns.get("label"), table.columns.get("value")
    if label_col is None or value_col is None:
        return Identity(), Settings()
    values: dict[str, object] = {}
    rows: dict[str, int] = {}
    for r in table.data_rows:
        label = grid.value(r, label_col)
        if is_blank(label):
            continue
        s = next((s for s in SETTINGS if s.matches(label)), None)
        if s is None:
            findings.append(
                finding("setting-unknown", grid.title, a1(r, label_col), value=text_of(label))
            )
            continue
        if s.key in rows:
            findings.append(
                finding("setting-duplicate", grid.title, a1(r, label_col), label=s.label)
            )
            continue
        rows[s.key] = r
        column = Column(s.key, s.label, s.kind, vocabulary=s.vocabulary)
        ref = a1(r, value_col)
        if (r, value_col) in grid.uncached:
            findings.append(finding("formula-no-cache", grid.title, ref))
            continue
        raw = grid.value(r, value_col)
        if is_blank(raw):
            continue
        if s.key == "nip_camat":
            values[s.key] = _nip(raw, grid.title, ref, findings)
        elif s.key == "misi":
            values[s.key] = tuple(
                line.strip(" -•\t") for line in str(raw).splitlines() if line.strip(" -•\t")
            )
        else:
            values[s.key] = parse_value(
                raw, grid.number_format(r, value_col), column, grid.title, ref, findings
            )

    for s in SETTINGS:
        if s.required and values.get(s.key) in (None, ""):
            if s.key in rows:
                ref = a1(rows[s.key], value_col)
                if is_blank(grid.value(rows[s.key], value_col)):
                    findings.append(
                        finding("value-required", grid.title, ref, column=s.label, hint=s.help)
                    )
            else:
                ref = a1(
                    (table.data_rows[-1] if table.data_rows else table.header_row) + 1, label_col
                )
                findings.append(
                    finding(
                        "value-required",
                        grid.title,
                        ref,
                        column=s.label,
                        hint=f"Tambahkan baris isian '{s.label}' dengan nilainya. {s.help}",
                    )
                )

    version = values.get("versi")
    if version in (None, ""):
        findings.append(
            finding(
                "version-missing",
                grid.title,
                a1(table.header_row, label_col),
                expected=CONTRACT_VERSION,
            )
        )
    elif str(version).split(".")[0].strip() != CONTRACT_VERSION:
        findings.append(
            finding(
                "version-mismatch",
                grid.title,
                a1(rows["versi"], value_col),
                found=version,
                expected=CONTRACT_VERSION,
            )
        )

    def choice(key: str) -> str:
        s = next(s for s in SETTINGS if s.key == key)
        return values.get(key) or s.vocabulary.match(s.default).key

    settings = Settings(
        scale=choice("skala"),
        skm_weight=choice("bobot_skm"),
        negative_formula=choice("rumus_negatif"),
        average_mode=choice("rata_rata"),
        efficiency_rule=choice("rumus_efisiensi"),
        cap=values.get("batas_atas"),
        population=values.get("populasi"),
    )
    identity_fields = {
        k: v for k, v in values.items() if k in Identity.__dataclass_fields__ and v is not None
    }
    return Identity(**identity_fields), settings


def _nip(raw: object, sheet: str, ref: str, findings: list[Finding]) -> str:
    text = text_of(raw)
    digits = "".join(ch for ch in text if ch.isdigit())
    if isinstance(raw, float | int) and len(digits) >= 16:
        # Excel keeps 15 significant digits: an 18-digit NIP typed as a number has lost its tail.
        findings.append(
            finding(
                "nip-invalid",
                sheet,
                ref,
                value=text,
                digits=f"{len(digits)} (tersimpan sebagai angka, "
                "digit akhirnya hilang; ketik dengan tanda petik di depan, mis. '1966…)",
            )
        )
        return text
    if len(digits) != 18 or any(not (ch.isdigit() or ch.isspace()) for ch in text):
        findings.append(finding("nip-invalid", sheet, ref, value=text, digits=len(digits)))
    return text


# --- Sasaran ---------------------------------------------------------------------------------


def _read_indicators(table: Table, findings: list[Finding]) -> list[Indicator]:
    cells = CellReader(table, findings)
    indicators: list[Indicator] = []
    codes_by_text: dict[str, str] = {}
    prev_sasaran, prev_code = None, None
    for r in table.data_rows:
        sasaran = cells.get(r, "sasaran") or ""
        code = text_of(cells.raw(r, "kode_sasaran"))
        if not code:
            # blank means "same as above" only while the sasaran is the same one
            if sasaran == prev_sasaran and prev_code:
                code = prev_code
            else:
                code = codes_by_text.get(sasaran) or f"S{len(set(codes_by_text.values())) + 1}"
        codes_by_text.setdefault(sasaran, code)
        prev_sasaran, prev_code = sasaran, code
        target = cells.get(r, "target")
        realisasi = cells.get(r, "realisasi")
        for key in ("target", "realisasi"):
            if cells.has(key) and cells.is_blank(r, key):
                hint = (
                    "Ketik angka target, atau '-' bila memang tidak ada target."
                    if key == "target"
                    else "Capaian dianggap belum dapat diukur. Ketik realisasinya, atau '-' bila memang belum ada."
                )
                findings.append(
                    finding(
                        "value-blank",
                        table.grid.title,
                        cells.ref(r, key),
                        column=table.spec.column(key).header,
                        hint=hint,
                    )
                )
        if cells.has("satuan") and cells.is_blank(r, "satuan"):
            findings.append(
                finding(
                    "value-blank",
                    table.grid.title,
                    cells.ref(r, "satuan"),
                    column="Satuan",
                    hint="Ketik satuan indikator, mis. %, nilai, kasus.",
                )
            )
        indicators.append(
            Indicator(
                row=r,
                kode_sasaran=code,
                sasaran=sasaran,
                indikator=cells.get(r, "indikator") or "",
                satuan=cells.get(r, "satuan") or "",
                target=target or Measure(),
                realisasi=realisasi or Measure(),
                tujuan=cells.get(r, "tujuan") or "",
                tingkat=cells.get(r, "tingkat") or "sasaran",
                iku=(cells.get(r, "iku") or "yes") == "yes",
                polarity=cells.get(r, "polaritas") or "positive",
                formulasi=cells.get(r, "formulasi") or "",
                sumber_data=cells.get(r, "sumber_data") or "",
                penanggung_jawab=cells.get(r, "penanggung_jawab") or "",
                target_lalu=cells.get(r, "target_lalu") or Measure(),
                realisasi_lalu=cells.get(r, "realisasi_lalu") or Measure(),
                target_renstra=cells.get(r, "target_renstra") or Measure(),
                standar_nasional=cells.get(r, "standar_nasional") or Measure(),
                faktor_pendukung=cells.get(r, "faktor_pendukung") or "",
                faktor_penghambat=cells.get(r, "faktor_penghambat") or "",
                solusi=cells.get(r, "solusi") or "",
            )
        )
    return indicators


# --- Anggaran --------------------------------------------------------------------------------

_SEGMENTS_TO_LEVEL = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}


def _read_budget(table: Table, findings: list[Finding]) -> list[BudgetRow]:
    cells = CellReader(table, findings)
    sheet = table.grid.title
    rows: list[BudgetRow] = []
    for r in table.data_rows:
        code = cells.get(r, "kode") or ""
        level_given = cells.get(r, "tingkat")
        level = level_given
        if code:
            code_level = _SEGMENTS_TO_LEVEL.get(code.count(".") + 1)
            if code_level is None:
                findings.append(
                    finding("budget-code-invalid", sheet, cells.ref(r, "kode"), value=code)
                )
            else:
                if level_given and level_given != code_level:
                    findings.append(
                        finding(
                            "budget-level-conflict",
                            sheet,
                            cells.ref(r, "tingkat"),
                            level=LEVEL_LABELS[level_given],
                            code=code,
                            code_level=LEVEL_LABELS[code_level],
                        )
                    )
                level = code_level
        if level is None:
            if cells.is_blank(r, "kode") and cells.is_blank(r, "tingkat"):
                findings.append(
                    finding(
                        "budget-level-missing",
                        sheet,
                        a1(r, table.columns.get("tingkat") or table.columns.get("kode") or 1),
                    )
                )
            continue
        rows.append(
            BudgetRow(
                row=r,
                level=level,
                uraian=cells.get(r, "uraian") or "",
                kode=code,
                pagu=cells.get(r, "pagu"),
                realisasi=cells.get(r, "realisasi"),
                kode_sasaran=cells.get(r, "kode_sasaran") or "",
                indikator=cells.get(r, "indikator") or "",
                satuan=cells.get(r, "satuan") or "",
                target_kinerja=cells.get(r, "target_kinerja") or Measure(),
                realisasi_kinerja=cells.get(r, "realisasi_kinerja") or Measure(),
                polarity=cells.get(r, "polaritas") or "positive",
                pagu_sebelum=cells.get(r, "pagu_sebelum"),
                realisasi_lalu=cells.get(r, "realisasi_lalu"),
                sumber_dana=cells.get(r, "sumber_dana") or "APBD",
                penanggung_jawab=cells.get(r, "penanggung_jawab") or "",
            )
        )
    assert all(row.level in LEVELS for row in rows)
    return rows


# --- SKM -------------------------------------------------------------------------------------


def _read_skm(table: Table, findings: list[Finding]) -> list[SkmResponse]:
    cells = CellReader(table, findings)
    grid, sheet = table.grid, table.grid.title
    responses = []
    for r in table.data_rows:
        answers: dict[str, int | None] = {}
        for code, col in table.answer_columns.items():
            raw = grid.value(r, col)
            if type(raw) is int and 1 <= raw <= 4:  # the usual case, kept fast for large surveys
                answers[code] = raw
                continue
            ref = a1(r, col)
            if (r, col) in grid.uncached:
                findings.append(finding("formula-no-cache", sheet, ref))
                answers[code] = None
                continue
            if is_blank(raw):
                findings.append(finding("skm-answer-blank", sheet, ref, column=code))
                answers[code] = None
                continue
            answers[code] = parse_value(
                raw, None, Column(code, code, Kind.ANSWER), sheet, ref, findings
            )
        if all(v is None for v in answers.values()) and all(
            is_blank(grid.value(r, col)) for col in table.answer_columns.values()
        ):
            # a respondent row with only comments or identity, no answers at all: not a respondent
            continue
        responses.append(
            SkmResponse(
                row=r,
                answers=answers,
                jenis_layanan=cells.get(r, "jenis_layanan") or "",
                jenis_kelamin=cells.get(r, "jenis_kelamin") or "",
                umur=cells.get(r, "umur"),
                pendidikan=cells.get(r, "pendidikan") or "",
                pekerjaan=cells.get(r, "pekerjaan") or "",
                saran=cells.get(r, "saran") or "",
            )
        )
    return responses


def _skm_elements(
    unsur: Table | None, skm: Table | None, findings: list[Finding]
) -> list[tuple[str, str]]:
    names = {code: name for code, name in DEFAULT_SKM_ELEMENTS}
    if unsur is not None:
        cells = CellReader(unsur, findings)
        for r in unsur.data_rows:
            code, name = cells.get(r, "kode"), cells.get(r, "nama")
            if code and name:
                names[code.strip().upper()] = name
    codes = list(skm.answer_columns) if skm is not None else [c for c, _ in DEFAULT_SKM_ELEMENTS]
    elements = []
    for code in codes:
        if code not in names and skm is not None:
            findings.append(
                finding(
                    "skm-element-unknown",
                    skm.grid.title,
                    a1(skm.header_row, skm.answer_columns[code]),
                    column=code,
                )
            )
        elements.append((code, names.get(code, code)))
    return elements


# --- Smaller sheets --------------------------------------------------------------------------


def _read_spending(table: Table, findings: list[Finding]) -> list[SpendingRow]:
    cells = CellReader(table, findings)
    return [
        SpendingRow(
            r,
            cells.get(r, "kelompok") or "",
            cells.get(r, "jenis") or "",
            cells.get(r, "anggaran"),
            cells.get(r, "realisasi"),
            cells.get(r, "realisasi_lalu"),
            cells.get(r, "anggaran_sebelum"),
        )
        for r in table.data_rows
    ]


def _read_scale(table: Table, findings: list[Finding]) -> list[ScaleBand]:
    cells = CellReader(table, findings)
    bands = []
    for r in table.data_rows:
        lower, upper, label = cells.get(r, "bawah"), cells.get(r, "atas"), cells.get(r, "predikat")
        if lower is not None and label:
            bands.append(ScaleBand(r, lower, upper, label))
    return bands


def _read_villages(table: Table, findings: list[Finding]) -> list[Village]:
    cells = CellReader(table, findings)
    return [
        Village(
            r,
            cells.get(r, "nama") or "",
            cells.get(r, "status") or "desa",
            cells.get(r, "luas"),
            cells.get(r, "penduduk_l"),
            cells.get(r, "penduduk_p"),
        )
        for r in table.data_rows
    ]


def _read_narrative(table: Table, findings: list[Finding]) -> dict[str, str]:
    cells = CellReader(table, findings)
    narrative = {}
    for r in table.data_rows:
        part, text = cells.get(r, "bagian"), cells.get(r, "teks")
        if part and text:
            narrative[part] = str(table.grid.value(r, table.columns["teks"])).strip()
    return narrative


def _read_free_table(grid: Grid) -> FreeTable | None:
    rows = [r for r in grid.values if not all(is_blank(v) for v in r)]
    if not rows:
        return None
    width = max(i + 1 for r in rows for i, v in enumerate(r) if not is_blank(v))
    header = tuple(text_of(v) for v in rows[0][:width]) + ("",) * max(0, width - len(rows[0]))
    body = tuple(tuple(_free_cell(v) for v in (list(r) + [None] * width)[:width]) for r in rows[1:])
    title = grid.title[len(FREE_TABLE_PREFIX) :].strip(" -_:") or grid.title
    return FreeTable(grid.title, title, header, body)


def _free_cell(v: object) -> str:
    if isinstance(v, bool):
        return "Ya" if v else "Tidak"
    if isinstance(v, int | float):
        return fmt_number(v, decimals=None)
    return text_of(v)
