"""Checks between the version 2 sheets and the rest of the workbook, on the model the reader built.

Every reference must exist: an indicator (`Kode Sasaran` + `Indikator Kinerja` of `Sasaran`), a
code (a `Kode` of `Anggaran` or `Renstra`), a jabatan (of `Pegawai`). The camat's `Pegawai` row
agrees with `Identitas`, and every chain of `Atasan Langsung` reaches the camat. Each problem is
a finding at the cell to correct; nothing raises.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lkjip_xl.base.formatting import fmt_number
from lkjip_xl.contract.cells import a1
from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.measure import Measure
from lkjip_xl.contract.quarters import fits_cumulative, fits_per_quarter, plan_fits
from lkjip_xl.contract.records import Employee, Indicator, Workbook, camat_of
from lkjip_xl.contract.schema import (
    PEGAWAI_SHEET,
    PK_BERJENJANG_SHEET,
    RENCANA_AKSI_SHEET,
    RENSTRA_SHEET,
    RIWAYAT_ANGGARAN_SHEET,
    RIWAYAT_SHEET,
    SASARAN_SHEET,
    normalize,
)
from lkjip_xl.read.hierarchy import rolled_up

_CENT = 0.005


def check_v2(wb: Workbook) -> list[Finding]:
    refs = _References.of(wb)
    findings: list[Finding] = []
    _check_staff(wb, findings)
    _check_renstra(wb, refs, findings)
    _check_history(wb, refs, findings)
    _check_budget_history(wb, refs, findings)
    _check_action_plan(wb, refs, findings)
    _check_cascade(wb, refs, findings)
    _check_next_year_pk(wb, findings)
    return findings


@dataclass(frozen=True)
class _References:
    """What a version 2 sheet may refer to, normalised for comparison."""

    indicators: dict[tuple[str, str], Indicator]  # (kode sasaran, indikator) → indicator
    sasaran_codes: frozenset[str]
    budget_pagu: dict[str, float | None]  # Anggaran code → its (rolled up) pagu
    renstra_codes: frozenset[str]

    @classmethod
    def of(cls, wb: Workbook) -> _References:
        pagu = rolled_up(wb.budget, "pagu")
        return cls(
            {(normalize(i.kode_sasaran), normalize(i.indikator)): i for i in wb.indicators},
            frozenset(normalize(i.kode_sasaran) for i in wb.indicators),
            {row.kode: pagu[n] for n, row in enumerate(wb.budget) if row.kode},
            frozenset(r.kode for r in wb.renstra if r.kind == "kode"),
        )

    def indicator(self, kode_sasaran: str, indikator: str) -> Indicator | None:
        return self.indicators.get((normalize(kode_sasaran), normalize(indikator)))

    def knows_code(self, code: str) -> bool:
        return code in self.budget_pagu or code in self.renstra_codes

    def code_hint(self) -> str:
        known = list(self.budget_pagu)[:3] or sorted(self.renstra_codes)[:3]
        return f", mis. {', '.join(known)}" if known else " (sheet Anggaran belum berisi kode)"


def _place(wb: Workbook, sheet: str, row: int, key: str) -> tuple[str, str]:
    layout = wb.layout.get(sheet)
    if layout is None:
        return sheet, a1(row, 1)
    return layout.title, a1(row, layout.columns.get(key, 1))


def _unknown_indicator(
    wb: Workbook, refs: _References, sheet: str, row: int, kode_sasaran: str, indikator: str
) -> Finding:
    known_code = normalize(kode_sasaran) in refs.sasaran_codes
    title, ref = _place(wb, sheet, row, "indikator" if known_code else "kode_sasaran")
    names = [
        i.indikator for i in wb.indicators if normalize(i.kode_sasaran) == normalize(kode_sasaran)
    ]
    known = f" (indikator {kode_sasaran}: {'; '.join(names[:3])})" if names else ""
    return finding(
        "reference-indicator-unknown",
        title,
        ref,
        indicator=indikator,
        code=kode_sasaran,
        known=known,
    )


# -- Pegawai -----------------------------------------------------------------------------------


def _check_staff(wb: Workbook, findings: list[Finding]) -> None:
    staff = [e for e in wb.staff if e.jabatan]
    if not staff:
        return
    sheet = PEGAWAI_SHEET.name
    camat = camat_of(staff)
    if camat is None:
        layout = wb.layout.get(sheet)
        title = layout.title if layout else sheet
        row = (layout.header_row if layout else 1) + 1
        findings.append(
            finding("pegawai-camat-missing", title, a1(row, 1), kecamatan=wb.identity.kecamatan)
        )
        return
    _check_camat_identity(wb, camat, findings)
    _check_camat_atasan(wb, camat, findings)
    jabatan = {normalize(e.jabatan): e for e in reversed(staff)}  # the first holder of each
    holders_of = _holders(staff)
    for e in staff:
        if e is camat:
            continue
        if not e.atasan:
            title, ref = _place(wb, sheet, e.row, "atasan")
            findings.append(
                finding(
                    "pegawai-camat-duplicate",
                    title,
                    ref,
                    jabatan=e.jabatan,
                    top=camat.jabatan,
                    other_row=camat.row,
                )
            )
        elif normalize(e.atasan) not in jabatan:
            title, ref = _place(wb, sheet, e.row, "atasan")
            example = ", ".join(f"'{x.jabatan}'" for x in staff[:2])
            findings.append(
                finding("pegawai-atasan-unknown", title, ref, value=e.atasan, example=example)
            )
        elif len(holders := holders_of[normalize(e.atasan)]) > 1:
            title, ref = _place(wb, sheet, e.row, "atasan")
            findings.append(_shared("pegawai-atasan-shared", title, ref, e.atasan, holders))
    _check_loops(wb, staff, camat, jabatan, findings)


def _holders(staff: Iterable[Employee]) -> dict[str, list[Employee]]:
    """Jabatan (normalized) → everyone in Pegawai who holds it (24 people are 'Pelaksana')."""
    out: dict[str, list[Employee]] = {}
    for e in staff:
        if e.jabatan:
            out.setdefault(normalize(e.jabatan), []).append(e)
    return out


def _shared(code: str, title: str, ref: str, value: str, holders: list[Employee]) -> Finding:
    rows = ", ".join(str(e.row) for e in holders[:5]) + (", …" if len(holders) > 5 else "")
    return finding(code, title, ref, value=value, count=len(holders), rows=rows)


def _check_camat_identity(wb: Workbook, camat: Employee, findings: list[Finding]) -> None:
    ident = wb.identity
    pairs = (
        ("nama", "Nama", camat.nama, ident.nama_camat, _name_key),
        ("nip", "NIP", camat.nip, ident.nip_camat, _digits),
    )
    for key, label, given, expected, same in pairs:
        if given and expected and same(given) != same(expected):
            title, ref = _place(wb, PEGAWAI_SHEET.name, camat.row, key)
            findings.append(
                finding(
                    "pegawai-camat-mismatch",
                    title,
                    ref,
                    column=label,
                    value=given,
                    expected=expected,
                )
            )


def _check_camat_atasan(wb: Workbook, camat: Employee, findings: list[Finding]) -> None:
    """The camat's PK is signed with the Bupati of Identitas; an Atasan Langsung typed on the
    camat's row is not used, which the staff who typed it should know."""
    expected = wb.identity.jabatan_atasan
    if not camat.atasan or (expected and normalize(camat.atasan) == normalize(expected)):
        return
    title, ref = _place(wb, PEGAWAI_SHEET.name, camat.row, "atasan")
    findings.append(
        finding("pegawai-camat-atasan", title, ref, value=camat.atasan, expected=expected or "-")
    )


