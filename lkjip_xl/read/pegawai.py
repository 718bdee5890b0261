"""The `Pegawai` sheet: one person (or one vacant post) a row, with rank, education, sex and status.

Only cell-level problems are found here (an unknown rank, a bad NIP, a post without a name);
the chain of superiors and the camat's agreement with `Identitas` are checked in checks_v2.py.
"""

from __future__ import annotations

from lkjip_xl.contract.findings import Finding, finding
from lkjip_xl.contract.ranks import parse_rank
from lkjip_xl.contract.records import Employee
from lkjip_xl.read.cell_reader import CellReader
from lkjip_xl.read.locate import Table


def read_staff(table: Table, findings: list[Finding]) -> tuple[Employee, ...]:
    cells = CellReader(table, findings)
    staff = []
    for r in table.data_rows:
        nama, jabatan = cells.text(r, "nama"), cells.text(r, "jabatan")
        status = cells.choice(r, "status")
        pangkat = cells.text(r, "pangkat")
        golongan = _golongan(cells, r, pangkat, status, findings)
        nip = cells.text(r, "nip")
        if nip:
            _check_nip(cells, r, findings)
        staff.append(
            Employee(
                row=r,
                nama=nama,
                jabatan=jabatan,
                nip=nip,
                atasan=cells.text(r, "atasan"),
                pangkat=pangkat,
                golongan=golongan,
                pendidikan=cells.choice(r, "pendidikan"),
                jenis_kelamin=cells.choice(r, "jenis_kelamin"),
                status=status or ("pns" if golongan else ""),
            )
        )
    return tuple(staff)


def _golongan(cells: CellReader, r: int, pangkat: str, status: str, findings: list[Finding]) -> str:
    """The PNS golongan the cell names; PPPK and Non ASN staff have none to count."""
    if not pangkat or status in ("pppk", "non_asn"):
        return ""
    rank = parse_rank(pangkat)
    ref = cells.ref(r, "pangkat")
    if rank is None:
        findings.append(finding("pegawai-rank-unknown", cells.sheet, ref, value=pangkat))
        return ""
    if rank.conflict:
        findings.append(
            finding(
                "pegawai-rank-conflict",
                cells.sheet,
                ref,
                value=pangkat,
                named=rank.conflict,
                given=rank.golongan,
            )
        )
    return rank.golongan


def _check_nip(cells: CellReader, r: int, findings: list[Finding]) -> None:
    """18 digits (spaces allowed); a NIP typed as a number has lost its last digits."""
    raw = cells.raw(r, "nip")
    text = cells.text(r, "nip")
    digits = "".join(ch for ch in text if ch.isdigit())
    ref = cells.ref(r, "nip")
    if isinstance(raw, int | float) and len(digits) >= 16:
        findings.append(
            finding(
                "nip-invalid",
                cells.sheet,
                ref,
                value=text,
                digits=f"{len(digits)} (tersimpan sebagai angka, digit akhirnya hilang; ketik "
                "dengan tanda petik di depan, mis. '1966…)",
            )
        )
    elif len(digits) != 18 or any(not (ch.isdigit() or ch.isspace()) for ch in text):
        findings.append(finding("nip-invalid", cells.sheet, ref, value=text, digits=len(digits)))
