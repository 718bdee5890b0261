"""The `Identitas` sheet: one setting a row (Isian, Nilai), read into Identity and Settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.records import Identity, Settings
from lkjip_xl.contract.schema import (
    CONTRACT_VERSION,
    IDENTITY_SHEET,
    READABLE_VERSIONS,
    SETTINGS,
    Column,
    setting,
)
from lkjip_xl.read.cell_reader import error_value, parse_setting
from lkjip_xl.read.kinds import strip_markers, text_of
from lkjip_xl.read.locate import Table, locate
from lkjip_xl.read.names import clean_kabupaten, clean_kecamatan, clean_nip
from lkjip_xl.read.source import CellError, Grid, is_blank


@dataclass
class SettingValues:
    """The parsed value of each setting given, and the row it was found on."""

    values: dict[str, object] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    def text(self, key: str) -> str:
        value = self.values.get(key)
        return value if isinstance(value, str) else ""

    def integer(self, key: str) -> int | None:
        value = self.values.get(key)
        return value if isinstance(value, int) else None

    def number(self, key: str) -> float | None:
        value = self.values.get(key)
        return float(value) if isinstance(value, int | float) else None

    def date(self, key: str) -> dt.date | None:
        value = self.values.get(key)
        return value if isinstance(value, dt.date) else None

    def choice(self, key: str) -> str:
        """The chosen key, or the setting's default choice."""
        given = self.text(key)
        if given:
            return given
        s = setting(key)
        assert s.vocabulary is not None and s.default is not None
        default = s.vocabulary.match(s.default)
        assert default is not None, f"default of {s.label} is not one of its choices"
        return default.key


def read_identity(grid: Grid, findings: list[Finding]) -> tuple[Identity, Settings]:
    table = locate(grid, IDENTITY_SHEET, findings)
    if table is None or "label" not in table.columns or "value" not in table.columns:
        return Identity(), Settings()
    given = _setting_values(table, findings)
    _require(table, given, findings)
    _check_version(table, given, findings)
    _check_report_date(table, given, findings)
    identity = _identity(given)
    _check_pk_date(table, given, identity, findings)
    return identity, _settings(given)


def _check_report_date(table: Table, given: SettingValues, findings: list[Finding]) -> None:
    """A report on year N is signed in year N+1: any other year suggests last year's workbook."""
    date, year = given.date("tanggal"), given.integer("tahun")
    if date is None or year is None or date.year == year + 1:
        return
    ref = a1(given.rows["tanggal"], table.columns["value"])
    findings.append(
        finding(
            "date-report-year",
            table.grid.title,
            ref,
            date=date.strftime("%d/%m/%Y"),
            expected=year + 1,
            year=year,
        )
    )


def _check_pk_date(
    table: Table, given: SettingValues, identity: Identity, findings: list[Finding]
) -> None:
    """A PK of year N is signed early in year N (late December before it at the earliest):
    another year is a date carried from an older workbook or mistyped."""
    date, year = identity.tanggal_pk, identity.pk_year
    if date is None or year is None or date.year == year:
        return
    if date.year == year - 1 and date.month == 12:
        return
    ref = a1(given.rows["tanggal_pk"], table.columns["value"])
    findings.append(
        finding("date-pk-year", table.grid.title, ref, date=date.strftime("%d/%m/%Y"), year=year)
    )


def _setting_values(table: Table, findings: list[Finding]) -> SettingValues:
    grid = table.grid
    label_col, value_col = table.columns["label"], table.columns["value"]
    given = SettingValues()
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
        if s.key in given.rows:
            findings.append(
                finding("setting-duplicate", grid.title, a1(r, label_col), label=s.label)
            )
            continue
        given.rows[s.key] = r
        ref = a1(r, value_col)
        if (r, value_col) in grid.uncached:
            findings.append(finding("formula-no-cache", grid.title, ref))
            continue
        raw = grid.value(r, value_col)
        if isinstance(raw, CellError):
            findings.append(error_value(grid.title, ref, raw))
            continue
        if is_blank(raw):
            continue
        if s.key == "nip_camat":
            given.values[s.key] = clean_nip(raw, grid.title, ref, findings)
        elif s.key == "kecamatan":
            given.values[s.key] = clean_kecamatan(text_of(raw), grid.title, ref, findings)
        elif s.key == "kabupaten":
            given.values[s.key] = clean_kabupaten(text_of(raw), grid.title, ref, findings)
        elif s.key == "misi":
            lines = strip_markers(str(raw)).splitlines()
            given.values[s.key] = tuple(
                line.strip(" -•\t") for line in lines if line.strip(" -•\t")
            )
        else:
            column = Column(s.key, s.label, s.kind, vocabulary=s.vocabulary)
            given.values[s.key] = parse_setting(
                raw, grid.number_format(r, value_col), column, findings, grid.title, ref
            )
    return given