def _name_key(name: str) -> str:
    """'Salman, SE., MM' and 'SALMAN, SE, MM' are one name: letters and digits only, any case."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _check_loops(
    wb: Workbook,
    staff: list[Employee],
    camat: Employee,
    jabatan: dict[str, Employee],
    findings: list[Finding],
) -> None:
    """Follow each jabatan's superiors; a chain that comes back to itself never reaches the camat."""
    top = normalize(camat.jabatan)
    parent = {normalize(e.jabatan): normalize(e.atasan) for e in reversed(staff) if e.atasan}
    reported: set[str] = set()
    settled: set[str] = set()  # walked before: each jabatan is followed once (linear time)
    for e in staff:
        node = normalize(e.jabatan)
        path: dict[str, int] = {}  # jabatan → its place on this walk
        while node and node != top and node in parent and node not in path and node not in settled:
            path[node] = len(path)
            node = parent[node]
        settled.update(path)
        if node in path and node not in reported:
            cycle = list(path)[path[node] :]
            reported.update(cycle)
            first = min((jabatan[j] for j in cycle), key=lambda x: x.row)
            title, ref = _place(wb, PEGAWAI_SHEET.name, first.row, "atasan")
            names = " → ".join(jabatan[j].jabatan for j in [*cycle, cycle[0]])
            findings.append(
                finding("pegawai-chain-loop", title, ref, jabatan=first.jabatan, chain=names)
            )


