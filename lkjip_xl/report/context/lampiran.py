"""The lampiran: the Perjanjian Kinerja of the camat and of every pejabat (the same context as
the standalone PK documents, context/pk.py), the Rencana Aksi with its realisations, and the
workbook's free 'Tabel …' sheets (the IKU and SKM appendices reuse the rows of Bab II and III)."""

from __future__ import annotations

from collections.abc import Sequence

from lkjip_xl.calc.action_plan import ActionPlanLine
from lkjip_xl.contract.quarters import CUMULATIVE
from lkjip_xl.report import markers
from lkjip_xl.report.context.pk import agreement_contexts
from lkjip_xl.report.context.source import Source
from lkjip_xl.report.context.values import Context, Row
from lkjip_xl.report.narrative import value_text
from lkjip_xl.report.specs import table_caption


def lampiran(src: Source) -> Context:
    """Each PK, the Rencana Aksi rows, and each free table's caption and its marker paragraph,
    where render.py splices the table."""
    plan = _plan_rows(src.results.action_plan)
    iku = 3 if plan else 2  # the lampiran are numbered as the draft shows them
    return {
        "perjanjian": agreement_contexts(src.results.agreements, src.identity),
        "rencana_aksi": plan,
        "nomor_lampiran": {"rencana_aksi": 2, "iku": iku, "skm": iku + 1},
        "tabel_bebas": [
            {
                "judul": title,
                "caption": table_caption(title),
                "penanda": markers.free_table(i),
            }
            for i, title in enumerate(ft.title for ft in src.wb.free_tables)
        ],
    }


def _plan_rows(lines: Sequence[ActionPlanLine]) -> list[Row]:
    """Indicator rows numbered, their action rows under them unnumbered."""
    out, no = [], 0
    for line in lines:
        row = _plan_row(line)
        if line.source.kind == "indicator":
            no += 1
            row["no"] = str(no)
        out.append(row)
    return out


def _plan_row(line: ActionPlanLine) -> Row:
    row = line.source
    satuan = row.satuan
    name = row.indikator if row.kind == "indicator" else (row.rencana_aksi or row.indikator)
    if row.kind == "action" and row.kode:
        name = f"– {name} ({row.kode})"
    return {
        "no": "",
        "uraian": name,
        "target": value_text(line.annual, satuan),
        **{
            f"tw{q.quarter}": f"{value_text(q.target, satuan)} / {value_text(q.realisasi, satuan)}"
            for q in line.quarters
        },
        "kumulatif": "Ya" if line.mode == CUMULATIVE else "Tidak",
    }