def _require(table: Table, given: SettingValues, findings: list[Finding]) -> None:
    """A required setting left blank, or whose row is missing, is an error."""
    grid, label_col, value_col = table.grid, table.columns["label"], table.columns["value"]
    for s in SETTINGS:
        if not s.required or given.values.get(s.key) not in (None, ""):
            continue
        if s.key in given.rows:
            ref = a1(given.rows[s.key], value_col)
            if is_blank(grid.value(given.rows[s.key], value_col)):
                findings.append(
                    finding("value-required", grid.title, ref, column=s.label, hint=s.help)
                )
        else:
            last = table.data_rows[-1] if table.data_rows else table.header_row
            findings.append(
                finding(
                    "value-required",
                    grid.title,
                    a1(last + 1, label_col),
                    column=s.label,
                    hint=f"Tambahkan baris isian '{s.label}' dengan nilainya. {s.help}",
                )
            )


def _check_version(table: Table, given: SettingValues, findings: list[Finding]) -> None:
    version = given.text("versi")
    title = table.grid.title
    if not version:
        ref = a1(table.header_row, table.columns["label"])
        findings.append(finding("version-missing", title, ref, expected=CONTRACT_VERSION))
    elif (major := version.split(".")[0].strip()) not in READABLE_VERSIONS:
        ref = a1(given.rows["versi"], table.columns["value"])
        findings.append(
            finding("version-mismatch", title, ref, found=version, expected=CONTRACT_VERSION)
        )
    elif major != CONTRACT_VERSION:  # an older version still reads: its new sheets are optional
        ref = a1(given.rows["versi"], table.columns["value"])
        findings.append(
            finding("version-old", title, ref, found=version, expected=CONTRACT_VERSION)
        )


def _identity(given: SettingValues) -> Identity:
    misi = given.values.get("misi")
    return Identity(
        provinsi=given.text("provinsi"),
        kabupaten=given.text("kabupaten"),
        kecamatan=given.text("kecamatan"),
        tahun=given.integer("tahun"),
        nama_camat=given.text("nama_camat"),
        nip_camat=given.text("nip_camat"),
        pangkat_camat=given.text("pangkat_camat"),
        jabatan_atasan=given.text("jabatan_atasan"),
        nama_atasan=given.text("nama_atasan"),
        tempat=given.text("tempat"),
        tanggal=given.date("tanggal"),
        tanggal_pk=given.date("tanggal_pk"),
        tahun_pk=given.integer("tahun_pk"),
        alamat=given.text("alamat"),
        telepon=given.text("telepon"),
        email=given.text("email"),
        situs=given.text("situs"),
        visi=given.text("visi"),
        misi=misi if isinstance(misi, tuple) else (),
        periode_renstra=given.text("periode_renstra"),
        nomor_iku=given.text("nomor_iku"),
        versi=given.text("versi"),
        motto=given.text("motto"),
        page_numbering=given.choice("penomoran"),
    )


def _settings(given: SettingValues) -> Settings:
    return Settings(
        scale=given.choice("skala"),
        skm_weight=given.choice("bobot_skm"),
        negative_formula=given.choice("rumus_negatif"),
        average_mode=given.choice("rata_rata"),
        efficiency_rule=given.choice("rumus_efisiensi"),
        cap=given.number("batas_atas"),
        population=given.integer("populasi"),
        quarterly=given.choice("target_triwulan"),
    )