# -- Renstra, Riwayat, Riwayat Anggaran ----------------------------------------------------------


def _check_renstra(wb: Workbook, refs: _References, findings: list[Finding]) -> None:
    sheet = RENSTRA_SHEET.name
    for row in wb.renstra:
        if row.kind == "sasaran" and refs.indicator(row.kode_sasaran, row.indikator) is None:
            findings.append(
                _unknown_indicator(wb, refs, sheet, row.row, row.kode_sasaran, row.indikator)
            )
        elif row.kind == "kode" and row.kode not in refs.budget_pagu and not row.uraian:
            title, ref = _place(wb, sheet, row.row, "uraian")
            findings.append(finding("renstra-uraian-required", title, ref, value=row.kode))


def _not_past(
    wb: Workbook, sheet: str, row: int, tahun: int, sheet_now: str, findings: list[Finding]
) -> bool:
    """A history row of this year or later (its figures belong in `sheet_now`): a finding."""
    year = wb.identity.tahun
    if year is None or tahun < year:
        return False
    title, ref = _place(wb, sheet, row, "tahun")
    findings.append(
        finding("history-year-invalid", title, ref, value=tahun, year=year, sheet_now=sheet_now)
    )
    return True


def _check_history(wb: Workbook, refs: _References, findings: list[Finding]) -> None:
    sheet, year = RIWAYAT_SHEET.name, wb.identity.tahun
    seen: dict[tuple[int, str, str], int] = {}
    for row in wb.history:
        ind = refs.indicator(row.kode_sasaran, row.indikator)
        if ind is None:
            findings.append(
                _unknown_indicator(wb, refs, sheet, row.row, row.kode_sasaran, row.indikator)
            )
        if _not_past(wb, sheet, row.row, row.tahun, "Sasaran", findings):
            continue
        key = (row.tahun, normalize(row.kode_sasaran), normalize(row.indikator))
        if key in seen:
            title, ref = _place(wb, sheet, row.row, "tahun")
            findings.append(
                finding(
                    "history-duplicate",
                    title,
                    ref,
                    what=f"Indikator '{row.indikator}'",
                    value=row.tahun,
                    other_row=seen[key],
                )
            )
            continue
        seen[key] = row.row
        if ind is not None and year is not None and row.tahun == year - 1:
            _check_against_last_year(
                wb, row.row, row.tahun, row.target, ind.target_lalu, "Target", findings
            )
            _check_against_last_year(
                wb, row.row, row.tahun, row.realisasi, ind.realisasi_lalu, "Realisasi", findings
            )


def _check_against_last_year(
    wb: Workbook,
    row: int,
    year: int,
    history: Measure,
    sasaran: Measure,
    column: str,
    findings: list[Finding],
) -> None:
    if not history.available or not sasaran.available:
        return
    if history.number == sasaran.number and history.letter == sasaran.letter:
        return
    title, ref = _place(wb, RIWAYAT_SHEET.name, row, column.lower())
    findings.append(
        finding(
            "history-last-year-differs",
            title,
            ref,
            column=column,
            value=year,
            history=_shown(history),
            sasaran=_shown(sasaran),
        )
    )


def _check_budget_history(wb: Workbook, refs: _References, findings: list[Finding]) -> None:
    sheet = RIWAYAT_ANGGARAN_SHEET.name
    seen: dict[tuple[int, str], int] = {}
    for row in wb.budget_history:
        if _not_past(wb, sheet, row.row, row.tahun, "Anggaran", findings):
            continue
        if row.kode and not refs.knows_code(row.kode) and not row.uraian:
            title, ref = _place(wb, sheet, row.row, "kode")
            hint = refs.code_hint() + ", atau isi Uraian untuk program yang sudah tidak ada"
            findings.append(
                finding("reference-code-unknown", title, ref, value=row.kode, hint=hint)
            )
        key = (row.tahun, row.kode)
        if key in seen:
            title, ref = _place(wb, sheet, row.row, "tahun")
            what = f"Program '{row.kode}'" if row.kode else "Anggaran kecamatan"
            findings.append(
                finding(
                    "history-duplicate", title, ref, what=what, value=row.tahun, other_row=seen[key]
                )
            )
        else:
            seen[key] = row.row


# -- Rencana Aksi --------------------------------------------------------------------------------


def _check_action_plan(wb: Workbook, refs: _References, findings: list[Finding]) -> None:
    sheet = RENCANA_AKSI_SHEET.name
    for row in wb.action_plan:
        annual = row.target
        if row.kind == "indicator":
            ind = refs.indicator(row.kode_sasaran, row.indikator)
            if ind is None:
                findings.append(
                    _unknown_indicator(wb, refs, sheet, row.row, row.kode_sasaran, row.indikator)
                )
                continue
            annual = row.target if row.target.available else ind.target
        elif not refs.knows_code(row.kode):
            title, ref = _place(wb, sheet, row.row, "kode")
            findings.append(
                finding("reference-code-unknown", title, ref, value=row.kode, hint=refs.code_hint())
            )
        else:
            code_pagu = refs.budget_pagu.get(row.kode)
            if row.pagu is not None and code_pagu is not None and row.pagu > code_pagu + _CENT:
                title, ref = _place(wb, sheet, row.row, "pagu")
                findings.append(
                    finding(
                        "plan-pagu-over",
                        title,
                        ref,
                        value=fmt_number(row.pagu, None),
                        code=row.kode,
                        pagu=fmt_number(code_pagu, None),
                    )
                )
        if not _plan_ok(row.targets, annual, row.cumulative):
            title, ref = _place(wb, sheet, row.row, "target_tw1")
            findings.append(
                finding(
                    "plan-quarters-mismatch",
                    title,
                    ref,
                    quarters="; ".join(_shown(q) or "-" for q in row.targets),
                    annual=_shown(annual),
                )
            )


def _plan_ok(quarters: tuple[Measure, ...], annual: Measure, explicit: bool | None) -> bool:
    """A plan fits the annual target the way its Kumulatif column says, or either way."""
    fits = plan_fits(quarters, annual)
    if fits is None:
        return True
    if explicit is True:
        return fits_cumulative(quarters, annual)
    if explicit is False:
        return fits_per_quarter(quarters, annual)
    return fits


# -- PK Berjenjang -------------------------------------------------------------------------------


def _check_cascade(wb: Workbook, refs: _References, findings: list[Finding]) -> None:
    if not wb.cascade:
        return
    sheet = PK_BERJENJANG_SHEET.name
    staff = {normalize(e.jabatan): e for e in reversed(wb.staff) if e.jabatan}
    named = {normalize(e.jabatan) for e in wb.staff if e.jabatan and e.nama}
    holders_of = _holders(wb.staff)
    camat = camat_of(wb.staff)
    signers_checked: set[str] = set()
    codes_of: dict[str, list[tuple[str, int]]] = {}
    shares: dict[tuple[str, str], tuple[float, int]] = {}
    for row in wb.cascade:
        who = normalize(row.jabatan)
        if who not in staff:
            title, ref = _place(wb, sheet, row.row, "jabatan")
            findings.append(finding("reference-jabatan-unknown", title, ref, value=row.jabatan))
        elif who not in signers_checked:
            signers_checked.add(who)
            holders = holders_of[who]
            if len(holders) > 1:
                title, ref = _place(wb, sheet, row.row, "jabatan")
                findings.append(_shared("pk-jabatan-shared", title, ref, row.jabatan, holders))
            _check_signers(wb, row.row, staff[who], staff, named, camat, findings)
        if row.kode_sasaran and refs.indicator(row.kode_sasaran, row.indikator) is None:
            findings.append(
                _unknown_indicator(wb, refs, sheet, row.row, row.kode_sasaran, row.indikator)
            )
        for code in row.kodes:
            if not refs.knows_code(code):
                title, ref = _place(wb, sheet, row.row, "kode")
                findings.append(
                    finding("reference-code-unknown", title, ref, value=code, hint=refs.code_hint())
                )
            codes_of.setdefault(who, []).append((code, row.row))
        _check_share(wb, refs, row.row, row.jabatan, row.kodes, row.pagu, shares, findings)
    for who, codes in codes_of.items():
        _check_nesting(wb, staff[who].jabatan if who in staff else who, codes, findings)


def _check_signers(
    wb: Workbook,
    row: int,
    pejabat: Employee,
    staff: dict[str, Employee],
    named: set[str],
    camat: Employee | None,
    findings: list[Finding],
) -> None:
    """The pejabat (pihak pertama) and the superior (pihak kedua) both need a name; the camat's
    comes from Identitas."""
    superior = normalize(pejabat.atasan)
    is_camat = camat is not None and superior == normalize(camat.jabatan)
    for jabatan in (normalize(pejabat.jabatan), "" if is_camat else superior):
        if jabatan and jabatan in staff and jabatan not in named:
            title, ref = _place(wb, PK_BERJENJANG_SHEET.name, row, "jabatan")
            findings.append(
                finding("cascade-signatory-missing", title, ref, value=staff[jabatan].jabatan)
            )


def _check_share(
    wb: Workbook,
    refs: _References,
    row: int,
    jabatan: str,
    kodes: tuple[str, ...],
    pagu: float | None,
    shares: dict[tuple[str, str], tuple[float, int]],
    findings: list[Finding],
) -> None:
    if pagu is None or not kodes:
        return
    title, ref = _place(wb, PK_BERJENJANG_SHEET.name, row, "pagu")
    if len(kodes) > 1:
        findings.append(finding("cascade-pagu-several-codes", title, ref, codes=", ".join(kodes)))
        return
    code = kodes[0]
    code_pagu = refs.budget_pagu.get(code)
    if code_pagu is not None and pagu > code_pagu + _CENT:
        findings.append(
            finding(
                "cascade-pagu-over",
                title,
                ref,
                value=fmt_number(pagu, None),
                code=code,
                pagu=fmt_number(code_pagu, None),
            )
        )
    key = (normalize(jabatan), code)
    if key in shares and abs(shares[key][0] - pagu) > _CENT:
        findings.append(
            finding(
                "cascade-pagu-conflict",
                title,
                ref,
                code=code,
                jabatan=jabatan,
                value=fmt_number(pagu, None),
                other_row=shares[key][1],
                other=fmt_number(shares[key][0], None),
            )
        )
    shares.setdefault(key, (pagu, row))


def _check_nesting(
    wb: Workbook, jabatan: str, codes: list[tuple[str, int]], findings: list[Finding]
) -> None:
    """A pejabat's PK lists a program or its kegiatan, never both (the pagu would count twice)."""
    for inner, row in codes:
        for outer, outer_row in codes:
            if inner != outer and inner.startswith(outer + "."):
                title, ref = _place(wb, PK_BERJENJANG_SHEET.name, row, "kode")
                findings.append(
                    finding(
                        "cascade-codes-nested",
                        title,
                        ref,
                        inner=inner,
                        outer=outer,
                        jabatan=jabatan,
                        other_row=outer_row,
                    )
                )


# -- next year's PK ------------------------------------------------------------------------------


def _check_next_year_pk(wb: Workbook, findings: list[Finding]) -> None:
    """A PK of another year than the report takes its targets and pagu from Renstra's columns of
    that year; what Renstra lacks falls back to this year's figures, with a warning."""
    year, pk_year = wb.identity.tahun, wb.identity.pk_year
    if year is None or pk_year is None or pk_year == year:
        return
    targets = {
        (normalize(r.kode_sasaran), normalize(r.indikator))
        for r in wb.renstra
        if r.kind == "sasaran" and (m := r.target(pk_year)) is not None and (m.available or m.text)
    }
    missing = [
        i
        for i in wb.indicators
        if i.tingkat == "sasaran"
        and (normalize(i.kode_sasaran), normalize(i.indikator)) not in targets
    ]
    pagu = {r.kode for r in wb.renstra if r.kind == "kode" and r.pagu_of(pk_year) is not None}
    programs = [b for b in wb.budget if b.level == "program" and b.kode not in pagu]
    for items, what, noun, column in (
        (missing, "target", "indikator", "Target"),
        (programs, "pagu", "program", "Pagu"),
    ):
        if not items:
            continue
        layout = wb.layout.get(RENSTRA_SHEET.name) or wb.layout.get(SASARAN_SHEET.name)
        title = layout.title if layout else RENSTRA_SHEET.name
        ref = a1(layout.header_row if layout else 1, 1)
        findings.append(
            finding(
                "pk-target-this-year",
                title,
                ref,
                pk_year=pk_year,
                what=what,
                count=len(items),
                items=noun,
                year=year,
                column=column,
            )
        )


def _shown(m: Measure) -> str:
    if m.text:
        return m.text
    if m.number is None:
        return m.letter or ""
    return fmt_number(m.number, None)
